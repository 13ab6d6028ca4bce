// Fruit and vegetables at real size (metres), as lathe profiles and simple shapes: apple, pear, orange (lemon,
// lime, peach), banana, strawberry, watermelon, carrot, pumpkin and a bunch of grapes.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, type PartSpec } from '../kit/part-list.ts';
import type { Vector2Tuple, Vector3Tuple } from '../kit/shapes.ts';

const STEM: MaterialSlotDefinition = { kinds: ['bark'], colors: ['bark', 'walnut'], words: ['stem', 'stalk'] };
const LEAF: MaterialSlotDefinition = { kinds: ['leaves'], colors: ['leaf', 'green'], words: ['leaf'] };

/** A round fruit: a lathe profile of `radius`, squashed or stretched, with a stem and an optional leaf. */
function roundFruit(profile: Vector2Tuple[], height: number, leaf: boolean): PartSpec[] {
  return [
    { part: 'fruit', slot: 'skin', lathe: profile, segments: 28 },
    {
      part: 'stem',
      slot: 'stem',
      cylinder: [0.0025, 0.003, 0.02],
      at: [0.002, height + 0.006, 0],
      rotate: [0, 0, -0.2],
    },
    ...(leaf
      ? [
          {
            part: 'leaf',
            slot: 'leaf',
            sphere: [0.018, 0.002, 0.009],
            at: [0.014, height + 0.008, 0],
            rotate: [0, 0.3, 0.35],
          } satisfies PartSpec,
        ]
      : []),
  ];
}

export const apple = partListCategory({
  category: 'apple',
  family: 'food',
  names: ['apple', 'green apple', 'red apple', 'manzana', 'pomme', 'apfel'],
  slots: {
    skin: { kinds: ['skin'], colors: ['red', 'crimson', 'lime', 'yellow'], words: ['skin', 'fruit'], primary: true },
    stem: STEM,
    leaf: LEAF,
  },
  optional: { leaf: ['leaf'] },
  example: 'a shiny red apple',
  parts: ({ kit }) =>
    roundFruit(
      [
        [0, 0.008],
        [0.02, 0.002],
        [0.036, 0.015],
        [0.041, 0.04],
        [0.036, 0.065],
        [0.015, 0.074],
        [0, 0.066],
      ],
      0.068,
      kit.has('leaf'),
    ),
});

export const pear = partListCategory({
  category: 'pear',
  family: 'food',
  names: ['pear', 'pera', 'poire', 'birne'],
  slots: {
    skin: { kinds: ['skin'], colors: ['lime', 'yellow', 'olive', 'amber'], words: ['skin', 'fruit'], primary: true },
    stem: STEM,
    leaf: LEAF,
  },
  optional: { leaf: ['leaf'] },
  example: 'a green pear',
  parts: ({ kit }) =>
    roundFruit(
      [
        [0, 0.004],
        [0.025, 0.006],
        [0.036, 0.03],
        [0.03, 0.06],
        [0.018, 0.085],
        [0.012, 0.1],
        [0, 0.104],
      ],
      0.1,
      kit.has('leaf'),
    ),
});

export const citrus = partListCategory({
  category: 'orange',
  family: 'food',
  names: [
    'orange',
    'tangerine',
    'mandarin',
    ['lemon', 'lemon'],
    ['lime', 'lime'],
    ['peach', 'peach'],
    ['grapefruit', 'orange'],
    'naranja',
  ],
  variants: { lemon: ['lemon'], lime: ['lime'], peach: ['peach'] },
  variantSlots: {
    lemon: { skin: { colors: ['yellow'] } },
    lime: { skin: { colors: ['lime', 'green'] } },
    peach: { skin: { colors: ['peach', 'amber', 'orange'] } },
  },
  slots: {
    skin: { kinds: ['skin'], colors: ['orange'], words: ['skin', 'peel', 'fruit'], primary: true },
    stem: STEM,
    leaf: LEAF,
  },
  optional: { leaf: ['leaf'] },
  example: 'a juicy orange',
  parts: ({ kit, variant }) => {
    const stretch = variant === 'lemon' ? 1.3 : 1;
    return [
      {
        part: 'fruit',
        slot: 'skin',
        sphere: [0.037, 0.036 * stretch, 0.037],
        at: [0, 0.036 * stretch, 0],
        segments: 28,
      },
      { part: 'stem', slot: 'stem', cylinder: [0.003, 0.003, 0.006], at: [0, 0.072 * stretch + 0.002, 0] },
      ...(kit.has('leaf')
        ? [
            {
              part: 'leaf',
              slot: 'leaf',
              sphere: [0.018, 0.002, 0.008],
              at: [0.012, 0.073 * stretch + 0.004, 0],
              rotate: [0, 0, 0.3],
            } satisfies PartSpec,
          ]
        : []),
    ];
  },
});

