// Quadruped presets for the quadruped template: gaits (a lateral-sequence walk: left hind, left fore, right
// hind, right fore a quarter cycle apart; a rotary gallop with hind and fore pairs half a cycle apart and the
// spine flexing with each stride), idle, jump, turn, hurt and fall. Joint rotations are in the animal's frame
// (+z forward); legs hang straight down in the reference pose, the neck and tail point along the body.
import { generated, keyframes, pose, wave, type Euler, type Pose, type PresetClip } from './pose-clip.ts';

interface QuadrupedLeg {
  /** forward swing of the upper leg */
  swing?: number;
  /** lower leg folding back */
  knee?: number;
  /** paw folding down */
  paw?: number;
}

type LegName = 'front_l' | 'front_r' | 'rear_l' | 'rear_r';

function leg(name: LegName, { swing = 0, knee = 0, paw = 0 }: QuadrupedLeg): Pose {
  const [end, side] = name.split('_');
  return {
    joints: {
      [`${end}_upper_leg_${side}`]: [-swing, 0, 0],
      [`${end}_lower_leg_${side}`]: [knee, 0, 0],
      [`${end}_foot_${side}`]: [paw, 0, 0],
    },
  };
}

/** Neck and head: look down (positive), turn left, tilt. */
function look(down = 0, turn = 0, tilt = 0): Pose {
  return { joints: { neck: [0.5 * down, 0.5 * turn, 0], head: [0.5 * down, 0.5 * turn, -tilt] } };
}

/** Tail wag (left) and lift, spread over its three joints. */
function tail(wag = 0, lift = 0): Pose {
  const each: Euler = [lift / 3, wag / 3, 0];
  return { joints: { tail: each, tail1: each, tail2: each } };
}

/** Back arch: positive lowers the chest end (spine flexion). */
function back(flex = 0, side = 0): Pose {
  const each: Euler = [flex / 3, side / 3, 0];
  return { joints: { spine: each, spine1: each, chest: each } };
}

function bodyOf(pitch = 0, yaw = 0, roll = 0, root?: readonly [number, number, number]): Pose {
  return root ? { joints: { hips: [pitch, yaw, -roll] }, root } : { joints: { hips: [pitch, yaw, -roll] } };
}

const STANDING: Pose = pose(
  bodyOf(),
  back(),
  look(),
  tail(0, 10),
  ...(['front_l', 'front_r', 'rear_l', 'rear_r'] as const).map((name) => leg(name, {})),
);

/** A leg in a gait at its own phase: swings as amplitude·sin, folds most while moving forward. */
function gaitLeg(name: LegName, phase: number, amplitude: number, fold: number): Pose {
  const s = Math.sin(2 * Math.PI * phase),
    c = Math.cos(2 * Math.PI * phase);
  const lifting = Math.max(0, c) ** 1.5;
  return leg(name, { swing: amplitude * s, knee: 8 + fold * lifting, paw: 0.5 * fold * lifting });
}

function walk(): PresetClip {
  return generated(1.2, (phase) =>
    pose(
      STANDING,
      gaitLeg('rear_l', phase, 22, 45),
      gaitLeg('front_l', phase + 0.25, 22, 50),
      gaitLeg('rear_r', phase + 0.5, 22, 45),
      gaitLeg('front_r', phase + 0.75, 22, 50),
      bodyOf(0, 3 * wave(phase), 2 * wave(phase, 2), [0, 0, 1.3 * phase]),
      back(0, 4 * wave(phase)),
      look(4 * wave(phase, 2), -3 * wave(phase)),
      tail(15 * wave(phase), 15),
    ),
  );
}

function gallop(): PresetClip {
  return generated(0.6, (phase) =>
    pose(
      STANDING,
      gaitLeg('rear_l', phase, 45, 80),
      gaitLeg('rear_r', phase + 0.1, 45, 80),
      gaitLeg('front_l', phase + 0.5, 50, 95),
      gaitLeg('front_r', phase + 0.6, 50, 95),
      back(14 * wave(phase, 1, 0.25)),
      bodyOf(6 * wave(phase), 0, 0, [0, 0.12 * Math.max(0, wave(phase, 1, 0.15)), 2.6 * phase]),
      look(-8 * wave(phase)),
      tail(5 * wave(phase, 2), 25 + 10 * wave(phase)),
    ),
  );
}

