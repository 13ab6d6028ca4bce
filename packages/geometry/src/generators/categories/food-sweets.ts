// Sweets at real size (metres): donut, cake (layers, frosting, candles; a slice), cupcake, ice cream cone,
// lollipop and cookie.

import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';
import type { MaterialSlotDefinition } from '../generator-definition.ts';

const FROSTING: MaterialSlotDefinition = {
  kinds: ['paint'],
  colors: ['pink', 'white', 'cream', 'brown', 'cyan'],
  words: ['frosting', 'icing', 'glaze', 'cream', 'topping'],
};
const SPRINKLES: MaterialSlotDefinition = {
  kinds: ['solid'],
  colors: ['red', 'yellow', 'cyan', 'white'],
  words: ['sprinkle', 'sprinkles'],
};
const CAKE: MaterialSlotDefinition = {
  kinds: ['skin'],
  colors: ['amber', 'tan', 'brown', 'cream'],
  words: ['sponge', 'cake', 'layer', 'dough'],
};

function sprinkles(count: number, radius: number, y: number): PartSpec[] {
  return Array.from({ length: count }, (_, index): PartSpec => {
    const angle = index * 2.399;
    const distance = radius * Math.sqrt((index + 0.5) / count);
    return {
      part: 'sprinkle',
      slot: 'sprinkles',
      capsule: [radius * 0.025, radius * 0.08],
      at: [Math.cos(angle) * distance, y, Math.sin(angle) * distance],
      rotate: [Math.PI / 2, angle * 3, 0],
    };
  });
}

export const donut = partListCategory({
  category: 'donut',
  family: 'food',
  names: ['donut', 'doughnut', 'bagel', 'rosquilla', 'beignet'],
  slots: { dough: { ...CAKE, words: ['dough', 'donut'], primary: true }, frosting: FROSTING, sprinkles: SPRINKLES },
  optional: { frosting: ['frosting', 'icing', 'glaze'], sprinkles: ['sprinkle', 'sprinkles'] },
  example: 'a glazed donut with pink frosting and sprinkles',
  parts: ({ kit }) => [
    { part: 'dough', slot: 'dough', torus: [0.032, 0.017], at: [0, 0.017, 0], rotate: [Math.PI / 2, 0, 0] },
    ...(kit.has('frosting')
      ? [
          {
            part: 'frosting',
            slot: 'frosting',
            torus: [0.032, 0.0145],
            at: [0, 0.022, 0],
            rotate: [Math.PI / 2, 0, 0],
          } satisfies PartSpec,
        ]
      : []),
    ...(kit.has('sprinkles') && kit.has('frosting')
      ? sprinkles(26, 0.045, 0.036).filter((spec) => Math.hypot(spec.at![0], spec.at![2]) > 0.02)
      : []),
  ],
});

