// texture_model's texture-only upscale (texture=false, pbr=false, texture_quality=detailed on v3.0-20250812:
// "4K upscale", tripo-api.md §4.6): every base colour texture the model has is resampled to `size` texels on its
// longer side with sharp's Lanczos-3 kernel and a light unsharp mask, keeping its UVs and format (JPEG, PNG or
// WebP). This is interpolation, not detail synthesis; textures already that large are left alone.
import type { Document } from '@gltf-transform/core';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { ModelInputError } from '../read/model-input-error.ts';

export async function upscaleBaseTextures(
  document: Document,
  sharp: Sharp,
  size: number,
): Promise<{ upscaled: number }> {
  const textures = new Set(
    document
      .getRoot()
      .listMaterials()
      .map((material) => material.getBaseColorTexture())
      .filter((texture) => texture !== null),
  );
  if (textures.size === 0)
    throw new ModelInputError(
      'The model has no base colour texture to upscale; ask for texture=true to paint a new one.',
    );
  let upscaled = 0;
  for (const texture of textures) {
    const image = texture.getImage();
    if (!image) continue;
    const pipeline = sharp(image);
    const { width = 0, height = 0 } = await pipeline.metadata();
    if (Math.max(width, height) >= size) continue;
    const resized = pipeline
      .resize({ width: size, height: size, fit: 'inside', kernel: 'lanczos3' })
      .sharpen({ sigma: 0.6 });
    const mimeType = texture.getMimeType();
    const encoded =
      mimeType === 'image/png'
        ? resized.png()
        : mimeType === 'image/webp'
          ? resized.webp({ quality: 92 })
          : resized.jpeg({ quality: 92 });
    texture
      .setImage(new Uint8Array(await encoded.toBuffer()))
      .setMimeType(mimeType === 'image/png' || mimeType === 'image/webp' ? mimeType : 'image/jpeg');
    upscaled++;
  }
  return { upscaled };
}
