// Musical instruments at real size: guitar (acoustic, electric), violin (cello), drum, piano (grand, upright),
// trumpet and saxophone-like horn, and a xylophone.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, type PartSpec } from '../kit/part-list.ts';
import type { Vector2Tuple } from '../kit/shapes.ts';

const STRINGS: MaterialSlotDefinition = {
  kinds: ['metal'],
  colors: ['silver', 'brass'],
  words: ['string', 'fret', 'tuning'],
};

/** The outline of a guitar-like body (figure of eight), width w, length l, centred on the origin. */
function figureEight(width: number, length: number, waist = 0.72): Vector2Tuple[] {
  const points: Vector2Tuple[] = [];
  for (let step = 0; step < 40; step++) {
    const t = (step / 40) * Math.PI * 2;
    const y = Math.sin(t) * length * 0.5;
    const along = y / length + 0.5;
    const bulge = 1 - (1 - waist) * Math.exp(-((along - 0.58) ** 2) / 0.012) - 0.18 * along;
    points.push([Math.cos(t) * width * 0.5 * bulge, y]);
  }
  return points;
}

export const guitar = partListCategory({
  category: 'guitar',
  family: 'instrument',
  names: [
    'guitar',
    ['acoustic guitar', 'acoustic'],
    ['electric guitar', 'electric'],
    ['bass guitar', 'electric'],
    'ukulele',
    'banjo',
    'guitarra',
    'guitare',
    'gitarre',
  ],
  variants: { acoustic: ['acoustic', 'classical', 'spanish'], electric: ['electric', 'bass', 'rock'] },
  variantSlots: { electric: { body: { kinds: ['paint'], colors: ['red', 'black', 'white', 'cyan', 'yellow'] } } },
  slots: {
    body: {
      kinds: ['wood', 'paint'],
      colors: ['oak', 'mahogany', 'amber', 'walnut'],
      words: ['body', 'top'],
      primary: true,
    },
    neck: { kinds: ['wood'], colors: ['walnut', 'mahogany'], words: ['neck', 'fretboard', 'headstock'] },
    strings: STRINGS,
    trim: {
      kinds: ['plastic'],
      colors: ['black', 'white', 'cream'],
      words: ['pickguard', 'bridge', 'pickup', 'knob', 'hole'],
    },
  },
  example: 'an acoustic guitar',
  parts: ({ variant }) => {
    const electric = variant === 'electric';
    const bodyLength = electric ? 0.42 : 0.5;
    const specs: PartSpec[] = [
      {
        part: 'body',
        slot: 'body',
        extrude: figureEight(electric ? 0.33 : 0.38, bodyLength, electric ? 0.65 : 0.75),
        depth: electric ? 0.045 : 0.1,
        at: [0, bodyLength / 2, 0],
        bevel: 0.006,
      },
      { part: 'neck', slot: 'neck', box: [0.05, 0.46, 0.025], at: [0, bodyLength + 0.2, 0.01] },
      {
        part: 'headstock',
        slot: 'neck',
        box: [0.075, 0.15, 0.02],
        at: [0, bodyLength + 0.5, 0.005],
        rotate: [-0.2, 0, 0],
      },
      ...[-0.015, -0.005, 0.005, 0.015].map((x): PartSpec => ({
        part: 'string',
        slot: 'strings',
        box: [0.0012, bodyLength * 0.75 + 0.42, 0.0012],
        at: [x, bodyLength * 0.62 + 0.21, electric ? 0.03 : 0.055],
      })),
      { part: 'bridge', slot: 'trim', box: [0.09, 0.015, 0.008], at: [0, bodyLength * 0.25, electric ? 0.026 : 0.052] },
    ];
    if (electric)
      specs.push(
        { part: 'pickup', slot: 'trim', box: [0.07, 0.02, 0.006], at: [0, bodyLength * 0.45, 0.026] },
        {
          part: 'knob',
          slot: 'trim',
          cylinder: [0.01, 0.01, 0.01],
          at: [0.09, bodyLength * 0.2, 0.027],
          rotate: [Math.PI / 2, 0, 0],
        },
      );
    else
      specs.push({
        part: 'hole',
        slot: 'trim',
        cylinder: [0.045, 0.045, 0.002],
        at: [0, bodyLength * 0.62, 0.051],
        rotate: [Math.PI / 2, 0, 0],
        segments: 28,
      });
    return specs;
  },
});