export const cake = partListCategory({
  category: 'cake',
  family: 'food',
  names: [
    'cake',
    ['birthday cake', 'birthday'],
    ['wedding cake', 'wedding'],
    'chocolate cake',
    'cheesecake',
    'gateau',
    'tarta',
    'pastel',
    'kuchen',
    'torte',
  ],
  variants: { slice: ['slice', 'piece', 'wedge'], birthday: ['birthday', 'candle'], wedding: ['wedding', 'tiered'] },
  slots: {
    sponge: { ...CAKE, primary: true },
    frosting: FROSTING,
    candle: { kinds: ['paint'], colors: ['cyan', 'pink', 'yellow', 'white'], words: ['candle'] },
    flame: { kinds: ['solid'], colors: ['amber', 'yellow'], words: ['flame'] },
    fruit: { kinds: ['skin'], colors: ['red'], words: ['cherry', 'strawberry', 'fruit', 'berry'] },
  },
  counts: {
    candles: { words: ['candle'], default: 5, min: 0, max: 20 },
    tiers: { words: ['tier', 'layer', 'storey'], default: 1, min: 1, max: 4 },
  },
  optional: { candle: ['candle'], fruit: ['cherry', 'strawberry', 'fruit', 'berry'] },
  example: 'a birthday cake with candles',
  parts: ({ variant, counts, kit }) => {
    if (variant === 'slice') {
      return [
        {
          part: 'sponge',
          slot: 'sponge',
          extrude: [
            [0, 0],
            [0.11, -0.035],
            [0.11, 0.035],
          ],
          depth: 0.07,
          at: [0, 0.035, 0],
          rotate: [Math.PI / 2, 0, 0],
        },
        {
          part: 'frosting',
          slot: 'frosting',
          extrude: [
            [0, 0],
            [0.112, -0.037],
            [0.112, 0.037],
          ],
          depth: 0.01,
          at: [0, 0.074, 0],
          rotate: [Math.PI / 2, 0, 0],
        },
        { part: 'frosting', slot: 'frosting', box: [0.07, 0.004, 0.002], at: [0.055, 0.035, 0.0] },
        ...(kit.wants('fruit')
          ? [{ part: 'fruit', slot: 'fruit', sphere: 0.01, at: [0.09, 0.088, 0] } satisfies PartSpec]
          : []),
      ];
    }
    const tiers = variant === 'wedding' ? Math.max(3, counts.tiers) : counts.tiers;
    const specs: PartSpec[] = [];
    let y = 0;
    let radius = 0.11;
    for (let tier = 0; tier < tiers; tier++) {
      specs.push({
        part: 'sponge',
        slot: 'sponge',
        cylinder: [radius, radius, 0.08],
        at: [0, y + 0.04, 0],
        segments: 36,
      });
      specs.push({
        part: 'frosting',
        slot: 'frosting',
        cylinder: [radius + 0.003, radius + 0.003, 0.012],
        at: [0, y + 0.083, 0],
        segments: 36,
      });
      specs.push({
        part: 'frosting',
        slot: 'frosting',
        torus: [radius, 0.007],
        at: [0, y + 0.006, 0],
        rotate: [Math.PI / 2, 0, 0],
      });
      y += 0.089;
      radius *= 0.72;
    }
    const topRadius = radius / 0.72;
    if ((variant === 'birthday' || kit.wants('candle')) && kit.has('candle')) {
      for (const [x, , z] of ringPoints(counts.candles, counts.candles > 1 ? topRadius * 0.6 : 0, 0)) {
        specs.push({
          part: 'candle',
          slot: 'candle',
          cylinder: [0.004, 0.004, 0.05],
          at: [x, y + 0.025, z],
          segments: 8,
        });
        specs.push({ part: 'flame', slot: 'flame', sphere: [0.004, 0.008, 0.004], at: [x, y + 0.058, z], segments: 8 });
      }
    }
    if (kit.wants('fruit'))
      for (const [x, , z] of ringPoints(8, topRadius * 0.8, 0))
        specs.push({ part: 'fruit', slot: 'fruit', sphere: 0.01, at: [x, y + 0.008, z] });
    return specs;
  },
  anchors: { top: { at: [0, 0.095, 0], size: 0.1 } },
});

export const cupcake = partListCategory({
  category: 'cupcake',
  family: 'food',
  names: ['cupcake', 'muffin', 'fairy cake', 'magdalena'],
  slots: {
    wrapper: { kinds: ['paper'], colors: ['pink', 'white', 'cyan', 'yellow'], words: ['wrapper', 'case', 'liner'] },
    sponge: { ...CAKE, primary: false },
    frosting: { ...FROSTING, primary: true },
    sprinkles: SPRINKLES,
    fruit: { kinds: ['skin'], colors: ['red'], words: ['cherry'] },
  },
  optional: { frosting: ['frosting', 'icing'], sprinkles: ['sprinkle', 'sprinkles'], fruit: ['cherry'] },
  example: 'a cupcake with pink frosting and a cherry',
  parts: ({ kit }) => [
    { part: 'wrapper', slot: 'wrapper', cylinder: [0.032, 0.024, 0.035], at: [0, 0.0175, 0], segments: 16 },
    { part: 'sponge', slot: 'sponge', sphere: [0.034, 0.018, 0.034], at: [0, 0.036, 0] },
    ...(kit.has('frosting')
      ? ([
          { part: 'frosting', slot: 'frosting', torus: [0.024, 0.012], at: [0, 0.045, 0], rotate: [Math.PI / 2, 0, 0] },
          { part: 'frosting', slot: 'frosting', torus: [0.015, 0.01], at: [0, 0.058, 0], rotate: [Math.PI / 2, 0, 0] },
          { part: 'frosting', slot: 'frosting', cylinder: [0.002, 0.012, 0.02], at: [0, 0.072, 0] },
        ] satisfies PartSpec[])
      : []),
    ...(kit.has('sprinkles') && !kit.wants('fruit') ? sprinkles(12, 0.03, 0.06) : []),
    ...(kit.wants('fruit')
      ? [{ part: 'fruit', slot: 'fruit', sphere: 0.008, at: [0, 0.088, 0] } satisfies PartSpec]
      : []),
  ],
});

