// The default background removal: a classical, training-free segmentation (no permissively licensed
// segmentation model with its weights inside an npm package was found; see background-remover.ts here and the server's images/background-remover.ts).
//
// Method: GrabCut-style iterated graph cuts (Rother, Kolmogorov & Blake, "GrabCut", SIGGRAPH 2004) seeded
// from the image border instead of a user rectangle. The border ring is hard background; a Gaussian mixture
// (diagonal covariances, k-means initialised deterministically) of CIE Lab colours models the background from
// the border, another the foreground from pixels the background model explains poorly. Each pixel's label
// cost is the negative log-likelihood under each mixture, the pairwise cost is the contrast-sensitive Potts
// term γ·exp(−β‖ΔLab‖²)/distance over 8 neighbours (Boykov & Jolly, ICCV 2001), and the minimum cut
// (max-flow.ts) gives the labels; the mixtures are re-fitted to the labels and the cut repeated. Finally the
// largest object region is kept and small holes are filled (foreground-mask.ts).
// Works for the inputs the platform expects (an object on a plain, gradient or softly textured background);
// a cluttered photograph needs a learned model (the opt-in in background-remover.ts).
import type { RgbaImage } from './decode-image.ts';
import { cleanMask, countForeground, type ForegroundMask } from './foreground-mask.ts';
import { MaxFlowGraph } from './max-flow.ts';

export interface ClassicalSegmentationOptions {
  iterations?: number;
  backgroundComponents?: number;
  foregroundComponents?: number;
  /** Weight of the smoothness term (GrabCut's γ). */
  smoothness?: number;
}

export const CLASSICAL_SEGMENTATION_DEFAULTS: Required<ClassicalSegmentationOptions> = {
  iterations: 2,
  backgroundComponents: 4,
  foregroundComponents: 5,
  smoothness: 25,
};

/** Thrown when no object stands out from the background. */
export class NoForegroundError extends Error {}

const COST_SCALE = 16;
const HARD_COST = 1 << 24;
const MIN_VARIANCE = 9;

export function segmentForeground(image: RgbaImage, options: ClassicalSegmentationOptions = {}): ForegroundMask {
  const resolved = { ...CLASSICAL_SEGMENTATION_DEFAULTS, ...options };
  const { width, height } = image;
  const pixels = width * height;
  const lab = toLab(image);
  const ring = Math.max(1, Math.round(Math.min(width, height) * 0.01));
  const isBorder = (pixel: number) => {
    const x = pixel % width;
    const y = (pixel - x) / width;
    return x < ring || y < ring || x >= width - ring || y >= height - ring;
  };

  const borderPixels: number[] = [];
  for (let pixel = 0; pixel < pixels; pixel++) if (isBorder(pixel)) borderPixels.push(pixel);
  let background = fitMixture(lab, borderPixels, resolved.backgroundComponents);

  // Initial foreground: pixels the border's colours explain poorly.
  let labels = new Uint8Array(pixels);
  const initial: number[] = [];
  for (let pixel = 0; pixel < pixels; pixel++) {
    if (!isBorder(pixel) && mahalanobisToNearest(background, lab, pixel) > 3) {
      labels[pixel] = 1;
      initial.push(pixel);
    }
  }
  if (initial.length < pixels * 0.002) throw new NoForegroundError('no object stands out from the background of the image');

  const smoothness = smoothnessWeights(lab, width, height, resolved.smoothness);
  for (let iteration = 0; iteration < resolved.iterations; iteration++) {
    const foregroundPixels: number[] = [];
    const backgroundPixels: number[] = [];
    for (let pixel = 0; pixel < pixels; pixel++) (labels[pixel] ? foregroundPixels : backgroundPixels).push(pixel);
    if (foregroundPixels.length < pixels * 0.002) throw new NoForegroundError('no object stands out from the background of the image');
    const foreground = fitMixture(lab, foregroundPixels, resolved.foregroundComponents);
    if (iteration > 0) background = fitMixture(lab, backgroundPixels, resolved.backgroundComponents);

    const graph = new MaxFlowGraph(pixels, pixels * 4);
    for (let pixel = 0; pixel < pixels; pixel++) {
      if (isBorder(pixel)) {
        graph.addTerminal(pixel, 0, HARD_COST);
        continue;
      }
      const costForeground = negativeLogLikelihood(foreground, lab, pixel);
      const costBackground = negativeLogLikelihood(background, lab, pixel);
      // Source = foreground: cutting the source link (labelling background) costs the background cost.
      graph.addTerminal(pixel, Math.round(costBackground * COST_SCALE), Math.round(costForeground * COST_SCALE));
    }
    for (let edge = 0; edge < smoothness.count; edge++) {
      const weight = smoothness.weights[edge];
      graph.addEdge(smoothness.from[edge], smoothness.to[edge], weight, weight);
    }
    graph.solve();
    const next = new Uint8Array(pixels);
    for (let pixel = 0; pixel < pixels; pixel++) next[pixel] = graph.isSourceSide(pixel) ? 1 : 0;
    labels = next;
  }
  const mask = cleanMask({ width, height, data: labels });
  if (countForeground(mask) < pixels * 0.002) throw new NoForegroundError('no object stands out from the background of the image');
  return mask;
}

