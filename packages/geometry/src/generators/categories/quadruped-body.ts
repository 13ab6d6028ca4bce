// The shared body plan of four-legged animals, facing +Z: an ellipsoid torso on four legs, a neck, a head with
// snout, eyes and nose, ears and a tail of the species' kind, and species extras (horns, trunk, mane, wool).
// Each species (quadrupeds.ts) is a set of proportions over this plan; cartoon styles enlarge heads and eyes.

import type { BuildContext } from '../generator-definition.ts';
import { addEyes } from '../kit/common-parts.ts';
import type { Vector3Tuple } from '../kit/shapes.ts';
import { addCreatureExtras, type CreatureExtra } from './creature-extras.ts';

export type EarKind = 'pointed' | 'floppy' | 'round' | 'long' | 'fan' | 'small';
export type TailKind = 'thin' | 'bushy' | 'short' | 'tuft' | 'curly' | 'long-hair' | 'ball' | 'reptile';
export type SpeciesExtra =
  'horns' | 'trunk' | 'tusks' | 'mane' | 'wool' | 'hooves' | 'whiskers' | 'snout-disc' | CreatureExtra;

export interface Species {
  /** torso length and radius, leg length, metres */
  bodyLength: number;
  bodyRadius: number;
  legLength: number;
  legRadius: number;
  neckLength: number;
  /** radians above horizontal */
  neckAngle: number;
  headRadius: number;
  snoutLength: number;
  snoutRadius: number;
  ears: EarKind;
  tail: TailKind;
  tailLength: number;
  extras: readonly SpeciesExtra[];
}

