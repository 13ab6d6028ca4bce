// Fantasy creatures and dinosaurs over the four-legged body plan (quadruped-body.ts + creature-extras.ts):
// dragon (membrane wings, horns, dorsal spikes), unicorn and pegasus, griffin, and the dinosaurs: long-necked
// sauropods, stegosaurus, triceratops, and the two-legged theropods (t-rex, raptor) built here.

import type { BuildContext, GeneratorDefinition } from '../generator-definition.ts';
import { addEyes } from '../kit/common-parts.ts';
import type { Vector3Tuple } from '../kit/shapes.ts';
import { buildQuadruped, type Species } from './quadruped-body.ts';
import { animalSlots } from './quadrupeds.ts';

const SCALES = { kinds: ['skin'], colors: ['green', 'red', 'teal', 'purple', 'olive'], words: ['scale'] } as const;

export const dragon: GeneratorDefinition = {
  category: 'dragon',
  family: 'creature',
  names: ['dragon', 'wyvern', 'drake', 'dragon whelp', 'dragao', 'drache', 'dragon de komodo'],
  slots: animalSlots(
    { ...SCALES },
    { kinds: ['skin'], colors: ['amber', 'cream', 'tan', 'maroon'], words: ['wing', 'belly', 'membrane'] },
  ),
  optional: { tail: ['tail'], ear: ['ear'], wing: ['wing'], spike: ['spike', 'spine'] },
  example: 'a green dragon with big wings',
  bodyPlan: 'quadruped',
  build: (context) =>
    buildQuadruped(context, {
      bodyLength: 2.6,
      bodyRadius: 0.45,
      legLength: 0.7,
      legRadius: 0.12,
      neckLength: 0.9,
      neckAngle: 0.8,
      headRadius: 0.28,
      snoutLength: 0.35,
      snoutRadius: 0.13,
      ears: 'pointed',
      tail: 'reptile',
      tailLength: 2.4,
      extras: ['horns', 'membrane-wings', 'spikes'],
    }),
};

export const unicorn: GeneratorDefinition = {
  category: 'unicorn',
  family: 'creature',
  names: ['unicorn', ['pegasus', 'pegasus'], ['winged horse', 'pegasus'], 'unicornio', 'licorne', 'einhorn'],
  variants: { pegasus: ['pegasus', 'winged'] },
  slots: animalSlots(
    { kinds: ['fur'], colors: ['white', 'ivory', 'pink', 'lavender'] },
    { kinds: ['fur'], colors: ['pink', 'violet', 'cyan', 'gold'], words: ['mane', 'wing'] },
  ),
  optional: { tail: ['tail'], ear: ['ear'], horn: ['horn'], wing: ['wing'] },
  example: 'a white unicorn with a rainbow mane',
  bodyPlan: 'quadruped',
  build: (context) =>
    buildQuadruped(context, {
      bodyLength: 1.6,
      bodyRadius: 0.34,
      legLength: 0.9,
      legRadius: 0.065,
      neckLength: 0.65,
      neckAngle: 1.0,
      headRadius: 0.15,
      snoutLength: 0.32,
      snoutRadius: 0.1,
      ears: 'pointed',
      tail: 'long-hair',
      tailLength: 0.8,
      extras: context.variant === 'pegasus' ? ['mane', 'hooves', 'feather-wings'] : ['mane', 'hooves', 'unicorn-horn'],
    }),
};

export const griffin: GeneratorDefinition = {
  category: 'griffin',
  family: 'creature',
  names: ['griffin', 'gryphon', 'griffon', 'hippogriff'],
  slots: animalSlots(
    { kinds: ['fur'], colors: ['amber', 'sand', 'tan'] },
    { kinds: ['fur'], colors: ['white', 'brown', 'walnut'], words: ['wing', 'feather', 'head'] },
  ),
  optional: { tail: ['tail'], ear: ['ear'], wing: ['wing'] },
  example: 'a golden griffin',
  bodyPlan: 'quadruped',
  build: (context) =>
    buildQuadruped(context, {
      bodyLength: 1.9,
      bodyRadius: 0.36,
      legLength: 0.65,
      legRadius: 0.08,
      neckLength: 0.35,
      neckAngle: 0.9,
      headRadius: 0.19,
      snoutLength: 0.18,
      snoutRadius: 0.05,
      ears: 'pointed',
      tail: 'tuft',
      tailLength: 0.9,
      extras: ['feather-wings'],
    }),
};