function idle(): PresetClip {
  return generated(4, (phase) =>
    pose(
      STANDING,
      back(2 * wave(phase, 2)),
      look(5 * wave(phase, 2), 25 * wave(phase), 6 * wave(phase, 1, 0.3)),
      tail(25 * wave(phase, 4), 15),
      bodyOf(0, 0, 2 * wave(phase)),
    ),
  );
}

function jump(): PresetClip {
  const crouched = pose(
    STANDING,
    leg('rear_l', { swing: 35, knee: 70, paw: 20 }),
    leg('rear_r', { swing: 35, knee: 70, paw: 20 }),
    leg('front_l', { knee: 30 }),
    leg('front_r', { knee: 30 }),
    bodyOf(8),
    look(-10),
    tail(0, 0),
  );
  const leap = pose(
    STANDING,
    leg('rear_l', { swing: -40, knee: 10 }),
    leg('rear_r', { swing: -40, knee: 10 }),
    leg('front_l', { swing: 60, knee: 80 }),
    leg('front_r', { swing: 60, knee: 80 }),
    bodyOf(-20, 0, 0, [0, 0.5, 0.5]),
    look(-15),
    tail(0, 30),
  );
  const reach = pose(
    STANDING,
    leg('rear_l', { swing: 30, knee: 60 }),
    leg('rear_r', { swing: 30, knee: 60 }),
    leg('front_l', { swing: 30, knee: 10 }),
    leg('front_r', { swing: 30, knee: 10 }),
    bodyOf(15, 0, 0, [0, 0.3, 1.0]),
    look(10),
    tail(0, 20),
  );
  const land = pose(crouched, bodyOf(5, 0, 0, [0, 0, 1.2]));
  return keyframes([
    [0, STANDING],
    [0.4, crouched],
    [0.65, leap],
    [0.9, reach],
    [1.1, land],
    [1.7, pose(STANDING, bodyOf(0, 0, 0, [0, 0, 1.2]))],
  ]);
}

function turn(): PresetClip {
  return generated(
    1.6,
    (phase) =>
      pose(
        STANDING,
        gaitLeg('rear_l', phase * 2, 10, 35),
        gaitLeg('front_l', phase * 2 + 0.25, 10, 40),
        gaitLeg('rear_r', phase * 2 + 0.5, 10, 35),
        gaitLeg('front_r', phase * 2 + 0.75, 10, 40),
        bodyOf(0, 90 * phase),
        look(0, 20 * Math.sin(Math.PI * phase)),
        back(0, 10 * Math.sin(Math.PI * phase)),
        tail(-20 * Math.sin(Math.PI * phase), 10),
      ),
    { loop: false },
  );
}

function hurt(): PresetClip {
  const flinch = pose(
    STANDING,
    bodyOf(0, 0, -8),
    look(25, 15),
    back(10),
    tail(0, -30),
    leg('front_l', { swing: 25, knee: 80, paw: 30 }),
  );
  return keyframes([
    [0, STANDING],
    [0.2, flinch],
    [0.9, pose(flinch, look(20, 5))],
    [1.6, pose(STANDING, leg('front_l', { swing: 10, knee: 40, paw: 10 }), tail(0, -10))],
  ]);
}

function fall(): PresetClip {
  const buckle = pose(
    STANDING,
    leg('front_l', { knee: 60 }),
    leg('rear_l', { swing: 20, knee: 60 }),
    bodyOf(0, 0, 30),
    look(20),
    tail(0, -20),
  );
  const down = pose(
    STANDING,
    ...(['front_l', 'front_r', 'rear_l', 'rear_r'] as const).map((name) => leg(name, { swing: 15, knee: 25 })),
    bodyOf(0, 0, 88),
    look(-10, 0, -20),
    tail(10, -10),
  );
  return keyframes([
    [0, STANDING],
    [0.4, buckle],
    [0.9, down],
    [2.0, down],
  ]);
}

export const QUADRUPED_CLIPS: Record<string, () => PresetClip> = {
  walk,
  run: gallop,
  idle,
  jump,
  turn,
  hurt,
  fall,
};
