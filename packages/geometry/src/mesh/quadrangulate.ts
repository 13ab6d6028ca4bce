// convert_model `quad` and quad smart low poly: turns each triangle primitive into quad-dominant faces by
// pairing adjacent triangles. Written by hand because npm has no quad remesher (geometry-stack.md §1).
//
// Method: a greedy approximation of Blossom-Quad (Remacle et al., "Blossom-Quad: a non-uniform quadrilateral
// mesh generator using a minimum-cost perfect-matching algorithm", IJNME 2012). Every interior edge shared by
// two consistently wound triangles is a candidate quad; it is scored by planarity (cosine of the angle between
// the two triangle normals) times squareness (1 − the largest deviation of a corner angle from 90°, over 90°),
// and rejected when the quad would be non-convex or fold by more than 40° (Blender's tris_convert_to_quads
// default). Candidates are taken best-first while both triangles are free: a maximal matching, not Blossom's
// minimum-cost perfect one, which needs an O(V³) solver for a few percent more quads. Pairs only form across
// edges whose vertices are shared by index, so UV seams and material borders stay triangle edges, and the
// primitive's vertices are reused unchanged: the faces index the primitive's own vertex list.
//
// The triangles in the Document stay as they are (glTF has no quads); writers that keep quads (OBJ, FBX) take
// the faces from the returned map.

import type { Document, Primitive } from '@gltf-transform/core';

export interface QuadrangulateOptions {
  /** Largest angle between the two triangles' normals, in degrees. */
  maxFoldDegrees?: number;
}

export const QUADRANGULATE_DEFAULTS: Required<QuadrangulateOptions> = {
  maxFoldDegrees: 40,
};

/** Per primitive, faces of 3 or 4 vertex indices, counter-clockwise as glTF winds triangles, covering every triangle once. */
export type QuadFaces = Map<Primitive, number[][]>;

const MODE_TRIANGLES = 4;

export function quadrangulate(document: Document, options: QuadrangulateOptions = {}): QuadFaces {
  const { maxFoldDegrees } = { ...QUADRANGULATE_DEFAULTS, ...options };
  const faces: QuadFaces = new Map();
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute('POSITION');
      if (!position || primitive.getMode() !== MODE_TRIANGLES || faces.has(primitive)) continue;
      const indices =
        primitive.getIndices()?.getArray() ?? Uint32Array.from({ length: position.getCount() }, (_, index) => index);
      const positions = new Float64Array(position.getCount() * 3);
      const element: number[] = [];
      for (let vertex = 0; vertex < position.getCount(); vertex++)
        positions.set(position.getElement(vertex, element), vertex * 3);
      faces.set(primitive, pairTriangles(indices, positions, Math.cos((maxFoldDegrees * Math.PI) / 180)));
    }
  }
  return faces;
}

/** The greedy matching over one index buffer; exported for tests on plain arrays. */
export function pairTriangles(indices: ArrayLike<number>, positions: Float64Array, minFoldCosine: number): number[][] {
  const triangleCount = Math.floor(indices.length / 3);
  const candidates = findCandidates(indices, positions, triangleCount, minFoldCosine);
  const order = Array.from({ length: candidates.scores.length }, (_, index) => index).sort(
    (a, b) => candidates.scores[b] - candidates.scores[a],
  );
  const partner = new Int32Array(triangleCount).fill(-1);
  const quadOf = new Array<number[] | undefined>(triangleCount);
  for (const candidate of order) {
    const first = candidates.first[candidate],
      second = candidates.second[candidate];
    if (partner[first] !== -1 || partner[second] !== -1) continue;
    partner[first] = second;
    partner[second] = first;
    quadOf[Math.min(first, second)] = candidates.quads[candidate];
  }
  const faces: number[][] = [];
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    if (partner[triangle] === -1)
      faces.push([indices[triangle * 3], indices[triangle * 3 + 1], indices[triangle * 3 + 2]]);
    else if (partner[triangle] > triangle) faces.push(quadOf[triangle]!);
  }
  return faces;
}