export const iceCream = partListCategory({
  category: 'ice cream',
  family: 'food',
  names: ['ice cream', 'ice cream cone', 'icecream', 'gelato', 'sundae', 'helado', 'glace', 'eis'],
  slots: {
    scoop: {
      kinds: ['skin'],
      colors: ['pink', 'cream', 'brown', 'mint', 'yellow'],
      words: ['scoop', 'cream'],
      primary: true,
    },
    cone: { kinds: ['skin'], colors: ['amber', 'tan'], words: ['cone', 'wafer'] },
    topping: { kinds: ['skin'], colors: ['red'], words: ['cherry', 'topping'] },
  },
  counts: { scoops: { words: ['scoop'], default: 1, min: 1, max: 4 } },
  optional: { topping: ['cherry', 'topping'] },
  example: 'a strawberry ice cream cone with two scoops',
  parts: ({ counts, kit }) => [
    { part: 'cone', slot: 'cone', cylinder: [0.033, 0.004, 0.11], at: [0, 0.055, 0], segments: 20 },
    ...Array.from({ length: counts.scoops }, (_, index): PartSpec => ({
      part: 'scoop',
      slot: 'scoop',
      sphere: 0.035 - index * 0.003,
      at: [0, 0.125 + index * 0.045, 0],
    })),
    ...(kit.wants('topping')
      ? [
          {
            part: 'topping',
            slot: 'topping',
            sphere: 0.009,
            at: [0, 0.125 + counts.scoops * 0.045 - 0.01, 0],
          } satisfies PartSpec,
        ]
      : []),
  ],
});

export const lollipop = partListCategory({
  category: 'lollipop',
  family: 'food',
  names: ['lollipop', 'lolly', 'sucker', 'piruleta'],
  slots: {
    candy: {
      kinds: ['plastic'],
      colors: ['pink', 'red', 'cyan', 'yellow'],
      words: ['candy', 'sweet', 'swirl'],
      primary: true,
    },
    stick: { kinds: ['paper'], colors: ['white'], words: ['stick'] },
  },
  example: 'a rainbow swirl lollipop',
  parts: [
    { part: 'stick', slot: 'stick', cylinder: [0.003, 0.003, 0.14], at: [0, 0.07, 0], segments: 8 },
    {
      part: 'candy',
      slot: 'candy',
      cylinder: [0.04, 0.04, 0.012],
      at: [0, 0.175, 0],
      rotate: [Math.PI / 2, 0, 0],
      segments: 32,
    },
    { part: 'swirl', slot: 'candy', torus: [0.028, 0.003], at: [0, 0.175, 0.007] },
  ],
});

export const cookie = partListCategory({
  category: 'cookie',
  family: 'food',
  names: ['cookie', 'biscuit', 'chocolate chip cookie', 'galleta', 'keks'],
  slots: {
    dough: { ...CAKE, primary: true },
    chip: { kinds: ['skin'], colors: ['walnut', 'brown'], words: ['chip', 'chocolate'] },
  },
  example: 'a chocolate chip cookie',
  parts: [
    { part: 'cookie', slot: 'dough', cylinder: [0.035, 0.036, 0.008], at: [0, 0.004, 0], segments: 24 },
    ...ringPoints(7, 0.02, 0.009).map((at): PartSpec => ({
      part: 'chip',
      slot: 'chip',
      sphere: [0.004, 0.002, 0.004],
      at,
    })),
  ],
});
