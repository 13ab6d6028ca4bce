// sRGB → CIE L*a*b* (D65), the colour space the segmentations model colours in (perceptually even distances).
import type { RgbaImage } from './decode-image.ts';

const SRGB_TO_LINEAR = Float32Array.from({ length: 256 }, (_, value) => {
  const channel = value / 255;
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
});

/** CIE L*a*b* (D65) per pixel; transparent pixels are composited over white first. */
export function toLab(image: RgbaImage): Float32Array {
  const pixels = image.width * image.height;
  const lab = new Float32Array(pixels * 3);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const alpha = image.data[pixel * 4 + 3] / 255;
    const r = SRGB_TO_LINEAR[image.data[pixel * 4]] * alpha + (1 - alpha);
    const g = SRGB_TO_LINEAR[image.data[pixel * 4 + 1]] * alpha + (1 - alpha);
    const b = SRGB_TO_LINEAR[image.data[pixel * 4 + 2]] * alpha + (1 - alpha);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    lab[pixel * 3] = 116 * y - 16;
    lab[pixel * 3 + 1] = 500 * (x - y);
    lab[pixel * 3 + 2] = 200 * (y - z);
  }
  return lab;
}
