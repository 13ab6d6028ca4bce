// Lamps: a base, a stem (straight or an angled arm) and a lampshade (cone, drum or dome) with a bulb; floor,
// desk and table variants.

import type { GeneratorDefinition } from '../generator-definition.ts';

export const lamp: GeneratorDefinition = {
  category: 'lamp',
  family: 'furniture',
  names: [
    'lamp',
    ['floor lamp', 'floor'],
    ['desk lamp', 'desk'],
    ['table lamp', 'table'],
    ['reading lamp', 'desk'],
    'lampara',
    'lampe',
  ],
  variants: { floor: ['floor', 'standing'], desk: ['desk', 'reading', 'study', 'office'], table: ['table', 'bedside'] },
  slots: {
    shade: {
      kinds: ['fabric', 'paper', 'metal', 'glass'],
      colors: ['cream', 'white', 'beige', 'black', 'green', 'red'],
      words: ['shade', 'lampshade'],
      primary: true,
    },
    body: {
      kinds: ['metal', 'wood', 'ceramic'],
      colors: ['brass', 'black', 'silver', 'white'],
      words: ['base', 'stem', 'pole', 'arm', 'body', 'stand'],
      primary: true,
    },
    bulb: { kinds: ['solid'], colors: ['ivory'], words: ['bulb'] },
  },
  optional: { shade: ['shade', 'lampshade'] },
  example: 'a brass floor lamp with a white shade',
  build({ kit, random, variant, proportions }) {
    const kind = variant ?? random.pick(['table', 'floor', 'desk'] as const);
    const height = random.vary(kind === 'floor' ? 1.6 : kind === 'desk' ? 0.45 : 0.55) * proportions.height;
    const baseRadius = random.vary(kind === 'floor' ? 0.16 : 0.1) * proportions.width;
    const segments = kit.segments(28);
    if (kind === 'table' && random.chance(0.6)) {
      // a ceramic-style vase body
      kit.lathe(
        'base',
        'body',
        [
          [0, 0],
          [baseRadius * 0.8, 0],
          [baseRadius * 1.1, height * 0.25],
          [baseRadius * 0.8, height * 0.5],
          [baseRadius * 0.25, height * 0.6],
          [0, height * 0.6],
        ],
        { segments },
      );
    } else {
      kit.cylinder(
        'base',
        'body',
        { radiusTop: baseRadius * 0.85, radiusBottom: baseRadius, height: 0.03, segments: 28 },
        { at: [0, 0.015, 0] },
      );
    }
    let bulbAt: [number, number, number] = [0, height, 0];
    if (kind === 'desk') {
      const elbow: [number, number, number] = [0, height * 0.65, -0.05];
      const head: [number, number, number] = [0, height * 0.9, height * 0.45];
      kit.tube('arm', 'body', [[0, 0.03, 0], [0, height * 0.35, -0.04], elbow], 0.012);
      kit.tube('arm', 'body', [elbow, [0, height * 0.85, height * 0.2], head], 0.012);
      kit.sphere('joint', 'body', 0.02, { at: elbow, segments: 10 });
      if (kit.has('shade'))
        kit.cylinder(
          'shade',
          'shade',
          { radiusTop: 0.03, radiusBottom: 0.08, height: 0.1, openEnded: false, segments: 20 },
          { at: [head[0], head[1] - 0.03, head[2]], rotate: [0.5, 0, 0] },
        );
      bulbAt = [head[0], head[1] - 0.08, head[2] + 0.03];
    } else {
      const stemTop = kind === 'floor' ? height * 0.85 : height * 0.75;
      kit.cylinder('stem', 'body', { radius: 0.012, height: stemTop, segments: 10 }, { at: [0, stemTop / 2, 0] });
      const shadeHeight = random.vary(kind === 'floor' ? 0.3 : 0.22) * Math.sqrt(proportions.height);
      const shadeRadius = random.vary(kind === 'floor' ? 0.22 : 0.16) * proportions.width;
      const shape = random.pick(['cone', 'drum', 'dome'] as const);
      const shadeY = stemTop + shadeHeight * 0.3;
      if (kit.has('shade')) {
        if (shape === 'dome')
          kit.lathe(
            'shade',
            'shade',
            [
              [shadeRadius, shadeY - shadeHeight / 2],
              [shadeRadius * 0.8, shadeY + shadeHeight * 0.2],
              [shadeRadius * 0.3, shadeY + shadeHeight / 2],
              [0, shadeY + shadeHeight / 2],
            ],
            { segments },
          );
        else
          kit.cylinder(
            'shade',
            'shade',
            {
              radiusTop: shape === 'cone' ? shadeRadius * 0.6 : shadeRadius,
              radiusBottom: shadeRadius,
              height: shadeHeight,
              segments: 28,
            },
            { at: [0, shadeY, 0] },
          );
      }
      bulbAt = [0, stemTop + 0.04, 0];
    }
    kit.sphere('bulb', 'bulb', 0.035, { at: bulbAt, segments: 12 });
  },
};
