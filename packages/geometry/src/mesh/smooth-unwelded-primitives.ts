// STL files arrive as one vertex per triangle corner, OBJ files without normals with the file's own vertex sharing.
// This welds them by position (within a tolerance, keeping UV and colour seams) and gives them smooth normals that stay sharp across creases: a corner
// takes the area-weighted normal of its smoothing group: the triangles around its vertex reachable across edges
// whose dihedral angle is under the crease angle (the "auto smooth" rule of DCC tools); corners of one vertex in
// different groups become separate vertices. Written by hand: gltf-transform's weld() is exact and normals() ignores
// creases, and no npm package does crease-aware normals on indexed typed arrays.

import type { Document, Primitive, TypedArray } from '@gltf-transform/core';
import { weldPositions } from '../segmentation/weld-positions.ts';
import { hypot3 } from './hypot3.ts';

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
  const indices = primitive.getIndices()?.getArray() ?? identityIndices(vertexCount);
  const triangleCount = Math.floor(indices.length / 3);
  const welded = weldPositions(positions, indices);
  const faces = faceNormalsOf(positions, indices, triangleCount);
  const fans = trianglesAroundVertices(welded.triangles, welded.positions.length / 3, triangleCount);
  const groups = smoothingGroups(welded.triangles, fans, faces, cosineLimit);
  const output = outputVertices(indices, identitiesOf(primitive, welded.weldedIdOf), groups, triangleCount);
  writeAccessors(document, primitive, output);
}

/** Per triangle: the area-weighted normal (unnormalised cross product) and the unit one, for the crease test. */
function faceNormalsOf(
  positions: Float32Array,
  indices: TypedArray,
  triangleCount: number,
): { weighted: Float64Array; units: Float64Array } {
  const weighted = new Float64Array(triangleCount * 3);
  const units = new Float64Array(triangleCount * 3);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const a = indices[triangle * 3] * 3,
      b = indices[triangle * 3 + 1] * 3,
      c = indices[triangle * 3 + 2] * 3;
    const ux = positions[b] - positions[a],
      uy = positions[b + 1] - positions[a + 1],
      uz = positions[b + 2] - positions[a + 2];
    const vx = positions[c] - positions[a],
      vy = positions[c + 1] - positions[a + 1],
      vz = positions[c + 2] - positions[a + 2];
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    const length = hypot3(nx, ny, nz) || 1;
    weighted[triangle * 3] = nx;
    weighted[triangle * 3 + 1] = ny;
    weighted[triangle * 3 + 2] = nz;
    units[triangle * 3] = nx / length;
    units[triangle * 3 + 1] = ny / length;
    units[triangle * 3 + 2] = nz / length;
  }
  return { weighted, units };
}

/** Triangles around each welded vertex (compressed adjacency): around[start[v] .. start[v + 1]). */
function trianglesAroundVertices(
  triangles: Uint32Array,
  weldedCount: number,
  triangleCount: number,
): { start: Uint32Array; around: Uint32Array } {
  const start = new Uint32Array(weldedCount + 1);
  for (let corner = 0; corner < triangleCount * 3; corner++) start[triangles[corner] + 1]++;
  for (let vertex = 0; vertex < weldedCount; vertex++) start[vertex + 1] += start[vertex];
  const fill = start.slice(0, weldedCount);
  const around = new Uint32Array(triangleCount * 3);
  for (let corner = 0; corner < triangleCount * 3; corner++) around[fill[triangles[corner]]++] = Math.floor(corner / 3);
  return { start, around };
}

/**
 * Around each welded vertex, triangles that share an edge with a dihedral angle under the limit form one
 * smoothing group (union-find over the fan); each group's normal is its area-weighted face normal sum. A group
 * is known by its root's place in `around` (its "slot"); each corner records its group's slot.
 */
