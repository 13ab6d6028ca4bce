// Small creatures that are not four-legged, as part lists at real size facing +Z: frog, snake, octopus, crab,
// spider, the insects (butterfly, ladybug, bee, dragonfly, ant), jellyfish, snail and starfish.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';
import type { Vector3Tuple } from '../kit/shapes.ts';

const EYES: MaterialSlotDefinition = { kinds: ['solid'], colors: ['black'], words: ['eye'] };

export const frog = partListCategory({
  category: 'frog',
  family: 'animal',
  names: ['frog', 'toad', 'tree frog', 'rana', 'grenouille', 'frosch'],
  slots: {
    skin: { kinds: ['skin'], colors: ['green', 'lime', 'olive'], words: ['body', 'skin', 'leg'], primary: true },
    belly: { kinds: ['skin'], colors: ['cream', 'yellow'], words: ['belly'] },
    eyes: EYES,
  },
  example: 'a green frog',
  parts: [
    { part: 'body', slot: 'skin', sphere: [0.045, 0.035, 0.055], at: [0, 0.04, 0], rotate: [-0.3, 0, 0] },
    { part: 'belly', slot: 'belly', sphere: [0.038, 0.026, 0.045], at: [0, 0.03, 0.008], rotate: [-0.3, 0, 0] },
    { part: 'head', slot: 'skin', sphere: [0.04, 0.025, 0.035], at: [0, 0.062, 0.035] },
    { part: 'eye_bulge', slot: 'skin', sphere: 0.014, at: [0.022, 0.083, 0.042], mirror: true },
    { part: 'eye', slot: 'eyes', sphere: 0.008, at: [0.025, 0.088, 0.052], mirror: true },
    {
      part: 'back_leg',
      slot: 'skin',
      capsule: [0.012, 0.05],
      at: [0.045, 0.02, -0.02],
      rotate: [1.2, 0.4, 0],
      mirror: true,
    },
    {
      part: 'front_leg',
      slot: 'skin',
      capsule: [0.008, 0.025],
      at: [0.03, 0.015, 0.04],
      rotate: [0.3, 0, 0.3],
      mirror: true,
    },
    { part: 'foot', slot: 'skin', box: [0.03, 0.004, 0.035], at: [0.055, 0.002, 0.0], mirror: true },
  ],
  anchors: {
    head: { at: [0, 0.08, 0.035], size: 0.035 },
    mouth: { at: [0, 0.055, 0.07], size: 0.015 },
    neck: { at: [0, 0.05, 0.03], size: 0.035 },
    back: { at: [0, 0.075, -0.01], size: 0.04 },
  },
});

export const snake = partListCategory({
  category: 'snake',
  family: 'animal',
  names: ['snake', 'serpent', 'cobra', 'python', 'viper', 'rattlesnake', 'boa', 'serpiente', 'serpent', 'schlange'],
  slots: {
    scales: {
      kinds: ['skin'],
      colors: ['green', 'olive', 'brown', 'charcoal', 'amber'],
      words: ['body', 'scale', 'skin'],
      primary: true,
    },
    eyes: EYES,
    tongue: { kinds: ['solid'], colors: ['red'], words: ['tongue'] },
  },
  example: 'a coiled green snake',
  parts: () => {
    const coil: Vector3Tuple[] = [];
    for (let step = 0; step <= 28; step++) {
      const t = step / 28;
      const angle = t * Math.PI * 4.2;
      const radius = 0.22 - t * 0.12;
      coil.push([
        Math.cos(angle) * radius,
        0.035 + t * 0.05 + (t > 0.85 ? (t - 0.85) * 1.2 : 0),
        Math.sin(angle) * radius,
      ]);
    }
    const head = coil[coil.length - 1];
    return [
      { part: 'body', slot: 'scales', tube: coil, radius: 0.03 },
      { part: 'head', slot: 'scales', sphere: [0.038, 0.026, 0.055], at: [head[0], head[1] + 0.01, head[2] + 0.02] },
      { part: 'eye', slot: 'eyes', sphere: 0.007, at: [head[0] + 0.022, head[1] + 0.022, head[2] + 0.045] },
      { part: 'eye', slot: 'eyes', sphere: 0.007, at: [head[0] - 0.022, head[1] + 0.022, head[2] + 0.045] },
      { part: 'tongue', slot: 'tongue', box: [0.006, 0.002, 0.04], at: [head[0], head[1] + 0.002, head[2] + 0.085] },
    ] satisfies PartSpec[];
  },
});

