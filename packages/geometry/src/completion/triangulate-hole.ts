// The first step of Liepa's hole filling (P. Liepa, "Filling Holes in Meshes", SGP 2003): the triangulation of a
// boundary loop that minimises, lexicographically, the largest dihedral angle between adjacent triangles (the
// surrounding mesh's triangles included) and then the total area, by dynamic programming over sub-polygons
// (Barequet & Sharir's O(n³) scheme with Liepa's weight). A triangle that would reuse an edge the mesh already
// has between two loop vertices is refused (it would make that edge non-manifold).
// Loops longer than MAX_DYNAMIC_PROGRAM_VERTICES are first cut in two along the shortest chord between vertices
// about half the loop apart, recursively, so the cubic step always runs on bounded sub-loops.

export interface HoleLoop {
  /** xyz of the loop's vertices, in loop order. */
  positions: Float64Array;
  /** For each loop edge i → i+1 (the last one closes the loop): xyz of the third vertex of the mesh triangle on the other side, if any. */
  outsideVertex: Array<[number, number, number] | undefined>;
  /** Whether loop vertices a and b (loop indices) are already joined by a mesh edge. */
  joinedInMesh(a: number, b: number): boolean;
}

export const MAX_DYNAMIC_PROGRAM_VERTICES = 120;
const ANGLE_TOLERANCE = 1e-4;

/** Triangles as loop-index triples, each wound like the loop (i < j < k along it, modulo rotation). */
export function triangulateHole(loop: HoleLoop): Array<[number, number, number]> {
  const count = loop.positions.length / 3;
  const indices = Array.from({ length: count }, (_, index) => index);
  const triangles: Array<[number, number, number]> = [];
  triangulateRange(loop, indices, true, triangles);
  return triangles;
}

/** `closedByMesh`: the edge from the last index back to the first is a real loop edge (with an outside triangle). */
function triangulateRange(
  loop: HoleLoop,
  indices: number[],
  closedByMesh: boolean,
  out: Array<[number, number, number]>,
): void {
  if (indices.length < 3) return;
  if (indices.length <= MAX_DYNAMIC_PROGRAM_VERTICES) {
    out.push(...minimumWeightTriangulation(loop, indices, closedByMesh));
    return;
  }
  const [a, b] = shortestMiddleChord(loop, indices);
  // Both halves close over the new chord; the loop's own closing edge is inside the second half now.
  triangulateRange(loop, indices.slice(a, b + 1), false, out);
  triangulateRange(loop, [...indices.slice(b), ...indices.slice(0, a + 1)], false, out);
}

function shortestMiddleChord(loop: HoleLoop, indices: number[]): [number, number] {
  const count = indices.length;
  let best: [number, number] = [0, Math.floor(count / 2)];
  let bestLength = Infinity;
  for (let a = 0; a < count; a++) {
    for (let b = a + Math.ceil(count / 3); b <= a + Math.floor((2 * count) / 3) && b < count; b++) {
      if (loop.joinedInMesh(indices[a], indices[b])) continue;
      const length = distance(loop.positions, indices[a], indices[b]);
      if (length < bestLength) [best, bestLength] = [[a, b], length];
    }
  }
  return best;
}

function minimumWeightTriangulation(
  loop: HoleLoop,
  indices: number[],
  closedByMesh: boolean,
): Array<[number, number, number]> {
  const n = indices.length;
  const angle = new Float64Array(n * n);
  const area = new Float64Array(n * n);
  const split = new Int32Array(n * n).fill(-1);
  const at = (i: number, k: number) => i * n + k;
  const normalOf = (i: number, m: number, k: number) =>
    triangleNormal(loop.positions, indices[i], indices[m], indices[k]);

  for (let span = 2; span < n; span++) {
    for (let i = 0; i + span < n; i++) {
      const k = i + span;
      let bestAngle = Infinity,
        bestArea = Infinity,
        bestSplit = -1;
      const chordTaken = span < n - 1 || !closedByMesh ? loop.joinedInMesh(indices[i], indices[k]) : false;
      for (let m = i + 1; m < k; m++) {
        if (chordTaken) break;
        const normal = normalOf(i, m, k);
        let worst = Math.max(angle[at(i, m)], angle[at(m, k)]);
        worst = Math.max(worst, sideAngle(loop, indices, normal, i, m, split[at(i, m)], normalOf));
        worst = Math.max(worst, sideAngle(loop, indices, normal, m, k, split[at(m, k)], normalOf));
        if (span === n - 1 && closedByMesh) {
          const outside = loop.outsideVertex[indices[k]];
          if (outside)
            worst = Math.max(worst, dihedral(normal, outsideNormal(loop.positions, indices[k], indices[i], outside)));
        }
        const totalArea =
          area[at(i, m)] + area[at(m, k)] + triangleArea(loop.positions, indices[i], indices[m], indices[k]);
        if (
          worst < bestAngle - ANGLE_TOLERANCE ||
          (Math.abs(worst - bestAngle) <= ANGLE_TOLERANCE && totalArea < bestArea)
        ) {
          bestAngle = worst;
          bestArea = totalArea;
          bestSplit = m;
        }
      }
      if (bestSplit < 0) {
        // Every triangle over this chord is refused: keep a fan so the loop still closes, at the worst weight.
        bestSplit = i + 1;
        bestAngle = Math.PI * 2;
        bestArea = area[at(i + 1, k)] + triangleArea(loop.positions, indices[i], indices[i + 1], indices[k]);
      }
      angle[at(i, k)] = bestAngle;
      area[at(i, k)] = bestArea;
      split[at(i, k)] = bestSplit;
    }
  }

  const triangles: Array<[number, number, number]> = [];
  const stack: Array<[number, number]> = [[0, n - 1]];
  while (stack.length > 0) {
    const [i, k] = stack.pop()!;
    if (k - i < 2) continue;
    const m = split[at(i, k)];
    triangles.push([indices[i], indices[m], indices[k]]);
    stack.push([i, m], [m, k]);
  }
  return triangles;
}

