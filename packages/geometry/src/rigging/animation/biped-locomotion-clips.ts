// Biped presets that move the whole body: gaits from a parametric gait generator (walk, run, swagger, flee,
// stairs), climbing and swimming cycles, jumps, flips, falls, turns and floor exercises.
//
// The gait generator drives each leg from its phase φ (the right leg half a cycle behind the left): the thigh
// swings as A·sin 2πφ, the knee bends most in mid-swing (when the thigh moves forward) and little in stance, the
// ankle keeps the foot roughly flat; arms swing against the legs, the pelvis turns with the forward leg and the
// chest against it. The rig's grounding (bake-preset-animation.ts) keeps the stance foot on the floor, so hip
// height follows from the leg angles; runs add a flight lift twice a cycle.
import {
  arms,
  body,
  crouch,
  flatFoot,
  head,
  HANDS_ON_HEAD,
  legs,
  leftArm,
  leftLeg,
  rightArm,
  rightLeg,
  spine,
  STAND,
  type LegPose,
} from './biped-poses.ts';
import { generated, keyframes, layer, pose, wave, type Pose, type PresetClip } from './pose-clip.ts';

interface GaitOptions {
  cycleSeconds: number;
  hip: number;
  /** hip flexion added to both legs (high knees) */
  hipOffset?: number;
  knee: number;
  kneeStance: number;
  armSwing: number;
  armLower?: number;
  elbow: number;
  lean: number;
  /** root travel per cycle, hip heights */
  stride: number;
  /** flight height twice a cycle, hip heights */
  lift?: number;
  /** upward travel per cycle (stairs), hip heights; makes the clip ungrounded */
  rise?: number;
  extra?: (phase: number) => Partial<Pose>;
}

function gaitPose(options: GaitOptions, phase: number): Pose {
  const leg = (legPhase: number): LegPose => {
    const s = Math.sin(2 * Math.PI * legPhase),
      c = Math.cos(2 * Math.PI * legPhase);
    const flex = options.hip * s + (options.hipOffset ?? 0) * Math.max(0, c);
    const knee = options.kneeStance + options.knee * Math.max(0, c) ** 1.5;
    return { flex, knee, ankle: 0.7 * flatFoot(flex, knee) };
  };
  const swing = options.armSwing * wave(phase);
  const armLower = options.armLower ?? 78;
  const lift = options.lift ? options.lift * Math.max(0, Math.cos(4 * Math.PI * (phase - 0.25))) ** 2 : 0;
  const rise = options.rise ?? 0;
  let result = pose(
    STAND,
    leftLeg(leg(phase)),
    rightLeg(leg(phase + 0.5)),
    leftArm({ lower: armLower, swing: -swing, elbow: options.elbow + 0.3 * Math.max(0, -swing), twist: 8 }),
    rightArm({ lower: armLower, swing, elbow: options.elbow + 0.3 * Math.max(0, swing), twist: 8 }),
    body(options.lean, -6 * wave(phase), 0, [0, rise ? rise * phase + lift : lift, options.stride * phase]),
    spine({ twist: 10 * wave(phase), bend: options.lean * 0.3 }),
    head({ nod: -options.lean * 0.6 }),
  );
  if (options.extra) result = layer(result, options.extra(phase));
  return result;
}

function gait(options: GaitOptions): PresetClip {
  return generated(options.cycleSeconds, (phase) => gaitPose(options, phase), { grounded: options.rise === undefined });
}

const WALK: GaitOptions = {
  cycleSeconds: 1.1,
  hip: 24,
  knee: 50,
  kneeStance: 6,
  armSwing: 20,
  elbow: 14,
  lean: 3,
  stride: 1.4,
};
const RUN: GaitOptions = {
  cycleSeconds: 0.72,
  hip: 40,
  knee: 90,
  kneeStance: 22,
  armSwing: 38,
  armLower: 70,
  elbow: 85,
  lean: 12,
  stride: 2.6,
  lift: 0.08,
};

