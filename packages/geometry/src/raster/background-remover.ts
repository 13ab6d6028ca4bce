// The background-removal seam of the image pipelines: the object's mask in an RGBA image. The classical remover
// lives here; the server adds the operator's opt-in (an AGPL model loaded by name) behind the same interface.
import { segmentForeground } from './classical-background-remover.ts';
import { usesTransparency, type RgbaImage } from './decode-image.ts';
import { cleanMask, maskFromAlpha, type ForegroundMask } from './foreground-mask.ts';

export interface BackgroundRemover {
  readonly method: string;
  /** The object's mask at the image's resolution. Throws NoForegroundError when no object is found. */
  foregroundMask(image: RgbaImage): Promise<ForegroundMask>;
}

/** A remover that takes an image's own alpha when it uses transparency (it is already cut out), else `cutOut`. */
export function backgroundRemoverFrom<Method extends string>(
  method: Method,
  cutOut: (image: RgbaImage) => Promise<ForegroundMask>,
): BackgroundRemover & { readonly method: Method } {
  return {
    method,
    async foregroundMask(image: RgbaImage): Promise<ForegroundMask> {
      if (usesTransparency(image)) return cleanMask(maskFromAlpha(image));
      return cutOut(image);
    },
  };
}

/** The default: classical-background-remover.ts, salient-object segmentation (training-free, offline). */
export function createClassicalBackgroundRemover(): BackgroundRemover & { readonly method: 'classical' } {
  return backgroundRemoverFrom('classical', async (image) => segmentForeground(image));
}
