// The main object of a photograph as a mask: a salient-object map (minimum-barrier-saliency.ts) turned into a
// crisp region by iterated colour-model graph cuts.
//
// Method: GrabCut (Rother, Kolmogorov & Blake, SIGGRAPH 2004) with the user's rectangle replaced by the saliency
// map, as in saliency-seeded GrabCut (Cheng et al., "Global Contrast based Salient Region Detection", PAMI 2015,
// §5 "SaliencyCut"). Otsu's threshold of the map gives the first labels; each round fits a Gaussian mixture of Lab
// colours to the object and one to the rest, and the minimum cut (max-flow.ts) of a graph whose unary costs are
// the colour likelihoods plus a prior from the saliency map (and a penalty outside the salient core's box,
// GrabCut's rectangle made soft), with GrabCut's contrast-sensitive pairwise term, gives the next labels. The
// result's connected regions are returned with their saliency mass; which one is "the object", and whether the
// photo has one at all, is decided by the caller (image-to-model/analyse-photo-object.ts).
import { fitMixture, negativeLogLikelihood } from './colour-mixture.ts';
import { COST_SCALE, contrastEdges } from './contrast-edges.ts';
import type { RgbaImage } from './decode-image.ts';
import { fillHoles, labelComponents, type ForegroundMask } from './foreground-mask.ts';
import { toLab } from './lab-colour.ts';
import { MaxFlowGraph } from './max-flow.ts';
import { minimumBarrierSaliency, type SaliencyMap } from './minimum-barrier-saliency.ts';

export interface SalientSegmentationOptions {
  iterations?: number;
  foregroundComponents?: number;
  backgroundComponents?: number;
  /** GrabCut's γ, the weight of the contrast-sensitive smoothness term. */
  smoothness?: number;
  /** Weight (nats) of the saliency prior against the colour likelihoods. */
  saliencyWeight?: number;
  /** Extra cost (nats) of labelling a pixel object outside the box around the salient core. */
  outsideBoxCost?: number;
}

export const SALIENT_SEGMENTATION_DEFAULTS: Required<SalientSegmentationOptions> = {
  iterations: 2,
  foregroundComponents: 5,
  backgroundComponents: 6,
  smoothness: 25,
  saliencyWeight: 3,
  outsideBoxCost: 3,
};

export interface MaskRegion {
  /** Pixels of the region (holes not filled). */
  area: number;
  /** Σ saliency over the region's pixels. */
  saliencyMass: number;
  /** Inclusive pixel bounds. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface SalientSegmentation {
  saliency: SaliencyMap;
  /** Otsu's threshold of the saliency map. */
  saliencyThreshold: number;
  /** The cut's labels: 1 object, 0 background (every region, holes not filled). */
  labels: ForegroundMask;
  /** Connected (8-neighbour) object regions of `labels`, most salient first; `regionOf` maps pixels to them. */
  regions: MaskRegion[];
  regionOf: Int32Array;
}

