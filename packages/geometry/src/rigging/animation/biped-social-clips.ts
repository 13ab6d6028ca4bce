// Biped presets for standing, greeting, gesturing, singing and dancing: key poses eased into one another and
// periodic motions (waves, bounces, sways) written as functions of the clip's phase.
import {
  ARMS_FOLDED,
  ARMS_UP,
  ARMS_WIDE,
  arms,
  body,
  crouch,
  HAND_ON_HIP,
  HANDS_IN_FRONT,
  head,
  leftArm,
  leftLeg,
  legs,
  rightArm,
  rightLeg,
  spine,
  STAND,
} from './biped-poses.ts';
import { generated, keyframes, pose, sequence, wave, type Pose, type PresetClip } from './pose-clip.ts';

function idle(): PresetClip {
  return generated(4, (phase) =>
    pose(
      STAND,
      spine({ bend: 2 * wave(phase, 2) }),
      arms({ lower: 76 + 2 * wave(phase, 2), forward: 4, elbow: 10 + 3 * wave(phase, 2), twist: 8 }),
      head({ turn: 6 * wave(phase), nod: 2 * wave(phase, 2) }),
    ),
  );
}

function standingRelax(): PresetClip {
  return generated(5, (phase) =>
    pose(
      STAND,
      leftArm(HAND_ON_HIP),
      leftLeg({ knee: 14 + 4 * wave(phase), ankle: -8, turn: 10 }),
      body(0, 4 * wave(phase), -5 + 1.5 * wave(phase, 2)),
      spine({ side: 4 }),
      head({ tilt: -5, turn: 8 * wave(phase) }),
    ),
  );
}

function waitClip(): PresetClip {
  const watch = pose(STAND, leftArm({ lower: 60, forward: 60, elbow: 100, twist: -10 }), head({ nod: 30, turn: 15 }));
  return keyframes(
    [
      [0, STAND],
      [0.7, watch],
      [1.6, watch],
      [2.3, STAND],
      [3.0, pose(STAND, rightLeg({ ankle: -25 }))],
      [3.3, STAND],
      [3.6, pose(STAND, rightLeg({ ankle: -25 }))],
      [4.0, STAND],
    ],
    { loop: true },
  );
}

function lookAround(): PresetClip {
  const look = (turn: number) =>
    pose(STAND, head({ turn, nod: -5 }), spine({ twist: turn * 0.4 }), body(0, turn * 0.1));
  return keyframes(
    [
      [0, STAND],
      [1, look(60)],
      [2, look(60)],
      [3, look(-60)],
      [4, look(-60)],
      [5, STAND],
    ],
    { loop: true },
  );
}

function agree(): PresetClip {
  return generated(
    1.6,
    (phase) => pose(STAND, head({ nod: 12 + 12 * wave(phase, 3) }), spine({ bend: 3 + 2 * wave(phase, 3) })),
    { loop: true },
  );
}

/** An arm held up with the forearm swinging side to side about the elbow. */
function wavingArm(
  side: 'left' | 'right',
  phase: number,
  { lower, elbow, amplitude, cycles }: { lower: number; elbow: number; amplitude: number; cycles: number },
): Pose {
  const arm = { lower, forward: 20, elbow: elbow + amplitude * wave(phase, cycles), twist: -80 };
  return side === 'left' ? leftArm(arm) : rightArm(arm);
}

function greet01(): PresetClip {
  return generated(2.4, (phase) => {
    const raise = Math.min(1, phase / 0.2, (1 - phase) / 0.2);
    return pose(
      STAND,
      rightArm({
        lower: 76 - 136 * raise,
        forward: 20 * raise,
        elbow: 10 + (30 + 25 * wave(phase, 5)) * raise,
        twist: 8 - 88 * raise,
      }),
      head({ tilt: -6 * raise, nod: -5 * raise }),
    );
  });
}

