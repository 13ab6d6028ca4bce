// Biped presets for fighting, sports and work: punches, kicks, slashes, shooting, spell casting, ball games,
// golf, surfing, digging and lifting — key poses for the wind-up, the strike and the follow-through.
import {
  arms,
  body,
  crouch,
  GUARD,
  HANDS_IN_FRONT,
  head,
  leftArm,
  leftLeg,
  legs,
  rightArm,
  rightLeg,
  spine,
  STAND,
  type ArmPose,
} from './biped-poses.ts';
import { generated, keyframes, pose, wave, type PresetClip } from './pose-clip.ts';

const JAB: ArmPose = { lower: 8, forward: 85, elbow: 5, twist: -60 };

function box(variant: 1 | 2 | 3): PresetClip {
  if (variant === 1) {
    const jab = pose(GUARD, leftArm(JAB), spine({ twist: -12 }), body(0, 0, 0, [0, 0, 0.06]));
    return keyframes(
      [
        [0, GUARD],
        [0.25, jab],
        [0.5, GUARD],
        [0.75, jab],
        [1.0, GUARD],
        [1.4, GUARD],
      ],
      { loop: true },
    );
  }
  if (variant === 2) {
    const load = pose(GUARD, spine({ twist: -15 }), body(0, -10));
    const cross = pose(
      GUARD,
      rightArm(JAB),
      spine({ twist: 35 }),
      body(0, 15, 0, [0, 0, 0.08]),
      rightLeg({ turn: 20, ankle: 15 }),
    );
    return keyframes(
      [
        [0, GUARD],
        [0.35, load],
        [0.55, cross],
        [0.9, GUARD],
        [1.3, GUARD],
      ],
      { loop: true },
    );
  }
  const dip = pose(
    GUARD,
    crouch(0.4),
    rightArm({ lower: 80, forward: 40, elbow: 95, twist: -20 }),
    spine({ twist: -15 }),
  );
  const uppercut = pose(
    GUARD,
    rightArm({ lower: -10, forward: 80, elbow: 85, twist: 20 }),
    spine({ twist: 25, bend: -5 }),
    body(0, 0, 0, [0, 0.03, 0]),
  );
  const hook = pose(GUARD, leftArm({ lower: 5, forward: 60, elbow: 95, twist: -80 }), spine({ twist: -35 }));
  return keyframes(
    [
      [0, GUARD],
      [0.35, dip],
      [0.55, uppercut],
      [0.85, GUARD],
      [1.1, hook],
      [1.4, GUARD],
    ],
    { loop: true },
  );
}

function slash(): PresetClip {
  const raised = pose(
    STAND,
    rightArm({ lower: -70, forward: -15, elbow: 30, twist: 20 }),
    leftArm({ lower: 45, forward: 40, elbow: 60 }),
    spine({ twist: -25, bend: -5 }),
    rightLeg({ flex: -10 }),
  );
  const cut = pose(
    STAND,
    rightArm({ lower: 55, forward: 110, elbow: 10, twist: -30 }),
    leftArm({ lower: 70, forward: -10, elbow: 30 }),
    spine({ twist: 40, bend: 18 }),
    leftLeg({ flex: 35, knee: 40, ankle: -5 }),
    body(10, 0, 0, [0, 0, 0.25]),
  );
  return keyframes([
    [0, STAND],
    [0.45, raised],
    [0.7, cut],
    [1.1, cut],
    [1.6, STAND],
  ]);
}

function chop(): PresetClip {
  const up = pose(
    STAND,
    arms({ lower: -80, forward: 20, swing: 15, elbow: 30 }),
    spine({ bend: -10 }),
    head({ nod: -10 }),
  );
  const down = pose(
    STAND,
    arms({ lower: 40, forward: 70, elbow: 10, twist: -20 }),
    spine({ bend: 30 }),
    crouch(0.2),
    head({ nod: 20 }),
  );
  return keyframes([
    [0, STAND],
    [0.5, up],
    [0.75, down],
    [1.1, down],
    [1.6, up],
    [1.85, down],
    [2.5, STAND],
  ]);
}

function shoot(): PresetClip {
  const aim = pose(
    STAND,
    rightArm({ lower: 0, forward: 88, elbow: 0, twist: -80 }),
    leftArm({ lower: 8, forward: 75, elbow: 35, twist: -60 }),
    spine({ twist: -10 }),
    head({ turn: -8 }),
  );
  const recoil = pose(
    aim,
    rightArm({ lower: -12, forward: 88, elbow: 15, twist: -80 }),
    spine({ bend: -4, twist: -10 }),
  );
  return keyframes([
    [0, STAND],
    [0.4, aim],
    [0.7, aim],
    [0.78, recoil],
    [0.95, aim],
    [1.2, aim],
    [1.28, recoil],
    [1.45, aim],
    [2.0, STAND],
  ]);
}

