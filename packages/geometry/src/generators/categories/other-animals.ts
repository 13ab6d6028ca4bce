// Animals that are not four-legged mammals, facing +Z: bird (parrot, owl, penguin, eagle), duck (and rubber
// duck), fish (goldfish, shark, whale) and turtle.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { addEyes } from '../kit/common-parts.ts';
import type { Vector2Tuple, Vector3Tuple } from '../kit/shapes.ts';

const EYES = { kinds: ['solid'], colors: ['black'], words: ['eye'] } as const;

export const bird: GeneratorDefinition = {
  category: 'bird',
  family: 'animal',
  names: [
    'bird',
    'songbird',
    'sparrow',
    'robin',
    ['parrot', 'parrot'],
    ['owl', 'owl'],
    ['penguin', 'penguin'],
    ['eagle', 'eagle'],
    ['hawk', 'eagle'],
    ['crow', 'crow'],
    ['raven', 'crow'],
    ['chicken', 'chicken'],
    ['hen', 'chicken'],
    ['rooster', 'chicken'],
    'pajaro',
    'oiseau',
    'vogel',
  ],
  variants: {
    parrot: ['parrot', 'macaw'],
    owl: ['owl'],
    penguin: ['penguin'],
    eagle: ['eagle', 'hawk'],
    crow: ['crow', 'raven'],
    chicken: ['chicken', 'hen', 'rooster'],
  },
  variantSlots: {
    parrot: { feathers: { colors: ['red', 'green', 'blue'] }, wing: { colors: ['blue', 'yellow', 'green'] } },
    owl: { feathers: { colors: ['tan', 'brown'] }, wing: { colors: ['walnut', 'brown'] } },
    penguin: { feathers: { colors: ['white'] }, wing: { colors: ['black'] } },
    eagle: { feathers: { colors: ['walnut', 'brown'] }, wing: { colors: ['walnut'] } },
    crow: { feathers: { colors: ['black'] }, wing: { colors: ['charcoal'] } },
    chicken: { feathers: { colors: ['white', 'ginger'] }, wing: { colors: ['white', 'ginger'] } },
  },
  slots: {
    feathers: {
      kinds: ['fur'],
      colors: ['blue', 'red', 'yellow', 'brown', 'grey', 'green'],
      words: ['body', 'feather', 'chest', 'head', 'breast'],
      primary: true,
    },
    wing: { kinds: ['fur'], colors: ['brown', 'charcoal', 'blue', 'grey'], words: ['wing', 'tail', 'back'] },
    beak: { kinds: ['solid'], colors: ['amber', 'orange', 'yellow'], words: ['beak', 'bill', 'leg', 'foot', 'feet'] },
    eyes: EYES,
  },
  optional: { wing: ['wing'], tail: ['tail'] },
  example: 'a colourful parrot',
  build({ kit, random, variant, proportions, style }) {
    const penguin = variant === 'penguin';
    const owl = variant === 'owl';
    const size = random.vary(penguin ? 0.7 : owl ? 0.4 : variant === 'eagle' ? 0.8 : variant === 'chicken' ? 0.5 : 0.2);
    const upright = penguin || owl;
    const bodyRadius = size * 0.28 * proportions.width;
    const legHeight = upright ? size * 0.05 : size * 0.18 * proportions.height;
    const bodyCentre: Vector3Tuple = [0, legHeight + bodyRadius * (upright ? 1.3 : 1), 0];
    kit.sphere(
      'body',
      'feathers',
      upright
        ? [bodyRadius, bodyRadius * 1.45 * proportions.height, bodyRadius * 0.95]
        : [bodyRadius * 0.85, bodyRadius * 0.9, bodyRadius * 1.4],
      { at: bodyCentre, rotate: upright ? [0, 0, 0] : [-0.3, 0, 0], segments: 16 },
    );
    const headRadius = bodyRadius * (style === 'cartoon' ? 0.85 : owl ? 0.75 : 0.55);
    const head: Vector3Tuple = upright
      ? [0, bodyCentre[1] + bodyRadius * 1.45 + headRadius * 0.6, 0]
      : [0, bodyCentre[1] + bodyRadius * 0.9, bodyRadius * 1.1];
    kit.sphere('head', 'feathers', headRadius, { at: head, segments: 14 });
    const beakLength = headRadius * (variant === 'eagle' || variant === 'parrot' ? 0.8 : 0.6);
    kit.cylinder(
      'beak',
      'beak',
      { radiusTop: 0.001, radiusBottom: headRadius * 0.28, height: beakLength, segments: 8 },
      {
        at: [0, head[1] - headRadius * 0.1, head[2] + headRadius * 0.9 + beakLength / 2],
        rotate: [Math.PI / 2 + (variant === 'eagle' || variant === 'parrot' ? 0.4 : 0), 0, 0],
      },
    );
    addEyes(
      kit,
      'eyes',
      head,
      headRadius * (owl ? 0.8 : 1.1),
      headRadius * (owl ? 0.85 : 0.55),
      headRadius * (owl ? 0.28 : style === 'cartoon' ? 0.22 : 0.13),
      headRadius * 0.15,
    );
    if (kit.has('wing')) {
      for (const side of [-1, 1]) {
        kit.sphere(
          'wing',
          'wing',
          [bodyRadius * 0.2, bodyRadius * (upright ? 1.1 : 0.6), bodyRadius * (upright ? 0.7 : 1.3)],
          {
            at: [
              side * bodyRadius * 0.85,
              bodyCentre[1] + (upright ? 0 : bodyRadius * 0.1),
              upright ? 0 : -bodyRadius * 0.2,
            ],
            rotate: [upright ? 0 : -0.2, 0, side * (upright ? 0.1 : -0.2)],
            segments: 12,
          },
        );
      }
    }
    if (kit.has('tail') && !penguin)
      kit.sphere(
        'tail',
        'wing',
        [bodyRadius * 0.45, bodyRadius * 0.08, bodyRadius * (variant === 'parrot' ? 1.6 : 0.8)],
        {
          at: [
            0,
            bodyCentre[1] - (upright ? bodyRadius * 1.2 : -bodyRadius * 0.1),
            -bodyRadius * (upright ? 0.8 : 1.9),
          ],
          rotate: [upright ? 0.9 : -0.2, 0, 0],
          segments: 10,
        },
      );
    for (const side of [-1, 1]) {
      if (!upright)
        kit.cylinder(
          'leg',
          'beak',
          { radius: bodyRadius * 0.06, height: legHeight + bodyRadius * 0.3, segments: 6 },
          { at: [side * bodyRadius * 0.35, (legHeight + bodyRadius * 0.3) / 2, 0] },
        );
      kit.box('foot', 'beak', [bodyRadius * 0.3, bodyRadius * 0.05, bodyRadius * (penguin ? 0.5 : 0.35)], {
        at: [side * bodyRadius * 0.35, bodyRadius * 0.025, bodyRadius * 0.1],
      });
    }
    if (variant === 'chicken')
      kit.extrude(
        'comb',
        'beak',
        [
          [-headRadius * 0.5, 0],
          [headRadius * 0.5, 0],
          [headRadius * 0.35, headRadius * 0.5],
          [0, headRadius * 0.3],
          [-headRadius * 0.35, headRadius * 0.55],
        ],
        headRadius * 0.15,
        { at: [0, head[1] + headRadius * 0.8, head[2]], rotate: [0, Math.PI / 2, 0] },
      );
  },
};

