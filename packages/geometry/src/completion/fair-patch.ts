// The third step of Liepa's hole filling (SGP 2003, §3.3): fairing. The patch's inner vertices are placed so
// that L^k x = 0 at each of them, with L the uniform graph Laplacian (umbrella operator) and the loop's vertices
// held fixed: k = 1 gives a membrane (the least-area-like surface, flat over a planar loop, used to cap a cut
// tube), k = 2 a thin plate, which also holds the surrounding ring of mesh vertices fixed and so continues the
// surface's slope smoothly into the hole (used for holes in a curved surface). The same k = 1 solve carries any
// per-vertex attribute (UVs, colours) from the loop into the patch: harmonic interpolation. Solved by conjugate
// gradients on the symmetric positive definite system (L^k)_II x_I = −(L^k)_IF x_F.

export interface FairingGraph {
  /** Number of patch vertices: the first `fixedCount` are the loop's, the rest are free. */
  vertexCount: number;
  fixedCount: number;
  /** Patch edges (pairs of patch vertex ids). */
  edges: Array<[number, number]>;
  /** Extra fixed vertices outside the patch (the mesh ring) and their edges to loop vertices: for k = 2. */
  ringValues?: number[][];
  ringEdges?: Array<[number, number]>;
}

/** Returns the free vertices' values (width numbers each) solving L^order x = 0 given the fixed values. */
export function fairPatchValues(
  graph: FairingGraph,
  fixedValues: number[][],
  initialFree: number[][],
  order: 1 | 2,
  iterations = 400,
): number[][] {
  const freeCount = graph.vertexCount - graph.fixedCount;
  if (freeCount <= 0) return [];
  const ring = order === 2 ? (graph.ringValues ?? []) : [];
  const total = graph.vertexCount + ring.length;
  const neighbours: number[][] = Array.from({ length: total }, () => []);
  for (const [a, b] of graph.edges) {
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  if (order === 2) {
    for (const [loopVertex, ringIndex] of graph.ringEdges ?? []) {
      const ringVertex = graph.vertexCount + ringIndex;
      neighbours[loopVertex].push(ringVertex);
      neighbours[ringVertex].push(loopVertex);
    }
  }
  const laplacian = (x: Float64Array, out: Float64Array, rows: (vertex: number) => boolean) => {
    for (let vertex = 0; vertex < total; vertex++) {
      if (!rows(vertex)) {
        out[vertex] = 0;
        continue;
      }
      let sum = neighbours[vertex].length * x[vertex];
      for (const next of neighbours[vertex]) sum -= x[next];
      out[vertex] = sum;
    }
  };
  const isFree = (vertex: number) => vertex >= graph.fixedCount && vertex < graph.vertexCount;
  const inPatch = (vertex: number) => vertex < graph.vertexCount;
  const scratch = new Float64Array(total);
  // y = (L^order z) on the free rows.
  const apply = (z: Float64Array, y: Float64Array) => {
    if (order === 1) laplacian(z, y, isFree);
    else {
      laplacian(z, scratch, inPatch);
      laplacian(scratch, y, isFree);
    }
  };

  const width = fixedValues[0]?.length ?? initialFree[0]?.length ?? 0;
  const result: number[][] = initialFree.map((value) => [...value]);
  for (let component = 0; component < width; component++) {
    const fixedOnly = new Float64Array(total);
    for (let vertex = 0; vertex < graph.fixedCount; vertex++) fixedOnly[vertex] = fixedValues[vertex][component];
    ring.forEach((value, index) => (fixedOnly[graph.vertexCount + index] = value[component]));
    const rhs = new Float64Array(total);
    apply(fixedOnly, rhs);
    for (let vertex = 0; vertex < total; vertex++) rhs[vertex] = isFree(vertex) ? -rhs[vertex] : 0;

    // Conjugate gradients over the free entries (the others stay 0 in every vector).
    const x = new Float64Array(total);
    for (let free = 0; free < freeCount; free++) x[graph.fixedCount + free] = initialFree[free][component];
    const ax = new Float64Array(total);
    apply(x, ax);
    const r = new Float64Array(total);
    for (let vertex = 0; vertex < total; vertex++) r[vertex] = isFree(vertex) ? rhs[vertex] - ax[vertex] : 0;
    const p = Float64Array.from(r);
    const ap = new Float64Array(total);
    let rr = dot(r, r);
    const tolerance = 1e-20 * Math.max(1, dot(rhs, rhs));
    for (let iteration = 0; iteration < iterations && rr > tolerance; iteration++) {
      apply(p, ap);
      const step = rr / (dot(p, ap) || 1e-300);
      for (let vertex = graph.fixedCount; vertex < graph.vertexCount; vertex++) {
        x[vertex] += step * p[vertex];
        r[vertex] -= step * ap[vertex];
      }
      const next = dot(r, r);
      const beta = next / rr;
      rr = next;
      for (let vertex = graph.fixedCount; vertex < graph.vertexCount; vertex++)
        p[vertex] = r[vertex] + beta * p[vertex];
    }
    for (let free = 0; free < freeCount; free++) result[free][component] = x[graph.fixedCount + free];
  }
  return result;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index] * b[index];
  return sum;
}
