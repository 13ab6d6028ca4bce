// The default background removal: the photo's most salient region (salient-object-segmentation.ts: a
// minimum-barrier saliency map made crisp by colour-model graph cuts), training-free and offline. No permissively
// licensed segmentation model with its weights inside an npm package was found (see the server's
// images/background-remover.ts); a learned model is the operator's opt-in there.
//
// On an object in front of a plain or gradient background this is the whole object; on a photograph it is the
// most salient region, which image-to-model/find-photo-object.ts judges before anything is built from it.
import type { RgbaImage } from './decode-image.ts';
import type { ForegroundMask } from './foreground-mask.ts';
import { regionMask, segmentSalientObject, type SalientSegmentationOptions } from './salient-object-segmentation.ts';

/** Thrown when no object stands out from the background. */
export class NoForegroundError extends Error {}

/** Below this minimum barrier distance (Lab units) nothing in the picture stands out from its border. */
export const MIN_BARRIER_PEAK = 15;

export function segmentForeground(image: RgbaImage, options: SalientSegmentationOptions = {}): ForegroundMask {
  const segmentation = segmentSalientObject(image, options);
  if (segmentation.regions.length === 0 || segmentation.saliency.barrierPeak < MIN_BARRIER_PEAK) {
    throw new NoForegroundError('no object stands out from the background of the image');
  }
  const mask = regionMask(segmentation, 0);
  if (segmentation.regions[0].area < image.width * image.height * 0.002)
    throw new NoForegroundError('no object stands out from the background of the image');
  return mask;
}
