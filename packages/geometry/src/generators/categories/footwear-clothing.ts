// Footwear and clothing at real size, shown on their own: sneaker, boot, high heel, sandal, t-shirt, coat and dress.
// A plural ("sneakers", "high heels") makes the pair.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, type PartSpec } from '../kit/part-list.ts';
import type { Vector2Tuple } from '../kit/shapes.ts';

const SOLE: MaterialSlotDefinition = { kinds: ['rubber'], colors: ['white', 'black', 'tan'], words: ['sole'] };
const LACES: MaterialSlotDefinition = { kinds: ['fabric'], colors: ['white', 'black'], words: ['lace', 'laces'] };

export const sneaker = partListCategory({
  category: 'sneaker',
  family: 'wearable',
  names: ['sneaker', 'trainer', 'running shoe', 'shoe', 'tennis shoe', 'basketball shoe', 'zapatilla', 'turnschuh'],
  slots: {
    upper: {
      kinds: ['fabric', 'leather'],
      colors: ['red', 'white', 'black', 'blue', 'grey'],
      words: ['upper', 'shoe', 'body'],
      primary: true,
    },
    sole: SOLE,
    laces: LACES,
    swoosh: { kinds: ['leather'], colors: ['white', 'black', 'red'], words: ['stripe', 'logo', 'tongue', 'heel'] },
  },
  example: 'a red sneaker with white laces',
  parts: [
    { part: 'sole', slot: 'sole', box: [0.1, 0.025, 0.29], at: [0, 0.0125, 0], bevel: 0.01 },
    { part: 'upper', slot: 'upper', sphere: [0.048, 0.05, 0.13], at: [0, 0.04, 0.01], segments: 20 },
    { part: 'ankle', slot: 'upper', cylinder: [0.042, 0.045, 0.06], at: [0, 0.07, -0.08], segments: 20 },
    { part: 'tongue', slot: 'swoosh', box: [0.035, 0.06, 0.008], at: [0, 0.085, -0.03], rotate: [-0.4, 0, 0] },
    ...[0.03, 0.0, -0.03].map((z): PartSpec => ({
      part: 'lace',
      slot: 'laces',
      box: [0.05, 0.004, 0.006],
      at: [0, 0.085 + z * 0.5, z + 0.02],
      rotate: [-0.3, 0, 0],
    })),
    {
      part: 'stripe',
      slot: 'swoosh',
      box: [0.004, 0.02, 0.09],
      at: [0.048, 0.045, 0.0],
      rotate: [0.25, 0, 0],
      mirror: true,
    },
  ],
});

export const boot = partListCategory({
  category: 'boot',
  family: 'wearable',
  names: [
    'boot',
    'cowboy boot',
    'hiking boot',
    'rain boot',
    'wellington',
    'combat boot',
    'ankle boot',
    'bota',
    'botte',
    'stiefel',
  ],
  slots: {
    leather: {
      kinds: ['leather', 'rubber'],
      colors: ['brown', 'black', 'tan', 'walnut'],
      words: ['leather', 'shaft', 'upper'],
      primary: true,
    },
    sole: { ...SOLE, colors: ['charcoal', 'black', 'walnut'] },
    laces: LACES,
  },
  example: 'a brown leather boot',
  parts: [
    { part: 'sole', slot: 'sole', box: [0.1, 0.03, 0.28], at: [0, 0.015, 0], bevel: 0.008 },
    { part: 'heel', slot: 'sole', box: [0.085, 0.03, 0.07], at: [0, 0.03, -0.1] },
    { part: 'foot', slot: 'leather', sphere: [0.05, 0.05, 0.125], at: [0, 0.05, 0.02] },
    { part: 'shaft', slot: 'leather', cylinder: [0.055, 0.05, 0.22], at: [0, 0.16, -0.07], segments: 24 },
    { part: 'cuff', slot: 'leather', torus: [0.055, 0.008], at: [0, 0.27, -0.07], rotate: [Math.PI / 2, 0, 0] },
  ],
});

