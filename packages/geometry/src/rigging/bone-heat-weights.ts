// Smooth skin weights by bone heat.
//
// Method: Baran & Popović, "Automatic Rigging and Animation of 3D Characters" (SIGGRAPH 2007), §4: treat the
// surface as a heat-conducting body; each vertex is heated by its nearest bone that it can "see" (the straight
// segment to the bone stays inside the volume), with strength c/d² at distance d, and the weight of bone i is the
// equilibrium temperature when bone i alone is hot:  (−Δ + H) wᵢ = H pᵢ,  Δ the cotangent Laplacian (Meyer et
// al. 2003), H the diagonal heat strengths, pᵢ = 1 where bone i is the nearest visible one. Multiplied by the
// vertex areas the system is symmetric positive definite; it is factored once (sparse-ldl.ts, nested
// dissection order) and solved once per bone. Cotangents are clamped at 0 (obtuse angles), which keeps the
// matrix an M-matrix, so every weight stays within [0, 1] and the weights of a vertex sum to 1.
// Written here: no npm package computes skin weights (reference §8); Blender's "automatic weights" is the same method.
import type { Point3 } from './extract-limb-branches.ts';
import { nestedDissectionOrder } from './nested-dissection-order.ts';
import { SparseLdl } from './sparse-ldl.ts';
import { TripletBuilder } from './sparse-matrix.ts';

export interface HeatBone {
  /** index of the deforming joint this segment moves with */
  joint: number;
  from: Point3;
  to: Point3;
}

export interface BoneHeatOptions {
  /** c in H = c/d² (Pinocchio's paper suggests ≈ 1; smaller values blend over longer distances) */
  heatConstant?: number;
}

export const BONE_HEAT_DEFAULTS: Required<BoneHeatOptions> = { heatConstant: 1 };

export interface BoneHeatResult {
  /** vertexCount × jointCount, row-major */
  weights: Float32Array;
  jointCount: number;
  /** the joint of each vertex's nearest visible bone */
  nearestJoint: Int32Array;
  factorNonZeros: number;
}

