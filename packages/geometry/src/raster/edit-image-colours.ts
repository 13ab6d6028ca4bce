// Applies parsed image edits (parse-edit-prompt.ts) to an image's object pixels, blended by a soft mask so
// the outline stays clean and the background untouched.
//
// Recolouring keeps the object's shading: in HSL, the hue becomes the target's, the saturation the target's
// (nearly none for black, white and grey), and the lightness keeps each pixel's offset from the object's
// mean while the mean moves most of the way to the target's lightness. Lightness, saturation and contrast
// edits scale HSL lightness, saturation, and lightness about the object's mean.
import type { RgbaImage } from './decode-image.ts';
import type { ImageEdit } from './parse-edit-prompt.ts';

/** `weights`: 0–255 per pixel, how much of the pixel is object. Returns a new image. */
export function editImageColours(image: RgbaImage, weights: Uint8Array, edits: ImageEdit[]): RgbaImage {
  const pixels = image.width * image.height;
  const hsl = new Float32Array(pixels * 3);
  for (let pixel = 0; pixel < pixels; pixel++) {
    rgbToHsl(
      image.data[pixel * 4] / 255,
      image.data[pixel * 4 + 1] / 255,
      image.data[pixel * 4 + 2] / 255,
      hsl,
      pixel * 3,
    );
  }
  for (const edit of edits) {
    const meanLightness = weightedMeanLightness(hsl, weights);
    for (let pixel = 0; pixel < pixels; pixel++) {
      if (weights[pixel] === 0) continue;
      const offset = pixel * 3;
      switch (edit.kind) {
        case 'recolour': {
          const target = new Float32Array(3);
          rgbToHsl(edit.rgb[0] / 255, edit.rgb[1] / 255, edit.rgb[2] / 255, target, 0);
          const contrast = edit.contrast ?? 1;
          hsl[offset] = target[0];
          hsl[offset + 1] = target[1];
          const shifted = meanLightness + 0.8 * (target[2] - meanLightness);
          hsl[offset + 2] = clamp01(shifted + (hsl[offset + 2] - meanLightness) * contrast);
          break;
        }
        case 'lightness':
          hsl[offset + 2] = clamp01(
            edit.factor >= 1 ? 1 - (1 - hsl[offset + 2]) / edit.factor : hsl[offset + 2] * edit.factor,
          );
          break;
        case 'saturation':
          hsl[offset + 1] = clamp01(hsl[offset + 1] * edit.factor);
          break;
        case 'contrast':
          hsl[offset + 2] = clamp01(meanLightness + (hsl[offset + 2] - meanLightness) * edit.factor);
          break;
      }
    }
  }
  const data = new Uint8Array(image.data);
  const rgb = [0, 0, 0];
  for (let pixel = 0; pixel < pixels; pixel++) {
    const weight = weights[pixel] / 255;
    if (weight === 0) continue;
    hslToRgb(hsl[pixel * 3], hsl[pixel * 3 + 1], hsl[pixel * 3 + 2], rgb);
    for (let channel = 0; channel < 3; channel++) {
      data[pixel * 4 + channel] = Math.round(
        image.data[pixel * 4 + channel] * (1 - weight) + rgb[channel] * 255 * weight,
      );
    }
  }
  return { width: image.width, height: image.height, data };
}

function weightedMeanLightness(hsl: Float32Array, weights: Uint8Array): number {
  let sum = 0;
  let total = 0;
  for (let pixel = 0; pixel < weights.length; pixel++) {
    sum += hsl[pixel * 3 + 2] * weights[pixel];
    total += weights[pixel];
  }
  return total > 0 ? sum / total : 0.5;
}

function rgbToHsl(r: number, g: number, b: number, out: Float32Array, offset: number): void {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  let hue = 0;
  let saturation = 0;
  if (max !== min) {
    const delta = max - min;
    saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min);
    if (max === r) hue = (g - b) / delta + (g < b ? 6 : 0);
    else if (max === g) hue = (b - r) / delta + 2;
    else hue = (r - g) / delta + 4;
    hue /= 6;
  }
  out[offset] = hue;
  out[offset + 1] = saturation;
  out[offset + 2] = lightness;
}

function hslToRgb(hue: number, saturation: number, lightness: number, out: number[]): void {
  if (saturation === 0) {
    out[0] = out[1] = out[2] = lightness;
    return;
  }
  const q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation;
  const p = 2 * lightness - q;
  out[0] = hueToChannel(p, q, hue + 1 / 3);
  out[1] = hueToChannel(p, q, hue);
  out[2] = hueToChannel(p, q, hue - 1 / 3);
}

function hueToChannel(p: number, q: number, t: number): number {
  let value = t;
  if (value < 0) value += 1;
  if (value > 1) value -= 1;
  if (value < 1 / 6) return p + (q - p) * 6 * value;
  if (value < 1 / 2) return q;
  if (value < 2 / 3) return p + (q - p) * (2 / 3 - value) * 6;
  return p;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