export const highHeel = partListCategory({
  category: 'high heel',
  family: 'wearable',
  names: ['high heel', 'high heel shoe', 'stiletto', 'pump', 'heel', 'tacon', 'escarpin'],
  slots: {
    leather: {
      kinds: ['leather', 'paint'],
      colors: ['red', 'black', 'pink', 'gold', 'white'],
      words: ['shoe', 'upper'],
      primary: true,
    },
    heel: { kinds: ['plastic', 'metal'], colors: ['black', 'gold'], words: ['heel', 'sole'] },
  },
  example: 'a pair of red high heels',
  parts: [
    {
      part: 'sole',
      slot: 'heel',
      tube: [
        [0, 0.1, -0.1],
        [0, 0.07, -0.03],
        [0, 0.02, 0.05],
        [0, 0.006, 0.12],
      ],
      radius: 0.012,
    },
    { part: 'heel', slot: 'heel', cylinder: [0.008, 0.004, 0.1], at: [0, 0.05, -0.1] },
    { part: 'upper', slot: 'leather', sphere: [0.038, 0.025, 0.065], at: [0, 0.025, 0.08], rotate: [0.15, 0, 0] },
    { part: 'back', slot: 'leather', cylinder: [0.035, 0.035, 0.045], at: [0, 0.115, -0.09], segments: 16, open: true },
  ],
});

export const sandal = partListCategory({
  category: 'sandal',
  family: 'wearable',
  names: ['sandal', 'flip flop', 'flipflop', 'slipper', 'slide', 'sandalia', 'sandale', 'hausschuh'],
  slots: {
    sole: { kinds: ['rubber', 'leather'], colors: ['tan', 'black', 'blue', 'brown'], words: ['sole'], primary: true },
    strap: { kinds: ['leather', 'fabric'], colors: ['brown', 'black', 'red', 'white'], words: ['strap'] },
  },
  example: 'a brown leather sandal',
  parts: [
    {
      part: 'sole',
      slot: 'sole',
      extrude: [
        [-0.04, -0.13],
        [0.04, -0.13],
        [0.05, 0.05],
        [0.035, 0.13],
        [-0.035, 0.13],
        [-0.05, 0.05],
      ],
      depth: 0.02,
      at: [0, 0.01, 0],
      rotate: [Math.PI / 2, 0, 0],
      bevel: 0.004,
    },
    { part: 'strap', slot: 'strap', torus: [0.045, 0.007], arc: Math.PI, at: [0, 0.02, 0.04], rotate: [0, 0, 0] },
    { part: 'strap', slot: 'strap', torus: [0.042, 0.007], arc: Math.PI, at: [0, 0.02, -0.06], rotate: [0, 0, 0] },
  ],
});

const SHIRT: Vector2Tuple[] = [
  [-0.2, -0.35],
  [0.2, -0.35],
  [0.2, 0.12],
  [0.33, 0.05],
  [0.38, 0.16],
  [0.2, 0.32],
  [0.07, 0.34],
  [0, 0.3],
  [-0.07, 0.34],
  [-0.2, 0.32],
  [-0.38, 0.16],
  [-0.33, 0.05],
  [-0.2, 0.12],
];

export const tShirt = partListCategory({
  category: 't-shirt',
  family: 'wearable',
  names: ['t shirt', 'tshirt', 'tee', 'shirt', 'polo shirt', 'jersey', 'camiseta', 'tee shirt', 'hemd'],
  slots: {
    fabric: {
      kinds: ['fabric'],
      colors: ['white', 'black', 'red', 'blue', 'grey', 'green'],
      words: ['fabric', 'shirt', 'sleeve'],
      primary: true,
    },
    print: { kinds: ['paint'], colors: ['white', 'yellow', 'red'], words: ['print', 'logo', 'collar', 'graphic'] },
  },
  example: 'a blue t-shirt with a white logo',
  parts: [
    { part: 'shirt', slot: 'fabric', extrude: SHIRT, depth: 0.04, at: [0, 0.35, 0], bevel: 0.008 },
    { part: 'collar', slot: 'print', torus: [0.07, 0.008], arc: Math.PI, at: [0, 0.66, 0], rotate: [0, 0, Math.PI] },
    {
      part: 'logo',
      slot: 'print',
      cylinder: [0.06, 0.06, 0.004],
      at: [0, 0.45, 0.022],
      rotate: [Math.PI / 2, 0, 0],
      segments: 24,
    },
  ],
});

