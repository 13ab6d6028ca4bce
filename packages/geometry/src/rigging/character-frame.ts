// A character's own frame: +x its left, +y up, +z the way it faces, origin on the ground under its middle.
// Fitting and animation work in this frame, so a model facing −Z or +X is handled like one facing +Z.
import type { Point3 } from './extract-limb-branches.ts';

export interface CharacterFrame {
  /** world origin of the frame (ground level) */
  origin: Point3;
  /** unit world direction of the character's left (horizontal) */
  left: Point3;
  /** unit world direction it faces (horizontal) */
  forward: Point3;
}

export const UP: Point3 = [0, 1, 0];

export function toLocal(frame: CharacterFrame, point: ArrayLike<number>): Point3 {
  const d = [point[0] - frame.origin[0], point[1] - frame.origin[1], point[2] - frame.origin[2]];
  return [dot(d, frame.left), d[1], dot(d, frame.forward)];
}

export function toWorld(frame: CharacterFrame, local: ArrayLike<number>): Point3 {
  return [
    frame.origin[0] + local[0] * frame.left[0] + local[2] * frame.forward[0],
    frame.origin[1] + local[1],
    frame.origin[2] + local[0] * frame.left[2] + local[2] * frame.forward[2],
  ];
}

/** A frame facing `forward` (snapped to the nearest horizontal axis); left = up × forward. */
export function frameFacing(forward: ArrayLike<number>, origin: Point3): CharacterFrame {
  const snapped: Point3 =
    Math.abs(forward[0]) > Math.abs(forward[2])
      ? [Math.sign(forward[0]) || 1, 0, 0]
      : [0, 0, Math.sign(forward[2]) || 1];
  return { origin, forward: snapped, left: [snapped[2], 0, -snapped[0]] };
}

/** "+Z", "−X", ...: the world axis a frame direction lies along. */
export function axisName(direction: ArrayLike<number>): string {
  const axis = [0, 1, 2].reduce(
    (best, index) => (Math.abs(direction[index]) > Math.abs(direction[best]) ? index : best),
    0,
  );
  return `${direction[axis] < 0 ? '-' : '+'}${'XYZ'[axis]}`;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
