// The image text_to_image and generate_image return: the model rendered by render-preview.ts from
// a three-quarter view, cut out and placed on a studio backdrop (a vertical gradient) with a soft contact
// shadow, as a PNG.
//
// Method: difference matting (Smith & Blinn, "Blue Screen Matting", SIGGRAPH 1996, §4 "triangulation"): the
// same view is rendered over black and over white; in linear light the two differ by exactly (1 − α), which
// gives the model's coverage with its anti-aliased edges, and the black render divided by α its colour. The
// renderer has no alpha output, so two renders are the exact way to get one without changing it.

import type { Document } from '@gltf-transform/core';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { renderPreview } from './render-preview.ts';
import type { Rgb } from '../generators/materials/colour-names.ts';

export interface StudioImageOptions {
  sizePixels?: number;
  /** backdrop colours at the top and the bottom of the image, sRGB */
  topColour?: Rgb;
  bottomColour?: Rgb;
  azimuthDegrees?: number;
  elevationDegrees?: number;
}

export const STUDIO_IMAGE_DEFAULTS: Required<StudioImageOptions> = {
  sizePixels: 768,
  topColour: [236, 238, 242],
  bottomColour: [196, 201, 210],
  azimuthDegrees: 32,
  elevationDegrees: 18,
};

const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, value) => {
  const channel = value / 255;
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
});

function linearToSrgb(value: number): number {
  const clamped = Math.min(1, Math.max(0, value));
  return Math.round(255 * (clamped <= 0.0031308 ? clamped * 12.92 : 1.055 * clamped ** (1 / 2.4) - 0.055));
}

export async function renderStudioImage(
  document: Document,
  sharp: Sharp,
  options: StudioImageOptions = {},
): Promise<Uint8Array> {
  const resolved = { ...STUDIO_IMAGE_DEFAULTS, ...options };
  const size = resolved.sizePixels;
  const view = {
    sizePixels: size,
    supersampling: 2,
    azimuthDegrees: resolved.azimuthDegrees,
    elevationDegrees: resolved.elevationDegrees,
    fillFraction: 0.78,
    sharp,
    webpQuality: 100,
  };
  const [overBlack, overWhite] = await Promise.all(
    (
      [
        [0, 0, 0],
        [255, 255, 255],
      ] as const
    ).map(async (backgroundColor) => {
      // lossless WebP keeps the two renders exact
      const webp = await renderPreview(document, { ...view, backgroundColor });
      const { data } = await sharp(webp).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      return data;
    }),
  );

  const pixels = size * size;
  const alpha = new Float32Array(pixels);
  const colour = new Float32Array(pixels * 3);
  let lowestRow = 0;
  let left = size;
  let right = 0;
  for (let pixel = 0; pixel < pixels; pixel++) {
    let difference = 0;
    for (let channel = 0; channel < 3; channel++)
      difference += SRGB_TO_LINEAR[overWhite[pixel * 3 + channel]] - SRGB_TO_LINEAR[overBlack[pixel * 3 + channel]];
    const coverage = Math.min(1, Math.max(0, 1 - difference / 3));
    alpha[pixel] = coverage;
    if (coverage > 0.01) {
      for (let channel = 0; channel < 3; channel++)
        colour[pixel * 3 + channel] = SRGB_TO_LINEAR[overBlack[pixel * 3 + channel]] / coverage;
      if (coverage > 0.5) {
        const row = Math.floor(pixel / size);
        const column = pixel % size;
        if (row > lowestRow) lowestRow = row;
        if (column < left) left = column;
        if (column > right) right = column;
      }
    }
  }

  const shadow = await contactShadow(sharp, size, lowestRow, left, right);
  const out = Buffer.alloc(pixels * 3);
  const top = resolved.topColour.map((channel) => SRGB_TO_LINEAR[channel]);
  const bottom = resolved.bottomColour.map((channel) => SRGB_TO_LINEAR[channel]);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const t = Math.floor(pixel / size) / (size - 1);
    const darken = 1 - 0.45 * (shadow[pixel] / 255);
    for (let channel = 0; channel < 3; channel++) {
      const backdrop = (top[channel] + (bottom[channel] - top[channel]) * t) * darken;
      out[pixel * 3 + channel] = linearToSrgb(
        colour[pixel * 3 + channel] * alpha[pixel] + backdrop * (1 - alpha[pixel]),
      );
    }
  }
  const png = await sharp(out, { raw: { width: size, height: size, channels: 3 } })
    .png({ compressionLevel: 7 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** A blurred ellipse under the model's lowest point, as a one-channel mask (0–255). */
async function contactShadow(
  sharp: Sharp,
  size: number,
  lowestRow: number,
  left: number,
  right: number,
): Promise<Uint8Array> {
  if (right <= left) return new Uint8Array(size * size);
  const centreX = (left + right) / 2;
  const radiusX = Math.max(4, ((right - left) / 2) * 0.9);
  const radiusY = Math.max(3, radiusX * 0.12);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="black"/><ellipse cx="${centreX}" cy="${Math.min(size - radiusY, lowestRow)}" rx="${radiusX}" ry="${radiusY}" fill="white"/></svg>`;
  const { data } = await sharp(Buffer.from(svg))
    .blur(Math.max(1, radiusY * 0.9))
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
