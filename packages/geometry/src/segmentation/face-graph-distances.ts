// Shortest-path distances over the face graph (Dijkstra 1959, binary heap with lazy deletion), from one or
// several source faces, with any non-negative length per dual edge. Faces another component holds stay at
// Infinity. Typed arrays throughout: segmentation runs a few dozen of these over 100k faces.
import { otherFace, type GraphTopology } from './build-face-graph.ts';
import { MinHeap } from './min-heap.ts';

export interface DistanceField {
  distance: Float64Array;
  /** Index (into `sources`) of the nearest source of each face, -1 where none is reachable. */
  nearestSource: Int32Array;
}

/** `within`, when given, confines the search to the faces it marks (1). */
export function faceGraphDistances(
  graph: GraphTopology,
  edgeWeights: Float64Array,
  sources: readonly number[],
  within?: Uint8Array,
): DistanceField {
  const distance = new Float64Array(graph.faceCount).fill(Infinity);
  const nearestSource = new Int32Array(graph.faceCount).fill(-1);
  const heap = new MinHeap(graph.faceCount);
  sources.forEach((face, index) => {
    if (distance[face] === 0) return;
    distance[face] = 0;
    nearestSource[face] = index;
    heap.push(0, face);
  });
  const done = new Uint8Array(graph.faceCount);
  while (heap.size > 0) {
    const face = heap.popValue();
    if (done[face]) continue;
    done[face] = 1;
    const base = distance[face];
    for (let slot = graph.adjacencyStart[face]; slot < graph.adjacencyStart[face + 1]; slot++) {
      const edge = graph.adjacencyEdge[slot];
      const next = otherFace(graph, edge, face);
      if (done[next] || (within && !within[next])) continue;
      const candidate = base + edgeWeights[edge];
      if (candidate < distance[next]) {
        distance[next] = candidate;
        nearestSource[next] = nearestSource[face];
        heap.push(candidate, next);
      }
    }
  }
  return { distance, nearestSource };
}
