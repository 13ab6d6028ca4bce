// Dishes at real size (metres): pizza (whole or a slice), burger, hot dog, sandwich, taco, sushi, bread,
// croissant, cheese, egg (whole or fried) and a stack of pancakes. Layers are stacked discs and boxes.

import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';
import type { Vector3Tuple } from '../kit/shapes.ts';

const BREAD = { kinds: ['skin'], colors: ['amber', 'tan', 'sand'], words: ['bread', 'bun', 'crust', 'dough'] } as const;

export const pizza = partListCategory({
  category: 'pizza',
  family: 'food',
  names: ['pizza', 'pizza slice', 'pepperoni pizza', 'margherita', 'pizza margherita'],
  variants: { slice: ['slice', 'piece', 'wedge', 'triangle'] },
  slots: {
    crust: { ...BREAD, words: ['crust', 'dough', 'base'], primary: true },
    sauce: { kinds: ['skin'], colors: ['red', 'crimson'], words: ['sauce', 'tomato'] },
    cheese: { kinds: ['skin'], colors: ['yellow', 'cream'], words: ['cheese', 'mozzarella'] },
    topping: {
      kinds: ['skin'],
      colors: ['crimson', 'maroon'],
      words: ['pepperoni', 'salami', 'topping', 'mushroom', 'sausage', 'ham'],
    },
  },
  counts: { toppings: { words: ['pepperoni', 'topping', 'slice of pepperoni'], default: 9, min: 0, max: 20 } },
  optional: { topping: ['pepperoni', 'topping', 'salami'] },
  example: 'a pepperoni pizza',
  parts: ({ variant, counts, kit, random }) => {
    const slice = variant === 'slice';
    const specs: PartSpec[] = slice
      ? [
          {
            part: 'crust',
            slot: 'crust',
            extrude: [
              [0, 0],
              [0.15, -0.045],
              [0.15, 0.045],
            ],
            depth: 0.012,
            at: [0, 0.006, 0],
            rotate: [-Math.PI / 2, 0, 0],
            bevel: 0.003,
          },
          {
            part: 'rim',
            slot: 'crust',
            cylinder: [0.012, 0.012, 0.095],
            at: [0.15, 0.012, 0],
            rotate: [Math.PI / 2, 0, 0],
          },
          {
            part: 'cheese',
            slot: 'cheese',
            extrude: [
              [0.01, 0],
              [0.14, -0.04],
              [0.14, 0.04],
            ],
            depth: 0.004,
            at: [0, 0.013, 0],
            rotate: [-Math.PI / 2, 0, 0],
          },
        ]
      : [
          { part: 'crust', slot: 'crust', cylinder: [0.15, 0.15, 0.012], at: [0, 0.006, 0], segments: 40 },
          { part: 'rim', slot: 'crust', torus: [0.145, 0.012], at: [0, 0.012, 0], rotate: [Math.PI / 2, 0, 0] },
          { part: 'sauce', slot: 'sauce', cylinder: [0.135, 0.135, 0.003], at: [0, 0.013, 0], segments: 40 },
          { part: 'cheese', slot: 'cheese', cylinder: [0.128, 0.128, 0.003], at: [0, 0.016, 0], segments: 40 },
        ];
    if (kit.has('topping')) {
      const count = slice ? Math.min(3, counts.toppings) : counts.toppings;
      for (let topping = 0; topping < count; topping++) {
        const at: Vector3Tuple = slice
          ? [0.04 + topping * 0.035, 0.017, random.between(-0.01, 0.01)]
          : topping === 0
            ? [0, 0.018, 0]
            : [
                Math.cos(topping * 2.4) * 0.09 * Math.sqrt(topping / count),
                0.018,
                Math.sin(topping * 2.4) * 0.09 * Math.sqrt(topping / count),
              ];
        specs.push({ part: 'topping', slot: 'topping', cylinder: [0.018, 0.018, 0.003], at, segments: 14 });
      }
    }
    return specs;
  },
});

