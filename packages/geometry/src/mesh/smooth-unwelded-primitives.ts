// OBJ and STL files without normals arrive as one vertex per triangle corner. This welds them by position (within
// a tolerance, keeping UV and colour seams) and gives them smooth normals that stay sharp across creases: a corner
// takes the area-weighted normal of its smoothing group: the triangles around its vertex reachable across edges
// whose dihedral angle is under the crease angle (the "auto smooth" rule of DCC tools); corners of one vertex in
// different groups become separate vertices. Written by hand: gltf-transform's weld() is exact and normals() ignores
// creases, and no npm package does crease-aware normals on indexed typed arrays.

import type { Document, Primitive } from '@gltf-transform/core';
import { weldPositions } from '../segmentation/weld-positions.ts';

export interface SmoothUnweldedOptions {
  /** Triangles meeting at more than this dihedral angle keep a hard edge. */
  creaseAngleDegrees?: number;
}

export const SMOOTH_UNWELDED_DEFAULTS: Required<SmoothUnweldedOptions> = {
  creaseAngleDegrees: 60,
};

const MODE_TRIANGLES = 4;

/** Welds and smooths every triangle primitive that has no NORMAL; returns how many it changed. */
export function smoothUnweldedPrimitives(document: Document, options: SmoothUnweldedOptions = {}): number {
  const { creaseAngleDegrees } = { ...SMOOTH_UNWELDED_DEFAULTS, ...options };
  let changed = 0;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      if (
        primitive.getMode() !== MODE_TRIANGLES ||
        primitive.getAttribute('NORMAL') ||
        !primitive.getAttribute('POSITION')
      )
        continue;
      smoothPrimitive(document, primitive, Math.cos((creaseAngleDegrees * Math.PI) / 180));
      changed++;
    }
  }
  return changed;
}

