// A salient-object map of a photograph: how much each pixel stands out from the image border, which in a photo
// of one object is mostly background (the "background prior").
//
// Method: MB+ of Zhang, Sclaroff, Lin, Shen, Price & Měch, "Minimum Barrier Salient Object Detection at 80 FPS"
// (ICCV 2015), without its learned parts. (1) The minimum barrier distance of every pixel to the image border
// (the smallest, over paths to the border, of the path's highest minus lowest value), per Lab channel, by their
// FastMBD raster scans; unlike a geodesic distance it does not add up small gradients, so texture and soft
// shading inside a background do not make it salient. (2) The image boundary contrast map: the Mahalanobis
// distance of each pixel's colour to each of the four border strips, summed less the largest, so one strip that
// the object itself touches does not decide. The two, normalised and added, are smoothed and given a mild
// centre bias. Written here because no npm package computes salient-object maps (the classical ones live in
// OpenCV's contrib saliency module, not in @techstark/opencv-js) and the learned ones need weights fetched at
// run time.
import type { RgbaImage } from './decode-image.ts';
import { toLab } from './lab-colour.ts';

export interface SaliencyMap {
  width: number;
  height: number;
  /** 0–1 per pixel, row-major. */
  values: Float32Array;
  /** The largest minimum barrier distance (Lab units, summed over L, a and b): how far anything stands out at all. */
  barrierPeak: number;
}

export interface SaliencyOptions {
  /** Raster-scan passes of FastMBD (forward, backward, ...). */
  passes?: number;
  /** Width of each border strip of the boundary contrast map, as a share of the shorter side. */
  borderShare?: number;
  /** Weight of the centre bias: 0 none, 1 the paper's full Gaussian. */
  centreBias?: number;
}

export const SALIENCY_DEFAULTS: Required<SaliencyOptions> = { passes: 4, borderShare: 0.08, centreBias: 0.35 };

export function minimumBarrierSaliency(image: RgbaImage, options: SaliencyOptions = {}): SaliencyMap {
  const resolved = { ...SALIENCY_DEFAULTS, ...options };
  const { width, height } = image;
  const lab = toLab(image);
  const barrier = new Float32Array(width * height);
  const channel = new Float32Array(width * height);
  for (let axis = 0; axis < 3; axis++) {
    for (let pixel = 0; pixel < channel.length; pixel++) channel[pixel] = lab[pixel * 3 + axis];
    const distances = fastMinimumBarrier(channel, width, height, resolved.passes);
    for (let pixel = 0; pixel < barrier.length; pixel++) barrier[pixel] += distances[pixel];
  }
  const contrast = boundaryContrast(lab, width, height, resolved.borderShare);
  let barrierPeak = 0;
  for (const value of barrier) barrierPeak = Math.max(barrierPeak, value);
  normalise(barrier);
  normalise(contrast);
  const combined = new Float32Array(width * height);
  for (let pixel = 0; pixel < combined.length; pixel++) combined[pixel] = barrier[pixel] + contrast[pixel];
  const smoothed = boxBlur(combined, width, height, Math.max(1, Math.round(Math.min(width, height) / 80)));
  if (resolved.centreBias > 0) applyCentreBias(smoothed, width, height, resolved.centreBias);
  normalise(smoothed);
  return { width, height, values: smoothed, barrierPeak };
}

/** FastMBD (the paper's Algorithm 1): seeds on the border ring, alternating raster and inverse-raster scans. */
function fastMinimumBarrier(values: Float32Array, width: number, height: number, passes: number): Float32Array {
  const pixels = width * height;
  const distance = new Float32Array(pixels).fill(Infinity);
  const highest = new Float32Array(pixels);
  const lowest = new Float32Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel++) {
    highest[pixel] = values[pixel];
    lowest[pixel] = values[pixel];
    const x = pixel % width;
    const y = (pixel - x) / width;
    if (x === 0 || y === 0 || x === width - 1 || y === height - 1) distance[pixel] = 0;
  }
  const relax = (pixel: number, neighbour: number) => {
    const high = Math.max(highest[neighbour], values[pixel]);
    const low = Math.min(lowest[neighbour], values[pixel]);
    if (high - low < distance[pixel]) {
      distance[pixel] = high - low;
      highest[pixel] = high;
      lowest[pixel] = low;
    }
  };
  for (let pass = 0; pass < passes; pass++) {
    if (pass % 2 === 0) {
      for (let y = 1; y < height - 1; y++) {
        for (let x = 1; x < width - 1; x++) {
          const pixel = y * width + x;
          relax(pixel, pixel - 1);
          relax(pixel, pixel - width);
        }
      }
    } else {
      for (let y = height - 2; y >= 1; y--) {
        for (let x = width - 2; x >= 1; x--) {
          const pixel = y * width + x;
          relax(pixel, pixel + 1);
          relax(pixel, pixel + width);
        }
      }
    }
  }
  for (let pixel = 0; pixel < pixels; pixel++) if (!Number.isFinite(distance[pixel])) distance[pixel] = 0;
  return distance;
}

