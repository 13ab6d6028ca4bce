// The image content policy: an image whose "unsafe" score (the classifier's Porn + Hentai probability) reaches
// the operator's threshold violates it (error 2008 at create time, status `banned` when found by a worker).
//
// Decided: "Sexy" (suggestive, not explicit) does not count; the default threshold 0.7 sits well above what
// drawings and product shots score (~0.01–0.05 here) and below what explicit material typically scores.
import sharp from 'sharp';
import { DomainError } from '../domain-error.ts';
import { classifyNsfw, NSFW_INPUT_SIZE_PIXELS, type NsfwScores } from './nsfw-classifier.ts';
import { IMAGE_LIMITS } from './image-limits.ts';

export interface ImageSafetyOptions {
  /** Off only by an explicit operator setting; then every image passes. */
  enabled: boolean;
  /** 0–1: an unsafe score at or above it is a violation. */
  threshold: number;
}

export const IMAGE_SAFETY_DEFAULTS: ImageSafetyOptions = { enabled: true, threshold: 0.7 };

export class ImageSafety {
  constructor(readonly options: ImageSafetyOptions = IMAGE_SAFETY_DEFAULTS) {}

  /** The unsafe score of an encoded image (0 when the check is off). */
  async unsafeScoreOf(bytes: Uint8Array): Promise<number> {
    if (!this.options.enabled) return 0;
    return unsafeScore(await this.classify(bytes));
  }

  async classify(bytes: Uint8Array): Promise<NsfwScores> {
    const { data, info } = await sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels })
      .rotate()
      .resize(NSFW_INPUT_SIZE_PIXELS, NSFW_INPUT_SIZE_PIXELS, { fit: 'fill' })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return classifyNsfw({
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
  }

  isViolation(score: number): boolean {
    return this.options.enabled && score >= this.options.threshold;
  }

  /** Throws contentPolicyViolation (2008) when the score violates the policy. */
  assertAllowed(score: number, label: string): void {
    if (this.isViolation(score)) {
      throw new DomainError(
        'contentPolicyViolation',
        `${label} was refused by the image content check: sexual content; nothing was charged`,
      );
    }
  }
}

export function unsafeScore(scores: NsfwScores): number {
  return scores.Porn + scores.Hentai;
}