function smoothPrimitive(document: Document, primitive: Primitive, cosineLimit: number): void {
  const positionAccessor = primitive.getAttribute('POSITION')!;
  const positions = positionAccessor.getArray() as Float32Array;
  const vertexCount = positionAccessor.getCount();
  const indices = primitive.getIndices()?.getArray() ?? Uint32Array.from({ length: vertexCount }, (_, index) => index);
  const triangleCount = Math.floor(indices.length / 3);
  const welded = weldPositions(positions, indices);

  // Face normals, area-weighted (unnormalised cross products), and the unit ones for the crease test.
  const faceNormals = new Float64Array(triangleCount * 3);
  const faceUnits = new Float64Array(triangleCount * 3);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const [a, b, c] = [indices[triangle * 3] * 3, indices[triangle * 3 + 1] * 3, indices[triangle * 3 + 2] * 3];
    const ux = positions[b] - positions[a],
      uy = positions[b + 1] - positions[a + 1],
      uz = positions[b + 2] - positions[a + 2];
    const vx = positions[c] - positions[a],
      vy = positions[c + 1] - positions[a + 1],
      vz = positions[c + 2] - positions[a + 2];
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    const length = Math.hypot(nx, ny, nz) || 1;
    faceNormals[triangle * 3] = nx;
    faceNormals[triangle * 3 + 1] = ny;
    faceNormals[triangle * 3 + 2] = nz;
    faceUnits[triangle * 3] = nx / length;
    faceUnits[triangle * 3 + 1] = ny / length;
    faceUnits[triangle * 3 + 2] = nz / length;
  }

  // Triangles around each welded vertex (compressed adjacency).
  const weldedCount = welded.positions.length / 3;
  const start = new Uint32Array(weldedCount + 1);
  for (let corner = 0; corner < triangleCount * 3; corner++) start[welded.triangles[corner] + 1]++;
  for (let vertex = 0; vertex < weldedCount; vertex++) start[vertex + 1] += start[vertex];
  const fill = start.slice(0, weldedCount);
  const around = new Uint32Array(triangleCount * 3);
  for (let corner = 0; corner < triangleCount * 3; corner++)
    around[fill[welded.triangles[corner]]++] = Math.floor(corner / 3);

  // One output vertex per (source vertex identity, smoothing group); identity = welded position + the other
  // attributes (UV and colour seams stay), numbered once per source vertex.
  const others = primitive
    .listSemantics()
    .filter((semantic) => semantic !== 'POSITION')
    .map((semantic) => primitive.getAttribute(semantic)!);
  const identityOf = new Uint32Array(vertexCount);
  if (others.length === 0) {
    identityOf.set(welded.weldedIdOf);
  } else {
    const ids = new Map<string, number>();
    const element: number[] = [];
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      let key = String(welded.weldedIdOf[vertex]);
      for (const accessor of others) key += `|${accessor.getElement(vertex, element).join(',')}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      identityOf[vertex] = id;
    }
  }
  const outputIds = new Map<number, number>();
  const sourceOf: number[] = [];
  const normals = new Float32Array(triangleCount * 9);
  const newIndices = new Uint32Array(triangleCount * 3);
  /** smoothing group of each corner, numbered within its welded vertex's fan */
  const cornerGroup = new Uint32Array(triangleCount * 3);

  // Around each welded vertex, triangles that share an edge with a dihedral angle under the limit form one
  // smoothing group (union-find over the fan); each group's normal is its area-weighted face normal sum.
  const cornerNormal = new Float64Array(triangleCount * 9);
  const groupOf: number[] = [];
  /** Per fan slot: the area-weighted normal sum of the group whose root is that slot. */
  let sums = new Float64Array(0);
  const find = (index: number): number => {
    while (groupOf[index] !== index) index = groupOf[index] = groupOf[groupOf[index]];
    return index;
  };
  for (let vertex = 0; vertex < weldedCount; vertex++) {
    const first = start[vertex],
      count = start[vertex + 1] - first;
    groupOf.length = count;
    for (let slot = 0; slot < count; slot++) groupOf[slot] = slot;
    for (let i = 0; i < count; i++) {
      const a = around[first + i];
      for (let j = i + 1; j < count; j++) {
        const b = around[first + j];
        if (!sharesEdge(welded.triangles, a, b, vertex)) continue;
        const cosine =
          faceUnits[a * 3] * faceUnits[b * 3] +
          faceUnits[a * 3 + 1] * faceUnits[b * 3 + 1] +
          faceUnits[a * 3 + 2] * faceUnits[b * 3 + 2];
        if (cosine >= cosineLimit) groupOf[find(i)] = find(j);
      }
    }
    if (sums.length < count * 3) sums = new Float64Array(count * 6);
    sums.fill(0, 0, count * 3);
    for (let i = 0; i < count; i++) {
      const triangle = around[first + i],
        root = find(i);
      sums[root * 3] += faceNormals[triangle * 3];
      sums[root * 3 + 1] += faceNormals[triangle * 3 + 1];
      sums[root * 3 + 2] += faceNormals[triangle * 3 + 2];
    }
    for (let i = 0; i < count; i++) {
      const triangle = around[first + i];
      const root = find(i);
      const x = sums[root * 3],
        y = sums[root * 3 + 1],
        z = sums[root * 3 + 2];
      const length = Math.hypot(x, y, z);
      for (let k = 0; k < 3; k++) {
        if (welded.triangles[triangle * 3 + k] !== vertex) continue;
        const offset = (triangle * 3 + k) * 3;
        if (length > 0) {
          cornerNormal[offset] = x / length;
          cornerNormal[offset + 1] = y / length;
          cornerNormal[offset + 2] = z / length;
        } else {
          cornerNormal[offset] = 0;
          cornerNormal[offset + 1] = 1;
          cornerNormal[offset + 2] = 0;
        }
        cornerGroup[triangle * 3 + k] = root;
      }
    }
  }
  for (let corner = 0; corner < triangleCount * 3; corner++) {
    const vertex = indices[corner];
    // A fan has fewer than 2^20 triangles, so the key is exact.
    const key = identityOf[vertex] * 1048576 + cornerGroup[corner];
    let id = outputIds.get(key);
    if (id === undefined) {
      id = sourceOf.length;
      outputIds.set(key, id);
      sourceOf.push(vertex);
      normals[id * 3] = cornerNormal[corner * 3];
      normals[id * 3 + 1] = cornerNormal[corner * 3 + 1];
      normals[id * 3 + 2] = cornerNormal[corner * 3 + 2];
    }
    newIndices[corner] = id;
  }

  const buffer = positionAccessor.getBuffer();
  for (const semantic of primitive.listSemantics()) {
    const accessor = primitive.getAttribute(semantic)!;
    const size = accessor.getElementSize();
    const source = accessor.getArray()!;
    const gathered = new (source.constructor as Float32ArrayConstructor)(sourceOf.length * size);
    for (let index = 0; index < sourceOf.length; index++) {
      for (let component = 0; component < size; component++)
        gathered[index * size + component] = source[sourceOf[index] * size + component];
    }
    const replacement = document
      .createAccessor(accessor.getName())
      .setType(accessor.getType())
      .setArray(gathered)
      .setNormalized(accessor.getNormalized())
      .setBuffer(buffer);
    primitive.setAttribute(semantic, replacement);
    if (accessor.listParents().length <= 1) accessor.dispose();
  }
  primitive.setAttribute(
    'NORMAL',
    document
      .createAccessor('NORMAL')
      .setType('VEC3')
      .setArray(normals.slice(0, sourceOf.length * 3))
      .setBuffer(buffer),
  );
  const oldIndices = primitive.getIndices();
  primitive.setIndices(document.createAccessor('indices').setType('SCALAR').setArray(newIndices).setBuffer(buffer));
  if (oldIndices && oldIndices.listParents().length <= 1) oldIndices.dispose();
}

/** Whether triangles a and b, both around `vertex`, also share one of their other welded vertices. */
function sharesEdge(triangles: Uint32Array, a: number, b: number, vertex: number): boolean {
  for (let i = 0; i < 3; i++) {
    const candidate = triangles[a * 3 + i];
    if (candidate === vertex) continue;
    if (triangles[b * 3] === candidate || triangles[b * 3 + 1] === candidate || triangles[b * 3 + 2] === candidate)
      return true;
  }
  return false;
}