export const violin = partListCategory({
  category: 'violin',
  family: 'instrument',
  names: [
    'violin',
    'fiddle',
    ['cello', 'cello'],
    ['viola', 'violin'],
    ['double bass', 'cello'],
    'violin',
    'violon',
    'geige',
  ],
  variants: { cello: ['cello', 'bass'] },
  slots: {
    body: { kinds: ['wood'], colors: ['mahogany', 'amber', 'walnut'], words: ['body', 'top'], primary: true },
    neck: { kinds: ['wood'], colors: ['charcoal', 'walnut'], words: ['neck', 'fingerboard', 'scroll'] },
    strings: STRINGS,
  },
  example: 'a wooden violin',
  parts: ({ variant }) => {
    const scale = variant === 'cello' ? 2.1 : 1;
    return [
      {
        part: 'body',
        slot: 'body',
        extrude: figureEight(0.2 * scale, 0.36 * scale, 0.62),
        depth: 0.04 * scale,
        at: [0, 0.18 * scale, 0],
        bevel: 0.004,
      },
      {
        part: 'neck',
        slot: 'neck',
        box: [0.025 * scale, 0.26 * scale, 0.02 * scale],
        at: [0, 0.47 * scale, 0.015 * scale],
      },
      {
        part: 'scroll',
        slot: 'neck',
        torus: [0.012 * scale, 0.006 * scale],
        at: [0, 0.61 * scale, 0.01 * scale],
        rotate: [0, Math.PI / 2, 0],
      },
      ...[-0.006, -0.002, 0.002, 0.006].map((x): PartSpec => ({
        part: 'string',
        slot: 'strings',
        box: [0.0008, 0.45 * scale, 0.0008],
        at: [x * scale, 0.34 * scale, 0.03 * scale],
      })),
      { part: 'bridge', slot: 'neck', box: [0.03 * scale, 0.015 * scale, 0.004], at: [0, 0.15 * scale, 0.027 * scale] },
    ];
  },
});

export const drum = partListCategory({
  category: 'drum',
  family: 'instrument',
  names: [
    'drum',
    'snare drum',
    'bass drum',
    'tom drum',
    'bongo',
    'drum kit',
    'drum set',
    'tambor',
    'tambour',
    'trommel',
  ],
  slots: {
    shell: {
      kinds: ['paint', 'wood', 'metal'],
      colors: ['red', 'blue', 'white', 'black', 'walnut'],
      words: ['shell', 'body'],
      primary: true,
    },
    head: { kinds: ['paper'], colors: ['white', 'cream'], words: ['head', 'skin'] },
    hoop: { kinds: ['metal'], colors: ['silver', 'gold'], words: ['hoop', 'rim', 'lug'] },
    stick: { kinds: ['wood'], colors: ['birch', 'oak'], words: ['stick', 'drumstick'] },
  },
  optional: { stick: ['stick', 'drumstick'] },
  example: 'a red snare drum with drumsticks',
  parts: ({ kit }) => [
    { part: 'shell', slot: 'shell', cylinder: [0.18, 0.18, 0.16], at: [0, 0.08, 0], segments: 36 },
    { part: 'head', slot: 'head', cylinder: [0.178, 0.178, 0.004], at: [0, 0.162, 0], segments: 36 },
    { part: 'hoop', slot: 'hoop', torus: [0.182, 0.007], at: [0, 0.162, 0], rotate: [Math.PI / 2, 0, 0] },
    { part: 'hoop', slot: 'hoop', torus: [0.182, 0.007], at: [0, 0.0, 0], rotate: [Math.PI / 2, 0, 0] },
    ...Array.from({ length: 8 }, (_, index): PartSpec => ({
      part: 'lug',
      slot: 'hoop',
      box: [0.012, 0.05, 0.012],
      at: [Math.cos((index / 8) * Math.PI * 2) * 0.185, 0.08, Math.sin((index / 8) * Math.PI * 2) * 0.185],
    })),
    ...(kit.has('stick')
      ? [
          {
            part: 'stick',
            slot: 'stick',
            cylinder: [0.006, 0.005, 0.4],
            at: [0.05, 0.175, 0.02],
            rotate: [0, 0.4, Math.PI / 2],
            mirror: true,
          } satisfies PartSpec,
        ]
      : []),
  ],
});

