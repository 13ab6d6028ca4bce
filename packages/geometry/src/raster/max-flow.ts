// Minimum s-t cut of a sparse graph with terminal links, for the graph-cut segmentation in
// classical-background-remover.ts.
//
// Method: Boykov & Kolmogorov, "An Experimental Comparison of Min-Cut/Max-Flow Algorithms for Energy
// Minimization in Vision" (PAMI 2004): two search trees grown from the source and the sink, augmentation
// along the path where they touch, adoption of orphaned nodes (with the paper's distance/timestamp heuristic
// for the origin check). It is the algorithm of choice for grid graphs from images; npm has no maintained
// implementation (the packages found implement Edmonds–Karp or Dinic on small general graphs), so it is
// written here. Capacities are integers, so saturation tests are exact.

const NONE = -1;
const TERMINAL = -2;
const ORPHAN = -3;
const FREE = 0;
const SOURCE_TREE = 1;
const SINK_TREE = 2;
const INFINITE_DISTANCE = 0x3fffffff;

export class MaxFlowGraph {
  private readonly edgeFrom: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly edgeCapacity: Int32Array;
  private readonly edgeReverseCapacity: Int32Array;
  private edgeCount = 0;
  /** Residual capacity source→node (positive) or node→sink (negative). */
  private readonly terminal: Float64Array;
  private tree: Uint8Array = new Uint8Array(0);
  private flow = 0;

  constructor(
    readonly nodeCount: number,
    maxEdges: number,
  ) {
    this.edgeFrom = new Int32Array(maxEdges);
    this.edgeTo = new Int32Array(maxEdges);
    this.edgeCapacity = new Int32Array(maxEdges);
    this.edgeReverseCapacity = new Int32Array(maxEdges);
    this.terminal = new Float64Array(nodeCount);
  }

  addEdge(from: number, to: number, capacity: number, reverseCapacity: number): void {
    const edge = this.edgeCount++;
    this.edgeFrom[edge] = from;
    this.edgeTo[edge] = to;
    this.edgeCapacity[edge] = capacity;
    this.edgeReverseCapacity[edge] = reverseCapacity;
  }

  /** Adds terminal capacities: cutting `source` puts the node on the sink side, cutting `sink` on the source side. */
  addTerminal(node: number, source: number, sink: number): void {
    const common = Math.min(source, sink);
    this.flow += common;
    this.terminal[node] += source - sink;
  }

