// Sports gear at real size: ball (soccer, basketball, tennis, baseball, beach, bowling, volleyball, rugby,
// golf), baseball bat, tennis racket, dumbbell, surfboard, skis, hockey stick and golf club.

import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';

const BALLS: Readonly<Record<string, { radius: number; stretch?: number }>> = {
  soccer: { radius: 0.11 },
  basketball: { radius: 0.12 },
  tennis: { radius: 0.033 },
  baseball: { radius: 0.037 },
  beach: { radius: 0.25 },
  bowling: { radius: 0.108 },
  volleyball: { radius: 0.105 },
  rugby: { radius: 0.095, stretch: 1.5 },
  golf: { radius: 0.021 },
  plain: { radius: 0.1 },
};

export const ball = partListCategory({
  category: 'ball',
  family: 'sports',
  names: [
    'ball',
    ['soccer ball', 'soccer'],
    ['football', 'soccer'],
    ['basketball', 'basketball'],
    ['tennis ball', 'tennis'],
    ['baseball', 'baseball'],
    ['beach ball', 'beach'],
    ['bowling ball', 'bowling'],
    ['volleyball', 'volleyball'],
    ['rugby ball', 'rugby'],
    ['american football', 'rugby'],
    ['golf ball', 'golf'],
    'bouncy ball',
    'pelota',
    'balon',
    'ballon',
    'fussball',
  ],
  variants: {
    soccer: ['soccer', 'football'],
    basketball: ['basketball'],
    tennis: ['tennis'],
    baseball: ['baseball'],
    beach: ['beach'],
    bowling: ['bowling'],
    volleyball: ['volleyball'],
    rugby: ['rugby'],
    golf: ['golf'],
  },
  variantSlots: {
    soccer: { cover: { colors: ['white'] }, panel: { colors: ['black'] } },
    basketball: { cover: { kinds: ['rubber'], colors: ['orange'] }, panel: { colors: ['black'] } },
    tennis: { cover: { kinds: ['fur'], colors: ['lime', 'yellow'] }, panel: { colors: ['white'] } },
    baseball: { cover: { kinds: ['leather'], colors: ['ivory', 'white'] }, panel: { colors: ['red'] } },
    beach: { cover: { colors: ['red', 'yellow', 'blue'] }, panel: { colors: ['white'] } },
    bowling: { cover: { kinds: ['paint'], colors: ['navy', 'black', 'purple'] }, panel: { colors: ['charcoal'] } },
    rugby: { cover: { kinds: ['leather'], colors: ['brown', 'walnut'] }, panel: { colors: ['white'] } },
    golf: { cover: { colors: ['white'] }, panel: { colors: ['white'] } },
  },
  slots: {
    cover: {
      kinds: ['leather', 'rubber', 'plastic'],
      colors: ['red', 'blue', 'white', 'orange'],
      words: ['cover', 'ball'],
      primary: true,
    },
    panel: {
      kinds: ['leather', 'solid'],
      colors: ['black', 'white'],
      words: ['panel', 'stripe', 'seam', 'line', 'pentagon', 'hole'],
    },
  },
  example: 'a soccer ball',
  parts: ({ variant }) => {
    const { radius, stretch = 1 } = BALLS[variant ?? 'plain'];
    const specs: PartSpec[] = [
      { part: 'ball', slot: 'cover', sphere: [radius, radius, radius * stretch], at: [0, radius, 0], segments: 32 },
    ];
    if (variant === 'soccer') {
      const directions: [number, number, number][] = [
        [0, 1, 0],
        [0, -1, 0],
        ...ringPoints(5, 0.89, 0.45),
        ...ringPoints(5, 0.89, -0.45, Math.PI / 5),
      ];
      for (const [dx, dy, dz] of directions) {
        const length = Math.hypot(dx, dy, dz);
        const [x, y, z] = [dx / length, dy / length, dz / length];
        // a flat pentagon cap flush with the surface, its axis along the direction (Euler order X, Y, Z: Ry·Rz·up)
        specs.push({
          part: 'panel',
          slot: 'panel',
          cylinder: [radius * 0.32, radius * 0.32, radius * 0.08],
          at: [x * radius * 0.97, radius + y * radius * 0.97, z * radius * 0.97],
          rotate: [0, Math.atan2(z, -x), Math.acos(Math.max(-1, Math.min(1, y)))],
          segments: 5,
        });
      }
    } else if (
      variant === 'basketball' ||
      variant === 'volleyball' ||
      variant === 'beach' ||
      variant === 'tennis' ||
      variant === 'baseball'
    ) {
      specs.push({ part: 'seam', slot: 'panel', torus: [radius * 1.002, radius * 0.02], at: [0, radius, 0] });
      specs.push({
        part: 'seam',
        slot: 'panel',
        torus: [radius * 1.002, radius * 0.02],
        at: [0, radius, 0],
        rotate: [0, Math.PI / 2, 0],
      });
      if (variant === 'basketball' || variant === 'beach')
        specs.push({
          part: 'seam',
          slot: 'panel',
          torus: [radius * 1.002, radius * 0.02],
          at: [0, radius, 0],
          rotate: [Math.PI / 2, 0, 0],
        });
    } else if (variant === 'bowling') {
      for (const [x, z] of [
        [0, 0.04],
        [0.025, -0.02],
        [-0.025, -0.02],
      ])
        specs.push({
          part: 'hole',
          slot: 'panel',
          cylinder: [radius * 0.1, radius * 0.1, radius * 0.05],
          at: [x * radius * 9, radius * 1.99, z * radius * 9],
        });
    } else if (variant === 'rugby') {
      specs.push({
        part: 'seam',
        slot: 'panel',
        box: [radius * 0.05, radius * 0.02, radius * 0.8],
        at: [0, radius * 2, 0],
      });
    }
    return specs;
  },
});

