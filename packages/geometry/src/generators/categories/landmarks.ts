// Buildings and landmarks at real size, front facing +Z: mushroom house, igloo, pyramid, Eiffel tower, leaning
// tower, temple (Greek columns or a Japanese pagoda), church, bridge, dog house, birdhouse, well and fountain.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';

const STONE: MaterialSlotDefinition = {
  kinds: ['stone', 'marble'],
  colors: ['sand', 'cream', 'grey', 'white'],
  words: ['stone', 'wall', 'column'],
  primary: true,
};
const ROOF: MaterialSlotDefinition = {
  kinds: ['stone', 'wood', 'metal'],
  colors: ['terracotta', 'charcoal', 'maroon', 'slate'],
  words: ['roof', 'steeple', 'spire'],
};
const WOOD: MaterialSlotDefinition = {
  kinds: ['wood'],
  colors: ['oak', 'walnut', 'pine'],
  words: ['wood', 'plank', 'wall'],
  primary: true,
};
const DOOR: MaterialSlotDefinition = {
  kinds: ['wood'],
  colors: ['walnut', 'oak', 'maroon'],
  words: ['door', 'window', 'opening'],
};

export const mushroomHouse = partListCategory({
  category: 'mushroom house',
  family: 'building',
  names: ['mushroom house', 'fairy house', 'gnome house', 'mushroom cottage', 'toadstool house', 'mushroom home'],
  slots: {
    cap: { kinds: ['skin', 'plastic'], colors: ['red', 'orange', 'brown'], words: ['cap', 'roof'], primary: true },
    wall: { kinds: ['skin', 'stone'], colors: ['cream', 'ivory', 'beige'], words: ['wall', 'stem', 'house'] },
    spot: { kinds: ['solid'], colors: ['white'], words: ['spot', 'dot'] },
    door: DOOR,
    window: { kinds: ['glass'], colors: ['amber', 'yellow'], words: ['window'] },
  },
  example: 'a red mushroom house with white spots',
  parts: [
    {
      part: 'wall',
      slot: 'wall',
      lathe: [
        [0, 0],
        [1.3, 0],
        [1.15, 1.6],
        [1.0, 2.3],
        [0, 2.3],
      ],
      segments: 28,
    },
    {
      part: 'cap',
      slot: 'cap',
      lathe: [
        [0, 2.1],
        [2.4, 2.0],
        [2.3, 2.4],
        [1.7, 3.3],
        [0.8, 3.8],
        [0, 3.9],
      ],
      segments: 32,
    },
    ...[
      [1.2, 3.0, 1.0],
      [-1.3, 2.8, 0.9],
      [0.2, 3.6, 0.6],
      [1.6, 2.5, -0.9],
      [-0.9, 3.2, -1.1],
      [0.5, 3.0, -1.5],
    ].map((at): PartSpec => ({ part: 'spot', slot: 'spot', sphere: 0.25, at: at as [number, number, number] })),
    { part: 'door', slot: 'door', box: [0.7, 1.2, 0.1], at: [0, 0.6, 1.28] },
    {
      part: 'window',
      slot: 'window',
      cylinder: [0.25, 0.25, 0.08],
      at: [0.75, 1.5, 0.95],
      rotate: [Math.PI / 2, 0, -0.6],
    },
    { part: 'chimney', slot: 'wall', cylinder: [0.15, 0.18, 0.8], at: [1.1, 3.5, -0.6] },
  ],
});

