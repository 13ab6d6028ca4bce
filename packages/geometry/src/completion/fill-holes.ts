// Fills every hole of a welded triangle mesh with Liepa's method (P. Liepa, "Filling Holes in Meshes", SGP 2003):
// minimum-weight triangulation of each boundary loop (triangulate-hole.ts), refinement to the surrounding
// density (refine-patch.ts) and fairing (fair-patch.ts). Written by hand: no npm package fills holes.
// Fairing is a thin plate (the surface's slope continues into the hole) except where the loop is planar and
// the surface meets its plane steeply, as at the cut end of a tube (a segmented leg or arm), where a flat
// membrane cap is what the shape asks for. 'cap' mode (V3's quick_cap) stops after the triangulation.
// The input is never modified: each result lists the loop, the vertices added and the patch's triangles.
import { fairPatchValues, type FairingGraph } from './fair-patch.ts';
import { findBoundaryLoops } from './find-boundary-loops.ts';
import { refinePatch } from './refine-patch.ts';
import { triangulateHole } from './triangulate-hole.ts';

export type HoleFillingMode = 'fair' | 'cap';

export interface FilledHole {
  /** Welded vertex ids of the loop, in loop order. */
  loop: number[];
  /** xyz of the vertices the patch adds. */
  addedPositions: number[];
  /** Patch triangles over patch ids: i < loop.length is loop[i], otherwise added vertex i − loop.length. */
  triangles: Array<[number, number, number]>;
  /** True when the patch was capped flat (membrane) rather than continued (thin plate). */
  flatCap: boolean;
  /** Patch edges, for interpolating attributes over the patch (fairPatchValues with order 1). */
  edges: Array<[number, number]>;
}

/** A loop is planar when no vertex lies farther than this fraction of its size from its mean plane. */
const PLANAR_TOLERANCE = 0.05;
/** ... and the surface meets it steeply when the mean |cos| between the outside faces and the plane is below this. */
const STEEP_WALL_COSINE = 0.5;

export function fillHoles(
  positions: Float64Array,
  triangles: Uint32Array,
  mode: HoleFillingMode = 'fair',
): FilledHole[] {
  const vertexCount = positions.length / 3;
  const loops = findBoundaryLoops(triangles, vertexCount);
  if (loops.length === 0) return [];
  const context = boundaryContext(positions, triangles, loops);
  return loops.map((loop) => fillLoop(positions, loop, context, mode));
}

interface BoundaryContext {
  /** Third vertex of the triangle on the far side of each missing half-edge from → to, keyed `from,to`. */
  outsideThird: Map<string, number>;
  /** Mesh neighbours of each boundary vertex. */
  neighbours: Map<number, Set<number>>;
}

function boundaryContext(positions: Float64Array, triangles: Uint32Array, loops: number[][]): BoundaryContext {
  const onBoundary = new Set(loops.flat());
  const outsideThird = new Map<string, number>();
  const neighbours = new Map<number, Set<number>>();
  for (const vertex of onBoundary) neighbours.set(vertex, new Set());
  const missing = new Set<string>();
  for (const loop of loops)
    for (let index = 0; index < loop.length; index++) missing.add(`${loop[index]},${loop[(index + 1) % loop.length]}`);
  for (let face = 0; face < triangles.length; face += 3) {
    for (let corner = 0; corner < 3; corner++) {
      const a = triangles[face + corner],
        b = triangles[face + ((corner + 1) % 3)],
        c = triangles[face + ((corner + 2) % 3)];
      if (onBoundary.has(a)) neighbours.get(a)!.add(b).add(c);
      // The mesh half-edge a → b is the twin of the missing b → a.
      if (missing.has(`${b},${a}`)) outsideThird.set(`${b},${a}`, c);
    }
  }
  return { outsideThird, neighbours };
}