/**
 * The dihedral angle across the triangle's edge (a, b): against the mesh triangle outside when a and b are
 * neighbours on the loop, against the chosen triangle (a, split, b) of the sub-polygon otherwise.
 */
function sideAngle(
  loop: HoleLoop,
  indices: number[],
  normal: [number, number, number],
  a: number,
  b: number,
  splitOfSide: number,
  normalOf: (i: number, m: number, k: number) => [number, number, number],
): number {
  if (b - a === 1) {
    const outside = loop.outsideVertex[indices[a]];
    return outside && indices[b] === (indices[a] + 1) % (loop.positions.length / 3)
      ? dihedral(normal, outsideNormal(loop.positions, indices[a], indices[b], outside))
      : 0;
  }
  return splitOfSide >= 0 ? dihedral(normal, normalOf(a, splitOfSide, b)) : 0;
}

/** Normal of the outside triangle on loop edge a → b (its vertices run b → a → outside). */
function outsideNormal(
  positions: Float64Array,
  a: number,
  b: number,
  outside: [number, number, number],
): [number, number, number] {
  const ax = positions[a * 3],
    ay = positions[a * 3 + 1],
    az = positions[a * 3 + 2];
  const bx = positions[b * 3],
    by = positions[b * 3 + 1],
    bz = positions[b * 3 + 2];
  return normalise(cross([ax - bx, ay - by, az - bz], [outside[0] - bx, outside[1] - by, outside[2] - bz]));
}

function triangleNormal(positions: Float64Array, a: number, b: number, c: number): [number, number, number] {
  const u: [number, number, number] = [
    positions[b * 3] - positions[a * 3],
    positions[b * 3 + 1] - positions[a * 3 + 1],
    positions[b * 3 + 2] - positions[a * 3 + 2],
  ];
  const v: [number, number, number] = [
    positions[c * 3] - positions[a * 3],
    positions[c * 3 + 1] - positions[a * 3 + 1],
    positions[c * 3 + 2] - positions[a * 3 + 2],
  ];
  return normalise(cross(u, v));
}

function triangleArea(positions: Float64Array, a: number, b: number, c: number): number {
  const u: [number, number, number] = [
    positions[b * 3] - positions[a * 3],
    positions[b * 3 + 1] - positions[a * 3 + 1],
    positions[b * 3 + 2] - positions[a * 3 + 2],
  ];
  const v: [number, number, number] = [
    positions[c * 3] - positions[a * 3],
    positions[c * 3 + 1] - positions[a * 3 + 1],
    positions[c * 3 + 2] - positions[a * 3 + 2],
  ];
  const n = cross(u, v);
  return Math.hypot(n[0], n[1], n[2]) / 2;
}

function dihedral(a: [number, number, number], b: [number, number, number]): number {
  return Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
}

function cross(u: [number, number, number], v: [number, number, number]): [number, number, number] {
  return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
}

function normalise(v: [number, number, number]): [number, number, number] {
  const length = Math.hypot(v[0], v[1], v[2]);
  return length > 0 ? [v[0] / length, v[1] / length, v[2] / length] : [0, 0, 0];
}

function distance(positions: Float64Array, a: number, b: number): number {
  return Math.hypot(
    positions[a * 3] - positions[b * 3],
    positions[a * 3 + 1] - positions[b * 3 + 1],
    positions[a * 3 + 2] - positions[b * 3 + 2],
  );
}