export function segmentSalientObject(image: RgbaImage, options: SalientSegmentationOptions = {}): SalientSegmentation {
  const resolved = { ...SALIENT_SEGMENTATION_DEFAULTS, ...options };
  const { width, height } = image;
  const pixels = width * height;
  const saliency = minimumBarrierSaliency(image);
  const threshold = otsuThreshold(saliency.values);
  const lab = toLab(image);

  let labels: Uint8Array = new Uint8Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel++) labels[pixel] = saliency.values[pixel] > threshold ? 1 : 0;
  const core = salientCoreBox(labels, saliency, width, height);

  // The saliency prior: a logistic of the distance to the threshold, kept away from 0 and 1 so colour can overrule it.
  const priorObject = new Float32Array(pixels);
  const priorBackground = new Float32Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const probability = Math.min(
      0.97,
      Math.max(0.03, 1 / (1 + Math.exp(-(saliency.values[pixel] - threshold) / 0.06))),
    );
    priorObject[pixel] = -resolved.saliencyWeight * Math.log(probability);
    priorBackground[pixel] = -resolved.saliencyWeight * Math.log(1 - probability);
    const x = pixel % width;
    const y = (pixel - x) / width;
    if (x < core.minX || x > core.maxX || y < core.minY || y > core.maxY) priorObject[pixel] += resolved.outsideBoxCost;
  }

  labels = iteratedGraphCut(lab, width, height, labels, priorObject, priorBackground, resolved);

  const components = labelComponents(labels, width, height, 1);
  const regions: MaskRegion[] = components.sizes.map((area) => ({
    area,
    saliencyMass: 0,
    minX: width,
    minY: height,
    maxX: -1,
    maxY: -1,
  }));
  for (let pixel = 0; pixel < pixels; pixel++) {
    const label = components.labels[pixel];
    if (label < 0) continue;
    const region = regions[label];
    const x = pixel % width;
    const y = (pixel - x) / width;
    region.saliencyMass += saliency.values[pixel];
    region.minX = Math.min(region.minX, x);
    region.maxX = Math.max(region.maxX, x);
    region.minY = Math.min(region.minY, y);
    region.maxY = Math.max(region.maxY, y);
  }
  const order = regions.map((_, index) => index).sort((a, b) => regions[b].saliencyMass - regions[a].saliencyMass);
  const rank = new Int32Array(regions.length);
  order.forEach((label, position) => (rank[label] = position));
  const regionOf = new Int32Array(pixels).fill(-1);
  for (let pixel = 0; pixel < pixels; pixel++)
    if (components.labels[pixel] >= 0) regionOf[pixel] = rank[components.labels[pixel]];
  return {
    saliency,
    saliencyThreshold: threshold,
    labels: { width, height, data: labels },
    regions: order.map((label) => regions[label]),
    regionOf,
  };
}

/**
 * A coarse object mask made crisp on a sharper image of the same view (the object's crop, decoded larger): the
 * coarse mask, scaled to the image and softened, is the prior, and graph cuts with colour models fitted to it
 * place the outline on the image's edges. Returns the largest region, holes filled.
 */
export function refineObjectMask(
  image: RgbaImage,
  objectProbability: Float32Array,
  options: SalientSegmentationOptions = {},
): ForegroundMask {
  const resolved = { ...SALIENT_SEGMENTATION_DEFAULTS, iterations: 2, ...options };
  const { width, height } = image;
  const pixels = width * height;
  const priorObject = new Float32Array(pixels);
  const priorBackground = new Float32Array(pixels);
  let labels: Uint8Array = new Uint8Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const probability = Math.min(0.97, Math.max(0.03, objectProbability[pixel]));
    priorObject[pixel] = -resolved.saliencyWeight * Math.log(probability);
    priorBackground[pixel] = -resolved.saliencyWeight * Math.log(1 - probability);
    labels[pixel] = objectProbability[pixel] >= 0.5 ? 1 : 0;
  }
  labels = iteratedGraphCut(toLab(image), width, height, labels, priorObject, priorBackground, resolved);
  const components = labelComponents(labels, width, height, 1);
  let largest = -1;
  for (let label = 0; label < components.sizes.length; label++)
    if (largest < 0 || components.sizes[label] > components.sizes[largest]) largest = label;
  const data = new Uint8Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel++)
    data[pixel] = components.labels[pixel] === largest && largest >= 0 ? 1 : 0;
  return fillHoles({ width, height, data });
}

