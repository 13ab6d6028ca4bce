// Biped presets that show a feeling or a reaction: fear, anger, sorrow, laughter, frustration, defeat, and
// reactions to being hit. Trembling and sobbing are fast small oscillations layered on a held pose.
import {
  arms,
  body,
  crouch,
  HAND_ON_HIP,
  HANDS_ON_FACE,
  HANDS_ON_HEAD,
  head,
  leftArm,
  leftLeg,
  legs,
  rightArm,
  rightLeg,
  spine,
  STAND,
} from './biped-poses.ts';
import { blend, ease, generated, keyframes, layer, pose, wave, type Pose, type PresetClip } from './pose-clip.ts';

/** From standing into a held pose, which then trembles (a fast shiver of spine, head and arms). */
function trembling(held: Pose, seconds: number, amount = 1): PresetClip {
  return generated(seconds, (phase) => {
    const into = ease(phase / 0.15);
    const shiver = amount * into;
    return layer(blend(STAND, held, into), {
      joints: {
        spine1: [0, 1.5 * shiver * wave(phase, 18), 0],
        head: [2 * shiver * wave(phase, 21, 0.2), 0, 0],
        upper_arm_l: [0, 0, 2 * shiver * wave(phase, 17)],
        upper_arm_r: [0, 0, 2 * shiver * wave(phase, 19, 0.4)],
      },
    });
  });
}

/** From standing into a reaction pose quickly, then back slowly. */
function reaction(peak: Pose, recover: Pose = STAND): PresetClip {
  return keyframes([
    [0, STAND],
    [0.15, peak],
    [0.45, pose(peak, {})],
    [1.2, recover],
  ]);
}

function afraid(): PresetClip {
  const shield = pose(
    STAND,
    crouch(0.3),
    arms({ lower: 10, forward: 70, elbow: 120, twist: -40 }),
    head({ nod: 20, turn: 20 }),
    body(5, 0, 0, [0, 0, -0.15]),
  );
  return trembling(shield, 3, 1.2);
}

function angry(variant: 1 | 2 | 3): PresetClip {
  const fists = { lower: 72, forward: 12, elbow: 45, twist: 10, wrist: 10 };
  if (variant === 1) {
    const braced = pose(STAND, arms(fists), body(8), head({ nod: 12 }));
    const lift = pose(braced, rightLeg({ flex: 45, knee: 70 }));
    return keyframes([
      [0, STAND],
      [0.3, braced],
      [0.6, lift],
      [0.75, braced],
      [1.05, lift],
      [1.2, braced],
      [1.5, lift],
      [1.65, braced],
      [2.2, STAND],
    ]);
  }
  if (variant === 2) {
    return generated(2.4, (phase) => {
      const up = Math.min(1, phase / 0.15, (1 - phase) / 0.15);
      return pose(
        STAND,
        leftArm(fists),
        rightArm({
          lower: 72 - 92 * up,
          forward: 12 + 28 * up,
          elbow: 45 + 65 * up,
          swing: 12 * up * wave(phase, 6),
          twist: 10,
        }),
        head({ nod: -8 * up }),
        spine({ bend: -4 * up }),
      );
    });
  }
  const thrown = pose(STAND, arms({ lower: 55, forward: -25, elbow: 15 }), spine({ bend: 12 }), head({ nod: 10 }));
  return generated(2.4, (phase) =>
    layer(
      phase < 0.5
        ? pose(STAND, arms({ lower: 72 - 30 * Math.sin(Math.PI * phase * 2), forward: -25, elbow: 15 }))
        : thrown,
      head({ turn: 25 * wave(phase, 4) }),
    ),
  );
}

function cry(): PresetClip {
  const wipe = pose(
    STAND,
    rightArm({ lower: 35, forward: 65, elbow: 145, twist: -30 }),
    leftArm({ lower: 78, forward: 10, elbow: 25 }),
    head({ nod: 28, tilt: 8 }),
    spine({ bend: 10 }),
  );
  return generated(3, (phase) =>
    layer(wipe, {
      joints: {
        shoulder_l: [0, 0, 3 * wave(phase, 6)],
        shoulder_r: [0, 0, -3 * wave(phase, 6)],
        head: [3 * wave(phase, 6), 4 * wave(phase, 1.5), 0],
      },
    }),
  );
}

function sob(): PresetClip {
  const covered = pose(HANDS_ON_FACE, spine({ bend: 35 }), body(10), legs({ knee: 12 }));
  return generated(3, (phase) =>
    layer(covered, {
      joints: {
        spine2: [5 * Math.max(0, wave(phase, 4)), 0, 0],
        shoulder_l: [0, 0, 6 * wave(phase, 4)],
        shoulder_r: [0, 0, -6 * wave(phase, 4)],
      },
    }),
  );
}

