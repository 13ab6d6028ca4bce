// The pairwise term of the graph-cut segmentations: GrabCut's contrast-sensitive Potts weights
// γ·exp(−β‖ΔLab‖²)/distance over 8 neighbours (Boykov & Jolly, ICCV 2001; Rother et al., SIGGRAPH 2004), with β
// from the image's mean squared neighbour difference, as integer capacities for max-flow.ts.

/** Unary costs (nats) are multiplied by this before rounding to the integer capacities of max-flow.ts. */
export const COST_SCALE = 16;

export interface ContrastEdges {
  from: Int32Array;
  to: Int32Array;
  weights: Int32Array;
  count: number;
}

/** Undirected 8-neighbour edges with GrabCut's contrast-sensitive weights, as integer capacities. */
export function contrastEdges(lab: Float32Array, width: number, height: number, gamma: number): ContrastEdges {
  const offsets: [number, number, number][] = [
    [1, 0, 1],
    [0, 1, 1],
    [1, 1, Math.SQRT1_2],
    [-1, 1, Math.SQRT1_2],
  ];
  const capacity = width * height * 4;
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  const squared = new Float32Array(capacity);
  const factors = new Float32Array(capacity);
  let count = 0;
  let total = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (const [dx, dy, factor] of offsets) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || nx >= width || ny >= height) continue;
        const a = (y * width + x) * 3;
        const b = (ny * width + nx) * 3;
        const distance = (lab[a] - lab[b]) ** 2 + (lab[a + 1] - lab[b + 1]) ** 2 + (lab[a + 2] - lab[b + 2]) ** 2;
        from[count] = y * width + x;
        to[count] = ny * width + nx;
        squared[count] = distance;
        factors[count] = factor;
        total += distance;
        count++;
      }
    }
  }
  const beta = count > 0 && total > 0 ? count / (2 * total) : 0;
  const weights = new Int32Array(count);
  for (let edge = 0; edge < count; edge++)
    weights[edge] = Math.round(gamma * factors[edge] * Math.exp(-beta * squared[edge]) * COST_SCALE);
  return { from, to, weights, count };
}