export const igloo = partListCategory({
  category: 'igloo',
  family: 'building',
  names: ['igloo', 'iglu', 'snow house', 'ice house'],
  slots: {
    ice: { kinds: ['snow'], colors: ['snow', 'white', 'cyan'], words: ['ice', 'snow', 'block'], primary: true },
    opening: { kinds: ['solid'], colors: ['charcoal'], words: ['door', 'opening', 'entrance'] },
  },
  example: 'a snowy igloo',
  parts: [
    {
      part: 'dome',
      slot: 'ice',
      lathe: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((step): [number, number] => [
        Math.cos((step / 8) * (Math.PI / 2)) * 1.8,
        Math.sin((step / 8) * (Math.PI / 2)) * 1.6,
      ]),
      segments: 32,
    },
    { part: 'tunnel', slot: 'ice', cylinder: [0.7, 0.7, 1.4], at: [0, 0.15, 1.8], rotate: [Math.PI / 2, 0, 0] },
    { part: 'opening', slot: 'opening', cylinder: [0.5, 0.5, 0.05], at: [0, 0.2, 2.51], rotate: [Math.PI / 2, 0, 0] },
    ...[0.4, 0.8, 1.2].map((y): PartSpec => ({
      part: 'block_line',
      slot: 'ice',
      torus: [Math.sqrt(Math.max(0, 1 - (y / 1.6) ** 2)) * 1.8, 0.03],
      at: [0, y, 0],
      rotate: [Math.PI / 2, 0, 0],
    })),
  ],
});

export const pyramid = partListCategory({
  category: 'pyramid',
  family: 'building',
  names: ['pyramid', 'egyptian pyramid', 'great pyramid', 'ziggurat', 'piramide', 'pyramide'],
  slots: {
    stone: { ...STONE, colors: ['sand', 'tan'] },
    cap: { kinds: ['gold', 'stone'], colors: ['gold', 'sand'], words: ['cap', 'capstone', 'top'] },
    door: DOOR,
  },
  example: 'an egyptian pyramid',
  parts: [
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((step): PartSpec => ({
      part: 'tier',
      slot: 'stone',
      box: [60 - step * 7.2, 5.5, 60 - step * 7.2],
      at: [0, 2.75 + step * 5.5, 0],
    })),
    {
      part: 'capstone',
      slot: 'cap',
      cylinder: [0.01, 4.0, 4.5],
      at: [0, 46.2, 0],
      segments: 4,
      rotate: [0, Math.PI / 4, 0],
    },
    { part: 'door', slot: 'door', box: [3, 4.5, 0.3], at: [0, 8.5, 30 - 7.2 * 0.5 - 3.5] },
  ],
});

export const eiffelTower = partListCategory({
  category: 'eiffel tower',
  family: 'building',
  names: ['eiffel tower', 'tour eiffel', 'torre eiffel', 'eiffelturm', 'radio tower', 'lattice tower'],
  slots: {
    iron: {
      kinds: ['metal', 'paint'],
      colors: ['bronze', 'charcoal', 'brown'],
      words: ['iron', 'metal', 'tower', 'leg'],
      primary: true,
    },
    deck: { kinds: ['metal'], colors: ['bronze', 'charcoal'], words: ['deck', 'platform', 'floor'] },
  },
  example: 'the eiffel tower',
  parts: [
    ...[
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ].map(([x, z]): PartSpec => ({
      part: 'leg',
      slot: 'iron',
      tube: [
        [x * 60, 0, z * 60],
        [x * 40, 45, z * 40],
        [x * 22, 115, z * 22],
        [x * 8, 200, z * 8],
      ],
      radius: 4.5,
    })),
    { part: 'arch', slot: 'iron', torus: [40, 2.5], arc: Math.PI, at: [0, 0, 55], rotate: [0, 0, 0] },
    { part: 'arch', slot: 'iron', torus: [40, 2.5], arc: Math.PI, at: [55, 0, 0], rotate: [0, Math.PI / 2, 0] },
    { part: 'deck', slot: 'deck', box: [95, 6, 95], at: [0, 57, 0] },
    { part: 'deck', slot: 'deck', box: [45, 5, 45], at: [0, 115, 0] },
    { part: 'spire', slot: 'iron', cylinder: [2, 9, 100], at: [0, 245, 0], segments: 4, rotate: [0, Math.PI / 4, 0] },
    { part: 'deck', slot: 'deck', box: [18, 6, 18], at: [0, 276, 0] },
    { part: 'antenna', slot: 'iron', cylinder: [0.8, 1.2, 24], at: [0, 291, 0] },
  ],
});