function smoothingGroups(
  triangles: Uint32Array,
  fans: { start: Uint32Array; around: Uint32Array },
  faces: { weighted: Float64Array; units: Float64Array },
  cosineLimit: number,
): { cornerSlot: Int32Array; slotNormal: Float64Array } {
  const { start, around } = fans;
  const weldedCount = start.length - 1;
  let largestFan = 0;
  for (let vertex = 0; vertex < weldedCount; vertex++)
    largestFan = Math.max(largestFan, start[vertex + 1] - start[vertex]);
  const groupOf = new Int32Array(largestFan);
  const others = new Int32Array(largestFan * 2);
  const sums = new Float64Array(largestFan * 3);
  /** Per slot that is a group's root: the group's unit normal. */
  const slotNormal = new Float64Array(around.length * 3);
  const cornerSlot = new Int32Array(around.length);
  for (let vertex = 0; vertex < weldedCount; vertex++) {
    const first = start[vertex],
      count = start[vertex + 1] - first;
    joinAcrossSoftEdges(triangles, around, first, count, vertex, faces.units, cosineLimit, groupOf, others);
    for (let index = 0; index < count * 3; index++) sums[index] = 0;
    for (let i = 0; i < count; i++) {
      const triangle = around[first + i],
        root = findRoot(groupOf, i);
      sums[root * 3] += faces.weighted[triangle * 3];
      sums[root * 3 + 1] += faces.weighted[triangle * 3 + 1];
      sums[root * 3 + 2] += faces.weighted[triangle * 3 + 2];
    }
    for (let i = 0; i < count; i++) {
      if (groupOf[i] !== i) continue;
      const x = sums[i * 3],
        y = sums[i * 3 + 1],
        z = sums[i * 3 + 2];
      const length = hypot3(x, y, z);
      const offset = (first + i) * 3;
      slotNormal[offset] = length > 0 ? x / length : 0;
      slotNormal[offset + 1] = length > 0 ? y / length : 1;
      slotNormal[offset + 2] = length > 0 ? z / length : 0;
    }
    // A degenerate triangle can hold the vertex twice: both its corners take the group of its last slot.
    for (let i = 0; i < count; i++) {
      const triangle = around[first + i];
      const root = findRoot(groupOf, i);
      for (let k = 0; k < 3; k++) {
        if (triangles[triangle * 3 + k] === vertex) cornerSlot[triangle * 3 + k] = first + root;
      }
    }
  }
  return { cornerSlot, slotNormal };
}

/**
 * Union-find over one fan: groupOf[slot] ends as a tree whose roots are its smoothing groups. Two triangles of the
 * fan share an edge when they share one of their other vertices; `others` holds those two per slot (-1 for none).
 */
function joinAcrossSoftEdges(
  triangles: Uint32Array,
  around: Uint32Array,
  first: number,
  count: number,
  vertex: number,
  units: Float64Array,
  cosineLimit: number,
  groupOf: Int32Array,
  others: Int32Array,
): void {
  for (let slot = 0; slot < count; slot++) {
    groupOf[slot] = slot;
    const triangle = around[first + slot] * 3;
    let found = 0;
    others[slot * 2] = others[slot * 2 + 1] = -1;
    for (let k = 0; k < 3; k++) {
      const candidate = triangles[triangle + k];
      if (candidate !== vertex && found < 2) others[slot * 2 + found++] = candidate;
    }
  }
  for (let i = 0; i < count; i++) {
    const a = around[first + i];
    const a0 = others[i * 2],
      a1 = others[i * 2 + 1];
    for (let j = i + 1; j < count; j++) {
      const b0 = others[j * 2],
        b1 = others[j * 2 + 1];
      if (!((a0 >= 0 && (a0 === b0 || a0 === b1)) || (a1 >= 0 && (a1 === b0 || a1 === b1)))) continue;
      const b = around[first + j];
      const cosine =
        units[a * 3] * units[b * 3] + units[a * 3 + 1] * units[b * 3 + 1] + units[a * 3 + 2] * units[b * 3 + 2];
      if (cosine >= cosineLimit) groupOf[findRoot(groupOf, i)] = findRoot(groupOf, j);
    }
  }
}

/**
 * Per source vertex, its identity: the welded position plus the other attributes (UV and colour seams stay),
 * numbered in order of first appearance.
 */
