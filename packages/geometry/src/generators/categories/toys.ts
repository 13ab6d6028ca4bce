// Toys at real size: teddy bear (a sitting plush bear, not a bear), yo-yo, kite, rocking horse, spinning top,
// party balloon, toy blocks, snow globe and a doll.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { addEyes } from '../kit/common-parts.ts';
import { partListCategory, type PartSpec } from '../kit/part-list.ts';

export const teddyBear: GeneratorDefinition = {
  category: 'teddy bear',
  family: 'toy',
  names: [
    'teddy bear',
    'teddy',
    'plush bear',
    'stuffed bear',
    'stuffed animal',
    'plush toy',
    'osito de peluche',
    'nounours',
    'teddybar',
  ],
  slots: {
    fur: {
      kinds: ['fur'],
      colors: ['tan', 'brown', 'cream', 'walnut', 'pink'],
      words: ['fur', 'body', 'head', 'arm', 'leg'],
      primary: true,
    },
    muzzle: { kinds: ['fur'], colors: ['cream', 'tan'], words: ['muzzle', 'snout', 'paw', 'belly', 'ear'] },
    eyes: { kinds: ['solid'], colors: ['black'], words: ['eye', 'nose', 'button'] },
    ribbon: { kinds: ['fabric'], colors: ['red', 'blue', 'pink'], words: ['ribbon', 'bow'] },
  },
  optional: { ribbon: ['ribbon', 'bow'] },
  example: 'a brown teddy bear with a red bow',
  bodyPlan: 'biped',
  build({ kit, random, proportions }) {
    const size = random.vary(0.3) * proportions.height;
    const body = size * 0.22;
    kit.sphere('body', 'fur', [body, body * 1.15, body * 0.9], { at: [0, body * 1.1, 0] });
    kit.sphere('belly', 'muzzle', [body * 0.7, body * 0.8, body * 0.3], { at: [0, body * 1.0, body * 0.62] });
    const head = body * 0.85;
    const headAt: [number, number, number] = [0, body * 2.3 + head * 0.7, 0];
    kit.sphere('head', 'fur', head, { at: headAt });
    kit.sphere('muzzle', 'muzzle', [head * 0.45, head * 0.35, head * 0.35], {
      at: [0, headAt[1] - head * 0.25, head * 0.85],
    });
    kit.sphere('nose', 'eyes', head * 0.12, { at: [0, headAt[1] - head * 0.12, head * 1.15] });
    addEyes(kit, 'eyes', headAt, head * 0.7, head * 0.88, head * 0.1, head * 0.15);
    for (const side of [-1, 1]) {
      kit.sphere('ear', 'fur', [head * 0.3, head * 0.3, head * 0.15], {
        at: [side * head * 0.7, headAt[1] + head * 0.7, -head * 0.1],
      });
      kit.capsule('arm', 'fur', body * 0.28, body * 0.6, {
        at: [side * body * 1.0, body * 1.5, body * 0.2],
        rotate: [0.6, 0, side * 0.5],
      });
      kit.capsule('leg', 'fur', body * 0.33, body * 0.55, {
        at: [side * body * 0.55, body * 0.35, body * 0.6],
        rotate: [Math.PI / 2, 0, 0],
      });
      kit.sphere('paw', 'muzzle', [body * 0.28, body * 0.3, body * 0.08], {
        at: [side * body * 0.55, body * 0.35, body * 1.2],
      });
    }
    if (kit.has('ribbon') && kit.wants('ribbon')) {
      kit.torus('ribbon', 'ribbon', head * 0.55, head * 0.08, { at: [0, body * 2.3, 0], rotate: [Math.PI / 2, 0, 0] });
      kit.sphere('bow', 'ribbon', [head * 0.3, head * 0.15, head * 0.1], { at: [0, body * 2.25, head * 0.55] });
    }
    kit.anchor('head', headAt, head);
    kit.anchor('neck', [0, body * 2.3, 0], head * 0.55);
    kit.anchor('face', [0, headAt[1] + head * 0.15, head * 0.9], head);
    kit.anchor('hand', [body * 1.2, body * 1.1, body * 0.6], body * 0.3);
    kit.anchor('back', [0, body * 1.3, -body * 0.85], body);
    kit.anchor('body', [0, body * 1.2, 0], body);
  },
};

export const yoyo = partListCategory({
  category: 'yo-yo',
  family: 'toy',
  names: ['yo yo', 'yoyo', 'yo-yo'],
  slots: {
    body: {
      kinds: ['plastic', 'wood'],
      colors: ['red', 'blue', 'yellow', 'green'],
      words: ['body', 'disc'],
      primary: true,
    },
    string: { kinds: ['fabric'], colors: ['white'], words: ['string'] },
  },
  example: 'a red yo-yo',
  parts: [
    {
      part: 'disc',
      slot: 'body',
      cylinder: [0.028, 0.028, 0.014],
      at: [0.011, 0.028, 0],
      rotate: [0, 0, Math.PI / 2],
      segments: 28,
      mirror: true,
    },
    { part: 'axle', slot: 'string', cylinder: [0.006, 0.006, 0.01], at: [0, 0.028, 0], rotate: [0, 0, Math.PI / 2] },
    { part: 'string', slot: 'string', cylinder: [0.0007, 0.0007, 0.25], at: [0, 0.153, 0] },
    { part: 'loop', slot: 'string', torus: [0.008, 0.0008], at: [0, 0.285, 0] },
  ],
});

