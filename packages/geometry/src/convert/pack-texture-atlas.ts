// convert_model `pack_uv=true`: one UV layout and one texture per map. When the materials of a model use
// several textures in a slot (base colour, metallic-roughness, normal, occlusion, emissive), every textured
// material gets a rectangle in one atlas per slot, the same rectangle in every slot; each primitive's UV set is
// remapped into its material's rectangle, every material points to the atlases, and materials that are then
// identical are merged (glTF-Transform's dedup). A model whose slots each hold at most one texture is unchanged.
//
// Method: shelf packing (next-fit decreasing height; Coffman et al. 1980, the packer of stb_rect_pack's
// simplest mode) into the smallest power-of-two rectangle that fits, no side above the largest power of two
// ≤ maxSize; when even that is too small, every rectangle is scaled down alike until they fit. A handful of
// rectangles per model is the common case, where shelf packing wastes little and MaxRects buys nothing; written
// by hand (forty lines) rather than adding potpack for it. Each rectangle has a gutter of edge texels
// (sharp's extend 'copy') so bilinear filtering and mipmaps do not bleed a neighbour's colour in.
//
// An atlas rectangle cannot repeat, so UVs outside [0, 1] are handled per axis: clamped when the sampler clamps
// (CLAMP_TO_EDGE shows the same texels), shifted (and mirrored, for MIRRORED_REPEAT on odd tiles) when a
// primitive's UVs stay inside one tile [k, k + 1], and otherwise refused with a ModelInputError: a tiling texture
// would need its UVs split at every tile edge, which changes the mesh. KHR_texture_transform and materials whose
// maps use different UV sets are refused the same way. Textures of other extensions (clearcoat, ...) are left alone.

import {
  PropertyType,
  type Accessor,
  type Document,
  type Material,
  type Primitive,
  type Texture,
  type TextureInfo,
} from '@gltf-transform/core';
import { dedup } from '@gltf-transform/functions';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { floatArray } from '../mesh/simplify-to-face-limit.ts';

export interface PackTextureAtlasOptions {
  /** Largest atlas side in pixels (texture_size); the atlas uses the largest power of two not above it. */
  maxSize: number;
  sharp: Sharp;
  /** Gutter of repeated edge texels around each rectangle, in pixels. */
  padding?: number;
}

export const PACK_TEXTURE_ATLAS_DEFAULTS: Required<Pick<PackTextureAtlasOptions, 'padding'>> = {
  padding: 4,
};

export interface PackTextureAtlasReport {
  /** False when the model already had at most one texture per slot. */
  packed: boolean;
  width: number;
  height: number;
  materialCount: number;
}

export interface AtlasRectangle {
  width: number;
  height: number;
  x: number;
  y: number;
}

const SLOTS = {
  baseColor: {
    get: (m: Material) => m.getBaseColorTexture(),
    info: (m: Material) => m.getBaseColorTextureInfo(),
    set: (m: Material, t: Texture) => m.setBaseColorTexture(t),
    fill: [255, 255, 255],
  },
  metallicRoughness: {
    get: (m: Material) => m.getMetallicRoughnessTexture(),
    info: (m: Material) => m.getMetallicRoughnessTextureInfo(),
    set: (m: Material, t: Texture) => m.setMetallicRoughnessTexture(t),
    fill: [255, 255, 255],
  },
  normal: {
    get: (m: Material) => m.getNormalTexture(),
    info: (m: Material) => m.getNormalTextureInfo(),
    set: (m: Material, t: Texture) => m.setNormalTexture(t),
    fill: [128, 128, 255],
  },
  occlusion: {
    get: (m: Material) => m.getOcclusionTexture(),
    info: (m: Material) => m.getOcclusionTextureInfo(),
    set: (m: Material, t: Texture) => m.setOcclusionTexture(t),
    fill: [255, 255, 255],
  },
  emissive: {
    get: (m: Material) => m.getEmissiveTexture(),
    info: (m: Material) => m.getEmissiveTextureInfo(),
    set: (m: Material, t: Texture) => m.setEmissiveTexture(t),
    fill: [255, 255, 255],
  },
} as const;
type Slot = keyof typeof SLOTS;