function climb(): PresetClip {
  return generated(
    1.6,
    (phase) => {
      const s = wave(phase);
      const reach = (side: number) => ({ lower: -35 - 25 * side, forward: 70, elbow: 40 + 30 * -side, twist: -20 });
      const step = (side: number): LegPose => ({ flex: 45 + 35 * side, knee: 60 + 40 * side, ankle: -10 });
      return pose(
        STAND,
        leftArm(reach(s)),
        rightArm(reach(-s)),
        leftLeg(step(-s)),
        rightLeg(step(s)),
        body(0, 0, 0, [0, 0.4 * phase + 0.05, 0.05]),
        head({ nod: -20 }),
      );
    },
    { grounded: false },
  );
}

function swim(): PresetClip {
  return generated(
    1.4,
    (phase) => {
      const kick = (offset: number): LegPose => ({
        flex: 12 * wave(phase, 4, offset),
        knee: 12 + 10 * Math.max(0, wave(phase, 4, offset + 0.25)),
      });
      return pose(
        STAND,
        leftArm({ lower: 90, swing: -360 * phase - 90, elbow: 20, twist: 10 }),
        rightArm({ lower: 90, swing: -360 * phase + 90, elbow: 20, twist: 10 }),
        leftLeg(kick(0)),
        rightLeg(kick(0.5)),
        body(82, 0, 12 * wave(phase), [0, 0.5, 1.2 * phase]),
        head({ nod: -35, turn: 40 * Math.max(0, wave(phase, 1, 0.1)) }),
      );
    },
    { grounded: false },
  );
}

function jump(): PresetClip {
  const ready = pose(STAND, crouch(0.45), arms({ lower: 70, swing: -45, elbow: 20 }));
  const takeoff = pose(
    STAND,
    legs({ ankle: 30 }),
    arms({ lower: -50, swing: 40, elbow: 10 }),
    body(0, 0, 0, [0, 0.1, 0]),
  );
  const apex = pose(
    STAND,
    legs({ flex: 25, knee: 45, ankle: 10 }),
    arms({ lower: -30, swing: 20, elbow: 15 }),
    body(0, 0, 0, [0, 0.45, 0]),
  );
  const land = pose(STAND, crouch(0.5), arms({ lower: 45, swing: 30, elbow: 30 }));
  return keyframes([
    [0, STAND],
    [0.4, ready],
    [0.58, takeoff],
    [0.82, apex],
    [1.06, land],
    [1.3, land],
    [1.8, STAND],
  ]);
}

function jumpDown(): PresetClip {
  const lean = pose(STAND, crouch(0.25), arms({ lower: 60, swing: -30, elbow: 20 }), body(10));
  const air = pose(
    STAND,
    legs({ flex: 20, knee: 35 }),
    arms({ lower: 20, swing: 30, elbow: 20 }),
    body(5, 0, 0, [0, 0.25, 0.45]),
  );
  const land = pose(STAND, crouch(0.75), arms({ lower: 25, forward: 35, elbow: 35 }), body(25, 0, 0, [0, 0, 0.8]));
  const up = pose(STAND, body(0, 0, 0, [0, 0, 0.8]));
  return keyframes([
    [0, STAND],
    [0.35, lean],
    [0.65, air],
    [0.9, land],
    [1.3, land],
    [1.9, up],
  ]);
}

function dive(): PresetClip {
  const ready = pose(STAND, crouch(0.4), arms({ lower: 60, swing: -50 }), body(15));
  const reach = pose(
    STAND,
    arms({ lower: -75, swing: 80, elbow: 0 }),
    legs({ ankle: 40 }),
    body(55, 0, 0, [0, 0.25, 0.7]),
  );
  const flat = pose(STAND, arms({ lower: -85, swing: 85 }), legs({ ankle: 45 }), body(88, 0, 0, [0, 0.12, 1.5]));
  const down = pose(flat, body(92, 0, 0, [0, 0, 1.9]));
  return keyframes([
    [0, STAND],
    [0.4, ready],
    [0.7, reach],
    [1.05, flat],
    [1.4, down],
    [2.0, down],
  ]);
}

