// Truevision TGA encoder for convert_model texture_format=TARGA. Written by hand: sharp has no TGA writer and
// an uncompressed TGA is an 18-byte header plus BGR(A) pixels. Per the TGA 2.0 specification (Truevision, 1989):
// image type 2 (uncompressed true colour), 24 bits per pixel, or 32 with 8 alpha bits when the image has
// transparency; descriptor bit 5 set = first row is the top row; the 26-byte TGA 2.0 footer marks the version.

import { hasTransparency, type RawRgbaImage } from './raw-image.ts';

const HEADER_BYTES = 18;
const FOOTER = 'TRUEVISION-XFILE.\0';
const TYPE_TRUE_COLOR = 2;
const TOP_LEFT_ORIGIN = 0x20;

export function encodeTga(image: RawRgbaImage): Uint8Array {
  const { width, height, data } = image;
  if (width > 0xffff || height > 0xffff)
    throw new Error(`encodeTga: ${width}×${height} exceeds TGA's 65535-pixel sides`);
  const alpha = hasTransparency(image);
  const bytesPerPixel = alpha ? 4 : 3;
  const pixelBytes = width * height * bytesPerPixel;
  const out = new Uint8Array(HEADER_BYTES + pixelBytes + 8 + FOOTER.length);
  const view = new DataView(out.buffer);
  out[2] = TYPE_TRUE_COLOR;
  view.setUint16(12, width, true);
  view.setUint16(14, height, true);
  out[16] = bytesPerPixel * 8;
  out[17] = TOP_LEFT_ORIGIN | (alpha ? 8 : 0);
  let target = HEADER_BYTES;
  for (let source = 0; source < data.length; source += 4) {
    out[target++] = data[source + 2];
    out[target++] = data[source + 1];
    out[target++] = data[source];
    if (alpha) out[target++] = data[source + 3];
  }
  // Footer: extension and developer area offsets (none), then the signature.
  for (let index = 0; index < FOOTER.length; index++) out[target + 8 + index] = FOOTER.charCodeAt(index);
  return out;
}
