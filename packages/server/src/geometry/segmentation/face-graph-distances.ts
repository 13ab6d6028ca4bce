// Shortest-path distances over the face graph (Dijkstra 1959, binary heap with lazy deletion), from one or
// several source faces, with any non-negative length per dual edge. Faces another component holds stay at
// Infinity. Typed arrays throughout: segmentation runs a few dozen of these over 100k faces.
import { otherFace, type GraphTopology } from './build-face-graph.ts';

export interface DistanceField {
  distance: Float64Array;
  /** Index (into `sources`) of the nearest source of each face, -1 where none is reachable. */
  nearestSource: Int32Array;
}

/** `within`, when given, confines the search to the faces it marks (1). */
export function faceGraphDistances(graph: GraphTopology, edgeWeights: Float64Array, sources: readonly number[], within?: Uint8Array): DistanceField {
  const distance = new Float64Array(graph.faceCount).fill(Infinity);
  const nearestSource = new Int32Array(graph.faceCount).fill(-1);
  const heap = new MinHeap(Math.max(16, graph.faceCount));
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

/** A binary min-heap of (key, value) pairs in growable typed arrays. */
class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    let index = this.size++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[index] = this.keys[parent];
      this.values[index] = this.values[parent];
      index = parent;
    }
    this.keys[index] = key;
    this.values[index] = value;
  }

  /** Removes the smallest key and returns its value. */
  popValue(): number {
    const top = this.values[0];
    const lastKey = this.keys[--this.size];
    const lastValue = this.values[this.size];
    let index = 0;
    for (;;) {
      let child = index * 2 + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= lastKey) break;
      this.keys[index] = this.keys[child];
      this.values[index] = this.values[child];
      index = child;
    }
    this.keys[index] = lastKey;
    this.values[index] = lastValue;
    return top;
  }
}
