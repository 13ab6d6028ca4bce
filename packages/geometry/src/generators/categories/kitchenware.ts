// Kitchenware at real size: frying pan, kettle, spoon, fork, kitchen knife, plate, cutting board, rolling pin,
// toaster and a kitchen blender.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, type PartSpec } from '../kit/part-list.ts';

const STEEL: MaterialSlotDefinition = {
  kinds: ['metal'],
  colors: ['steel', 'silver'],
  words: ['metal', 'blade', 'head', 'body'],
  primary: true,
};
const HANDLE: MaterialSlotDefinition = {
  kinds: ['wood', 'plastic', 'metal'],
  colors: ['black', 'walnut', 'oak', 'red'],
  words: ['handle', 'grip'],
};

export const fryingPan = partListCategory({
  category: 'frying pan',
  family: 'kitchen',
  names: ['frying pan', 'pan', 'skillet', 'wok', 'frypan', 'sarten', 'poele', 'pfanne'],
  slots: { pan: { ...STEEL, colors: ['charcoal', 'black', 'iron', 'copper'], words: ['pan', 'body'] }, handle: HANDLE },
  example: 'a cast iron frying pan',
  parts: [
    {
      part: 'pan',
      slot: 'pan',
      lathe: [
        [0, 0],
        [0.1, 0],
        [0.13, 0.045],
        [0.125, 0.045],
        [0.096, 0.005],
        [0, 0.005],
      ],
      segments: 36,
    },
    {
      part: 'handle',
      slot: 'handle',
      box: [0.025, 0.018, 0.2],
      at: [0, 0.045, 0.22],
      rotate: [-0.15, 0, 0],
      bevel: 0.006,
    },
  ],
  anchors: { inside: { at: [0, 0.006, 0], size: 0.09 } },
});

export const kettle = partListCategory({
  category: 'kettle',
  family: 'kitchen',
  names: ['kettle', 'tea kettle', 'electric kettle', 'hervidor', 'bouilloire', 'wasserkocher'],
  slots: {
    body: { ...STEEL, kinds: ['metal', 'paint', 'ceramic'], colors: ['silver', 'red', 'cream', 'black'] },
    handle: HANDLE,
  },
  example: 'a red enamel kettle',
  parts: [
    {
      part: 'body',
      slot: 'body',
      lathe: [
        [0, 0],
        [0.1, 0],
        [0.11, 0.06],
        [0.095, 0.14],
        [0.05, 0.17],
        [0, 0.175],
      ],
      segments: 32,
    },
    { part: 'spout', slot: 'body', cylinder: [0.012, 0.025, 0.12], at: [0, 0.1, 0.12], rotate: [0.9, 0, 0] },
    {
      part: 'handle',
      slot: 'handle',
      torus: [0.07, 0.01],
      arc: Math.PI,
      at: [0, 0.17, 0],
      rotate: [0, Math.PI / 2, 0],
    },
    { part: 'knob', slot: 'handle', sphere: 0.012, at: [0, 0.18, 0] },
  ],
});

export const spoon = partListCategory({
  category: 'spoon',
  family: 'kitchen',
  names: ['spoon', 'ladle', 'wooden spoon', 'teaspoon', 'cuchara', 'cuillere', 'loffel'],
  slots: { metal: { ...STEEL, kinds: ['metal', 'wood'], words: ['spoon', 'bowl', 'handle'] } },
  example: 'a silver spoon',
  parts: [
    { part: 'bowl', slot: 'metal', sphere: [0.022, 0.006, 0.032], at: [0, 0.006, 0.07] },
    { part: 'handle', slot: 'metal', box: [0.01, 0.004, 0.14], at: [0, 0.008, -0.03], rotate: [0.08, 0, 0] },
  ],
});

export const fork = partListCategory({
  category: 'fork',
  family: 'kitchen',
  names: ['fork', 'dinner fork', 'tenedor', 'fourchette', 'gabel'],
  slots: { metal: { ...STEEL, words: ['fork', 'tine', 'handle'] } },
  counts: { tines: { words: ['tine', 'prong'], default: 4, min: 2, max: 5 } },
  example: 'a steel fork',
  parts: ({ counts }) => [
    { part: 'handle', slot: 'metal', box: [0.011, 0.004, 0.13], at: [0, 0.006, -0.04], rotate: [0.06, 0, 0] },
    { part: 'head', slot: 'metal', box: [0.024, 0.003, 0.03], at: [0, 0.004, 0.035] },
    ...Array.from({ length: counts.tines }, (_, index): PartSpec => ({
      part: 'tine',
      slot: 'metal',
      box: [0.003, 0.003, 0.04],
      at: [-0.01 + (index * 0.02) / Math.max(1, counts.tines - 1), 0.004, 0.07],
    })),
  ],
});

export const knife = partListCategory({
  category: 'kitchen knife',
  family: 'kitchen',
  names: [
    'kitchen knife',
    'chef knife',
    'chefs knife',
    'butter knife',
    'bread knife',
    'cleaver',
    'pocket knife',
    'cuchillo',
    'couteau',
    'messer',
  ],
  slots: { blade: { ...STEEL, words: ['blade', 'edge'] }, handle: HANDLE },
  example: 'a kitchen knife with a wooden handle',
  parts: [
    {
      part: 'blade',
      slot: 'blade',
      extrude: [
        [0, 0],
        [0.2, 0],
        [0.21, 0.01],
        [0.15, 0.045],
        [0, 0.045],
      ],
      depth: 0.002,
      at: [0, 0.014, 0],
      rotate: [-Math.PI / 2, 0, 0],
    },
    { part: 'handle', slot: 'handle', box: [0.12, 0.02, 0.028], at: [-0.06, 0.014, -0.022], bevel: 0.006 },
  ],
});