export const banana = partListCategory({
  category: 'banana',
  family: 'food',
  names: ['banana', 'platano', 'banane'],
  slots: {
    peel: { kinds: ['skin'], colors: ['yellow'], words: ['peel', 'skin'], primary: true },
    tip: { kinds: ['skin'], colors: ['walnut', 'charcoal'], words: ['tip', 'stem'] },
  },
  counts: { bananas: { words: ['banana'], default: 1, min: 1, max: 6 } },
  example: 'a ripe yellow banana',
  parts: ({ counts }) =>
    Array.from({ length: counts.bananas }, (_, index): PartSpec[] => {
      const offset = (index - (counts.bananas - 1) / 2) * 0.032;
      const arc: Vector3Tuple[] = [
        [-0.085, 0.05, offset],
        [-0.045, 0.02, offset],
        [0, 0.016, offset],
        [0.045, 0.02, offset],
        [0.085, 0.052, offset],
      ];
      return [
        { part: 'banana', slot: 'peel', tube: arc, radius: 0.017 },
        {
          part: 'stem',
          slot: 'tip',
          cylinder: [0.005, 0.008, 0.025],
          at: [-0.095, 0.065, offset],
          rotate: [0, 0, 0.7],
        },
        { part: 'tip', slot: 'tip', sphere: 0.008, at: [0.087, 0.055, offset] },
      ];
    }).flat(),
});

export const strawberry = partListCategory({
  category: 'strawberry',
  family: 'food',
  names: ['strawberry', 'raspberry', 'fresa', 'fraise', 'erdbeere'],
  slots: {
    skin: { kinds: ['skin'], colors: ['red', 'crimson'], words: ['skin', 'fruit', 'berry'], primary: true },
    leaf: LEAF,
    seed: { kinds: ['solid'], colors: ['yellow', 'amber'], words: ['seed'] },
  },
  example: 'a red strawberry',
  parts: [
    {
      part: 'fruit',
      slot: 'skin',
      lathe: [
        [0, 0],
        [0.008, 0.004],
        [0.016, 0.016],
        [0.019, 0.03],
        [0.015, 0.038],
        [0, 0.04],
      ],
      segments: 24,
    },
    ...[0, 1, 2, 3, 4].map((index): PartSpec => ({
      part: 'leaf',
      slot: 'leaf',
      sphere: [0.012, 0.0015, 0.005],
      at: [Math.cos(index * 1.26) * 0.009, 0.04, Math.sin(index * 1.26) * 0.009],
      rotate: [0, -index * 1.26, 0.25],
    })),
    ...Array.from({ length: 14 }, (_, index): PartSpec => {
      const angle = index * 2.4;
      const y = 0.008 + (index % 5) * 0.0055;
      const radius = 0.011 + (index % 5) * 0.0016;
      return {
        part: 'seed',
        slot: 'seed',
        sphere: 0.0012,
        at: [Math.cos(angle) * radius, y, Math.sin(angle) * radius],
      };
    }),
  ],
});

export const watermelon = partListCategory({
  category: 'watermelon',
  family: 'food',
  names: ['watermelon', 'melon', 'cantaloupe', 'sandia', 'pasteque', 'wassermelone'],
  variants: { slice: ['slice', 'wedge', 'piece'] },
  slots: {
    rind: { kinds: ['skin'], colors: ['green'], words: ['rind', 'skin'], primary: true },
    flesh: { kinds: ['skin'], colors: ['red', 'pink'], words: ['flesh', 'inside'] },
    seed: { kinds: ['solid'], colors: ['black'], words: ['seed'] },
  },
  example: 'a big watermelon',
  parts: ({ variant }) =>
    variant === 'slice'
      ? [
          {
            part: 'rind',
            slot: 'rind',
            cylinder: [0.15, 0.15, 0.025],
            at: [0, 0.075, 0],
            rotate: [Math.PI / 2, 0, 0],
            segments: 24,
          },
          {
            part: 'flesh',
            slot: 'flesh',
            extrude: [
              [-0.13, 0],
              [0.13, 0],
              [0.09, 0.09],
              [0, 0.13],
              [-0.09, 0.09],
            ],
            depth: 0.03,
            at: [0, 0.005, 0],
          },
          ...[-0.05, 0, 0.05].map((x): PartSpec => ({
            part: 'seed',
            slot: 'seed',
            sphere: [0.004, 0.007, 0.004],
            at: [x, 0.06, 0.016],
          })),
        ]
      : [{ part: 'melon', slot: 'rind', sphere: [0.14, 0.13, 0.18], at: [0, 0.13, 0], segments: 28 }],
});