export const leaningTower = partListCategory({
  category: 'leaning tower',
  family: 'building',
  names: ['leaning tower', 'leaning tower of pisa', 'tower of pisa', 'pisa tower', 'torre di pisa'],
  slots: {
    marble: { ...STONE, kinds: ['marble'], colors: ['white', 'cream', 'ivory'] },
    column: { kinds: ['marble'], colors: ['ivory', 'white'], words: ['column', 'arch', 'gallery'] },
  },
  example: 'the leaning tower of pisa',
  parts: () => {
    const tilt = 0.07;
    const specs: PartSpec[] = [];
    for (let floor = 0; floor < 8; floor++) {
      const y = 3 + floor * 6.8;
      const offset = Math.sin(tilt) * y;
      specs.push({
        part: 'floor',
        slot: 'marble',
        cylinder: [7.4, 7.4, 6.2],
        at: [0, y, offset],
        rotate: [tilt, 0, 0],
        segments: 28,
      });
      specs.push({
        part: 'gallery',
        slot: 'column',
        torus: [7.6, 0.4],
        at: [0, y + 3.2, offset + Math.sin(tilt) * 3.2],
        rotate: [Math.PI / 2 + tilt, 0, 0],
      });
      if (floor > 0)
        for (const [x, , z] of ringPoints(14, 7.8, 0))
          specs.push({
            part: 'column',
            slot: 'column',
            cylinder: [0.35, 0.35, 5.2],
            at: [x, y, z + offset],
            rotate: [tilt, 0, 0],
            segments: 8,
          });
    }
    specs.push({
      part: 'belfry',
      slot: 'marble',
      cylinder: [4.5, 4.5, 5],
      at: [0, 59, Math.sin(tilt) * 59],
      rotate: [tilt, 0, 0],
      segments: 24,
    });
    return specs;
  },
});

export const temple = partListCategory({
  category: 'temple',
  family: 'building',
  names: [
    'temple',
    ['greek temple', 'greek'],
    'parthenon',
    ['roman temple', 'greek'],
    ['japanese temple', 'pagoda'],
    ['pagoda', 'pagoda'],
    ['chinese temple', 'pagoda'],
    ['shrine', 'pagoda'],
    'templo',
    'tempel',
  ],
  variants: {
    greek: ['greek', 'roman', 'parthenon', 'ancient'],
    pagoda: ['pagoda', 'japanese', 'chinese', 'shrine', 'buddhist'],
  },
  variantSlots: {
    pagoda: { stone: { kinds: ['wood', 'paint'], colors: ['maroon', 'red'] }, roof: { colors: ['charcoal', 'teal'] } },
  },
  slots: { stone: STONE, roof: ROOF },
  example: 'an ancient greek temple',
  parts: ({ variant }) => {
    if (variant === 'pagoda') {
      const specs: PartSpec[] = [];
      for (let tier = 0; tier < 5; tier++) {
        const size = 8 - tier * 1.2;
        const y = tier * 3.2;
        specs.push({ part: 'storey', slot: 'stone', box: [size * 0.7, 2.4, size * 0.7], at: [0, y + 1.2, 0] });
        specs.push({
          part: 'roof',
          slot: 'roof',
          cylinder: [size * 0.25, size * 0.75, 0.9],
          at: [0, y + 2.75, 0],
          segments: 4,
          rotate: [0, Math.PI / 4, 0],
        });
      }
      specs.push({ part: 'spire', slot: 'roof', cylinder: [0.05, 0.3, 3], at: [0, 17.5, 0], segments: 8 });
      return specs;
    }
    return [
      { part: 'base', slot: 'stone', box: [20, 1.2, 32], at: [0, 0.6, 0] },
      { part: 'step', slot: 'stone', box: [22, 0.6, 34], at: [0, 0.3, 0] },
      ...[-14, -9.33, -4.66, 0, 4.66, 9.33, 14].flatMap((z): PartSpec[] =>
        [8.5, -8.5].map((x) => ({
          part: 'column',
          slot: 'stone',
          cylinder: [0.7, 0.8, 8],
          at: [x, 5.2, z],
          segments: 16,
        })),
      ),
      ...[-4.25, 0, 4.25].flatMap((x): PartSpec[] =>
        [15, -15].map((z) => ({
          part: 'column',
          slot: 'stone',
          cylinder: [0.7, 0.8, 8],
          at: [x, 5.2, z],
          segments: 16,
        })),
      ),
      { part: 'entablature', slot: 'stone', box: [19, 1.6, 31.5], at: [0, 10, 0] },
      {
        part: 'roof',
        slot: 'roof',
        extrude: [
          [-10.5, 0],
          [10.5, 0],
          [0, 3.2],
        ],
        depth: 32.5,
        at: [0, 10.8, 0],
      },
    ];
  },
});

