// The `rendered_image` every model-producing task returns: a WebP still of the default scene from a 3/4 view,
// lit and textured, rendered on the CPU.
//
// Method: a deferred software renderer. Vertices (world space from collect-world-triangles.ts, so skins are
// posed) go through a perspective camera whose frustum is then zoomed and shifted in screen space to frame the
// model's projected extent (frame-preview-camera.ts); rasterize-visibility.ts writes the nearest triangle per
// sample (half-space rasterisation, z-buffer on 1/w); shade-preview-samples.ts shades each covered sample once,
// with perspective-correct barycentrics (attributes·(1/w) interpolated linearly in screen space, then divided by
// the interpolated 1/w; Heckbert & Moreton, "Interpolation for Polygon Texture Mapping and Shading", 1991):
// bilinear base-colour texture lookups (decoded to raw RGBA by sharp), base colour and vertex colour factors,
// Lambert shading from a key and a fill light plus a hemisphere ambient, in linear light. It renders at
// `supersampling`× the size and box-filters down (SSAA), then sharp encodes WebP.
// Why by hand: three's WebGLRenderer needs a WebGL context, which Node has only with a GPU or a headless
// browser; the renderer needs nothing beyond a z-buffer, so a few hundred lines of CPU renderer are the smaller dependency.
// Not modelled: alpha blending and masking (everything is opaque), KHR_texture_transform, normal maps, metal.
// Emission is the factor times the emissive texture (sampled with the base colour's UV set).

import type { Document, Material } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from '../mesh/collect-world-triangles.ts';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { frameCamera, type Vector3 } from './frame-preview-camera.ts';
import { materialShadings, type MaterialShading } from './preview-material-shadings.ts';
import { RasterBudgetExceeded, rasterizeVisibility, type ScreenTriangles } from './rasterize-visibility.ts';
import { SRGB_TO_LINEAR } from './sample-texture.ts';
import { shadeVisibility, type PreparedPrimitive } from './shade-preview-samples.ts';

export interface RenderPreviewOptions {
  /** Width and height of the square image, pixels. */
  sizePixels?: number;
  /** Samples per pixel along each axis (2 → 4 samples per pixel, box-filtered). */
  supersampling?: number;
  /** Background colour, sRGB 0–255. */
  backgroundColor?: readonly [number, number, number];
  /** Camera direction: degrees about +Y from the front (+Z) towards +X, and degrees above the horizon. */
  azimuthDegrees?: number;
  elevationDegrees?: number;
  /** Vertical field of view of the perspective camera, degrees. */
  fieldOfViewDegrees?: number;
  /** Share of the image's width or height the model's projected extent fills. */
  fillFraction?: number;
  /** Textures are decoded at most this large (longest side, pixels) for sampling. */
  maxTextureSizePixels?: number;
  webpQuality?: number;
  /** sharp, passed in (house style for heavy codecs); imported on first use when omitted. */
  sharp?: Sharp;
}

export const RENDER_PREVIEW_DEFAULTS: Required<Omit<RenderPreviewOptions, 'sharp'>> = {
  sizePixels: 512,
  supersampling: 2,
  backgroundColor: [200, 202, 206],
  azimuthDegrees: 35,
  elevationDegrees: 22,
  fieldOfViewDegrees: 30,
  fillFraction: 0.88,
  maxTextureSizePixels: 1024,
  webpQuality: 90,
};