const WRAP_CLAMP = 33071;
const WRAP_MIRROR = 33648;
const UV_EPSILON = 1e-4;

export async function packTextureAtlas(
  document: Document,
  options: PackTextureAtlasOptions,
): Promise<PackTextureAtlasReport> {
  const { maxSize, sharp, padding } = { ...PACK_TEXTURE_ATLAS_DEFAULTS, ...options };
  const users = texturedMaterialUsers(document);
  const materials = [...users.keys()];
  const slots = (Object.keys(SLOTS) as Slot[]).filter((slot) =>
    materials.some((material) => SLOTS[slot].get(material)),
  );
  const several = slots.some(
    (slot) => new Set(materials.map((material) => SLOTS[slot].get(material)).filter(Boolean)).size > 1,
  );
  if (!several) return { packed: false, width: 0, height: 0, materialCount: materials.length };

  const texCoords = new Map(materials.map((material) => [material, checkedTexCoord(material, slots)]));
  const sizes = await Promise.all(
    materials.map(async (material) => {
      let width = 1,
        height = 1;
      for (const slot of slots) {
        const image = SLOTS[slot].get(material)?.getImage();
        if (!image) continue;
        const metadata = await sharp(image).metadata();
        width = Math.max(width, metadata.width ?? 1);
        height = Math.max(height, metadata.height ?? 1);
      }
      return { width, height };
    }),
  );
  // Check every primitive's UVs before anything changes, so a refusal leaves the Document as it was.
  const remaps = materials.flatMap((material) =>
    users
      .get(material)!
      .map((primitive) => ({ material, primitive, uvs: tileLocalUvs(primitive, material, texCoords.get(material)!) })),
  );

  const layout = packRectangles(sizes, largestPowerOfTwo(maxSize), padding);
  for (const slot of slots) {
    const atlas = await renderAtlas(document, sharp, slot, materials, layout, padding);
    for (const material of materials) {
      SLOTS[slot].set(material, atlas);
      const info = SLOTS[slot].info(material)!;
      info.setTexCoord(texCoords.get(material)!).setWrapS(WRAP_CLAMP).setWrapT(WRAP_CLAMP);
    }
  }

  const written = new Map<Accessor, Material>();
  for (const { material, primitive, uvs } of remaps) {
    const semantic = `TEXCOORD_${texCoords.get(material)}`;
    const accessor = primitive.getAttribute(semantic)!;
    if (written.get(accessor) === material) continue;
    const rectangle = layout.rectangles[materials.indexOf(material)];
    const out = new Float32Array(uvs.length);
    for (let index = 0; index < uvs.length; index += 2) {
      out[index] = (rectangle.x + padding + uvs[index] * rectangle.width) / layout.width;
      out[index + 1] = (rectangle.y + padding + uvs[index + 1] * rectangle.height) / layout.height;
    }
    // A UV accessor shared with a primitive of another material gets its own copy.
    const target = written.has(accessor) ? accessor.clone() : accessor;
    target.setArray(out).setNormalized(false);
    primitive.setAttribute(semantic, target);
    written.set(target, material);
  }
  await document.transform(dedup({ propertyTypes: [PropertyType.MATERIAL] }));
  const remaining = new Set(
    document
      .getRoot()
      .listMeshes()
      .flatMap((mesh) => mesh.listPrimitives().map((primitive) => primitive.getMaterial())),
  );
  return {
    packed: true,
    width: layout.width,
    height: layout.height,
    materialCount: [...remaining].filter(Boolean).length,
  };
}

