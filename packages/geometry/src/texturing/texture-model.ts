// texture_model on a Document: a new texture on fresh UVs. The pipeline: collect the primitives to paint
// (collect-texture-targets.ts), unwrap them into one atlas with xatlas (unwrap-atlas.ts), rasterise the atlas's
// texels back onto the surface (rasterize-atlas-surface.ts), colour each texel from the source (pictures
// projected with visibility and the unseen rest filled from the nearest seen surface, project-views.ts and
// fill-unseen-texels.ts; a text prompt's procedural material, procedural-material.ts; or, with no prompt, the
// model's current look, sample-existing-appearance.ts), pad the charts (dilate-atlas.ts), encode, and rebuild
// the primitives on the new layout with one new material (apply-atlas-uvs.ts). With `pbr`, a second document
// also gets a metallic-roughness map (glTF's packing: roughness in G, metalness in B).
import { Logger, type Document } from '@gltf-transform/core';
import { cloneDocument, prune } from '@gltf-transform/functions';
import { collectWorldTriangles } from '../mesh/collect-world-triangles.ts';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { applyAtlasUvs } from './apply-atlas-uvs.ts';
import { collectTextureTargets, type TextureTarget } from './collect-texture-targets.ts';
import { dilateAtlas } from './dilate-atlas.ts';
import { fillUnseenTexels } from './fill-unseen-texels.ts';
import { parseTexturePrompt, type MaterialSpec } from './parse-texture-prompt.ts';
import { prepareViewImage } from './prepare-view-image.ts';
import { evaluateProceduralMaterial } from './procedural-material.ts';
import { projectViews } from './project-views.ts';
import { rasterizeAtlasSurface, type AtlasSurface } from './rasterize-atlas-surface.ts';
import { sampleExistingAppearance } from './sample-existing-appearance.ts';
import { unwrapAtlas, type UnwrappedMesh } from './unwrap-atlas.ts';

export type TextureSource =
  | { kind: 'views'; views: Array<{ image: Uint8Array; azimuthDegrees: number }> }
  | { kind: 'text'; text: string; styleImage?: Uint8Array }
  | { kind: 'existing' };

export interface TextureModelOptions {
  sharp: Sharp;
  /** Side of the square texture, texels. */
  textureSize: number;
  pbr: boolean;
  source: TextureSource;
  partNames?: readonly string[];
  seed?: number;
}

export interface TextureModelReport {
  textureSize: number;
  texturedTriangles: number;
  /** Share of the painted surface some picture saw (views only). */
  seenFraction?: number;
  /** Words of the text prompt the procedural material used (text only). */
  matchedWords?: string[];
  /** What the text prompt was read as (text only): pattern, colours, material, words not used. */
  understood?: { pattern: string; colours: string[]; material: string | null; ignored: string[] };
  unmatchedPartNames: string[];
}

export interface TexturedModel {
  model: Document;
  pbrModel?: Document;
  report: TextureModelReport;
}

const IMAGE_ROUGHNESS = 0.65;

