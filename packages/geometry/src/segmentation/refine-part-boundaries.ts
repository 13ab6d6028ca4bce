// Moves part boundaries carried over from a coarse proxy (transfer-proxy-parts.ts) onto the full mesh's own
// valleys: every face within `bandRadius` (along the surface) of a boundary may take either of the two parts
// that meet there, and one graph cut (alpha-expansion.ts, with the same cut costs as the first pass) settles
// them, so the cut snaps to the cheapest crease or neck inside the band at full resolution.
import { alphaExpansion } from './alpha-expansion.ts';
import { otherFace, type FaceGraph } from './build-face-graph.ts';
import { faceGraphDistances } from './face-graph-distances.ts';

export function refinePartBoundaries(
  graph: FaceGraph,
  parts: Int32Array,
  cutWeights: Float64Array,
  bandRadius: number,
): Int32Array {
  const boundaryFaces: number[] = [];
  const acrossPart: number[] = [];
  for (let face = 0; face < graph.faceCount; face++) {
    for (let slot = graph.adjacencyStart[face]; slot < graph.adjacencyStart[face + 1]; slot++) {
      const neighbour = otherFace(graph, graph.adjacencyEdge[slot], face);
      if (parts[neighbour] !== parts[face]) {
        boundaryFaces.push(face);
        acrossPart.push(parts[neighbour]);
        break;
      }
    }
  }
  if (boundaryFaces.length === 0) return parts;
  const { distance, nearestSource } = faceGraphDistances(graph, graph.edgeSpan, boundaryFaces);
  const allowedSecond = new Int32Array(graph.faceCount).fill(-1);
  for (let face = 0; face < graph.faceCount; face++) {
    if (!(distance[face] <= bandRadius) || nearestSource[face] < 0) continue;
    const source = nearestSource[face];
    const [sourcePart, otherPart] = [parts[boundaryFaces[source]], acrossPart[source]];
    allowedSecond[face] = parts[face] === sourcePart ? otherPart : parts[face] === otherPart ? sourcePart : -1;
  }
  return alphaExpansion({
    graph,
    labels: parts,
    allowedFirst: parts,
    allowedSecond,
    costFirst: new Float64Array(graph.faceCount),
    costSecond: new Float64Array(graph.faceCount),
    edgeWeights: cutWeights,
  });
}