export const kite = partListCategory({
  category: 'kite',
  family: 'toy',
  names: ['kite', 'cometa', 'cerf volant', 'drachen'],
  slots: {
    sail: {
      kinds: ['fabric', 'paper'],
      colors: ['red', 'yellow', 'blue', 'green'],
      words: ['sail', 'kite'],
      primary: true,
    },
    frame: { kinds: ['wood'], colors: ['birch'], words: ['frame', 'spar', 'stick'] },
    tail: { kinds: ['fabric'], colors: ['yellow', 'red', 'blue'], words: ['tail', 'bow', 'ribbon', 'string'] },
  },
  example: 'a red and yellow kite',
  parts: [
    {
      part: 'sail',
      slot: 'sail',
      extrude: [
        [0, 0.5],
        [0.3, 0.3],
        [0, -0.4],
        [-0.3, 0.3],
      ],
      depth: 0.004,
      at: [0, 0.9, 0],
    },
    { part: 'spar', slot: 'frame', cylinder: [0.005, 0.005, 0.9], at: [0, 0.95, 0.006] },
    { part: 'spar', slot: 'frame', cylinder: [0.005, 0.005, 0.6], at: [0, 1.2, 0.006], rotate: [0, 0, Math.PI / 2] },
    {
      part: 'tail',
      slot: 'tail',
      tube: [
        [0, 0.5, 0],
        [0.08, 0.35, 0],
        [-0.05, 0.2, 0],
        [0.04, 0.05, 0],
      ],
      radius: 0.004,
    },
    ...[0.4, 0.25, 0.1].map((y): PartSpec => ({
      part: 'bow',
      slot: 'tail',
      box: [0.06, 0.025, 0.004],
      at: [0, y, 0],
      rotate: [0, 0, 0.3],
    })),
  ],
});

export const rockingHorse = partListCategory({
  category: 'rocking horse',
  family: 'toy',
  names: ['rocking horse', 'hobby horse', 'caballito de madera', 'cheval a bascule', 'schaukelpferd'],
  slots: {
    body: {
      kinds: ['wood', 'paint'],
      colors: ['white', 'oak', 'red', 'walnut'],
      words: ['body', 'horse', 'head'],
      primary: true,
    },
    rocker: { kinds: ['wood'], colors: ['walnut', 'red', 'oak'], words: ['rocker', 'base'] },
    mane: { kinds: ['fur', 'paint'], colors: ['black', 'brown', 'gold'], words: ['mane', 'tail', 'saddle'] },
    eyes: { kinds: ['solid'], colors: ['black'], words: ['eye'] },
  },
  example: 'a wooden rocking horse',
  parts: [
    {
      part: 'rocker',
      slot: 'rocker',
      tube: [-0.5, -0.25, 0, 0.25, 0.5].map((z): [number, number, number] => [0.16, 0.02 + z * z * 0.35, z * 1.1]),
      radius: 0.025,
      mirror: true,
    },
    { part: 'body', slot: 'body', capsule: [0.14, 0.4], at: [0, 0.55, 0], rotate: [Math.PI / 2, 0, 0] },
    {
      part: 'leg',
      slot: 'body',
      cylinder: [0.03, 0.03, 0.45],
      at: [0.1, 0.3, 0.22],
      rotate: [-0.25, 0, 0.1],
      mirror: true,
    },
    {
      part: 'leg',
      slot: 'body',
      cylinder: [0.03, 0.03, 0.45],
      at: [0.1, 0.3, -0.22],
      rotate: [0.25, 0, 0.1],
      mirror: true,
    },
    { part: 'neck', slot: 'body', capsule: [0.08, 0.2], at: [0, 0.75, 0.3], rotate: [0.6, 0, 0] },
    { part: 'head', slot: 'body', capsule: [0.07, 0.15], at: [0, 0.85, 0.43], rotate: [1.4, 0, 0] },
    { part: 'eye', slot: 'eyes', sphere: 0.015, at: [0.06, 0.9, 0.43], mirror: true },
    { part: 'mane', slot: 'mane', box: [0.03, 0.25, 0.08], at: [0, 0.85, 0.24], rotate: [0.6, 0, 0] },
    { part: 'tail', slot: 'mane', capsule: [0.03, 0.2], at: [0, 0.5, -0.38], rotate: [-0.6, 0, 0] },
    { part: 'saddle', slot: 'mane', box: [0.3, 0.04, 0.2], at: [0, 0.7, 0], bevel: 0.02 },
  ],
});