export const octopus = partListCategory({
  category: 'octopus',
  family: 'animal',
  names: ['octopus', 'squid', 'kraken', 'pulpo', 'poulpe', 'krake'],
  slots: {
    skin: {
      kinds: ['skin'],
      colors: ['red', 'purple', 'pink', 'orange'],
      words: ['body', 'head', 'tentacle', 'arm', 'skin'],
      primary: true,
    },
    eyes: EYES,
  },
  counts: { tentacles: { words: ['tentacle', 'arm', 'leg'], default: 8, min: 2, max: 12 } },
  example: 'a purple octopus',
  parts: ({ counts }) => [
    { part: 'head', slot: 'skin', sphere: [0.16, 0.2, 0.16], at: [0, 0.3, -0.02] },
    { part: 'eye', slot: 'eyes', sphere: 0.028, at: [0.07, 0.26, 0.12], mirror: true },
    ...ringPoints(counts.tentacles, 0.1, 0.16).map(([x, , z], index): PartSpec => ({
      part: 'tentacle',
      slot: 'skin',
      tube: [
        [x * 0.5, 0.18, z * 0.5],
        [x * 1.8, 0.06, z * 1.8],
        [x * 3.2, 0.03, z * 3.2],
        [x * 3.8, 0.08 + (index % 2) * 0.04, z * 3.8],
      ],
      radius: 0.022,
    })),
  ],
  anchors: { head: { at: [0, 0.44, -0.02], size: 0.15 } },
});

export const crab = partListCategory({
  category: 'crab',
  family: 'animal',
  names: ['crab', 'lobster', 'cangrejo', 'crabe', 'krabbe'],
  slots: {
    shell: {
      kinds: ['skin'],
      colors: ['red', 'orange', 'maroon'],
      words: ['shell', 'body', 'claw', 'leg'],
      primary: true,
    },
    eyes: EYES,
  },
  example: 'a red crab',
  parts: [
    { part: 'shell', slot: 'shell', sphere: [0.09, 0.04, 0.07], at: [0, 0.06, 0] },
    { part: 'eye_stalk', slot: 'shell', cylinder: [0.004, 0.005, 0.03], at: [0.025, 0.1, 0.05], mirror: true },
    { part: 'eye', slot: 'eyes', sphere: 0.008, at: [0.025, 0.117, 0.05], mirror: true },
    {
      part: 'claw_arm',
      slot: 'shell',
      tube: [
        [0.07, 0.06, 0.04],
        [0.11, 0.05, 0.09],
        [0.1, 0.06, 0.13],
      ],
      radius: 0.01,
      mirror: true,
    },
    { part: 'claw', slot: 'shell', sphere: [0.03, 0.02, 0.04], at: [0.1, 0.065, 0.15], mirror: true },
    ...[-0.03, 0, 0.03].map((z): PartSpec => ({
      part: 'leg',
      slot: 'shell',
      tube: [
        [0.08, 0.055, z],
        [0.14, 0.07, z * 1.4],
        [0.17, 0, z * 1.8],
      ],
      radius: 0.006,
      mirror: true,
    })),
  ],
  anchors: { head: { at: [0, 0.1, 0.02], size: 0.06 } },
});

export const spider = partListCategory({
  category: 'spider',
  family: 'animal',
  names: ['spider', 'tarantula', 'arana', 'araignee', 'spinne'],
  slots: {
    body: { kinds: ['fur'], colors: ['black', 'charcoal', 'brown'], words: ['body', 'leg', 'abdomen'], primary: true },
    eyes: { kinds: ['solid'], colors: ['red', 'black'], words: ['eye'] },
  },
  example: 'a black spider',
  parts: [
    { part: 'abdomen', slot: 'body', sphere: [0.035, 0.03, 0.045], at: [0, 0.04, -0.04] },
    { part: 'head', slot: 'body', sphere: 0.022, at: [0, 0.035, 0.015] },
    { part: 'eye', slot: 'eyes', sphere: 0.004, at: [0.008, 0.045, 0.034], mirror: true },
    ...[0.03, 0.01, -0.01, -0.03].map((z, index): PartSpec => ({
      part: 'leg',
      slot: 'body',
      tube: [
        [0.015, 0.035, z * 0.3 + 0.01],
        [0.06, 0.065, z * 1.2 + 0.01],
        [0.085 + index * 0.003, 0, z * 2 + 0.01],
      ],
      radius: 0.0035,
      mirror: true,
    })),
  ],
});

