// 4×4 matrix and rotation helpers (used by the FBX writer and the geometry operations): column-major matrices (glTF's and FBX's layout) and
// quaternion → FBX Euler angles. FBX's default rotation order eEulerXYZ means R = Rz·Ry·Rx (X applied first);
// angles come out in degrees, chosen between the two equivalent triples and shifted by whole turns to stay
// next to the previous key, so curves do not jump by 360° (or flip through the gimbal) between keys.

import { MathUtils, type mat4, type vec3, type vec4 } from '@gltf-transform/core';

export type Matrix4 = ArrayLike<number>;
export type Vec3 = [number, number, number];

export const IDENTITY4: readonly number[] = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/** Column-major a·b. */
export function multiply4(a: Matrix4, b: Matrix4): Float64Array {
  const out = new Float64Array(16);
  for (let column = 0; column < 4; column++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + row] * b[column * 4 + k];
      out[column * 4 + row] = sum;
    }
  }
  return out;
}

/** General 4×4 inverse by cofactors; undefined when singular. */
export function invert4(m: Matrix4): Float64Array | undefined {
  const [a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33] = Array.from(m);
  const b00 = a00 * a11 - a01 * a10,
    b01 = a00 * a12 - a02 * a10,
    b02 = a00 * a13 - a03 * a10;
  const b03 = a01 * a12 - a02 * a11,
    b04 = a01 * a13 - a03 * a11,
    b05 = a02 * a13 - a03 * a12;
  const b06 = a20 * a31 - a21 * a30,
    b07 = a20 * a32 - a22 * a30,
    b08 = a20 * a33 - a23 * a30;
  const b09 = a21 * a32 - a22 * a31,
    b10 = a21 * a33 - a23 * a31,
    b11 = a22 * a33 - a23 * a32;
  const determinant = b00 * b11 - b01 * b10 + b02 * b09 + b03 * b08 - b04 * b07 + b05 * b06;
  if (!Number.isFinite(determinant) || Math.abs(determinant) < 1e-20) return undefined;
  const d = 1 / determinant;
  return Float64Array.from([
    (a11 * b11 - a12 * b10 + a13 * b09) * d,
    (a02 * b10 - a01 * b11 - a03 * b09) * d,
    (a31 * b05 - a32 * b04 + a33 * b03) * d,
    (a22 * b04 - a21 * b05 - a23 * b03) * d,
    (a12 * b08 - a10 * b11 - a13 * b07) * d,
    (a00 * b11 - a02 * b08 + a03 * b07) * d,
    (a32 * b02 - a30 * b05 - a33 * b01) * d,
    (a20 * b05 - a22 * b02 + a23 * b01) * d,
    (a10 * b10 - a11 * b08 + a13 * b06) * d,
    (a01 * b08 - a00 * b10 - a03 * b06) * d,
    (a30 * b04 - a31 * b02 + a33 * b00) * d,
    (a21 * b02 - a20 * b04 - a23 * b00) * d,
    (a11 * b07 - a10 * b09 - a12 * b06) * d,
    (a00 * b09 - a01 * b07 + a02 * b06) * d,
    (a31 * b01 - a30 * b03 - a32 * b00) * d,
    (a20 * b03 - a21 * b01 + a22 * b00) * d,
  ]);
}

export function transformPoint4(m: Matrix4, p: ArrayLike<number>, out: Float32Array, offset: number): void {
  const x = p[0],
    y = p[1],
    z = p[2];
  out[offset] = m[0] * x + m[4] * y + m[8] * z + m[12];
  out[offset + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
  out[offset + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
}

export interface FbxTransform {
  translation: Vec3;
  /** Euler XYZ (R = Rz·Ry·Rx), degrees. */
  rotation: Vec3;
  scaling: Vec3;
}

export function fbxTransformFromTrs(
  translation: ArrayLike<number>,
  rotation: ArrayLike<number>,
  scale: ArrayLike<number>,
): FbxTransform {
  return {
    translation: [translation[0], translation[1], translation[2]],
    rotation: quaternionToEulerDegrees(rotation),
    scaling: [scale[0], scale[1], scale[2]],
  };
}

export function fbxTransformFromMatrix(matrix: Matrix4): FbxTransform {
  const translation: vec3 = [0, 0, 0],
    rotation: vec4 = [0, 0, 0, 1],
    scale: vec3 = [1, 1, 1];
  MathUtils.decompose(Array.from(matrix) as unknown as mat4, translation, rotation, scale);
  return fbxTransformFromTrs(translation, rotation, scale);
}

const DEGREES = 180 / Math.PI;

/**
 * Unit quaternion (x, y, z, w) → Euler angles (degrees) with R = Rz(z)·Ry(y)·Rx(x). With `previous`, returns
 * the equivalent triple nearest to it (the flipped solution (x+180, 180−y, z+180) and whole turns considered).
 */
export function quaternionToEulerDegrees(q: ArrayLike<number>, previous?: Vec3): Vec3 {
  const length = Math.hypot(q[0], q[1], q[2], q[3]) || 1;
  const x = q[0] / length,
    y = q[1] / length,
    z = q[2] / length,
    w = q[3] / length;
  const m11 = 1 - 2 * (y * y + z * z),
    m12 = 2 * (x * y - z * w);
  const m21 = 2 * (x * y + z * w),
    m22 = 1 - 2 * (x * x + z * z);
  const m31 = 2 * (x * z - y * w),
    m32 = 2 * (y * z + x * w),
    m33 = 1 - 2 * (x * x + y * y);
  const beta = Math.asin(-Math.min(1, Math.max(-1, m31)));
  let alpha: number, gamma: number;
  if (Math.abs(m31) < 0.9999999) {
    alpha = Math.atan2(m32, m33);
    gamma = Math.atan2(m21, m11);
  } else {
    alpha = 0;
    gamma = Math.atan2(-m12, m22);
  }
  const base: Vec3 = [alpha * DEGREES, beta * DEGREES, gamma * DEGREES];
  if (!previous) return base;
  // Called per animation key: plain code, no closures (the FBX writer converts every sample of every clip).
  const first = nearestTurns(base, previous);
  const second = nearestTurns([base[0] + 180, 180 - base[1], base[2] + 180], previous);
  return distanceTo(second, previous) < distanceTo(first, previous) ? second : first;
}

/** The angles moved by whole turns to lie nearest `previous`. */
function nearestTurns(angles: Vec3, previous: Vec3): Vec3 {
  return [
    angles[0] + 360 * Math.round((previous[0] - angles[0]) / 360),
    angles[1] + 360 * Math.round((previous[1] - angles[1]) / 360),
    angles[2] + 360 * Math.round((previous[2] - angles[2]) / 360),
  ];
}

function distanceTo(angles: Vec3, previous: Vec3): number {
  return Math.abs(angles[0] - previous[0]) + Math.abs(angles[1] - previous[1]) + Math.abs(angles[2] - previous[2]);
}