function greet02(): PresetClip {
  const reach = pose(
    STAND,
    rightArm({ lower: 55, forward: 65, elbow: 30, twist: -60 }),
    spine({ bend: 10 }),
    head({ nod: 10 }),
  );
  const shake = (up: number) =>
    pose(reach, rightArm({ lower: 55 - 8 * up, forward: 65, elbow: 30 + 10 * up, twist: -60 }));
  return keyframes([
    [0, STAND],
    [0.6, reach],
    [0.8, shake(1)],
    [1.0, shake(-1)],
    [1.2, shake(1)],
    [1.4, shake(-1)],
    [1.6, reach],
    [2.2, STAND],
  ]);
}

function greet03(): PresetClip {
  const salute = pose(
    STAND,
    rightArm({ lower: 5, forward: 35, elbow: 140, twist: -30, wrist: -15 }),
    head({ nod: -5 }),
  );
  return keyframes([
    [0, STAND],
    [0.4, salute],
    [1.6, salute],
    [2.1, STAND],
  ]);
}

function greet04(): PresetClip {
  return generated(2.2, (phase) =>
    pose(
      STAND,
      arms(
        { lower: -55 + 10 * wave(phase, 4), forward: 15, elbow: 30 + 25 * wave(phase, 4), twist: -80 },
        { lower: -55 + 10 * wave(phase, 4, 0.5), forward: 15, elbow: 30 + 25 * wave(phase, 4, 0.5), twist: -80 },
      ),
      body(0, 0, 0, [0, 0.03 * Math.max(0, wave(phase, 4)), 0]),
      head({ nod: -8 }),
    ),
  );
}

function waveGoodbye(side: 'left' | 'right', slow: boolean): PresetClip {
  return generated(slow ? 3 : 2.2, (phase) => {
    const raise = Math.min(1, phase / 0.15, (1 - phase) / 0.15);
    const waving = wavingArm(side, phase, {
      lower: slow ? -25 : -5,
      elbow: 50,
      amplitude: slow ? 35 : 25,
      cycles: slow ? 4 : 6,
    });
    return pose(
      STAND,
      raise < 1
        ? pose(
            side === 'left'
              ? leftArm({ lower: 76 - 100 * raise, elbow: 10 + 40 * raise, twist: -80 * raise })
              : rightArm({ lower: 76 - 100 * raise, elbow: 10 + 40 * raise, twist: -80 * raise }),
          )
        : waving,
      head({ tilt: side === 'left' ? 6 : -6 }),
      body(0, slow ? (side === 'left' ? -10 : 10) : 0),
    );
  });
}

function clap(): PresetClip {
  return generated(2, (phase) => {
    const apart = 0.5 + 0.5 * wave(phase, 6);
    return pose(
      STAND,
      arms({ lower: 68, forward: 45 - 30 * apart, elbow: 80 - 20 * apart, twist: -30 }),
      head({ nod: 5 }),
    );
  });
}

function cheer(): PresetClip {
  return generated(1.6, (phase) =>
    pose(
      ARMS_UP,
      arms({ lower: -70, forward: 15, elbow: 40 + 40 * wave(phase, 3) }),
      body(0, 0, 0, [0, 0.06 * Math.max(0, wave(phase, 3)), 0]),
      head({ nod: -15 }),
      legs({ knee: 8 * Math.max(0, -wave(phase, 3)) }),
    ),
  );
}

function bow(): PresetClip {
  const bent = pose(STAND, spine({ bend: 45 }), body(25), head({ nod: 15 }), arms({ lower: 78, elbow: 5 }));
  return keyframes([
    [0, STAND],
    [0.8, bent],
    [1.6, bent],
    [2.4, STAND],
  ]);
}

function hug(): PresetClip {
  const open = pose(ARMS_WIDE, arms({ lower: 20, forward: 35, elbow: 20 }));
  const wrap = pose(
    STAND,
    arms({ lower: 45, forward: 85, elbow: 70, twist: -40 }),
    spine({ bend: 8 }),
    head({ tilt: 10 }),
  );
  return keyframes([
    [0, STAND],
    [0.6, open],
    [1.2, wrap],
    [2.4, pose(wrap, spine({ bend: 8, twist: 8 }))],
    [3.0, wrap],
    [3.6, STAND],
  ]);
}

