// Tools, modelled upright (handle along +Y): hammer, axe, shovel, screwdriver, broom and ladder.

import type { GeneratorDefinition } from '../generator-definition.ts';

const HANDLE_WOODS = ['oak', 'pine', 'birch', 'walnut'];
const GRIP_COLOURS = ['red', 'yellow', 'black', 'blue', 'orange'];

export const hammer: GeneratorDefinition = {
  category: 'hammer',
  family: 'tool',
  names: ['hammer', 'mallet', ['sledgehammer', 'sledge'], 'martillo', 'marteau'],
  variants: { sledge: ['sledge'], claw: ['claw'] },
  slots: {
    head: {
      kinds: ['metal', 'wood', 'rubber'],
      colors: ['steel', 'iron'],
      words: ['head', 'claw', 'face'],
      primary: true,
    },
    handle: { kinds: ['wood', 'plastic', 'metal'], colors: HANDLE_WOODS, words: ['handle', 'shaft', 'grip'] },
  },
  optional: { claw: ['claw'] },
  example: 'a hammer with a wooden handle',
  build({ kit, random, variant, proportions }) {
    const length = random.vary(variant === 'sledge' ? 0.8 : 0.32) * proportions.length * proportions.height;
    const headLength = random.vary(variant === 'sledge' ? 0.22 : 0.12) * proportions.width;
    const headSize = variant === 'sledge' ? 0.07 : 0.028;
    kit.cylinder(
      'handle',
      'handle',
      { radiusTop: 0.014, radiusBottom: 0.017, height: length, segments: 12 },
      { at: [0, length / 2, 0] },
    );
    kit.box('head', 'head', [headLength * 0.6, headSize, headSize], {
      at: [headLength * 0.1, length, 0],
      bevel: headSize * 0.1,
    });
    kit.cylinder(
      'face',
      'head',
      { radius: headSize * 0.55, height: headLength * 0.25, segments: 16 },
      { at: [headLength * 0.45, length, 0], rotate: [0, 0, Math.PI / 2] },
    );
    if (variant !== 'sledge' && kit.has('claw')) {
      for (const side of [-1, 1])
        kit.tube(
          'claw',
          'head',
          [
            [-headLength * 0.15, length, side * headSize * 0.2],
            [-headLength * 0.4, length - headSize * 0.3, side * headSize * 0.3],
            [-headLength * 0.55, length - headSize * 0.9, side * headSize * 0.35],
          ],
          headSize * 0.18,
        );
    } else if (variant === 'sledge') {
      kit.cylinder(
        'face',
        'head',
        { radius: headSize * 0.55, height: headLength * 0.25, segments: 16 },
        { at: [-headLength * 0.25, length, 0], rotate: [0, 0, Math.PI / 2] },
      );
    }
  },
};

export const axe: GeneratorDefinition = {
  category: 'axe',
  family: 'tool',
  names: ['axe', 'ax', 'hatchet', ['battle axe', 'battle'], 'hacha', 'hache', 'axt'],
  variants: { battle: ['battle', 'war', 'viking', 'double'], hatchet: ['hatchet'] },
  slots: {
    head: { kinds: ['metal', 'stone'], colors: ['steel', 'iron'], words: ['head', 'blade', 'edge'], primary: true },
    handle: { kinds: ['wood', 'metal'], colors: HANDLE_WOODS, words: ['handle', 'haft', 'shaft'] },
  },
  example: 'a viking battle axe',
  build({ kit, random, variant, proportions }) {
    const length = random.vary(variant === 'hatchet' ? 0.38 : 0.75) * proportions.length * proportions.height;
    const bladeSize = random.vary(variant === 'battle' ? 0.2 : 0.14) * proportions.width;
    kit.cylinder(
      'handle',
      'handle',
      { radiusTop: 0.016, radiusBottom: 0.019, height: length, segments: 12 },
      { at: [0, length / 2, 0] },
    );
    const blade = (side: 1 | -1) => {
      const outline: [number, number][] = [
        [0, -bladeSize * 0.18],
        [bladeSize * 0.45, -bladeSize * 0.28],
        [bladeSize, -bladeSize * 0.55],
        [bladeSize * 1.05, bladeSize * 0.1],
        [bladeSize, bladeSize * 0.5],
        [bladeSize * 0.45, bladeSize * 0.18],
        [0, bladeSize * 0.14],
      ];
      kit.extrude(
        'blade',
        'head',
        outline.map(([x, y]) => [side * x, y] as [number, number]),
        0.012,
        { at: [0, length - bladeSize * 0.3, 0], bevel: 0.002 },
      );
    };
    blade(1);
    if (variant === 'battle') blade(-1);
    else kit.box('poll', 'head', [0.04, 0.05, 0.035], { at: [-0.025, length - bladeSize * 0.3, 0] });
  },
};