export function buildQuadruped(context: BuildContext, species: Species): void {
  const { kit, random, proportions, style } = context;
  const cartoon = style === 'cartoon';
  const bodyLength = random.vary(species.bodyLength) * proportions.length;
  const bodyRadius = random.vary(species.bodyRadius) * proportions.width;
  const legLength = random.vary(species.legLength) * proportions.height * (cartoon ? 0.7 : 1);
  const headRadius = random.vary(species.headRadius) * (cartoon ? 1.5 : 1);
  const legRadius = species.legRadius * Math.sqrt(proportions.width);
  const bodyY = legLength + bodyRadius * 0.85;

  const mechanical = context.modifiers.mechanical === true;
  if (mechanical) {
    kit.box('body', 'fur', [bodyRadius * 1.7, bodyRadius * 1.8, bodyLength], {
      at: [0, bodyY, 0],
      bevel: bodyRadius * 0.25,
    });
    kit.box('panel', 'eyes', [bodyRadius * 0.9, 0.01, bodyLength * 0.5], { at: [0, bodyY + bodyRadius * 0.9, 0] });
  } else if (species.extras.includes('wool')) {
    kit.sphere('body', 'fur', [bodyRadius * 1.05, bodyRadius * 1.05, bodyLength * 0.55], {
      at: [0, bodyY, 0],
      segments: 16,
    });
    for (let tuft = 0; tuft < 10; tuft++) {
      const angle = random.between(-0.3, Math.PI + 0.3);
      const along = random.between(-0.4, 0.4) * bodyLength;
      kit.sphere('wool', 'fur', bodyRadius * random.between(0.45, 0.6), {
        at: [Math.cos(angle) * bodyRadius * 0.75, bodyY + Math.sin(angle) * bodyRadius * 0.7, along],
        segments: 10,
      });
    }
  } else {
    kit.sphere('body', 'fur', [bodyRadius * 0.9, bodyRadius, bodyLength / 2], { at: [0, bodyY, 0], segments: 18 });
  }

  const legZ = bodyLength * 0.32;
  for (const z of [legZ, -legZ]) {
    for (const side of [-1, 1]) {
      const x = side * bodyRadius * 0.5;
      if (mechanical) {
        kit.box('leg', 'fur', [legRadius * 2, legLength + bodyRadius * 0.3, legRadius * 2], {
          at: [x, (legLength + bodyRadius * 0.3) / 2, z],
          bevel: legRadius * 0.3,
        });
        kit.sphere('joint', 'accent', legRadius * 1.3, { at: [x, legLength * 0.55, z], segments: 10 });
      } else
        kit.capsule('leg', 'fur', legRadius, Math.max(0.01, legLength + bodyRadius * 0.3 - legRadius * 2), {
          at: [x, (legLength + bodyRadius * 0.3) / 2, z],
        });
      if (species.extras.includes('hooves'))
        kit.cylinder(
          'hoof',
          'hoof',
          { radius: legRadius * 1.1, height: legRadius * 1.2, segments: 10 },
          { at: [x, legRadius * 0.6, z] },
        );
    }
  }

  const neckBase: Vector3Tuple = [0, bodyY + bodyRadius * 0.35, bodyLength * 0.4];
  const neckLength = random.vary(species.neckLength) * Math.sqrt(proportions.height);
  const angle = species.neckAngle + random.between(-0.08, 0.08);
  const headCentre: Vector3Tuple = [
    0,
    neckBase[1] + Math.sin(angle) * neckLength,
    neckBase[2] + Math.cos(angle) * neckLength,
  ];
  if (neckLength > 0.01)
    kit.tube(
      'neck',
      'fur',
      [neckBase, [0, (neckBase[1] + headCentre[1]) / 2, (neckBase[2] + headCentre[2]) / 2], headCentre],
      Math.min(bodyRadius * 0.55, headRadius * 0.8),
    );
  if (mechanical)
    kit.box('head', 'fur', [headRadius * 1.8, headRadius * 1.6, headRadius * 1.9], {
      at: headCentre,
      bevel: headRadius * 0.3,
    });
  else kit.sphere('head', 'fur', headRadius, { at: headCentre, segments: 16 });
  kit.anchor('head', headCentre, headRadius);
  kit.anchor('face', [headCentre[0], headCentre[1] + headRadius * 0.25, headCentre[2] + headRadius * 0.9], headRadius);
  kit.anchor(
    'neck',
    [0, (neckBase[1] + headCentre[1]) / 2 - headRadius * 0.3, (neckBase[2] + headCentre[2]) / 2],
    Math.min(bodyRadius * 0.55, headRadius * 0.8),
  );
  kit.anchor('back', [0, bodyY + bodyRadius * 0.95, -bodyLength * 0.05], bodyRadius);
  kit.anchor('body', [0, bodyY, 0], bodyRadius);

  const snoutLength = species.snoutLength * (cartoon ? 0.6 : 1);
  const snoutCentre: Vector3Tuple = [
    0,
    headCentre[1] - headRadius * 0.25,
    headCentre[2] + headRadius * 0.7 + snoutLength * 0.4,
  ];
  if (snoutLength > 0.005)
    kit.sphere(
      'snout',
      'accent',
      [species.snoutRadius, species.snoutRadius * 0.85, snoutLength * 0.6 + species.snoutRadius * 0.5],
      { at: snoutCentre, segments: 12 },
    );
  const noseAt: Vector3Tuple = [
    0,
    snoutCentre[1] + species.snoutRadius * 0.4,
    snoutCentre[2] + snoutLength * 0.6 + species.snoutRadius * 0.4,
  ];
  if (species.extras.includes('snout-disc'))
    kit.cylinder(
      'nose',
      'accent',
      { radius: species.snoutRadius * 0.9, height: 0.02, segments: 14 },
      { at: noseAt, rotate: [Math.PI / 2, 0, 0] },
    );
  else if (!species.extras.includes('trunk'))
    kit.sphere('nose', 'nose', Math.max(0.008, species.snoutRadius * 0.35), { at: noseAt, segments: 8 });
  addEyes(
    kit,
    'eyes',
    headCentre,
    headRadius * 0.75,
    headRadius * 0.75,
    headRadius * (cartoon ? 0.22 : 0.13),
    headRadius * 0.25,
  );

  kit.anchor(
    'mouth',
    [0, snoutCentre[1] - species.snoutRadius * 0.3, snoutCentre[2] + snoutLength * 0.5 + species.snoutRadius],
    headRadius * 0.5,
  );
  addEars(context, species.ears, headCentre, headRadius);
  addTail(context, species, bodyY, bodyLength, bodyRadius);
  addCreatureExtras(context, species.extras, {
    headCentre,
    headRadius,
    bodyY,
    bodyLength,
    bodyRadius,
    legLength,
    neckBase,
  });

  if (species.extras.includes('horns')) {
    for (const side of [-1, 1])
      kit.tube(
        'horn',
        'horn',
        [
          [side * headRadius * 0.5, headCentre[1] + headRadius * 0.7, headCentre[2]],
          [side * headRadius * 1.0, headCentre[1] + headRadius * 1.0, headCentre[2] + 0.02],
          [side * headRadius * 1.2, headCentre[1] + headRadius * 1.5, headCentre[2] + 0.08],
        ],
        headRadius * 0.12,
      );
  }
  if (species.extras.includes('trunk')) {
    kit.tube(
      'trunk',
      'fur',
      [
        [0, headCentre[1] - headRadius * 0.1, headCentre[2] + headRadius * 0.85],
        [0, headCentre[1] - headRadius * 0.9, headCentre[2] + headRadius * 1.35],
        [0, headCentre[1] - headRadius * 1.9, headCentre[2] + headRadius * 1.3],
        [0, headCentre[1] - headRadius * 2.4, headCentre[2] + headRadius * 1.55],
      ],
      headRadius * 0.22,
    );
  }
  if (species.extras.includes('tusks')) {
    for (const side of [-1, 1])
      kit.tube(
        'tusk',
        'horn',
        [
          [side * headRadius * 0.35, headCentre[1] - headRadius * 0.5, headCentre[2] + headRadius * 0.7],
          [side * headRadius * 0.4, headCentre[1] - headRadius * 1.1, headCentre[2] + headRadius * 1.2],
          [side * headRadius * 0.3, headCentre[1] - headRadius * 1.0, headCentre[2] + headRadius * 1.7],
        ],
        headRadius * 0.08,
      );
  }
  if (species.extras.includes('mane')) {
    const steps = 6;
    for (let step = 0; step < steps; step++) {
      const t = step / (steps - 1);
      kit.box('mane', 'accent', [headRadius * 0.25, headRadius * 0.7, (neckLength / steps) * 1.3], {
        at: [
          0,
          neckBase[1] + (headCentre[1] - neckBase[1]) * t + headRadius * 0.55,
          neckBase[2] + (headCentre[2] - neckBase[2]) * t - headRadius * 0.3,
        ],
        rotate: [-angle, 0, 0],
      });
    }
  }
  if (species.extras.includes('whiskers')) {
    for (const side of [-1, 1]) {
      for (const tilt of [-0.15, 0.1])
        kit.cylinder(
          'whisker',
          'eyes',
          { radius: 0.0015, height: headRadius * 1.4, segments: 3 },
          { at: [side * headRadius * 0.6, noseAt[1] - 0.005, noseAt[2] - 0.01], rotate: [0, 0, Math.PI / 2 + tilt] },
        );
    }
  }
}

