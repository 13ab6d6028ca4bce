// Multi-label graph cut over the face graph by α-expansion (Boykov, Veksler & Zabih, "Fast approximate energy
// minimization via graph cuts", PAMI 2001), for a Potts smoothness term with a weight per dual edge and a
// restricted label set per face (a face may only take one of its `allowed` labels; faces with one allowed label
// are fixed). Each expansion move is a binary submodular problem solved exactly by a minimum cut, with the
// pairwise terms reparametrised as in Kolmogorov & Zabih, "What energy functions can be minimized via graph
// cuts?" (PAMI 2004). Moves repeat until a full sweep over the labels lowers the energy no more.
import { otherFace, type FaceGraph } from './build-face-graph.ts';
import { FlowNetwork } from './max-flow.ts';

export interface AlphaExpansionInput {
  graph: FaceGraph;
  /** Initial label per face; it must be one of the face's allowed labels. */
  labels: Int32Array;
  /** Up to two allowed labels per face (second = -1 when the face is fixed). */
  allowedFirst: Int32Array;
  allowedSecond: Int32Array;
  /** Label cost per face for its first and second allowed label (≥ 0). */
  costFirst: Float64Array;
  costSecond: Float64Array;
  /** Cost of a label change across each dual edge (≥ 0). */
  edgeWeights: Float64Array;
  maxSweeps?: number;
}

export function alphaExpansion(input: AlphaExpansionInput): Int32Array {
  const { graph, allowedFirst, allowedSecond, edgeWeights } = input;
  const labels = Int32Array.from(input.labels);
  const labelSet = new Set<number>();
  for (let face = 0; face < graph.faceCount; face++)
    if (allowedSecond[face] >= 0) labelSet.add(allowedFirst[face]).add(allowedSecond[face]);
  const labelList = [...labelSet].sort((a, b) => a - b);
  const costOf = (face: number, label: number): number =>
    label === allowedFirst[face]
      ? input.costFirst[face]
      : label === allowedSecond[face]
        ? input.costSecond[face]
        : Infinity;
  const nodeOf = new Int32Array(graph.faceCount).fill(-1);

  for (let sweep = 0; sweep < (input.maxSweeps ?? 4); sweep++) {
    let improved = false;
    for (const alpha of labelList) {
      const members: number[] = [];
      for (let face = 0; face < graph.faceCount; face++) {
        if (
          allowedSecond[face] >= 0 &&
          labels[face] !== alpha &&
          (allowedFirst[face] === alpha || allowedSecond[face] === alpha)
        ) {
          nodeOf[face] = members.length;
          members.push(face);
        }
      }
      if (members.length === 0) continue;
      const network = new FlowNetwork(members.length);
      // y = 1 (sink side) means "switch to alpha": cutting source→p pays keep-cost..., see addTerminalEdges.
      const keepCost = new Float64Array(members.length); // paid when p stays (source side)
      const switchCost = new Float64Array(members.length); // paid when p switches (sink side)
      members.forEach((face, node) => {
        keepCost[node] = costOf(face, labels[face]);
        switchCost[node] = costOf(face, alpha);
      });
      for (let node = 0; node < members.length; node++) {
        const face = members[node];
        for (let slot = graph.adjacencyStart[face]; slot < graph.adjacencyStart[face + 1]; slot++) {
          const edge = graph.adjacencyEdge[slot];
          const weight = edgeWeights[edge];
          if (weight === 0) continue;
          const neighbour = otherFace(graph, edge, face);
          const neighbourNode = nodeOf[neighbour];
          if (neighbourNode < 0) {
            // Neighbour fixed in this move: a unary term.
            if (labels[face] !== labels[neighbour]) keepCost[node] += weight;
            if (alpha !== labels[neighbour]) switchCost[node] += weight;
            continue;
          }
          if (neighbourNode < node) continue; // each pair once
          // E(0,0) = w·[l_p ≠ l_q], E(0,1) = E(1,0) = w, E(1,1) = 0.
          const a = labels[face] !== labels[neighbour] ? weight : 0,
            b = weight,
            c = weight;
          // E = A + (C − A)·y_p + (0 − C)·y_q + (B + C − A)·(1 − y_p)·y_q
          switchCost[node] += c - a;
          keepCost[neighbourNode] += c; // −C·y_q ≡ +C·(1 − y_q) up to a constant
          network.addEdge(node, neighbourNode, b + c - a, 0);
        }
      }
      let before = 0;
      for (let node = 0; node < members.length; node++) {
        const low = Math.min(keepCost[node], switchCost[node]);
        before += keepCost[node] - low;
        // Sink side (switch) cuts source→p: capacity = switch cost; source side cuts p→sink: keep cost.
        network.addTerminalEdges(node, finite(switchCost[node] - low), finite(keepCost[node] - low));
      }
      const { sourceSide } = network.minimumCut();
      let changed = 0;
      for (let node = 0; node < members.length; node++) {
        if (!sourceSide[node]) {
          labels[members[node]] = alpha;
          changed++;
        }
      }
      for (const face of members) nodeOf[face] = -1;
      if (changed > 0 && before > 0) improved = true;
    }
    if (!improved) break;
  }
  return labels;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 1e30;
}