const SAUROPODS: Readonly<Record<string, Species>> = {
  longneck: {
    bodyLength: 6,
    bodyRadius: 1.2,
    legLength: 2.2,
    legRadius: 0.35,
    neckLength: 5,
    neckAngle: 0.85,
    headRadius: 0.5,
    snoutLength: 0.3,
    snoutRadius: 0.2,
    ears: 'small',
    tail: 'reptile',
    tailLength: 6,
    extras: [],
  },
  stegosaurus: {
    bodyLength: 4.5,
    bodyRadius: 1.0,
    legLength: 1.3,
    legRadius: 0.25,
    neckLength: 0.6,
    neckAngle: -0.2,
    headRadius: 0.25,
    snoutLength: 0.3,
    snoutRadius: 0.13,
    ears: 'small',
    tail: 'reptile',
    tailLength: 3,
    extras: ['plates'],
  },
  triceratops: {
    bodyLength: 5,
    bodyRadius: 1.1,
    legLength: 1.3,
    legRadius: 0.3,
    neckLength: 0.4,
    neckAngle: 0.1,
    headRadius: 0.55,
    snoutLength: 0.4,
    snoutRadius: 0.25,
    ears: 'small',
    tail: 'reptile',
    tailLength: 2.5,
    extras: ['frill'],
  },
};

export const dinosaur: GeneratorDefinition = {
  category: 'dinosaur',
  family: 'creature',
  names: [
    'dinosaur',
    'dino',
    ['t rex', 'trex'],
    ['trex', 'trex'],
    ['tyrannosaurus', 'trex'],
    ['tyrannosaurus rex', 'trex'],
    ['raptor', 'raptor'],
    ['velociraptor', 'raptor'],
    ['brontosaurus', 'longneck'],
    ['diplodocus', 'longneck'],
    ['apatosaurus', 'longneck'],
    ['brachiosaurus', 'longneck'],
    ['sauropod', 'longneck'],
    ['stegosaurus', 'stegosaurus'],
    ['triceratops', 'triceratops'],
    'dinosaurio',
    'dinosaure',
    'dinosaurier',
  ],
  variants: {
    trex: ['rex', 'trex', 'tyrannosaurus'],
    raptor: ['raptor'],
    longneck: ['brontosaurus', 'diplodocus', 'sauropod'],
    stegosaurus: ['stegosaurus'],
    triceratops: ['triceratops'],
  },
  slots: animalSlots(
    { ...SCALES, colors: ['green', 'olive', 'brown', 'teal', 'grey'] },
    { kinds: ['skin'], colors: ['cream', 'tan', 'amber', 'maroon'], words: ['plate', 'frill', 'belly'] },
  ),
  optional: { tail: ['tail'], ear: ['ear'], plate: ['plate'], frill: ['frill'], arm: ['arm'] },
  example: 'a green t-rex dinosaur',
  bodyPlan: 'quadruped',
  build(context) {
    const sauropod = context.variant === undefined ? undefined : SAUROPODS[context.variant];
    if (sauropod) buildQuadruped(context, sauropod);
    else buildTheropod(context, context.variant === 'raptor' ? 0.45 : 1);
  },
};