export const carrot = partListCategory({
  category: 'carrot',
  family: 'food',
  names: ['carrot', 'zanahoria', 'carotte', 'karotte'],
  slots: { root: { kinds: ['skin'], colors: ['orange'], words: ['root', 'body'], primary: true }, leaf: LEAF },
  optional: { leaf: ['leaf', 'top', 'green'] },
  example: 'an orange carrot',
  parts: ({ kit }) => [
    { part: 'root', slot: 'root', cylinder: [0.016, 0.002, 0.17], at: [0, 0.085, 0], rotate: [0, 0, 0] },
    ...(kit.has('leaf')
      ? [-0.25, 0, 0.25].map((tilt): PartSpec => ({
          part: 'leaf',
          slot: 'leaf',
          cylinder: [0.001, 0.003, 0.09],
          at: [tilt * 0.06, 0.21, 0],
          rotate: [0, 0, tilt],
        }))
      : []),
  ],
});

export const pumpkin = partListCategory({
  category: 'pumpkin',
  family: 'food',
  names: [
    'pumpkin',
    'squash',
    'gourd',
    ['jack o lantern', 'carved'],
    ['jack-o-lantern', 'carved'],
    'calabaza',
    'citrouille',
    'kurbis',
  ],
  variants: { carved: ['carved', 'halloween', 'lantern'] },
  slots: {
    skin: { kinds: ['skin'], colors: ['orange', 'amber'], words: ['skin', 'body'], primary: true },
    stem: STEM,
    face: { kinds: ['solid'], colors: ['black', 'amber'], words: ['face', 'eye', 'mouth'] },
  },
  example: 'an orange pumpkin',
  parts: ({ variant }) => [
    ...Array.from({ length: 8 }, (_, index): PartSpec => {
      const angle = (index / 8) * Math.PI * 2;
      return {
        part: 'segment',
        slot: 'skin',
        sphere: [0.1, 0.13, 0.16],
        at: [Math.cos(angle) * 0.08, 0.13, Math.sin(angle) * 0.08],
        rotate: [0, -angle, 0],
      };
    }),
    { part: 'stem', slot: 'stem', cylinder: [0.012, 0.02, 0.06], at: [0.005, 0.27, 0], rotate: [0, 0, -0.2] },
    ...(variant === 'carved'
      ? ([
          {
            part: 'eye',
            slot: 'face',
            extrude: [
              [-0.03, 0],
              [0.03, 0],
              [0, 0.04],
            ],
            depth: 0.01,
            at: [0.06, 0.16, 0.23],
            mirror: true,
          },
          {
            part: 'mouth',
            slot: 'face',
            extrude: [
              [-0.09, 0],
              [0.09, 0],
              [0.06, -0.04],
              [0.02, -0.02],
              [-0.02, -0.04],
              [-0.06, -0.02],
            ],
            depth: 0.01,
            at: [0, 0.1, 0.235],
          },
        ] satisfies PartSpec[])
      : []),
  ],
});

export const grapes = partListCategory({
  category: 'grapes',
  family: 'food',
  names: ['grape', 'bunch of grapes', 'uva', 'traube'],
  slots: {
    grape: { kinds: ['skin'], colors: ['purple', 'lime', 'maroon'], words: ['grape', 'berry'], primary: true },
    stem: STEM,
  },
  example: 'a bunch of purple grapes',
  parts: () => {
    const specs: PartSpec[] = [
      {
        part: 'stem',
        slot: 'stem',
        tube: [
          [0, 0.16, 0],
          [0.005, 0.13, 0],
          [0, 0.09, 0],
        ],
        radius: 0.003,
      },
    ];
    for (let row = 0; row < 6; row++) {
      const count = Math.max(1, 5 - row);
      for (let grape = 0; grape < count; grape++) {
        const angle = (grape / count) * Math.PI * 2 + row;
        const radius = (count - 1) * 0.006;
        specs.push({
          part: 'grape',
          slot: 'grape',
          sphere: 0.011,
          at: [Math.cos(angle) * radius, 0.12 - row * 0.018, Math.sin(angle) * radius],
          segments: 12,
        });
      }
    }
    return specs;
  },
});
