// Finds the one object image_to_model should build in a photograph, or says why the photo has no single clear
// object (a refusal the server gives at create time, before anything is charged).
//
// The object: the image's own alpha when it is a cut-out, else the operator's background remover's mask when it
// is a learned one, else the most salient region of salient-object-segmentation.ts. The verdict reads simple
// measures of that region, each tied to a way the reconstruction fails: nothing found (an empty wall), a region
// that fills the frame (a close-up, a texture), one that runs off the picture's edge (a bust, a cropped car: the
// hidden part would be invented flat), a rival region nearly as salient (two subjects, a tray of coins), and a
// region that barely differs from its surroundings (a busy scene, a pattern). The thresholds were set on scenes
// the tests render (test/fixtures/build-photo-scenes.ts) and are options, so an operator's remover can be judged
// the same way.
import { MIN_BARRIER_PEAK } from '../raster/classical-background-remover.ts';
import type { RgbaImage } from '../raster/decode-image.ts';
import { usesTransparency } from '../raster/decode-image.ts';
import {
  cleanMask,
  countForeground,
  labelComponents,
  maskFromAlpha,
  type ForegroundMask,
} from '../raster/foreground-mask.ts';
import { toLab } from '../raster/lab-colour.ts';
import { regionMask, segmentSalientObject } from '../raster/salient-object-segmentation.ts';

export interface PhotoObjectCriteria {
  /** Smallest share of the picture the object may cover. */
  minCoverage: number;
  /** Largest share of the picture the object may cover (beyond it the photo is a close-up or a texture). */
  maxCoverage: number;
  /** Largest share of the object's outline that may lie on the picture's edges. */
  maxCutOffShare: number;
  /** Largest share of the object's outline that may lie on the top, left and right edges (a bust's base is at the bottom). */
  maxSideCutOffShare: number;
  /** Largest saliency of the second region relative to the first. */
  maxRivalShare: number;
  /** Smallest colour difference between the object and the ring around it (0–1, histogram distance). */
  minColourContrast: number;
  /** Largest area of the other regions found, relative to the object's (more: the salient content is scattered). */
  maxDroppedShare: number;
  /** Largest colour entropy (bits) of the picture's border strips (more: the "background" is itself a busy scene). */
  maxBorderEntropyBits: number;
  /** Smallest minimum barrier distance (Lab units) anything in the picture must reach to count as standing out. */
  minBarrierPeak: number;
}

export const PHOTO_OBJECT_CRITERIA: PhotoObjectCriteria = {
  minCoverage: 0.01,
  maxCoverage: 0.8,
  maxCutOffShare: 0.12,
  maxSideCutOffShare: 0.05,
  maxRivalShare: 0.45,
  minColourContrast: 0.5,
  maxDroppedShare: 0.6,
  maxBorderEntropyBits: 4.5,
  minBarrierPeak: MIN_BARRIER_PEAK,
};

export const PHOTO_OBJECT_REFUSALS = {
  noObject: 'no object stands out from the background',
  tooSmall: 'the object is too small in the picture',
  fillsFrame: 'the picture is filled edge to edge (a close-up or a texture), with no background around one object',
  cutOff: 'the object is cut off by the edge of the picture',
  severalObjects: 'the picture shows more than one object of similar prominence',
  unclear: 'no single object stands clearly apart from its surroundings (a busy scene or a pattern)',
} as const;
export type PhotoObjectRefusal = keyof typeof PHOTO_OBJECT_REFUSALS;

export const PHOTO_OBJECT_SUGGESTIONS: Record<PhotoObjectRefusal, string> = {
  noObject: 'use a photo of one object in front of a plain background, or a cut-out image with transparency',
  tooSmall: 'crop the photo to the object, keeping a margin of background around it',
  fillsFrame: 'use a photo that shows the whole object with some background around it on every side',
  cutOff: 'use a photo that shows the whole object with some background around it on every side',
  severalObjects: 'crop the photo to one object',
  unclear: 'crop the photo to one object, or photograph it in front of a plain background',
};