export const burger = partListCategory({
  category: 'burger',
  family: 'food',
  names: ['burger', 'hamburger', ['cheeseburger', 'cheese'], 'veggie burger', 'hamburguesa'],
  variants: { cheese: ['cheese', 'cheeseburger'] },
  slots: {
    bun: { ...BREAD, words: ['bun', 'bread'], primary: true },
    patty: { kinds: ['skin'], colors: ['walnut', 'brown'], words: ['patty', 'meat', 'beef'] },
    lettuce: { kinds: ['leaves'], colors: ['lime', 'green'], words: ['lettuce', 'salad'] },
    tomato: { kinds: ['skin'], colors: ['red'], words: ['tomato'] },
    cheese: { kinds: ['skin'], colors: ['yellow', 'amber'], words: ['cheese'] },
    seed: { kinds: ['solid'], colors: ['cream'], words: ['sesame', 'seed'] },
  },
  counts: { patties: { words: ['patty'], default: 1, min: 1, max: 4 } },
  optional: { lettuce: ['lettuce', 'salad'], tomato: ['tomato'], cheese: ['cheese'] },
  example: 'a cheeseburger with lettuce and tomato',
  parts: ({ variant, counts, kit }) => {
    const specs: PartSpec[] = [
      { part: 'bottom_bun', slot: 'bun', cylinder: [0.055, 0.052, 0.022], at: [0, 0.011, 0], segments: 28 },
    ];
    let y = 0.022;
    const layer = (part: string, slot: string, height: number, radius: number) => {
      specs.push({ part, slot, cylinder: [radius, radius, height], at: [0, y + height / 2, 0], segments: 28 });
      y += height;
    };
    for (let patty = 0; patty < counts.patties; patty++) {
      layer('patty', 'patty', 0.016, 0.058);
      if ((variant === 'cheese' || kit.wants('cheese')) && kit.has('cheese')) {
        specs.push({
          part: 'cheese',
          slot: 'cheese',
          box: [0.1, 0.003, 0.1],
          at: [0, y + 0.0015, 0],
          rotate: [0, 0.3, 0],
        });
        y += 0.003;
      }
    }
    if (kit.has('tomato')) layer('tomato', 'tomato', 0.007, 0.05);
    if (kit.has('lettuce')) layer('lettuce', 'lettuce', 0.005, 0.062);
    specs.push({
      part: 'top_bun',
      slot: 'bun',
      lathe: [
        [0, y],
        [0.056, y],
        [0.058, y + 0.012],
        [0.045, y + 0.035],
        [0.02, y + 0.045],
        [0, y + 0.047],
      ],
      segments: 28,
    });
    for (const [x, , z] of ringPoints(7, 0.028, 0))
      specs.push({ part: 'seed', slot: 'seed', sphere: [0.003, 0.0015, 0.0018], at: [x, y + 0.042, z] });
    return specs;
  },
  anchors: { top: { at: [0, 0.1, 0], size: 0.05 } },
});

export const hotDog = partListCategory({
  category: 'hot dog',
  family: 'food',
  names: ['hot dog', 'hotdog', 'frankfurter', 'corn dog'],
  slots: {
    bun: { ...BREAD, words: ['bun', 'bread'], primary: true },
    sausage: { kinds: ['skin'], colors: ['maroon', 'brown'], words: ['sausage', 'frank', 'wiener'] },
    sauce: { kinds: ['paint'], colors: ['yellow', 'red'], words: ['mustard', 'ketchup', 'sauce'] },
  },
  optional: { sauce: ['mustard', 'ketchup', 'sauce'] },
  example: 'a hot dog with mustard',
  parts: ({ kit }) => [
    { part: 'bun', slot: 'bun', capsule: [0.022, 0.12], at: [0.018, 0.02, 0], rotate: [0, 0, Math.PI / 2] },
    { part: 'bun', slot: 'bun', capsule: [0.022, 0.12], at: [-0.018, 0.02, 0], rotate: [0, 0, Math.PI / 2] },
    { part: 'sausage', slot: 'sausage', capsule: [0.013, 0.15], at: [0, 0.035, 0], rotate: [0, 0, Math.PI / 2] },
    ...(kit.has('sauce')
      ? [
          {
            part: 'sauce',
            slot: 'sauce',
            tube: Array.from({ length: 9 }, (_, index): Vector3Tuple => [
              -0.07 + index * 0.0175,
              0.049,
              index % 2 === 0 ? -0.006 : 0.006,
            ]),
            radius: 0.0035,
          } satisfies PartSpec,
        ]
      : []),
  ],
});