export const piano = partListCategory({
  category: 'piano',
  family: 'instrument',
  names: [
    'piano',
    ['grand piano', 'grand'],
    ['upright piano', 'upright'],
    'keyboard piano',
    'organ',
    'pianoforte',
    'klavier',
    'flugel',
  ],
  variants: { grand: ['grand', 'concert'], upright: ['upright'] },
  slots: {
    body: {
      kinds: ['paint', 'wood'],
      colors: ['black', 'white', 'walnut'],
      words: ['body', 'lid', 'case'],
      primary: true,
    },
    white_keys: { kinds: ['plastic'], colors: ['ivory', 'white'], words: ['key', 'keys'] },
    black_keys: { kinds: ['plastic'], colors: ['black'], words: ['black key'] },
    leg: { kinds: ['paint', 'wood'], colors: ['black'], words: ['leg', 'pedal', 'bench'] },
  },
  example: 'a black grand piano',
  parts: ({ variant }) => {
    if (variant === 'upright') {
      return [
        { part: 'case', slot: 'body', box: [1.45, 1.15, 0.3], at: [0, 0.7, -0.1], bevel: 0.01 },
        { part: 'keybed', slot: 'body', box: [1.45, 0.06, 0.3], at: [0, 0.7, 0.15] },
        { part: 'keys', slot: 'white_keys', box: [1.25, 0.02, 0.15], at: [0, 0.74, 0.2] },
        ...Array.from({ length: 18 }, (_, index): PartSpec => ({
          part: 'black_key',
          slot: 'black_keys',
          box: [0.015, 0.015, 0.09],
          at: [-0.6 + index * 0.07, 0.755, 0.17],
        })),
        { part: 'leg', slot: 'leg', box: [0.06, 0.67, 0.06], at: [0.68, 0.335, 0.25], mirror: true },
      ];
    }
    const outline: Vector2Tuple[] = [
      [-0.75, 0],
      [0.75, 0],
      [0.75, -0.9],
      [0.4, -1.5],
      [-0.1, -1.85],
      [-0.75, -1.9],
    ];
    return [
      { part: 'case', slot: 'body', extrude: outline, depth: 0.32, at: [0, 0.82, 0.35], rotate: [-Math.PI / 2, 0, 0] },
      { part: 'lid', slot: 'body', extrude: outline, depth: 0.02, at: [0, 0.99, 0.35], rotate: [-Math.PI / 2, 0, 0] },
      { part: 'music_stand', slot: 'body', box: [0.6, 0.25, 0.02], at: [0, 1.1, 0.28], rotate: [-0.3, 0, 0] },
      { part: 'keys', slot: 'white_keys', box: [1.3, 0.03, 0.17], at: [0, 0.74, 0.45] },
      ...Array.from({ length: 18 }, (_, index): PartSpec => ({
        part: 'black_key',
        slot: 'black_keys',
        box: [0.015, 0.015, 0.1],
        at: [-0.6 + index * 0.07, 0.76, 0.42],
      })),
      { part: 'leg', slot: 'leg', cylinder: [0.05, 0.04, 0.66], at: [0.7, 0.33, 0.3], mirror: true },
      { part: 'leg', slot: 'leg', cylinder: [0.05, 0.04, 0.66], at: [-0.3, 0.33, -1.3] },
      { part: 'pedal', slot: 'leg', box: [0.15, 0.4, 0.04], at: [0, 0.2, 0.2] },
    ];
  },
});

export const trumpet = partListCategory({
  category: 'trumpet',
  family: 'instrument',
  names: [
    'trumpet',
    'bugle',
    'cornet',
    'horn',
    'french horn',
    'trombone',
    ['saxophone', 'saxophone'],
    ['sax', 'saxophone'],
    'trompeta',
    'trompette',
    'trompete',
  ],
  variants: { saxophone: ['saxophone', 'sax'] },
  slots: {
    brass: {
      kinds: ['metal', 'gold'],
      colors: ['brass', 'gold', 'silver'],
      words: ['bell', 'tube', 'body'],
      primary: true,
    },
    valve: { kinds: ['metal'], colors: ['silver', 'brass'], words: ['valve', 'key', 'mouthpiece'] },
  },
  example: 'a shiny brass trumpet',
  parts: ({ variant }) =>
    variant === 'saxophone'
      ? [
          {
            part: 'body',
            slot: 'brass',
            tube: [
              [0, 0.55, 0],
              [0, 0.3, 0],
              [0.01, 0.1, 0],
              [0.06, 0.04, 0],
              [0.1, 0.1, 0],
            ],
            radius: 0.025,
          },
          {
            part: 'bell',
            slot: 'brass',
            lathe: [
              [0.025, 0],
              [0.03, 0.04],
              [0.05, 0.09],
              [0.06, 0.1],
            ],
            at: [0.1, 0.1, 0],
          },
          {
            part: 'neck',
            slot: 'brass',
            tube: [
              [0, 0.55, 0],
              [-0.03, 0.62, 0],
              [-0.08, 0.63, 0],
            ],
            radius: 0.01,
          },
          ...[0.2, 0.27, 0.34, 0.41].map((y): PartSpec => ({
            part: 'key',
            slot: 'valve',
            cylinder: [0.01, 0.01, 0.008],
            at: [0, y, 0.026],
            rotate: [Math.PI / 2, 0, 0],
          })),
        ]
      : [
          {
            part: 'tube',
            slot: 'brass',
            tube: [
              [-0.22, 0.08, 0],
              [0.1, 0.08, 0],
              [0.14, 0.05, 0],
              [0.1, 0.02, 0],
              [-0.1, 0.02, 0],
              [-0.14, 0.05, 0],
              [-0.1, 0.08, 0.001],
            ],
            radius: 0.007,
          },
          {
            part: 'bell',
            slot: 'brass',
            lathe: [
              [0.008, 0],
              [0.012, 0.1],
              [0.03, 0.16],
              [0.06, 0.19],
            ],
            at: [0.1, 0.08, 0],
            rotate: [0, 0, -Math.PI / 2],
          },
          ...[-0.03, 0, 0.03].map((x): PartSpec => ({
            part: 'valve',
            slot: 'valve',
            cylinder: [0.009, 0.009, 0.08],
            at: [x, 0.07, 0],
            segments: 12,
          })),
          {
            part: 'mouthpiece',
            slot: 'valve',
            cylinder: [0.008, 0.004, 0.04],
            at: [-0.24, 0.08, 0],
            rotate: [0, 0, Math.PI / 2],
          },
        ],
});
