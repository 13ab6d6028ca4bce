// The vocabulary the biped presets are written in: named degrees of freedom (lower an arm, bend an elbow, flex
// a hip) turned into joint rotations of the biped template, and the stances most clips start from. Angles are
// degrees; "left" is the character's left. Reference pose: T-pose (see pose-clip.ts).
import { Euler as ThreeEuler, Quaternion, Vector3 } from 'three';
import { mirror, pose, type Euler, type Pose } from './pose-clip.ts';

export interface ArmPose {
  /** down from horizontal (90 = hanging at the side) */
  lower?: number;
  /** turn of the arm towards the front about the vertical (90 = pointing ahead when `lower` is 0) */
  forward?: number;
  /** pitch of the whole arm forward about the shoulders' axis, applied last (walking arm swing, reaching up front) */
  swing?: number;
  /** rotation about the upper arm's own axis (positive rolls the elbow down for an arm held out) */
  twist?: number;
  /** elbow flexion (0 = straight) */
  elbow?: number;
  /** hand: flexion (palm down positive) and sideways */
  wrist?: number;
  wristSide?: number;
  /** shrug: raise the shoulder */
  shrug?: number;
}

export interface LegPose {
  /** hip flexion: thigh forward (90 = horizontal) */
  flex?: number;
  /** sideways, away from the body */
  spread?: number;
  /** thigh turned out */
  turn?: number;
  knee?: number;
  /** toes pointing down (negative: toes up) */
  ankle?: number;
}

export interface BodyPose {
  /** forward bend of the spine, degrees spread over its three joints */
  bend?: number;
  /** bend towards the character's left */
  side?: number;
  /** turn of the chest towards the left */
  twist?: number;
}

export interface HeadPose {
  /** look down */
  nod?: number;
  /** look left */
  turn?: number;
  /** tilt towards the left shoulder */
  tilt?: number;
}

const X = new Vector3(1, 0, 0),
  Y = new Vector3(0, 1, 0),
  Z = new Vector3(0, 0, 1);
const DEG = Math.PI / 180;

/** Rx(−swing) · Ry(−forward) · Rz(−lower) · Rx(twist) as the Euler triple (YZX, degrees) poses use. */
function upperArmEuler(lower: number, forward: number, swing: number, twist: number): Euler {
  const q = new Quaternion().setFromAxisAngle(X, -swing * DEG);
  q.multiply(new Quaternion().setFromAxisAngle(Y, -forward * DEG));
  q.multiply(new Quaternion().setFromAxisAngle(Z, -lower * DEG));
  q.multiply(new Quaternion().setFromAxisAngle(X, twist * DEG));
  const euler = new ThreeEuler().setFromQuaternion(q, 'YZX');
  return [euler.x / DEG, euler.y / DEG, euler.z / DEG];
}

export function leftArm({
  lower = 0,
  forward = 0,
  swing = 0,
  twist = 0,
  elbow = 0,
  wrist = 0,
  wristSide = 0,
  shrug = 0,
}: ArmPose): Pose {
  return {
    joints: {
      shoulder_l: [0, 0, shrug],
      upper_arm_l: swing === 0 ? [twist, -forward, -lower] : upperArmEuler(lower, forward, swing, twist),
      lower_arm_l: [0, -elbow, 0],
      hand_l: [0, -wristSide, -wrist],
    },
  };
}

export function rightArm(arm: ArmPose): Pose {
  return mirror(leftArm(arm));
}

/** Both arms; the right mirrors the left unless given. */
export function arms(left: ArmPose, right: ArmPose = left): Pose {
  return pose(leftArm(left), rightArm(right));
}

export function leftLeg({ flex = 0, spread = 0, turn = 0, knee = 0, ankle = 0 }: LegPose): Pose {
  return { joints: { upper_leg_l: [-flex, turn, spread], lower_leg_l: [knee, 0, 0], foot_l: [ankle, 0, 0] } };
}