function flip(): PresetClip {
  const ready = pose(STAND, crouch(0.5), arms({ lower: 60, swing: -50, elbow: 20 }));
  const tuck = (pitch: number, lift: number) =>
    pose(
      STAND,
      legs({ flex: 100, knee: 120, ankle: 20 }),
      arms({ lower: 60, forward: 50, elbow: 80 }),
      body(pitch, 0, 0, [0, lift, -0.15]),
    );
  // Pitch keeps counting down to −360 (one full turn), so the interpolation never spins back.
  const land = pose(STAND, crouch(0.55), arms({ lower: 20, forward: 30 }), body(-350, 0, 0, [0, 0, -0.3]));
  return keyframes([
    [0, STAND],
    [0.35, ready],
    [0.5, pose(STAND, arms({ lower: -70, swing: 30 }), body(-20, 0, 0, [0, 0.3, 0]))],
    [0.62, tuck(-120, 0.9)],
    [0.75, tuck(-240, 0.85)],
    [0.88, pose(STAND, legs({ flex: 30, knee: 40 }), body(-345, 0, 0, [0, 0.35, -0.25]))],
    [1.0, land],
    [1.6, pose(STAND, body(-360, 0, 0, [0, 0, -0.3]))],
  ]);
}

function jumpRope(alternate: boolean): PresetClip {
  return generated(alternate ? 0.5 : 0.6, (phase) => {
    const hop = alternate ? 0 : 0.07 * Math.max(0, wave(phase, 1, 0));
    const foot = (offset: number): LegPose =>
      alternate
        ? { flex: 25 * Math.max(0, wave(phase, 1, offset)), knee: 45 * Math.max(0, wave(phase, 1, offset)) }
        : { knee: 10 * (1 - Math.max(0, wave(phase))), ankle: 20 * Math.max(0, wave(phase)) };
    const circle = 25 * wave(phase),
      side = 25 * wave(phase, 1, 0.25);
    return pose(
      STAND,
      leftLeg(foot(0)),
      rightLeg(foot(0.5)),
      arms({ lower: 65, forward: 10, elbow: 60, wrist: circle, wristSide: side, twist: -10 }),
      body(2, 0, 0, [0, alternate ? 0.04 * Math.abs(wave(phase, 2)) : hop, 0]),
    );
  });
}

function turn(): PresetClip {
  const keys: Array<[number, Pose]> = [];
  for (let step = 0; step <= 4; step++) {
    const yaw = 22.5 * step;
    const lifting = step % 2 === 1 ? leftLeg({ flex: 20, knee: 35, ankle: 0 }) : rightLeg({ flex: 18, knee: 30 });
    keys.push([
      step * 0.3,
      pose(STAND, step > 0 && step < 4 ? lifting : {}, body(0, yaw), head({ turn: step < 4 ? 12 : 0 })),
    ]);
  }
  return keyframes(keys);
}

function fall(): PresetClip {
  const stumble = pose(
    STAND,
    arms({ lower: -20, swing: 40, elbow: 40 }),
    rightLeg({ flex: -20, knee: 20 }),
    body(-15, 0, 0, [0, 0, -0.15]),
    head({ nod: 15 }),
  );
  const falling = pose(
    STAND,
    arms({ lower: 10, swing: 60, elbow: 30 }),
    legs({ flex: 50, knee: 40 }),
    body(-55, 0, 0, [0, 0, -0.5]),
    head({ nod: 35 }),
  );
  const down = pose(
    STAND,
    arms({ lower: 40, forward: -20, elbow: 10 }),
    legs({ flex: 35, knee: 50, ankle: 10 }),
    body(-88, 0, 0, [0, 0, -0.9]),
    head({ nod: 10 }),
  );
  return keyframes([
    [0, STAND],
    [0.3, stumble],
    [0.65, falling],
    [1.0, down],
    [2.0, pose(down, head({ nod: 0, turn: 15 }))],
  ]);
}

