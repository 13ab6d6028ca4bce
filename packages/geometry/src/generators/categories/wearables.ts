// Things worn below the head, each designed around its anchor (neck radius 0.05 m, head radius 0.1 m, torso
// radius 0.15 m): scarf, bow tie, glasses (sunglasses, goggles), backpack, breastplate (armour) and cape.

import { partListCategory, type PartSpec } from '../kit/part-list.ts';

export const scarf = partListCategory({
  category: 'scarf',
  family: 'wearable',
  names: ['scarf', 'muffler', 'neckerchief', 'bandana', 'bufanda', 'echarpe', 'schal'],
  slots: {
    fabric: {
      kinds: ['fabric'],
      colors: ['red', 'green', 'blue', 'yellow', 'maroon', 'white'],
      words: ['scarf', 'fabric', 'stripe'],
      primary: true,
    },
    fringe: { kinds: ['fabric'], colors: ['white', 'cream', 'red'], words: ['fringe', 'tassel'] },
  },
  traits: { wear: { place: 'neck', designSize: 0.05 } },
  example: 'a red knitted scarf',
  parts: [
    { part: 'wrap', slot: 'fabric', torus: [0.06, 0.022], rotate: [Math.PI / 2, 0, 0] },
    { part: 'tail', slot: 'fabric', box: [0.045, 0.14, 0.016], at: [0.03, -0.07, 0.07], rotate: [0.15, 0, 0.12] },
    { part: 'fringe', slot: 'fringe', box: [0.045, 0.015, 0.017], at: [0.038, -0.145, 0.082], rotate: [0.15, 0, 0.12] },
  ],
});

export const bowTie = partListCategory({
  category: 'bow tie',
  family: 'wearable',
  names: ['bow tie', 'bowtie', 'necktie', 'tie', 'corbata', 'noeud papillon', 'fliege'],
  slots: {
    fabric: { kinds: ['fabric'], colors: ['red', 'black', 'navy', 'maroon'], words: ['tie', 'bow'], primary: true },
  },
  traits: { wear: { place: 'neck', designSize: 0.05 } },
  example: 'a red bow tie',
  parts: [
    { part: 'knot', slot: 'fabric', sphere: [0.012, 0.012, 0.01], at: [0, -0.01, 0.06] },
    {
      part: 'wing',
      slot: 'fabric',
      extrude: [
        [0, 0],
        [0.05, 0.022],
        [0.05, -0.022],
      ],
      depth: 0.012,
      at: [0.005, -0.01, 0.06],
      mirror: true,
    },
  ],
});

export const glasses = partListCategory({
  category: 'glasses',
  family: 'wearable',
  names: [
    'eyeglasses',
    'pair of glasses',
    'reading glasses',
    'spectacles',
    ['sunglasses', 'sun'],
    ['sun glasses', 'sun'],
    ['shades', 'sun'],
    ['goggles', 'goggles'],
    ['ski goggles', 'goggles'],
    'gafas',
    'lunettes',
    'brille',
  ],
  variants: { sun: ['sun', 'sunglasses', 'shades', 'aviator'], goggles: ['goggles', 'ski', 'swimming'] },
  variantSlots: { sun: { lens: { kinds: ['glass'], colors: ['charcoal', 'black'] } } },
  slots: {
    frame: {
      kinds: ['plastic', 'metal'],
      colors: ['black', 'gold', 'silver', 'red', 'tortoise'],
      words: ['frame', 'rim', 'arm', 'strap'],
      primary: true,
    },
    lens: { kinds: ['glass'], colors: ['white', 'cyan'], words: ['lens', 'glass'] },
  },
  traits: { wear: { place: 'face', designSize: 0.1 } },
  example: 'a pair of black sunglasses',
  parts: ({ variant }) => [
    ...(variant === 'goggles'
      ? ([
          { part: 'lens', slot: 'lens', sphere: [0.04, 0.03, 0.015], at: [0.04, 0, 0.012], mirror: true },
          { part: 'strap', slot: 'frame', torus: [0.105, 0.008], at: [0, 0, -0.09], rotate: [Math.PI / 2, 0, 0] },
        ] satisfies PartSpec[])
      : ([
          { part: 'rim', slot: 'frame', torus: [0.026, 0.003], at: [0.035, 0, 0.008], mirror: true },
          {
            part: 'lens',
            slot: 'lens',
            cylinder: [0.025, 0.025, 0.003],
            at: [0.035, 0, 0.008],
            rotate: [Math.PI / 2, 0, 0],
            mirror: true,
          },
          { part: 'bridge', slot: 'frame', torus: [0.01, 0.0025], arc: Math.PI, at: [0, 0.006, 0.008] },
          { part: 'arm', slot: 'frame', box: [0.004, 0.006, 0.11], at: [0.062, 0.005, -0.048], mirror: true },
        ] satisfies PartSpec[])),
  ],
});

