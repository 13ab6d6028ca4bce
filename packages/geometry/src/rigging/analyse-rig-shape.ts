// animate_prerigcheck's analysis, also the first step of animate_rig: what kind of creature the model is, which
// way it faces, and which curve-skeleton branches are its legs, arms, head and tail.
//
// Method: the model is voxelised (voxelize-solid.ts) and its limbs found as branches of a geodesic curve
// skeleton (extract-limb-branches.ts). Branches that reach the ground from well above it are legs; their count
// decides biped / quadruped / hexapod / octopod. The frame follows from the legs: two feet side by side give the
// left-right axis (toes point forward); four or more feet give the body's long axis (principal component of
// the foot positions) with the head at the end where the thicker end branch sticks out. Legless shapes are
// judged by the principal components of their volume (elongation) and thickness: a long thin body on the
// ground is serpentine, a shorter elongated one aquatic. Mirror symmetry across the left-right plane is
// measured on the voxels and reported. Up is +Y (glTF's convention).
import type { RIG_TYPES } from '@polyforge/protocol';
import { axisName, frameFacing, toLocal, toWorld, type CharacterFrame } from './character-frame.ts';
import type { RigMesh } from './collect-rig-mesh.ts';
import { extractLimbBranches, type CurveSkeleton, type LimbBranch, type Point3 } from './extract-limb-branches.ts';
import { localPath, pointAtHeight } from './shape-probes.ts';
import { voxelAt, voxelCentre, voxelizeSolid, type VoxelGrid } from './voxelize-solid.ts';

export type RigType = (typeof RIG_TYPES)[number];

export interface RigShapeAnalysis {
  grid: VoxelGrid;
  skeleton: CurveSkeleton;
  frame: CharacterFrame;
  height: number;
  /** the model's extent along its own left, up and forward axes */
  size: Point3;
  legs: LimbBranch[];
  arms: { left?: LimbBranch; right?: LimbBranch };
  head?: LimbBranch;
  tail?: LimbBranch;
  rigType: RigType;
  riggable: boolean;
  reasons: string[];
  /** share of solid voxels whose mirror image across the left-right plane is solid too */
  symmetry: number;
  /** √(λ1/λ2) of the volume's principal components */
  elongation: number;
}

export interface AnalyseRigShapeOptions {
  /** voxels along the longest side */
  resolution?: number;
  /** rig types the rigger has a template for; others are reported as not riggable here */
  riggableTypes?: readonly RigType[];
}

export const ANALYSE_RIG_SHAPE_DEFAULTS: Required<AnalyseRigShapeOptions> = {
  resolution: 96,
  riggableTypes: ['biped', 'quadruped'],
};

