// Writes one filled hole (fill-holes.ts) into a glTF primitive without touching what is there: vertices and
// triangles are only appended. The patch goes to the primitive that owns most of the loop's edges (so it takes
// that material). Loop vertices are reused where the primitive has them, which keeps UVs and shading continuous;
// under a flat cap they are duplicated instead (same position, the cap's own flat normal), so the wall keeps its
// normals. New vertices get their attributes by harmonic interpolation of the loop's values over the patch
// (UVs, and so the texture, carry across; colours too), normals from the patch's own faces, and skin joints and
// weights from the nearest loop vertex. Morph targets get zero displacement for the new vertices.
import type { Accessor, Document, Primitive } from '@gltf-transform/core';
import { dominantUvRun } from './dominant-uv-run.ts';
import { fairPatchValues } from './fair-patch.ts';
import type { FilledHole } from './fill-holes.ts';

/** Where a welded loop vertex can be found: a primitive (index into the mesh's list) and its vertex there. */
export interface VertexOccurrence {
  primitive: number;
  vertex: number;
}

export interface HoleOwnership {
  /** For each loop edge i (loop[i] → loop[i + 1]): the primitive of the mesh triangle beyond it and that triangle's vertices for loop[i] (from) and loop[i + 1] (to). */
  edgeOwners: Array<{ primitive: number; from: number; to: number } | undefined>;
  /** Any occurrence of a welded vertex in a given primitive (undefined when that primitive lacks it). */
  occurrence(weldedVertex: number, primitive: number): number | undefined;
  /** Any occurrence of a welded vertex at all. */
  anyOccurrence(weldedVertex: number): VertexOccurrence | undefined;
}

export function applyHolePatch(
  document: Document,
  primitives: Primitive[],
  hole: FilledHole,
  ownership: HoleOwnership,
): void {
  const loopCount = hole.loop.length;
  const votes = new Map<number, number>();
  for (const owner of ownership.edgeOwners)
    if (owner) votes.set(owner.primitive, (votes.get(owner.primitive) ?? 0) + 1);
  const target = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const primitive = primitives[target];
  const position = primitive.getAttribute('POSITION')!;
  const baseCount = position.getCount();

  // Where each loop vertex's attributes come from, and whether the primitive's own vertex can be reused.
  const sources: VertexOccurrence[] = hole.loop.map((welded, index) => {
    const ahead = ownership.edgeOwners[index],
      behind = ownership.edgeOwners[(index + loopCount - 1) % loopCount];
    if (ahead?.primitive === target) return { primitive: target, vertex: ahead.from };
    if (behind?.primitive === target) return { primitive: target, vertex: behind.to };
    const own = ownership.occurrence(welded, target);
    if (own !== undefined) return { primitive: target, vertex: own };
    return ownership.anyOccurrence(welded) ?? { primitive: target, vertex: 0 };
  });
  // A rim crossing a UV seam keeps only its longest UV-continuous run as is; the rest is duplicated (dominant-uv-run.ts).
  const uvAccessor = primitive.getAttribute('TEXCOORD_0');
  const continuous = uvAccessor
    ? dominantUvRun(
        sources.map((source) => readElement(primitives[source.primitive].getAttribute('TEXCOORD_0'), source.vertex, 2)),
      )
    : new Array<boolean>(loopCount).fill(true);
  const reuse = sources.map((source, index) => source.primitive === target && !hole.flatCap && continuous[index]);

  // Patch vertex → primitive vertex; duplicates and added vertices are appended in this order.
  const appendedFrom: Array<{ loopIndex: number } | { addedIndex: number }> = [];
  const patchToPrimitive: number[] = [];
  sources.forEach((source, index) => {
    if (reuse[index]) patchToPrimitive.push(source.vertex);
    else {
      patchToPrimitive.push(baseCount + appendedFrom.length);
      appendedFrom.push({ loopIndex: index });
    }
  });
  const addedCount = hole.addedPositions.length / 3;
  for (let added = 0; added < addedCount; added++) {
    patchToPrimitive.push(baseCount + appendedFrom.length);
    appendedFrom.push({ addedIndex: added });
  }

  const patchPositions = patchVertexPositions(primitives, sources, hole);
  const patchNormals = faceNormalsAtVertices(patchPositions, hole.triangles);
  const nearestLoop = nearestLoopVertex(patchPositions, loopCount);
  const graph = { vertexCount: loopCount + addedCount, fixedCount: loopCount, edges: hole.edges };

  for (const semantic of primitive.listSemantics()) {
    const accessor = primitive.getAttribute(semantic)!;
    const loopValues = sources.map((source) =>
      readElement(primitives[source.primitive].getAttribute(semantic), source.vertex, accessor.getElementSize()),
    );
    let addedValues: number[][];
    if (semantic === 'POSITION')
      addedValues = Array.from({ length: addedCount }, (_, added) =>
        patchPositions.slice((loopCount + added) * 3, (loopCount + added) * 3 + 3),
      );
    else if (semantic === 'NORMAL')
      addedValues = Array.from({ length: addedCount }, (_, added) =>
        patchNormals.slice((loopCount + added) * 3, (loopCount + added) * 3 + 3),
      );
    else if (semantic.startsWith('JOINTS_') || semantic.startsWith('WEIGHTS_'))
      addedValues = Array.from({ length: addedCount }, (_, added) => loopValues[nearestLoop[loopCount + added]]);
    else if (semantic.startsWith('TEXCOORD_') && continuous.some((inRun) => !inRun)) {
      // Across a seam: rim vertices off the continuous run are interpolated with the patch.
      const values = interpolateMasked(graph, loopValues, continuous, addedCount);
      values.slice(0, loopCount).forEach((value, index) => !continuous[index] && (loopValues[index] = value));
      addedValues = values.slice(loopCount);
    } else addedValues = interpolate(graph, loopValues, addedCount, semantic === 'TANGENT');
    const rows = appendedFrom.map((entry) => {
      if ('addedIndex' in entry) return addedValues[entry.addedIndex];
      if (semantic === 'NORMAL' && hole.flatCap)
        return patchNormals.slice(entry.loopIndex * 3, entry.loopIndex * 3 + 3);
      return loopValues[entry.loopIndex];
    });
    appendElements(accessor, rows);
  }
  for (const morphTarget of primitive.listTargets()) {
    for (const accessor of morphTarget.listAttributes())
      appendElements(
        accessor,
        appendedFrom.map(() => new Array(accessor.getElementSize()).fill(0)),
      );
  }
  appendTriangles(
    document,
    primitive,
    baseCount,
    baseCount + appendedFrom.length,
    hole.triangles.map((triangle) => triangle.map((vertex) => patchToPrimitive[vertex]) as [number, number, number]),
  );
}