export const church = partListCategory({
  category: 'church',
  family: 'building',
  names: ['church', 'chapel', 'cathedral', 'iglesia', 'eglise', 'kirche'],
  slots: {
    wall: { ...STONE, colors: ['white', 'cream', 'grey'] },
    roof: ROOF,
    door: DOOR,
    glass: { kinds: ['glass'], colors: ['cyan', 'violet', 'amber'], words: ['window', 'stained glass'] },
    cross: { kinds: ['gold', 'metal'], colors: ['gold', 'charcoal'], words: ['cross', 'bell'] },
  },
  example: 'a small white church with a steeple',
  parts: [
    { part: 'nave', slot: 'wall', box: [8, 7, 16], at: [0, 3.5, -2] },
    {
      part: 'roof',
      slot: 'roof',
      extrude: [
        [-4.6, 0],
        [4.6, 0],
        [0, 4],
      ],
      depth: 16.8,
      at: [0, 7, -2],
    },
    { part: 'tower', slot: 'wall', box: [4, 12, 4], at: [0, 6, 7.5] },
    {
      part: 'steeple',
      slot: 'roof',
      cylinder: [0.05, 3.0, 7],
      at: [0, 15.5, 7.5],
      segments: 4,
      rotate: [0, Math.PI / 4, 0],
    },
    { part: 'cross', slot: 'cross', box: [0.2, 2, 0.2], at: [0, 20, 7.5] },
    { part: 'cross', slot: 'cross', box: [1.1, 0.2, 0.2], at: [0, 20.4, 7.5] },
    { part: 'door', slot: 'door', box: [1.6, 2.8, 0.1], at: [0, 1.4, 9.52] },
    ...[-5, 0, 5].map((z): PartSpec => ({
      part: 'window',
      slot: 'glass',
      box: [0.1, 3, 1.2],
      at: [4.02, 4, z - 2],
      mirror: true,
    })),
    { part: 'rose_window', slot: 'glass', cylinder: [0.9, 0.9, 0.1], at: [0, 9, 9.52], rotate: [Math.PI / 2, 0, 0] },
  ],
});