export function analyseRigShape(mesh: RigMesh, options: AnalyseRigShapeOptions = {}): RigShapeAnalysis {
  const { resolution, riggableTypes } = { ...ANALYSE_RIG_SHAPE_DEFAULTS, ...options };
  const grid = voxelizeSolid(mesh.positions, mesh.triangles, { resolution });
  const skeleton = extractLimbBranches(grid);
  const ground = mesh.min[1];
  const height = mesh.max[1] - mesh.min[1];
  const reasons: string[] = [`up axis +Y (glTF convention); height ${height.toPrecision(3)} units`];

  const legs = skeleton.branches.filter(
    (branch) => branch.extremity[1] < ground + 0.1 * height && branch.junction[1] - branch.extremity[1] > 0.2 * height,
  );
  const others = skeleton.branches.filter((branch) => !legs.includes(branch));
  const principal = principalComponents(grid);
  const frame = chooseFrame(legs, others, principal.axis, skeleton, ground, height);
  const local = (point: Point3) => toLocal(frame, point);
  const size = localSize(mesh, frame);
  const symmetry = mirrorSymmetry(grid, frame);

  const arms: RigShapeAnalysis['arms'] = {};
  let head: LimbBranch | undefined, tail: LimbBranch | undefined;
  let rigType: RigType;
  const legCount = legs.length;
  if (legCount === 2 || (legCount === 3 && others.length > 0)) {
    head = others
      .filter(
        (branch) =>
          Math.abs(local(branch.extremity)[0]) < Math.max(0.12 * height, 1.5 * branch.junctionRadius) &&
          local(branch.extremity)[1] > 0.5 * height,
      )
      .sort((a, b) => b.extremity[1] - a.extremity[1])[0];
    const lateral = others.filter((branch) => branch !== head && local(branch.extremity)[1] > 0.3 * height);
    arms.left = lateral
      .filter((branch) => local(branch.extremity)[0] > 0.08 * height)
      .sort((a, b) => local(b.extremity)[0] - local(a.extremity)[0])[0];
    arms.right = lateral
      .filter((branch) => local(branch.extremity)[0] < -0.08 * height)
      .sort((a, b) => local(a.extremity)[0] - local(b.extremity)[0])[0];
    const span = arms.left && arms.right ? local(arms.left.extremity)[0] - local(arms.right.extremity)[0] : 0;
    rigType = span > 1.5 * height ? 'avian' : 'biped';
    reasons.push(`${legCount} legs reach the ground`);
    if (rigType === 'avian') reasons.push(`wings span ${(span / height).toFixed(1)}× the height`);
    reasons.push(
      armsReason(arms),
      head ? 'a head above the shoulders' : 'no separate head found (placed by proportion)',
    );
  } else if (legCount >= 3) {
    rigType = legCount <= 4 ? 'quadruped' : legCount <= 6 ? 'hexapod' : 'octopod';
    const feet = legs.map((leg) => local(leg.extremity)[2]);
    head = others
      .filter((branch) => local(branch.extremity)[2] > Math.max(...feet))
      .sort((a, b) => local(b.extremity)[2] - local(a.extremity)[2])[0];
    tail = others
      .filter((branch) => local(branch.extremity)[2] < Math.min(...feet))
      .sort((a, b) => local(a.extremity)[2] - local(b.extremity)[2])[0];
    reasons.push(
      `${legCount} legs reach the ground`,
      head ? 'a head in front of the front legs' : 'no separate head found',
      tail ? 'a tail' : 'no tail',
    );
  } else {
    const length = size[2];
    const thickness = 2 * skeleton.coreRadius;
    if (length > 6 * thickness && size[1] < 0.4 * length) {
      rigType = 'serpentine';
      reasons.push(`no legs; a body ${(length / thickness).toFixed(0)}× as long as it is thick, lying on the ground`);
    } else if (principal.elongation > 1.8 && length > 1.5 * size[1]) {
      rigType = 'aquatic';
      reasons.push(`no legs; an elongated body (principal axes ${principal.elongation.toFixed(1)}:1), fish-like`);
    } else {
      rigType = 'others';
      reasons.push(
        `${legCount === 0 ? 'no legs' : 'one leg'} and no elongated body: no template skeleton fits this shape`,
      );
    }
  }
  reasons.push(
    `faces ${axisName(frame.forward)}`,
    `mirror symmetry ${symmetry.toFixed(2)} across the left-right plane`,
  );
  if (symmetry < 0.7) reasons.push('the shape is far from mirror-symmetric: limbs may be fitted unevenly');

  let riggable = false;
  if (rigType === 'biped' || rigType === 'avian')
    riggable = legCount === 2 && (head !== undefined || arms.left !== undefined || arms.right !== undefined);
  else if (rigType === 'quadruped') riggable = legCount === 4;
  else riggable = rigType !== 'others';
  if (riggable && !riggableTypes.includes(rigType)) {
    riggable = false;
    reasons.push(
      `the built-in rigger has no ${rigType} template on this deployment (it rigs ${riggableTypes.join(' and ')} models)`,
    );
  }
  return {
    grid,
    skeleton,
    frame,
    height,
    size,
    legs,
    arms,
    head,
    tail,
    rigType,
    riggable,
    reasons,
    symmetry,
    elongation: principal.elongation,
  };
}

function armsReason(arms: RigShapeAnalysis['arms']): string {
  const count = Number(Boolean(arms.left)) + Number(Boolean(arms.right));
  if (count === 2) return '2 arms stand out from the body';
  if (count === 1) return `only the ${arms.left ? 'left' : 'right'} arm stands out from the body`;
  return 'no arms stand out from the body (placed by proportion)';
}