const WINGS: MaterialSlotDefinition = { kinds: ['glass', 'paint'], colors: ['white', 'cyan'], words: ['wing'] };

export const butterfly = partListCategory({
  category: 'butterfly',
  family: 'animal',
  names: ['butterfly', 'moth', 'mariposa', 'papillon', 'schmetterling'],
  slots: {
    wing: { kinds: ['paint'], colors: ['blue', 'orange', 'yellow', 'purple', 'teal'], words: ['wing'], primary: true },
    body: { kinds: ['fur'], colors: ['charcoal', 'black'], words: ['body', 'antenna'] },
  },
  example: 'a blue butterfly',
  parts: [
    { part: 'body', slot: 'body', capsule: [0.004, 0.035], at: [0, 0.01, 0], rotate: [Math.PI / 2, 0, 0] },
    { part: 'head', slot: 'body', sphere: 0.005, at: [0, 0.01, 0.024] },
    {
      part: 'antenna',
      slot: 'body',
      tube: [
        [0.002, 0.012, 0.026],
        [0.01, 0.025, 0.04],
      ],
      radius: 0.0008,
      mirror: true,
    },
    {
      part: 'wing',
      slot: 'wing',
      extrude: [
        [0, 0],
        [0.03, 0.012],
        [0.048, 0.032],
        [0.035, 0.045],
        [0.012, 0.035],
        [0, 0.01],
      ],
      depth: 0.001,
      at: [0.002, 0.012, 0.005],
      rotate: [Math.PI / 2, 0, 0.25],
      mirror: true,
    },
    {
      part: 'wing',
      slot: 'wing',
      extrude: [
        [0, 0],
        [0.025, -0.008],
        [0.035, -0.025],
        [0.02, -0.032],
        [0, -0.015],
      ],
      depth: 0.001,
      at: [0.002, 0.012, 0.002],
      rotate: [Math.PI / 2, 0, 0.25],
      mirror: true,
    },
  ],
});

const INSECT_LEGS = (y: number, reach: number): PartSpec[] =>
  [-0.3, 0, 0.3].map((z) => ({
    part: 'leg',
    slot: 'body',
    tube: [
      [reach * 0.25, y, z * reach],
      [reach * 0.8, y + reach * 0.2, z * reach * 1.3],
      [reach, 0, z * reach * 1.6],
    ],
    radius: reach * 0.045,
    mirror: true,
  }));

export const ladybug = partListCategory({
  category: 'ladybug',
  family: 'animal',
  names: ['ladybug', 'ladybird', 'beetle', 'mariquita', 'coccinelle', 'marienkafer'],
  slots: {
    shell: { kinds: ['plastic'], colors: ['red'], words: ['shell', 'wing', 'body'], primary: true },
    body: { kinds: ['skin'], colors: ['black'], words: ['head', 'leg'] },
    spot: { kinds: ['solid'], colors: ['black'], words: ['spot', 'dot'] },
  },
  counts: { spots: { words: ['spot', 'dot'], default: 7, min: 0, max: 16 } },
  example: 'a red ladybug with black spots',
  parts: ({ counts }) => [
    { part: 'shell', slot: 'shell', sphere: [0.011, 0.008, 0.013], at: [0, 0.007, 0] },
    { part: 'head', slot: 'body', sphere: [0.005, 0.004, 0.004], at: [0, 0.006, 0.012] },
    { part: 'eye', slot: 'shell', sphere: 0.0012, at: [0.003, 0.007, 0.015], mirror: true },
    ...Array.from({ length: counts.spots }, (_, spot): PartSpec => {
      const angle = (spot / Math.max(1, counts.spots)) * Math.PI * 2;
      return {
        part: 'spot',
        slot: 'spot',
        sphere: 0.0022,
        at: [Math.cos(angle) * 0.0065, 0.0135, Math.sin(angle) * 0.0075],
      };
    }),
    ...INSECT_LEGS(0.004, 0.014),
  ],
});

