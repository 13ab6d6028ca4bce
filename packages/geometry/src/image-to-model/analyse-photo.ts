// The fast look at an input photo that decides, before anything is charged, whether image_to_model can build it:
// decoded small (PHOTO_ANALYSIS_SIZE_PIXELS), its object found and judged by find-photo-object.ts. The result is
// what the server caches between the create-time check and the task's run, and what the task output reports.
import type { BackgroundRemover } from '../raster/background-remover.ts';
import { NoForegroundError } from '../raster/classical-background-remover.ts';
import { decodeImage, usesTransparency } from '../raster/decode-image.ts';
import type { ForegroundMask } from '../raster/foreground-mask.ts';
import {
  findPhotoObject,
  PHOTO_OBJECT_REFUSALS,
  PHOTO_OBJECT_SUGGESTIONS,
  type PhotoObject,
  type PhotoObjectCriteria,
} from './find-photo-object.ts';

/** Longest side the photo is analysed at: enough for the object's extent, small enough for create time. */
export const PHOTO_ANALYSIS_SIZE_PIXELS = 200;

export interface AnalysePhotoOptions {
  /** The configured remover: a learned one (not `classical`) supplies the mask; the classical one is built in. */
  backgroundRemover?: BackgroundRemover;
  criteria?: Partial<PhotoObjectCriteria>;
}

export async function analysePhoto(imageBytes: Uint8Array, options: AnalysePhotoOptions = {}): Promise<PhotoObject> {
  const image = await decodeImage(imageBytes, { maxSidePixels: PHOTO_ANALYSIS_SIZE_PIXELS });
  let removerMask: ForegroundMask | undefined;
  const remover = options.backgroundRemover;
  if (remover && remover.method !== 'classical' && !usesTransparency(image)) {
    try {
      removerMask = await remover.foregroundMask(image);
    } catch (error) {
      if (!(error instanceof NoForegroundError)) throw error;
      removerMask = { width: image.width, height: image.height, data: new Uint8Array(image.width * image.height) };
    }
  }
  return findPhotoObject(image, { criteria: options.criteria, removerMask });
}

/** A photo that has no single clear object to build: thrown by imageToModel, refused at create by the server. */
export class PhotoObjectRefusedError extends Error {
  constructor(readonly object: PhotoObject) {
    super(describePhotoRefusal(object));
    this.name = 'PhotoObjectRefusedError';
  }
}

/** The reconstruction did not end as one closed piece (it is never delivered then). */
export class FragmentedModelError extends Error {
  constructor(readonly components: number) {
    super(
      `the reconstruction came apart into ${components} separate pieces, so no model was delivered; crop the photo to one compact object, or photograph it in front of a plain background`,
    );
    this.name = 'FragmentedModelError';
  }
}

/** "the object is cut off by the edge of the picture (bottom and left); use a photo that shows ..." */
export function describePhotoRefusal(object: PhotoObject): string {
  if (!object.refusal) return 'the photo shows one clear object';
  const reason = PHOTO_OBJECT_REFUSALS[object.refusal];
  const detail =
    object.refusal === 'cutOff' && object.cutOffEdges.length > 0
      ? ` (at the ${joinWords(object.cutOffEdges)} edge${object.cutOffEdges.length > 1 ? 's' : ''})`
      : object.refusal === 'fillsFrame' || object.refusal === 'tooSmall'
        ? ` (it covers ${Math.round(object.coverage * 100)} % of the picture)`
        : '';
  return `${reason}${detail}; ${PHOTO_OBJECT_SUGGESTIONS[object.refusal]}`;
}

/** What the task output says was understood of the photo: where the object is, what was left out. */
export interface PhotoObjectSummary {
  object_found: boolean;
  /** `alpha` (the image's transparency), `salient` (built-in segmentation) or `remover` (the operator's model). */
  mask_source: string;
  /** The object's bounds as shares of the picture, [left, top, right, bottom]. */
  bounding_box: [number, number, number, number];
  /** Share of the picture the object covers. */
  coverage: number;
  /** Other regions the segmentation found and left out, and their area relative to the object's. */
  dropped_regions: number;
  dropped_area_share: number;
  /** Picture edges the object touches (a small contact, e.g. a bust's base, is accepted). */
  touches_edges: string[];
}

export function summarisePhotoObject(object: PhotoObject): PhotoObjectSummary {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    object_found: object.accepted,
    mask_source: object.source,
    bounding_box: object.box.map(round) as [number, number, number, number],
    coverage: round(object.coverage),
    dropped_regions: object.droppedRegions,
    dropped_area_share: round(object.droppedShare),
    touches_edges: object.cutOffEdges,
  };
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