/** GrabCut's rounds: fit both colour mixtures to the labels, cut, repeat; unary costs add the given priors (nats). */
function iteratedGraphCut(
  lab: Float32Array,
  width: number,
  height: number,
  initial: Uint8Array,
  priorObject: Float32Array,
  priorBackground: Float32Array,
  options: Required<SalientSegmentationOptions>,
): Uint8Array {
  const pixels = width * height;
  const edges = contrastEdges(lab, width, height, options.smoothness);
  let labels = initial;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const objectPixels: number[] = [];
    const backgroundPixels: number[] = [];
    for (let pixel = 0; pixel < pixels; pixel++) (labels[pixel] ? objectPixels : backgroundPixels).push(pixel);
    if (objectPixels.length < 16 || backgroundPixels.length < 16) break;
    const object = fitMixture(lab, objectPixels, options.foregroundComponents);
    const background = fitMixture(lab, backgroundPixels, options.backgroundComponents);
    const graph = new MaxFlowGraph(pixels, edges.count);
    for (let pixel = 0; pixel < pixels; pixel++) {
      const costObject = negativeLogLikelihood(object, lab, pixel) + priorObject[pixel];
      const costBackground = negativeLogLikelihood(background, lab, pixel) + priorBackground[pixel];
      // Source = object: cutting the source link (labelling background) costs the background cost.
      graph.addTerminal(pixel, Math.round(costBackground * COST_SCALE), Math.round(costObject * COST_SCALE));
    }
    for (let edge = 0; edge < edges.count; edge++)
      graph.addEdge(edges.from[edge], edges.to[edge], edges.weights[edge], edges.weights[edge]);
    graph.solve();
    const next = new Uint8Array(pixels);
    for (let pixel = 0; pixel < pixels; pixel++) next[pixel] = graph.isSourceSide(pixel) ? 1 : 0;
    labels = next;
  }
  return labels;
}

/** One region of a segmentation as a mask, its enclosed holes filled. */
export function regionMask(segmentation: SalientSegmentation, region: number): ForegroundMask {
  const { width, height } = segmentation.labels;
  const data = new Uint8Array(width * height);
  for (let pixel = 0; pixel < data.length; pixel++) data[pixel] = segmentation.regionOf[pixel] === region ? 1 : 0;
  return fillHoles({ width, height, data });
}

/** The box of the most salient thresholded region, grown by a tenth of its size on each side. */
function salientCoreBox(
  labels: Uint8Array,
  saliency: SaliencyMap,
  width: number,
  height: number,
): { minX: number; minY: number; maxX: number; maxY: number } {
  const components = labelComponents(labels, width, height, 1);
  const mass = new Float64Array(components.sizes.length);
  for (let pixel = 0; pixel < labels.length; pixel++)
    if (components.labels[pixel] >= 0) mass[components.labels[pixel]] += saliency.values[pixel];
  let best = 0;
  for (let label = 1; label < mass.length; label++) if (mass[label] > mass[best]) best = label;
  // Regions with at least a quarter of the best's mass belong to the core too (an object split by a thin gap).
  const box = { minX: width, minY: height, maxX: -1, maxY: -1 };
  for (let pixel = 0; pixel < labels.length; pixel++) {
    const label = components.labels[pixel];
    if (label < 0 || mass[label] < mass[best] * 0.25) continue;
    const x = pixel % width;
    const y = (pixel - x) / width;
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
  }
  if (box.maxX < 0) return { minX: 0, minY: 0, maxX: width - 1, maxY: height - 1 };
  const growX = Math.ceil((box.maxX - box.minX + 1) * 0.1);
  const growY = Math.ceil((box.maxY - box.minY + 1) * 0.1);
  return {
    minX: Math.max(0, box.minX - growX),
    minY: Math.max(0, box.minY - growY),
    maxX: Math.min(width - 1, box.maxX + growX),
    maxY: Math.min(height - 1, box.maxY + growY),
  };
}

/** Otsu's threshold of values in 0–1 (64 bins): the split that maximises the between-class variance. */
export function otsuThreshold(values: Float32Array): number {
  const bins = 64;
  const histogram = new Float64Array(bins);
  for (const value of values) histogram[Math.min(bins - 1, Math.floor(value * bins))]++;
  const total = values.length;
  let sumAll = 0;
  for (let bin = 0; bin < bins; bin++) sumAll += bin * histogram[bin];
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let bestVariance = -1;
  for (let bin = 0; bin < bins - 1; bin++) {
    weightBelow += histogram[bin];
    sumBelow += bin * histogram[bin];
    const weightAbove = total - weightBelow;
    if (weightBelow === 0 || weightAbove === 0) continue;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sumAll - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = bin;
    }
  }
  return (best + 1) / bins;
}