export const bee = partListCategory({
  category: 'bee',
  family: 'animal',
  names: ['bee', 'bumblebee', 'honeybee', 'wasp', 'hornet', 'abeja', 'abeille', 'biene'],
  slots: {
    body: { kinds: ['fur'], colors: ['yellow', 'amber'], words: ['body'], primary: true },
    stripe: { kinds: ['fur'], colors: ['black'], words: ['stripe', 'head', 'leg'] },
    wing: WINGS,
    eyes: EYES,
  },
  example: 'a fuzzy bumblebee',
  parts: [
    { part: 'body', slot: 'body', sphere: [0.009, 0.009, 0.013], at: [0, 0.012, -0.006] },
    { part: 'stripe', slot: 'stripe', torus: [0.0085, 0.0018], at: [0, 0.012, -0.004], rotate: [0, 0, 0] },
    { part: 'stripe', slot: 'stripe', torus: [0.0075, 0.0018], at: [0, 0.012, -0.011] },
    { part: 'head', slot: 'stripe', sphere: 0.006, at: [0, 0.013, 0.01] },
    { part: 'eye', slot: 'eyes', sphere: 0.002, at: [0.004, 0.015, 0.014], mirror: true },
    {
      part: 'wing',
      slot: 'wing',
      sphere: [0.009, 0.0008, 0.005],
      at: [0.008, 0.022, -0.002],
      rotate: [0, 0.3, 0.4],
      mirror: true,
    },
    {
      part: 'stinger',
      slot: 'stripe',
      cylinder: [0.0015, 0.0001, 0.005],
      at: [0, 0.011, -0.021],
      rotate: [-Math.PI / 2, 0, 0],
    },
    ...INSECT_LEGS(0.008, 0.012).map((leg) => ({ ...leg, slot: 'stripe' })),
  ],
});

export const dragonfly = partListCategory({
  category: 'dragonfly',
  family: 'animal',
  names: ['dragonfly', 'damselfly', 'libelula', 'libellule', 'libelle'],
  slots: {
    body: { kinds: ['paint'], colors: ['teal', 'blue', 'green', 'red'], words: ['body', 'tail'], primary: true },
    wing: WINGS,
    eyes: EYES,
  },
  example: 'a blue dragonfly',
  parts: [
    { part: 'body', slot: 'body', capsule: [0.003, 0.02], at: [0, 0.01, 0.01], rotate: [Math.PI / 2, 0, 0] },
    { part: 'tail', slot: 'body', capsule: [0.0018, 0.05], at: [0, 0.01, -0.035], rotate: [Math.PI / 2, 0, 0] },
    { part: 'head', slot: 'body', sphere: 0.0045, at: [0, 0.011, 0.025] },
    { part: 'eye', slot: 'eyes', sphere: 0.003, at: [0.003, 0.013, 0.027], mirror: true },
    {
      part: 'wing',
      slot: 'wing',
      sphere: [0.035, 0.0006, 0.006],
      at: [0.035, 0.014, 0.015],
      rotate: [0, 0.1, 0],
      mirror: true,
    },
    {
      part: 'wing',
      slot: 'wing',
      sphere: [0.032, 0.0006, 0.006],
      at: [0.032, 0.014, 0.003],
      rotate: [0, -0.1, 0],
      mirror: true,
    },
  ],
});