export const plate = partListCategory({
  category: 'plate',
  family: 'kitchen',
  names: ['plate', 'dish', 'dinner plate', 'saucer', 'platter', 'plato', 'assiette', 'teller'],
  slots: {
    ceramic: {
      kinds: ['ceramic', 'clay', 'metal'],
      colors: ['white', 'cream', 'blue', 'terracotta'],
      words: ['plate', 'rim'],
      primary: true,
    },
  },
  example: 'a white ceramic plate',
  parts: [
    {
      part: 'plate',
      slot: 'ceramic',
      lathe: [
        [0, 0],
        [0.07, 0],
        [0.08, 0.006],
        [0.13, 0.02],
        [0.135, 0.024],
        [0.128, 0.024],
        [0.078, 0.01],
        [0, 0.01],
      ],
      segments: 40,
    },
  ],
  anchors: { top: { at: [0, 0.01, 0], size: 0.08 } },
});

export const cuttingBoard = partListCategory({
  category: 'cutting board',
  family: 'kitchen',
  names: ['cutting board', 'chopping board', 'bread board', 'tabla de cortar', 'planche a decouper'],
  slots: {
    wood: {
      kinds: ['wood', 'plastic'],
      colors: ['oak', 'walnut', 'bamboo', 'birch'],
      words: ['board', 'wood'],
      primary: true,
    },
  },
  example: 'a bamboo cutting board',
  parts: [
    { part: 'board', slot: 'wood', box: [0.38, 0.022, 0.26], at: [0, 0.011, 0], bevel: 0.008 },
    { part: 'handle', slot: 'wood', box: [0.08, 0.022, 0.06], at: [0.22, 0.011, 0], bevel: 0.008 },
  ],
  anchors: { top: { at: [0, 0.022, 0], size: 0.12 } },
});

export const rollingPin = partListCategory({
  category: 'rolling pin',
  family: 'kitchen',
  names: ['rolling pin', 'rodillo', 'rouleau a patisserie', 'nudelholz'],
  slots: {
    wood: {
      kinds: ['wood', 'marble'],
      colors: ['birch', 'oak', 'pine'],
      words: ['pin', 'roller', 'handle', 'wood'],
      primary: true,
    },
  },
  example: 'a wooden rolling pin',
  parts: [
    { part: 'roller', slot: 'wood', cylinder: [0.028, 0.028, 0.3], at: [0, 0.028, 0], rotate: [0, 0, Math.PI / 2] },
    {
      part: 'handle',
      slot: 'wood',
      cylinder: [0.012, 0.014, 0.09],
      at: [0.195, 0.028, 0],
      rotate: [0, 0, Math.PI / 2],
      mirror: true,
    },
  ],
});

export const toaster = partListCategory({
  category: 'toaster',
  family: 'kitchen',
  names: ['toaster', 'tostadora', 'grille pain', 'toaster oven'],
  slots: {
    body: { ...STEEL, kinds: ['metal', 'paint'], colors: ['silver', 'red', 'cream', 'black'] },
    trim: { kinds: ['plastic'], colors: ['black', 'charcoal'], words: ['lever', 'knob', 'slot', 'foot'] },
    toast: { kinds: ['skin'], colors: ['amber', 'tan'], words: ['toast', 'bread'] },
  },
  optional: { toast: ['toast', 'bread'] },
  example: 'a retro chrome toaster with toast',
  parts: ({ kit }) => [
    { part: 'body', slot: 'body', box: [0.28, 0.19, 0.17], at: [0, 0.1, 0], bevel: 0.04 },
    { part: 'slot', slot: 'trim', box: [0.2, 0.005, 0.02], at: [0, 0.196, 0.03] },
    { part: 'slot', slot: 'trim', box: [0.2, 0.005, 0.02], at: [0, 0.196, -0.03] },
    { part: 'lever', slot: 'trim', box: [0.02, 0.015, 0.03], at: [0.145, 0.14, 0] },
    ...(kit.wants('toast')
      ? [0.03, -0.03].map((z): PartSpec => ({
          part: 'toast',
          slot: 'toast',
          box: [0.11, 0.1, 0.012],
          at: [0, 0.22, z],
          bevel: 0.01,
        }))
      : []),
  ],
});

export const kitchenBlender = partListCategory({
  category: 'blender',
  family: 'kitchen',
  names: ['blender', 'mixer', 'food processor', 'licuadora', 'mixeur'],
  slots: {
    base: { ...STEEL, kinds: ['metal', 'plastic'], colors: ['silver', 'black', 'red', 'white'] },
    jug: { kinds: ['glass'], colors: ['white', 'cyan'], words: ['jug', 'jar', 'glass'] },
    lid: { kinds: ['plastic'], colors: ['black'], words: ['lid', 'button'] },
  },
  example: 'a kitchen blender',
  parts: [
    { part: 'base', slot: 'base', box: [0.17, 0.12, 0.17], at: [0, 0.06, 0], bevel: 0.02 },
    { part: 'jug', slot: 'jug', cylinder: [0.075, 0.055, 0.22], at: [0, 0.23, 0], segments: 8 },
    { part: 'lid', slot: 'lid', cylinder: [0.078, 0.078, 0.02], at: [0, 0.35, 0], segments: 8 },
    { part: 'button', slot: 'lid', cylinder: [0.01, 0.01, 0.01], at: [0, 0.06, 0.088], rotate: [Math.PI / 2, 0, 0] },
  ],
});
