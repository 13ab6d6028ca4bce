// The dual graph segmentation works on: one node per triangle, one edge per pair of triangles that share a mesh
// edge, each edge carrying what the cost terms need (shared edge length, angle between the face normals and
// whether the fold is concave, centroid-to-centroid path length), plus the connected components.
// Degenerate (zero-area) triangles get a zero normal and count as flat against their neighbours.

export interface FaceGraph {
  faceCount: number;
  /** Welded xyz per vertex and three vertex ids per face. */
  positions: Float64Array;
  triangles: Uint32Array;
  /** Unit normal per face (xyz), zero for degenerate faces. */
  normals: Float64Array;
  areas: Float64Array;
  centroids: Float64Array;
  edgeCount: number;
  /** Two faces per dual edge. */
  edgeFaces: Uint32Array;
  /** Length of the mesh edge the two faces share. */
  edgeLength: Float64Array;
  /** Angle between the two face normals, radians in [0, π]. */
  edgeAngle: Float64Array;
  /** 1 where the surface folds inwards (a valley) across the edge. */
  edgeConcave: Uint8Array;
  /** Centroid → shared edge midpoint → centroid: a geodesic step between the faces. */
  edgeSpan: Float64Array;
  /** CSR adjacency: the dual edges of face f are adjacencyEdge[adjacencyStart[f] .. adjacencyStart[f + 1]). */
  adjacencyStart: Uint32Array;
  adjacencyEdge: Uint32Array;
  /** Connected component of each face (through shared edges), numbered 0.. componentCount-1. */
  componentOf: Uint32Array;
  componentCount: number;
}

/** The part of a face graph that path searches need; a vertex graph can take the same shape (see transfer-proxy-parts.ts). */
export type GraphTopology = Pick<FaceGraph, 'faceCount' | 'adjacencyStart' | 'adjacencyEdge' | 'edgeFaces'>;

export function otherFace(graph: GraphTopology, edge: number, face: number): number {
  const first = graph.edgeFaces[edge * 2];
  return first === face ? graph.edgeFaces[edge * 2 + 1] : first;
}

