// Things other objects stand on or in, at real size with a "top" or "inside" anchor: a hill, a plinth, a rock, a
// lily pad, a cloud and a perch fit the object placed on them (traits.fitsLoad); a flower pot, a crate and a box
// hold what is put in them.

import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';

export const hill = partListCategory({
  category: 'hill',
  family: 'support',
  names: ['hill', 'mound', 'hilltop', 'knoll', 'colina', 'colline', 'hugel'],
  slots: {
    grass: { kinds: ['leaves', 'fur'], colors: ['green', 'lime', 'moss'], words: ['grass', 'turf'], primary: true },
    earth: { kinds: ['stone'], colors: ['walnut', 'brown'], words: ['earth', 'dirt', 'soil', 'rock'] },
  },
  traits: { fitsLoad: true },
  example: 'a grassy green hill',
  parts: [
    {
      part: 'hill',
      slot: 'grass',
      lathe: [
        [0, 0],
        [3, 0],
        [2.4, 0.35],
        [1.5, 0.85],
        [0.8, 1.0],
        [0, 1.02],
      ],
      segments: 40,
    },
    { part: 'rock', slot: 'earth', sphere: [0.35, 0.2, 0.3], at: [2.1, 0.25, 0.9] },
    { part: 'rock', slot: 'earth', sphere: [0.25, 0.15, 0.2], at: [-1.8, 0.35, -1.2] },
  ],
  anchors: { top: { at: [0, 1.0, 0], size: 1.5 } },
});

export const plinth = partListCategory({
  category: 'plinth',
  family: 'support',
  names: ['plinth', 'pedestal', 'podium', 'base', 'stand', 'display stand', 'column base', 'pedestal base'],
  slots: {
    stone: {
      kinds: ['marble', 'stone', 'wood', 'concrete'],
      colors: ['white', 'grey', 'cream'],
      words: ['stone', 'plinth', 'base'],
      primary: true,
    },
  },
  traits: { fitsLoad: true },
  example: 'a white marble plinth',
  parts: [
    { part: 'base', slot: 'stone', box: [0.5, 0.08, 0.5], at: [0, 0.04, 0], bevel: 0.01 },
    { part: 'column', slot: 'stone', box: [0.4, 0.5, 0.4], at: [0, 0.33, 0] },
    { part: 'cap', slot: 'stone', box: [0.48, 0.06, 0.48], at: [0, 0.61, 0], bevel: 0.01 },
  ],
  anchors: { top: { at: [0, 0.64, 0], size: 0.22 } },
});

export const rock = partListCategory({
  category: 'rock',
  family: 'support',
  names: ['rock', 'boulder', 'stone', 'pebble', 'roca', 'rocher', 'felsen'],
  slots: {
    stone: { kinds: ['stone'], colors: ['grey', 'slate', 'sand'], words: ['rock', 'stone'], primary: true },
    moss: { kinds: ['fur'], colors: ['moss', 'green'], words: ['moss'] },
  },
  optional: { moss: ['moss'] },
  traits: { fitsLoad: true },
  example: 'a mossy grey boulder',
  parts: ({ kit }) => [
    { part: 'rock', slot: 'stone', sphere: [0.5, 0.32, 0.42], at: [0, 0.28, 0], segments: 9 },
    { part: 'rock', slot: 'stone', sphere: [0.28, 0.2, 0.26], at: [0.38, 0.15, 0.18], segments: 7 },
    ...(kit.wants('moss')
      ? [
          {
            part: 'moss',
            slot: 'moss',
            sphere: [0.3, 0.06, 0.28],
            at: [-0.05, 0.56, 0],
            segments: 10,
          } satisfies PartSpec,
        ]
      : []),
  ],
  anchors: { top: { at: [0, 0.58, 0], size: 0.3 } },
});

