// The texture maps of each glTF metallic-roughness material as separate image files, for formats whose materials
// take one greyscale image per scalar input (FBX's ReflectionFactor / ShininessExponent, MTL's map_Pm / map_Pr):
// glTF packs roughness in the green and metalness in the blue channel of one texture and occlusion in the red
// channel of another (often the same one), so those are extracted with sharp into single-channel PNGs. Colour and
// normal maps stay the material's own textures. Each distinct (texture, channel) is encoded once. Run before
// texture_format re-encoding (apply-convert-options.ts), which then re-encodes these images as well.

import type { Document, Material, Texture } from '@gltf-transform/core';
import type { Sharp } from './encode-texture.ts';

export interface MapImage {
  /** A file stem: the texture's name (or URI stem) plus the channel's meaning when one was extracted. */
  stem: string;
  extension: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface MaterialMapImages {
  occlusion?: MapImage;
  metallic?: MapImage;
  roughness?: MapImage;
}

export type MaterialMaps = Map<Material, MaterialMapImages>;

const DECODABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);
const CHANNEL_INDEX = { occlusion: 0, roughness: 1, metallic: 2 } as const;

export async function splitMaterialMaps(document: Document, sharp: Sharp): Promise<MaterialMaps> {
  const cache = new Map<string, Promise<MapImage | undefined>>();
  const textureIndex = new Map(
    document
      .getRoot()
      .listTextures()
      .map((texture, index) => [texture, index]),
  );
  const stemOf = (texture: Texture) =>
    (
      texture.getName() ||
      texture
        .getURI()
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.[^.]*$/, '') ||
      `texture_${textureIndex.get(texture) ?? 0}`
    ).replace(/[^\w.-]+/g, '_');
  const channel = (
    texture: Texture | null,
    meaning: keyof typeof CHANNEL_INDEX,
  ): Promise<MapImage | undefined> | undefined => {
    if (!texture?.getImage() || !DECODABLE.has(texture.getMimeType())) return undefined;
    const key = `${textureIndex.get(texture)}:${meaning}`;
    if (!cache.has(key)) {
      cache.set(
        key,
        sharp(texture.getImage()!)
          .extractChannel(CHANNEL_INDEX[meaning])
          .png({ compressionLevel: 6 })
          .toBuffer()
          .then((bytes) => ({
            stem: `${stemOf(texture)}_${meaning}`,
            extension: 'png',
            mimeType: 'image/png',
            bytes: new Uint8Array(bytes),
          })),
      );
    }
    return cache.get(key);
  };

  const maps: MaterialMaps = new Map();
  for (const material of document.getRoot().listMaterials()) {
    const metallicRoughness = material.getMetallicRoughnessTexture();
    const entries = {
      occlusion: channel(material.getOcclusionTexture(), 'occlusion'),
      metallic: channel(metallicRoughness, 'metallic'),
      roughness: channel(metallicRoughness, 'roughness'),
    };
    const images: MaterialMapImages = {};
    for (const [slot, pending] of Object.entries(entries)) {
      const image = await pending;
      if (image) images[slot as keyof MaterialMapImages] = image;
    }
    maps.set(material, images);
  }
  return maps;
}

/** Re-encodes every extracted image (texture_format), once per distinct image. */
export async function reencodeMaterialMaps(
  maps: MaterialMaps,
  encode: (image: MapImage) => Promise<MapImage>,
): Promise<void> {
  const done = new Map<MapImage, Promise<MapImage>>();
  for (const images of maps.values()) {
    for (const slot of Object.keys(images) as Array<keyof MaterialMapImages>) {
      const image = images[slot]!;
      if (!done.has(image)) done.set(image, encode(image));
      images[slot] = await done.get(image)!;
    }
  }
}

/** The same maps keyed by the materials of a clone of the document (cloneDocument keeps the material order). */
export function rekeyMaterialMaps(maps: MaterialMaps, original: Document, copy: Document): MaterialMaps {
  const copies = copy.getRoot().listMaterials();
  const rekeyed: MaterialMaps = new Map();
  original
    .getRoot()
    .listMaterials()
    .forEach((material, index) => {
      const images = maps.get(material);
      if (images && copies[index]) rekeyed.set(copies[index], images);
    });
  return rekeyed;
}
