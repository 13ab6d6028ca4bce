// Minimum s-t cut by maximum flow (Dinic 1970: BFS level graph, blocking flow by depth-first search with
// current-arc pointers), on flat typed arrays. The graph cuts of segmentation are sparse and small (the
// undecided faces between two parts), so Dinic's simplicity wins over Boykov-Kolmogorov's speed on grids.

export class FlowNetwork {
  readonly source: number;
  readonly sink: number;
  private head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private capacity: number[] = [];

  /** `nodeCount` ordinary nodes 0..nodeCount-1, plus the source and the sink. */
  constructor(readonly nodeCount: number) {
    this.source = nodeCount;
    this.sink = nodeCount + 1;
    this.head = new Int32Array(nodeCount + 2).fill(-1);
  }

  /** An arc from → to with `capacity`, and `reverseCapacity` the other way (0 for a directed arc). */
  addEdge(from: number, to: number, capacity: number, reverseCapacity = 0): void {
    this.push(from, to, capacity);
    this.push(to, from, reverseCapacity);
  }

  /** Cost of cutting `node` into the sink side (sourceCapacity) or the source side (sinkCapacity). */
  addTerminalEdges(node: number, sourceCapacity: number, sinkCapacity: number): void {
    if (sourceCapacity > 0) this.addEdge(this.source, node, sourceCapacity);
    if (sinkCapacity > 0) this.addEdge(node, this.sink, sinkCapacity);
  }

  private push(from: number, to: number, capacity: number): void {
    this.to.push(to);
    this.capacity.push(capacity);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Runs the maximum flow and returns, per ordinary node, whether it ends on the source side of the minimum cut. */
  minimumCut(): { flow: number; sourceSide: Uint8Array } {
    const total = this.nodeCount + 2;
    const to = Int32Array.from(this.to);
    const next = Int32Array.from(this.next);
    const capacity = Float64Array.from(this.capacity);
    const level = new Int32Array(total);
    const arc = new Int32Array(total);
    const queue = new Int32Array(total);
    const pathArcs = new Int32Array(total);
    const epsilon = 1e-12;
    let flow = 0;

    const buildLevels = (): boolean => {
      level.fill(-1);
      let read = 0,
        write = 0;
      queue[write++] = this.source;
      level[this.source] = 0;
      while (read < write) {
        const node = queue[read++];
        for (let edge = this.head[node]; edge !== -1; edge = next[edge]) {
          if (capacity[edge] > epsilon && level[to[edge]] < 0) {
            level[to[edge]] = level[node] + 1;
            queue[write++] = to[edge];
          }
        }
      }
      return level[this.sink] >= 0;
    };

    while (buildLevels()) {
      arc.set(this.head);
      // Iterative DFS: advance along admissible arcs, retreat on dead ends, augment on reaching the sink.
      let depth = 0;
      let node = this.source;
      for (;;) {
        if (node === this.sink) {
          let bottleneck = Infinity;
          for (let index = 0; index < depth; index++) bottleneck = Math.min(bottleneck, capacity[pathArcs[index]]);
          for (let index = 0; index < depth; index++) {
            capacity[pathArcs[index]] -= bottleneck;
            capacity[pathArcs[index] ^ 1] += bottleneck;
          }
          flow += bottleneck;
          depth = 0;
          node = this.source;
          continue;
        }
        let edge = arc[node];
        while (edge !== -1 && !(capacity[edge] > epsilon && level[to[edge]] === level[node] + 1)) edge = next[edge];
        arc[node] = edge;
        if (edge !== -1) {
          pathArcs[depth++] = edge;
          node = to[edge];
          continue;
        }
        if (node === this.source) break;
        level[node] = -1; // dead end: never revisit in this phase
        const back = pathArcs[--depth];
        node = to[back ^ 1];
        arc[node] = next[arc[node]];
      }
    }

    buildLevels(); // nodes still reachable from the source form the source side
    const sourceSide = new Uint8Array(this.nodeCount);
    for (let node = 0; node < this.nodeCount; node++) sourceSide[node] = level[node] >= 0 ? 1 : 0;
    return { flow, sourceSide };
  }
}