export const baseballBat = partListCategory({
  category: 'baseball bat',
  family: 'sports',
  names: ['baseball bat', 'cricket bat', 'softball bat', 'bate', 'batte'],
  slots: {
    wood: {
      kinds: ['wood', 'metal'],
      colors: ['birch', 'oak', 'walnut', 'silver'],
      words: ['bat', 'wood', 'barrel'],
      primary: true,
    },
    grip: { kinds: ['rubber', 'fabric'], colors: ['black', 'red', 'white'], words: ['grip', 'tape', 'handle'] },
  },
  example: 'a wooden baseball bat',
  parts: [
    {
      part: 'bat',
      slot: 'wood',
      lathe: [
        [0, 0],
        [0.018, 0.002],
        [0.014, 0.02],
        [0.012, 0.3],
        [0.022, 0.55],
        [0.032, 0.78],
        [0.033, 0.84],
        [0.02, 0.86],
        [0, 0.865],
      ],
      segments: 24,
    },
    { part: 'grip', slot: 'grip', cylinder: [0.0135, 0.0135, 0.22], at: [0, 0.13, 0], segments: 16 },
  ],
});

export const tennisRacket = partListCategory({
  category: 'tennis racket',
  family: 'sports',
  names: ['tennis racket', 'racket', 'racquet', 'badminton racket', 'squash racket', 'raqueta', 'raquette', 'schlager'],
  slots: {
    frame: {
      kinds: ['paint', 'metal'],
      colors: ['red', 'blue', 'black', 'white', 'yellow'],
      words: ['frame', 'head'],
      primary: true,
    },
    strings: { kinds: ['fabric'], colors: ['white', 'yellow'], words: ['string', 'strings'] },
    grip: { kinds: ['rubber'], colors: ['black', 'white'], words: ['grip', 'handle'] },
  },
  example: 'a red tennis racket',
  parts: [
    { part: 'frame', slot: 'frame', torus: [0.13, 0.008], at: [0, 0.52, 0], rotate: [0, 0, 0] },
    ...[-0.08, -0.04, 0, 0.04, 0.08].map((x): PartSpec => ({
      part: 'string',
      slot: 'strings',
      box: [0.002, Math.sqrt(0.13 ** 2 - x * x) * 2, 0.002],
      at: [x, 0.52, 0],
    })),
    ...[-0.08, -0.04, 0, 0.04, 0.08].map((y): PartSpec => ({
      part: 'string',
      slot: 'strings',
      box: [Math.sqrt(0.13 ** 2 - y * y) * 2, 0.002, 0.002],
      at: [0, 0.52 + y, 0],
    })),
    {
      part: 'throat',
      slot: 'frame',
      cylinder: [0.01, 0.012, 0.16],
      at: [0.03, 0.33, 0],
      rotate: [0, 0, 0.25],
      mirror: true,
    },
    { part: 'grip', slot: 'grip', cylinder: [0.015, 0.016, 0.26], at: [0, 0.13, 0], segments: 8 },
  ],
});