function identitiesOf(primitive: Primitive, weldedIdOf: Uint32Array): Uint32Array {
  const others = primitive
    .listSemantics()
    .filter((semantic) => semantic !== 'POSITION')
    .map((semantic) => primitive.getAttribute(semantic)!);
  if (others.length === 0) return weldedIdOf;
  const identityOf = new Uint32Array(weldedIdOf.length);
  const ids = new Map<string, number>();
  const element: number[] = [];
  for (let vertex = 0; vertex < weldedIdOf.length; vertex++) {
    let key = String(weldedIdOf[vertex]);
    for (const accessor of others) key += `|${accessor.getElement(vertex, element).join(',')}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    identityOf[vertex] = id;
  }
  return identityOf;
}

interface OutputVertices {
  count: number;
  /** Per output vertex, the source vertex whose attributes it copies. */
  sourceOf: Uint32Array;
  normals: Float32Array;
  indices: Uint32Array;
}

/**
 * One output vertex per (source vertex identity, smoothing group), numbered in order of first use. The vertices
 * of one group with different identities (UV seams) are chained from the group's first one.
 */
function outputVertices(
  indices: TypedArray,
  identityOf: Uint32Array,
  groups: { cornerSlot: Int32Array; slotNormal: Float64Array },
  triangleCount: number,
): OutputVertices {
  const { cornerSlot, slotNormal } = groups;
  const cornerCount = triangleCount * 3;
  const outputOfSlot = new Int32Array(cornerCount).fill(-1);
  const nextInSlot = new Int32Array(cornerCount);
  const identityOfOutput = new Uint32Array(cornerCount);
  const sourceOf = new Uint32Array(cornerCount);
  const normals = new Float32Array(cornerCount * 3);
  const outputIndices = new Uint32Array(cornerCount);
  let count = 0;
  for (let corner = 0; corner < cornerCount; corner++) {
    const vertex = indices[corner];
    const identity = identityOf[vertex];
    const slot = cornerSlot[corner];
    let id = outputOfSlot[slot];
    let previous = -1;
    while (id >= 0 && identityOfOutput[id] !== identity) {
      previous = id;
      id = nextInSlot[id];
    }
    if (id < 0) {
      id = count++;
      if (previous < 0) outputOfSlot[slot] = id;
      else nextInSlot[previous] = id;
      nextInSlot[id] = -1;
      identityOfOutput[id] = identity;
      sourceOf[id] = vertex;
      normals[id * 3] = slotNormal[slot * 3];
      normals[id * 3 + 1] = slotNormal[slot * 3 + 1];
      normals[id * 3 + 2] = slotNormal[slot * 3 + 2];
    }
    outputIndices[corner] = id;
  }
  return { count, sourceOf, normals: normals.subarray(0, count * 3), indices: outputIndices };
}

/**
 * The accessors are made as gltf-transform's weld() would remake them (indices first, 16-bit when they fit,
 * attributes in the primitive's order, then NORMAL): the vertices are already welded, so read-model.ts needs no
 * weld() pass afterwards, and a GLB written from the result is laid out as it was with one.
 */
function writeAccessors(document: Document, primitive: Primitive, output: OutputVertices): void {
  const { count, sourceOf } = output;
  const buffer = primitive.getAttribute('POSITION')!.getBuffer();
  const oldIndices = primitive.getIndices();
  const indices = count <= 65534 ? Uint16Array.from(output.indices) : output.indices;
  primitive.setIndices(document.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer));
  if (oldIndices && oldIndices.listParents().length <= 1) oldIndices.dispose();
  for (const semantic of primitive.listSemantics()) {
    const accessor = primitive.getAttribute(semantic)!;
    const size = accessor.getElementSize();
    const source = accessor.getArray()!;
    const gathered = new (source.constructor as Float32ArrayConstructor)(count * size);
    for (let index = 0; index < count; index++) {
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
    document.createAccessor('NORMAL').setType('VEC3').setArray(output.normals.slice()).setBuffer(buffer),
  );
}

/** The root of `index`'s group, halving the path on the way. */
function findRoot(groupOf: Int32Array, index: number): number {
  while (groupOf[index] !== index) index = groupOf[index] = groupOf[groupOf[index]];
  return index;
}

function identityIndices(count: number): Uint32Array {
  const indices = new Uint32Array(count);
  for (let index = 0; index < count; index++) indices[index] = index;
  return indices;
}