/** Where the foot of a leg is: its path at a tenth of the way up to where it joins the body. */
function anklePoint(leg: LimbBranch, ground: number): Point3 {
  const height = ground + 0.12 * (leg.junction[1] - ground);
  const identity: CharacterFrame = { origin: [0, 0, 0], left: [1, 0, 0], forward: [0, 0, 1] };
  return pointAtHeight(localPath(identity, leg), height) ?? leg.extremity;
}

function chooseFrame(
  legs: LimbBranch[],
  others: LimbBranch[],
  principalAxis: Point3,
  skeleton: CurveSkeleton,
  ground: number,
  height: number,
): CharacterFrame {
  const ankles = legs.map((leg) => anklePoint(leg, ground));
  const centre = (points: Point3[]): Point3 => {
    const sum = points.reduce((total, point) => [total[0] + point[0], 0, total[2] + point[2]] as Point3, [0, 0, 0]);
    return [sum[0] / points.length, ground, sum[2] / points.length];
  };
  if (legs.length === 2 || legs.length === 3) {
    const [a, b] = farthestPair(ankles);
    const lateral = [b[0] - a[0], 0, b[2] - a[2]];
    let forward: Point3 = Math.abs(lateral[0]) >= Math.abs(lateral[2]) ? [0, 0, 1] : [1, 0, 0];
    const toes = legs.reduce(
      (sum, leg, index) =>
        sum + (leg.extremity[0] - ankles[index][0]) * forward[0] + (leg.extremity[2] - ankles[index][2]) * forward[2],
      0,
    );
    if (toes < -0.01 * height * legs.length) forward = [-forward[0], 0, -forward[2]];
    return frameFacing(forward, centre([a, b]));
  }
  if (legs.length >= 4) {
    const origin = centre(ankles);
    const axis = horizontalPrincipalAxis(ankles.map((ankle) => [ankle[0] - origin[0], ankle[2] - origin[2]]));
    let forward: Point3 =
      Math.abs(axis[0]) > Math.abs(axis[1]) ? [Math.sign(axis[0]), 0, 0] : [0, 0, Math.sign(axis[1]) || 1];
    const along = (point: Point3) => (point[0] - origin[0]) * forward[0] + (point[2] - origin[2]) * forward[2];
    const feet = ankles.map(along);
    const ends = others.filter(
      (branch) => along(branch.extremity) > Math.max(...feet) || along(branch.extremity) < Math.min(...feet),
    );
    const headEnd = ends.sort((a, b) => endThickness(b) - endThickness(a) || b.extremity[1] - a.extremity[1])[0];
    if (headEnd && along(headEnd.extremity) < 0) forward = [-forward[0], 0, -forward[2]];
    return frameFacing(forward, origin);
  }
  const core = skeleton.core;
  let forward: Point3 = Math.abs(principalAxis[0]) > Math.abs(principalAxis[2]) ? [1, 0, 0] : [0, 0, 1];
  const ends = skeleton.branches.slice(0, 2);
  if (ends.length === 2) {
    const thicker = endThickness(ends[0]) >= endThickness(ends[1]) ? ends[0] : ends[1];
    if ((thicker.extremity[0] - core[0]) * forward[0] + (thicker.extremity[2] - core[2]) * forward[2] < 0)
      forward = [-forward[0], 0, -forward[2]];
  }
  return frameFacing(forward, [core[0], ground, core[2]]);
}

/** Mean medial radius over the outer fifth of a branch: heads are thicker than tails. */
function endThickness(branch: LimbBranch): number {
  const count = Math.max(1, Math.floor(branch.radii.length / 5));
  return branch.radii.slice(0, count).reduce((sum, radius) => sum + radius, 0) / count;
}

function farthestPair(points: Point3[]): [Point3, Point3] {
  let best: [Point3, Point3] = [points[0], points[1]],
    bestDistance = -1;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const distance = Math.hypot(points[i][0] - points[j][0], points[i][2] - points[j][2]);
      if (distance > bestDistance) [best, bestDistance] = [[points[i], points[j]], distance];
    }
  }
  return best;
}