export function buildFaceGraph(positions: Float64Array, triangles: Uint32Array): FaceGraph {
  const faceCount = triangles.length / 3;
  const normals = new Float64Array(faceCount * 3);
  const areas = new Float64Array(faceCount);
  const centroids = new Float64Array(faceCount * 3);
  for (let face = 0; face < faceCount; face++) {
    const a = triangles[face * 3] * 3,
      b = triangles[face * 3 + 1] * 3,
      c = triangles[face * 3 + 2] * 3;
    const ux = positions[b] - positions[a],
      uy = positions[b + 1] - positions[a + 1],
      uz = positions[b + 2] - positions[a + 2];
    const vx = positions[c] - positions[a],
      vy = positions[c + 1] - positions[a + 1],
      vz = positions[c + 2] - positions[a + 2];
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    const length = Math.hypot(nx, ny, nz);
    areas[face] = length / 2;
    if (length > 0) normals.set([nx / length, ny / length, nz / length], face * 3);
    for (let axis = 0; axis < 3; axis++)
      centroids[face * 3 + axis] = (positions[a + axis] + positions[b + axis] + positions[c + axis]) / 3;
  }

  // Mesh edges keyed by their sorted vertex pair; each lists the faces using it (usually two).
  const vertexCount = positions.length / 3;
  const facesOfEdge = new Map<number, number[]>();
  for (let face = 0; face < faceCount; face++) {
    for (let corner = 0; corner < 3; corner++) {
      const a = triangles[face * 3 + corner],
        b = triangles[face * 3 + ((corner + 1) % 3)];
      if (a === b) continue;
      const key = a < b ? a * vertexCount + b : b * vertexCount + a;
      const list = facesOfEdge.get(key);
      if (list) list.push(face);
      else facesOfEdge.set(key, [face]);
    }
  }
  const pairs: number[] = [];
  const pairKeys: number[] = [];
  for (const [key, faces] of facesOfEdge) {
    // A non-manifold edge (three or more faces) links its faces in a chain rather than all pairs.
    for (let index = 0; index + 1 < faces.length; index++) {
      if (faces[index] === faces[index + 1]) continue;
      pairs.push(faces[index], faces[index + 1]);
      pairKeys.push(key);
    }
  }

  const edgeCount = pairKeys.length;
  const edgeFaces = Uint32Array.from(pairs);
  const edgeLength = new Float64Array(edgeCount);
  const edgeAngle = new Float64Array(edgeCount);
  const edgeConcave = new Uint8Array(edgeCount);
  const edgeSpan = new Float64Array(edgeCount);
  for (let edge = 0; edge < edgeCount; edge++) {
    const key = pairKeys[edge];
    const a = Math.floor(key / vertexCount),
      b = key - a * vertexCount;
    const p = edgeFaces[edge * 2],
      q = edgeFaces[edge * 2 + 1];
    const ax = positions[a * 3],
      ay = positions[a * 3 + 1],
      az = positions[a * 3 + 2];
    const mx = (ax + positions[b * 3]) / 2,
      my = (ay + positions[b * 3 + 1]) / 2,
      mz = (az + positions[b * 3 + 2]) / 2;
    edgeLength[edge] = Math.hypot(positions[b * 3] - ax, positions[b * 3 + 1] - ay, positions[b * 3 + 2] - az);
    edgeSpan[edge] =
      Math.hypot(centroids[p * 3] - mx, centroids[p * 3 + 1] - my, centroids[p * 3 + 2] - mz) +
      Math.hypot(centroids[q * 3] - mx, centroids[q * 3 + 1] - my, centroids[q * 3 + 2] - mz);
    const dot =
      normals[p * 3] * normals[q * 3] +
      normals[p * 3 + 1] * normals[q * 3 + 1] +
      normals[p * 3 + 2] * normals[q * 3 + 2];
    const degenerate = areas[p] === 0 || areas[q] === 0;
    edgeAngle[edge] = degenerate ? 0 : Math.acos(Math.max(-1, Math.min(1, dot)));
    // Valley test: q's centroid lies on the side p's normal points to.
    const side =
      (centroids[q * 3] - mx) * normals[p * 3] +
      (centroids[q * 3 + 1] - my) * normals[p * 3 + 1] +
      (centroids[q * 3 + 2] - mz) * normals[p * 3 + 2];
    edgeConcave[edge] = !degenerate && side > 1e-12 * (edgeLength[edge] + 1e-30) ? 1 : 0;
  }

  const degree = new Uint32Array(faceCount + 1);
  for (let index = 0; index < edgeFaces.length; index++) degree[edgeFaces[index] + 1]++;
  for (let face = 0; face < faceCount; face++) degree[face + 1] += degree[face];
  const adjacencyStart = degree;
  const fill = adjacencyStart.slice(0, faceCount);
  const adjacencyEdge = new Uint32Array(edgeFaces.length);
  for (let edge = 0; edge < edgeCount; edge++) {
    adjacencyEdge[fill[edgeFaces[edge * 2]]++] = edge;
    adjacencyEdge[fill[edgeFaces[edge * 2 + 1]]++] = edge;
  }

  const graph: FaceGraph = {
    faceCount,
    positions,
    triangles,
    normals,
    areas,
    centroids,
    edgeCount,
    edgeFaces,
    edgeLength,
    edgeAngle,
    edgeConcave,
    edgeSpan,
    adjacencyStart,
    adjacencyEdge,
    componentOf: new Uint32Array(faceCount),
    componentCount: 0,
  };
  graph.componentCount = labelComponents(graph, () => true, graph.componentOf);
  return graph;
}

/**
 * Numbers the connected components of the faces through the edges `crosses` accepts (0, 1, ...) into `out`
 * and returns how many there are.
 */
export function labelComponents(
  graph: FaceGraph,
  crosses: (edge: number, from: number, to: number) => boolean,
  out: Uint32Array,
): number {
  const unvisited = 0xffffffff;
  out.fill(unvisited);
  const stack = new Uint32Array(graph.faceCount);
  let count = 0;
  for (let start = 0; start < graph.faceCount; start++) {
    if (out[start] !== unvisited) continue;
    let top = 0;
    stack[top++] = start;
    out[start] = count;
    while (top > 0) {
      const face = stack[--top];
      for (let slot = graph.adjacencyStart[face]; slot < graph.adjacencyStart[face + 1]; slot++) {
        const edge = graph.adjacencyEdge[slot];
        const next = otherFace(graph, edge, face);
        if (out[next] !== unvisited || !crosses(edge, face, next)) continue;
        out[next] = count;
        stack[top++] = next;
      }
    }
    count++;
  }
  return count;
}