export const shovel: GeneratorDefinition = {
  category: 'shovel',
  family: 'tool',
  names: ['shovel', 'spade', 'pala', 'pelle', 'schaufel'],
  slots: {
    blade: {
      kinds: ['metal', 'plastic'],
      colors: ['steel', 'iron', 'red', 'green'],
      words: ['blade', 'head', 'scoop'],
      primary: true,
    },
    handle: { kinds: ['wood', 'metal', 'plastic'], colors: HANDLE_WOODS, words: ['handle', 'shaft', 'grip'] },
  },
  optional: { grip: ['grip'] },
  example: 'a garden shovel with a wooden handle',
  build({ kit, random, proportions }) {
    const length = random.vary(1.2) * proportions.length * proportions.height;
    const bladeWidth = random.vary(0.22) * proportions.width;
    const bladeHeight = random.vary(0.28);
    kit.cylinder(
      'shaft',
      'handle',
      { radius: 0.017, height: length - bladeHeight, segments: 12 },
      { at: [0, bladeHeight + (length - bladeHeight) / 2, 0] },
    );
    const outline: [number, number][] = [
      [-bladeWidth / 2, bladeHeight],
      [-bladeWidth / 2, bladeHeight * 0.35],
      [-bladeWidth * 0.3, bladeHeight * 0.08],
      [0, 0],
      [bladeWidth * 0.3, bladeHeight * 0.08],
      [bladeWidth / 2, bladeHeight * 0.35],
      [bladeWidth / 2, bladeHeight],
    ];
    kit.extrude('blade', 'blade', outline, 0.006, { rotate: [-0.12, 0, 0] });
    kit.cylinder(
      'socket',
      'blade',
      { radiusTop: 0.02, radiusBottom: 0.03, height: 0.12, segments: 12 },
      { at: [0, bladeHeight + 0.03, 0] },
    );
    if (kit.has('grip')) {
      kit.cylinder(
        'grip',
        'handle',
        { radius: 0.015, height: 0.13, segments: 10 },
        { at: [0, length + 0.02, 0], rotate: [0, 0, Math.PI / 2] },
      );
      for (const side of [-1, 1])
        kit.cylinder(
          'grip',
          'handle',
          { radius: 0.012, height: 0.09, segments: 8 },
          { at: [side * 0.055, length - 0.03, 0], rotate: [0, 0, side * 0.5] },
        );
    }
  },
};

export const screwdriver: GeneratorDefinition = {
  category: 'screwdriver',
  family: 'tool',
  names: ['screwdriver', 'screw driver', 'destornillador', 'tournevis', 'schraubenzieher'],
  variants: { phillips: ['phillips', 'cross'], flat: ['flat', 'slotted'] },
  slots: {
    handle: { kinds: ['plastic', 'wood', 'rubber'], colors: GRIP_COLOURS, words: ['handle', 'grip'], primary: true },
    shaft: { kinds: ['metal'], colors: ['steel', 'silver'], words: ['shaft', 'tip', 'blade'] },
  },
  example: 'a screwdriver with a yellow handle',
  build({ kit, random, variant, proportions }) {
    const handleLength = random.vary(0.11) * Math.sqrt(proportions.length);
    const shaftLength = random.vary(0.12) * proportions.length * proportions.height;
    const handleRadius = random.vary(0.016) * proportions.width;
    kit.lathe(
      'handle',
      'handle',
      [
        [0, 0],
        [handleRadius * 0.8, 0],
        [handleRadius, handleLength * 0.2],
        [handleRadius * 1.05, handleLength * 0.7],
        [handleRadius * 0.6, handleLength],
        [0, handleLength],
      ],
      { segments: kit.segments(8, 6) },
    );
    kit.cylinder(
      'shaft',
      'shaft',
      { radius: 0.0035, height: shaftLength, segments: 8 },
      { at: [0, handleLength + shaftLength / 2, 0] },
    );
    const tipY = handleLength + shaftLength;
    if (variant === 'phillips')
      kit.cylinder(
        'tip',
        'shaft',
        { radiusTop: 0.0005, radiusBottom: 0.0035, height: 0.012, segments: 4 },
        { at: [0, tipY + 0.006, 0] },
      );
    else kit.box('tip', 'shaft', [0.007, 0.012, 0.0015], { at: [0, tipY + 0.006, 0] });
  },
};