export const spinningTop = partListCategory({
  category: 'spinning top',
  family: 'toy',
  names: ['spinning top', 'top toy', 'dreidel', 'peonza', 'toupie', 'kreisel'],
  slots: {
    body: {
      kinds: ['wood', 'paint', 'plastic'],
      colors: ['red', 'yellow', 'blue', 'oak'],
      words: ['body'],
      primary: true,
    },
    stripe: { kinds: ['paint'], colors: ['white', 'yellow', 'blue'], words: ['stripe', 'handle'] },
  },
  example: 'a red spinning top',
  parts: [
    {
      part: 'body',
      slot: 'body',
      lathe: [
        [0, 0],
        [0.02, 0.02],
        [0.04, 0.045],
        [0.042, 0.055],
        [0.02, 0.065],
        [0, 0.066],
      ],
      segments: 28,
    },
    { part: 'stripe', slot: 'stripe', torus: [0.04, 0.003], at: [0, 0.05, 0], rotate: [Math.PI / 2, 0, 0] },
    { part: 'handle', slot: 'stripe', cylinder: [0.005, 0.005, 0.035], at: [0, 0.08, 0] },
  ],
});

export const partyBalloon = partListCategory({
  category: 'balloon',
  family: 'toy',
  names: ['balloon', 'party balloon', 'helium balloon', 'globo', 'ballon de baudruche', 'luftballon'],
  slots: {
    rubber: {
      kinds: ['plastic'],
      colors: ['red', 'blue', 'yellow', 'pink', 'green'],
      words: ['balloon'],
      primary: true,
    },
    string: { kinds: ['fabric'], colors: ['white'], words: ['string', 'ribbon'] },
  },
  example: 'a red party balloon',
  parts: [
    {
      part: 'balloon',
      slot: 'rubber',
      lathe: [
        [0, 0.62],
        [0.06, 0.64],
        [0.13, 0.72],
        [0.15, 0.82],
        [0.13, 0.93],
        [0.07, 0.99],
        [0, 1.0],
      ],
      segments: 28,
    },
    { part: 'knot', slot: 'rubber', cylinder: [0.012, 0.004, 0.02], at: [0, 0.61, 0] },
    {
      part: 'string',
      slot: 'string',
      tube: [
        [0, 0.6, 0],
        [0.03, 0.4, 0],
        [-0.02, 0.2, 0],
        [0, 0.0, 0],
      ],
      radius: 0.002,
    },
  ],
});

export const toyBlocks = partListCategory({
  category: 'toy blocks',
  family: 'toy',
  names: ['toy block', 'building block', 'wooden block', 'alphabet block', 'abc block', 'bloque', 'bauklotz'],
  slots: {
    block: {
      kinds: ['wood', 'plastic', 'paint'],
      colors: ['red', 'blue', 'yellow', 'green'],
      words: ['block', 'cube'],
      primary: true,
    },
    letter: { kinds: ['paint'], colors: ['white', 'black'], words: ['letter'] },
  },
  counts: { blocks: { words: ['block', 'cube'], default: 3, min: 1, max: 10 } },
  example: 'three colourful toy blocks',
  parts: ({ counts }) =>
    Array.from({ length: counts.blocks }, (_, index): PartSpec[] => {
      const level = index < 3 ? 0 : index < 5 ? 1 : 2;
      const inLevel = index < 3 ? index : index < 5 ? index - 3 : index - 5;
      const x = (inLevel - (level === 0 ? 1 : level === 1 ? 0.5 : 0)) * 0.052;
      return [
        {
          part: 'block',
          slot: 'block',
          box: [0.05, 0.05, 0.05],
          at: [x, 0.025 + level * 0.05, 0],
          rotate: [0, index * 0.2, 0],
          bevel: 0.003,
        },
        {
          part: 'letter',
          slot: 'letter',
          box: [0.025, 0.025, 0.002],
          at: [x, 0.025 + level * 0.05, 0.026],
          rotate: [0, index * 0.2, 0],
        },
      ];
    }).flat(),
});

export const snowGlobe = partListCategory({
  category: 'snow globe',
  family: 'toy',
  names: ['snow globe', 'snowglobe', 'snow dome', 'bola de nieve', 'boule a neige', 'schneekugel'],
  slots: {
    glass: { kinds: ['glass'], colors: ['white', 'cyan'], words: ['glass', 'globe', 'dome'], primary: true },
    base: { kinds: ['wood', 'paint'], colors: ['walnut', 'red', 'gold'], words: ['base', 'stand'] },
    scene: { kinds: ['snow', 'paint'], colors: ['snow', 'green'], words: ['snow', 'scene', 'tree', 'house'] },
  },
  example: 'a snow globe with a little tree inside',
  parts: [
    { part: 'base', slot: 'base', cylinder: [0.07, 0.08, 0.05], at: [0, 0.025, 0], segments: 28 },
    { part: 'globe', slot: 'glass', sphere: 0.075, at: [0, 0.11, 0] },
    { part: 'snow', slot: 'scene', cylinder: [0.06, 0.06, 0.012], at: [0, 0.056, 0], segments: 24 },
    { part: 'tree', slot: 'scene', cylinder: [0.002, 0.025, 0.06], at: [0, 0.09, 0], segments: 10 },
  ],
  anchors: { inside: { at: [0, 0.062, 0], size: 0.045 } },
});