export const duck: GeneratorDefinition = {
  category: 'duck',
  family: 'animal',
  names: [
    'duck',
    'duckling',
    'mallard',
    'goose',
    'swan',
    ['rubber duck', 'rubber'],
    ['rubber ducky', 'rubber'],
    'pato',
    'canard',
    'ente',
  ],
  variants: { rubber: ['rubber', 'bath', 'toy'], swan: ['swan'] },
  variantSlots: {
    rubber: { feathers: { kinds: ['plastic'], colors: ['yellow'] }, beak: { kinds: ['plastic'], colors: ['orange'] } },
    swan: { feathers: { colors: ['white'] } },
  },
  slots: {
    feathers: {
      kinds: ['fur', 'plastic'],
      colors: ['white', 'brown', 'yellow', 'tan'],
      words: ['body', 'feather', 'head', 'wing'],
      primary: true,
    },
    beak: { kinds: ['solid', 'plastic'], colors: ['orange', 'amber'], words: ['beak', 'bill', 'foot', 'feet'] },
    eyes: EYES,
  },
  example: 'a yellow rubber duck',
  build({ kit, random, variant, proportions, style }) {
    const rubber = variant === 'rubber';
    const swan = variant === 'swan';
    const size = random.vary(rubber ? 0.1 : swan ? 1.2 : 0.5);
    const bodyRadius = size * 0.3 * proportions.width;
    const bodyY = rubber ? bodyRadius * 0.85 : bodyRadius * 1.2;
    kit.sphere('body', 'feathers', [bodyRadius * 0.95, bodyRadius * 0.8, bodyRadius * 1.35 * proportions.length], {
      at: [0, bodyY, 0],
      segments: 18,
    });
    kit.sphere('tail', 'feathers', [bodyRadius * 0.4, bodyRadius * 0.3, bodyRadius * 0.5], {
      at: [0, bodyY + bodyRadius * 0.45, -bodyRadius * 1.2],
      rotate: [0.6, 0, 0],
      segments: 10,
    });
    const headRadius = bodyRadius * (rubber || style === 'cartoon' ? 0.62 : 0.45);
    const neckTop: Vector3Tuple = [
      0,
      bodyY + bodyRadius * (swan ? 2.0 : 1.05) * proportions.height,
      bodyRadius * (swan ? 0.9 : 0.8),
    ];
    if (swan)
      kit.tube(
        'neck',
        'feathers',
        [
          [0, bodyY + bodyRadius * 0.4, bodyRadius * 0.9],
          [0, bodyY + bodyRadius * 1.3, bodyRadius * 1.4],
          [0, neckTop[1] - headRadius, neckTop[2] - bodyRadius * 0.2],
        ],
        bodyRadius * 0.16,
      );
    kit.sphere('head', 'feathers', headRadius, { at: neckTop, segments: 16 });
    kit.box('bill', 'beak', [headRadius * 0.8, headRadius * 0.22, headRadius * 0.9], {
      at: [0, neckTop[1] - headRadius * 0.2, neckTop[2] + headRadius * 1.1],
      bevel: headRadius * 0.08,
    });
    addEyes(
      kit,
      'eyes',
      neckTop,
      headRadius * 1.0,
      headRadius * 0.65,
      headRadius * (rubber ? 0.2 : 0.12),
      headRadius * 0.2,
    );
    for (const side of [-1, 1])
      kit.sphere('wing', 'feathers', [bodyRadius * 0.2, bodyRadius * 0.45, bodyRadius * 0.9], {
        at: [side * bodyRadius * 0.85, bodyY + bodyRadius * 0.15, -bodyRadius * 0.1],
        rotate: [-0.2, 0, 0],
        segments: 12,
      });
    if (!rubber) {
      for (const side of [-1, 1]) {
        kit.cylinder(
          'leg',
          'beak',
          { radius: bodyRadius * 0.05, height: bodyRadius * 0.6, segments: 6 },
          { at: [side * bodyRadius * 0.35, bodyRadius * 0.3, 0] },
        );
        kit.box('foot', 'beak', [bodyRadius * 0.3, bodyRadius * 0.04, bodyRadius * 0.4], {
          at: [side * bodyRadius * 0.35, bodyRadius * 0.02, bodyRadius * 0.12],
        });
      }
    }
  },
};