export const sandwich = partListCategory({
  category: 'sandwich',
  family: 'food',
  names: ['sandwich', 'toast', 'club sandwich', 'panini', 'bocadillo'],
  slots: {
    bread: { ...BREAD, colors: ['cream', 'tan'], primary: true },
    filling: { kinds: ['skin'], colors: ['pink', 'maroon'], words: ['ham', 'meat', 'filling', 'turkey'] },
    lettuce: { kinds: ['leaves'], colors: ['lime'], words: ['lettuce', 'salad'] },
    cheese: { kinds: ['skin'], colors: ['yellow'], words: ['cheese'] },
  },
  example: 'a ham and cheese sandwich',
  parts: [
    { part: 'bread', slot: 'bread', box: [0.11, 0.012, 0.11], at: [0, 0.006, 0], bevel: 0.004 },
    { part: 'lettuce', slot: 'lettuce', box: [0.118, 0.004, 0.116], at: [0, 0.014, 0] },
    { part: 'filling', slot: 'filling', box: [0.112, 0.008, 0.11], at: [0, 0.02, 0] },
    { part: 'cheese', slot: 'cheese', box: [0.105, 0.003, 0.105], at: [0, 0.0255, 0], rotate: [0, 0.2, 0] },
    { part: 'bread', slot: 'bread', box: [0.11, 0.012, 0.11], at: [0, 0.033, 0], bevel: 0.004 },
  ],
});

export const taco = partListCategory({
  category: 'taco',
  family: 'food',
  names: ['taco', 'burrito', 'wrap', 'quesadilla'],
  slots: {
    shell: { kinds: ['skin'], colors: ['amber', 'sand'], words: ['shell', 'tortilla'], primary: true },
    filling: { kinds: ['skin'], colors: ['walnut', 'brown'], words: ['meat', 'beef', 'filling'] },
    lettuce: { kinds: ['leaves'], colors: ['lime'], words: ['lettuce'] },
    cheese: { kinds: ['skin'], colors: ['yellow'], words: ['cheese'] },
  },
  example: 'a beef taco',
  parts: [
    { part: 'shell', slot: 'shell', torus: [0.06, 0.004], arc: Math.PI, at: [0, 0.065, 0], rotate: [0, 0, Math.PI] },
    {
      part: 'shell',
      slot: 'shell',
      cylinder: [0.06, 0.06, 0.05],
      at: [0, 0.065, 0],
      rotate: [Math.PI / 2, 0, 0],
      open: true,
    },
    { part: 'filling', slot: 'filling', sphere: [0.05, 0.02, 0.02], at: [0, 0.055, 0] },
    { part: 'lettuce', slot: 'lettuce', sphere: [0.052, 0.012, 0.018], at: [0, 0.07, 0.004] },
    { part: 'cheese', slot: 'cheese', sphere: [0.045, 0.008, 0.015], at: [0, 0.078, -0.004] },
  ],
});

export const sushi = partListCategory({
  category: 'sushi',
  family: 'food',
  names: ['sushi', 'sushi roll', 'maki', 'nigiri', 'california roll'],
  slots: {
    rice: { kinds: ['skin'], colors: ['ivory', 'white'], words: ['rice'], primary: true },
    seaweed: { kinds: ['paper'], colors: ['charcoal', 'black'], words: ['seaweed', 'nori'] },
    fish: { kinds: ['skin'], colors: ['salmon', 'orange', 'red'], words: ['fish', 'salmon', 'tuna', 'filling'] },
  },
  counts: { pieces: { words: ['piece', 'roll'], default: 3, min: 1, max: 8 } },
  example: 'three pieces of salmon sushi',
  parts: ({ counts }) =>
    Array.from({ length: counts.pieces }, (_, index): PartSpec[] => {
      const x = (index - (counts.pieces - 1) / 2) * 0.038;
      return [
        {
          part: 'seaweed',
          slot: 'seaweed',
          cylinder: [0.016, 0.016, 0.025],
          at: [x, 0.0125, 0],
          segments: 20,
          open: true,
        },
        { part: 'rice', slot: 'rice', cylinder: [0.0155, 0.0155, 0.0245], at: [x, 0.0125, 0], segments: 20 },
        { part: 'fish', slot: 'fish', cylinder: [0.006, 0.006, 0.0255], at: [x, 0.0127, 0], segments: 10 },
      ];
    }).flat(),
});

export const bread = partListCategory({
  category: 'bread',
  family: 'food',
  names: ['bread', 'loaf', 'loaf of bread', 'baguette', 'bun', 'bread roll', 'brot'],
  slots: {
    crust: { ...BREAD, words: ['crust'], primary: true },
    score: { kinds: ['skin'], colors: ['cream'], words: ['cut', 'score'] },
  },
  example: 'a loaf of crusty bread',
  parts: [
    { part: 'loaf', slot: 'crust', capsule: [0.055, 0.14], at: [0, 0.052, 0], rotate: [Math.PI / 2, 0, 0] },
    ...[-0.05, 0, 0.05].map((z): PartSpec => ({
      part: 'score',
      slot: 'score',
      box: [0.05, 0.004, 0.012],
      at: [0, 0.104, z],
      rotate: [0, 0.5, 0],
    })),
  ],
});

