// convert_model `texture_format`: re-encodes every texture of the Document (see encode-texture.ts) and records
// the result on the Texture itself: image bytes, MIME type (TEXTURE_FORMAT_FILES) and a URI `<name>.<ext>`,
// which the OBJ/FBX writers use as the file name inside their packages.
//
// Containers that only hold some formats get the nearest valid one instead, as Blender's glTF exporter does:
// GLB/glTF keeps PNG, JPEG and WEBP (WEBP through EXT_texture_webp, marked required) and stores every other
// format as PNG (lossless, keeps alpha); USDZ keeps PNG and JPEG, others as PNG. STL and 3MF carry no textures,
// so nothing is encoded for them.
//
// A texture already in the target format is kept bit for bit (no generation loss). JPEG has no alpha channel: a
// base-colour texture whose material uses alpha (MASK or BLEND) stays PNG rather than lose its cut-outs, and the
// returned warnings say so.

import type { Document, Texture } from '@gltf-transform/core';
import { EXTTextureWebP } from '@gltf-transform/extensions';
import { getTextureColorSpace } from '@gltf-transform/functions';
import type { ConvertTextureFormat } from '@polyforge/protocol';
import { encodeTexture, TEXTURE_FORMAT_FILES, type Sharp } from '../formats/textures/encode-texture.ts';

export interface ReencodeTexturesOptions {
  textureFormat: ConvertTextureFormat;
  /** The convert_model output format (GLTF, GLB, FBX, OBJ, STL, USDZ, 3MF). */
  outputFormat: string;
  sharp: Sharp;
}

const CONTAINER_FORMATS: Record<string, readonly ConvertTextureFormat[] | undefined> = {
  GLTF: ['PNG', 'JPEG', 'WEBP'],
  GLB: ['PNG', 'JPEG', 'WEBP'],
  USDZ: ['PNG', 'JPEG'],
  STL: [],
  '3MF': [],
};

/** The texture format actually written for an output format (PNG where the container cannot hold the request). */
export function effectiveTextureFormat(
  textureFormat: ConvertTextureFormat,
  outputFormat: string,
): ConvertTextureFormat | undefined {
  const allowed = CONTAINER_FORMATS[outputFormat.toUpperCase()];
  if (!allowed) return textureFormat;
  if (allowed.length === 0) return undefined;
  return allowed.includes(textureFormat) ? textureFormat : 'PNG';
}

const DECODABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

export interface ReencodedTextures {
  /** The format written, or undefined when the output carries no textures. */
  format?: ConvertTextureFormat;
  /** How many textures were re-encoded. */
  count: number;
  warnings: string[];
}

export async function reencodeTextures(
  document: Document,
  options: ReencodeTexturesOptions,
): Promise<ReencodedTextures> {
  const format = effectiveTextureFormat(options.textureFormat, options.outputFormat);
  if (!format) return { count: 0, warnings: [] };
  const textures = document.getRoot().listTextures();
  const targetMimeType = TEXTURE_FORMAT_FILES[format].mimeType;
  const alphaTextures = new Set(
    document
      .getRoot()
      .listMaterials()
      .filter((material) => material.getAlphaMode() !== 'OPAQUE')
      .map((material) => material.getBaseColorTexture()),
  );
  const warnings: string[] = [];
  let count = 0;
  for (const [index, texture] of textures.entries()) {
    const image = texture.getImage();
    if (!image || !DECODABLE.has(texture.getMimeType()) || texture.getMimeType() === targetMimeType) continue;
    if (format === 'JPEG' && alphaTextures.has(texture)) {
      warnings.push(
        `texture "${stemOf(texture, index)}" kept as ${texture.getMimeType()}: its material uses alpha, which JPEG cannot store`,
      );
      continue;
    }
    count++;
    const colorSpace = getTextureColorSpace(texture) === 'srgb' ? 'srgb' : 'linear';
    const encoded = await encodeTexture(image, format, { sharp: options.sharp, colorSpace });
    // setURI infers a MIME type from the extension (image/tga, ...): set ours after it.
    texture
      .setImage(encoded.bytes)
      .setURI(`${stemOf(texture, index)}.${encoded.extension}`)
      .setMimeType(encoded.mimeType);
  }
  if (format === 'WEBP' && count > 0) document.createExtension(EXTTextureWebP).setRequired(true);
  return { format, count, warnings };
}

function stemOf(texture: Texture, index: number): string {
  const fromUri = (texture.getURI().split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const name = texture.getName() || fromUri || `texture_${index}`;
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || `texture_${index}`;
}