function fire(): PresetClip {
  const rifle = pose(
    STAND,
    crouch(0.15),
    rightArm({ lower: 50, forward: 65, elbow: 110, twist: -10 }),
    leftArm({ lower: 25, forward: 70, elbow: 30, twist: -40 }),
    spine({ twist: -20 }),
    head({ nod: 8, turn: -10 }),
    legs({ turn: 10 }),
  );
  return generated(2.4, (phase) => {
    const kick = phase > 0.2 && phase < 0.8 ? Math.max(0, wave(phase, 12)) : 0;
    return pose(
      rifle,
      spine({ twist: -20, bend: -4 * kick }),
      rightArm({ lower: 50 - 8 * kick, forward: 65, elbow: 110 + 6 * kick, twist: -10 }),
      body(0, 0, 0, [0, 0, -0.015 * kick]),
    );
  });
}

function castASpell(): PresetClip {
  const gather = pose(
    STAND,
    arms({ lower: 70, forward: 40, elbow: 100, twist: -30 }),
    spine({ bend: 10 }),
    crouch(0.15),
  );
  const push = pose(
    STAND,
    arms({ lower: 5, forward: 80, elbow: 15, wrist: -40 }),
    spine({ bend: 12 }),
    leftLeg({ flex: 25, knee: 25 }),
    body(8, 0, 0, [0, 0, 0.15]),
  );
  const open = pose(STAND, arms({ lower: -40, forward: 30, elbow: 20 }), head({ nod: -20 }), spine({ bend: -8 }));
  return keyframes([
    [0, STAND],
    [0.6, gather],
    [1.0, push],
    [1.6, push],
    [2.1, open],
    [2.9, STAND],
  ]);
}

function basketballShot(): PresetClip {
  const set = pose(STAND, crouch(0.4), arms({ lower: 65, forward: 50, elbow: 110, twist: -20 }), head({ nod: -10 }));
  const release = pose(
    STAND,
    arms({ lower: -70, forward: 35, elbow: 15, wrist: 40 }),
    legs({ ankle: 30 }),
    body(0, 0, 0, [0, 0.25, 0]),
    head({ nod: -25 }),
  );
  return keyframes([
    [0, STAND],
    [0.45, set],
    [0.75, release],
    [0.95, pose(release, body(0, 0, 0, [0, 0.2, 0]))],
    [1.25, pose(STAND, crouch(0.3))],
    [1.8, STAND],
  ]);
}

function dribble(): PresetClip {
  return generated(1.6, (phase) =>
    pose(
      STAND,
      crouch(0.25),
      rightArm({ lower: 62, forward: 25, elbow: 40 + 30 * wave(phase, 4), wrist: 20 * wave(phase, 4), twist: -20 }),
      leftArm({ lower: 60, forward: 40, elbow: 60 }),
      head({ nod: 10 }),
    ),
  );
}

function crossoverDribble(): PresetClip {
  return generated(2, (phase) => {
    const side = wave(phase);
    const dribbling = (strength: number): ArmPose => ({
      lower: 65,
      forward: 30 + 35 * (1 - strength),
      elbow: 40 + 25 * strength * wave(phase, 4),
      twist: -20,
    });
    return pose(
      STAND,
      crouch(0.4),
      rightArm(dribbling(Math.max(0, side))),
      leftArm(dribbling(Math.max(0, -side))),
      body(18 * 0.4, 0, 8 * side, [0.1 * side, 0, 0]),
      head({ nod: 5 }),
    );
  });
}

function footballCatch(): PresetClip {
  const reach = pose(
    STAND,
    arms({ lower: -75, forward: 25, elbow: 15 }),
    legs({ ankle: 25 }),
    body(0, 0, 0, [0, 0.15, 0]),
    head({ nod: -30 }),
  );
  const secure = pose(
    HANDS_IN_FRONT,
    arms({ lower: 70, forward: 50, elbow: 120, twist: -30 }),
    spine({ bend: 15 }),
    crouch(0.2),
  );
  return keyframes([
    [0, STAND],
    [0.4, reach],
    [0.7, pose(reach, body(0, 0, 0, [0, 0.05, 0]))],
    [1.0, secure],
    [1.8, secure],
    [2.3, STAND],
  ]);
}

