// Decodes an input image to straight (non-premultiplied) 8-bit RGBA with sharp, EXIF orientation applied,
// scaled down to fit a working size. The pixel limit is passed to sharp too, so even a file that slipped past the
// server's header checks (images/inspect-image.ts) cannot make libvips allocate more than the limits allow.
import sharp from 'sharp';

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row-major, top row first. */
  data: Uint8Array;
}

export interface DecodeImageOptions {
  /** Longest side of the result; larger images are scaled down (never up). */
  maxSidePixels?: number;
  /** Inputs with more pixels than this are refused undecoded. */
  maxInputPixels?: number;
  /** Decode only this region (pixels of the upright image, after the EXIF orientation), before scaling. */
  region?: { left: number; top: number; width: number; height: number };
}

export const DECODE_IMAGE_DEFAULTS = {
  /** 6000 × 6000: the API's input bound (tripo-api.md §3), the same as the server's IMAGE_LIMITS.maxPixels. */
  maxInputPixels: 6000 * 6000,
} as const;

export async function decodeImage(bytes: Uint8Array, options: DecodeImageOptions = {}): Promise<RgbaImage> {
  let pipeline = sharp(bytes, {
    limitInputPixels: options.maxInputPixels ?? DECODE_IMAGE_DEFAULTS.maxInputPixels,
    failOn: 'error',
  }).rotate();
  // sharp applies operations in call order for rotate/extract/resize, so the region is cut from the upright image
  if (options.region) pipeline = pipeline.extract(options.region);
  if (options.maxSidePixels !== undefined) {
    pipeline = pipeline.resize({
      width: options.maxSidePixels,
      height: options.maxSidePixels,
      fit: 'inside',
      withoutEnlargement: true,
      kernel: 'lanczos3',
    });
  }
  const { data, info } = await pipeline.toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** Width and height of the upright image (the EXIF orientation applied), from the header alone. */
export async function uprightSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const metadata = await sharp(bytes, { limitInputPixels: DECODE_IMAGE_DEFAULTS.maxInputPixels }).metadata();
  const rotated = (metadata.orientation ?? 1) >= 5;
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  return rotated ? { width: height, height: width } : { width, height };
}

/** Whether the image uses transparency: enough of its pixels are clearly see-through to read as a cut-out. */
export function usesTransparency(image: RgbaImage, minimumShare = 0.01): boolean {
  const pixels = image.width * image.height;
  let transparent = 0;
  for (let pixel = 0; pixel < pixels; pixel++) if (image.data[pixel * 4 + 3] < 128) transparent++;
  return transparent >= Math.max(1, pixels * minimumShare);
}