export const dumbbell = partListCategory({
  category: 'dumbbell',
  family: 'sports',
  names: ['dumbbell', 'barbell', 'weight', 'kettlebell', 'mancuerna', 'haltere', 'hantel'],
  slots: {
    weight: {
      kinds: ['metal', 'rubber'],
      colors: ['charcoal', 'black', 'silver', 'red'],
      words: ['weight', 'plate'],
      primary: true,
    },
    bar: { kinds: ['metal'], colors: ['silver', 'steel'], words: ['bar', 'handle'] },
  },
  example: 'a black dumbbell',
  parts: [
    { part: 'bar', slot: 'bar', cylinder: [0.015, 0.015, 0.34], at: [0, 0.06, 0], rotate: [0, 0, Math.PI / 2] },
    {
      part: 'weight',
      slot: 'weight',
      cylinder: [0.06, 0.06, 0.05],
      at: [0.1, 0.06, 0],
      rotate: [0, 0, Math.PI / 2],
      segments: 6,
      mirror: true,
    },
    {
      part: 'weight',
      slot: 'weight',
      cylinder: [0.055, 0.055, 0.03],
      at: [0.14, 0.06, 0],
      rotate: [0, 0, Math.PI / 2],
      segments: 6,
      mirror: true,
    },
  ],
});

export const surfboard = partListCategory({
  category: 'surfboard',
  family: 'sports',
  names: ['surfboard', 'surf board', 'paddle board', 'bodyboard', 'snowboard', 'tabla de surf'],
  slots: {
    board: {
      kinds: ['paint', 'plastic'],
      colors: ['white', 'cyan', 'yellow', 'red', 'blue'],
      words: ['board', 'deck'],
      primary: true,
    },
    stripe: { kinds: ['paint'], colors: ['red', 'blue', 'black'], words: ['stripe', 'fin'] },
  },
  example: 'a blue surfboard with a white stripe',
  parts: [
    { part: 'board', slot: 'board', sphere: [0.27, 0.035, 1.0], at: [0, 0.035, 0], segments: 28 },
    { part: 'stripe', slot: 'stripe', box: [0.04, 0.004, 1.6], at: [0, 0.068, 0] },
    {
      part: 'fin',
      slot: 'stripe',
      extrude: [
        [0, 0],
        [0.1, 0],
        [0.03, 0.1],
      ],
      depth: 0.008,
      at: [0, 0.0, -0.75],
      rotate: [Math.PI, Math.PI / 2, 0],
    },
  ],
});

export const skis = partListCategory({
  category: 'skis',
  family: 'sports',
  names: ['ski', 'pair of skis', 'esqui'],
  slots: {
    ski: { kinds: ['paint'], colors: ['red', 'blue', 'black', 'white'], words: ['ski'], primary: true },
    binding: { kinds: ['plastic', 'metal'], colors: ['black', 'silver'], words: ['binding', 'pole'] },
  },
  example: 'a pair of red skis',
  parts: [
    { part: 'ski', slot: 'ski', box: [0.08, 0.015, 1.6], at: [0.07, 0.0075, 0], mirror: true, bevel: 0.005 },
    {
      part: 'tip',
      slot: 'ski',
      tube: [
        [0.07, 0.008, 0.8],
        [0.07, 0.03, 0.86],
        [0.07, 0.07, 0.88],
      ],
      radius: 0.012,
      mirror: true,
    },
    { part: 'binding', slot: 'binding', box: [0.08, 0.05, 0.25], at: [0.07, 0.04, 0.05], mirror: true, bevel: 0.01 },
  ],
});

export const hockeyStick = partListCategory({
  category: 'hockey stick',
  family: 'sports',
  names: ['hockey stick', 'field hockey stick', 'ice hockey stick', 'lacrosse stick', 'palo de hockey'],
  slots: {
    shaft: {
      kinds: ['wood', 'paint', 'metal'],
      colors: ['black', 'oak', 'white', 'red'],
      words: ['shaft', 'stick'],
      primary: true,
    },
    blade: { kinds: ['paint', 'metal'], colors: ['black', 'white', 'silver'], words: ['blade', 'head'] },
    grip: { kinds: ['rubber'], colors: ['black', 'white'], words: ['grip', 'tape'] },
  },
  example: 'a black hockey stick',
  parts: [
    { part: 'shaft', slot: 'shaft', box: [0.03, 1.45, 0.02], at: [0, 0.78, 0], rotate: [0, 0, 0.1], bevel: 0.004 },
    { part: 'blade', slot: 'blade', box: [0.3, 0.07, 0.015], at: [0.2, 0.035, 0], rotate: [0, 0, 0.05], bevel: 0.005 },
    { part: 'grip', slot: 'grip', box: [0.034, 0.25, 0.024], at: [-0.13, 1.37, 0], rotate: [0, 0, 0.1] },
  ],
});