function patchVertexPositions(primitives: Primitive[], sources: VertexOccurrence[], hole: FilledHole): number[] {
  const out: number[] = [];
  for (const source of sources)
    out.push(...readElement(primitives[source.primitive].getAttribute('POSITION'), source.vertex, 3));
  out.push(...hole.addedPositions);
  return out;
}

function readElement(accessor: Accessor | null, index: number, width: number): number[] {
  if (!accessor) return new Array(width).fill(0);
  const element: number[] = accessor.getElement(index, []);
  while (element.length < width) element.push(element.length === 3 ? 1 : 0);
  return element.slice(0, width);
}

/** Harmonic values for every patch vertex, holding fixed only the loop vertices `fixed` marks. */
function interpolateMasked(
  graph: { vertexCount: number; fixedCount: number; edges: Array<[number, number]> },
  loopValues: number[][],
  fixed: boolean[],
  addedCount: number,
): number[][] {
  const loopCount = loopValues.length;
  // Renumber: fixed loop vertices first, then the other loop vertices and the added ones.
  const order = [...loopValues.keys()].filter((index) => fixed[index]);
  const fixedCount = order.length;
  for (let index = 0; index < loopCount; index++) if (!fixed[index]) order.push(index);
  for (let added = 0; added < addedCount; added++) order.push(loopCount + added);
  const newIndex = new Array<number>(order.length);
  order.forEach((vertex, position) => (newIndex[vertex] = position));
  const width = loopValues[0].length;
  const mean = new Array(width).fill(0);
  for (const index of order.slice(0, fixedCount))
    for (let component = 0; component < width; component++)
      mean[component] += loopValues[index][component] / fixedCount;
  const free = fairPatchValues(
    {
      vertexCount: order.length,
      fixedCount,
      edges: graph.edges.map(([a, b]) => [newIndex[a], newIndex[b]] as [number, number]),
    },
    order.slice(0, fixedCount).map((index) => loopValues[index]),
    Array.from({ length: order.length - fixedCount }, () => [...mean]),
    1,
  );
  const result: number[][] = new Array(graph.vertexCount);
  order.forEach(
    (vertex, position) => (result[vertex] = position < fixedCount ? loopValues[vertex] : free[position - fixedCount]),
  );
  return result;
}

