// convert_model `texture_format`: encodes one texture image in any of the nine formats the spec lists (the
// names are Blender's image formats). sharp writes JPEG, PNG, WEBP and TIFF; hdrify writes OPEN_EXR (ZIP
// compression) and HDR (Radiance RGBE); BMP, TARGA and DPX use the hand-written encode-bmp.ts, encode-tga.ts and
// encode-dpx.ts beside this file (libvips cannot write them and npm has no maintained writer worth a dependency).
// EXR and HDR hold linear light: colour (sRGB) textures are linearised first, data textures (normal,
// metallic-roughness, occlusion) are written as they are.

import type { ConvertTextureFormat } from '@polyforge/protocol';
import { sRGBToLinear, writeExr, writeHdr } from 'hdrify';
import type sharpModule from 'sharp';
import type { Sharp as SharpPipeline } from 'sharp';
import { encodeBmp } from './encode-bmp.ts';
import { encodeDpx } from './encode-dpx.ts';
import { encodeTga } from './encode-tga.ts';
import type { RawRgbaImage } from './raw-image.ts';

export type Sharp = typeof sharpModule;

/** MIME type and file extension each format is stored with (Texture.setMimeType / the URI's extension). */
export const TEXTURE_FORMAT_FILES: Record<ConvertTextureFormat, { mimeType: string; extension: string }> = {
  BMP: { mimeType: 'image/bmp', extension: 'bmp' },
  DPX: { mimeType: 'image/x-dpx', extension: 'dpx' },
  HDR: { mimeType: 'image/vnd.radiance', extension: 'hdr' },
  JPEG: { mimeType: 'image/jpeg', extension: 'jpg' },
  OPEN_EXR: { mimeType: 'image/x-exr', extension: 'exr' },
  PNG: { mimeType: 'image/png', extension: 'png' },
  TARGA: { mimeType: 'image/x-tga', extension: 'tga' },
  TIFF: { mimeType: 'image/tiff', extension: 'tif' },
  WEBP: { mimeType: 'image/webp', extension: 'webp' },
};

export interface EncodeTextureOptions {
  sharp: Sharp;
  /** How the texture's values are meant: 'srgb' for base colour and emissive, 'linear' for data maps. */
  colorSpace?: 'srgb' | 'linear';
  /** JPEG and WEBP quality. */
  quality?: number;
}

export const ENCODE_TEXTURE_DEFAULTS = { colorSpace: 'srgb', quality: 90 } as const;

export interface EncodedTexture {
  bytes: Uint8Array;
  mimeType: string;
  extension: string;
}

export async function encodeTexture(
  image: Uint8Array,
  format: ConvertTextureFormat,
  options: EncodeTextureOptions,
): Promise<EncodedTexture> {
  const { sharp, colorSpace, quality } = { ...ENCODE_TEXTURE_DEFAULTS, ...options };
  const file = TEXTURE_FORMAT_FILES[format];
  const encoded = async (pipeline: SharpPipeline) => ({ ...file, bytes: new Uint8Array(await pipeline.toBuffer()) });
  switch (format) {
    case 'JPEG':
      return encoded(sharp(image).flatten({ background: '#ffffff' }).jpeg({ quality }));
    case 'PNG':
      return encoded(sharp(image).png());
    case 'WEBP':
      return encoded(sharp(image).webp({ quality }));
    case 'TIFF':
      return encoded(sharp(image).tiff({ compression: 'lzw' }));
    case 'BMP':
      return { ...file, bytes: encodeBmp(await decodeRgba(sharp, image)) };
    case 'TARGA':
      return { ...file, bytes: encodeTga(await decodeRgba(sharp, image)) };
    case 'DPX':
      return { ...file, bytes: encodeDpx(await decodeRgba(sharp, image), { colorSpace }) };
    case 'OPEN_EXR':
      return {
        ...file,
        bytes: writeExr(toFloatImage(await decodeRgba(sharp, image), colorSpace), { compression: 'zip' }),
      };
    case 'HDR':
      return { ...file, bytes: writeHdr(toFloatImage(await decodeRgba(sharp, image), colorSpace)) };
    default:
      throw new Error(`encodeTexture: unknown format ${String(format)}`);
  }
}

export async function decodeRgba(sharp: Sharp, image: Uint8Array): Promise<RawRgbaImage> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

function toFloatImage(image: RawRgbaImage, colorSpace: 'srgb' | 'linear') {
  const data = new Float32Array(image.data.length);
  const table = new Float32Array(256);
  for (let value = 0; value < 256; value++)
    table[value] = colorSpace === 'srgb' ? sRGBToLinear(value / 255) : value / 255;
  for (let offset = 0; offset < data.length; offset += 4) {
    data[offset] = table[image.data[offset]];
    data[offset + 1] = table[image.data[offset + 1]];
    data[offset + 2] = table[image.data[offset + 2]];
    data[offset + 3] = image.data[offset + 3] / 255;
  }
  return { width: image.width, height: image.height, data, linearColorSpace: 'linear-rec709' as const };
}
