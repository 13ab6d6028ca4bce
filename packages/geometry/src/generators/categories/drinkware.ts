// Drinkware: mug / cup (with saucer for tea cups), wine glass, bottle and teapot. Hollow bodies are lathe
// profiles that go up the outside, over the rim and down the inside, so walls have a real thickness.

import type { GeneratorDefinition } from '../generator-definition.ts';
import type { Vector2Tuple } from '../kit/shapes.ts';

const CERAMIC_COLOURS = ['white', 'cream', 'blue', 'red', 'green', 'yellow', 'charcoal', 'teal'];

/** A hollow cup profile: outer wall from the base to the rim, then the inner wall back down. */
function cupProfile(radiusBottom: number, radiusTop: number, height: number, wall: number, belly = 0): Vector2Tuple[] {
  return [
    [0, 0],
    [radiusBottom, 0],
    [radiusBottom + (radiusTop - radiusBottom) * 0.5 + belly, height * 0.5],
    [radiusTop, height],
    [radiusTop - wall, height],
    [radiusBottom + (radiusTop - radiusBottom) * 0.5 + belly - wall, height * 0.5],
    [radiusBottom - wall, wall],
    [0, wall],
  ];
}

export const mug: GeneratorDefinition = {
  category: 'mug',
  family: 'vessel',
  names: [
    'mug',
    'cup',
    ['coffee mug', 'mug'],
    ['coffee cup', 'mug'],
    ['teacup', 'teacup'],
    ['tea cup', 'teacup'],
    'taza',
    'tasse',
    'becher',
  ],
  variants: { teacup: ['tea', 'saucer'], mug: ['coffee', 'beer'] },
  slots: {
    body: {
      kinds: ['ceramic', 'metal', 'glass', 'plastic', 'clay'],
      colors: CERAMIC_COLOURS,
      words: ['body', 'handle', 'saucer'],
      primary: true,
    },
    drink: { kinds: ['solid'], colors: ['walnut'], words: ['coffee', 'tea', 'drink'] },
  },
  optional: { handle: ['handle'], saucer: ['saucer'], drink: ['coffee', 'tea', 'drink', 'liquid'] },
  example: 'a blue ceramic mug without a handle',
  build({ kit, random, variant, proportions }) {
    const teacup = variant === 'teacup';
    const height = random.vary(teacup ? 0.065 : 0.1) * proportions.height;
    const radius = random.vary(teacup ? 0.045 : 0.042) * proportions.width;
    const flare = teacup ? radius * 0.35 : random.between(-0.004, 0.008);
    kit.lathe('body', 'body', cupProfile(teacup ? radius * 0.55 : radius, radius + flare, height, 0.004), {
      segments: 32,
    });
    if (random.chance(0.5))
      kit.lathe(
        'drink',
        'drink',
        [
          [0, height * 0.3],
          [radius + flare * 0.8 - 0.004, height * 0.3],
          [radius + flare * 0.8 - 0.004, height * 0.82],
          [0, height * 0.82],
        ],
        { segments: 32 },
      );
    if (kit.has('handle')) {
      const handleRadius = height * (teacup ? 0.28 : 0.3);
      kit.torus('handle', 'body', handleRadius, 0.006, {
        at: [radius + flare * 0.5, height * 0.52, 0],
        rotate: [0, 0, -Math.PI / 2],
        arc: Math.PI,
      });
    }
    if (teacup && kit.has('saucer')) {
      kit.lathe(
        'saucer',
        'body',
        [
          [0, -0.008],
          [radius * 2.3, -0.004],
          [radius * 2.4, 0.004],
          [radius * 2.2, 0.002],
          [radius * 0.8, -0.002],
          [0, -0.002],
        ],
        { segments: 32 },
      );
    }
  },
};