function depressed(): PresetClip {
  return generated(
    5,
    (phase) =>
      pose(
        STAND,
        spine({ bend: 22 }),
        head({ nod: 32 + 4 * wave(phase) }),
        arms({ lower: 82, swing: 12, elbow: 8 }),
        legs({ knee: 8 }),
        body(0, 0, 3 * wave(phase)),
      ),
    { loop: true },
  );
}

function defeat(variant: 2 | 3): PresetClip {
  if (variant === 2) {
    const kneel = pose(
      STAND,
      legs({ flex: 0, knee: 95, ankle: 40 }),
      spine({ bend: 25 }),
      head({ nod: 35 }),
      arms({ lower: 85, swing: 10, elbow: 10 }),
    );
    return keyframes([
      [0, STAND],
      [0.5, pose(STAND, crouch(0.4), head({ nod: 25 }))],
      [1.1, kneel],
      [2.6, pose(kneel, spine({ bend: 35 }))],
    ]);
  }
  const slump = pose(
    STAND,
    spine({ bend: 28 }),
    head({ nod: 35 }),
    legs({ knee: 25, flex: 10, ankle: -10 }),
    arms({ lower: 85, swing: 15 }),
  );
  return keyframes([
    [0, STAND],
    [0.8, slump],
    [1.4, pose(slump, body(0, 0, 0, [0, 0, -0.15]), rightLeg({ flex: -15, knee: 20 }))],
    [2.4, pose(slump, body(0, 0, 0, [0, 0, -0.25]))],
  ]);
}

function frightened(): PresetClip {
  const startle = pose(
    STAND,
    arms({ lower: -5, forward: 45, elbow: 100, twist: -60 }),
    spine({ bend: -15 }),
    head({ nod: -10 }),
    body(-5, 0, 0, [0, 0.12, -0.25]),
  );
  const hold = pose(startle, body(-5, 0, 0, [0, 0, -0.35]), legs({ knee: 15 }));
  return keyframes([
    [0, STAND],
    [0.2, startle],
    [0.5, hold],
    [1.4, pose(hold, head({ turn: 20 }))],
    [2.4, STAND],
  ]);
}

function frustrated(variant: 1 | 2): PresetClip {
  if (variant === 1)
    return generated(3, (phase) =>
      pose(
        HANDS_ON_HEAD,
        head({ turn: 20 * wave(phase, 3), nod: -10 }),
        body(0, 15 * wave(phase)),
        spine({ bend: -5 }),
      ),
    );
  const up = pose(STAND, arms({ lower: 20, forward: 20, elbow: 60 }));
  const down = pose(
    STAND,
    arms({ lower: 70, forward: -20, elbow: 5 }),
    spine({ bend: 12 }),
    rightLeg({ flex: 35, knee: 20, ankle: 20 }),
  );
  return keyframes([
    [0, STAND],
    [0.4, up],
    [0.65, down],
    [1.0, up],
    [1.25, down],
    [2.0, STAND],
  ]);
}

function laugh(variant: 1 | 2): PresetClip {
  if (variant === 1) {
    const belly = pose(
      STAND,
      arms({ lower: 70, forward: 30, elbow: 100, twist: 40 }),
      head({ nod: -20 }),
      spine({ bend: -8 }),
    );
    return generated(2.5, (phase) =>
      layer(belly, {
        joints: {
          spine: [4 * wave(phase, 7), 0, 0],
          spine2: [4 * wave(phase, 7), 0, 0],
          head: [-5 * wave(phase, 7), 0, 0],
        },
      }),
    );
  }
  return generated(2.5, (phase) =>
    pose(
      STAND,
      spine({ bend: 30 + 10 * wave(phase, 5) }),
      rightArm({ lower: 80, swing: 35, elbow: 20 + 25 * Math.max(0, wave(phase, 2.5)) }),
      leftArm({ lower: 70, forward: 30, elbow: 100, twist: 40 }),
      legs({ knee: 10 }),
      head({ nod: -15 }),
    ),
  );
}

function scared(variant: 1 | 2): PresetClip {
  if (variant === 1)
    return trembling(pose(HANDS_ON_HEAD, crouch(0.65), head({ nod: 35 }), spine({ bend: 20 })), 3, 1.5);
  const defend = pose(
    STAND,
    arms({ lower: 15, forward: 60, elbow: 70, twist: -70 }),
    head({ turn: 35, nod: 10 }),
    spine({ bend: -5 }),
  );
  return keyframes([
    [0, STAND],
    [0.5, defend],
    [1.3, pose(defend, body(0, 0, 0, [0, 0, -0.2]), leftLeg({ flex: -15, knee: 20 }))],
    [2.1, pose(defend, body(0, 0, 0, [0, 0, -0.4]), rightLeg({ flex: -15, knee: 20 }))],
    [2.8, pose(defend, body(0, 0, 0, [0, 0, -0.5]))],
  ]);
}