interface Mixture {
  weights: number[];
  means: [number, number, number][];
  variances: [number, number, number][];
  /** log(weight) − ½ log(2π³ ∏ variances), per component */
  logNormalisers: number[];
}

function fitMixture(lab: Float32Array, members: number[], components: number): Mixture {
  // Deterministic subsample and farthest-point initialisation, then a few k-means rounds.
  const step = Math.max(1, Math.floor(members.length / 4000));
  const sample: number[] = [];
  for (let index = 0; index < members.length; index += step) sample.push(members[index]);
  const centres: [number, number, number][] = [];
  const mean = [0, 0, 0];
  for (const pixel of sample) for (let axis = 0; axis < 3; axis++) mean[axis] += lab[pixel * 3 + axis] / sample.length;
  centres.push([mean[0], mean[1], mean[2]]);
  const nearest = new Float64Array(sample.length).fill(Infinity);
  while (centres.length < Math.min(components, sample.length)) {
    const last = centres[centres.length - 1];
    let farthest = 0;
    for (let index = 0; index < sample.length; index++) {
      nearest[index] = Math.min(nearest[index], squaredDistance(lab, sample[index], last));
      if (nearest[index] > nearest[farthest]) farthest = index;
    }
    if (nearest[farthest] < 1) break;
    const pixel = sample[farthest];
    centres.push([lab[pixel * 3], lab[pixel * 3 + 1], lab[pixel * 3 + 2]]);
  }
  const assignment = new Int32Array(sample.length);
  for (let round = 0; round < 6; round++) {
    for (let index = 0; index < sample.length; index++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let centre = 0; centre < centres.length; centre++) {
        const distance = squaredDistance(lab, sample[index], centres[centre]);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = centre;
        }
      }
      assignment[index] = best;
    }
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (let index = 0; index < sample.length; index++) {
      const sum = sums[assignment[index]];
      for (let axis = 0; axis < 3; axis++) sum[axis] += lab[sample[index] * 3 + axis];
      sum[3]++;
    }
    sums.forEach((sum, centre) => {
      if (sum[3] > 0) centres[centre] = [sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]];
    });
  }
  const mixture: Mixture = { weights: [], means: [], variances: [], logNormalisers: [] };
  centres.forEach((centre, index) => {
    let count = 0;
    const variance = [0, 0, 0];
    for (let member = 0; member < sample.length; member++) {
      if (assignment[member] !== index) continue;
      count++;
      for (let axis = 0; axis < 3; axis++) variance[axis] += (lab[sample[member] * 3 + axis] - centre[axis]) ** 2;
    }
    if (count === 0) return;
    const variances = variance.map((value) => Math.max(MIN_VARIANCE, value / count)) as [number, number, number];
    const weight = count / sample.length;
    mixture.weights.push(weight);
    mixture.means.push(centre);
    mixture.variances.push(variances);
    mixture.logNormalisers.push(Math.log(weight) - 0.5 * Math.log((2 * Math.PI) ** 3 * variances[0] * variances[1] * variances[2]));
  });
  return mixture;
}

