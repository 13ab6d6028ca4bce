// Reads an input image's header (sharp, no pixel decoding) and refuses what the limits do not allow: an
// unsupported or undecodable format, a side under 20 or over 6000 pixels. A decompression bomb (a small file
// that declares a huge canvas, e.g. a 100-byte PNG of 30000×30000) is refused here, before any pixel is
// decoded, because its declared size is over the limit.
import sharp, { type Metadata } from 'sharp';
import { DomainError } from '../domain-error.ts';
import { IMAGE_LIMITS, UPLOAD_IMAGE_FORMATS, type InputImageFormat } from './image-limits.ts';

export interface ImageInfo {
  format: InputImageFormat;
  /** Displayed size, after the EXIF orientation is applied. */
  widthPixels: number;
  heightPixels: number;
  hasAlpha: boolean;
}

export interface InspectImageOptions {
  /** Formats accepted (default JPEG, PNG, WebP). */
  formats?: readonly InputImageFormat[];
  /** Names the image in messages, e.g. `file_token 1234…` or `the image at https://…`. */
  label?: string;
}

export async function inspectImage(bytes: Uint8Array, options: InspectImageOptions = {}): Promise<ImageInfo> {
  const formats = options.formats ?? UPLOAD_IMAGE_FORMATS;
  const label = options.label ?? 'the image';
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch (error) {
    throw new DomainError(
      'unsupportedFileType',
      `${label} could not be read as an image (${shortReason(error)}); send a JPEG, PNG or WebP file`,
    );
  }
  const format = metadata.format as string | undefined;
  if (!format || !(formats as readonly string[]).includes(format)) {
    throw new DomainError(
      'unsupportedFileType',
      `${label} is ${format ? `a ${format.toUpperCase()} image` : 'not an image'}; accepted here: ${formats.map((name) => name.toUpperCase()).join(', ')}`,
    );
  }
  const storedWidth = metadata.width ?? 0;
  const storedHeight = metadata.height ?? 0;
  const rotated = (metadata.orientation ?? 1) >= 5;
  const widthPixels = rotated ? storedHeight : storedWidth;
  const heightPixels = rotated ? storedWidth : storedHeight;
  const { minSidePixels, maxSidePixels } = IMAGE_LIMITS;
  if (widthPixels > maxSidePixels || heightPixels > maxSidePixels) {
    throw new DomainError(
      'imageDimensionsOutOfRange',
      `${label} declares ${widthPixels}×${heightPixels} pixels (${megapixels(widthPixels, heightPixels)} MP); images may be at most ${maxSidePixels} pixels per side, so it was refused without decoding it`,
    );
  }
  if (widthPixels < minSidePixels || heightPixels < minSidePixels) {
    throw new DomainError(
      'imageDimensionsOutOfRange',
      `${label} is ${widthPixels}×${heightPixels} pixels; images must be at least ${minSidePixels} pixels per side (over 256 is recommended)`,
    );
  }
  return { format: format as InputImageFormat, widthPixels, heightPixels, hasAlpha: Boolean(metadata.hasAlpha) };
}

function megapixels(width: number, height: number): string {
  return ((width * height) / 1e6).toFixed(1);
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 120);
}
