// Base-colour textures for the preview renderer (render-preview.ts): decoded once by sharp to raw RGBA at a
// bounded size, then sampled bilinearly in linear light with the glTF sampler's wrap modes.

import type { Texture } from '@gltf-transform/core';
import type { Sharp } from '../formats/textures/encode-texture.ts';

export interface SampledTexture {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row 0 at v = 0 (glTF's top-left origin). */
  data: Uint8Array;
  wrapS: number;
  wrapT: number;
}

/** Decodes to raw RGBA with sharp; an image sharp cannot read (KTX2, say) leaves the material's factor alone. */
export async function decodeTexture(texture: Texture, sharp: Sharp, maxSize: number): Promise<SampledTexture | null> {
  const image = texture.getImage();
  if (!image) return null;
  try {
    const { data, info } = await sharp(image)
      .ensureAlpha()
      .resize({ width: maxSize, height: maxSize, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      wrapS: REPEAT,
      wrapT: REPEAT,
    };
  } catch {
    return null;
  }
}

const REPEAT = 10497;
const MIRRORED_REPEAT = 33648;

function wrap(coordinate: number, size: number, mode: number): number {
  if (mode === REPEAT) return ((coordinate % size) + size) % size;
  if (mode === MIRRORED_REPEAT) {
    const period = ((coordinate % (2 * size)) + 2 * size) % (2 * size);
    return period < size ? period : 2 * size - 1 - period;
  }
  return coordinate < 0 ? 0 : coordinate >= size ? size - 1 : coordinate;
}

/** Bilinear lookup of linear RGB (texels are sRGB); glTF UVs put v = 0 at the image's top row. */
export function sampleBilinear(texture: SampledTexture, u: number, v: number, out: [number, number, number]): void {
  const { width, height, data } = texture;
  const x = u * width - 0.5,
    y = v * height - 0.5;
  const x0 = Math.floor(x),
    y0 = Math.floor(y);
  const tx = x - x0,
    ty = y - y0;
  const left = wrap(x0, width, texture.wrapS),
    right = wrap(x0 + 1, width, texture.wrapS);
  const top = wrap(y0, height, texture.wrapT),
    bottom = wrap(y0 + 1, height, texture.wrapT);
  const i00 = (top * width + left) * 4,
    i10 = (top * width + right) * 4,
    i01 = (bottom * width + left) * 4,
    i11 = (bottom * width + right) * 4;
  for (let channel = 0; channel < 3; channel++) {
    const upper = SRGB_TO_LINEAR[data[i00 + channel]] * (1 - tx) + SRGB_TO_LINEAR[data[i10 + channel]] * tx;
    const lower = SRGB_TO_LINEAR[data[i01 + channel]] * (1 - tx) + SRGB_TO_LINEAR[data[i11 + channel]] * tx;
    out[channel] = upper * (1 - ty) + lower * ty;
  }
}

export const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, byte) => {
  const value = byte / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
});
