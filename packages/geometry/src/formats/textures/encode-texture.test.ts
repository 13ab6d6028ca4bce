import { readExr, readHdr, sRGBToLinear } from 'hdrify';
import sharp from 'sharp';
import { TGALoader } from 'three/examples/jsm/loaders/TGALoader.js';
import { describe, expect, it } from 'vitest';
import { CONVERT_TEXTURE_FORMATS } from '@polyforge/protocol';
import { encodeTexture, TEXTURE_FORMAT_FILES } from './encode-texture.ts';
import { DPX_HEADER_BYTES } from './encode-dpx.ts';

const WIDTH = 5; // odd, so BMP rows need padding
const HEIGHT = 3;

/** A 5×3 image whose every pixel differs, top row first; `alpha` makes one pixel half transparent. */
function testPixels(alpha: boolean): Uint8Array {
  const rgba = new Uint8Array(WIDTH * HEIGHT * 4);
  for (let pixel = 0; pixel < WIDTH * HEIGHT; pixel++)
    rgba.set([pixel * 17, 255 - pixel * 13, (pixel * 71) % 256, 255], pixel * 4);
  if (alpha) rgba[3] = 128;
  return rgba;
}

async function pngOf(rgba: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(rgba, { raw: { width: WIDTH, height: HEIGHT, channels: 4 } })
      .png()
      .toBuffer(),
  );
}

const pixelAt = (rgba: Uint8Array, pixel: number) => Array.from(rgba.subarray(pixel * 4, pixel * 4 + 4));

/** Reads an uncompressed BMP (24-bit BI_RGB or 32-bit BI_BITFIELDS) the plain way: header fields, then rows. */
function decodeBmp(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(bytes[0], bytes[1])).toBe('BM');
  expect(view.getUint32(2, true)).toBe(bytes.length);
  const dataOffset = view.getUint32(10, true);
  const width = view.getInt32(18, true),
    height = view.getInt32(22, true);
  const bitsPerPixel = view.getUint16(28, true);
  const bytesPerPixel = bitsPerPixel / 8;
  const rowBytes = Math.ceil((width * bytesPerPixel) / 4) * 4;
  expect(bytes.length).toBe(dataOffset + rowBytes * height);
  const rgba = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const source = dataOffset + (height - 1 - row) * rowBytes + column * bytesPerPixel;
      rgba.set(
        [bytes[source + 2], bytes[source + 1], bytes[source], bytesPerPixel === 4 ? bytes[source + 3] : 255],
        (row * width + column) * 4,
      );
    }
  }
  return { width, height, bitsPerPixel, compression: view.getUint32(30, true), rgba };
}

function decodeDpx(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint32(0)).toBe(0x53445058); // 'SDPX', big-endian
  const dataOffset = view.getUint32(4);
  expect(dataOffset).toBe(DPX_HEADER_BYTES);
  expect(String.fromCharCode(...bytes.subarray(8, 12))).toBe('V2.0');
  expect(view.getUint32(16)).toBe(bytes.length);
  expect(view.getUint16(770)).toBe(1); // one image element
  const width = view.getUint32(772),
    height = view.getUint32(776);
  expect({
    descriptor: bytes[800],
    bitSize: bytes[803],
    packing: view.getUint16(804),
    encoding: view.getUint16(806),
    offset: view.getUint32(808),
  }).toEqual({
    descriptor: 50,
    bitSize: 10,
    packing: 1,
    encoding: 0,
    offset: DPX_HEADER_BYTES,
  });
  expect(bytes.length).toBe(dataOffset + width * height * 4);
  const rgb: number[][] = [];
  for (let pixel = 0; pixel < width * height; pixel++) {
    const word = view.getUint32(dataOffset + pixel * 4);
    expect(word & 3).toBe(0);
    rgb.push([(word >>> 22) & 1023, (word >>> 12) & 1023, (word >>> 2) & 1023]);
  }
  return { width, height, rgb };
}