/** Per pixel: Σ over the four border strips of the colour's Mahalanobis distance to the strip, less the largest. */
function boundaryContrast(lab: Float32Array, width: number, height: number, borderShare: number): Float32Array {
  const strip = Math.max(1, Math.round(Math.min(width, height) * borderShare));
  const inStrip = [
    (x: number, y: number) => y < strip,
    (x: number, y: number) => y >= height - strip,
    (x: number, y: number) => x < strip,
    (x: number, y: number) => x >= width - strip,
  ];
  const pixels = width * height;
  const maps = inStrip.map((isMember) => {
    const members: number[] = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (isMember(x, y)) members.push(y * width + x);
    const inverse = inverseCovariance(lab, members);
    const mean = inverse.mean;
    const map = new Float32Array(pixels);
    for (let pixel = 0; pixel < pixels; pixel++) {
      const d0 = lab[pixel * 3] - mean[0],
        d1 = lab[pixel * 3 + 1] - mean[1],
        d2 = lab[pixel * 3 + 2] - mean[2];
      const m = inverse.matrix;
      map[pixel] = Math.sqrt(
        Math.max(
          0,
          d0 * (m[0] * d0 + m[1] * d1 + m[2] * d2) +
            d1 * (m[3] * d0 + m[4] * d1 + m[5] * d2) +
            d2 * (m[6] * d0 + m[7] * d1 + m[8] * d2),
        ),
      );
    }
    normalise(map);
    return map;
  });
  const contrast = new Float32Array(pixels);
  for (let pixel = 0; pixel < pixels; pixel++) {
    let sum = 0;
    let largest = 0;
    for (const map of maps) {
      sum += map[pixel];
      largest = Math.max(largest, map[pixel]);
    }
    contrast[pixel] = sum - largest;
  }
  return contrast;
}

/** Mean and inverse covariance (regularised, so a flat strip does not divide by zero) of the members' colours. */
function inverseCovariance(
  lab: Float32Array,
  members: number[],
): { mean: [number, number, number]; matrix: Float64Array } {
  const mean: [number, number, number] = [0, 0, 0];
  for (const pixel of members)
    for (let axis = 0; axis < 3; axis++) mean[axis] += lab[pixel * 3 + axis] / members.length;
  const covariance = new Float64Array(9);
  for (const pixel of members) {
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 3; column++)
        covariance[row * 3 + column] +=
          ((lab[pixel * 3 + row] - mean[row]) * (lab[pixel * 3 + column] - mean[column])) / members.length;
    }
  }
  // A floor of (4 Lab units)² keeps a perfectly flat border from making every small difference infinitely salient.
  for (let axis = 0; axis < 3; axis++) covariance[axis * 4] += 16;
  return { mean, matrix: invert3(covariance) };
}

function invert3(m: Float64Array): Float64Array {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h,
    B = -(d * i - f * g),
    C = d * h - e * g;
  const determinant = a * A + b * B + c * C;
  const scale = 1 / determinant;
  return Float64Array.from(
    [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map(
      (value) => value * scale,
    ),
  );
}

function applyCentreBias(values: Float32Array, width: number, height: number, weight: number): void {
  // The paper's centre prior: a Gaussian of the distance to the centre with σ = a third of the half-diagonal, mixed in by `weight`.
  const halfDiagonal = Math.hypot(width / 2, height / 2);
  const sigma = halfDiagonal / 1.5;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const distance = Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2);
      const bias = Math.exp(-(distance * distance) / (2 * sigma * sigma));
      values[y * width + x] *= 1 - weight + weight * bias;
    }
  }
}

/** Separable box filter of the given radius, edges clamped. */
export function boxBlur(values: Float32Array, width: number, height: number, radius: number): Float32Array {
  const horizontal = new Float32Array(values.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let offset = -radius; offset <= radius; offset++)
        sum += values[y * width + Math.min(width - 1, Math.max(0, x + offset))];
      horizontal[y * width + x] = sum / (2 * radius + 1);
    }
  }
  const out = new Float32Array(values.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let offset = -radius; offset <= radius; offset++)
        sum += horizontal[Math.min(height - 1, Math.max(0, y + offset)) * width + x];
      out[y * width + x] = sum / (2 * radius + 1);
    }
  }
  return out;
}

/** Scales to 0–1 in place (a constant map becomes all zeros). */
function normalise(values: Float32Array): void {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const range = high - low;
  for (let index = 0; index < values.length; index++) values[index] = range > 1e-9 ? (values[index] - low) / range : 0;
}