function heartPose(): PresetClip {
  const heart = pose(STAND, arms({ lower: -55, forward: 40, elbow: 125, twist: 40 }), head({ tilt: 8 }));
  return keyframes([
    [0, STAND],
    [0.7, heart],
    [1.5, pose(heart, head({ tilt: -8 }), body(0, 0, 4))],
    [2.3, heart],
    [3.0, STAND],
  ]);
}

function foldArms(): PresetClip {
  return generated(4, (phase) =>
    pose(
      ARMS_FOLDED,
      body(0, 0, 3 * wave(phase)),
      head({ tilt: 5 * wave(phase), turn: 10 * wave(phase, 1, 0.3) }),
      leftLeg({ knee: 6 + 4 * wave(phase) }),
    ),
  );
}

function makeACall(pacing: boolean): PresetClip {
  const phone = { lower: 50, forward: 10, elbow: 150, twist: 120 };
  return generated(pacing ? 4 : 3, (phase) =>
    pose(
      STAND,
      rightArm(phone),
      pacing ? leftArm({ lower: 40, forward: 50, elbow: 60 + 20 * wave(phase, 3), twist: -40 }) : leftArm(HAND_ON_HIP),
      head({ tilt: -12, nod: 5 + 6 * wave(phase, pacing ? 2 : 4) }),
      body(0, pacing ? 40 * wave(phase) : 0),
      pacing
        ? pose(
            leftLeg({ flex: 15 * Math.max(0, wave(phase, 2)), knee: 25 * Math.max(0, wave(phase, 2)) }),
            rightLeg({ flex: 15 * Math.max(0, wave(phase, 2, 0.5)), knee: 25 * Math.max(0, wave(phase, 2, 0.5)) }),
          )
        : {},
    ),
  );
}

function playMobileGame(): PresetClip {
  return generated(2, (phase) =>
    pose(
      HANDS_IN_FRONT,
      arms(
        { lower: 72, forward: 35, elbow: 100, twist: -15, wrist: 15 + 6 * wave(phase, 8) },
        { lower: 72, forward: 35, elbow: 100, twist: -15, wrist: 15 + 6 * wave(phase, 7, 0.3) },
      ),
      head({ nod: 35 }),
      spine({ bend: 6 }),
    ),
  );
}

function playVideoGame(): PresetClip {
  return generated(2.4, (phase) =>
    pose(
      HANDS_IN_FRONT,
      arms({ lower: 75, forward: 30, elbow: 80, twist: -20 }),
      body(0, 0, 10 * wave(phase, 2)),
      spine({ side: 8 * wave(phase, 2), bend: 12 }),
      head({ nod: 10, tilt: -6 * wave(phase, 2) }),
      crouch(0.1),
    ),
  );
}

function scratch(): PresetClip {
  return generated(2.4, (phase) => {
    const up = Math.min(1, phase / 0.2, (1 - phase) / 0.2);
    return pose(
      STAND,
      rightArm({
        lower: 76 - 116 * up,
        forward: 30 * up,
        elbow: 10 + (130 + 10 * wave(phase, 10)) * up,
        twist: 8 + 30 * up,
      }),
      head({ tilt: 10 * up, nod: 10 * up }),
    );
  });
}