export const backpack = partListCategory({
  category: 'backpack',
  family: 'wearable',
  names: ['backpack', 'rucksack', 'knapsack', 'school bag', 'jetpack', 'mochila', 'sac a dos'],
  slots: {
    fabric: {
      kinds: ['fabric', 'leather'],
      colors: ['red', 'blue', 'green', 'black', 'orange', 'olive'],
      words: ['bag', 'body'],
      primary: true,
    },
    trim: { kinds: ['fabric', 'rubber'], colors: ['black', 'charcoal', 'grey'], words: ['strap', 'pocket', 'zip'] },
  },
  traits: { wear: { place: 'back', designSize: 0.15 } },
  example: 'a red school backpack',
  parts: [
    { part: 'body', slot: 'fabric', box: [0.3, 0.42, 0.14], at: [0, 0.0, -0.08], bevel: 0.04 },
    { part: 'pocket', slot: 'trim', box: [0.22, 0.16, 0.05], at: [0, -0.09, -0.16], bevel: 0.02 },
    { part: 'strap', slot: 'trim', box: [0.04, 0.36, 0.015], at: [0.08, 0.0, -0.005], mirror: true },
    { part: 'handle', slot: 'trim', torus: [0.03, 0.008], arc: Math.PI, at: [0, 0.21, -0.08] },
  ],
  anchors: { top: { at: [0, 0.21, -0.08], size: 0.12 } },
});

export const breastplate = partListCategory({
  category: 'breastplate',
  family: 'wearable',
  names: [
    'breastplate',
    'armor',
    'armour',
    'chestplate',
    'cuirass',
    'suit of armor',
    'suit of armour',
    'body armor',
    'chainmail',
    'armadura',
    'armure',
    'rustung',
  ],
  slots: {
    plate: {
      kinds: ['metal', 'leather', 'gold'],
      colors: ['steel', 'silver', 'iron', 'bronze'],
      words: ['plate', 'armor', 'armour'],
      primary: true,
    },
    trim: {
      kinds: ['gold', 'leather', 'fabric'],
      colors: ['gold', 'brown', 'red'],
      words: ['trim', 'strap', 'emblem'],
    },
  },
  traits: { wear: { place: 'body', designSize: 0.15 } },
  example: 'a steel breastplate with gold trim',
  parts: [
    { part: 'plate', slot: 'plate', sphere: [0.17, 0.24, 0.13], at: [0, 0.02, 0.0], segments: 24 },
    {
      part: 'pauldron',
      slot: 'plate',
      sphere: [0.08, 0.05, 0.08],
      at: [0.17, 0.2, 0],
      rotate: [0, 0, -0.4],
      mirror: true,
    },
    { part: 'trim', slot: 'trim', torus: [0.165, 0.01], at: [0, -0.16, 0], rotate: [Math.PI / 2, 0, 0] },
    {
      part: 'emblem',
      slot: 'trim',
      extrude: [
        [-0.04, 0.03],
        [0.04, 0.03],
        [0.035, -0.02],
        [0, -0.05],
        [-0.035, -0.02],
      ],
      depth: 0.01,
      at: [0, 0.05, 0.132],
    },
  ],
});

export const cape = partListCategory({
  category: 'cape',
  family: 'wearable',
  names: ['cape', 'cloak', 'superhero cape', 'mantle', 'capa', 'umhang'],
  slots: {
    fabric: {
      kinds: ['fabric'],
      colors: ['red', 'purple', 'black', 'navy', 'green'],
      words: ['cape', 'cloak', 'fabric'],
      primary: true,
    },
    clasp: { kinds: ['gold', 'metal'], colors: ['gold'], words: ['clasp', 'collar'] },
  },
  traits: { wear: { place: 'back', designSize: 0.15 } },
  example: 'a red superhero cape',
  parts: [
    {
      part: 'cape',
      slot: 'fabric',
      extrude: [
        [-0.13, 0.2],
        [0.13, 0.2],
        [0.32, -0.8],
        [-0.32, -0.8],
      ],
      depth: 0.012,
      at: [0, 0, -0.03],
      rotate: [0.08, 0, 0],
    },
    {
      part: 'collar',
      slot: 'fabric',
      torus: [0.12, 0.015],
      arc: Math.PI,
      at: [0, 0.2, 0.02],
      rotate: [Math.PI / 2, 0, Math.PI],
    },
    { part: 'clasp', slot: 'clasp', sphere: 0.02, at: [0.12, 0.2, 0.04], mirror: true },
  ],
});
