// texture_model with no prompt: the new atlas takes the model's current look, so a model with several materials,
// tiled textures or vertex colours comes out with one clean texture on fresh UVs. For each covered texel the
// surface point's old UV (interpolated from the source vertices of its new triangle) reads the old base colour
// texture (bilinear, linear light, sample-texture.ts), times the base colour factor and any COLOR_0 — glTF's
// base colour product (glTF 2.0 §3.9.2).
import type { Primitive } from '@gltf-transform/core';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { decodeTexture, sampleBilinear, type SampledTexture } from '../render/sample-texture.ts';
import type { AtlasSurface } from './rasterize-atlas-surface.ts';
import type { UnwrappedMesh } from './unwrap-atlas.ts';

export interface AppearanceSource {
  primitive: Primitive;
  unwrapped: UnwrappedMesh;
}

/** Linear rgb per covered texel of `surface` (the meshes in the order they were rasterised). */
export async function sampleExistingAppearance(
  surface: AtlasSurface,
  sources: AppearanceSource[],
  sharp: Sharp,
): Promise<Float32Array> {
  const prepared = await Promise.all(sources.map((source) => prepareSource(source, sharp)));
  const firstTriangle: number[] = [];
  let total = 0;
  for (const source of sources) {
    firstTriangle.push(total);
    total += source.unwrapped.indices.length / 3;
  }
  const colours = new Float32Array(surface.texels.length * 3);
  const texel: [number, number, number] = [0, 0, 0];
  surface.texels.forEach((atlasTexel, slot) => {
    const triangle = surface.triangleOf[atlasTexel];
    let mesh = 0;
    while (mesh + 1 < sources.length && firstTriangle[mesh + 1] <= triangle) mesh++;
    const { unwrapped } = sources[mesh];
    const source = prepared[mesh];
    const local = triangle - firstTriangle[mesh];
    const w1 = surface.barycentric[atlasTexel * 2],
      w2 = surface.barycentric[atlasTexel * 2 + 1],
      w0 = 1 - w1 - w2;
    const corners = [0, 1, 2].map((corner) => unwrapped.sourceVertex[unwrapped.indices[local * 3 + corner]]);
    const weights = [w0, w1, w2];
    let r = source.factor[0],
      g = source.factor[1],
      b = source.factor[2];
    if (source.texture && source.uvs) {
      let u = 0,
        v = 0;
      corners.forEach((vertex, index) => {
        u += weights[index] * source.uvs![vertex * 2];
        v += weights[index] * source.uvs![vertex * 2 + 1];
      });
      sampleBilinear(source.texture, u, v, texel);
      r *= texel[0];
      g *= texel[1];
      b *= texel[2];
    }
    if (source.colours) {
      let cr = 0,
        cg = 0,
        cb = 0;
      corners.forEach((vertex, index) => {
        cr += weights[index] * source.colours![vertex * source.colourWidth];
        cg += weights[index] * source.colours![vertex * source.colourWidth + 1];
        cb += weights[index] * source.colours![vertex * source.colourWidth + 2];
      });
      r *= cr;
      g *= cg;
      b *= cb;
    }
    colours.set([r, g, b], slot * 3);
  });
  return colours;
}

interface PreparedSource {
  factor: [number, number, number];
  texture: SampledTexture | null;
  uvs?: Float32Array;
  colours?: Float32Array;
  colourWidth: number;
}

async function prepareSource({ primitive }: AppearanceSource, sharp: Sharp): Promise<PreparedSource> {
  const material = primitive.getMaterial();
  const [r, g, b] = material?.getBaseColorFactor() ?? [1, 1, 1, 1];
  const textureInfo = material?.getBaseColorTextureInfo();
  const texture = material?.getBaseColorTexture();
  const sampled = texture ? await decodeTexture(texture, sharp, 2048) : null;
  if (sampled && textureInfo) {
    sampled.wrapS = textureInfo.getWrapS();
    sampled.wrapT = textureInfo.getWrapT();
  }
  const uvAccessor = primitive.getAttribute(`TEXCOORD_${textureInfo?.getTexCoord() ?? 0}`);
  const colourAccessor = primitive.getAttribute('COLOR_0');
  return {
    factor: [r, g, b],
    texture: sampled,
    uvs: uvAccessor ? floatValues(uvAccessor) : undefined,
    colours: colourAccessor ? floatValues(colourAccessor) : undefined,
    colourWidth: colourAccessor?.getElementSize() ?? 3,
  };
}

/** The accessor's values as floats (normalised integers decoded). */
function floatValues(accessor: NonNullable<ReturnType<Primitive['getAttribute']>>): Float32Array {
  const size = accessor.getElementSize();
  const out = new Float32Array(accessor.getCount() * size);
  const element: number[] = [];
  for (let index = 0; index < accessor.getCount(); index++) out.set(accessor.getElement(index, element), index * size);
  return out;
}
