// The second step of Liepa's hole filling ("Filling Holes in Meshes", SGP 2003, §3.2): refines the initial
// triangulation until its vertex density matches the surrounding mesh. Each boundary vertex carries a scale σ
// (the mean length of its mesh edges); a triangle is split at its centroid c (σ(c) = mean σ of its corners)
// when √2·|c − v| exceeds both σ(c) and σ(v) for each corner v, and each split is followed by edge relaxation:
// an interior edge is flipped when the two angles opposite it sum to more than π (the Delaunay criterion), so
// the patch stays well shaped. Boundary edges are never touched; nothing outside the patch moves.

export interface PatchMesh {
  /** xyz per patch vertex: the loop's vertices first, then the vertices refinement added. */
  positions: number[];
  /** σ per patch vertex. */
  scales: number[];
  triangles: Array<[number, number, number]>;
}

const SPLIT_FACTOR = Math.SQRT2;

export interface RefinePatchOptions {
  /** Stop adding vertices beyond this many (a safety bound for huge holes). */
  maxVertices?: number;
  maxRelaxSweeps?: number;
}

export function refinePatch(patch: PatchMesh, options: RefinePatchOptions = {}): PatchMesh {
  const maxVertices = options.maxVertices ?? 20_000;
  const positions = [...patch.positions];
  const scales = [...patch.scales];
  const triangles: Array<[number, number, number] | null> = patch.triangles.map(
    (triangle) => [...triangle] as [number, number, number],
  );
  const edges = new EdgeIndex(triangles);

  for (let pass = 0; pass < 64; pass++) {
    let split = false;
    const count = triangles.length;
    for (let index = 0; index < count; index++) {
      const triangle = triangles[index];
      if (!triangle || positions.length / 3 >= maxVertices) continue;
      const [a, b, c] = triangle;
      const centroid = [0, 1, 2].map(
        (axis) => (positions[a * 3 + axis] + positions[b * 3 + axis] + positions[c * 3 + axis]) / 3,
      );
      const centroidScale = (scales[a] + scales[b] + scales[c]) / 3;
      const wide = [a, b, c].every((corner) => {
        const reach =
          SPLIT_FACTOR *
          Math.hypot(
            centroid[0] - positions[corner * 3],
            centroid[1] - positions[corner * 3 + 1],
            centroid[2] - positions[corner * 3 + 2],
          );
        return reach > centroidScale && reach > scales[corner];
      });
      if (!wide) continue;
      const middle = positions.length / 3;
      positions.push(...centroid);
      scales.push(centroidScale);
      edges.remove(index, triangle);
      triangles[index] = null;
      for (const replacement of [
        [a, b, middle],
        [b, c, middle],
        [c, a, middle],
      ] as Array<[number, number, number]>) {
        triangles.push(replacement);
        edges.add(triangles.length - 1, replacement);
      }
      for (const [u, v] of [
        [a, b],
        [b, c],
        [c, a],
      ])
        relaxEdge(u, v, positions, triangles, edges);
      split = true;
    }
    relaxAll(positions, triangles, edges, options.maxRelaxSweeps ?? 8);
    if (!split) break;
  }
  return {
    positions,
    scales,
    triangles: triangles.filter((triangle): triangle is [number, number, number] => triangle !== null),
  };
}

/** Map from undirected edge to the (at most two, in a patch) triangles using it. */
class EdgeIndex {
  private readonly byEdge = new Map<string, number[]>();

  constructor(triangles: Array<[number, number, number] | null>) {
    triangles.forEach((triangle, index) => triangle && this.add(index, triangle));
  }

  private static key(u: number, v: number): string {
    return u < v ? `${u},${v}` : `${v},${u}`;
  }

  add(index: number, [a, b, c]: [number, number, number]): void {
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      const key = EdgeIndex.key(u, v);
      const list = this.byEdge.get(key);
      if (list) list.push(index);
      else this.byEdge.set(key, [index]);
    }
  }

  remove(index: number, [a, b, c]: [number, number, number]): void {
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      const key = EdgeIndex.key(u, v);
      const list = this.byEdge.get(key);
      if (!list) continue;
      const at = list.indexOf(index);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.byEdge.delete(key);
    }
  }

  trianglesOf(u: number, v: number): number[] {
    return this.byEdge.get(EdgeIndex.key(u, v)) ?? [];
  }

  has(u: number, v: number): boolean {
    return this.byEdge.has(EdgeIndex.key(u, v));
  }

  allEdges(): Array<[number, number]> {
    return [...this.byEdge.keys()].map((key) => key.split(',').map(Number) as [number, number]);
  }
}

function relaxAll(
  positions: number[],
  triangles: Array<[number, number, number] | null>,
  edges: EdgeIndex,
  maxSweeps: number,
): void {
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let flipped = false;
    for (const [u, v] of edges.allEdges()) if (relaxEdge(u, v, positions, triangles, edges)) flipped = true;
    if (!flipped) return;
  }
}

/** Flips edge u–v when the angles opposite it sum to more than π; returns whether it flipped. */
function relaxEdge(
  u: number,
  v: number,
  positions: number[],
  triangles: Array<[number, number, number] | null>,
  edges: EdgeIndex,
): boolean {
  const shared = [...edges.trianglesOf(u, v)];
  if (shared.length !== 2) return false;
  const [first, second] = shared.map((index) => triangles[index]!);
  const c = first.find((corner) => corner !== u && corner !== v)!;
  const d = second.find((corner) => corner !== u && corner !== v)!;
  if (c === d || edges.has(c, d)) return false;
  if (angleAt(positions, c, u, v) + angleAt(positions, d, u, v) <= Math.PI + 1e-9) return false;
  // Keep the winding: in `first`, u → v runs one way; the new triangles keep each side's orientation.
  const forward = first[(first.indexOf(u) + 1) % 3] === v;
  const [from, to] = forward ? [u, v] : [v, u];
  const replacement: Array<[number, number, number]> = [
    [from, d, c],
    [d, to, c],
  ];
  shared.forEach((index, slot) => {
    edges.remove(index, triangles[index]!);
    triangles[index] = replacement[slot];
    edges.add(index, replacement[slot]);
  });
  return true;
}

function angleAt(positions: number[], apex: number, u: number, v: number): number {
  const ax = positions[u * 3] - positions[apex * 3],
    ay = positions[u * 3 + 1] - positions[apex * 3 + 1],
    az = positions[u * 3 + 2] - positions[apex * 3 + 2];
  const bx = positions[v * 3] - positions[apex * 3],
    by = positions[v * 3 + 1] - positions[apex * 3 + 1],
    bz = positions[v * 3 + 2] - positions[apex * 3 + 2];
  const denominator = Math.hypot(ax, ay, az) * Math.hypot(bx, by, bz);
  return denominator > 0 ? Math.acos(Math.max(-1, Math.min(1, (ax * bx + ay * by + az * bz) / denominator))) : 0;
}
