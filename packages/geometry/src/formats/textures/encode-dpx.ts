// DPX encoder for convert_model texture_format=DPX. Written by hand: no npm package writes DPX and sharp/libvips
// cannot. Per SMPTE 268M-2003 (DPX 2.0): a 2048-byte header (file information 768 bytes, image information 640,
// orientation 256, film and television industry headers 384), big-endian ('SDPX' magic), then one image element:
// RGB (descriptor 50), 10 bits per component, packed with method A (three components in a 32-bit word, 2 bits
// of padding at the least significant end), rows top to bottom, no run-length encoding. Alpha is dropped
// (Blender writes RGB DPX too). 8-bit values are widened exactly: v · 1023 / 255, rounded.

import type { RawRgbaImage } from './raw-image.ts';

export const DPX_HEADER_BYTES = 2048;
const MAGIC_BIG_ENDIAN = 0x53445058; // 'SDPX'
const GENERIC_HEADER_BYTES = 1664;
const INDUSTRY_HEADER_BYTES = 384;
const DESCRIPTOR_RGB = 50;
const TRANSFER_LINEAR = 2;
const TRANSFER_REC709 = 6;
const UNDEFINED_U32 = 0xffffffff;

export interface EncodeDpxOptions {
  /** 'srgb' for colour textures (written as transfer/colorimetric 6, ITU-R 709), 'linear' for data maps. */
  colorSpace?: 'srgb' | 'linear';
}

export function encodeDpx(image: RawRgbaImage, options: EncodeDpxOptions = {}): Uint8Array {
  const { width, height, data } = image;
  const transfer = options.colorSpace === 'linear' ? TRANSFER_LINEAR : TRANSFER_REC709;
  const out = new Uint8Array(DPX_HEADER_BYTES + width * height * 4);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string, length: number) => {
    for (let index = 0; index < Math.min(text.length, length - 1); index++)
      out[offset + index] = text.charCodeAt(index) & 0x7f;
  };
  // Unused fields are "undefined", which SMPTE 268M spells as all bits set.
  out.fill(0xff, 660, DPX_HEADER_BYTES);

  // File information header (0–767).
  view.setUint32(0, MAGIC_BIG_ENDIAN);
  view.setUint32(4, DPX_HEADER_BYTES); // offset to image data
  ascii(8, 'V2.0', 8);
  view.setUint32(16, out.length); // file size
  view.setUint32(20, 1); // ditto key: new frame
  view.setUint32(24, GENERIC_HEADER_BYTES);
  view.setUint32(28, INDUSTRY_HEADER_BYTES);
  view.setUint32(32, 0); // user data size
  ascii(36, 'texture.dpx', 100);
  ascii(136, '1970:01:01:00:00:00Z', 24);
  ascii(160, 'Polyforge', 100);
  view.setUint32(660, UNDEFINED_U32); // encryption key: not encrypted
  out.fill(0, 664, 768); // reserved

  // Image information header (768–1407).
  view.setUint16(768, 0); // orientation: left to right, top to bottom
  view.setUint16(770, 1); // number of image elements
  view.setUint32(772, width);
  view.setUint32(776, height);
  // Image element 1 (780–851).
  view.setUint32(780, 0); // unsigned data
  view.setUint32(784, 0); // reference low data code
  view.setFloat32(788, 0);
  view.setUint32(792, 1023); // reference high data code
  view.setFloat32(796, 1);
  out[800] = DESCRIPTOR_RGB;
  out[801] = transfer;
  out[802] = transfer; // colorimetric
  out[803] = 10; // bit size
  view.setUint16(804, 1); // packing: method A (filled to 32-bit words)
  view.setUint16(806, 0); // encoding: none
  view.setUint32(808, DPX_HEADER_BYTES); // offset to data
  view.setUint32(812, 0); // end-of-line padding
  view.setUint32(816, 0); // end-of-image padding
  out.fill(0, 820, 852); // description
  out.fill(0, 1340, 1408); // reserved

  // Orientation header (1408–1663): no offsets, original size = image size.
  view.setUint32(1408, 0);
  view.setUint32(1412, 0);
  view.setUint32(1424, width);
  view.setUint32(1428, height);
  out.fill(0, 1432, 1628); // file name, time, device and serial strings empty; no border
  view.setUint32(1628, 1); // pixel aspect ratio 1:1
  view.setUint32(1632, 1);

  let target = DPX_HEADER_BYTES;
  for (let source = 0; source < data.length; source += 4) {
    const red = widen(data[source]),
      green = widen(data[source + 1]),
      blue = widen(data[source + 2]);
    view.setUint32(target, ((red << 22) | (green << 12) | (blue << 2)) >>> 0);
    target += 4;
  }
  return out;
}

function widen(value: number): number {
  return Math.round((value * 1023) / 255);
}