export const ant = partListCategory({
  category: 'ant',
  family: 'animal',
  names: ['ant', 'termite', 'hormiga', 'fourmi', 'ameise'],
  slots: {
    body: {
      kinds: ['skin'],
      colors: ['black', 'maroon', 'red', 'brown'],
      words: ['body', 'leg', 'head'],
      primary: true,
    },
  },
  example: 'a black ant',
  parts: [
    { part: 'abdomen', slot: 'body', sphere: [0.0025, 0.0025, 0.0035], at: [0, 0.004, -0.004] },
    { part: 'thorax', slot: 'body', sphere: [0.0013, 0.0013, 0.0022], at: [0, 0.004, 0.0005] },
    { part: 'head', slot: 'body', sphere: 0.0018, at: [0, 0.0045, 0.0038] },
    {
      part: 'antenna',
      slot: 'body',
      tube: [
        [0.0008, 0.0058, 0.0045],
        [0.002, 0.0075, 0.0065],
      ],
      radius: 0.00022,
      mirror: true,
    },
    ...INSECT_LEGS(0.003, 0.005),
  ],
});

export const jellyfish = partListCategory({
  category: 'jellyfish',
  family: 'animal',
  names: ['jellyfish', 'medusa', 'medusa jellyfish', 'meduse', 'qualle'],
  slots: {
    bell: {
      kinds: ['glass'],
      colors: ['pink', 'cyan', 'violet', 'white'],
      words: ['bell', 'body', 'tentacle'],
      primary: true,
    },
  },
  example: 'a glowing pink jellyfish',
  parts: [
    {
      part: 'bell',
      slot: 'bell',
      lathe: [
        [0.0, 0.2],
        [0.1, 0.19],
        [0.14, 0.14],
        [0.15, 0.08],
        [0.13, 0.07],
        [0.0, 0.1],
      ],
    },
    ...ringPoints(8, 0.08, 0.08).map(([x, y, z], index): PartSpec => ({
      part: 'tentacle',
      slot: 'bell',
      tube: [
        [x, y, z],
        [x * 1.2 + 0.01, y - 0.12, z * 1.2],
        [x * 0.9 - 0.01, y - 0.25 - (index % 3) * 0.03, z * 0.9],
      ],
      radius: 0.004,
    })),
  ],
});

export const snail = partListCategory({
  category: 'snail',
  family: 'animal',
  names: ['snail', 'slug', 'caracol', 'escargot', 'schnecke'],
  slots: {
    shell: { kinds: ['ceramic'], colors: ['amber', 'brown', 'tan'], words: ['shell'], primary: true },
    body: { kinds: ['skin'], colors: ['sand', 'grey', 'tan'], words: ['body'] },
    eyes: EYES,
  },
  example: 'a snail with a spiral shell',
  parts: [
    { part: 'body', slot: 'body', capsule: [0.008, 0.045], at: [0, 0.007, 0.005], rotate: [Math.PI / 2, 0, 0] },
    { part: 'shell', slot: 'shell', torus: [0.012, 0.009], at: [0, 0.025, -0.004], rotate: [0, Math.PI / 2, 0] },
    { part: 'shell', slot: 'shell', sphere: 0.009, at: [0, 0.025, -0.004] },
    {
      part: 'eye_stalk',
      slot: 'body',
      cylinder: [0.0015, 0.002, 0.012],
      at: [0.004, 0.018, 0.03],
      rotate: [0.3, 0, 0],
      mirror: true,
    },
    { part: 'eye', slot: 'eyes', sphere: 0.0022, at: [0.004, 0.024, 0.032], mirror: true },
  ],
});

export const starfish = partListCategory({
  category: 'starfish',
  family: 'animal',
  names: ['starfish', 'sea star', 'estrella de mar', 'etoile de mer', 'seestern'],
  slots: {
    skin: { kinds: ['skin'], colors: ['orange', 'red', 'pink', 'amber'], words: ['body', 'arm'], primary: true },
  },
  example: 'an orange starfish',
  parts: () => {
    const outline: [number, number][] = [];
    for (let point = 0; point < 10; point++) {
      const angle = (point / 10) * Math.PI * 2 + Math.PI / 2;
      const radius = point % 2 === 0 ? 0.1 : 0.04;
      outline.push([Math.cos(angle) * radius, Math.sin(angle) * radius]);
    }
    return [
      {
        part: 'body',
        slot: 'skin',
        extrude: outline,
        depth: 0.02,
        bevel: 0.006,
        at: [0, 0.01, 0],
        rotate: [-Math.PI / 2, 0, 0],
      },
    ];
  },
});
