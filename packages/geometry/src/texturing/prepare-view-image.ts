// A texture_prompt image ready for projection: decoded to RGBA (sharp, passed in), at most `maxSize` on its
// longest side, with a foreground mask and its bounding box, so the model's silhouette can be fitted to the
// object in the picture and the background is never painted on. Foreground is the opaque pixels of an image
// with transparency; otherwise, when the border is one colour (a product shot on a plain backdrop: at least 90%
// of border pixels within a small distance of their median), the pixels that differ from it; otherwise the
// whole image.
import type { Sharp } from '../formats/textures/encode-texture.ts';

export interface ViewImage {
  width: number;
  height: number;
  /** RGBA, 8 bits, row 0 at the top. */
  data: Uint8Array;
  /** 1 per foreground pixel. */
  foreground: Uint8Array;
  /** Foreground bounding box in pixels: [minX, minY, maxX + 1, maxY + 1]. */
  bounds: [number, number, number, number];
}

const BACKGROUND_DISTANCE = 28;
const UNIFORM_BORDER_SHARE = 0.9;

export async function prepareViewImage(bytes: Uint8Array, sharp: Sharp, maxSize = 2048): Promise<ViewImage> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .ensureAlpha()
    .resize({ width: maxSize, height: maxSize, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const { width, height } = info;
  const foreground = new Uint8Array(width * height);
  let transparent = 0;
  for (let pixel = 0; pixel < width * height; pixel++) if (pixels[pixel * 4 + 3] < 128) transparent++;
  if (transparent > 0) {
    for (let pixel = 0; pixel < width * height; pixel++) foreground[pixel] = pixels[pixel * 4 + 3] >= 128 ? 1 : 0;
  } else {
    const background = uniformBorderColour(pixels, width, height);
    for (let pixel = 0; pixel < width * height; pixel++) {
      foreground[pixel] = !background || colourDistance(pixels, pixel, background) > BACKGROUND_DISTANCE ? 1 : 0;
    }
  }
  let minX = width,
    minY = height,
    maxX = -1,
    maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!foreground[y * width + x]) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (maxX < 0) {
    foreground.fill(1);
    [minX, minY, maxX, maxY] = [0, 0, width - 1, height - 1];
  }
  return { width, height, data: pixels, foreground, bounds: [minX, minY, maxX + 1, maxY + 1] };
}

function uniformBorderColour(pixels: Uint8Array, width: number, height: number): [number, number, number] | undefined {
  const border: number[] = [];
  for (let x = 0; x < width; x++) border.push(x, (height - 1) * width + x);
  for (let y = 1; y < height - 1; y++) border.push(y * width, y * width + width - 1);
  const median = [0, 1, 2].map((channel) => {
    const values = border.map((pixel) => pixels[pixel * 4 + channel]).sort((a, b) => a - b);
    return values[values.length >> 1];
  }) as [number, number, number];
  const close = border.filter((pixel) => colourDistance(pixels, pixel, median) <= BACKGROUND_DISTANCE).length;
  return close >= UNIFORM_BORDER_SHARE * border.length ? median : undefined;
}

function colourDistance(pixels: Uint8Array, pixel: number, colour: [number, number, number]): number {
  return Math.hypot(
    pixels[pixel * 4] - colour[0],
    pixels[pixel * 4 + 1] - colour[1],
    pixels[pixel * 4 + 2] - colour[2],
  );
}