export const wineGlass: GeneratorDefinition = {
  category: 'wine glass',
  family: 'vessel',
  names: ['wine glass', 'glass', 'goblet', 'champagne glass', 'chalice', 'copa', 'verre a vin', 'weinglas'],
  variants: { filled: ['wine', 'filled', 'full'], goblet: ['goblet', 'chalice'] },
  slots: {
    glass: {
      kinds: ['glass', 'metal', 'gold', 'ceramic'],
      colors: ['white'],
      words: ['bowl', 'stem', 'foot', 'base'],
      primary: true,
    },
    wine: { kinds: ['solid'], colors: ['maroon', 'crimson', 'yellow'], words: ['wine', 'liquid', 'drink'] },
  },
  optional: { wine: ['wine', 'liquid', 'drink'] },
  example: 'a glass of red wine',
  build({ kit, random, variant, proportions }) {
    const goblet = variant === 'goblet';
    const stemHeight = random.vary(goblet ? 0.06 : 0.08) * proportions.height;
    const bowlHeight = random.vary(0.1) * Math.sqrt(proportions.height);
    const bowlRadius = random.vary(goblet ? 0.045 : 0.04) * proportions.width;
    const footRadius = bowlRadius * 0.9;
    const wall = 0.0025;
    const profile: Vector2Tuple[] = [
      [0, 0],
      [footRadius, 0],
      [footRadius * 0.9, 0.005],
      [0.005, 0.01],
      [0.004, stemHeight],
      [bowlRadius * 0.6, stemHeight + bowlHeight * 0.15],
      [bowlRadius, stemHeight + bowlHeight * 0.55],
      [bowlRadius * (goblet ? 1.05 : 0.85), stemHeight + bowlHeight],
      [bowlRadius * (goblet ? 1.05 : 0.85) - wall, stemHeight + bowlHeight],
      [bowlRadius - wall, stemHeight + bowlHeight * 0.55],
      [bowlRadius * 0.6 - wall, stemHeight + bowlHeight * 0.17],
      [0, stemHeight + bowlHeight * 0.12],
    ];
    kit.lathe('glass', 'glass', profile, { segments: 32 });
    if (variant === 'filled' && kit.has('wine')) {
      kit.lathe(
        'wine',
        'wine',
        [
          [0, stemHeight + bowlHeight * 0.13],
          [bowlRadius * 0.6 - wall * 1.5, stemHeight + bowlHeight * 0.18],
          [bowlRadius - wall * 1.5, stemHeight + bowlHeight * 0.5],
          [0, stemHeight + bowlHeight * 0.5],
        ],
        { segments: 32 },
      );
    }
  },
};