function fillLoop(
  positions: Float64Array,
  loop: number[],
  context: BoundaryContext,
  mode: HoleFillingMode,
): FilledHole {
  const count = loop.length;
  const loopPositions = new Float64Array(count * 3);
  loop.forEach((vertex, index) => loopPositions.set(positions.subarray(vertex * 3, vertex * 3 + 3), index * 3));
  const outsideVertex = loop.map((vertex, index) => {
    const third = context.outsideThird.get(`${vertex},${loop[(index + 1) % count]}`);
    return third === undefined
      ? undefined
      : ([positions[third * 3], positions[third * 3 + 1], positions[third * 3 + 2]] as [number, number, number]);
  });
  const indexOf = new Map(loop.map((vertex, index) => [vertex, index]));
  const initial = triangulateHole({
    positions: loopPositions,
    outsideVertex,
    joinedInMesh: (a, b) => context.neighbours.get(loop[a])?.has(loop[b]) ?? false,
  });
  const flatCap = isFlatCap(loopPositions, outsideVertex);
  if (mode === 'cap') return { loop, addedPositions: [], triangles: initial, flatCap, edges: patchEdges(initial) };

  const scales = loop.map((vertex) => {
    const around = [...(context.neighbours.get(vertex) ?? [])];
    const total = around.reduce(
      (sum, next) =>
        sum +
        Math.hypot(
          positions[vertex * 3] - positions[next * 3],
          positions[vertex * 3 + 1] - positions[next * 3 + 1],
          positions[vertex * 3 + 2] - positions[next * 3 + 2],
        ),
      0,
    );
    return around.length > 0 ? total / around.length : 0;
  });
  const refined = refinePatch({ positions: Array.from(loopPositions), scales, triangles: initial });
  const patchVertexCount = refined.positions.length / 3;
  const edges = patchEdges(refined.triangles);
  const added: number[][] = [];
  for (let vertex = count; vertex < patchVertexCount; vertex++)
    added.push(refined.positions.slice(vertex * 3, vertex * 3 + 3));
  if (added.length === 0) return { loop, addedPositions: [], triangles: refined.triangles, flatCap, edges };

  const graph: FairingGraph = { vertexCount: patchVertexCount, fixedCount: count, edges: [...edges] };
  if (!flatCap) {
    // Thin plate: the ring of mesh vertices around the loop holds the slope.
    const known = new Set(edges.map(([a, b]) => (a < b ? `${a},${b}` : `${b},${a}`)));
    const ringIndex = new Map<number, number>();
    graph.ringValues = [];
    graph.ringEdges = [];
    loop.forEach((vertex, loopIndex) => {
      for (const next of context.neighbours.get(vertex) ?? []) {
        const nextLoopIndex = indexOf.get(next);
        if (nextLoopIndex !== undefined) {
          const key = loopIndex < nextLoopIndex ? `${loopIndex},${nextLoopIndex}` : `${nextLoopIndex},${loopIndex}`;
          if (!known.has(key)) {
            known.add(key);
            graph.edges.push([loopIndex, nextLoopIndex]);
          }
          continue;
        }
        if (!ringIndex.has(next)) {
          ringIndex.set(next, graph.ringValues!.length);
          graph.ringValues!.push([positions[next * 3], positions[next * 3 + 1], positions[next * 3 + 2]]);
        }
        graph.ringEdges!.push([loopIndex, ringIndex.get(next)!]);
      }
    });
  }
  const fixed = loop.map((_vertex, index) => Array.from(loopPositions.subarray(index * 3, index * 3 + 3)));
  const faired = fairPatchValues(graph, fixed, added, flatCap ? 1 : 2);
  return { loop, addedPositions: faired.flat(), triangles: refined.triangles, flatCap, edges };
}

function patchEdges(triangles: Array<[number, number, number]>): Array<[number, number]> {
  const seen = new Set<string>();
  const edges: Array<[number, number]> = [];
  for (const [a, b, c] of triangles) {
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      const key = u < v ? `${u},${v}` : `${v},${u}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([u, v]);
    }
  }
  return edges;
}

/** Planar loop (Newell's polygon normal, distances to the mean plane) met steeply by the faces outside it. */
function isFlatCap(loop: Float64Array, outsideVertex: Array<[number, number, number] | undefined>): boolean {
  const count = loop.length / 3;
  const normal = [0, 0, 0],
    centre = [0, 0, 0];
  for (let index = 0; index < count; index++) {
    const a = index * 3,
      b = ((index + 1) % count) * 3;
    normal[0] += (loop[a + 1] - loop[b + 1]) * (loop[a + 2] + loop[b + 2]);
    normal[1] += (loop[a + 2] - loop[b + 2]) * (loop[a] + loop[b]);
    normal[2] += (loop[a] - loop[b]) * (loop[a + 1] + loop[b + 1]);
    for (let axis = 0; axis < 3; axis++) centre[axis] += loop[a + axis] / count;
  }
  const length = Math.hypot(normal[0], normal[1], normal[2]);
  if (length === 0) return false;
  for (let axis = 0; axis < 3; axis++) normal[axis] /= length;
  let size = 0,
    offPlane = 0;
  for (let index = 0; index < count; index++) {
    const d = [0, 1, 2].map((axis) => loop[index * 3 + axis] - centre[axis]);
    size = Math.max(size, Math.hypot(d[0], d[1], d[2]));
    offPlane = Math.max(offPlane, Math.abs(d[0] * normal[0] + d[1] * normal[1] + d[2] * normal[2]));
  }
  if (offPlane > PLANAR_TOLERANCE * 2 * size) return false;
  let cosineSum = 0,
    faces = 0;
  for (let index = 0; index < count; index++) {
    const outside = outsideVertex[index];
    if (!outside) continue;
    const a = index * 3,
      b = ((index + 1) % count) * 3;
    const u = [loop[a] - loop[b], loop[a + 1] - loop[b + 1], loop[a + 2] - loop[b + 2]];
    const v = [outside[0] - loop[b], outside[1] - loop[b + 1], outside[2] - loop[b + 2]];
    const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    const nLength = Math.hypot(n[0], n[1], n[2]);
    if (nLength === 0) continue;
    cosineSum += Math.abs(n[0] * normal[0] + n[1] * normal[1] + n[2] * normal[2]) / nLength;
    faces++;
  }
  return faces > 0 && cosineSum / faces < STEEP_WALL_COSINE;
}
