// convert_model `export_vertex_colors=true` (OBJ/GLTF only): bakes each primitive's base colour (material factor
// × base colour texture × any existing COLOR_0, the product glTF 2.0 §3.9.2 defines) into a linear-light COLOR_0
// attribute, one colour per vertex.
//
// Method: point sampling of the texture at each vertex's UV with bilinear filtering, texel centres at
// (i + 0.5) / width, wrapping per the glTF sampler (REPEAT, MIRRORED_REPEAT, CLAMP_TO_EDGE). Texels are
// linearised (sRGB transfer function) before they are blended, so the average is an average of light. Written
// by hand: it is a dozen lines, and no library samples a glTF material at a point. A vertex colour can only hold
// what the texture shows at the vertex; detail between vertices is lost, as in Blender's "Bake to vertex colors".
//
// Afterwards, unless `keepBaseColorTexture`, the base colour texture is removed and the factor set to white
// (alpha kept in COLOR_0): glTF viewers multiply COLOR_0 by the texture, so keeping both would apply the colour
// twice. OBJ keeps the texture (its `v x y z r g b` colours are a separate channel that no reader multiplies in).

import type { Accessor, Document, Material, Primitive, Texture, TextureInfo } from '@gltf-transform/core';
import { decodeRgba, type Sharp } from '../formats/textures/encode-texture.ts';
import { floatArray } from '../mesh/simplify-to-face-limit.ts';

export interface BakeVertexColorsOptions {
  sharp: Sharp;
  /** Keep the base colour texture on the materials (OBJ) instead of replacing it by the vertex colours (glTF). */
  keepBaseColorTexture?: boolean;
}

export const BAKE_VERTEX_COLORS_DEFAULTS: Required<Omit<BakeVertexColorsOptions, 'sharp'>> = {
  keepBaseColorTexture: false,
};

/** A decoded texture in linear light: rgba floats per texel, row-major, top row first. */
interface LinearImage {
  width: number;
  height: number;
  texels: Float32Array;
}

const WRAP_CLAMP = 33071;
const WRAP_MIRROR = 33648;
const DECODABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Returns how many primitives got a COLOR_0. */
export async function bakeVertexColors(document: Document, options: BakeVertexColorsOptions): Promise<number> {
  const { sharp, keepBaseColorTexture } = { ...BAKE_VERTEX_COLORS_DEFAULTS, ...options };
  const images = new Map<Texture, Promise<LinearImage | undefined>>();
  const decode = (texture: Texture) => {
    if (!images.has(texture)) images.set(texture, decodeLinear(sharp, texture));
    return images.get(texture)!;
  };
  const materials = new Set<Material>();
  let baked = 0;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute('POSITION');
      if (!position || primitive.getMode() < 4) continue; // points and lines have no surface colour to speak of
      const material = primitive.getMaterial();
      const texture = material?.getBaseColorTexture();
      const image = texture ? await decode(texture) : undefined;
      // A texture sharp cannot decode (KTX2, ...) stays on its material: the colours then carry the factor only.
      if (material && (!texture || image)) materials.add(material);
      const colors = vertexColors(
        primitive,
        position.getCount(),
        material,
        image,
        material?.getBaseColorTextureInfo() ?? null,
      );
      const buffer = position.getBuffer();
      primitive.setAttribute('COLOR_0', document.createAccessor().setType('VEC4').setArray(colors).setBuffer(buffer));
      baked++;
    }
  }
  if (!keepBaseColorTexture) {
    for (const material of materials) {
      material.setBaseColorTexture(null);
      material.setBaseColorFactor([1, 1, 1, 1]);
    }
  }
  return baked;
}

function vertexColors(
  primitive: Primitive,
  vertexCount: number,
  material: Material | null,
  image: LinearImage | undefined,
  info: TextureInfo | null,
): Float32Array {
  const factor = material?.getBaseColorFactor() ?? [1, 1, 1, 1];
  const uvAccessor = image ? primitive.getAttribute(`TEXCOORD_${info?.getTexCoord() ?? 0}`) : null;
  const uvs = uvAccessor ? floatArray(uvAccessor, 2) : undefined;
  const existing = primitive.getAttribute('COLOR_0');
  const existingColors = existing ? existingRgba(existing) : undefined;
  const wrapS = info?.getWrapS() ?? 10497;
  const wrapT = info?.getWrapT() ?? 10497;
  const colors = new Float32Array(vertexCount * 4);
  const texel = [1, 1, 1, 1];
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    if (image && uvs) sampleBilinear(image, uvs[vertex * 2], uvs[vertex * 2 + 1], wrapS, wrapT, texel);
    for (let channel = 0; channel < 4; channel++) {
      const value = factor[channel] * texel[channel] * (existingColors ? existingColors[vertex * 4 + channel] : 1);
      colors[vertex * 4 + channel] = Math.min(1, Math.max(0, value));
    }
  }
  return colors;
}

function existingRgba(accessor: Accessor): Float32Array {
  const width = accessor.getElementSize();
  const values = floatArray(accessor, width);
  const out = new Float32Array(accessor.getCount() * 4).fill(1);
  for (let vertex = 0; vertex < accessor.getCount(); vertex++) {
    for (let channel = 0; channel < width; channel++) out[vertex * 4 + channel] = values[vertex * width + channel];
  }
  return out;
}

/** Bilinear sample at glTF UV (u, v) (origin top-left) into `out` (linear rgba). Exported for tests. */
export function sampleBilinear(
  image: LinearImage,
  u: number,
  v: number,
  wrapS: number,
  wrapT: number,
  out: number[],
): number[] {
  const x = u * image.width - 0.5;
  const y = v * image.height - 0.5;
  const x0 = Math.floor(x),
    y0 = Math.floor(y);
  const fx = x - x0,
    fy = y - y0;
  const columns = [wrap(x0, image.width, wrapS), wrap(x0 + 1, image.width, wrapS)];
  const rows = [wrap(y0, image.height, wrapT), wrap(y0 + 1, image.height, wrapT)];
  for (let channel = 0; channel < 4; channel++) {
    const at = (row: number, column: number) => image.texels[(row * image.width + column) * 4 + channel];
    const top = at(rows[0], columns[0]) * (1 - fx) + at(rows[0], columns[1]) * fx;
    const bottom = at(rows[1], columns[0]) * (1 - fx) + at(rows[1], columns[1]) * fx;
    out[channel] = top * (1 - fy) + bottom * fy;
  }
  return out;
}

function wrap(index: number, size: number, mode: number): number {
  if (mode === WRAP_CLAMP) return Math.min(size - 1, Math.max(0, index));
  if (mode === WRAP_MIRROR) {
    const period = ((index % (2 * size)) + 2 * size) % (2 * size);
    return period < size ? period : 2 * size - 1 - period;
  }
  return ((index % size) + size) % size;
}

async function decodeLinear(sharp: Sharp, texture: Texture): Promise<LinearImage | undefined> {
  const image = texture.getImage();
  if (!image || !DECODABLE.has(texture.getMimeType())) return undefined;
  const { width, height, data } = await decodeRgba(sharp, image);
  const table = new Float32Array(256);
  for (let value = 0; value < 256; value++) table[value] = srgbToLinear(value / 255);
  const texels = new Float32Array(width * height * 4);
  for (let offset = 0; offset < texels.length; offset += 4) {
    texels[offset] = table[data[offset]];
    texels[offset + 1] = table[data[offset + 1]];
    texels[offset + 2] = table[data[offset + 2]];
    texels[offset + 3] = data[offset + 3] / 255;
  }
  return { width, height, texels };
}

function srgbToLinear(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}