/** Major axis (unit x, z) of 2-D points centred on the origin. */
function horizontalPrincipalAxis(points: number[][]): [number, number] {
  let xx = 0,
    xz = 0,
    zz = 0;
  for (const [x, z] of points) {
    xx += x * x;
    xz += x * z;
    zz += z * z;
  }
  const angle = 0.5 * Math.atan2(2 * xz, xx - zz);
  return [Math.cos(angle), Math.sin(angle)];
}

function localSize(mesh: RigMesh, frame: CharacterFrame): Point3 {
  const min: Point3 = [Infinity, Infinity, Infinity],
    max: Point3 = [-Infinity, -Infinity, -Infinity];
  for (let offset = 0; offset < mesh.positions.length; offset += 3) {
    const local = toLocal(frame, mesh.positions.subarray(offset, offset + 3));
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], local[axis]);
      max[axis] = Math.max(max[axis], local[axis]);
    }
  }
  return [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
}

function mirrorSymmetry(grid: VoxelGrid, frame: CharacterFrame): number {
  let solid = 0,
    matched = 0;
  for (let index = 0; index < grid.solid.length; index++) {
    if (!grid.solid[index]) continue;
    solid++;
    const local = toLocal(frame, voxelCentre(grid, index));
    const mirror = voxelAt(grid, toWorld(frame, [-local[0], local[1], local[2]]));
    if (mirror >= 0 && grid.solid[mirror]) matched++;
  }
  return solid === 0 ? 0 : matched / solid;
}

/** Principal axis and elongation √(λ1/λ2) of the solid voxels (Jacobi eigen-decomposition of the 3×3 covariance). */
function principalComponents(grid: VoxelGrid): { axis: Point3; elongation: number } {
  const mean = [0, 0, 0];
  let count = 0;
  for (let index = 0; index < grid.solid.length; index++) {
    if (!grid.solid[index]) continue;
    const centre = voxelCentre(grid, index);
    for (let axis = 0; axis < 3; axis++) mean[axis] += centre[axis];
    count++;
  }
  for (let axis = 0; axis < 3; axis++) mean[axis] /= count || 1;
  const covariance = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let index = 0; index < grid.solid.length; index++) {
    if (!grid.solid[index]) continue;
    const centre = voxelCentre(grid, index);
    const d = [centre[0] - mean[0], centre[1] - mean[1], centre[2] - mean[2]];
    for (let row = 0; row < 3; row++)
      for (let column = 0; column < 3; column++) covariance[row * 3 + column] += d[row] * d[column];
  }
  const { values, vectors } = symmetricEigen3(covariance);
  const order = [0, 1, 2].sort((a, b) => values[b] - values[a]);
  const axis = [vectors[order[0]], vectors[3 + order[0]], vectors[6 + order[0]]] as Point3;
  return { axis, elongation: Math.sqrt(values[order[0]] / Math.max(values[order[1]], 1e-12)) };
}

/** Eigenvalues and eigenvectors (columns of `vectors`, row-major) of a symmetric 3×3 matrix by cyclic Jacobi rotations. */
function symmetricEigen3(matrix: number[]): { values: number[]; vectors: number[] } {
  const a = [...matrix];
  const v = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (let sweep = 0; sweep < 32; sweep++) {
    const off = a[1] ** 2 + a[2] ** 2 + a[5] ** 2;
    if (off < 1e-20 * (a[0] ** 2 + a[4] ** 2 + a[8] ** 2 + 1e-30)) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      const apq = a[p * 3 + q];
      if (Math.abs(apq) < 1e-300) continue;
      const theta = (a[q * 3 + q] - a[p * 3 + p]) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1),
        s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k * 3 + p],
          akq = a[k * 3 + q];
        a[k * 3 + p] = c * akp - s * akq;
        a[k * 3 + q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p * 3 + k],
          aqk = a[q * 3 + k];
        a[p * 3 + k] = c * apk - s * aqk;
        a[q * 3 + k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k * 3 + p],
          vkq = v[k * 3 + q];
        v[k * 3 + p] = c * vkp - s * vkq;
        v[k * 3 + q] = s * vkp + c * vkq;
      }
    }
  }
  return { values: [a[0], a[4], a[8]], vectors: v };
}