export const bridge = partListCategory({
  category: 'bridge',
  family: 'building',
  names: [
    'bridge',
    ['stone bridge', 'arch'],
    ['arch bridge', 'arch'],
    'footbridge',
    'wooden bridge',
    'puente',
    'pont',
    'brucke',
  ],
  variants: { arch: ['arch', 'roman'] },
  variantSlots: { arch: { deck: { kinds: ['stone'], colors: ['grey', 'sand'] } } },
  slots: {
    deck: { ...WOOD, words: ['deck', 'plank', 'bridge'] },
    rail: { kinds: ['wood', 'metal', 'stone'], colors: ['walnut', 'oak', 'grey'], words: ['rail', 'railing', 'post'] },
  },
  example: 'a wooden footbridge',
  parts: ({ variant }) =>
    variant === 'arch'
      ? [
          { part: 'arch', slot: 'deck', torus: [5, 0.9], arc: Math.PI, at: [0, 0, 0], rotate: [0, Math.PI / 2, 0] },
          { part: 'deck', slot: 'deck', box: [3, 0.6, 13], at: [0, 5.3, 0] },
          { part: 'rail', slot: 'rail', box: [0.3, 0.8, 13], at: [1.35, 6, 0], mirror: true },
        ]
      : [
          ...Array.from({ length: 13 }, (_, index): PartSpec => ({
            part: 'plank',
            slot: 'deck',
            box: [1.6, 0.08, 0.28],
            at: [0, 0.6 + Math.sin((index / 12) * Math.PI) * 0.5, -2.1 + index * 0.35],
          })),
          ...[-2.1, 0, 2.1].map((z): PartSpec => ({
            part: 'post',
            slot: 'rail',
            box: [0.1, 1.6, 0.1],
            at: [0.78, 0.8 + (z === 0 ? 0.5 : 0), z],
            mirror: true,
          })),
          {
            part: 'rail',
            slot: 'rail',
            tube: [
              [0.78, 1.4, -2.1],
              [0.78, 1.95, 0],
              [0.78, 1.4, 2.1],
            ],
            radius: 0.04,
            mirror: true,
          },
          {
            part: 'beam',
            slot: 'rail',
            tube: [
              [0.6, 0.5, -2.3],
              [0.6, 1.05, 0],
              [0.6, 0.5, 2.3],
            ],
            radius: 0.08,
            mirror: true,
          },
        ],
});

export const dogHouse = partListCategory({
  category: 'dog house',
  family: 'building',
  names: ['dog house', 'doghouse', 'kennel', 'dog kennel', 'caseta de perro'],
  slots: {
    wall: { ...WOOD, kinds: ['wood', 'paint'], colors: ['red', 'oak', 'white', 'blue'] },
    roof: ROOF,
    opening: { kinds: ['solid'], colors: ['charcoal'], words: ['door', 'opening', 'entrance'] },
  },
  example: 'a red dog house',
  parts: [
    { part: 'wall', slot: 'wall', box: [0.9, 0.75, 1.1], at: [0, 0.375, 0] },
    {
      part: 'roof',
      slot: 'roof',
      extrude: [
        [-0.6, 0],
        [0.6, 0],
        [0, 0.45],
      ],
      depth: 1.25,
      at: [0, 0.75, 0],
    },
    { part: 'opening', slot: 'opening', box: [0.4, 0.5, 0.02], at: [0, 0.25, 0.551] },
    { part: 'opening', slot: 'opening', cylinder: [0.2, 0.2, 0.02], at: [0, 0.5, 0.551], rotate: [Math.PI / 2, 0, 0] },
  ],
});

export const birdhouse = partListCategory({
  category: 'birdhouse',
  family: 'building',
  names: ['birdhouse', 'bird house', 'nest box', 'bird box', 'bird feeder', 'casita para pajaros'],
  slots: {
    wall: { ...WOOD, kinds: ['wood', 'paint'], colors: ['oak', 'blue', 'white', 'red'] },
    roof: ROOF,
    opening: { kinds: ['solid'], colors: ['charcoal'], words: ['hole', 'opening'] },
    post: { kinds: ['wood'], colors: ['walnut'], words: ['post', 'pole', 'perch'] },
  },
  example: 'a wooden birdhouse on a post',
  parts: [
    { part: 'post', slot: 'post', box: [0.06, 1.2, 0.06], at: [0, 0.6, 0] },
    { part: 'box', slot: 'wall', box: [0.2, 0.25, 0.2], at: [0, 1.32, 0] },
    {
      part: 'roof',
      slot: 'roof',
      extrude: [
        [-0.15, 0],
        [0.15, 0],
        [0, 0.12],
      ],
      depth: 0.26,
      at: [0, 1.445, 0],
    },
    { part: 'hole', slot: 'opening', cylinder: [0.03, 0.03, 0.01], at: [0, 1.35, 0.101], rotate: [Math.PI / 2, 0, 0] },
    { part: 'perch', slot: 'post', cylinder: [0.006, 0.006, 0.06], at: [0, 1.29, 0.13], rotate: [Math.PI / 2, 0, 0] },
  ],
});