  /** Runs the max-flow; returns its value. */
  solve(): number {
    const n = this.nodeCount;
    const arcCount = this.edgeCount * 2;
    // CSR arcs: arc 2e goes from edgeFrom to edgeTo, 2e+1 back; the sister of arc a is a ^ 1.
    const firstArc = new Int32Array(n + 1);
    for (let edge = 0; edge < this.edgeCount; edge++) {
      firstArc[this.edgeFrom[edge] + 1]++;
      firstArc[this.edgeTo[edge] + 1]++;
    }
    for (let node = 0; node < n; node++) firstArc[node + 1] += firstArc[node];
    const arcsOfNode = new Int32Array(arcCount);
    const fill = firstArc.slice(0, n);
    const head = new Int32Array(arcCount);
    const residual = new Int32Array(arcCount);
    for (let edge = 0; edge < this.edgeCount; edge++) {
      const forward = edge * 2;
      const backward = forward + 1;
      head[forward] = this.edgeTo[edge];
      head[backward] = this.edgeFrom[edge];
      residual[forward] = this.edgeCapacity[edge];
      residual[backward] = this.edgeReverseCapacity[edge];
      arcsOfNode[fill[this.edgeFrom[edge]]++] = forward;
      arcsOfNode[fill[this.edgeTo[edge]]++] = backward;
    }

    const terminal = this.terminal;
    const tree = new Uint8Array(n);
    const parent = new Int32Array(n).fill(NONE);
    const timestamp = new Int32Array(n);
    const distance = new Int32Array(n);
    let time = 1;
    const queue = new Int32Array(n + 1);
    const queued = new Uint8Array(n);
    let queueHead = 0;
    let queueTail = 0;
    let queueSize = 0;
    const activate = (node: number) => {
      if (queued[node]) return;
      queued[node] = 1;
      queue[queueTail] = node;
      queueTail = queueTail === n ? 0 : queueTail + 1;
      queueSize++;
    };
    let orphans: number[] = [];

    for (let node = 0; node < n; node++) {
      if (terminal[node] > 0) tree[node] = SOURCE_TREE;
      else if (terminal[node] < 0) tree[node] = SINK_TREE;
      else continue;
      parent[node] = TERMINAL;
      timestamp[node] = time;
      distance[node] = 1;
      activate(node);
    }

    while (queueSize > 0) {
      const node = queue[queueHead];
      if (tree[node] === FREE) {
        queued[node] = 0;
        queueHead = queueHead === n ? 0 : queueHead + 1;
        queueSize--;
        continue;
      }
      // Growth: look for a free neighbour to claim or a neighbour of the other tree.
      let middle = NONE;
      const inSource = tree[node] === SOURCE_TREE;
      for (let index = firstArc[node]; index < firstArc[node + 1]; index++) {
        const arc = arcsOfNode[index];
        const open = inSource ? residual[arc] > 0 : residual[arc ^ 1] > 0;
        if (!open) continue;
        const other = head[arc];
        if (tree[other] === FREE) {
          tree[other] = tree[node];
          parent[other] = arc ^ 1;
          timestamp[other] = timestamp[node];
          distance[other] = distance[node] + 1;
          activate(other);
        } else if (tree[other] !== tree[node]) {
          middle = inSource ? arc : arc ^ 1;
          break;
        } else if (timestamp[other] <= timestamp[node] && distance[other] > distance[node]) {
          // A shorter path to the terminal through this node (the paper's heuristic).
          parent[other] = arc ^ 1;
          timestamp[other] = timestamp[node];
          distance[other] = distance[node] + 1;
        }
      }
      if (middle === NONE) {
        queued[node] = 0;
        queueHead = queueHead === n ? 0 : queueHead + 1;
        queueSize--;
        continue;
      }

      // Augmentation along source-tree path → middle arc → sink-tree path.
      time++;
      const sourceSide = head[middle ^ 1];
      const sinkSide = head[middle];
      let bottleneck = residual[middle];
      for (let walk = sourceSide; ;) {
        const arc = parent[walk];
        if (arc === TERMINAL) {
          bottleneck = Math.min(bottleneck, terminal[walk]);
          break;
        }
        bottleneck = Math.min(bottleneck, residual[arc ^ 1]);
        walk = head[arc];
      }
      for (let walk = sinkSide; ;) {
        const arc = parent[walk];
        if (arc === TERMINAL) {
          bottleneck = Math.min(bottleneck, -terminal[walk]);
          break;
        }
        bottleneck = Math.min(bottleneck, residual[arc]);
        walk = head[arc];
      }
      residual[middle] -= bottleneck;
      residual[middle ^ 1] += bottleneck;
      for (let walk = sourceSide; ;) {
        const arc = parent[walk];
        if (arc === TERMINAL) {
          terminal[walk] -= bottleneck;
          if (terminal[walk] === 0) {
            parent[walk] = ORPHAN;
            orphans.push(walk);
          }
          break;
        }
        residual[arc ^ 1] -= bottleneck;
        residual[arc] += bottleneck;
        const next = head[arc];
        if (residual[arc ^ 1] === 0) {
          parent[walk] = ORPHAN;
          orphans.push(walk);
        }
        walk = next;
      }
      for (let walk = sinkSide; ;) {
        const arc = parent[walk];
        if (arc === TERMINAL) {
          terminal[walk] += bottleneck;
          if (terminal[walk] === 0) {
            parent[walk] = ORPHAN;
            orphans.push(walk);
          }
          break;
        }
        residual[arc] -= bottleneck;
        residual[arc ^ 1] += bottleneck;
        const next = head[arc];
        if (residual[arc] === 0) {
          parent[walk] = ORPHAN;
          orphans.push(walk);
        }
        walk = next;
      }
      this.flow += bottleneck;

      // Adoption: give each orphan a parent of its own tree whose path reaches the terminal, or free it.
      while (orphans.length > 0) {
        const batch = orphans;
        orphans = [];
        for (let position = batch.length - 1; position >= 0; position--) {
          const orphan = batch[position];
          const ownTree = tree[orphan];
          const fromSource = ownTree === SOURCE_TREE;
          let bestArc = NONE;
          let bestDistance = INFINITE_DISTANCE;
          for (let index = firstArc[orphan]; index < firstArc[orphan + 1]; index++) {
            const arc = arcsOfNode[index];
            const other = head[arc];
            if (tree[other] !== ownTree) continue;
            if (!(fromSource ? residual[arc ^ 1] > 0 : residual[arc] > 0)) continue;
            let length = 0;
            let walk = other;
            for (;;) {
              if (timestamp[walk] === time) {
                length += distance[walk];
                break;
              }
              const up = parent[walk];
              length++;
              if (up === TERMINAL) {
                timestamp[walk] = time;
                distance[walk] = 1;
                break;
              }
              if (up === ORPHAN || up === NONE) {
                length = INFINITE_DISTANCE;
                break;
              }
              walk = head[up];
            }
            if (length >= INFINITE_DISTANCE) continue;
            if (length < bestDistance) {
              bestDistance = length;
              bestArc = arc;
            }
            for (let mark = other; timestamp[mark] !== time; mark = head[parent[mark]]) {
              timestamp[mark] = time;
              distance[mark] = length;
              length--;
            }
          }
          if (bestArc !== NONE) {
            parent[orphan] = bestArc;
            timestamp[orphan] = time;
            distance[orphan] = bestDistance + 1;
            continue;
          }
          // No parent: the orphan leaves its tree; its children become orphans, its neighbours may regrow.
          tree[orphan] = FREE;
          parent[orphan] = NONE;
          for (let index = firstArc[orphan]; index < firstArc[orphan + 1]; index++) {
            const arc = arcsOfNode[index];
            const other = head[arc];
            if (tree[other] !== ownTree) continue;
            if (fromSource ? residual[arc ^ 1] > 0 : residual[arc] > 0) activate(other);
            const up = parent[other];
            if (up >= 0 && head[up] === orphan) {
              parent[other] = ORPHAN;
              orphans.push(other);
            }
          }
        }
      }
    }
    this.tree = tree;
    return this.flow;
  }

  /** After solve(): whether the node ends on the source side of the minimum cut. */
  isSourceSide(node: number): boolean {
    return this.tree[node] === SOURCE_TREE;
  }
}
