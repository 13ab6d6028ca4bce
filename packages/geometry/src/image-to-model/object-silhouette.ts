// The silhouette image_to_model inflates: the photo cropped to its object (with a margin), decoded at the working
// size so a small object in a large photo gets the full resolution, and the analysis mask (found on the whole,
// small picture) made crisp on the crop. Parts thinner than the level-set grid can resolve are opened away and
// only the largest region is kept, so the silhouette is one piece the surface can follow.
import { decodeImage, uprightSize, type RgbaImage } from '../raster/decode-image.ts';
import {
  cleanMask,
  countForeground,
  fillHoles,
  labelComponents,
  maskFromAlpha,
  type ForegroundMask,
} from '../raster/foreground-mask.ts';
import { boxBlur } from '../raster/minimum-barrier-saliency.ts';
import { refineObjectMask } from '../raster/salient-object-segmentation.ts';
import type { PhotoObject } from './find-photo-object.ts';

export interface ImageRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ObjectSilhouette {
  /** The crop, decoded at the working size. */
  working: RgbaImage;
  /** The object's mask on `working`: one 8-connected region, holes filled. */
  mask: ForegroundMask;
  /** The crop in pixels of the upright source image. */
  region: ImageRegion;
  /** Object pixels removed by the opening (thin parts), as a share of the object. */
  openedShare: number;
}

/** Margin around the object's box, as a share of the box's longer side. */
const CROP_MARGIN_SHARE = 0.12;

export async function objectSilhouette(
  imageBytes: Uint8Array,
  object: PhotoObject,
  options: { workingSizePixels: number; gridResolution: number },
): Promise<ObjectSilhouette> {
  const source = await uprightSize(imageBytes);
  const region = cropRegion(object.box, source.width, source.height);
  const working = await decodeImage(imageBytes, { maxSidePixels: options.workingSizePixels, region });
  let mask: ForegroundMask;
  if (object.source === 'alpha') {
    mask = cleanMask(maskFromAlpha(working), { keepShare: 1, holeShare: 1 });
  } else {
    const probability = coarseProbability(object.mask, region, source, working);
    mask = object.source === 'salient' ? refineObjectMask(working, probability) : thresholded(probability, working);
  }
  // Thin parts: about one level-set cell across at most (the object's longer side spans gridResolution cells).
  const objectSide = Math.max(working.width, working.height) / (1 + 2 * CROP_MARGIN_SHARE);
  const radius = Math.max(1, Math.round(objectSide / options.gridResolution / 2));
  const before = countForeground(mask);
  const opened = largestRegion(open(mask, radius));
  const openedShare = before > 0 ? 1 - countForeground(opened) / before : 0;
  return { working, mask: opened, region, openedShare };
}

/** The object's box grown by the margin, clamped to the picture, in upright source pixels. */
export function cropRegion(box: readonly [number, number, number, number], width: number, height: number): ImageRegion {
  const [left, top, right, bottom] = box;
  const margin = CROP_MARGIN_SHARE * Math.max((right - left) * width, (bottom - top) * height);
  const x0 = Math.max(0, Math.floor(left * width - margin));
  const y0 = Math.max(0, Math.floor(top * height - margin));
  const x1 = Math.min(width, Math.ceil(right * width + margin));
  const y1 = Math.min(height, Math.ceil(bottom * height + margin));
  return { left: x0, top: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/**
 * The analysis mask resampled (bilinearly) onto the working crop, then blurred over the scale step, so the band
 * the coarse mask cannot place sharply is uncertain (≈ 0.5) and the graph cut decides it from the crop's colours.
 */
function coarseProbability(
  mask: ForegroundMask,
  region: ImageRegion,
  source: { width: number; height: number },
  working: RgbaImage,
): Float32Array {
  const probability = new Float32Array(working.width * working.height);
  const toMaskX = mask.width / source.width;
  const toMaskY = mask.height / source.height;
  for (let v = 0; v < working.height; v++) {
    for (let u = 0; u < working.width; u++) {
      const x = (region.left + ((u + 0.5) * region.width) / working.width) * toMaskX - 0.5;
      const y = (region.top + ((v + 0.5) * region.height) / working.height) * toMaskY - 0.5;
      const x0 = Math.max(0, Math.min(mask.width - 1, Math.floor(x)));
      const y0 = Math.max(0, Math.min(mask.height - 1, Math.floor(y)));
      const x1 = Math.min(mask.width - 1, x0 + 1);
      const y1 = Math.min(mask.height - 1, y0 + 1);
      const fx = Math.max(0, Math.min(1, x - x0));
      const fy = Math.max(0, Math.min(1, y - y0));
      const at = (px: number, py: number) => mask.data[py * mask.width + px];
      probability[v * working.width + u] =
        (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
    }
  }
  const scale = working.width / (region.width * toMaskX);
  return boxBlur(probability, working.width, working.height, Math.max(1, Math.round(scale)));
}

function thresholded(probability: Float32Array, working: RgbaImage): ForegroundMask {
  return largestRegion({
    width: working.width,
    height: working.height,
    data: Uint8Array.from(probability, (value) => (value >= 0.5 ? 1 : 0)),
  });
}

/** Morphological opening with a square of side 2·radius + 1: removes parts thinner than that. */
function open(mask: ForegroundMask, radius: number): ForegroundMask {
  return dilateSquare(erodeSquare(mask, radius), radius);
}

function erodeSquare(mask: ForegroundMask, radius: number): ForegroundMask {
  const inverted = { ...mask, data: Uint8Array.from(mask.data, (value) => 1 - value) };
  const grown = dilateSquare(inverted, radius);
  return { ...mask, data: Uint8Array.from(grown.data, (value) => 1 - value) };
}

function dilateSquare(mask: ForegroundMask, radius: number): ForegroundMask {
  const { width, height, data } = mask;
  const horizontal = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let any = 0;
      for (let dx = -radius; dx <= radius && !any; dx++) {
        const nx = x + dx;
        if (nx >= 0 && nx < width) any = data[y * width + nx];
      }
      horizontal[y * width + x] = any;
    }
  }
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let any = 0;
      for (let dy = -radius; dy <= radius && !any; dy++) {
        const ny = y + dy;
        if (ny >= 0 && ny < height) any = horizontal[ny * width + x];
      }
      out[y * width + x] = any;
    }
  }
  return { width, height, data: out };
}

/** The largest 8-connected region, holes filled. */
function largestRegion(mask: ForegroundMask): ForegroundMask {
  const components = labelComponents(mask.data, mask.width, mask.height, 1);
  let largest = -1;
  for (let label = 0; label < components.sizes.length; label++)
    if (largest < 0 || components.sizes[label] > components.sizes[largest]) largest = label;
  const data = new Uint8Array(mask.data.length);
  if (largest >= 0)
    for (let pixel = 0; pixel < data.length; pixel++) data[pixel] = components.labels[pixel] === largest ? 1 : 0;
  return fillHoles({ width: mask.width, height: mask.height, data });
}