/** Where an object's mask came from. */
export type PhotoObjectSource = 'alpha' | 'salient' | 'remover';

export interface PhotoObject {
  accepted: boolean;
  refusal?: PhotoObjectRefusal;
  source: PhotoObjectSource;
  /** The object's mask at the analysed image's size (holes filled), also when refused. */
  mask: ForegroundMask;
  /** The object's bounds as shares of the picture's width and height, [left, top, right, bottom]. */
  box: [number, number, number, number];
  /** Share of the picture the object covers. */
  coverage: number;
  /** The picture's edges the object's outline runs along, and the share of its outline there. */
  cutOffEdges: ('top' | 'bottom' | 'left' | 'right')[];
  cutOffShare: number;
  /** The share of its outline on the top, left and right edges. */
  sideCutOffShare: number;
  /** The second region's saliency (or area, for masks without saliency) relative to the object's. */
  rivalShare: number;
  /** Histogram distance (0–1) between the object's colours and those of a ring around it. */
  colourContrast: number;
  /** Colour entropy (bits) of the picture's border strips. */
  borderEntropyBits: number;
  /** The saliency map's largest minimum barrier distance, Lab units (photos segmented by saliency only). */
  barrierPeak?: number;
  /** Other regions the segmentation found and that were left out, and their area relative to the object's. */
  droppedRegions: number;
  droppedShare: number;
}

export interface FindPhotoObjectOptions {
  criteria?: Partial<PhotoObjectCriteria>;
  /** A mask from the operator's background remover (a learned model); the salient segmentation runs without one. */
  removerMask?: ForegroundMask;
}

export function findPhotoObject(image: RgbaImage, options: FindPhotoObjectOptions = {}): PhotoObject {
  const criteria = { ...PHOTO_OBJECT_CRITERIA, ...options.criteria };
  if (usesTransparency(image)) return judge(image, regionsOfMask(maskFromAlpha(image)), 'alpha', criteria);
  if (options.removerMask) return judge(image, regionsOfMask(options.removerMask), 'remover', criteria);
  const segmentation = segmentSalientObject(image);
  const regions: CandidateRegions = {
    barrierPeak: segmentation.saliency.barrierPeak,
    best:
      segmentation.regions.length > 0
        ? regionMask(segmentation, 0)
        : { width: image.width, height: image.height, data: new Uint8Array(image.width * image.height) },
    weights: segmentation.regions.map((region) => region.saliencyMass),
    areas: segmentation.regions.map((region) => region.area),
  };
  return judge(image, regions, 'salient', criteria);
}

interface CandidateRegions {
  /** The chosen region, holes filled. */
  best: ForegroundMask;
  /** Each region's weight (saliency mass, or area), best first. */
  weights: number[];
  areas: number[];
  barrierPeak?: number;
}

function regionsOfMask(mask: ForegroundMask): CandidateRegions {
  const components = labelComponents(mask.data, mask.width, mask.height, 1);
  const order = components.sizes.map((_, index) => index).sort((a, b) => components.sizes[b] - components.sizes[a]);
  const data = new Uint8Array(mask.data.length);
  if (order.length > 0)
    for (let pixel = 0; pixel < data.length; pixel++) data[pixel] = components.labels[pixel] === order[0] ? 1 : 0;
  const best = cleanMask({ width: mask.width, height: mask.height, data }, { keepShare: 1, holeShare: 1 });
  const sizes = order.map((label) => components.sizes[label]);
  return { best, weights: sizes, areas: sizes };
}