export const lilyPad = partListCategory({
  category: 'lily pad',
  family: 'support',
  names: ['lily pad', 'lilypad', 'water lily', 'lotus leaf'],
  slots: {
    leaf: { kinds: ['leaves'], colors: ['green', 'lime'], words: ['leaf', 'pad'], primary: true },
    flower: { kinds: ['fabric'], colors: ['pink', 'white'], words: ['flower', 'lily', 'blossom'] },
  },
  optional: { flower: ['flower', 'blossom'] },
  traits: { fitsLoad: true },
  example: 'a lily pad with a pink flower',
  parts: ({ kit }) => [
    {
      part: 'pad',
      slot: 'leaf',
      extrude: Array.from({ length: 24 }, (_, index): [number, number] => {
        const angle = 0.25 + (index / 23) * (Math.PI * 2 - 0.5);
        return [Math.cos(angle) * 0.15, Math.sin(angle) * 0.15];
      }).concat([[0, 0]]),
      depth: 0.006,
      at: [0, 0.003, 0],
      rotate: [-Math.PI / 2, 0, 0],
    },
    ...(kit.wants('flower')
      ? ringPoints(6, 0.025, 0.02).map(([x, y, z], index): PartSpec => ({
          part: 'flower',
          slot: 'flower',
          sphere: [0.022, 0.006, 0.01],
          at: [x - 0.08, y, z + 0.05],
          rotate: [0, -index * 1.05, 0.5],
        }))
      : []),
  ],
  anchors: { top: { at: [0.02, 0.006, 0], size: 0.1 } },
});

export const cloud = partListCategory({
  category: 'cloud',
  family: 'support',
  names: ['cloud', 'nube', 'nuage', 'wolke'],
  slots: { cloud: { kinds: ['fur', 'plastic'], colors: ['white', 'ivory', 'grey'], words: ['cloud'], primary: true } },
  traits: { fitsLoad: true },
  example: 'a fluffy white cloud',
  parts: [
    { part: 'puff', slot: 'cloud', sphere: [0.5, 0.32, 0.4], at: [0, 0.3, 0] },
    { part: 'puff', slot: 'cloud', sphere: 0.32, at: [0.45, 0.25, 0.05] },
    { part: 'puff', slot: 'cloud', sphere: 0.28, at: [-0.48, 0.22, -0.05] },
    { part: 'puff', slot: 'cloud', sphere: 0.3, at: [0.1, 0.5, -0.1] },
  ],
  anchors: { top: { at: [0, 0.6, 0], size: 0.35 } },
});

export const perch = partListCategory({
  category: 'perch',
  family: 'support',
  names: ['perch', 'branch', 'bird perch', 'twig', 'log', 'tree stump', 'stump', 'rama', 'branche', 'ast'],
  slots: {
    wood: { kinds: ['bark', 'wood'], colors: ['bark', 'walnut'], words: ['wood', 'branch', 'bark'], primary: true },
  },
  traits: { fitsLoad: true },
  example: 'a wooden perch',
  parts: [
    {
      part: 'branch',
      slot: 'wood',
      cylinder: [0.025, 0.025, 0.5],
      at: [0, 0.3, 0],
      rotate: [0, 0, Math.PI / 2],
      segments: 12,
    },
    { part: 'post', slot: 'wood', cylinder: [0.02, 0.025, 0.3], at: [0, 0.15, 0], segments: 12 },
    { part: 'foot', slot: 'wood', cylinder: [0.12, 0.13, 0.03], at: [0, 0.015, 0], segments: 20 },
  ],
  anchors: { top: { at: [0, 0.325, 0], size: 0.06 } },
});

export const flowerPot = partListCategory({
  category: 'flower pot',
  family: 'container',
  names: ['pot', 'flower pot', 'flowerpot', 'plant pot', 'terracotta pot', 'planter pot', 'maceta'],
  slots: {
    pot: {
      kinds: ['clay', 'ceramic', 'plastic', 'concrete'],
      colors: ['terracotta', 'white', 'charcoal', 'blue'],
      words: ['pot', 'rim'],
      primary: true,
    },
    soil: { kinds: ['stone'], colors: ['walnut'], words: ['soil', 'dirt', 'earth'] },
  },
  traits: { fitsLoad: true },
  example: 'a terracotta flower pot',
  parts: [
    {
      part: 'pot',
      slot: 'pot',
      lathe: [
        [0, 0],
        [0.07, 0],
        [0.1, 0.16],
        [0.108, 0.16],
        [0.108, 0.185],
        [0.097, 0.185],
        [0.09, 0.16],
        [0, 0.15],
      ],
      segments: 28,
    },
    { part: 'soil', slot: 'soil', cylinder: [0.09, 0.09, 0.01], at: [0, 0.165, 0], segments: 24 },
  ],
  anchors: { inside: { at: [0, 0.17, 0], size: 0.09 }, top: { at: [0, 0.17, 0], size: 0.09 } },
});