export const broom: GeneratorDefinition = {
  category: 'broom',
  family: 'tool',
  names: ['broom', ['witch broom', 'witch'], ['broomstick', 'witch'], 'escoba', 'balai', 'besen'],
  variants: { witch: ['witch', 'magic', 'flying'] },
  slots: {
    bristles: {
      kinds: ['fur', 'plastic'],
      colors: ['tan', 'sand', 'red', 'black'],
      words: ['bristle', 'brush', 'head'],
      primary: true,
    },
    handle: { kinds: ['wood', 'metal', 'plastic'], colors: HANDLE_WOODS, words: ['handle', 'stick', 'pole'] },
  },
  example: "a witch's broom",
  build({ kit, random, variant, proportions }) {
    const length = random.vary(1.3) * proportions.length * proportions.height;
    kit.cylinder(
      'handle',
      'handle',
      { radius: 0.014, height: length, segments: 10 },
      { at: [0, length / 2 + 0.15, 0] },
    );
    if (variant === 'witch') {
      kit.cylinder(
        'bristles',
        'bristles',
        { radiusTop: 0.04, radiusBottom: 0.13 * proportions.width, height: 0.38, segments: 16 },
        { at: [0, 0.19, 0] },
      );
      kit.torus('binding', 'handle', 0.045, 0.008, { at: [0, 0.34, 0], rotate: [Math.PI / 2, 0, 0] });
    } else {
      const width = random.vary(0.3) * proportions.width;
      kit.box('block', 'handle', [width, 0.05, 0.06], { at: [0, 0.17, 0], bevel: 0.01 });
      kit.box('bristles', 'bristles', [width * 1.05, 0.14, 0.05], { at: [0, 0.07, 0] });
    }
  },
};

export const ladder: GeneratorDefinition = {
  category: 'ladder',
  family: 'tool',
  names: ['ladder', ['step ladder', 'step'], ['stepladder', 'step'], 'escalera', 'echelle', 'leiter'],
  variants: { step: ['step', 'folding'] },
  slots: {
    rails: {
      kinds: ['wood', 'metal'],
      colors: ['pine', 'oak', 'silver'],
      words: ['rail', 'side', 'leg'],
      primary: true,
    },
    rungs: { kinds: ['wood', 'metal'], colors: ['pine', 'oak', 'silver'], words: ['rung', 'step'], primary: true },
  },
  counts: { rungs: { words: ['rung', 'step'], default: 7, min: 2, max: 20 } },
  example: 'a wooden ladder with 8 rungs',
  build({ kit, random, variant, counts, proportions }) {
    const rungs = counts.rungs;
    const spacing = random.vary(0.28);
    const height = (rungs + 0.6) * spacing * proportions.height;
    const width = random.vary(0.42) * proportions.width;
    const lean = variant === 'step' ? 0.25 : 0;
    for (const side of [-1, 1])
      kit.box('rail', 'rails', [0.04, height, 0.07], { at: [(side * width) / 2, height / 2, 0], rotate: [lean, 0, 0] });
    for (let rung = 0; rung < rungs; rung++) {
      const y = spacing * (rung + 0.6) * proportions.height;
      kit.cylinder(
        'rung',
        'rungs',
        { radius: 0.016, height: width, segments: 10 },
        { at: [0, y, -Math.sin(lean) * (y - height / 2)], rotate: [0, 0, Math.PI / 2] },
      );
    }
    if (variant === 'step') {
      for (const side of [-1, 1])
        kit.box('rear_leg', 'rails', [0.035, height, 0.05], {
          at: [(side * width) / 2, height / 2, -Math.sin(lean) * height],
          rotate: [-lean, 0, 0],
        });
    }
  },
};