function judge(
  image: RgbaImage,
  regions: CandidateRegions,
  source: PhotoObjectSource,
  criteria: PhotoObjectCriteria,
): PhotoObject {
  const { best: mask } = regions;
  const { width, height } = mask;
  const area = countForeground(mask);
  const coverage = area / (width * height);
  const bounds = maskBounds(mask);
  const edges = edgeContact(mask);
  const rivalShare = regions.weights.length > 1 && regions.weights[0] > 0 ? regions.weights[1] / regions.weights[0] : 0;
  const droppedArea = regions.areas.slice(1).reduce((sum, value) => sum + value, 0);
  // A cut-out's background is transparent: its colour says nothing, so the colour tests are for photos only.
  const lab = source === 'alpha' ? undefined : toLab(image);
  const colourContrast = !lab ? 1 : area > 0 ? ringColourContrast(lab, mask) : 0;
  const borderEntropyBits = lab ? borderColourEntropy(lab, width, height) : 0;
  const found: Omit<PhotoObject, 'accepted' | 'refusal'> = {
    source,
    mask,
    box: [bounds.minX / width, bounds.minY / height, (bounds.maxX + 1) / width, (bounds.maxY + 1) / height],
    coverage,
    cutOffEdges: edges.sides,
    cutOffShare: edges.share,
    sideCutOffShare: edges.sideShare,
    rivalShare,
    colourContrast,
    borderEntropyBits,
    ...(regions.barrierPeak === undefined ? {} : { barrierPeak: regions.barrierPeak }),
    droppedRegions: Math.max(0, regions.areas.length - 1),
    droppedShare: area > 0 ? droppedArea / area : 0,
  };
  const refusal = refusalOf(found, criteria);
  return refusal ? { accepted: false, refusal, ...found } : { accepted: true, ...found };
}

function refusalOf(
  found: Omit<PhotoObject, 'accepted' | 'refusal'>,
  criteria: PhotoObjectCriteria,
): PhotoObjectRefusal | undefined {
  if (found.coverage === 0 || (found.barrierPeak !== undefined && found.barrierPeak < criteria.minBarrierPeak))
    return 'noObject';
  if (found.coverage > criteria.maxCoverage) return 'fillsFrame';
  if (found.cutOffShare > criteria.maxCutOffShare || found.sideCutOffShare > criteria.maxSideCutOffShare)
    return 'cutOff';
  if (found.rivalShare > criteria.maxRivalShare) return 'severalObjects';
  if (found.borderEntropyBits > criteria.maxBorderEntropyBits || found.droppedShare > criteria.maxDroppedShare)
    return 'unclear';
  if (found.colourContrast < criteria.minColourContrast)
    return found.coverage < criteria.minCoverage ? 'noObject' : 'unclear';
  if (found.coverage < criteria.minCoverage) return 'tooSmall';
  return undefined;
}

function maskBounds(mask: ForegroundMask): { minX: number; minY: number; maxX: number; maxY: number } {
  const bounds = { minX: mask.width, minY: mask.height, maxX: -1, maxY: -1 };
  for (let pixel = 0; pixel < mask.data.length; pixel++) {
    if (!mask.data[pixel]) continue;
    const x = pixel % mask.width;
    const y = (pixel - x) / mask.width;
    bounds.minX = Math.min(bounds.minX, x);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxY = Math.max(bounds.maxY, y);
  }
  return bounds.maxX < 0 ? { minX: 0, minY: 0, maxX: -1, maxY: -1 } : bounds;
}

/**
 * The share of the object's outline that lies on the picture's edge (outline = object pixels with a 4-neighbour
 * outside the object or outside the picture), and the edges where at least a twentieth of the side is object.
 */
function edgeContact(mask: ForegroundMask): {
  share: number;
  sideShare: number;
  sides: ('top' | 'bottom' | 'left' | 'right')[];
} {
  const { width, height, data } = mask;
  let outline = 0;
  let onEdge = 0;
  const perSide = { top: 0, bottom: 0, left: 0, right: 0 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pixel = y * width + x;
      if (!data[pixel]) continue;
      const edge = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      if (y === 0) perSide.top++;
      if (y === height - 1) perSide.bottom++;
      if (x === 0) perSide.left++;
      if (x === width - 1) perSide.right++;
      const inner = !edge && data[pixel - 1] && data[pixel + 1] && data[pixel - width] && data[pixel + width];
      if (edge) {
        onEdge++;
        outline++;
      } else if (!inner) outline++;
    }
  }
  const sides = (['top', 'bottom', 'left', 'right'] as const).filter(
    (side) => perSide[side] >= (side === 'top' || side === 'bottom' ? width : height) / 20,
  );
  // the top, left and right edges: the bottom edge is where a bust or a standing subject is usually cut
  const sideContact = perSide.top + perSide.left + perSide.right;
  return { share: outline > 0 ? onEdge / outline : 0, sideShare: outline > 0 ? sideContact / outline : 0, sides };
}

