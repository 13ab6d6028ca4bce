// generate_image's `asset_extraction` template on the embedded model: the main object of the reference image,
// cut out by the configured background remover, on a transparent background and cropped to the object.
import sharp from 'sharp';
import { NoForegroundError } from '@polyforge/geometry/raster/classical-background-remover';
import type { BackgroundRemover } from '../../images/background-remover.ts';
import { decodeImage } from '@polyforge/geometry/raster/decode-image';
import { EngineFailure, type EngineOutputFile } from '../engine.ts';

/** The mask is found at this size (as for image-to-model inputs), then applied softly at full size. */
const WORKING_SIZE_PIXELS = 512;
/** Transparent margin kept around the object, as a share of its larger side. */
const MARGIN_SHARE = 0.04;

export async function extractImageAsset(bytes: Uint8Array, remover: BackgroundRemover): Promise<EngineOutputFile> {
  const image = await decodeImage(bytes);
  const working = await decodeImage(bytes, { maxSidePixels: WORKING_SIZE_PIXELS });
  let mask;
  try {
    mask = await remover.foregroundMask(working);
  } catch (error) {
    if (error instanceof NoForegroundError)
      throw new EngineFailure(
        'noForegroundObject',
        'no object could be separated from the background of the reference image',
      );
    throw error;
  }
  const binary = Uint8Array.from(mask.data, (inside) => inside * 255);
  const soft = await sharp(binary, { raw: { width: mask.width, height: mask.height, channels: 1 } })
    .resize(image.width, image.height, { fit: 'fill', kernel: 'linear' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  let [minX, minY, maxX, maxY] = [image.width, image.height, -1, -1];
  const rgba = new Uint8Array(image.data);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const pixel = y * image.width + x;
      const alpha = Math.min(rgba[pixel * 4 + 3]!, soft[pixel]!);
      rgba[pixel * 4 + 3] = alpha;
      if (alpha >= 128) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  if (maxX < 0)
    throw new EngineFailure(
      'noForegroundObject',
      'no object could be separated from the background of the reference image',
    );
  const margin = Math.round(MARGIN_SHARE * Math.max(maxX - minX, maxY - minY));
  const left = Math.max(0, minX - margin);
  const top = Math.max(0, minY - margin);
  const region = {
    left,
    top,
    width: Math.min(image.width, maxX + margin + 1) - left,
    height: Math.min(image.height, maxY + margin + 1) - top,
  };
  const png = await sharp(rgba, { raw: { width: image.width, height: image.height, channels: 4 } })
    .extract(region)
    .png()
    .toBuffer();
  return { bytes: new Uint8Array(png), extension: 'png', mimeType: 'image/png' };
}