export async function textureModel(document: Document, options: TextureModelOptions): Promise<TexturedModel> {
  const { targets, unmatchedPartNames } = collectTextureTargets(document, options.partNames);
  const unwrapped = await unwrapAtlas(
    targets.map((target) => ({ positions: target.positions, indices: target.indices })),
    { atlasSize: options.textureSize },
  );
  const surface = rasterizeAtlasSurface(
    targets.map((target, index) => atlasTriangles(target, unwrapped[index])),
    options.textureSize,
  );
  const count = surface.texels.length;
  let colours: Float32Array = new Float32Array(count * 3);
  const roughness = new Float32Array(count).fill(IMAGE_ROUGHNESS);
  let metallic = 0;
  let spec: MaterialSpec | undefined;
  let seenFraction: number | undefined;

  if (options.source.kind === 'views') {
    const views = await Promise.all(
      options.source.views.map(async (view) => ({
        image: await prepareViewImage(view.image, options.sharp),
        azimuthDegrees: view.azimuthDegrees,
      })),
    );
    const projected = projectViews(surface.points, surface.normals, occludersOf(document), views);
    let seen = 0;
    for (const weight of projected.weights) if (weight > 0) seen++;
    seenFraction = count > 0 ? seen / count : 0;
    fillUnseenTexels(surface.points, projected.colours, projected.weights);
    colours = projected.colours;
  } else if (options.source.kind === 'text') {
    spec = parseTexturePrompt(options.source.text);
    if (options.source.styleImage && spec.namedColourCount === 0)
      spec = await withStylePalette(spec, options.source.styleImage, options.sharp);
    evaluateProceduralMaterial(spec, surface.points, frameOf(surface, options.seed ?? 0), colours, roughness);
    metallic = spec.metallic;
  } else {
    colours = await sampleExistingAppearance(
      surface,
      targets.map((target, index) => ({ primitive: target.primitive, unwrapped: unwrapped[index] })),
      options.sharp,
    );
  }

  const baseColour = await encodeAtlas(
    surface,
    (slot, out) => {
      for (let channel = 0; channel < 3; channel++) out[channel] = linearToSrgbByte(colours[slot * 3 + channel]);
    },
    options.sharp,
    'jpeg',
  );
  const material = document
    .createMaterial('texture_model')
    .setBaseColorTexture(document.createTexture('base_color').setImage(baseColour).setMimeType('image/jpeg'))
    .setBaseColorFactor([1, 1, 1, 1])
    .setMetallicFactor(metallic)
    .setRoughnessFactor(spec?.roughness ?? IMAGE_ROUGHNESS);
  targets.forEach((target, index) =>
    applyAtlasUvs(document, target.primitive, unwrapped[index], material, target.flippedWinding),
  );
  document.setLogger(new Logger(Logger.Verbosity.WARN));
  await document.transform(prune({ keepSolidTextures: true, keepAttributes: true, keepLeaves: true }));

  let pbrModel: Document | undefined;
  if (options.pbr) {
    pbrModel = cloneDocument(document);
    const metalRoughness = await encodeAtlas(
      surface,
      (slot, out) => {
        out[0] = 255;
        out[1] = Math.round(Math.max(0, Math.min(1, roughness[slot])) * 255);
        out[2] = Math.round(metallic * 255);
      },
      options.sharp,
      'png',
    );
    const pbrMaterial = pbrModel
      .getRoot()
      .listMaterials()
      .find((candidate) => candidate.getName() === 'texture_model')!;
    pbrMaterial
      .setMetallicRoughnessTexture(
        pbrModel.createTexture('metallic_roughness').setImage(metalRoughness).setMimeType('image/png'),
      )
      .setMetallicFactor(1)
      .setRoughnessFactor(1);
  }
  return {
    model: document,
    pbrModel,
    report: {
      textureSize: options.textureSize,
      texturedTriangles: targets.reduce((sum, target) => sum + target.indices.length / 3, 0),
      ...(seenFraction !== undefined ? { seenFraction } : {}),
      ...(spec
        ? {
            matchedWords: spec.matchedWords,
            understood: {
              pattern: spec.pattern,
              colours: spec.colourNames,
              material: spec.material ?? null,
              ignored: spec.ignoredWords,
            },
          }
        : {}),
      unmatchedPartNames,
    },
  };
}

function atlasTriangles(target: TextureTarget, unwrapped: UnwrappedMesh) {
  const gather = (values: Float32Array | undefined) => {
    if (!values) return undefined;
    const out = new Float32Array(unwrapped.sourceVertex.length * 3);
    unwrapped.sourceVertex.forEach((vertex, index) => out.set(values.subarray(vertex * 3, vertex * 3 + 3), index * 3));
    return out;
  };
  return {
    positions: gather(target.positions)!,
    normals: gather(target.normals),
    uvs: unwrapped.uvs,
    indices: unwrapped.indices,
  };
}