function sit(): PresetClip {
  const seated = pose(
    STAND,
    legs({ flex: 88, knee: 88, ankle: 0 }),
    arms({ lower: 82, forward: 30, elbow: 45, twist: 20 }),
    spine({ bend: 8 }),
  );
  return keyframes([
    [0, STAND],
    [0.5, pose(STAND, crouch(0.35), arms({ lower: 50, swing: 40 }))],
    [1.2, seated],
    [2.4, pose(seated, head({ turn: 15 }))],
    [3.2, seated],
  ]);
}

function pressUp(): PresetClip {
  return generated(1.4, (phase) => {
    const bend = 0.5 - 0.5 * Math.cos(2 * Math.PI * phase);
    return pose(
      STAND,
      arms({ lower: 20, forward: 90, elbow: 90 * bend, twist: -90 }),
      legs({ ankle: -40 }),
      body(68 + 12 * bend),
      head({ nod: -40 }),
    );
  });
}

function crossBodyCrunch(): PresetClip {
  const side = (sign: 1 | -1) => {
    const knee =
      sign > 0
        ? leftLeg({ flex: 85, knee: 95, ankle: 0, turn: 10 })
        : rightLeg({ flex: 85, knee: 95, ankle: 0, turn: 10 });
    return pose(HANDS_ON_HEAD, knee, spine({ bend: 30, twist: 35 * sign, side: 15 * sign }), head({ nod: 15 }));
  };
  return keyframes(
    [
      [0, HANDS_ON_HEAD],
      [0.5, side(1)],
      [1.0, HANDS_ON_HEAD],
      [1.5, side(-1)],
      [2.0, HANDS_ON_HEAD],
    ],
    { loop: true },
  );
}

function warmUp(): PresetClip {
  return generated(
    4,
    (phase) => {
      if (phase < 0.5) {
        const circle = 720 * (phase / 0.5);
        return pose(STAND, arms({ lower: 0, swing: -circle, elbow: 5 }), legs({ spread: 8 }));
      }
      const sidePhase = (phase - 0.5) / 0.5;
      const lean = 25 * wave(sidePhase);
      const overhead = (sign: number) => ({ lower: -70 + 40 * Math.max(0, -sign * wave(sidePhase)), elbow: 20 });
      return pose(STAND, leftArm(overhead(1)), rightArm(overhead(-1)), spine({ side: lean }), legs({ spread: 8 }));
    },
    { loop: true },
  );
}

export const BIPED_LOCOMOTION_CLIPS: Record<string, () => PresetClip> = {
  walk: () => gait(WALK),
  run: () => gait(RUN),
  swagger: () =>
    gait({
      ...WALK,
      cycleSeconds: 1.3,
      hip: 20,
      armSwing: 26,
      elbow: 22,
      lean: -3,
      stride: 1.15,
      extra: (phase) =>
        pose(
          spine({ side: 6 * wave(phase), twist: 8 * wave(phase) }),
          head({ tilt: 6 * wave(phase, 1, 0.25), nod: -5 }),
        ),
    }),
  flee_01: () =>
    gait({
      ...RUN,
      cycleSeconds: 0.66,
      armSwing: 45,
      extra: (phase) => head({ turn: 55 + 10 * wave(phase), nod: -10 }),
    }),
  flee_02: () =>
    gait({
      ...RUN,
      cycleSeconds: 0.6,
      lean: 18,
      armSwing: 10,
      extra: (phase) =>
        pose(
          arms({ lower: -110, elbow: 60 + 30 * wave(phase, 2), forward: 20 }),
          head({ nod: -20, turn: 10 * wave(phase, 2) }),
        ),
    }),
  run_upstairs: () =>
    gait({ ...RUN, cycleSeconds: 0.8, hip: 30, hipOffset: 35, lean: 20, stride: 1.6, lift: 0.04, rise: 0.55 }),
  climb,
  swim,
  jump,
  jump_down: jumpDown,
  dive,
  flip,
  jump_rope_01: () => jumpRope(false),
  jump_rope_02: () => jumpRope(true),
  turn,
  fall,
  sit,
  'press-up': pressUp,
  cross_body_crunch: crossBodyCrunch,
  warm_up: warmUp,
};