interface Candidates {
  first: number[];
  second: number[];
  scores: number[];
  quads: number[][];
}

function findCandidates(
  indices: ArrayLike<number>,
  positions: Float64Array,
  triangleCount: number,
  minFoldCosine: number,
): Candidates {
  // Directed edge a→b of triangle t, looked up by its reverse b→a in the neighbour.
  const edgeOwner = new Map<number, number>();
  const edgeUses = new Map<number, number>();
  const vertexCount = positions.length / 3;
  const key = (a: number, b: number) => a * vertexCount + b;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    for (let corner = 0; corner < 3; corner++) {
      const a = indices[triangle * 3 + corner],
        b = indices[triangle * 3 + ((corner + 1) % 3)];
      edgeOwner.set(key(a, b), triangle * 3 + corner);
      const undirected = a < b ? key(a, b) : key(b, a);
      edgeUses.set(undirected, (edgeUses.get(undirected) ?? 0) + 1);
    }
  }
  const result: Candidates = { first: [], second: [], scores: [], quads: [] };
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    for (let corner = 0; corner < 3; corner++) {
      const a = indices[triangle * 3 + corner],
        b = indices[triangle * 3 + ((corner + 1) % 3)];
      const reverse = edgeOwner.get(key(b, a));
      if (reverse === undefined) continue;
      const neighbour = Math.floor(reverse / 3);
      if (neighbour <= triangle || edgeUses.get(a < b ? key(a, b) : key(b, a)) !== 2) continue;
      const c = indices[triangle * 3 + ((corner + 2) % 3)];
      const d = indices[neighbour * 3 + (((reverse % 3) + 2) % 3)];
      if (c === d) continue;
      // Triangle a→b→c and neighbour b→a→d: dropping a–b leaves the loop a→d→b→c.
      const quad = [a, d, b, c];
      const score = quadScore(quad, positions, minFoldCosine);
      if (score <= 0) continue;
      result.first.push(triangle);
      result.second.push(neighbour);
      result.scores.push(score);
      result.quads.push(quad);
    }
  }
  return result;
}

/** Planarity × squareness in (0, 1], or 0 when the quad is folded too far, non-convex or degenerate. */
function quadScore(quad: number[], positions: Float64Array, minFoldCosine: number): number {
  const p = quad.map((vertex) => [positions[vertex * 3], positions[vertex * 3 + 1], positions[vertex * 3 + 2]]);
  // Triangles a,d,b and b,c,a (the originals, rotated) give the fold.
  const n1 = normalOf(p[0], p[1], p[2]);
  const n2 = normalOf(p[2], p[3], p[0]);
  if (!n1 || !n2) return 0;
  const fold = dot(n1, n2);
  if (fold < minFoldCosine) return 0;
  const average = [n1[0] + n2[0], n1[1] + n2[1], n1[2] + n2[2]];
  let worstDeviation = 0;
  for (let corner = 0; corner < 4; corner++) {
    const previous = p[(corner + 3) % 4],
      current = p[corner],
      next = p[(corner + 1) % 4];
    const incoming = subtract(current, previous),
      outgoing = subtract(next, current);
    if (dot(cross(incoming, outgoing), average) <= 0) return 0; // reflex or straight corner
    const toPrevious = subtract(previous, current);
    const cosine = dot(toPrevious, outgoing) / (Math.hypot(...toPrevious) * Math.hypot(...outgoing));
    const angle = Math.acos(Math.min(1, Math.max(-1, cosine)));
    worstDeviation = Math.max(worstDeviation, Math.abs(angle - Math.PI / 2));
  }
  const squareness = 1 - worstDeviation / (Math.PI / 2);
  return squareness <= 0 ? 0 : fold * squareness;
}

function normalOf(a: number[], b: number[], c: number[]): number[] | undefined {
  const n = cross(subtract(b, a), subtract(c, a));
  const length = Math.hypot(n[0], n[1], n[2]);
  return length > 0 ? [n[0] / length, n[1] / length, n[2] / length] : undefined;
}

function subtract(a: number[], b: number[]): number[] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: number[], b: number[]): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