export const bottle: GeneratorDefinition = {
  category: 'bottle',
  family: 'vessel',
  names: [
    'bottle',
    ['wine bottle', 'wine'],
    ['water bottle', 'water'],
    ['beer bottle', 'beer'],
    ['potion bottle', 'potion'],
    ['potion', 'potion'],
    'botella',
    'bouteille',
    'flasche',
  ],
  variants: {
    wine: ['wine'],
    water: ['water', 'sport'],
    beer: ['beer'],
    potion: ['potion', 'magic', 'elixir', 'health', 'healing', 'mana', 'poison'],
  },
  slots: {
    glass: {
      kinds: ['glass', 'plastic', 'metal', 'ceramic'],
      colors: ['green', 'olive', 'brown', 'blue', 'white'],
      words: ['glass', 'body'],
      primary: true,
    },
    cap: {
      kinds: ['metal', 'plastic', 'wood'],
      colors: ['gold', 'silver', 'red', 'black'],
      words: ['cap', 'cork', 'lid', 'stopper'],
    },
    label: { kinds: ['paper'], colors: ['cream', 'white', 'red', 'black'], words: ['label'] },
  },
  optional: { cap: ['cap', 'cork', 'lid', 'stopper'], label: ['label'] },
  example: 'a green wine bottle with a cork',
  build({ kit, random, variant, proportions }) {
    const potion = variant === 'potion';
    const height =
      random.vary(potion ? 0.16 : variant === 'beer' ? 0.23 : variant === 'water' ? 0.22 : 0.3) * proportions.height;
    const radius = random.vary(potion ? 0.05 : variant === 'water' ? 0.035 : 0.038) * proportions.width;
    const neckRadius = radius * (potion ? 0.28 : variant === 'water' ? 0.55 : 0.35);
    const shoulder = height * (potion ? 0.55 : variant === 'wine' ? 0.62 : 0.55);
    const neckBottom = height * (potion ? 0.75 : 0.78);
    const profile: Vector2Tuple[] = potion
      ? [
          [0, 0],
          [radius * 0.6, 0],
          [radius, height * 0.3],
          [radius * 0.8, shoulder],
          [neckRadius, neckBottom],
          [neckRadius, height],
          [0, height],
        ]
      : [
          [0, 0],
          [radius * 0.95, 0],
          [radius, 0.01],
          [radius, shoulder],
          [neckRadius * 1.1, neckBottom],
          [neckRadius, height * 0.96],
          [neckRadius * 1.15, height * 0.97],
          [neckRadius * 1.1, height],
          [0, height],
        ];
    kit.lathe('body', 'glass', profile, { segments: 28 });
    if (kit.has('cap')) {
      if (potion || variant === 'wine')
        kit.cylinder(
          'cork',
          'cap',
          { radiusTop: neckRadius * 1.05, radiusBottom: neckRadius * 0.9, height: height * 0.08, segments: 14 },
          { at: [0, height + height * 0.02, 0] },
        );
      else
        kit.cylinder(
          'cap',
          'cap',
          { radius: neckRadius * 1.25, height: height * 0.06, segments: 18 },
          { at: [0, height, 0] },
        );
    }
    if (!potion && kit.has('label'))
      kit.cylinder(
        'label',
        'label',
        { radius: radius * 1.01, height: shoulder * 0.45, openEnded: true, segments: 28 },
        { at: [0, shoulder * 0.45, 0] },
      );
  },
};

export const teapot: GeneratorDefinition = {
  category: 'teapot',
  family: 'vessel',
  names: ['teapot', 'tea pot', 'tetera', 'theiere', 'teekanne'],
  slots: {
    body: {
      kinds: ['ceramic', 'metal', 'clay'],
      colors: ['white', 'cream', 'blue', 'green', 'red', 'terracotta'],
      words: ['body', 'lid', 'spout', 'handle'],
      primary: true,
    },
    knob: { kinds: ['ceramic', 'metal', 'gold'], colors: ['gold', 'white', 'black'], words: ['knob'] },
  },
  optional: { lid: ['lid'], spout: ['spout'], handle: ['handle'] },
  example: 'a white porcelain teapot',
  build({ kit, random, proportions }) {
    const radius = random.vary(0.09) * proportions.width;
    const height = random.vary(0.14) * proportions.height;
    const profile: Vector2Tuple[] = [
      [0, 0],
      [radius * 0.6, 0],
      [radius * 0.95, height * 0.25],
      [radius, height * 0.5],
      [radius * 0.8, height * 0.85],
      [radius * 0.5, height],
      [0, height],
    ];
    kit.lathe('body', 'body', profile, { segments: 32 });
    if (kit.has('lid')) {
      kit.lathe(
        'lid',
        'body',
        [
          [0, height - 0.004],
          [radius * 0.52, height - 0.004],
          [radius * 0.4, height + 0.02],
          [0, height + 0.028],
        ],
        { segments: 28 },
      );
      kit.sphere('knob', 'knob', 0.012, { at: [0, height + 0.034, 0], segments: 10 });
    }
    if (kit.has('spout')) {
      kit.tube(
        'spout',
        'body',
        [
          [radius * 0.8, height * 0.3, 0],
          [radius * 1.3, height * 0.45, 0],
          [radius * 1.55, height * 0.85, 0],
        ],
        0.012,
      );
    }
    if (kit.has('handle')) {
      kit.torus('handle', 'body', height * 0.3, 0.009, {
        at: [-radius * 0.9, height * 0.52, 0],
        rotate: [0, 0, Math.PI / 2],
        arc: Math.PI,
      });
    }
  },
};