function interpolate(
  graph: { vertexCount: number; fixedCount: number; edges: Array<[number, number]> },
  fixed: number[][],
  addedCount: number,
  unitVector: boolean,
): number[][] {
  if (addedCount === 0) return [];
  const width = fixed[0].length;
  const mean = new Array(width).fill(0);
  for (const value of fixed)
    for (let component = 0; component < width; component++) mean[component] += value[component] / fixed.length;
  const values = fairPatchValues(
    graph,
    fixed,
    Array.from({ length: addedCount }, () => [...mean]),
    1,
  );
  if (!unitVector) return values;
  // Tangents: renormalise xyz, keep the handedness (w) of the loop.
  return values.map((value) => {
    const length = Math.hypot(value[0], value[1], value[2]) || 1;
    return [value[0] / length, value[1] / length, value[2] / length, Math.sign(fixed[0][3] ?? 1) || 1];
  });
}

/** Area-weighted normals of the patch's triangles at each patch vertex. */
function faceNormalsAtVertices(positions: number[], triangles: Array<[number, number, number]>): number[] {
  const normals = new Array(positions.length).fill(0);
  for (const [a, b, c] of triangles) {
    const u = [0, 1, 2].map((axis) => positions[b * 3 + axis] - positions[a * 3 + axis]);
    const v = [0, 1, 2].map((axis) => positions[c * 3 + axis] - positions[a * 3 + axis]);
    const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    for (const vertex of [a, b, c]) for (let axis = 0; axis < 3; axis++) normals[vertex * 3 + axis] += n[axis];
  }
  for (let vertex = 0; vertex < normals.length; vertex += 3) {
    const length = Math.hypot(normals[vertex], normals[vertex + 1], normals[vertex + 2]) || 1;
    for (let axis = 0; axis < 3; axis++) normals[vertex + axis] /= length;
  }
  return normals;
}

function nearestLoopVertex(positions: number[], loopCount: number): number[] {
  const nearest: number[] = [];
  for (let vertex = 0; vertex < positions.length / 3; vertex++) {
    let best = 0,
      bestDistance = Infinity;
    for (let loop = 0; loop < loopCount; loop++) {
      const distance =
        (positions[vertex * 3] - positions[loop * 3]) ** 2 +
        (positions[vertex * 3 + 1] - positions[loop * 3 + 1]) ** 2 +
        (positions[vertex * 3 + 2] - positions[loop * 3 + 2]) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [loop, distance];
    }
    nearest.push(best);
  }
  return nearest;
}

function appendElements(accessor: Accessor, rows: number[][]): void {
  if (rows.length === 0) return;
  const count = accessor.getCount();
  const size = accessor.getElementSize();
  const old = accessor.getArray()!;
  const grown = new (old.constructor as new (length: number) => typeof old)((count + rows.length) * size);
  grown.set(old.subarray(0, count * size));
  accessor.setArray(grown);
  rows.forEach((row, index) => accessor.setElement(count + index, row));
}

/** `originalVertexCount`: vertices before the patch (a non-indexed primitive gets the identity indices for them). */
function appendTriangles(
  document: Document,
  primitive: Primitive,
  originalVertexCount: number,
  vertexCount: number,
  triangles: Array<[number, number, number]>,
): void {
  let indices = primitive.getIndices();
  if (!indices) {
    const identity = Uint32Array.from({ length: originalVertexCount }, (_, index) => index);
    indices = document
      .createAccessor()
      .setType('SCALAR')
      .setArray(identity)
      .setBuffer(primitive.getAttribute('POSITION')!.getBuffer());
    primitive.setIndices(indices);
  }
  const old = indices.getArray()!;
  const wide = vertexCount > 65535 || old instanceof Uint32Array;
  const grown = wide
    ? new Uint32Array(old.length + triangles.length * 3)
    : new Uint16Array(old.length + triangles.length * 3);
  grown.set(old);
  triangles.forEach((triangle, index) => grown.set(triangle, old.length + index * 3));
  indices.setArray(grown);
}