export const fish: GeneratorDefinition = {
  category: 'fish',
  family: 'animal',
  names: [
    'fish',
    ['goldfish', 'goldfish'],
    ['shark', 'shark'],
    ['whale', 'whale'],
    ['dolphin', 'whale'],
    'salmon',
    'trout',
    'tuna',
    'pez',
    'pescado',
    'poisson',
    'fisch',
  ],
  variants: {
    goldfish: ['goldfish', 'gold'],
    shark: ['shark'],
    whale: ['whale', 'dolphin'],
    tropical: ['tropical', 'clown', 'clownfish'],
  },
  variantSlots: {
    goldfish: { scales: { colors: ['orange', 'gold'] } },
    shark: { scales: { kinds: ['skin'], colors: ['slate', 'grey'] } },
    whale: { scales: { kinds: ['skin'], colors: ['slate', 'navy', 'grey'] } },
  },
  slots: {
    scales: {
      kinds: ['skin', 'plastic'],
      colors: ['silver', 'blue', 'orange', 'teal', 'yellow'],
      words: ['body', 'scale', 'skin'],
      primary: true,
    },
    fin: { kinds: ['skin', 'plastic'], colors: ['orange', 'blue', 'yellow', 'grey'], words: ['fin', 'tail'] },
    eyes: EYES,
  },
  counts: { fins: { words: ['fin'], default: 1, min: 0, max: 3 } },
  example: 'an orange goldfish',
  build({ kit, random, variant, counts, proportions, style }) {
    const length =
      random.vary(variant === 'whale' ? 12 : variant === 'shark' ? 3 : variant === 'goldfish' ? 0.12 : 0.4) *
      proportions.length;
    const height =
      length *
      (variant === 'whale' || variant === 'shark' ? 0.22 : variant === 'goldfish' ? 0.45 : 0.32) *
      proportions.height;
    const width = length * (variant === 'whale' || variant === 'shark' ? 0.22 : 0.14) * proportions.width;
    const centreY = height * 0.6;
    kit.sphere('body', 'scales', [width / 2, height / 2, length / 2], { at: [0, centreY, 0], segments: 20 });
    const tailSize = length * 0.3;
    const tailOutline: Vector2Tuple[] = [
      [0, 0],
      [tailSize, tailSize * 0.8],
      [tailSize * 0.75, 0],
      [tailSize, -tailSize * 0.8],
    ];
    // whales have horizontal flukes, fish a vertical tail fin
    kit.extrude('tail', 'fin', tailOutline, length * 0.02, {
      at: [0, centreY, -length * 0.45],
      rotate: variant === 'whale' ? [0, Math.PI / 2, Math.PI / 2] : [0, Math.PI / 2, 0],
    });
    for (let fin = 0; fin < counts.fins; fin++) {
      const z = length * (0.05 - fin * 0.2);
      const finHeight = height * (variant === 'shark' ? 0.7 : 0.4);
      kit.extrude(
        'fin',
        'fin',
        [
          [-length * 0.12, 0],
          [length * 0.1, 0],
          [-length * 0.08, finHeight],
        ],
        length * 0.015,
        { at: [0, centreY + height * 0.42, z], rotate: [0, Math.PI / 2, 0] },
      );
    }
    for (const side of [-1, 1])
      kit.sphere('pectoral_fin', 'fin', [width * 0.06, height * 0.12, length * 0.12], {
        at: [side * width * 0.5, centreY - height * 0.15, length * 0.15],
        rotate: [0.4, 0, side * 0.6],
        segments: 8,
      });
    addEyes(
      kit,
      'eyes',
      [0, centreY + height * 0.1, length * 0.3],
      width * 0.85,
      0,
      Math.max(0.003, height * (style === 'cartoon' ? 0.12 : 0.07)),
    );
  },
};

