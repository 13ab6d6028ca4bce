// Hand tools at real size: wrench, saw, pliers, pickaxe, rake, scissors, paintbrush and watering can.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, type PartSpec } from '../kit/part-list.ts';

const STEEL: MaterialSlotDefinition = {
  kinds: ['metal'],
  colors: ['steel', 'silver', 'iron'],
  words: ['metal', 'head', 'blade', 'jaw'],
  primary: true,
};
const GRIP: MaterialSlotDefinition = {
  kinds: ['rubber', 'plastic', 'wood'],
  colors: ['red', 'black', 'yellow', 'walnut'],
  words: ['handle', 'grip'],
};

export const wrench = partListCategory({
  category: 'wrench',
  family: 'tool',
  names: [
    'wrench',
    'spanner',
    'monkey wrench',
    'adjustable wrench',
    'llave inglesa',
    'cle anglaise',
    'schraubenschlussel',
  ],
  slots: { metal: STEEL, grip: GRIP },
  optional: { grip: ['grip'] },
  example: 'a steel wrench',
  parts: ({ kit }) => [
    { part: 'shaft', slot: 'metal', box: [0.02, 0.008, 0.2], at: [0, 0.004, 0] },
    {
      part: 'head',
      slot: 'metal',
      torus: [0.02, 0.007],
      arc: Math.PI * 1.5,
      at: [0, 0.004, 0.115],
      rotate: [Math.PI / 2, 0, Math.PI * 0.25],
    },
    { part: 'ring', slot: 'metal', torus: [0.015, 0.006], at: [0, 0.004, -0.11], rotate: [Math.PI / 2, 0, 0] },
    ...(kit.wants('grip')
      ? [
          {
            part: 'grip',
            slot: 'grip',
            box: [0.024, 0.012, 0.1],
            at: [0, 0.004, -0.03],
            bevel: 0.004,
          } satisfies PartSpec,
        ]
      : []),
  ],
});

export const saw = partListCategory({
  category: 'saw',
  family: 'tool',
  names: ['saw', 'hand saw', 'handsaw', 'hacksaw', 'sierra', 'scie', 'sage'],
  slots: {
    blade: { ...STEEL, words: ['blade', 'teeth', 'tooth'] },
    grip: { ...GRIP, colors: ['walnut', 'oak', 'red'] },
  },
  example: 'a hand saw with a wooden handle',
  parts: [
    {
      part: 'blade',
      slot: 'blade',
      extrude: [
        [0, 0],
        [0.45, 0.02],
        [0.45, 0.06],
        [0, 0.12],
      ],
      depth: 0.0015,
      at: [0, 0.0, 0],
      rotate: [0, 0, 0],
    },
    ...Array.from({ length: 22 }, (_, index): PartSpec => ({
      part: 'tooth',
      slot: 'blade',
      extrude: [
        [0, 0],
        [0.02, 0],
        [0.01, -0.008],
      ],
      depth: 0.0015,
      at: [index * 0.02, 0.001 + index * 0.00089, 0],
    })),
    {
      part: 'handle',
      slot: 'grip',
      extrude: [
        [-0.13, 0.0],
        [0.01, 0.0],
        [0.01, 0.13],
        [-0.13, 0.13],
        [-0.1, 0.065],
      ],
      depth: 0.022,
      at: [0, 0.0, 0],
      bevel: 0.004,
    },
  ],
});

export const pliers = partListCategory({
  category: 'pliers',
  family: 'tool',
  names: ['pliers', 'pincers', 'wire cutter', 'alicates', 'pince', 'zange'],
  slots: { metal: STEEL, grip: GRIP },
  example: 'red handled pliers',
  parts: [
    {
      part: 'jaw',
      slot: 'metal',
      box: [0.012, 0.008, 0.06],
      at: [0.006, 0.01, 0.06],
      rotate: [0, 0.05, 0],
      mirror: true,
    },
    { part: 'pivot', slot: 'metal', cylinder: [0.01, 0.01, 0.014], at: [0, 0.01, 0.025] },
    {
      part: 'handle',
      slot: 'grip',
      capsule: [0.008, 0.11],
      at: [0.025, 0.01, -0.04],
      rotate: [Math.PI / 2, 0.25, 0],
      mirror: true,
    },
  ],
});

export const pickaxe = partListCategory({
  category: 'pickaxe',
  family: 'tool',
  names: ['pickaxe', 'pick axe', 'pick', 'mattock', 'pico', 'pioche', 'spitzhacke'],
  slots: {
    metal: { ...STEEL, colors: ['iron', 'steel', 'charcoal'] },
    handle: { ...GRIP, kinds: ['wood'], colors: ['oak', 'walnut', 'pine'] },
  },
  example: "a miner's pickaxe",
  parts: [
    { part: 'handle', slot: 'handle', cylinder: [0.017, 0.02, 0.9], at: [0, 0.45, 0] },
    {
      part: 'head',
      slot: 'metal',
      tube: [
        [-0.3, 0.82, 0],
        [-0.12, 0.9, 0],
        [0, 0.92, 0],
        [0.12, 0.9, 0],
        [0.3, 0.82, 0],
      ],
      radius: 0.025,
    },
    {
      part: 'tip',
      slot: 'metal',
      cylinder: [0.001, 0.025, 0.06],
      at: [0.32, 0.8, 0],
      rotate: [0, 0, 2.1],
      mirror: true,
    },
  ],
});