export function boneHeatWeights(
  positions: Float32Array,
  triangles: Uint32Array,
  bones: HeatBone[],
  jointCount: number,
  /** whether the straight segment between two points stays inside the model */
  visible: (from: Point3, to: Point3) => boolean,
  options: BoneHeatOptions = {},
): BoneHeatResult {
  const { heatConstant } = { ...BONE_HEAT_DEFAULTS, ...options };
  const n = positions.length / 3;
  const builder = new TripletBuilder(n, triangles.length * 4 + n);
  const area = new Float64Array(n);
  for (let t = 0; t < triangles.length; t += 3) {
    const corners = [triangles[t], triangles[t + 1], triangles[t + 2]];
    const p = corners.map((vertex) => [positions[vertex * 3], positions[vertex * 3 + 1], positions[vertex * 3 + 2]]);
    const doubleArea = crossLength(sub(p[1], p[0]), sub(p[2], p[0]));
    for (const vertex of corners) area[vertex] += doubleArea / 6;
    for (let k = 0; k < 3; k++) {
      // The angle at corner k is opposite the edge between the other two corners.
      const a = p[k],
        b = p[(k + 1) % 3],
        c = p[(k + 2) % 3];
      const u = sub(b, a),
        v = sub(c, a);
      const cross = crossLength(u, v);
      const cotangent = cross > 1e-30 ? Math.min(Math.max(dot(u, v) / cross, 0), 1e4) : 0;
      if (cotangent === 0) continue;
      const weight = cotangent / 2;
      const i = corners[(k + 1) % 3],
        j = corners[(k + 2) % 3];
      builder.addSymmetric(i, j, -weight);
      builder.add(i, i, weight);
      builder.add(j, j, weight);
    }
  }

  const extent = boundsDiagonal(positions);
  const minimumDistance = 1e-3 * extent;
  const nearestJoint = new Int32Array(n).fill(-1);
  const heat = new Float64Array(n);
  const bonesByDistance = bones.map((_, index) => index);
  const distances = new Float64Array(bones.length);
  const closest = bones.map(() => [0, 0, 0] as Point3);
  const visibleSomewhere = new Uint8Array(n);
  const point: Point3 = [0, 0, 0];
  for (let vertex = 0; vertex < n; vertex++) {
    point[0] = positions[vertex * 3];
    point[1] = positions[vertex * 3 + 1];
    point[2] = positions[vertex * 3 + 2];
    let nearest = 0;
    for (let index = 0; index < bones.length; index++) {
      closestPointOnSegment(point, bones[index].from, bones[index].to, closest[index]);
      const c = closest[index];
      distances[index] = Math.max(Math.hypot(point[0] - c[0], point[1] - c[1], point[2] - c[2]), minimumDistance);
      if (distances[index] < distances[nearest]) nearest = index;
    }
    // Usually the nearest bone is visible; otherwise try the others from near to far.
    let chosen = visible(point, closest[nearest]) ? nearest : -1;
    if (chosen < 0) {
      bonesByDistance.sort((a, b) => distances[a] - distances[b]);
      chosen = bonesByDistance.find((index) => index !== nearest && visible(point, closest[index])) ?? -1;
    }
    if (chosen >= 0) {
      nearestJoint[vertex] = bones[chosen].joint;
      heat[vertex] = heatConstant / distances[chosen] ** 2;
      visibleSomewhere[vertex] = 1;
    } else {
      nearestJoint[vertex] = bones[nearest].joint;
    }
  }
  // A piece of the mesh from which no bone is visible (a floating accessory) would have no heat at all and make
  // the system singular: there, the nearest bone heats every vertex.
  const components = connectedComponents(n, triangles);
  const componentSeesABone = new Uint8Array(n);
  for (let vertex = 0; vertex < n; vertex++) if (visibleSomewhere[vertex]) componentSeesABone[components[vertex]] = 1;
  for (let vertex = 0; vertex < n; vertex++) {
    if (componentSeesABone[components[vertex]]) continue;
    const point: Point3 = [positions[vertex * 3], positions[vertex * 3 + 1], positions[vertex * 3 + 2]];
    const distance = Math.min(
      ...bones.map((bone) => Math.max(pointSegmentDistance(point, bone.from, bone.to), minimumDistance)),
    );
    heat[vertex] = heatConstant / distance ** 2;
  }

  const rhsScale = new Float64Array(n);
  for (let vertex = 0; vertex < n; vertex++) {
    if (area[vertex] > 0) {
      builder.add(vertex, vertex, area[vertex] * heat[vertex]);
      rhsScale[vertex] = area[vertex] * heat[vertex];
    } else {
      // A vertex of no triangle: its weight is simply its nearest bone.
      builder.add(vertex, vertex, 1);
      rhsScale[vertex] = 1;
    }
  }
  const matrix = builder.build();
  const factor = new SparseLdl(matrix, nestedDissectionOrder(matrix, positions));

  const weights = new Float32Array(n * jointCount);
  const rhs = new Float64Array(n);
  const usedJoints = new Set(nearestJoint);
  for (let joint = 0; joint < jointCount; joint++) {
    if (!usedJoints.has(joint)) continue;
    for (let vertex = 0; vertex < n; vertex++) rhs[vertex] = nearestJoint[vertex] === joint ? rhsScale[vertex] : 0;
    const solution = factor.solve(rhs);
    for (let vertex = 0; vertex < n; vertex++)
      weights[vertex * jointCount + joint] = Math.min(1, Math.max(0, solution[vertex]));
  }
  return { weights, jointCount, nearestJoint, factorNonZeros: factor.factorNonZeros };
}

function connectedComponents(n: number, triangles: Uint32Array): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, index) => index);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let t = 0; t < triangles.length; t += 3) {
    const a = find(triangles[t]);
    for (const other of [triangles[t + 1], triangles[t + 2]]) {
      const b = find(other);
      if (a !== b) parent[b] = a;
    }
  }
  for (let vertex = 0; vertex < n; vertex++) parent[vertex] = find(vertex);
  return parent;
}

function closestPointOnSegment(point: Point3, from: Point3, to: Point3, out: Point3 = [0, 0, 0]): Point3 {
  const dx = to[0] - from[0],
    dy = to[1] - from[1],
    dz = to[2] - from[2];
  const lengthSquared = dx * dx + dy * dy + dz * dz;
  const along = (point[0] - from[0]) * dx + (point[1] - from[1]) * dy + (point[2] - from[2]) * dz;
  const t = lengthSquared > 0 ? Math.min(1, Math.max(0, along / lengthSquared)) : 0;
  out[0] = from[0] + dx * t;
  out[1] = from[1] + dy * t;
  out[2] = from[2] + dz * t;
  return out;
}

function pointSegmentDistance(point: Point3, from: Point3, to: Point3): number {
  const closest = closestPointOnSegment(point, from, to);
  return Math.hypot(point[0] - closest[0], point[1] - closest[1], point[2] - closest[2]);
}

function boundsDiagonal(positions: Float32Array): number {
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let offset = 0; offset < positions.length; offset += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], positions[offset + axis]);
      max[axis] = Math.max(max[axis], positions[offset + axis]);
    }
  }
  return Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) || 1;
}

function sub(a: ArrayLike<number>, b: ArrayLike<number>): Point3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function crossLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]);
}
