// Containers: bowl (optionally with fruit), vase (several silhouettes, optionally with flowers), bucket and
// barrel. Hollow shapes are lathe profiles with a wall thickness.

import type { GeneratorDefinition } from '../generator-definition.ts';
import type { Vector2Tuple } from '../kit/shapes.ts';

const CERAMIC_COLOURS = ['white', 'cream', 'blue', 'teal', 'terracotta', 'green', 'charcoal', 'yellow'];

export const bowl: GeneratorDefinition = {
  category: 'bowl',
  family: 'vessel',
  names: ['bowl', ['fruit bowl', 'fruit'], ['salad bowl', 'salad'], 'cuenco', 'bol', 'schussel', 'schale'],
  variants: { fruit: ['fruit', 'apple', 'orange'] },
  slots: {
    body: {
      kinds: ['ceramic', 'wood', 'metal', 'glass', 'clay', 'plastic'],
      colors: CERAMIC_COLOURS,
      words: ['body', 'rim'],
      primary: true,
    },
    fruit: { kinds: ['plastic'], colors: ['red', 'orange', 'lime', 'yellow'], words: ['fruit', 'apple', 'orange'] },
  },
  counts: { fruit: { words: ['fruit', 'apple', 'orange'], default: 5, min: 1, max: 12 } },
  example: 'a wooden bowl of fruit',
  build({ kit, random, variant, counts, proportions }) {
    const radius = random.vary(0.12) * proportions.width;
    const height = random.vary(0.07) * proportions.height;
    const wall = 0.006;
    const profile: Vector2Tuple[] = [
      [0, 0],
      [radius * 0.45, 0],
      [radius * 0.5, 0.008],
      [radius * 0.85, height * 0.45],
      [radius, height],
      [radius - wall, height],
      [radius * 0.85 - wall, height * 0.45],
      [radius * 0.45, wall + 0.008],
      [0, wall + 0.008],
    ];
    kit.lathe('body', 'body', profile, { segments: 36 });
    if (variant === 'fruit') {
      for (let fruit = 0; fruit < counts.fruit; fruit++) {
        const ring = fruit === 0 ? 0 : radius * 0.45;
        const angle = (fruit / Math.max(1, counts.fruit - 1)) * Math.PI * 2 + random.between(0, 0.4);
        const size = random.vary(0.035);
        kit.sphere('fruit', 'fruit', size, {
          at: [Math.cos(angle) * ring, height * (fruit === 0 ? 0.75 : 0.55) + size * 0.3, Math.sin(angle) * ring],
          segments: 12,
        });
      }
    }
  },
};

export const vase: GeneratorDefinition = {
  category: 'vase',
  family: 'vessel',
  names: ['vase', 'urn', 'amphora', 'jarron', 'florero', 'vaso', 'vasen'],
  variants: { flowers: ['flower', 'bouquet', 'rose', 'tulip', 'daisy'], amphora: ['amphora', 'greek', 'ancient'] },
  slots: {
    body: {
      kinds: ['ceramic', 'glass', 'clay', 'metal', 'marble'],
      colors: CERAMIC_COLOURS,
      words: ['body', 'neck', 'handle'],
      primary: true,
    },
    stem: { kinds: ['plastic'], colors: ['green'], words: ['stem', 'leaf'] },
    blossom: {
      kinds: ['fabric'],
      colors: ['red', 'pink', 'yellow', 'white', 'violet'],
      words: ['flower', 'blossom', 'petal', 'bloom'],
    },
  },
  counts: { flowers: { words: ['flower', 'rose', 'tulip', 'stem', 'bloom'], default: 5, min: 1, max: 12 } },
  optional: { handle: ['handle'] },
  example: 'a tall blue ceramic vase with flowers',
  build({ kit, random, variant, counts, proportions }) {
    const height = random.vary(0.32) * proportions.height;
    const radius = random.vary(0.09) * proportions.width;
    const shape = variant === 'amphora' ? 'amphora' : random.pick(['bulb', 'cylinder', 'trumpet', 'amphora'] as const);
    const outer: Vector2Tuple[] = {
      bulb: [
        [radius * 0.5, 0],
        [radius, height * 0.3],
        [radius * 0.9, height * 0.55],
        [radius * 0.35, height * 0.82],
        [radius * 0.4, height * 0.95],
        [radius * 0.5, height],
      ],
      cylinder: [
        [radius * 0.75, 0],
        [radius * 0.8, height * 0.4],
        [radius * 0.78, height * 0.85],
        [radius * 0.85, height],
      ],
      trumpet: [
        [radius * 0.6, 0],
        [radius * 0.35, height * 0.3],
        [radius * 0.4, height * 0.6],
        [radius * 0.7, height * 0.85],
        [radius * 1.05, height],
      ],
      amphora: [
        [radius * 0.3, 0],
        [radius * 0.35, height * 0.08],
        [radius, height * 0.45],
        [radius * 0.7, height * 0.72],
        [radius * 0.3, height * 0.85],
        [radius * 0.45, height],
      ],
    }[shape] as Vector2Tuple[];
    const wall = 0.005;
    const inner = outer
      .slice()
      .reverse()
      .map(([r, y]) => [Math.max(r - wall, 0.001), Math.max(y, wall)] as Vector2Tuple);
    kit.lathe('body', 'body', [[0, 0], ...outer, ...inner, [0, wall]], { segments: 32 });
    const neckRadius = outer[outer.length - 1][0];
    if (shape === 'amphora' && kit.has('handle')) {
      for (const side of [-1, 1])
        kit.tube(
          'handle',
          'body',
          [
            [side * radius * 0.4, height * 0.92, 0],
            [side * radius * 0.95, height * 0.9, 0],
            [side * radius * 0.75, height * 0.68, 0],
          ],
          0.008,
        );
    }
    if (variant === 'flowers') {
      for (let flower = 0; flower < counts.flowers; flower++) {
        const angle = (flower / counts.flowers) * Math.PI * 2 + random.between(-0.3, 0.3);
        const lean = random.between(0.05, 0.25) * (flower === 0 ? 0 : 1);
        const stemLength = random.vary(height * 0.8);
        const top: [number, number, number] = [
          Math.cos(angle) * lean * stemLength,
          height + stemLength,
          Math.sin(angle) * lean * stemLength,
        ];
        kit.tube(
          'stem',
          'stem',
          [
            [Math.cos(angle) * neckRadius * 0.3, height * 0.6, Math.sin(angle) * neckRadius * 0.3],
            [top[0] * 0.5, height + stemLength * 0.5, top[2] * 0.5],
            top,
          ],
          0.004,
        );
        kit.sphere('blossom', 'blossom', [0.045, 0.03, 0.045], { at: top, segments: 12 });
      }
    }
  },
};

