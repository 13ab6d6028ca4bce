// The `rendered_image` every model-producing task returns: a WebP still of the default scene from a 3/4 view,
// lit and textured, rendered on the CPU.
//
// Method: a deferred software renderer. Vertices (world space from collect-world-triangles.ts, so skins are
// posed) go through a perspective camera whose frustum is then zoomed and shifted in screen space to frame the
// model's projected extent; rasterize-visibility.ts writes the nearest triangle per sample (half-space
// rasterisation, z-buffer on 1/w); this file shades each covered sample once, with perspective-correct
// barycentrics (attributes·(1/w) interpolated linearly in screen space, then divided by the interpolated 1/w;
// Heckbert & Moreton, "Interpolation for Polygon Texture Mapping and Shading", 1991): bilinear base-colour
// texture lookups (decoded to raw RGBA by sharp), base colour and vertex colour factors, Lambert shading from a
// key and a fill light plus a hemisphere ambient, in linear light. It renders at `supersampling`× the size
// and box-filters down (SSAA), then sharp encodes WebP.
// Why by hand: three's WebGLRenderer needs a WebGL context, which Node has only with a GPU or a headless
// browser; the renderer needs nothing beyond a z-buffer, so a few hundred lines of CPU renderer are the smaller dependency.
// Not modelled: alpha blending and masking (everything is opaque), KHR_texture_transform, normal maps, metal.
// Emission is the factor times the emissive texture (sampled with the base colour's UV set).

import type { Document, Material, Texture } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from '../mesh/collect-world-triangles.ts';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { RasterBudgetExceeded, rasterizeVisibility, type ScreenTriangles } from './rasterize-visibility.ts';
import { decodeTexture, sampleBilinear, SRGB_TO_LINEAR, type SampledTexture } from './sample-texture.ts';

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

const LIGHTS = {
  ambientSky: 0.3,
  ambientGround: 0.12,
  key: 0.8,
  fill: 0.25,
  /** Linear values above this are compressed smoothly towards 1 instead of clipping (a white model keeps its shading). */
  shoulder: 0.75,
} as const;

interface MaterialShading {
  /** Linear RGB base colour factor. */
  baseColor: [number, number, number];
  emissive: [number, number, number];
  texture: SampledTexture | null;
  /** Multiplies the emissive factor (glTF); without it a white factor would light the whole model. */
  emissiveTexture: SampledTexture | null;
}

interface PreparedPrimitive {
  world: WorldPrimitive;
  screen: Float32Array;
  shading: MaterialShading;
  firstTriangleId: number;
}

type Vector3 = [number, number, number];
interface Lights {
  /** Unit directions towards each light, world space. */
  key: Vector3;
  fill: Vector3;
}

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