function footballSave(): PresetClip {
  const ready = pose(STAND, crouch(0.35), arms({ lower: 45, forward: 40, elbow: 40 }));
  const dive = pose(
    STAND,
    arms({ lower: -80, forward: 20, elbow: 5 }),
    legs({ spread: 10, flex: 20, knee: 20 }),
    body(5, 0, 55, [0.6, 0.3, 0]),
  );
  const down = pose(
    STAND,
    arms({ lower: -80, forward: 30, elbow: 15 }),
    legs({ flex: 30, knee: 40 }),
    body(5, 0, 85, [1.0, 0, 0]),
  );
  return keyframes([
    [0, STAND],
    [0.4, ready],
    [0.7, dive],
    [1.0, down],
    [2.0, down],
  ]);
}

function footballPass(): PresetClip {
  const back = pose(
    STAND,
    rightLeg({ flex: -35, knee: 70 }),
    arms({ lower: 35, elbow: 20 }),
    spine({ twist: 15 }),
    head({ nod: 15 }),
  );
  const kick = pose(
    STAND,
    rightLeg({ flex: 55, knee: 10, ankle: 20 }),
    leftLeg({ knee: 15 }),
    arms({ lower: 30, elbow: 20 }, { lower: 40, forward: -20 }),
    spine({ twist: -15, bend: -5 }),
    head({ nod: 20 }),
  );
  return keyframes([
    [0, STAND],
    [0.45, back],
    [0.65, kick],
    [0.95, pose(kick, rightLeg({ flex: 45, knee: 20 }))],
    [1.5, STAND],
  ]);
}

function frontKick(variant: 1 | 2): PresetClip {
  const leg = variant === 1 ? rightLeg : leftLeg;
  const chamber = pose(GUARD, leg({ flex: 85, knee: 110 }));
  const extend = pose(
    GUARD,
    leg({ flex: variant === 1 ? 95 : 75, knee: 0, ankle: variant === 1 ? -20 : 10 }),
    spine({ bend: -12 }),
    body(-8, 0, 0, [0, variant === 2 ? 0.05 : 0, variant === 2 ? 0.1 : 0]),
  );
  return keyframes([
    [0, GUARD],
    [0.3, chamber],
    [0.45, extend],
    [0.7, chamber],
    [1.0, GUARD],
  ]);
}

function golf(): PresetClip {
  const grip = { lower: 75, forward: 28, elbow: 5, twist: -10 };
  const address = pose(
    STAND,
    arms(grip),
    spine({ bend: 35 }),
    body(10),
    legs({ knee: 15, spread: 6, ankle: -10 }),
    head({ nod: 20 }),
  );
  const backswing = pose(
    address,
    arms({ lower: -10, forward: 20, elbow: 30 }, { lower: 40, forward: 70, elbow: 5 }),
    spine({ bend: 30, twist: -70 }),
    head({ nod: 25, turn: 20 }),
  );
  const follow = pose(
    address,
    arms({ lower: 30, forward: 80, elbow: 5 }, { lower: -20, forward: 20, elbow: 40 }),
    spine({ bend: 5, twist: 80 }),
    head({ nod: 0, turn: -30 }),
    rightLeg({ knee: 25, turn: 30, ankle: 30 }),
  );
  return keyframes([
    [0, STAND],
    [0.5, address],
    [1.0, address],
    [1.8, backswing],
    [2.1, follow],
    [2.9, follow],
    [3.5, STAND],
  ]);
}

function pitchBaseball(): PresetClip {
  const windup = pose(
    STAND,
    arms({ lower: 60, forward: 60, elbow: 100, twist: -20 }),
    leftLeg({ flex: 80, knee: 90 }),
    spine({ twist: -30 }),
  );
  const cock = pose(
    STAND,
    rightArm({ lower: -30, forward: -40, elbow: 90, twist: 60 }),
    leftArm({ lower: 10, forward: 80, elbow: 10 }),
    leftLeg({ flex: 40, knee: 40 }),
    spine({ twist: -40, bend: -5 }),
    body(0, 0, 0, [0, 0, 0.3]),
  );
  const release = pose(
    STAND,
    rightArm({ lower: 30, forward: 100, elbow: 10, twist: -40 }),
    leftArm({ lower: 70, forward: -20, elbow: 60 }),
    leftLeg({ flex: 40, knee: 40 }),
    rightLeg({ flex: -20, knee: 30 }),
    spine({ twist: 35, bend: 35 }),
    body(10, 0, 0, [0, 0, 0.5]),
  );
  return keyframes([
    [0, STAND],
    [0.6, windup],
    [1.0, cock],
    [1.2, release],
    [1.7, release],
    [2.3, pose(STAND, body(0, 0, 0, [0, 0, 0.5]))],
  ]);
}

