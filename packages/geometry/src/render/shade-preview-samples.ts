// The preview's second pass: each covered sample shaded once from the triangle the rasteriser kept there, with
// perspective-correct barycentrics, base-colour texture and vertex colours, Lambert key and fill lights plus a
// hemisphere ambient, and emission, in linear light (see render-preview.ts for the method).
import type { WorldPrimitive } from '../mesh/collect-world-triangles.ts';
import type { Lights, Vector3 } from './frame-preview-camera.ts';
import type { MaterialShading } from './preview-material-shadings.ts';
import { sampleBilinear } from './sample-texture.ts';

const LIGHTS = {
  ambientSky: 0.3,
  ambientGround: 0.12,
  key: 0.8,
  fill: 0.25,
  /** Linear values above this are compressed smoothly towards 1 instead of clipping (a white model keeps its shading). */
  shoulder: 0.75,
} as const;

export interface PreparedPrimitive {
  world: WorldPrimitive;
  screen: Float32Array;
  shading: MaterialShading;
  firstTriangleId: number;
}

/** Second pass: one shaded linear-RGB value per sample. */
export function shadeVisibility(
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