export const coat = partListCategory({
  category: 'coat',
  family: 'wearable',
  names: [
    'coat',
    'jacket',
    'winter coat',
    'parka',
    'raincoat',
    'hoodie',
    'sweater',
    'blazer',
    'trench coat',
    'abrigo',
    'chaqueta',
    'manteau',
    'veste',
    'mantel',
    'jacke',
  ],
  slots: {
    fabric: {
      kinds: ['fabric', 'leather'],
      colors: ['navy', 'black', 'red', 'olive', 'tan', 'grey'],
      words: ['fabric', 'coat', 'sleeve', 'hood'],
      primary: true,
    },
    button: { kinds: ['plastic', 'metal'], colors: ['black', 'gold', 'silver'], words: ['button', 'zip', 'zipper'] },
    trim: {
      kinds: ['fur', 'fabric'],
      colors: ['cream', 'white', 'charcoal'],
      words: ['collar', 'trim', 'cuff', 'pocket'],
    },
  },
  example: 'a navy winter coat with a fur collar',
  parts: [
    { part: 'body', slot: 'fabric', box: [0.46, 0.8, 0.2], at: [0, 0.5, 0], bevel: 0.05 },
    { part: 'sleeve', slot: 'fabric', capsule: [0.065, 0.55], at: [0.3, 0.55, 0], rotate: [0, 0, 0.15], mirror: true },
    { part: 'collar', slot: 'trim', torus: [0.11, 0.04], at: [0, 0.9, 0], rotate: [Math.PI / 2, 0, 0] },
    ...[0.35, 0.5, 0.65, 0.8].map((y): PartSpec => ({
      part: 'button',
      slot: 'button',
      cylinder: [0.012, 0.012, 0.006],
      at: [0, y, 0.102],
      rotate: [Math.PI / 2, 0, 0],
    })),
    { part: 'pocket', slot: 'trim', box: [0.12, 0.02, 0.01], at: [0.12, 0.4, 0.1], mirror: true },
  ],
});

export const dress = partListCategory({
  category: 'dress',
  family: 'wearable',
  names: ['dress', 'gown', 'ball gown', 'wedding dress', 'skirt', 'vestido', 'robe', 'kleid'],
  slots: {
    fabric: {
      kinds: ['fabric'],
      colors: ['red', 'pink', 'white', 'navy', 'black', 'violet'],
      words: ['fabric', 'dress', 'skirt'],
      primary: true,
    },
    trim: { kinds: ['fabric'], colors: ['white', 'gold', 'black'], words: ['belt', 'sash', 'bow', 'trim'] },
  },
  example: 'a red evening dress',
  parts: [
    { part: 'bodice', slot: 'fabric', cylinder: [0.14, 0.12, 0.35], at: [0, 1.0, 0], segments: 24 },
    {
      part: 'skirt',
      slot: 'fabric',
      lathe: [
        [0.12, 0.82],
        [0.22, 0.6],
        [0.34, 0.2],
        [0.4, 0.0],
        [0.0, 0.0],
      ],
      segments: 32,
    },
    { part: 'belt', slot: 'trim', torus: [0.122, 0.015], at: [0, 0.83, 0], rotate: [Math.PI / 2, 0, 0] },
    { part: 'strap', slot: 'fabric', box: [0.03, 0.1, 0.02], at: [0.08, 1.22, 0], mirror: true },
  ],
});