function volleyball(): PresetClip {
  const platform = { lower: 50, forward: 65, elbow: 0, twist: -40 };
  return generated(1.6, (phase) => {
    const rise = 0.5 + 0.5 * wave(phase, 1, -0.25);
    return pose(
      STAND,
      arms({ ...platform, lower: 50 - 25 * rise }),
      crouch(0.45 - 0.35 * rise),
      head({ nod: -10 * rise }),
    );
  });
}

function surf(): PresetClip {
  return generated(3, (phase) =>
    pose(
      STAND,
      legs({ spread: 22, knee: 35, flex: 20, ankle: -15 }),
      arms(
        { lower: 25 + 10 * wave(phase), forward: 15, elbow: 15 },
        { lower: 25 - 10 * wave(phase), forward: 15, elbow: 15 },
      ),
      body(10, 80, 6 * wave(phase)),
      spine({ side: -6 * wave(phase), bend: 10 }),
      head({ turn: -70 }),
    ),
  );
}

function dig(): PresetClip {
  const kneel = pose(
    STAND,
    rightLeg({ flex: 10, knee: 100, ankle: 30 }),
    leftLeg({ flex: 80, knee: 90 }),
    spine({ bend: 35 }),
    head({ nod: 20 }),
  );
  return generated(2, (phase) =>
    pose(
      kneel,
      arms({ lower: 60, forward: 70 + 25 * wave(phase, 2), elbow: 30 + 30 * wave(phase, 2, 0.25), wrist: 30 }),
    ),
  );
}

function shovel(): PresetClip {
  const scoop = pose(
    STAND,
    rightArm({ lower: 65, forward: 50, elbow: 15 }),
    leftArm({ lower: 70, forward: 60, elbow: 70 }),
    spine({ bend: 40 }),
    crouch(0.3),
    leftLeg({ flex: 30, knee: 40 }),
  );
  const lift = pose(
    STAND,
    rightArm({ lower: 60, forward: 60, elbow: 60 }),
    leftArm({ lower: 50, forward: 70, elbow: 80 }),
    spine({ bend: 15 }),
    crouch(0.1),
  );
  const toss = pose(lift, spine({ bend: 10, twist: 45 }), rightArm({ lower: 30, forward: 80, elbow: 30 }));
  return keyframes([
    [0, STAND],
    [0.5, scoop],
    [1.0, lift],
    [1.4, toss],
    [1.9, scoop],
    [2.4, lift],
    [2.8, toss],
    [3.4, STAND],
  ]);
}

function liftHeavy(): PresetClip {
  const grab = pose(
    STAND,
    crouch(0.8),
    spine({ bend: 20 }),
    arms({ lower: 82, forward: 20, swing: 25, elbow: 5 }),
    head({ nod: -10 }),
  );
  const strain = pose(
    STAND,
    crouch(0.45),
    spine({ bend: 10 }),
    arms({ lower: 85, forward: 15, swing: 20, elbow: 25 }),
    head({ nod: -15 }),
  );
  const upright = pose(STAND, arms({ lower: 84, forward: 10, swing: 20, elbow: 30 }), spine({ bend: -5 }));
  return keyframes([
    [0, STAND],
    [0.8, grab],
    [1.2, grab],
    [2.0, strain],
    [2.6, upright],
    [3.6, upright],
    [4.2, grab],
    [4.8, STAND],
  ]);
}

export const BIPED_ACTION_CLIPS: Record<string, () => PresetClip> = {
  box_01: () => box(1),
  box_02: () => box(2),
  box_03: () => box(3),
  slash,
  chop,
  shoot,
  fire,
  cast_a_spell: castASpell,
  basketball_shot: basketballShot,
  dribble,
  crossover_dribble: crossoverDribble,
  football_catch: footballCatch,
  football_save: footballSave,
  football_pass: footballPass,
  front_kick_01: () => frontKick(1),
  front_kick_02: () => frontKick(2),
  golf,
  pitch_baseball: pitchBaseball,
  volleyball,
  surf,
  dig,
  shovel,
  lift_heavy: liftHeavy,
};
