// Carries the parts found on a simplified proxy of a mesh back to the full mesh. The proxy's triangles use a
// subset of the full mesh's vertices (meshoptimizer collapses edges onto kept vertices), so each kept vertex takes
// the part that covers most of the proxy area around it, every other vertex takes the part of the nearest kept
// vertex along the mesh's edges (multi-source Dijkstra over the vertex graph), and each face the part most of its
// corners have. Pieces of the mesh the simplifier removed entirely (no kept vertex) get a new part each.
import type { GraphTopology } from './build-face-graph.ts';
import { faceGraphDistances } from './face-graph-distances.ts';

export function transferProxyParts(
  positions: Float64Array,
  triangles: Uint32Array,
  proxyTriangles: Uint32Array,
  proxyParts: Int32Array,
  componentOf: Uint32Array,
): Int32Array {
  const vertexCount = positions.length / 3;
  const faceCount = triangles.length / 3;

  // Part of each kept vertex, by the proxy area around it.
  const votes = new Map<number, Map<number, number>>();
  for (let face = 0; face < proxyParts.length; face++) {
    const area = triangleArea(positions, proxyTriangles, face);
    for (let corner = 0; corner < 3; corner++) {
      const vertex = proxyTriangles[face * 3 + corner];
      const tally = votes.get(vertex) ?? votes.set(vertex, new Map()).get(vertex)!;
      tally.set(proxyParts[face], (tally.get(proxyParts[face]) ?? 0) + area + 1e-30);
    }
  }
  const sources: number[] = [];
  const sourcePart: number[] = [];
  for (const [vertex, tally] of votes) {
    let best = -1,
      bestArea = -1;
    for (const [part, area] of tally) if (area > bestArea) [best, bestArea] = [part, area];
    sources.push(vertex);
    sourcePart.push(best);
  }

  const vertexGraph = buildVertexGraph(vertexCount, triangles);
  const { nearestSource } = faceGraphDistances(vertexGraph.topology, vertexGraph.lengths(positions), sources);

  let nextPart = 0;
  for (const part of proxyParts) nextPart = Math.max(nextPart, part + 1);
  const orphanPart = new Map<number, number>();
  const parts = new Int32Array(faceCount);
  for (let face = 0; face < faceCount; face++) {
    const corners = [0, 1, 2]
      .map((corner) => nearestSource[triangles[face * 3 + corner]])
      .filter((source) => source >= 0)
      .map((source) => sourcePart[source]);
    if (corners.length === 0) {
      const component = componentOf[face];
      if (!orphanPart.has(component)) orphanPart.set(component, nextPart++);
      parts[face] = orphanPart.get(component)!;
      continue;
    }
    parts[face] = corners.length === 3 && corners[1] === corners[2] ? corners[1] : corners[0];
  }
  return parts;
}

function triangleArea(positions: Float64Array, triangles: Uint32Array, face: number): number {
  const a = triangles[face * 3] * 3,
    b = triangles[face * 3 + 1] * 3,
    c = triangles[face * 3 + 2] * 3;
  const ux = positions[b] - positions[a],
    uy = positions[b + 1] - positions[a + 1],
    uz = positions[b + 2] - positions[a + 2];
  const vx = positions[c] - positions[a],
    vy = positions[c + 1] - positions[a + 1],
    vz = positions[c + 2] - positions[a + 2];
  return Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx) / 2;
}

/** The mesh's vertices and edges in the shape path searches take (nodes = vertices, edges = mesh edges). */
function buildVertexGraph(
  vertexCount: number,
  triangles: Uint32Array,
): { topology: GraphTopology; lengths(positions: Float64Array): Float64Array } {
  const seen = new Set<number>();
  const ends: number[] = [];
  for (let corner = 0; corner < triangles.length; corner++) {
    const a = triangles[corner],
      b = triangles[corner - (corner % 3) + ((corner + 1) % 3)];
    if (a === b) continue;
    const key = a < b ? a * vertexCount + b : b * vertexCount + a;
    if (seen.has(key)) continue;
    seen.add(key);
    ends.push(a, b);
  }
  const edgeFaces = Uint32Array.from(ends);
  const adjacencyStart = new Uint32Array(vertexCount + 1);
  for (const vertex of edgeFaces) adjacencyStart[vertex + 1]++;
  for (let vertex = 0; vertex < vertexCount; vertex++) adjacencyStart[vertex + 1] += adjacencyStart[vertex];
  const fill = adjacencyStart.slice(0, vertexCount);
  const adjacencyEdge = new Uint32Array(edgeFaces.length);
  for (let edge = 0; edge < edgeFaces.length / 2; edge++) {
    adjacencyEdge[fill[edgeFaces[edge * 2]]++] = edge;
    adjacencyEdge[fill[edgeFaces[edge * 2 + 1]]++] = edge;
  }
  return {
    topology: { faceCount: vertexCount, adjacencyStart, adjacencyEdge, edgeFaces },
    lengths(positions) {
      const lengths = new Float64Array(edgeFaces.length / 2);
      for (let edge = 0; edge < lengths.length; edge++) {
        const a = edgeFaces[edge * 2] * 3,
          b = edgeFaces[edge * 2 + 1] * 3;
        lengths[edge] = Math.hypot(
          positions[a] - positions[b],
          positions[a + 1] - positions[b + 1],
          positions[a + 2] - positions[b + 2],
        );
      }
      return lengths;
    },
  };
}