export const well = partListCategory({
  category: 'well',
  family: 'building',
  names: ['well', 'wishing well', 'water well', 'pozo', 'puits', 'brunnen'],
  slots: {
    stone: { ...STONE, colors: ['grey', 'sand', 'slate'] },
    roof: ROOF,
    wood: { kinds: ['wood'], colors: ['walnut', 'oak'], words: ['post', 'beam', 'bucket', 'crank'] },
  },
  example: 'a stone wishing well',
  parts: [
    {
      part: 'wall',
      slot: 'stone',
      lathe: [
        [0.7, 0],
        [0.7, 0.8],
        [0.58, 0.8],
        [0.58, 0.1],
        [0, 0.1],
      ],
      segments: 28,
    },
    { part: 'post', slot: 'wood', box: [0.1, 1.6, 0.1], at: [0.62, 1.1, 0], mirror: true },
    { part: 'beam', slot: 'wood', cylinder: [0.05, 0.05, 1.3], at: [0, 1.5, 0], rotate: [0, 0, Math.PI / 2] },
    {
      part: 'roof',
      slot: 'roof',
      extrude: [
        [-0.9, 0],
        [0.9, 0],
        [0, 0.6],
      ],
      depth: 1.0,
      at: [0, 1.85, 0],
      rotate: [0, Math.PI / 2, 0],
    },
    { part: 'bucket', slot: 'wood', cylinder: [0.14, 0.11, 0.22], at: [0, 1.1, 0] },
  ],
});

export const fountain = partListCategory({
  category: 'fountain',
  family: 'building',
  names: ['fountain', 'water fountain', 'fuente', 'fontaine', 'springbrunnen'],
  slots: {
    stone: { ...STONE, colors: ['grey', 'white', 'sand'], words: ['stone', 'tier', 'basin', 'bowl'] },
    water: { kinds: ['glass'], colors: ['cyan', 'blue'], words: ['water'] },
  },
  example: 'a stone fountain with three tiers',
  parts: [
    {
      part: 'basin',
      slot: 'stone',
      lathe: [
        [0, 0],
        [2.0, 0],
        [2.0, 0.6],
        [1.85, 0.6],
        [1.85, 0.15],
        [0, 0.15],
      ],
      segments: 40,
    },
    { part: 'water', slot: 'water', cylinder: [1.85, 1.85, 0.05], at: [0, 0.45, 0], segments: 36 },
    { part: 'column', slot: 'stone', cylinder: [0.2, 0.3, 1.4], at: [0, 0.85, 0] },
    {
      part: 'bowl',
      slot: 'stone',
      lathe: [
        [0, 1.5],
        [0.9, 1.55],
        [1.0, 1.75],
        [0.9, 1.75],
        [0, 1.62],
      ],
      segments: 32,
    },
    { part: 'column', slot: 'stone', cylinder: [0.12, 0.18, 0.7], at: [0, 2.05, 0] },
    {
      part: 'bowl',
      slot: 'stone',
      lathe: [
        [0, 2.35],
        [0.5, 2.4],
        [0.55, 2.55],
        [0.48, 2.55],
        [0, 2.45],
      ],
      segments: 28,
    },
    { part: 'spout', slot: 'water', cylinder: [0.05, 0.08, 0.45], at: [0, 2.75, 0] },
  ],
});
