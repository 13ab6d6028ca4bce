// KHR_texture_basisu on import: every KTX2 texture is transcoded to RGBA (basis-transcoder.ts) and stored as PNG,
// and the extension is dropped, so the Document handed on holds only images every writer and renderer reads.
// Only the base mip level is kept: the writers regenerate nothing from mips, and viewers build their own.

import type { Document } from '@gltf-transform/core';
import { BASIS_FORMAT_RGBA32, loadBasisTranscoder } from './basis-transcoder.ts';
import { ModelInputError } from './model-input-error.ts';

/** Returns how many textures were transcoded. */
export async function decodeKtx2Textures(document: Document): Promise<number> {
  const textures = document
    .getRoot()
    .listTextures()
    .filter((texture) => texture.getMimeType() === 'image/ktx2' && texture.getImage());
  if (textures.length > 0) {
    const [basis, { default: sharp }] = await Promise.all([loadBasisTranscoder(), import('sharp')]);
    const format = BASIS_FORMAT_RGBA32;
    for (const texture of textures) {
      const file = new basis.KTX2File(texture.getImage()!);
      try {
        if (!file.isValid() || !file.startTranscoding()) {
          throw new ModelInputError(
            `The KTX2 texture "${texture.getName() || texture.getURI()}" is not a Basis Universal (ETC1S/UASTC) KTX2 file this server can decode.`,
          );
        }
        const width = file.getWidth(),
          height = file.getHeight();
        const rgba = new Uint8Array(file.getImageTranscodedSizeInBytes(0, 0, 0, format));
        if (!file.transcodeImage(rgba, 0, 0, 0, format, 0, -1, -1))
          throw new ModelInputError('A KTX2 texture could not be transcoded.');
        const png = await sharp(rgba, { raw: { width, height, channels: 4 } })
          .png()
          .toBuffer();
        texture.setImage(new Uint8Array(png)).setMimeType('image/png');
        if (texture.getURI()) texture.setURI(texture.getURI().replace(/\.ktx2$/i, '.png'));
      } finally {
        file.close();
        file.delete();
      }
    }
  }
  for (const extension of document.getRoot().listExtensionsUsed()) {
    if (extension.extensionName === 'KHR_texture_basisu') extension.dispose();
  }
  return textures.length;
}