export const croissant = partListCategory({
  category: 'croissant',
  family: 'food',
  names: ['croissant', 'pastry', 'crescent roll'],
  slots: { pastry: { ...BREAD, words: ['pastry', 'crust'], primary: true } },
  example: 'a golden croissant',
  parts: [0.6, 0.3, 0, -0.3, -0.6].map((angle, index): PartSpec => {
    const radius = index === 2 ? 0.028 : index === 1 || index === 3 ? 0.022 : 0.014;
    return {
      part: 'segment',
      slot: 'pastry',
      sphere: [radius * 1.2, radius, radius * 0.9],
      at: [Math.sin(angle) * 0.06, radius, Math.cos(angle) * 0.04 - 0.02],
      rotate: [0, angle, 0],
    };
  }),
});

export const cheese = partListCategory({
  category: 'cheese',
  family: 'food',
  names: ['cheese', 'wedge of cheese', 'cheese wedge', 'swiss cheese', 'queso', 'fromage', 'kase'],
  slots: {
    cheese: { kinds: ['skin'], colors: ['yellow', 'amber'], words: ['cheese'], primary: true },
    hole: { kinds: ['solid'], colors: ['amber'], words: ['hole'] },
  },
  example: 'a wedge of swiss cheese',
  parts: [
    {
      part: 'wedge',
      slot: 'cheese',
      extrude: [
        [0, 0],
        [0.12, -0.035],
        [0.12, 0.035],
      ],
      depth: 0.06,
      at: [0, 0.03, 0],
      rotate: [Math.PI / 2, 0, 0],
    },
    { part: 'hole', slot: 'hole', sphere: [0.008, 0.008, 0.002], at: [0.08, 0.03, 0.026] },
    { part: 'hole', slot: 'hole', sphere: [0.006, 0.006, 0.002], at: [0.05, 0.018, 0.014] },
  ],
});

export const egg = partListCategory({
  category: 'egg',
  family: 'food',
  names: ['egg', ['fried egg', 'fried'], ['sunny side up', 'fried'], 'easter egg', 'huevo', 'oeuf', 'ei'],
  variants: { fried: ['fried', 'sunny'] },
  slots: {
    shell: { kinds: ['ceramic'], colors: ['cream', 'white', 'tan'], words: ['shell', 'white'], primary: true },
    yolk: { kinds: ['skin'], colors: ['amber', 'yellow'], words: ['yolk'] },
  },
  example: 'a fried egg',
  parts: ({ variant }) =>
    variant === 'fried'
      ? [
          { part: 'white', slot: 'shell', cylinder: [0.06, 0.065, 0.006], at: [0, 0.003, 0], segments: 24 },
          { part: 'yolk', slot: 'yolk', sphere: [0.022, 0.012, 0.022], at: [0.008, 0.006, 0.005] },
        ]
      : [
          {
            part: 'egg',
            slot: 'shell',
            lathe: [
              [0, 0],
              [0.018, 0.004],
              [0.026, 0.022],
              [0.022, 0.045],
              [0.012, 0.056],
              [0, 0.059],
            ],
            segments: 28,
          },
        ],
});

export const pancakes = partListCategory({
  category: 'pancakes',
  family: 'food',
  names: ['pancake', 'stack of pancakes', 'waffle', 'crepe', 'hotcake'],
  slots: {
    pancake: { ...BREAD, words: ['pancake'], primary: true },
    butter: { kinds: ['skin'], colors: ['cream', 'yellow'], words: ['butter'] },
    syrup: { kinds: ['glass'], colors: ['amber'], words: ['syrup', 'honey'] },
  },
  counts: { pancakes: { words: ['pancake', 'layer'], default: 4, min: 1, max: 10 } },
  example: 'a stack of pancakes with butter',
  parts: ({ counts }) => [
    ...Array.from({ length: counts.pancakes }, (_, index): PartSpec => ({
      part: 'pancake',
      slot: 'pancake',
      cylinder: [0.07, 0.072, 0.012],
      at: [0, 0.006 + index * 0.0125, 0],
      segments: 28,
    })),
    {
      part: 'syrup',
      slot: 'syrup',
      cylinder: [0.06, 0.065, 0.003],
      at: [0, counts.pancakes * 0.0125 + 0.001, 0],
      segments: 24,
    },
    {
      part: 'butter',
      slot: 'butter',
      box: [0.025, 0.01, 0.025],
      at: [0, counts.pancakes * 0.0125 + 0.007, 0],
      bevel: 0.002,
    },
  ],
  anchors: { top: { at: [0, 0.06, 0], size: 0.06 } },
});