function sing(variant: 1 | 2 | 3 | 4): PresetClip {
  switch (variant) {
    case 1: {
      const start = pose(
        STAND,
        rightArm({ lower: 65, forward: 55, elbow: 120, twist: -30 }),
        leftArm({ lower: 40, forward: 40, elbow: 15 }),
        head({ nod: -10 }),
      );
      return keyframes([
        [0, STAND],
        [0.8, start],
        [2.2, pose(start, leftArm({ lower: 0, forward: 45, elbow: 10 }), head({ nod: -20 }))],
        [3.0, start],
        [3.8, STAND],
      ]);
    }
    case 2:
      return generated(3, (phase) =>
        pose(
          STAND,
          rightArm({ lower: 55, forward: 75, elbow: 140, twist: -20 }),
          leftArm({ lower: 55 + 15 * wave(phase, 2), forward: 30, elbow: 30 }),
          body(0, 0, 5 * wave(phase, 2)),
          head({ tilt: 6 * wave(phase, 2) }),
        ),
      );
    case 3:
      return keyframes([
        [0, STAND],
        [1.0, pose(ARMS_WIDE, head({ nod: -15 }))],
        [2.5, pose(ARMS_WIDE, arms({ lower: -25, forward: 20, elbow: 10 }), head({ nod: -30 }), spine({ bend: -8 }))],
        [3.5, pose(ARMS_WIDE, head({ nod: -10 }))],
        [4.5, STAND],
      ]);
    case 4:
      return generated(2, (phase) => {
        const left = Math.max(0, wave(phase)),
          right = Math.max(0, -wave(phase));
        return pose(
          STAND,
          leftArm({ lower: 76 - 140 * left, forward: 30 * left, elbow: 10 + 10 * left }),
          rightArm({ lower: 76 - 140 * right, forward: 30 * right, elbow: 10 + 10 * right }),
          head({ nod: 10 * wave(phase, 4) }),
        );
      });
  }
}

function dance(variant: 1 | 2 | 3 | 4 | 5 | 6): PresetClip {
  switch (variant) {
    case 1:
      return generated(1.2, (phase) =>
        pose(
          STAND,
          legs({ spread: 8 + 8 * Math.max(0, wave(phase)) }, { spread: 8 + 8 * Math.max(0, -wave(phase)) }),
          arms(
            { lower: 60 - 25 * wave(phase), elbow: 60, forward: 20 },
            { lower: 60 + 25 * wave(phase), elbow: 60, forward: 20 },
          ),
          body(0, 0, 6 * wave(phase), [0.15 * wave(phase), 0, 0]),
          head({ tilt: -6 * wave(phase) }),
        ),
      );
    case 2:
      return generated(1.6, (phase) =>
        pose(
          ARMS_UP,
          arms({ lower: -60, forward: 10, elbow: 40 }),
          body(0, 10 * wave(phase), 10 * wave(phase)),
          spine({ side: -12 * wave(phase) }),
          legs({ knee: 12 + 10 * wave(phase) }, { knee: 12 - 10 * wave(phase) }),
        ),
      );
    case 3:
      return generated(1.4, (phase) => {
        const up = 0.5 + 0.5 * wave(phase);
        return pose(
          STAND,
          rightArm({ lower: -60 + 150 * (1 - up), forward: 30 - 60 * (1 - up), elbow: 5 }),
          leftArm(HAND_ON_HIP),
          body(0, 0, 8 * wave(phase)),
          legs({ knee: 15 * up }, { knee: 15 * (1 - up) }),
          head({ nod: -10 * up }),
        );
      });
    case 4:
      return generated(1, (phase) => {
        const open = 0.5 - 0.5 * Math.cos(2 * Math.PI * phase);
        return pose(
          STAND,
          arms({ lower: 80 - 150 * open, elbow: 10 }),
          legs({ spread: 4 + 14 * open, knee: 10 * (1 - open) }),
          body(0, 0, 0, [0, 0.08 * Math.sin(Math.PI * open), 0]),
        );
      });
    case 5:
      return generated(1.2, (phase) =>
        pose(
          STAND,
          crouch(0.25),
          spine({ twist: 35 * wave(phase), bend: 8 }),
          body(18 * 0.25, -15 * wave(phase)),
          arms(
            { lower: 70, forward: 20 - 30 * wave(phase), elbow: 90 },
            { lower: 70, forward: 20 + 30 * wave(phase), elbow: 90 },
          ),
        ),
      );
    case 6: {
      const robot = (a: number, b: number, turn: number) =>
        pose(
          STAND,
          leftArm({ lower: a, forward: 90 - Math.abs(a), elbow: 90 }),
          rightArm({ lower: b, forward: 10, elbow: 90 }),
          head({ turn }),
          body(0, turn / 3),
        );
      return sequence([robot(0, 80, 0), robot(80, 0, 45), robot(-20, 80, 0), robot(80, -20, -45)], 0.5, { loop: true });
    }
  }
}