function hurt(): PresetClip {
  const clutch = pose(
    STAND,
    leftArm({ lower: 70, forward: 15, elbow: 110, twist: 50 }),
    spine({ side: 12, bend: 12 }),
    head({ nod: 15, tilt: 8 }),
    leftLeg({ knee: 20 }),
  );
  return generated(
    2.4,
    (phase) =>
      pose(
        clutch,
        rightLeg({ flex: 15 * Math.max(0, wave(phase)), knee: 25 * Math.max(0, wave(phase)) }),
        body(5, 0, -4 * wave(phase), [0, 0, 0.25 * phase]),
      ),
    { loop: false },
  );
}

function hitToBody(variant: 1 | 2): PresetClip {
  if (variant === 1)
    return reaction(
      pose(
        STAND,
        spine({ bend: 28 }),
        arms({ lower: 40, forward: 50, elbow: 40 }),
        head({ nod: 15 }),
        body(0, 0, 0, [0, 0, -0.18]),
      ),
    );
  return reaction(
    pose(
      STAND,
      spine({ twist: -30, side: -10 }),
      arms({ lower: 30, forward: -20, elbow: 30 }, { lower: 60, forward: 40, elbow: 50 }),
      head({ turn: -20 }),
      body(0, -10, 0, [0, 0, -0.1]),
    ),
  );
}

export const BIPED_EMOTION_CLIPS: Record<string, () => PresetClip> = {
  afraid,
  angry_01: () => angry(1),
  angry_02: () => angry(2),
  angry_03: () => angry(3),
  cry,
  sob,
  depressed,
  defeat_02: () => defeat(2),
  defeat_03: () => defeat(3),
  frightened,
  frustrated_01: () => frustrated(1),
  frustrated_02: () => frustrated(2),
  laugh_01: () => laugh(1),
  laugh_02: () => laugh(2),
  scared_01: () => scared(1),
  scared_02: () => scared(2),
  hurt,
  hit_to_body_01: () => hitToBody(1),
  hit_to_body_02: () => hitToBody(2),
  hit_to_head: () =>
    reaction(
      pose(
        STAND,
        head({ nod: -35 }),
        spine({ bend: -15 }),
        arms({ lower: 50, forward: 30, elbow: 30 }),
        body(-5, 0, 0, [0, 0, -0.2]),
      ),
    ),
  hit_to_side: () =>
    reaction(
      pose(
        STAND,
        spine({ side: -25 }),
        head({ tilt: -15 }),
        arms({ lower: 40, elbow: 20 }, { lower: 80, elbow: 30 }),
        body(0, 0, -5, [-0.15, 0, 0]),
      ),
    ),
  hit_to_stomach: () =>
    keyframes([
      [0, STAND],
      [
        0.15,
        pose(
          STAND,
          spine({ bend: 50 }),
          arms({ lower: 70, forward: 45, elbow: 95, twist: 20 }),
          legs({ knee: 25, flex: 15 }),
          head({ nod: 20 }),
          body(10, 0, 0, [0, 0, -0.15]),
        ),
      ],
      [
        1.0,
        pose(
          STAND,
          spine({ bend: 40 }),
          arms({ lower: 70, forward: 45, elbow: 95, twist: 20 }),
          legs({ knee: 20, flex: 10 }),
          body(8, 0, 0, [0, 0, -0.2]),
        ),
      ],
      [2.0, STAND],
    ]),
  complain_01: () =>
    generated(2.6, (phase) =>
      pose(
        STAND,
        arms({ lower: 62, forward: 30, elbow: 85, twist: -70 }),
        {
          joints: {
            shoulder_l: [0, 0, 10 * Math.max(0, wave(phase, 2))],
            shoulder_r: [0, 0, -10 * Math.max(0, wave(phase, 2))],
          },
        },
        head({ turn: 15 * wave(phase, 3), tilt: 8 }),
      ),
    ),
  complain_02: () =>
    generated(2.6, (phase) =>
      pose(
        STAND,
        leftArm(HAND_ON_HIP),
        rightArm({
          lower: 30 + 20 * Math.max(0, wave(phase, 3)),
          forward: 70,
          elbow: 40 + 30 * Math.max(0, wave(phase, 3)),
          twist: -30,
        }),
        head({ tilt: 10 * wave(phase, 2), nod: -5 }),
        body(0, 10),
      ),
    ),
};
