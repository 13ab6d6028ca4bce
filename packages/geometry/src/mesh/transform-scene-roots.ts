// Applies a similarity transform (uniform scale, then rotation, then translation) to the whole scene by
// composing it into each scene root's TRS: new root = A · old root. Uniform scale commutes with rotation, so the
// product is again a TRS and no node is added. Skinned meshes follow because their joints hang under the roots.

import type { Document } from '@gltf-transform/core';
import { listSceneRoots } from './list-primitive-uses.ts';

type Vec3 = [number, number, number];
type Quaternion = [number, number, number, number];

export interface SceneRootTransform {
  scale?: number;
  /** Unit quaternion [x, y, z, w]. */
  rotation?: Quaternion;
  translation?: Vec3;
}

export function transformSceneRoots(document: Document, transform: SceneRootTransform): void {
  const scale = transform.scale ?? 1;
  const rotation = transform.rotation ?? [0, 0, 0, 1];
  const translation = transform.translation ?? [0, 0, 0];
  for (const root of listSceneRoots(document)) {
    const t = rotate(rotation, root.getTranslation().map((value) => value * scale) as Vec3);
    root.setTranslation([t[0] + translation[0], t[1] + translation[1], t[2] + translation[2]]);
    root.setRotation(multiplyQuaternions(rotation, root.getRotation() as Quaternion));
    root.setScale(root.getScale().map((value) => value * scale) as Vec3);
  }
}

/** Quaternion for a rotation of `degrees` about +Y (counter-clockwise seen from above). */
export function rotationAboutY(degrees: number): Quaternion {
  const half = (degrees * Math.PI) / 360;
  return [0, Math.sin(half), 0, Math.cos(half)];
}

function multiplyQuaternions(a: Quaternion, b: Quaternion): Quaternion {
  const [ax, ay, az, aw] = a,
    [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

function rotate([qx, qy, qz, qw]: Quaternion, [x, y, z]: Vec3): Vec3 {
  // v' = v + 2w(q×v) + 2q×(q×v)
  const tx = 2 * (qy * z - qz * y),
    ty = 2 * (qz * x - qx * z),
    tz = 2 * (qx * y - qy * x);
  return [x + qw * tx + (qy * tz - qz * ty), y + qw * ty + (qz * tx - qx * tz), z + qw * tz + (qx * ty - qy * tx)];
}