function freaky(): PresetClip {
  return generated(3, (phase) => {
    const jitter = (a: number, b: number) => wave(phase, a) * 0.6 + wave(phase, b, 0.3) * 0.4;
    return pose(
      STAND,
      leftArm({
        lower: 40 + 40 * jitter(5, 9),
        forward: 30 * jitter(3, 7),
        elbow: 60 + 50 * jitter(4, 11),
        twist: -40,
      }),
      rightArm({ lower: 10 + 60 * jitter(6, 13), forward: 40 * jitter(7, 5), elbow: 90 + 40 * jitter(9, 4) }),
      head({ turn: 30 * jitter(7, 17), tilt: 25 * jitter(11, 5), nod: 15 * jitter(13, 3) }),
      spine({ side: 12 * jitter(3, 8), twist: 15 * jitter(4, 9) }),
      legs(
        { knee: 20 + 15 * jitter(6, 10), turn: 15 * jitter(5, 3) },
        { knee: 20 + 15 * jitter(7, 12), turn: -15 * jitter(4, 6) },
      ),
    );
  });
}

function victoryCelebration(): PresetClip {
  const jumpUp = pose(
    ARMS_UP,
    arms({ lower: -75, forward: 10, elbow: 20 }),
    legs({ flex: 20, knee: 40 }),
    body(0, 0, 0, [0, 0.35, 0]),
    head({ nod: -20 }),
  );
  const pump = (up: number) =>
    pose(
      STAND,
      rightArm({ lower: -60 + 40 * up, forward: 20, elbow: 40 + 60 * up, twist: -10 }),
      leftArm({ lower: 55, forward: 30, elbow: 110, twist: -20 }),
      head({ nod: -10 }),
    );
  return keyframes([
    [0, STAND],
    [0.3, pose(STAND, crouch(0.35), arms({ lower: 70, swing: -30 }))],
    [0.6, jumpUp],
    [0.95, pose(STAND, crouch(0.3))],
    [1.3, pump(0)],
    [1.55, pump(1)],
    [1.8, pump(0)],
    [2.05, pump(1)],
    [2.3, pump(0)],
    [2.9, STAND],
  ]);
}

export const BIPED_SOCIAL_CLIPS: Record<string, () => PresetClip> = {
  idle,
  standing_relax: standingRelax,
  wait: waitClip,
  look_around: lookAround,
  agree,
  greet_01: greet01,
  greet_02: greet02,
  greet_03: greet03,
  greet_04: greet04,
  wave_goodbye_01: () => waveGoodbye('right', false),
  wave_goodbye_02: () => waveGoodbye('left', true),
  clap,
  cheer,
  bow,
  hug,
  heart_pose: heartPose,
  fold_arms: foldArms,
  make_a_call_01: () => makeACall(false),
  make_a_call_02: () => makeACall(true),
  play_mobile_game: playMobileGame,
  play_video_game: playVideoGame,
  scratch,
  sing_01: () => sing(1),
  sing_02: () => sing(2),
  sing_03: () => sing(3),
  sing_04: () => sing(4),
  dance_01: () => dance(1),
  dance_02: () => dance(2),
  dance_03: () => dance(3),
  dance_04: () => dance(4),
  dance_05: () => dance(5),
  dance_06: () => dance(6),
  freaky,
  victory_celebration: victoryCelebration,
};