export const rake = partListCategory({
  category: 'rake',
  family: 'tool',
  names: ['rake', 'garden rake', 'leaf rake', 'rastrillo', 'rateau', 'rechen'],
  slots: {
    handle: { ...GRIP, kinds: ['wood'], colors: ['oak', 'pine'], primary: true },
    metal: { ...STEEL, primary: false, words: ['head', 'tine', 'prong'] },
  },
  counts: { tines: { words: ['tine', 'prong', 'tooth'], default: 12, min: 4, max: 20 } },
  example: 'a garden rake',
  parts: ({ counts }) => [
    { part: 'handle', slot: 'handle', cylinder: [0.014, 0.014, 1.5], at: [0, 0.75 + 0.1, 0] },
    { part: 'head', slot: 'metal', box: [0.4, 0.03, 0.03], at: [0, 0.1, 0] },
    ...Array.from({ length: counts.tines }, (_, index): PartSpec => ({
      part: 'tine',
      slot: 'metal',
      cylinder: [0.003, 0.002, 0.09],
      at: [-0.19 + (index * 0.38) / (counts.tines - 1), 0.045, 0.01],
    })),
  ],
});

export const scissors = partListCategory({
  category: 'scissors',
  family: 'tool',
  names: ['scissors', 'shears', 'pair of scissors', 'tijeras', 'ciseaux', 'schere'],
  slots: {
    blade: { ...STEEL, words: ['blade'] },
    grip: { ...GRIP, colors: ['red', 'blue', 'orange', 'black'], words: ['handle', 'ring', 'grip'] },
  },
  example: 'a pair of orange scissors',
  parts: [
    {
      part: 'blade',
      slot: 'blade',
      extrude: [
        [0, -0.006],
        [0.11, -0.002],
        [0.11, 0.001],
        [0, 0.006],
      ],
      depth: 0.003,
      at: [0, 0.006, 0],
      rotate: [Math.PI / 2, 0.12, 0],
    },
    {
      part: 'blade',
      slot: 'blade',
      extrude: [
        [0, -0.006],
        [0.11, -0.002],
        [0.11, 0.001],
        [0, 0.006],
      ],
      depth: 0.003,
      at: [0, 0.009, 0],
      rotate: [Math.PI / 2, -0.12, 0],
    },
    { part: 'pivot', slot: 'blade', cylinder: [0.005, 0.005, 0.008], at: [0, 0.0075, 0] },
    { part: 'ring', slot: 'grip', torus: [0.02, 0.005], at: [-0.035, 0.0075, 0.018], rotate: [Math.PI / 2, 0, 0] },
    { part: 'ring', slot: 'grip', torus: [0.02, 0.005], at: [-0.035, 0.0075, -0.018], rotate: [Math.PI / 2, 0, 0] },
  ],
});

export const paintbrush = partListCategory({
  category: 'paintbrush',
  family: 'tool',
  names: ['paintbrush', 'paint brush', 'brush', 'artist brush', 'pincel', 'pinceau', 'pinsel'],
  slots: {
    handle: { ...GRIP, kinds: ['wood', 'paint'], colors: ['red', 'walnut', 'black', 'blue'], primary: true },
    ferrule: { ...STEEL, primary: false, words: ['ferrule', 'metal'] },
    bristles: { kinds: ['fur'], colors: ['tan', 'charcoal', 'white'], words: ['bristle', 'hair', 'tip', 'paint'] },
  },
  example: 'a paintbrush with red paint',
  parts: [
    { part: 'handle', slot: 'handle', cylinder: [0.005, 0.007, 0.2], at: [0, 0.1, 0] },
    { part: 'ferrule', slot: 'ferrule', cylinder: [0.0065, 0.0065, 0.03], at: [0, 0.215, 0] },
    { part: 'bristles', slot: 'bristles', cylinder: [0.001, 0.007, 0.035], at: [0, 0.2475, 0] },
  ],
});

export const wateringCan = partListCategory({
  category: 'watering can',
  family: 'tool',
  names: ['watering can', 'watering pot', 'regadera', 'arrosoir', 'giesskanne'],
  slots: {
    body: {
      ...STEEL,
      kinds: ['metal', 'plastic', 'paint'],
      colors: ['green', 'silver', 'red', 'blue'],
      words: ['body', 'can'],
    },
    trim: { kinds: ['metal'], colors: ['brass', 'silver'], words: ['rose', 'spout', 'handle'] },
  },
  example: 'a green metal watering can',
  parts: [
    { part: 'body', slot: 'body', cylinder: [0.1, 0.11, 0.22], at: [0, 0.11, 0], segments: 28 },
    { part: 'spout', slot: 'body', cylinder: [0.012, 0.025, 0.3], at: [0, 0.2, 0.2], rotate: [1.0, 0, 0] },
    { part: 'rose', slot: 'trim', cylinder: [0.035, 0.015, 0.03], at: [0, 0.29, 0.33], rotate: [1.0, 0, 0] },
    {
      part: 'handle',
      slot: 'trim',
      torus: [0.09, 0.01],
      arc: Math.PI,
      at: [0, 0.22, -0.02],
      rotate: [0, Math.PI / 2, 0],
    },
  ],
});
