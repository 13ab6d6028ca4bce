// The file extension a texture is written with in packaged outputs (OBJ/FBX zips): from its MIME type, which the
// texture re-encoder sets for every format it writes, else from its URI.
import type { Texture } from '@gltf-transform/core';
import { TEXTURE_FORMAT_FILES } from './encode-texture.ts';

const EXTENSION_BY_MIME_TYPE: Record<string, string> = {
  ...Object.fromEntries(Object.values(TEXTURE_FORMAT_FILES).map((file) => [file.mimeType, file.extension])),
  'image/avif': 'avif',
  'image/ktx2': 'ktx2',
};

export function textureFileExtension(texture: Texture, fallback = 'bin'): string {
  const fromMimeType = EXTENSION_BY_MIME_TYPE[texture.getMimeType()];
  if (fromMimeType) return fromMimeType;
  const fromUri = /\.([a-z0-9]{2,5})$/i.exec(texture.getURI())?.[1];
  return fromUri ? fromUri.toLowerCase() : fallback;
}