describe('encodeTexture', () => {
  it('covers every texture_format the spec lists', () => {
    expect(Object.keys(TEXTURE_FORMAT_FILES).sort()).toEqual([...CONVERT_TEXTURE_FORMATS].sort());
  });

  it.each([false, true])('PNG and TIFF decode back to the same pixels (alpha %s)', async (alpha) => {
    const rgba = testPixels(alpha);
    for (const format of ['PNG', 'TIFF'] as const) {
      const encoded = await encodeTexture(await pngOf(rgba), format, { sharp });
      const { data, info } = await sharp(encoded.bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(info).toMatchObject({ width: WIDTH, height: HEIGHT, format: 'raw' });
      expect(Array.from(data)).toEqual(Array.from(rgba));
      expect((await sharp(encoded.bytes).metadata()).format).toBe(format.toLowerCase());
    }
  });

  it('JPEG and WEBP decode back to an image of the same size', async () => {
    for (const format of ['JPEG', 'WEBP'] as const) {
      const encoded = await encodeTexture(await pngOf(testPixels(false)), format, { sharp });
      expect(await sharp(encoded.bytes).metadata()).toMatchObject({
        width: WIDTH,
        height: HEIGHT,
        format: format === 'JPEG' ? 'jpeg' : 'webp',
      });
    }
  });

  it.each([false, true])('BMP: header and every pixel, bottom-up rows with padding (alpha %s)', async (alpha) => {
    const rgba = testPixels(alpha);
    const encoded = await encodeTexture(await pngOf(rgba), 'BMP', { sharp });
    expect(encoded).toMatchObject({ mimeType: 'image/bmp', extension: 'bmp' });
    const decoded = decodeBmp(encoded.bytes);
    expect(decoded).toMatchObject({
      width: WIDTH,
      height: HEIGHT,
      bitsPerPixel: alpha ? 32 : 24,
      compression: alpha ? 3 : 0,
    });
    expect(Array.from(decoded.rgba)).toEqual(Array.from(rgba));
  });

  it.each([false, true])('TARGA: read back by three.js TGALoader (alpha %s)', async (alpha) => {
    const rgba = testPixels(alpha);
    const encoded = await encodeTexture(await pngOf(rgba), 'TARGA', { sharp });
    expect(encoded).toMatchObject({ mimeType: 'image/x-tga', extension: 'tga' });
    expect(Array.from(encoded.bytes.subarray(0, 3))).toEqual([0, 0, 2]);
    expect(new TextDecoder().decode(encoded.bytes.subarray(encoded.bytes.length - 18))).toBe('TRUEVISION-XFILE.\0');
    const texture = new TGALoader().parse(
      encoded.bytes.buffer.slice(
        encoded.bytes.byteOffset,
        encoded.bytes.byteOffset + encoded.bytes.byteLength,
      ) as ArrayBuffer,
    );
    expect([texture.width, texture.height]).toEqual([WIDTH, HEIGHT]);
    // TGALoader honours the top-left origin bit, so its rows come top first, like the source.
    expect(Array.from(texture.data as Uint8Array)).toEqual(Array.from(rgba));
  });

  it('DPX: SMPTE 268M header and 10-bit RGB words that widen 8-bit values exactly', async () => {
    const rgba = testPixels(false);
    const encoded = await encodeTexture(await pngOf(rgba), 'DPX', { sharp });
    expect(encoded).toMatchObject({ mimeType: 'image/x-dpx', extension: 'dpx' });
    const decoded = decodeDpx(encoded.bytes);
    expect([decoded.width, decoded.height]).toEqual([WIDTH, HEIGHT]);
    decoded.rgb.forEach((value, pixel) => {
      expect(value.map((component) => Math.round((component * 255) / 1023))).toEqual(pixelAt(rgba, pixel).slice(0, 3));
    });
  });

  it('OPEN_EXR and HDR hold linear values: sRGB colour linearised, data maps as they are', async () => {
    const rgba = testPixels(false);
    const png = await pngOf(rgba);
    const expected = (value: number, colorSpace: 'srgb' | 'linear') =>
      colorSpace === 'srgb' ? sRGBToLinear(value / 255) : value / 255;
    for (const colorSpace of ['srgb', 'linear'] as const) {
      const exr = await encodeTexture(png, 'OPEN_EXR', { sharp, colorSpace });
      expect(Array.from(exr.bytes.subarray(0, 4))).toEqual([0x76, 0x2f, 0x31, 0x01]);
      const exrImage = readExr(exr.bytes);
      const hdrImage = readHdr((await encodeTexture(png, 'HDR', { sharp, colorSpace })).bytes);
      for (const image of [exrImage, hdrImage]) {
        expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);
        for (let pixel = 0; pixel < WIDTH * HEIGHT; pixel++) {
          for (let channel = 0; channel < 3; channel++) {
            const want = expected(rgba[pixel * 4 + channel], colorSpace);
            expect(Math.abs(image.data[pixel * 4 + channel] - want)).toBeLessThanOrEqual(
              image === hdrImage ? 0.01 : 0.002 * want + 1e-4,
            ); // RGBE: 8-bit mantissas under a shared exponent; EXR half float: 11 bits;
          }
        }
      }
    }
  });
});