/** A two-legged dinosaur: a tilted body balanced by a long tail, strong legs, small arms and a big head. */
function buildTheropod(context: BuildContext, scale: number): void {
  const { kit, random, proportions, style } = context;
  const cartoon = style === 'cartoon';
  const length = random.vary(4.5 * scale) * proportions.length;
  const bodyRadius = length * 0.13 * proportions.width;
  const hipHeight = length * 0.42 * proportions.height;
  kit.sphere('body', 'fur', [bodyRadius, bodyRadius * 1.1, length * 0.25], {
    at: [0, hipHeight + bodyRadius * 0.3, length * 0.08],
    rotate: [-0.35, 0, 0],
    segments: 18,
  });
  kit.sphere('belly', 'accent', [bodyRadius * 0.8, bodyRadius * 0.9, length * 0.2], {
    at: [0, hipHeight + bodyRadius * 0.05, length * 0.12],
    rotate: [-0.35, 0, 0],
    segments: 14,
  });
  for (const side of [-1, 1]) {
    const knee: Vector3Tuple = [side * bodyRadius * 0.6, hipHeight * 0.55, length * 0.06];
    kit.tube('leg', 'fur', [[side * bodyRadius * 0.55, hipHeight, 0], knee], bodyRadius * 0.32);
    kit.tube('leg', 'fur', [knee, [side * bodyRadius * 0.6, bodyRadius * 0.12, -length * 0.04]], bodyRadius * 0.16);
    kit.box('foot', 'fur', [bodyRadius * 0.4, bodyRadius * 0.14, bodyRadius * 0.8], {
      at: [side * bodyRadius * 0.6, bodyRadius * 0.07, length * 0.02],
      bevel: bodyRadius * 0.05,
    });
    if (kit.has('arm'))
      kit.tube(
        'arm',
        'fur',
        [
          [side * bodyRadius * 0.7, hipHeight + bodyRadius * 0.8, length * 0.25],
          [side * bodyRadius * 0.8, hipHeight + bodyRadius * 0.4, length * 0.33],
        ],
        bodyRadius * 0.08,
      );
  }
  const headRadius = length * 0.07 * (cartoon ? 1.5 : 1);
  const head: Vector3Tuple = [0, hipHeight + bodyRadius * 1.5, length * 0.36];
  kit.tube(
    'neck',
    'fur',
    [[0, hipHeight + bodyRadius * 0.6, length * 0.22], [0, hipHeight + bodyRadius * 1.2, length * 0.3], head],
    bodyRadius * 0.45,
  );
  kit.sphere('head', 'fur', [headRadius, headRadius * 1.05, headRadius * 1.7], {
    at: [0, head[1], head[2] + headRadius * 0.6],
    segments: 16,
  });
  kit.sphere('jaw', 'accent', [headRadius * 0.85, headRadius * 0.45, headRadius * 1.5], {
    at: [0, head[1] - headRadius * 0.6, head[2] + headRadius * 0.7],
    segments: 12,
  });
  addEyes(
    kit,
    'eyes',
    [0, head[1], head[2] + headRadius * 0.4],
    headRadius * 1.5,
    headRadius * 0.45,
    headRadius * (cartoon ? 0.3 : 0.16),
    headRadius * 0.45,
  );
  kit.anchor('head', [0, head[1], head[2] + headRadius * 0.4], headRadius * 1.1);
  kit.anchor('face', [0, head[1] + headRadius * 0.35, head[2] + headRadius * 1.2], headRadius);
  kit.anchor('neck', [0, hipHeight + bodyRadius * 1.2, length * 0.3], bodyRadius * 0.45);
  kit.anchor('mouth', [0, head[1] - headRadius * 0.4, head[2] + headRadius * 2.1], headRadius * 0.5);
  kit.anchor('hand', [bodyRadius * 0.8, hipHeight + bodyRadius * 0.4, length * 0.33], bodyRadius * 0.1);
  kit.anchor('back', [0, hipHeight + bodyRadius * 1.2, 0], bodyRadius);
  if (kit.has('tail')) {
    const points: Vector3Tuple[] = [
      [0, hipHeight + bodyRadius * 0.4, -length * 0.05],
      [0, hipHeight + bodyRadius * 0.1, -length * 0.25],
      [0, hipHeight * 0.75, -length * 0.45],
      [0, hipHeight * 0.55, -length * 0.62],
    ];
    points.slice(0, -1).forEach((point, index) => {
      const radius = bodyRadius * (0.6 - index * 0.18);
      kit.cylinder(
        'tail',
        'fur',
        {
          radiusTop: radius * 0.7,
          radiusBottom: radius,
          height: Math.hypot(points[index + 1][1] - point[1], points[index + 1][2] - point[2]),
          segments: 12,
        },
        {
          at: [0, (point[1] + points[index + 1][1]) / 2, (point[2] + points[index + 1][2]) / 2],
          rotate: [Math.atan2(points[index + 1][2] - point[2], points[index + 1][1] - point[1]), 0, 0],
        },
      );
    });
  }
}