export const turtle: GeneratorDefinition = {
  category: 'turtle',
  family: 'animal',
  names: ['turtle', ['tortoise', 'tortoise'], ['sea turtle', 'sea'], 'terrapin', 'tortuga', 'tortue', 'schildkrote'],
  variants: { tortoise: ['tortoise', 'land'], sea: ['sea', 'ocean'] },
  slots: {
    shell: {
      kinds: ['leather', 'stone', 'skin'],
      colors: ['olive', 'walnut', 'moss', 'brown'],
      words: ['shell', 'carapace'],
      primary: true,
    },
    skin: { kinds: ['skin'], colors: ['olive', 'green', 'tan'], words: ['skin', 'head', 'leg', 'flipper'] },
    eyes: EYES,
  },
  example: 'a green sea turtle',
  build({ kit, random, variant, proportions, style }) {
    const length = random.vary(variant === 'sea' ? 1.0 : 0.35) * proportions.length;
    const shellHeight = length * (variant === 'tortoise' ? 0.45 : 0.28) * proportions.height;
    const halfWidth = length * 0.4 * proportions.width;
    const legLift = variant === 'sea' ? 0.3 : 0.12;
    const baseY = length * legLift * 0.5;
    kit.sphere('shell', 'shell', [halfWidth, shellHeight, length / 2], { at: [0, baseY, 0], segments: 20 });
    kit.sphere('plastron', 'skin', [halfWidth * 0.92, shellHeight * 0.15, length * 0.46], {
      at: [0, baseY, 0],
      segments: 14,
    });
    const headRadius = length * (style === 'cartoon' ? 0.16 : 0.1);
    const head: Vector3Tuple = [0, baseY + headRadius * 0.4, length / 2 + headRadius * 0.9];
    kit.capsule('neck', 'skin', headRadius * 0.6, headRadius, {
      at: [0, baseY + headRadius * 0.2, length / 2],
      rotate: [Math.PI / 2 - 0.3, 0, 0],
    });
    kit.sphere('head', 'skin', [headRadius, headRadius * 0.85, headRadius * 1.2], { at: head, segments: 14 });
    addEyes(kit, 'eyes', head, headRadius * 1.1, headRadius * 0.6, headRadius * 0.14, headRadius * 0.25);
    for (const z of [1, -1]) {
      for (const side of [-1, 1]) {
        if (variant === 'sea')
          kit.sphere('flipper', 'skin', [length * (z > 0 ? 0.3 : 0.15), length * 0.03, length * 0.1], {
            at: [side * halfWidth * 1.05, baseY, z * length * 0.25],
            rotate: [0, side * z * 0.5, 0],
            segments: 10,
          });
        else
          kit.capsule('leg', 'skin', length * 0.06, length * 0.08, {
            at: [side * halfWidth * 0.75, length * 0.07, z * length * 0.3],
          });
      }
    }
    kit.cylinder(
      'tail',
      'skin',
      { radiusTop: 0.002, radiusBottom: length * 0.03, height: length * 0.12, segments: 6 },
      { at: [0, baseY, -length / 2 - length * 0.04], rotate: [-Math.PI / 2, 0, 0] },
    );
  },
};