export function rightLeg(leg: LegPose): Pose {
  return mirror(leftLeg(leg));
}

export function legs(left: LegPose, right: LegPose = left): Pose {
  return pose(leftLeg(left), rightLeg(right));
}

/** The spine's bend, side bend and twist, spread over spine, chest and upper chest. */
export function spine({ bend = 0, side = 0, twist = 0 }: BodyPose): Pose {
  const third: Euler = [bend / 3, twist / 3, -side / 3];
  return { joints: { spine: third, spine1: third, spine2: third } };
}

/** Neck and head share the motion 40 / 60. */
export function head({ nod = 0, turn = 0, tilt = 0 }: HeadPose): Pose {
  return { joints: { neck: [0.4 * nod, 0.4 * turn, -0.4 * tilt], head: [0.6 * nod, 0.6 * turn, -0.6 * tilt] } };
}

/** The whole body about the hips: pitch forward, yaw left, roll left; plus an offset in hip heights. */
export function body(pitch = 0, yaw = 0, roll = 0, root?: readonly [number, number, number]): Pose {
  return root ? { joints: { hips: [pitch, yaw, -roll] }, root } : { joints: { hips: [pitch, yaw, -roll] } };
}

/** Feet flat on the ground for a leg with the given hip flexion and knee bend. */
export function flatFoot(flex: number, knee: number): number {
  return flex - knee;
}

const NEUTRAL: Pose = pose(body(), spine({}), head({}), arms({}), legs({}));

/** Standing at rest, arms hanging relaxed. */
export const STAND: Pose = pose(NEUTRAL, arms({ lower: 76, forward: 4, elbow: 10, twist: 8 }));

/** Weight low, knees bent, feet flat. */
export function crouch(depth: number): Pose {
  const flex = 60 * depth,
    knee = 110 * depth;
  return pose(legs({ flex, knee, ankle: flatFoot(flex, knee) }), body(18 * depth), spine({ bend: 12 * depth }));
}

/** Boxing guard: fists up in front of the chin, slight crouch. */
export const GUARD: Pose = pose(
  STAND,
  arms({ lower: 65, forward: 70, elbow: 125, twist: -20, wrist: 10 }),
  crouch(0.2),
  head({ nod: 8 }),
);

/** Both hands held together in front of the chest (phone, game pad, ball). */
export const HANDS_IN_FRONT: Pose = pose(STAND, arms({ lower: 70, forward: 40, elbow: 95, twist: -10, wrist: 10 }));

/** Arms folded across the chest. */
export const ARMS_FOLDED: Pose = pose(STAND, arms({ lower: 62, forward: 62, elbow: 130, twist: -35 }));

/** An arm with its hand resting on the hip. */
export const HAND_ON_HIP: ArmPose = { lower: 55, forward: -18, elbow: 100, twist: 60, wrist: 20 };

/** Hands resting on the hips. */
export const HANDS_ON_HIPS: Pose = pose(STAND, arms(HAND_ON_HIP));

/** Hands on top of the head. */
export const HANDS_ON_HEAD: Pose = pose(STAND, arms({ lower: -40, forward: 40, elbow: 150, twist: 40 }));

/** Hands covering the face. */
export const HANDS_ON_FACE: Pose = pose(
  STAND,
  arms({ lower: 35, forward: 70, elbow: 150, twist: -30, wrist: 20 }),
  head({ nod: 25 }),
);

/** Both arms straight up. */
export const ARMS_UP: Pose = pose(STAND, arms({ lower: -80, forward: 10, elbow: 5 }));

/** Arms spread wide, a little below horizontal. */
export const ARMS_WIDE: Pose = pose(STAND, arms({ lower: 10, forward: 15, elbow: 10 }));

/** Seated on a chair-height surface. */
export const SEATED: Pose = pose(
  STAND,
  legs({ flex: 90, knee: 90, ankle: 0 }),
  arms({ lower: 80, forward: 25, elbow: 40 }),
);