function addEars(context: BuildContext, kind: EarKind, head: Vector3Tuple, headRadius: number): void {
  const { kit } = context;
  if (!kit.has('ear')) return;
  for (const side of [-1, 1]) {
    const base: Vector3Tuple = [side * headRadius * 0.55, head[1] + headRadius * 0.75, head[2] - headRadius * 0.1];
    switch (kind) {
      case 'pointed':
        kit.cylinder(
          'ear',
          'fur',
          { radiusTop: 0.002, radiusBottom: headRadius * 0.35, height: headRadius * 0.7, segments: 6 },
          { at: [base[0], base[1] + headRadius * 0.2, base[2]], rotate: [0, 0, -side * 0.25], scale: [1, 1, 0.45] },
        );
        break;
      case 'floppy':
        kit.sphere('ear', 'accent', [headRadius * 0.22, headRadius * 0.6, headRadius * 0.35], {
          at: [side * headRadius * 0.95, head[1] + headRadius * 0.05, head[2] - headRadius * 0.1],
          rotate: [0, 0, side * 0.3],
          segments: 10,
        });
        break;
      case 'round':
        kit.sphere('ear', 'fur', [headRadius * 0.3, headRadius * 0.3, headRadius * 0.12], { at: base, segments: 10 });
        break;
      case 'long':
        kit.capsule('ear', 'fur', headRadius * 0.2, headRadius * 1.6, {
          at: [base[0] * 0.7, base[1] + headRadius * 1.0, base[2]],
          rotate: [0, 0, -side * 0.12],
          scale: [1, 1, 0.45],
        });
        break;
      case 'fan':
        kit.sphere('ear', 'fur', [headRadius * 0.12, headRadius * 1.0, headRadius * 0.9], {
          at: [side * headRadius * 1.05, head[1] - headRadius * 0.05, head[2] - headRadius * 0.35],
          rotate: [0, side * 0.5, 0],
          segments: 12,
        });
        break;
      case 'small':
        kit.sphere('ear', 'fur', [headRadius * 0.18, headRadius * 0.3, headRadius * 0.1], {
          at: base,
          rotate: [0, 0, -side * 0.5],
          segments: 8,
        });
        break;
    }
  }
}

