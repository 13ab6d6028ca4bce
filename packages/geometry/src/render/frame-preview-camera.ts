// The preview's camera: a perspective view of the model from the requested direction, zoomed and shifted on screen
// (an off-axis frustum) so the model's projected extent fills the image; the key and fill lights turn with it.
import type { WorldPrimitive } from '../mesh/collect-world-triangles.ts';

export type Vector3 = [number, number, number];
export interface Lights {
  /** Unit directions towards each light, world space. */
  key: Vector3;
  fill: Vector3;
}

/** A perspective camera looking at the bounds' centre, then zoomed and shifted on screen to fit every vertex. */
export function frameCamera(
  primitives: WorldPrimitive[],
  options: { azimuthDegrees: number; elevationDegrees: number; fieldOfViewDegrees: number; fillFraction: number },
  size: number,
) {
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
