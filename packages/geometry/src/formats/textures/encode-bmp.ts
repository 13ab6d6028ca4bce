// BMP encoder for convert_model texture_format=BMP. Written by hand: sharp (libvips) has no BMP writer and the
// format is a header plus rows; a dependency (bmp-js) would not be smaller than this file. Layout per Microsoft's
// "Bitmap Storage" docs: BITMAPFILEHEADER (14 bytes) + BITMAPINFOHEADER (40) with 24-bit BGR rows bottom-up,
// each padded to 4 bytes; images with transparency use BITMAPV4HEADER (108) with BI_BITFIELDS and an alpha
// mask, 32-bit BGRA, which Windows, Blender and ImageMagick read with alpha.

import { hasTransparency, type RawRgbaImage } from './raw-image.ts';

const FILE_HEADER_BYTES = 14;
const INFO_HEADER_BYTES = 40;
const V4_HEADER_BYTES = 108;
const BI_RGB = 0;
const BI_BITFIELDS = 3;
const PIXELS_PER_METRE_72_DPI = 2835;

export function encodeBmp(image: RawRgbaImage): Uint8Array {
  const { width, height, data } = image;
  const alpha = hasTransparency(image);
  const bytesPerPixel = alpha ? 4 : 3;
  const rowBytes = Math.ceil((width * bytesPerPixel) / 4) * 4;
  const headerBytes = FILE_HEADER_BYTES + (alpha ? V4_HEADER_BYTES : INFO_HEADER_BYTES);
  const out = new Uint8Array(headerBytes + rowBytes * height);
  const view = new DataView(out.buffer);
  out[0] = 0x42; // 'B'
  out[1] = 0x4d; // 'M'
  view.setUint32(2, out.length, true);
  view.setUint32(10, headerBytes, true);
  view.setUint32(14, alpha ? V4_HEADER_BYTES : INFO_HEADER_BYTES, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true); // positive: rows stored bottom-up
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, bytesPerPixel * 8, true);
  view.setUint32(30, alpha ? BI_BITFIELDS : BI_RGB, true);
  view.setUint32(34, rowBytes * height, true);
  view.setInt32(38, PIXELS_PER_METRE_72_DPI, true);
  view.setInt32(42, PIXELS_PER_METRE_72_DPI, true);
  if (alpha) {
    view.setUint32(54, 0x00ff0000, true); // red mask
    view.setUint32(58, 0x0000ff00, true); // green
    view.setUint32(62, 0x000000ff, true); // blue
    view.setUint32(66, 0xff000000, true); // alpha
    view.setUint32(70, 0x73524742, true); // LCS_sRGB ('sRGB')
  }
  for (let row = 0; row < height; row++) {
    let target = headerBytes + (height - 1 - row) * rowBytes;
    for (let column = 0; column < width; column++) {
      const source = (row * width + column) * 4;
      out[target++] = data[source + 2];
      out[target++] = data[source + 1];
      out[target++] = data[source];
      if (alpha) out[target++] = data[source + 3];
    }
  }
  return out;
}
