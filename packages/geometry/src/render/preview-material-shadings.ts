// What the preview shades each material with: its linear base colour and emissive factors and its base-colour and
// emissive textures, decoded once per texture for bilinear sampling.
import type { Material, Texture } from '@gltf-transform/core';
import type { WorldPrimitive } from '../mesh/collect-world-triangles.ts';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import type { Vector3 } from './frame-preview-camera.ts';
import { decodeTexture, type SampledTexture } from './sample-texture.ts';

export interface MaterialShading {
  /** Linear RGB base colour factor. */
  baseColor: [number, number, number];
  emissive: [number, number, number];
  texture: SampledTexture | null;
  /** Multiplies the emissive factor (glTF); without it a white factor would light the whole model. */
  emissiveTexture: SampledTexture | null;
}

export async function materialShadings(
  primitives: WorldPrimitive[],
  sharp: Sharp,
  maxTextureSize: number,
): Promise<Map<Material | null, MaterialShading>> {
  const textures = new Map<Texture, Promise<SampledTexture | null>>();
  const entries = await Promise.all(
    [...new Set(primitives.map((primitive) => primitive.material))].map(
      async (material): Promise<[Material | null, MaterialShading]> => {
        if (!material)
          return [null, { baseColor: [0.8, 0.8, 0.8], emissive: [0, 0, 0], texture: null, emissiveTexture: null }];
        const [r, g, b] = material.getBaseColorFactor();
        const sample = async (
          texture: Texture | null,
          info: ReturnType<Material['getBaseColorTextureInfo']>,
        ): Promise<SampledTexture | null> => {
          if (!texture || !info) return null;
          if (!textures.has(texture)) textures.set(texture, decodeTexture(texture, sharp, maxTextureSize));
          const decoded = await textures.get(texture)!;
          return decoded ? { ...decoded, wrapS: info.getWrapS(), wrapT: info.getWrapT() } : null;
        };
        const sampled = await sample(material.getBaseColorTexture(), material.getBaseColorTextureInfo());
        const emissive = material.getEmissiveFactor() as Vector3;
        const lit = emissive.some((value) => value > 0);
        const emissiveTexture = lit
          ? await sample(material.getEmissiveTexture(), material.getEmissiveTextureInfo())
          : null;
        return [
          material,
          {
            baseColor: [r, g, b],
            emissive: [emissive[0], emissive[1], emissive[2]],
            texture: sampled,
            emissiveTexture,
          },
        ];
      },
    ),
  );
  return new Map(entries);
}