function negativeLogLikelihood(mixture: Mixture, lab: Float32Array, pixel: number): number {
  // log-sum-exp over the components
  const count = mixture.means.length;
  let best = -Infinity;
  for (let component = 0; component < count; component++) {
    const term = componentLogDensity(mixture, component, lab, pixel);
    MIXTURE_TERMS[component] = term;
    if (term > best) best = term;
  }
  let sum = 0;
  for (let component = 0; component < count; component++) sum += Math.exp(MIXTURE_TERMS[component] - best);
  return Math.min(200, -(best + Math.log(sum)));
}

const MIXTURE_TERMS = new Float64Array(16);

function componentLogDensity(mixture: Mixture, component: number, lab: Float32Array, pixel: number): number {
  const mean = mixture.means[component];
  const variance = mixture.variances[component];
  const dl = lab[pixel * 3] - mean[0], da = lab[pixel * 3 + 1] - mean[1], db = lab[pixel * 3 + 2] - mean[2];
  return mixture.logNormalisers[component] - 0.5 * ((dl * dl) / variance[0] + (da * da) / variance[1] + (db * db) / variance[2]);
}

function mahalanobisToNearest(mixture: Mixture, lab: Float32Array, pixel: number): number {
  let best = Infinity;
  for (let component = 0; component < mixture.means.length; component++) {
    let sum = 0;
    for (let axis = 0; axis < 3; axis++) sum += (lab[pixel * 3 + axis] - mixture.means[component][axis]) ** 2 / mixture.variances[component][axis];
    best = Math.min(best, Math.sqrt(sum));
  }
  return best;
}

/** Undirected 8-neighbour edges with GrabCut's contrast-sensitive weights, as integer capacities. */
function smoothnessWeights(lab: Float32Array, width: number, height: number, gamma: number): { from: Int32Array; to: Int32Array; weights: Int32Array; count: number } {
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
  for (let edge = 0; edge < count; edge++) weights[edge] = Math.round(gamma * factors[edge] * Math.exp(-beta * squared[edge]) * COST_SCALE);
  return { from, to, weights, count };
}

function squaredDistance(lab: Float32Array, pixel: number, centre: readonly number[]): number {
  const dl = lab[pixel * 3] - centre[0];
  const da = lab[pixel * 3 + 1] - centre[1];
  const db = lab[pixel * 3 + 2] - centre[2];
  return dl * dl + da * da + db * db;
}

const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, value) => {
  const channel = value / 255;
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
});

/** CIE L*a*b* (D65) per pixel; transparent pixels are composited over white first. */
export function toLab(image: RgbaImage): Float32Array {
  const pixels = image.width * image.height;
  const lab = new Float32Array(pixels * 3);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const alpha = image.data[pixel * 4 + 3] / 255;
    const r = SRGB_TO_LINEAR[image.data[pixel * 4]] * alpha + (1 - alpha);
    const g = SRGB_TO_LINEAR[image.data[pixel * 4 + 1]] * alpha + (1 - alpha);
    const b = SRGB_TO_LINEAR[image.data[pixel * 4 + 2]] * alpha + (1 - alpha);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    lab[pixel * 3] = 116 * y - 16;
    lab[pixel * 3 + 1] = 500 * (x - y);
    lab[pixel * 3 + 2] = 200 * (y - z);
  }
  return lab;
}
