// The preset animation format: poses as joint rotations in the character's own frame (+x its left, +y up, +z
// forward), relative to the template's reference pose (a T-pose: arms straight out sideways, legs straight down,
// spine upright), and clips that give a pose for any time — either interpolated between authored key poses or
// computed by a generator (gaits). bake-preset-animation.ts turns a clip into glTF channels for a fitted rig.
import { Euler as ThreeEuler, Quaternion } from 'three';

/** degrees about the character's left (x), up (y) and forward (z) axes, applied as Ry · Rz · Rx */
export type Euler = readonly [number, number, number];

export interface Pose {
  joints: Record<string, Euler>;
  /** hips offset from rest in hip heights (x left, y up, z forward); on grounded clips y lifts off the ground */
  root?: readonly [number, number, number];
}

export interface PresetClip {
  durationSeconds: number;
  loop: boolean;
  /** keep the lowest point of the body on the ground every frame (root y then only adds lift) */
  grounded: boolean;
  sample(timeSeconds: number): Pose;
  /** the authored key times, used when animations are not baked per frame */
  keyTimes: number[];
}

export interface ClipOptions {
  loop?: boolean;
  grounded?: boolean;
}

const DEG = Math.PI / 180;

export function eulerToQuaternion([x, y, z]: Euler, out = new Quaternion()): Quaternion {
  return out.setFromEuler(new ThreeEuler(x * DEG, y * DEG, z * DEG, 'YZX'));
}

/** Later poses override earlier ones joint by joint; root offsets add. */
export function pose(...parts: Array<Partial<Pose> | undefined>): Pose {
  const joints: Record<string, Euler> = {};
  let root: [number, number, number] | undefined;
  for (const part of parts) {
    if (!part) continue;
    Object.assign(joints, part.joints);
    if (part.root)
      root = root ? [root[0] + part.root[0], root[1] + part.root[1], root[2] + part.root[2]] : [...part.root];
  }
  return root ? { joints, root } : { joints };
}

/** The same pose mirrored across the character's mid-plane: left and right swap, rotations reflect. */
export function mirror(original: Pose): Pose {
  const joints: Record<string, Euler> = {};
  for (const [id, [x, y, z]] of Object.entries(original.joints)) {
    const swapped = id.endsWith('_l') ? `${id.slice(0, -2)}_r` : id.endsWith('_r') ? `${id.slice(0, -2)}_l` : id;
    joints[swapped] = [x, -y, -z];
  }
  return original.root ? { joints, root: [-original.root[0], original.root[1], original.root[2]] } : { joints };
}

/** Adds rotations joint by joint (Euler components add: meant for small layered motions) and root offsets. */
export function layer(base: Pose, extra: Partial<Pose>): Pose {
  const joints: Record<string, Euler> = { ...base.joints };
  for (const [id, [x, y, z]] of Object.entries(extra.joints ?? {})) {
    const [bx, by, bz] = joints[id] ?? [0, 0, 0];
    joints[id] = [bx + x, by + y, bz + z];
  }
  const root =
    base.root || extra.root
      ? ([0, 1, 2].map((axis) => (base.root?.[axis] ?? 0) + (extra.root?.[axis] ?? 0)) as [number, number, number])
      : undefined;
  return root ? { joints, root } : { joints };
}

/** Blends two poses (rotations by Euler components, root offsets linearly): a at t = 0, b at t = 1. */
export function blend(a: Pose, b: Pose, t: number): Pose {
  const joints: Record<string, Euler> = {};
  for (const id of new Set([...Object.keys(a.joints), ...Object.keys(b.joints)])) {
    const from = a.joints[id] ?? [0, 0, 0],
      to = b.joints[id] ?? [0, 0, 0];
    joints[id] = [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t, from[2] + (to[2] - from[2]) * t];
  }
  if (!a.root && !b.root) return { joints };
  const from = a.root ?? [0, 0, 0],
    to = b.root ?? [0, 0, 0];
  return {
    joints,
    root: [0, 1, 2].map((axis) => from[axis] + (to[axis] - from[axis]) * t) as [number, number, number],
  };
}

/** Ease in and out (cosine), so key poses are held briefly rather than passed through at speed. */
export function ease(t: number): number {
  return 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, t)));
}

/**
 * A clip through key poses at the given times (seconds, ascending), eased between keys. A looping clip should
 * end on the pose it starts with.
 */
export function keyframes(keys: Array<[number, Pose]>, options: ClipOptions = {}): PresetClip {
  if (keys.length === 0) throw new Error('keyframes: no keys');
  const times = keys.map(([time]) => time);
  const durationSeconds = times[times.length - 1];
  return {
    durationSeconds,
    loop: options.loop ?? false,
    grounded: options.grounded ?? true,
    keyTimes: times,
    sample(time) {
      if (time <= times[0]) return keys[0][1];
      for (let index = 1; index < keys.length; index++) {
        if (time <= times[index]) {
          const span = times[index] - times[index - 1];
          return blend(keys[index - 1][1], keys[index][1], span > 0 ? ease((time - times[index - 1]) / span) : 1);
        }
      }
      return keys[keys.length - 1][1];
    },
  };
}

/**
 * A clip computed from its phase (0 at the start, 1 at the end: a periodic pose function loops seamlessly while
 * root motion written as a function of the phase accumulates), e.g. a gait cycle.
 */
export function generated(
  durationSeconds: number,
  poseAt: (phase: number, timeSeconds: number) => Pose,
  options: ClipOptions & { keysPerSecond?: number } = {},
): PresetClip {
  const keyCount = Math.max(2, Math.round(durationSeconds * (options.keysPerSecond ?? 12)));
  return {
    durationSeconds,
    loop: options.loop ?? true,
    grounded: options.grounded ?? true,
    keyTimes: Array.from({ length: keyCount + 1 }, (_, index) => (index / keyCount) * durationSeconds),
    sample: (time) => poseAt(durationSeconds > 0 ? Math.min(1, Math.max(0, time / durationSeconds)) : 0, time),
  };
}

/** Key poses played in order, each held for `seconds` (the last returns to the first when looping). */
export function sequence(poses: Pose[], seconds: number, options: ClipOptions = {}): PresetClip {
  const keys: Array<[number, Pose]> = poses.map((entry, index) => [index * seconds, entry]);
  if (options.loop) keys.push([poses.length * seconds, poses[0]]);
  return keyframes(keys, options);
}

export const wave = (phase: number, cycles = 1, offset = 0) => Math.sin(2 * Math.PI * (phase * cycles + offset));