/** Materials with at least one texture in a slot, and the triangle-drawing primitives that use each. */
function texturedMaterialUsers(document: Document): Map<Material, Primitive[]> {
  const users = new Map<Material, Primitive[]>();
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const material = primitive.getMaterial();
      if (!material || !(Object.keys(SLOTS) as Slot[]).some((slot) => SLOTS[slot].get(material))) continue;
      users.set(material, [...(users.get(material) ?? []), primitive]);
    }
  }
  return users;
}

function checkedTexCoord(material: Material, slots: Slot[]): number {
  const infos = slots
    .map((slot) => SLOTS[slot].get(material) && SLOTS[slot].info(material))
    .filter((info): info is TextureInfo => !!info);
  const sets = new Set(infos.map((info) => info.getTexCoord()));
  if (sets.size > 1)
    throw new ModelInputError(
      `pack_uv: material "${material.getName()}" maps its textures through different UV sets; convert without pack_uv.`,
    );
  if (infos.some((info) => info.getExtension('KHR_texture_transform'))) {
    throw new ModelInputError(
      `pack_uv: material "${material.getName()}" uses KHR_texture_transform, which an atlas cannot express; convert without pack_uv.`,
    );
  }
  return [...sets][0] ?? 0;
}

/** The primitive's UVs brought into [0, 1] (see the header), or a ModelInputError for UVs that tile. */
function tileLocalUvs(primitive: Primitive, material: Material, texCoord: number): Float32Array {
  const accessor = primitive.getAttribute(`TEXCOORD_${texCoord}`);
  if (!accessor)
    throw new ModelInputError(
      `pack_uv: a primitive of material "${material.getName()}" has textures but no TEXCOORD_${texCoord}; convert without pack_uv.`,
    );
  const uvs = new Float32Array(floatArray(accessor, 2));
  const info =
    material.getBaseColorTextureInfo() ?? material.getNormalTextureInfo() ?? material.getMetallicRoughnessTextureInfo();
  const wraps = [info?.getWrapS() ?? 10497, info?.getWrapT() ?? 10497];
  for (const axis of [0, 1]) {
    let min = Infinity,
      max = -Infinity;
    for (let index = axis; index < uvs.length; index += 2) {
      min = Math.min(min, uvs[index]);
      max = Math.max(max, uvs[index]);
    }
    if (!(min < -UV_EPSILON || max > 1 + UV_EPSILON) || wraps[axis] === WRAP_CLAMP) {
      for (let index = axis; index < uvs.length; index += 2) uvs[index] = Math.min(1, Math.max(0, uvs[index]));
      continue;
    }
    const tile = Math.floor(min + UV_EPSILON);
    if (Math.floor(max - UV_EPSILON) !== tile) {
      throw new ModelInputError(
        `pack_uv: material "${material.getName()}" repeats its texture (${'UV'[axis]} runs from ${min.toFixed(3)} to ${max.toFixed(3)}); ` +
          'an atlas rectangle cannot tile, so convert this model without pack_uv.',
      );
    }
    const mirrored = wraps[axis] === WRAP_MIRROR && tile % 2 !== 0;
    for (let index = axis; index < uvs.length; index += 2) {
      const local = Math.min(1, Math.max(0, uvs[index] - tile));
      uvs[index] = mirrored ? 1 - local : local;
    }
  }
  return uvs;
}