export const bucket: GeneratorDefinition = {
  category: 'bucket',
  family: 'vessel',
  names: ['bucket', 'pail', 'cubo', 'seau', 'eimer'],
  slots: {
    body: {
      kinds: ['metal', 'plastic', 'wood'],
      colors: ['steel', 'silver', 'red', 'blue', 'yellow'],
      words: ['body'],
      primary: true,
    },
    handle: { kinds: ['metal', 'plastic'], colors: ['steel', 'black'], words: ['handle'] },
  },
  optional: { handle: ['handle'] },
  example: 'a red plastic bucket',
  build({ kit, random, proportions }) {
    const height = random.vary(0.3) * proportions.height;
    const radiusTop = random.vary(0.15) * proportions.width;
    const radiusBottom = radiusTop * random.between(0.7, 0.85);
    const wall = 0.004;
    kit.lathe(
      'body',
      'body',
      [
        [0, 0],
        [radiusBottom, 0],
        [radiusTop, height],
        [radiusTop - wall, height],
        [radiusBottom - wall, wall],
        [0, wall],
      ],
      { segments: 32 },
    );
    kit.torus('rim', 'body', radiusTop, 0.006, { at: [0, height, 0], rotate: [Math.PI / 2, 0, 0] });
    if (kit.has('handle')) {
      kit.torus('handle', 'handle', radiusTop, 0.005, { at: [0, height * 0.9, 0], arc: Math.PI, rotate: [0, 0, 0] });
    }
  },
};

export const barrel: GeneratorDefinition = {
  category: 'barrel',
  family: 'vessel',
  names: ['barrel', 'cask', 'keg', 'barril', 'tonneau', 'fass'],
  slots: {
    staves: {
      kinds: ['wood', 'metal', 'plastic'],
      colors: ['oak', 'walnut', 'pine'],
      words: ['stave', 'body', 'lid'],
      primary: true,
    },
    hoop: { kinds: ['metal'], colors: ['iron', 'steel', 'brass'], words: ['hoop', 'band', 'ring'] },
  },
  counts: { hoops: { words: ['hoop', 'band', 'ring'], default: 4, min: 0, max: 8 } },
  example: 'an old oak barrel with iron hoops',
  build({ kit, random, counts, proportions }) {
    const height = random.vary(0.9) * proportions.height;
    const radius = random.vary(0.3) * proportions.width;
    const bulge = random.between(1.12, 1.22);
    const steps = 8;
    const profile: Vector2Tuple[] = [[0, 0]];
    for (let step = 0; step <= steps; step++) {
      const t = step / steps;
      profile.push([radius * (1 + (bulge - 1) * Math.sin(Math.PI * t)), t * height]);
    }
    profile.push([0, height]);
    kit.lathe('staves', 'staves', profile, { segments: 32 });
    const hoops = counts.hoops;
    for (let hoop = 0; hoop < hoops; hoop++) {
      const t = hoops === 1 ? 0.5 : 0.08 + (0.84 * hoop) / (hoops - 1);
      const r = radius * (1 + (bulge - 1) * Math.sin(Math.PI * t));
      kit.torus('hoop', 'hoop', r + 0.004, 0.008, { at: [0, t * height, 0], rotate: [Math.PI / 2, 0, 0] });
    }
  },
};