/** Everything the scene draws, as one triangle list: what can hide a surface point from a view. */
function occludersOf(document: Document): { positions: Float32Array; indices: Uint32Array } {
  const primitives = collectWorldTriangles(document);
  const positions = new Float32Array(primitives.reduce((sum, primitive) => sum + primitive.positions.length, 0));
  const indices = new Uint32Array(primitives.reduce((sum, primitive) => sum + primitive.indices.length, 0));
  let vertexOffset = 0,
    indexOffset = 0;
  for (const primitive of primitives) {
    positions.set(primitive.positions, vertexOffset * 3);
    for (let corner = 0; corner < primitive.indices.length; corner++)
      indices[indexOffset + corner] = primitive.indices[corner] + vertexOffset;
    vertexOffset += primitive.positions.length / 3;
    indexOffset += primitive.indices.length;
  }
  return { positions, indices };
}

function frameOf(surface: AtlasSurface, seed: number) {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let index = 0; index < surface.points.length; index += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], surface.points[index + axis]);
      max[axis] = Math.max(max[axis], surface.points[index + axis]);
    }
  }
  const size = Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) || 1;
  return { origin: min, size, seed };
}

/** Writes the atlas (RGBA, per covered texel from `write`), pads the charts and encodes it. */
async function encodeAtlas(
  surface: AtlasSurface,
  write: (slot: number, out: number[]) => void,
  sharp: Sharp,
  format: 'jpeg' | 'png',
): Promise<Uint8Array> {
  const { size } = surface;
  const rgba = new Uint8Array(size * size * 4);
  const covered = new Uint8Array(size * size);
  const value = [0, 0, 0];
  const { texels } = surface;
  for (let slot = 0; slot < texels.length; slot++) {
    const texel = texels[slot];
    write(slot, value);
    rgba[texel * 4] = value[0];
    rgba[texel * 4 + 1] = value[1];
    rgba[texel * 4 + 2] = value[2];
    rgba[texel * 4 + 3] = 255;
    covered[texel] = 1;
  }
  dilateAtlas(rgba, size, covered);
  const image = sharp(rgba, { raw: { width: size, height: size, channels: 4 } }).removeAlpha();
  return new Uint8Array(await (format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png()).toBuffer());
}

/** Linear → sRGB byte through a 4096-entry table (the power function per texel dominated the encode). */
const LINEAR_TO_SRGB = Uint8Array.from({ length: 4096 }, (_, index) => {
  const linear = index / 4095;
  return Math.round((linear <= 0.0031308 ? linear * 12.92 : 1.055 * linear ** (1 / 2.4) - 0.055) * 255);
});

function linearToSrgbByte(value: number): number {
  return LINEAR_TO_SRGB[Math.round(Math.max(0, Math.min(1, value)) * 4095)];
}

/** A style image with no colour named in the text: its mean foreground colour becomes the primary colour. */
async function withStylePalette(spec: MaterialSpec, styleImage: Uint8Array, sharp: Sharp): Promise<MaterialSpec> {
  const image = await prepareViewImage(styleImage, sharp, 256);
  const sum = [0, 0, 0];
  let count = 0;
  for (let pixel = 0; pixel < image.width * image.height; pixel++) {
    if (!image.foreground[pixel]) continue;
    for (let channel = 0; channel < 3; channel++) sum[channel] += image.data[pixel * 4 + channel];
    count++;
  }
  if (count === 0) return spec;
  const primary = sum.map((value) => Math.round(value / count)) as [number, number, number];
  const ratio =
    (spec.secondary[0] + spec.secondary[1] + spec.secondary[2] + 1) /
    (spec.primary[0] + spec.primary[1] + spec.primary[2] + 1);
  return {
    ...spec,
    primary,
    secondary: primary.map((value) => Math.min(255, Math.round(value * ratio))) as [number, number, number],
    matchedWords: [...spec.matchedWords, 'style_image'],
  };
}