/**
 * 1 − histogram intersection of the object's Lab colours and those of a ring around it (as wide as a tenth of the
 * object's size): near 0 when the object is made of what surrounds it, near 1 when nothing is shared. Colours
 * are binned coarsely (L in 6 steps, a and b in 8) so shading and noise do not count as difference.
 */
function ringColourContrast(lab: Float32Array, mask: ForegroundMask): number {
  const bounds = maskBounds(mask);
  const radius = Math.max(2, Math.round(0.1 * Math.max(bounds.maxX - bounds.minX + 1, bounds.maxY - bounds.minY + 1)));
  const ring = dilate(mask, radius);
  const inside = new Float64Array(COLOUR_BINS);
  const around = new Float64Array(COLOUR_BINS);
  let insideCount = 0;
  let aroundCount = 0;
  for (let pixel = 0; pixel < mask.data.length; pixel++) {
    if (!ring[pixel] && !mask.data[pixel]) continue;
    const bin = colourBin(lab, pixel);
    if (mask.data[pixel]) {
      inside[bin]++;
      insideCount++;
    } else {
      around[bin]++;
      aroundCount++;
    }
  }
  if (insideCount === 0 || aroundCount === 0) return aroundCount === 0 ? 0 : 1;
  let intersection = 0;
  for (let bin = 0; bin < COLOUR_BINS; bin++)
    intersection += Math.min(inside[bin] / insideCount, around[bin] / aroundCount);
  return 1 - intersection;
}

/** Shannon entropy (bits) of the coarse colour histogram of the border strips (8 % of the shorter side wide). */
function borderColourEntropy(lab: Float32Array, width: number, height: number): number {
  const strip = Math.max(2, Math.round(Math.min(width, height) * 0.08));
  const histogram = new Float64Array(COLOUR_BINS);
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= strip && y >= strip && x < width - strip && y < height - strip) continue;
      histogram[colourBin(lab, y * width + x)]++;
      count++;
    }
  }
  let entropy = 0;
  for (const value of histogram) if (value > 0) entropy -= (value / count) * Math.log2(value / count);
  return entropy;
}

const COLOUR_BINS = 6 * 8 * 8;

/** A Lab colour's coarse bin: L in 6 steps, a and b in 8 steps of 20 from −80. */
function colourBin(lab: Float32Array, pixel: number): number {
  const l = Math.min(5, Math.max(0, Math.floor(lab[pixel * 3] / (100 / 6))));
  const a = Math.min(7, Math.max(0, Math.floor((lab[pixel * 3 + 1] + 80) / 20)));
  const b = Math.min(7, Math.max(0, Math.floor((lab[pixel * 3 + 2] + 80) / 20)));
  return (l * 8 + a) * 8 + b;
}

/** Pixels within `radius` (chessboard distance) of the mask, excluding the mask itself. */
function dilate(mask: ForegroundMask, radius: number): Uint8Array {
  const { width, height, data } = mask;
  const horizontal = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    let last = -Infinity;
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]) last = x;
      if (x - last <= radius) horizontal[y * width + x] = 1;
    }
    last = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (data[y * width + x]) last = x;
      if (last - x <= radius) horizontal[y * width + x] = 1;
    }
  }
  const out = new Uint8Array(data.length);
  for (let x = 0; x < width; x++) {
    let last = -Infinity;
    for (let y = 0; y < height; y++) {
      if (horizontal[y * width + x]) last = y;
      if (y - last <= radius) out[y * width + x] = 1;
    }
    last = Infinity;
    for (let y = height - 1; y >= 0; y--) {
      if (horizontal[y * width + x]) last = y;
      if (last - y <= radius) out[y * width + x] = 1;
    }
  }
  for (let pixel = 0; pixel < data.length; pixel++) if (data[pixel]) out[pixel] = 0;
  return out;
}