/** A perspective camera looking at the bounds' centre, then zoomed and shifted on screen to fit every vertex. */
function frameCamera(primitives: WorldPrimitive[], options: typeof RENDER_PREVIEW_DEFAULTS, size: number) {
  const min: Vector3 = [Infinity, Infinity, Infinity];
  const max: Vector3 = [-Infinity, -Infinity, -Infinity];
  for (const { positions } of primitives) {
    for (let offset = 0; offset < positions.length; offset += 3) {
      for (let axis = 0; axis < 3; axis++) {
        const value = positions[offset + axis];
        if (value < min[axis]) min[axis] = value;
        if (value > max[axis]) max[axis] = value;
      }
    }
  }
  const center = [0, 1, 2].map((axis) => (Number.isFinite(min[axis]) ? (min[axis] + max[axis]) / 2 : 0)) as Vector3;
  const radius = Math.max(1e-6, Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2 || 0);
  const azimuth = (options.azimuthDegrees * Math.PI) / 180;
  const elevation = (options.elevationDegrees * Math.PI) / 180;
  const halfFov = (options.fieldOfViewDegrees * Math.PI) / 360;
  const back = normalize([
    Math.cos(elevation) * Math.sin(azimuth),
    Math.sin(elevation),
    Math.cos(elevation) * Math.cos(azimuth),
  ]);
  // Outside the bounding sphere, so every vertex is in front of the camera.
  const distance = (radius / Math.sin(halfFov)) * 1.05;
  const eye: Vector3 = [center[0] + back[0] * distance, center[1] + back[1] * distance, center[2] + back[2] * distance];
  const right = normalize(cross([0, 1, 0], back));
  const up = cross(back, right);
  const focal = 1 / Math.tan(halfFov);

  // Projected extent of every vertex, then a screen-space zoom and shift (an off-axis frustum) to fill the image.
  let minU = Infinity,
    maxU = -Infinity,
    minV = Infinity,
    maxV = -Infinity;
  for (const { positions } of primitives) {
    for (let offset = 0; offset < positions.length; offset += 3) {
      const dx = positions[offset] - eye[0],
        dy = positions[offset + 1] - eye[1],
        dz = positions[offset + 2] - eye[2];
      const depth = -(dx * back[0] + dy * back[1] + dz * back[2]);
      const u = (focal * (dx * right[0] + dy * right[1] + dz * right[2])) / depth;
      const v = (focal * (dx * up[0] + dy * up[1] + dz * up[2])) / depth;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
  }
  const span = Math.max(maxU - minU, maxV - minV, 1e-9);
  const scale = (options.fillFraction * size) / span;
  const midU = Number.isFinite(minU) ? (minU + maxU) / 2 : 0;
  const midV = Number.isFinite(minV) ? (minV + maxV) / 2 : 0;

  return {
    eye,
    /** x, y in pixels (y down) and 1/depth per vertex. */
    project(positions: Float32Array): Float32Array {
      const screen = new Float32Array(positions.length);
      for (let offset = 0; offset < positions.length; offset += 3) {
        const dx = positions[offset] - eye[0],
          dy = positions[offset + 1] - eye[1],
          dz = positions[offset + 2] - eye[2];
        const inverseDepth = -1 / (dx * back[0] + dy * back[1] + dz * back[2]);
        const u = focal * (dx * right[0] + dy * right[1] + dz * right[2]) * inverseDepth;
        const v = focal * (dx * up[0] + dy * up[1] + dz * up[2]) * inverseDepth;
        screen[offset] = size / 2 + (u - midU) * scale;
        screen[offset + 1] = size / 2 - (v - midV) * scale;
        screen[offset + 2] = inverseDepth;
      }
      return screen;
    },
    // Key light from above-left of the camera, fill from the right; both turn with the view.
    lights: { key: combine(right, up, back, -0.45, 0.75, 0.5), fill: combine(right, up, back, 0.8, -0.1, 0.6) },
  };
}

async function materialShadings(
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

/** Second pass: one shaded linear-RGB value per sample. */
function shadeVisibility(
  ids: Int32Array,
  size: number,
  primitives: PreparedPrimitive[],
  camera: { eye: Vector3; lights: Lights },
  background: Vector3,
): Float32Array {
  const out = new Float32Array(size * size * 3);
  const firstIds = primitives.map((primitive) => primitive.firstTriangleId);
  const { eye, lights } = camera;
  const color: Vector3 = [0, 0, 0];
  for (let pixel = 0; pixel < ids.length; pixel++) {
    const id = ids[pixel];
    if (id < 0) {
      out.set(background, pixel * 3);
      continue;
    }
    const primitive = primitives[findList(firstIds, id)];
    shadeSample(
      primitive,
      id - primitive.firstTriangleId,
      (pixel % size) + 0.5,
      Math.floor(pixel / size) + 0.5,
      eye,
      lights,
      color,
    );
    out[pixel * 3] = color[0];
    out[pixel * 3 + 1] = color[1];
    out[pixel * 3 + 2] = color[2];
  }
  return out;
}

function shadeSample(
  primitive: PreparedPrimitive,
  triangle: number,
  px: number,
  py: number,
  eye: Vector3,
  lights: Lights,
  out: Vector3,
): void {
  const { world, screen, shading } = primitive;
  const a = world.indices[triangle * 3],
    b = world.indices[triangle * 3 + 1],
    c = world.indices[triangle * 3 + 2];
  const xa = screen[a * 3],
    ya = screen[a * 3 + 1],
    xb = screen[b * 3],
    yb = screen[b * 3 + 1],
    xc = screen[c * 3],
    yc = screen[c * 3 + 1];
  // Screen-space barycentrics (edge functions over twice the signed area), then perspective-corrected by 1/w.
  const area = (xb - xa) * (yc - ya) - (yb - ya) * (xc - xa);
  let la = ((xc - xb) * (py - yb) - (yc - yb) * (px - xb)) / area;
  let lb = ((xa - xc) * (py - yc) - (ya - yc) * (px - xc)) / area;
  let lc = 1 - la - lb;
  la *= screen[a * 3 + 2];
  lb *= screen[b * 3 + 2];
  lc *= screen[c * 3 + 2];
  const sum = la + lb + lc;
  la /= sum;
  lb /= sum;
  lc /= sum;

  const p = world.positions;
  const e1x = p[b * 3] - p[a * 3],
    e1y = p[b * 3 + 1] - p[a * 3 + 1],
    e1z = p[b * 3 + 2] - p[a * 3 + 2];
  const e2x = p[c * 3] - p[a * 3],
    e2y = p[c * 3 + 1] - p[a * 3 + 1],
    e2z = p[c * 3 + 2] - p[a * 3 + 2];
  let fx = e1y * e2z - e1z * e2y,
    fy = e1z * e2x - e1x * e2z,
    fz = e1x * e2y - e1y * e2x;
  let nx = fx,
    ny = fy,
    nz = fz;
  const n = world.normals;
  if (n) {
    nx = la * n[a * 3] + lb * n[b * 3] + lc * n[c * 3];
    ny = la * n[a * 3 + 1] + lb * n[b * 3 + 1] + lc * n[c * 3 + 1];
    nz = la * n[a * 3 + 2] + lb * n[b * 3 + 2] + lc * n[c * 3 + 2];
  }
  // A visible back face (double-sided material) is lit from its other side.
  const vx = eye[0] - (p[a * 3] + lb * e1x + lc * e2x);
  const vy = eye[1] - (p[a * 3 + 1] + lb * e1y + lc * e2y);
  const vz = eye[2] - (p[a * 3 + 2] + lb * e1z + lc * e2z);
  if (fx * vx + fy * vy + fz * vz < 0) {
    nx = -nx;
    ny = -ny;
    nz = -nz;
    fx = -fx;
    fy = -fy;
    fz = -fz;
  }
  const length = Math.hypot(nx, ny, nz) || 1;
  nx /= length;
  ny /= length;
  nz /= length;

  let r = shading.baseColor[0],
    g = shading.baseColor[1],
    bl = shading.baseColor[2];
  const uv = world.uvs;
  if (shading.texture && uv) {
    sampleBilinear(
      shading.texture,
      la * uv[a * 2] + lb * uv[b * 2] + lc * uv[c * 2],
      la * uv[a * 2 + 1] + lb * uv[b * 2 + 1] + lc * uv[c * 2 + 1],
      out,
    );
    r *= out[0];
    g *= out[1];
    bl *= out[2];
  }
  const colors = world.colors;
  if (colors) {
    r *= la * colors[a * 3] + lb * colors[b * 3] + lc * colors[c * 3];
    g *= la * colors[a * 3 + 1] + lb * colors[b * 3 + 1] + lc * colors[c * 3 + 1];
    bl *= la * colors[a * 3 + 2] + lb * colors[b * 3 + 2] + lc * colors[c * 3 + 2];
  }
  const { key, fill } = lights;
  const irradiance =
    LIGHTS.ambientGround +
    (LIGHTS.ambientSky - LIGHTS.ambientGround) * (0.5 + 0.5 * ny) +
    LIGHTS.key * Math.max(0, nx * key[0] + ny * key[1] + nz * key[2]) +
    LIGHTS.fill * Math.max(0, nx * fill[0] + ny * fill[1] + nz * fill[2]);
  let er = shading.emissive[0],
    eg = shading.emissive[1],
    eb = shading.emissive[2];
  if (shading.emissiveTexture && uv && (er > 0 || eg > 0 || eb > 0)) {
    sampleBilinear(
      shading.emissiveTexture,
      la * uv[a * 2] + lb * uv[b * 2] + lc * uv[c * 2],
      la * uv[a * 2 + 1] + lb * uv[b * 2 + 1] + lc * uv[c * 2 + 1],
      out,
    );
    er *= out[0];
    eg *= out[1];
    eb *= out[2];
  }
  out[0] = compressHighlight(r * irradiance + er);
  out[1] = compressHighlight(g * irradiance + eg);
  out[2] = compressHighlight(bl * irradiance + eb);
}

function compressHighlight(value: number): number {
  const { shoulder } = LIGHTS;
  return value <= shoulder ? value : shoulder + (1 - shoulder) * (1 - Math.exp(-(value - shoulder) / (1 - shoulder)));
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

function findList(firstIds: number[], id: number): number {
  let low = 0,
    high = firstIds.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (firstIds[middle] <= id) low = middle;
    else high = middle - 1;
  }
  return low;
}

const LINEAR_TO_SRGB_STEPS = 4096;
const LINEAR_TO_SRGB = Uint8Array.from({ length: LINEAR_TO_SRGB_STEPS + 1 }, (_, step) => {
  const value = step / LINEAR_TO_SRGB_STEPS;
  return Math.round(255 * (value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055));
});

function linearToSrgbByte(value: number): number {
  return LINEAR_TO_SRGB[Math.round(Math.min(1, Math.max(0, value)) * LINEAR_TO_SRGB_STEPS)];
}

function combine(right: Vector3, up: Vector3, back: Vector3, r: number, u: number, b: number): Vector3 {
  return normalize([0, 1, 2].map((axis) => r * right[axis] + u * up[axis] + b * back[axis]) as Vector3);
}

function normalize(v: Vector3): Vector3 {
  const length = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / length, v[1] / length, v[2] / length];
}

function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