function addTail(context: BuildContext, species: Species, bodyY: number, bodyLength: number, bodyRadius: number): void {
  const { kit, random } = context;
  if (!kit.has('tail')) return;
  const root: Vector3Tuple = [0, bodyY + bodyRadius * 0.4, -bodyLength * 0.48];
  const length = random.vary(species.tailLength);
  switch (species.tail) {
    case 'thin':
      kit.tube(
        'tail',
        'fur',
        [
          root,
          [0, root[1] + length * 0.4, root[2] - length * 0.4],
          [0, root[1] + length * 0.8, root[2] - length * 0.5],
        ],
        bodyRadius * 0.1,
      );
      break;
    case 'bushy':
      kit.sphere('tail', 'fur', [bodyRadius * 0.35, bodyRadius * 0.35, length * 0.5], {
        at: [0, root[1] - length * 0.1, root[2] - length * 0.45],
        rotate: [-0.5, 0, 0],
        segments: 12,
      });
      kit.sphere('tail_tip', 'accent', bodyRadius * 0.25, {
        at: [0, root[1] - length * 0.45, root[2] - length * 0.85],
        segments: 10,
      });
      break;
    case 'short':
      kit.cylinder(
        'tail',
        'fur',
        { radiusTop: bodyRadius * 0.05, radiusBottom: bodyRadius * 0.12, height: length, segments: 8 },
        { at: [0, root[1] - length * 0.3, root[2] - length * 0.3], rotate: [-2.3, 0, 0] },
      );
      break;
    case 'tuft':
      kit.tube(
        'tail',
        'fur',
        [
          root,
          [0, root[1] - length * 0.5, root[2] - length * 0.15],
          [0, root[1] - length * 0.9, root[2] - length * 0.2],
        ],
        bodyRadius * 0.05,
      );
      kit.sphere('tail_tip', 'accent', bodyRadius * 0.12, {
        at: [0, root[1] - length * 0.95, root[2] - length * 0.2],
        segments: 8,
      });
      break;
    case 'curly':
      kit.torus('tail', 'fur', length * 0.3, bodyRadius * 0.05, {
        at: [0, root[1], root[2] - length * 0.25],
        rotate: [0, Math.PI / 2, 0],
        arc: Math.PI * 1.6,
      });
      break;
    case 'long-hair':
      kit.tube(
        'tail',
        'accent',
        [
          root,
          [0, root[1] - length * 0.2, root[2] - length * 0.3],
          [0, root[1] - length * 0.7, root[2] - length * 0.35],
          [0, root[1] - length, root[2] - length * 0.3],
        ],
        bodyRadius * 0.12,
      );
      break;
    case 'reptile': {
      // a long tail that tapers back and down to the ground, in segments
      let from = root;
      for (let segment = 0; segment < 4; segment++) {
        const t = (segment + 1) / 4;
        const to: Vector3Tuple = [
          Math.sin(t * 3) * length * 0.08,
          Math.max(bodyRadius * 0.3, root[1] * (1 - t * 0.85)),
          root[2] - length * t,
        ];
        const radius = bodyRadius * 0.45 * (1 - segment * 0.22);
        kit.cylinder(
          'tail',
          'fur',
          {
            radiusTop: radius * 0.75,
            radiusBottom: radius,
            height: Math.hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]),
            segments: 10,
          },
          {
            at: [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2, (from[2] + to[2]) / 2],
            rotate: [Math.atan2(to[2] - from[2], to[1] - from[1]), 0, 0],
          },
        );
        from = to;
      }
      break;
    }
    case 'ball':
      kit.sphere('tail', 'accent', bodyRadius * 0.3, { at: root, segments: 10 });
      break;
  }
}