export async function renderPreview(
  document: Document,
  options: RenderPreviewOptions = RENDER_PREVIEW_DEFAULTS,
): Promise<Uint8Array> {
  const resolved = { ...RENDER_PREVIEW_DEFAULTS, ...options };
  const sharp = options.sharp ?? (await import('sharp')).default;
  const worldPrimitives = collectWorldTriangles(document).filter((primitive) => primitive.indices.length >= 3);
  if (worldPrimitives.length === 0) {
    throw new ModelInputError(
      'The model has no triangles in its default scene, so there is nothing to render a preview of.',
    );
  }

  const outputSize = Math.max(1, Math.round(resolved.sizePixels));
  const shadings = await materialShadings(worldPrimitives, sharp, resolved.maxTextureSizePixels);
  const background = resolved.backgroundColor.map((channel) => SRGB_TO_LINEAR[Math.round(channel)]) as Vector3;
  // Heavy overdraw is rendered without supersampling, and past that budget not at all.
  let factor = Math.max(1, Math.round(resolved.supersampling));
  let frame: { size: number; linear: Float32Array } | undefined;
  while (!frame) {
    try {
      frame = renderFrame(worldPrimitives, shadings, resolved, outputSize * factor, background);
    } catch (error) {
      if (!(error instanceof RasterBudgetExceeded)) throw error;
      if (factor === 1)
        throw new ModelInputError('The model overlaps itself too much to render a preview in reasonable time.');
      factor = 1;
    }
  }
  const { size, linear } = frame;
  const rgb = downsampleToSrgb(linear, size, factor);
  const webp = await sharp(rgb, { raw: { width: outputSize, height: outputSize, channels: 3 } })
    .webp({ quality: resolved.webpQuality })
    .toBuffer();
  return new Uint8Array(webp.buffer, webp.byteOffset, webp.byteLength);
}

/** Pixel tests the rasteriser may spend on one frame: about a second of work here, ~1000 times a full 1024² frame. */
const MAX_PIXEL_TESTS = 1_000_000_000;

function renderFrame(
  worldPrimitives: WorldPrimitive[],
  shadings: Map<Material | null, MaterialShading>,
  resolved: typeof RENDER_PREVIEW_DEFAULTS,
  size: number,
  background: Vector3,
): { size: number; linear: Float32Array } {
  const camera = frameCamera(worldPrimitives, resolved, size);
  const prepared: PreparedPrimitive[] = [];
  let firstTriangleId = 0;
  for (const world of worldPrimitives) {
    prepared.push({
      world,
      screen: camera.project(world.positions),
      shading: shadings.get(world.material)!,
      firstTriangleId,
    });
    firstTriangleId += world.indices.length / 3;
  }
  const lists: ScreenTriangles[] = prepared.map(({ world, screen, firstTriangleId }) => ({
    screen,
    indices: world.indices,
    cullBackFaces: !(world.material?.getDoubleSided() ?? false),
    firstTriangleId,
  }));
  const visibility = rasterizeVisibility(lists, size, size, MAX_PIXEL_TESTS);
  return { size, linear: shadeVisibility(visibility.triangleIds, size, prepared, camera, background) };
}

/** Box filter of `factor`×`factor` samples per pixel, in linear light, then sRGB bytes. */
function downsampleToSrgb(linear: Float32Array, size: number, factor: number): Uint8Array {
  const outputSize = size / factor;
  const rgb = new Uint8Array(outputSize * outputSize * 3);
  const weight = 1 / (factor * factor);
  for (let y = 0; y < outputSize; y++) {
    for (let x = 0; x < outputSize; x++) {
      for (let channel = 0; channel < 3; channel++) {
        let sum = 0;
        for (let sy = 0; sy < factor; sy++) {
          const row = (y * factor + sy) * size + x * factor;
          for (let sx = 0; sx < factor; sx++) sum += linear[(row + sx) * 3 + channel];
        }
        rgb[(y * outputSize + x) * 3 + channel] = linearToSrgbByte(sum * weight);
      }
    }
  }
  return rgb;
}

const LINEAR_TO_SRGB_STEPS = 4096;
const LINEAR_TO_SRGB = Uint8Array.from({ length: LINEAR_TO_SRGB_STEPS + 1 }, (_, step) => {
  const value = step / LINEAR_TO_SRGB_STEPS;
  return Math.round(255 * (value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055));
});

function linearToSrgbByte(value: number): number {
  return LINEAR_TO_SRGB[Math.round(Math.min(1, Math.max(0, value)) * LINEAR_TO_SRGB_STEPS)];
}
