// convert_model `texture_size`: downscales every texture whose width or height exceeds the limit so that
// neither does (aspect ratio kept, Lanczos 3), re-encoded in its own format; never upscales. Images sharp cannot
// decode (KTX2, ...) are left alone.

import { ImageUtils, type Document } from '@gltf-transform/core';
import type { Sharp } from '../formats/textures/encode-texture.ts';

export interface ResizeTexturesOptions {
  maxSize: number;
  sharp: Sharp;
}

const REENCODABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Returns how many textures were resized. */
export async function resizeTextures(document: Document, options: ResizeTexturesOptions): Promise<number> {
  const { maxSize, sharp } = options;
  let resized = 0;
  for (const texture of document.getRoot().listTextures()) {
    const image = texture.getImage();
    const mimeType = texture.getMimeType();
    if (!image || !REENCODABLE.has(mimeType)) continue;
    // The size from the image header (no decode, no thread hop); sharp only for what that cannot read.
    const [width, height] = headerSize(image, mimeType) ?? (await sizeBySharp(sharp, image));
    if (width <= maxSize && height <= maxSize) continue;
    let pipeline = sharp(image).resize({
      width: maxSize,
      height: maxSize,
      fit: 'inside',
      withoutEnlargement: true,
      kernel: 'lanczos3',
    });
    pipeline =
      mimeType === 'image/png'
        ? pipeline.png()
        : mimeType === 'image/jpeg'
          ? pipeline.jpeg({ quality: 90 })
          : pipeline.webp({ quality: 90 });
    texture.setImage(new Uint8Array(await pipeline.toBuffer()));
    resized++;
  }
  return resized;
}

/** Signatures of the formats whose header is read here; anything else (or mislabelled) goes to sharp. */
const SIGNATURES: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

function headerSize(image: Uint8Array, mimeType: string): [number, number] | null {
  const signature = SIGNATURES[mimeType];
  if (!signature || signature.some((byte, index) => image[index] !== byte)) return null;
  try {
    return ImageUtils.getSize(image, mimeType);
  } catch {
    return null; // a header it cannot parse: sharp decides
  }
}

async function sizeBySharp(sharp: Sharp, image: Uint8Array): Promise<[number, number]> {
  const { width = 0, height = 0 } = await sharp(image).metadata();
  return [width, height];
}
