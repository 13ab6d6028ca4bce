// The frame of the print formats (STL, 3MF): Z up, as slicers expect, with the model standing on the build plate.
// glTF is Y up with +Z towards the viewer; a +90° turn about X maps (x, y, z) → (x, −z, y), a rotation, so the
// winding is kept and the model's front faces −Y (the slicer's front). The lift is then −(lowest glTF y).

import type { WorldPrimitive } from './collect-world-triangles.ts';

/** How far to raise the rotated model (in glTF units) so that its lowest point is at z = 0. */
export function buildPlateLift(primitives: WorldPrimitive[]): number {
  let lowest = Infinity;
  for (const { positions, indices } of primitives) {
    for (let corner = 0; corner < indices.length; corner++)
      lowest = Math.min(lowest, positions[indices[corner] * 3 + 1]);
  }
  return Number.isFinite(lowest) ? -lowest : 0;
}

/** glTF (x, y, z) → print frame (x, −z, y + lift), written into `out` at `offset`. */
export function toPrintFrame(
  x: number,
  y: number,
  z: number,
  lift: number,
  out: Float32Array | number[],
  offset: number,
): void {
  out[offset] = x;
  out[offset + 1] = -z;
  out[offset + 2] = y + lift;
}