/** Where each rectangle goes (inner sizes, before the gutter) in the smallest power-of-two atlas that holds them. Exported for tests. */
export function packRectangles(
  sizes: Array<{ width: number; height: number }>,
  maxSide: number,
  padding: number,
): { width: number; height: number; rectangles: AtlasRectangle[] } {
  const totalArea = sizes.reduce((sum, { width, height }) => sum + (width + 2 * padding) * (height + 2 * padding), 0);
  let scale = Math.min(1, Math.sqrt((maxSide * maxSide) / totalArea));
  const sides: number[] = [];
  for (let side = 1; side <= maxSide; side *= 2) sides.push(side);
  const candidates = sides
    .flatMap((width) => sides.map((height) => ({ width, height })))
    .sort(
      (a, b) => a.width * a.height - b.width * b.height || Math.abs(a.width - a.height) - Math.abs(b.width - b.height),
    );
  for (;;) {
    const scaled = sizes.map(({ width, height }) => ({
      width: Math.max(1, Math.floor(width * scale)),
      height: Math.max(1, Math.floor(height * scale)),
    }));
    for (const atlas of candidates) {
      const rectangles = shelfPack(scaled, atlas.width, atlas.height, padding);
      if (rectangles) return { ...atlas, rectangles };
    }
    if (scaled.every(({ width, height }) => width === 1 && height === 1))
      throw new ModelInputError(`pack_uv: ${sizes.length} textures do not fit in a ${maxSide}px atlas.`);
    scale *= 0.9;
  }
}

function shelfPack(
  sizes: Array<{ width: number; height: number }>,
  atlasWidth: number,
  atlasHeight: number,
  padding: number,
): AtlasRectangle[] | undefined {
  const order = sizes
    .map((_, index) => index)
    .sort((a, b) => sizes[b].height - sizes[a].height || sizes[b].width - sizes[a].width);
  const rectangles = new Array<AtlasRectangle>(sizes.length);
  let x = 0,
    y = 0,
    shelfHeight = 0;
  for (const index of order) {
    const width = sizes[index].width + 2 * padding,
      height = sizes[index].height + 2 * padding;
    if (width > atlasWidth) return undefined;
    if (x + width > atlasWidth) {
      y += shelfHeight;
      x = 0;
      shelfHeight = 0;
    }
    if (y + height > atlasHeight) return undefined;
    rectangles[index] = { x, y, width: sizes[index].width, height: sizes[index].height };
    x += width;
    shelfHeight = Math.max(shelfHeight, height);
  }
  return rectangles;
}

async function renderAtlas(
  document: Document,
  sharp: Sharp,
  slot: Slot,
  materials: Material[],
  layout: { width: number; height: number; rectangles: AtlasRectangle[] },
  padding: number,
): Promise<Texture> {
  const sources = materials.map((material) => SLOTS[slot].get(material));
  const tiles = await Promise.all(
    materials.map(async (_, index) => {
      const image = sources[index]?.getImage();
      const rectangle = layout.rectangles[index];
      const pipeline = image
        ? sharp(image).ensureAlpha().resize(rectangle.width, rectangle.height, { fit: 'fill', kernel: 'lanczos3' })
        : sharp({
            create: {
              width: rectangle.width,
              height: rectangle.height,
              channels: 4,
              background: rgba(SLOTS[slot].fill),
            },
          });
      // Resize first (its own pass), then the gutter of copied edge texels.
      const resized = await pipeline.png().toBuffer();
      const input = await sharp(resized)
        .extend({ top: padding, bottom: padding, left: padding, right: padding, extendWith: 'copy' })
        .png()
        .toBuffer();
      return { input, left: rectangle.x, top: rectangle.y };
    }),
  );
  const lossless = sources.some((texture) => texture && texture.getMimeType() !== 'image/jpeg');
  let atlas = sharp({
    create: { width: layout.width, height: layout.height, channels: 4, background: rgba(SLOTS[slot].fill) },
  }).composite(tiles);
  atlas = lossless ? atlas.png() : atlas.flatten({ background: rgba(SLOTS[slot].fill) }).jpeg({ quality: 90 });
  const extension = lossless ? 'png' : 'jpg';
  return document
    .createTexture(`atlas_${slot}`)
    .setImage(new Uint8Array(await atlas.toBuffer()))
    .setMimeType(lossless ? 'image/png' : 'image/jpeg')
    .setURI(`atlas_${slot}.${extension}`);
}

function largestPowerOfTwo(size: number): number {
  return 2 ** Math.floor(Math.log2(Math.max(1, size)));
}

function rgba([r, g, b]: readonly number[]) {
  return { r, g, b, alpha: 1 };
}
