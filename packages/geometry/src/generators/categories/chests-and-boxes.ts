// Containers at real size, each with an "inside" anchor for what is put in it: treasure chest (optionally full of
// gold), crate, box (cardboard, gift), basket, jar, suitcase, cauldron (cooking pot) and mailbox.

import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';

const WOOD = { kinds: ['wood'], colors: ['oak', 'walnut', 'pine', 'mahogany'] } as const;

export const treasureChest = partListCategory({
  category: 'treasure chest',
  family: 'container',
  names: ['treasure chest', 'chest', 'treasure box', 'pirate chest', 'loot chest', 'cofre', 'coffre', 'truhe'],
  variants: { treasure: ['gold', 'treasure', 'coin', 'full', 'filled', 'open', 'loot'] },
  slots: {
    wood: { ...WOOD, words: ['wood', 'lid', 'box', 'body'], primary: true },
    metal: {
      kinds: ['metal', 'gold'],
      colors: ['iron', 'brass', 'gold'],
      words: ['band', 'strap', 'lock', 'metal', 'trim', 'hinge'],
    },
    gold: { kinds: ['gold'], colors: ['gold'], words: ['gold', 'coin', 'treasure'] },
  },
  example: 'a wooden treasure chest full of gold',
  parts: ({ variant }) => {
    const open = variant === 'treasure';
    const specs: PartSpec[] = [
      { part: 'body', slot: 'wood', box: [0.8, 0.4, 0.5], at: [0, 0.2, 0], bevel: 0.01 },
      { part: 'band', slot: 'metal', box: [0.06, 0.41, 0.51], at: [0.25, 0.2, 0], mirror: true },
      { part: 'lock', slot: 'metal', box: [0.1, 0.12, 0.03], at: [0, 0.36, 0.26], bevel: 0.005 },
      { part: 'foot', slot: 'metal', box: [0.06, 0.03, 0.06], at: [0.37, 0.015, 0.22], mirror: true },
    ];
    if (open) {
      specs.push({
        part: 'lid',
        slot: 'wood',
        cylinder: [0.25, 0.25, 0.8],
        at: [0, 0.55, -0.36],
        rotate: [1.2, 0, Math.PI / 2],
        segments: 20,
      });
      specs.push({ part: 'gold', slot: 'gold', sphere: [0.37, 0.1, 0.22], at: [0, 0.4, 0] });
      for (const [x, , z] of ringPoints(9, 0.2, 0))
        specs.push({
          part: 'coin',
          slot: 'gold',
          cylinder: [0.03, 0.03, 0.006],
          at: [x, 0.49, z * 0.6],
          rotate: [0.3, 0, x * 2],
        });
    } else {
      specs.push({
        part: 'lid',
        slot: 'wood',
        cylinder: [0.25, 0.25, 0.8],
        at: [0, 0.4, 0],
        rotate: [0, 0, Math.PI / 2],
        segments: 20,
      });
      specs.push({
        part: 'band',
        slot: 'metal',
        cylinder: [0.255, 0.255, 0.06],
        at: [0.25, 0.4, 0],
        rotate: [0, 0, Math.PI / 2],
        segments: 20,
        mirror: true,
      });
    }
    return specs;
  },
  anchors: { inside: { at: [0, 0.05, 0], size: 0.22 }, top: { at: [0, 0.65, 0], size: 0.22 } },
});

export const crate = partListCategory({
  category: 'crate',
  family: 'container',
  names: ['crate', 'wooden crate', 'shipping crate', 'pallet box', 'caja de madera', 'kiste'],
  slots: {
    wood: { ...WOOD, colors: ['pine', 'oak', 'birch'], words: ['wood', 'plank', 'board', 'slat'], primary: true },
    nail: { kinds: ['metal'], colors: ['iron'], words: ['nail'] },
  },
  example: 'a wooden crate',
  parts: [
    { part: 'box', slot: 'wood', box: [0.6, 0.58, 0.6], at: [0, 0.3, 0] },
    ...[0.02, 0.3, 0.58].flatMap((y): PartSpec[] => [
      { part: 'plank', slot: 'wood', box: [0.62, 0.05, 0.62], at: [0, y, 0] },
    ]),
    { part: 'brace', slot: 'wood', box: [0.05, 0.8, 0.02], at: [0, 0.3, 0.31], rotate: [0, 0, 0.78] },
    { part: 'brace', slot: 'wood', box: [0.02, 0.8, 0.05], at: [0.31, 0.3, 0], rotate: [0.78, 0, 0] },
    { part: 'post', slot: 'wood', box: [0.06, 0.6, 0.06], at: [0.29, 0.3, 0.29], mirror: true },
    { part: 'post', slot: 'wood', box: [0.06, 0.6, 0.06], at: [0.29, 0.3, -0.29], mirror: true },
  ],
  anchors: { top: { at: [0, 0.605, 0], size: 0.28 }, inside: { at: [0, 0.605, 0], size: 0.28 } },
});

export const box = partListCategory({
  category: 'box',
  family: 'container',
  names: [
    'box',
    'cardboard box',
    ['gift box', 'gift'],
    ['gift', 'gift'],
    ['present', 'gift'],
    ['christmas present', 'gift'],
    'package',
    'parcel',
    'carton',
    'caja',
    'boite',
    'schachtel',
  ],
  variants: { gift: ['gift', 'present', 'ribbon', 'wrapped'] },
  variantSlots: { gift: { box: { kinds: ['paper'], colors: ['red', 'blue', 'green', 'gold'] } } },
  slots: {
    box: { kinds: ['paper'], colors: ['tan'], words: ['box', 'cardboard', 'paper', 'wrapping'], primary: true },
    ribbon: { kinds: ['fabric'], colors: ['gold', 'red', 'white'], words: ['ribbon', 'bow', 'tape'] },
  },
  example: 'a red gift box with a gold ribbon',
  parts: ({ variant }) =>
    variant === 'gift'
      ? [
          { part: 'box', slot: 'box', box: [0.3, 0.25, 0.3], at: [0, 0.125, 0] },
          { part: 'lid', slot: 'box', box: [0.32, 0.05, 0.32], at: [0, 0.26, 0] },
          { part: 'ribbon', slot: 'ribbon', box: [0.33, 0.3, 0.04], at: [0, 0.145, 0] },
          { part: 'ribbon', slot: 'ribbon', box: [0.04, 0.3, 0.33], at: [0, 0.145, 0] },
          { part: 'bow', slot: 'ribbon', torus: [0.04, 0.012], at: [0.035, 0.3, 0], rotate: [0, 0, 0.5], mirror: true },
        ]
      : [
          { part: 'box', slot: 'box', box: [0.4, 0.3, 0.3], at: [0, 0.15, 0] },
          { part: 'flap', slot: 'box', box: [0.4, 0.005, 0.15], at: [0, 0.35, 0.2], rotate: [-1.1, 0, 0] },
          { part: 'flap', slot: 'box', box: [0.4, 0.005, 0.15], at: [0, 0.35, -0.2], rotate: [1.1, 0, 0] },
          { part: 'tape', slot: 'ribbon', box: [0.06, 0.31, 0.005], at: [0, 0.15, 0.151] },
        ],
  anchors: { inside: { at: [0, 0.02, 0], size: 0.14 }, top: { at: [0, 0.3, 0], size: 0.14 } },
});

export const basket = partListCategory({
  category: 'basket',
  family: 'container',
  names: ['basket', 'wicker basket', 'picnic basket', 'laundry basket', 'hamper', 'cesta', 'panier', 'korb'],
  slots: {
    wicker: {
      kinds: ['wood', 'fabric'],
      colors: ['tan', 'sand', 'amber'],
      words: ['wicker', 'weave', 'basket'],
      primary: true,
    },
    handle: { kinds: ['wood'], colors: ['tan', 'walnut'], words: ['handle'] },
    cloth: { kinds: ['fabric'], colors: ['red', 'white'], words: ['cloth', 'napkin', 'lining'] },
  },
  optional: { handle: ['handle'], cloth: ['cloth', 'napkin'] },
  example: 'a wicker picnic basket',
  parts: ({ kit }) => [
    {
      part: 'basket',
      slot: 'wicker',
      lathe: [
        [0, 0],
        [0.14, 0],
        [0.18, 0.18],
        [0.172, 0.18],
        [0.132, 0.01],
        [0, 0.01],
      ],
      segments: 28,
    },
    ...[0.05, 0.1, 0.15].map((y): PartSpec => ({
      part: 'weave',
      slot: 'wicker',
      torus: [0.15 + y * 0.22, 0.006],
      at: [0, y, 0],
      rotate: [Math.PI / 2, 0, 0],
    })),
    { part: 'rim', slot: 'wicker', torus: [0.178, 0.01], at: [0, 0.18, 0], rotate: [Math.PI / 2, 0, 0] },
    ...(kit.has('handle')
      ? [{ part: 'handle', slot: 'handle', torus: [0.17, 0.01], arc: Math.PI, at: [0, 0.18, 0] } satisfies PartSpec]
      : []),
    ...(kit.wants('cloth')
      ? [{ part: 'cloth', slot: 'cloth', sphere: [0.16, 0.03, 0.16], at: [0, 0.17, 0] } satisfies PartSpec]
      : []),
  ],
  anchors: { inside: { at: [0, 0.02, 0], size: 0.13 } },
});

export const jar = partListCategory({
  category: 'jar',
  family: 'container',
  names: ['jar', 'glass jar', 'mason jar', 'cookie jar', 'honey jar', 'jam jar', 'tarro', 'bocal'],
  slots: {
    glass: { kinds: ['glass', 'ceramic'], colors: ['white', 'cyan'], words: ['jar', 'glass'], primary: true },
    lid: { kinds: ['metal', 'wood'], colors: ['gold', 'silver', 'oak'], words: ['lid', 'cap', 'cork'] },
    contents: { kinds: ['skin'], colors: ['amber', 'red', 'pink'], words: ['honey', 'jam', 'candy', 'contents'] },
  },
  optional: { lid: ['lid', 'cap'], contents: ['honey', 'jam', 'candy'] },
  example: 'a glass jar with a gold lid',
  parts: ({ kit }) => [
    {
      part: 'jar',
      slot: 'glass',
      lathe: [
        [0, 0],
        [0.05, 0],
        [0.055, 0.02],
        [0.055, 0.12],
        [0.045, 0.135],
        [0.045, 0.15],
        [0.04, 0.15],
        [0.05, 0.12],
        [0.05, 0.005],
        [0, 0.005],
      ],
      segments: 28,
    },
    ...(kit.has('lid')
      ? [{ part: 'lid', slot: 'lid', cylinder: [0.05, 0.05, 0.02], at: [0, 0.155, 0], segments: 28 } satisfies PartSpec]
      : []),
    ...(kit.wants('contents')
      ? [
          {
            part: 'contents',
            slot: 'contents',
            cylinder: [0.048, 0.048, 0.09],
            at: [0, 0.05, 0],
            segments: 24,
          } satisfies PartSpec,
        ]
      : []),
  ],
  anchors: { inside: { at: [0, 0.006, 0], size: 0.045 } },
});

export const suitcase = partListCategory({
  category: 'suitcase',
  family: 'container',
  names: ['suitcase', 'luggage', 'briefcase', 'trolley case', 'maleta', 'valise', 'koffer'],
  slots: {
    shell: {
      kinds: ['plastic', 'leather'],
      colors: ['black', 'navy', 'red', 'silver', 'brown'],
      words: ['shell', 'case', 'body'],
      primary: true,
    },
    trim: { kinds: ['metal', 'rubber'], colors: ['charcoal', 'silver'], words: ['handle', 'wheel', 'trim', 'zip'] },
  },
  example: 'a black suitcase',
  parts: [
    { part: 'case', slot: 'shell', box: [0.42, 0.62, 0.24], at: [0, 0.35, 0], bevel: 0.035 },
    { part: 'rib', slot: 'shell', box: [0.43, 0.02, 0.245], at: [0, 0.25, 0] },
    { part: 'rib', slot: 'shell', box: [0.43, 0.02, 0.245], at: [0, 0.45, 0] },
    { part: 'handle', slot: 'trim', torus: [0.05, 0.01], arc: Math.PI, at: [0, 0.66, 0] },
    {
      part: 'wheel',
      slot: 'trim',
      cylinder: [0.02, 0.02, 0.02],
      at: [0.17, 0.02, 0.09],
      rotate: [0, 0, Math.PI / 2],
      mirror: true,
    },
    {
      part: 'wheel',
      slot: 'trim',
      cylinder: [0.02, 0.02, 0.02],
      at: [0.17, 0.02, -0.09],
      rotate: [0, 0, Math.PI / 2],
      mirror: true,
    },
  ],
});

export const cauldron = partListCategory({
  category: 'cauldron',
  family: 'kitchen',
  names: ['cauldron', 'cooking pot', 'stock pot', 'stockpot', 'saucepan', 'soup pot', 'caldero', 'chaudron', 'kessel'],
  variants: { saucepan: ['saucepan', 'cooking', 'stock', 'soup'] },
  slots: {
    metal: { kinds: ['metal'], colors: ['charcoal', 'iron', 'steel', 'copper'], words: ['pot', 'body'], primary: true },
    brew: { kinds: ['paint'], colors: ['lime', 'green', 'purple'], words: ['brew', 'potion', 'soup', 'liquid'] },
    handle: { kinds: ['metal', 'plastic'], colors: ['black', 'iron'], words: ['handle', 'lid'] },
  },
  optional: { brew: ['brew', 'potion', 'soup'] },
  example: "a witch's cauldron with green brew",
  parts: ({ variant, kit }) =>
    variant === 'saucepan'
      ? [
          {
            part: 'pot',
            slot: 'metal',
            lathe: [
              [0, 0],
              [0.12, 0],
              [0.12, 0.16],
              [0.114, 0.16],
              [0.114, 0.006],
              [0, 0.006],
            ],
            segments: 32,
          },
          {
            part: 'handle',
            slot: 'handle',
            torus: [0.03, 0.007],
            arc: Math.PI,
            at: [0.125, 0.14, 0],
            rotate: [Math.PI / 2, 0, -Math.PI / 2],
            mirror: true,
          },
          { part: 'lid', slot: 'handle', cylinder: [0.125, 0.125, 0.008], at: [0, 0.165, 0], segments: 32 },
        ]
      : [
          {
            part: 'pot',
            slot: 'metal',
            lathe: [
              [0, 0.02],
              [0.15, 0.05],
              [0.22, 0.2],
              [0.19, 0.36],
              [0.2, 0.38],
              [0.18, 0.38],
              [0.17, 0.35],
              [0.2, 0.2],
              [0, 0.05],
            ],
            segments: 32,
          },
          { part: 'leg', slot: 'metal', cylinder: [0.02, 0.015, 0.06], at: [0.1, 0.03, 0], mirror: true },
          { part: 'leg', slot: 'metal', cylinder: [0.02, 0.015, 0.06], at: [0, 0.03, 0.1] },
          ...(kit.has('brew')
            ? [
                {
                  part: 'brew',
                  slot: 'brew',
                  cylinder: [0.185, 0.185, 0.01],
                  at: [0, 0.33, 0],
                  segments: 28,
                } satisfies PartSpec,
              ]
            : []),
        ],
  anchors: { inside: { at: [0, 0.06, 0], size: 0.15 } },
});

export const mailbox = partListCategory({
  category: 'mailbox',
  family: 'container',
  names: ['mailbox', 'postbox', 'letterbox', 'post box', 'mail box', 'buzon', 'briefkasten'],
  slots: {
    box: {
      kinds: ['metal', 'paint', 'wood'],
      colors: ['red', 'blue', 'black', 'silver'],
      words: ['box'],
      primary: true,
    },
    post: { kinds: ['wood', 'metal'], colors: ['oak', 'charcoal'], words: ['post', 'pole'] },
    flag: { kinds: ['paint'], colors: ['red', 'yellow'], words: ['flag'] },
  },
  example: 'a red mailbox on a post',
  parts: [
    { part: 'post', slot: 'post', box: [0.08, 1.0, 0.08], at: [0, 0.5, 0] },
    { part: 'box', slot: 'box', box: [0.2, 0.14, 0.45], at: [0, 1.07, 0], bevel: 0.01 },
    {
      part: 'top',
      slot: 'box',
      cylinder: [0.1, 0.1, 0.45],
      at: [0, 1.14, 0],
      rotate: [Math.PI / 2, 0, 0],
      segments: 20,
    },
    { part: 'flag', slot: 'flag', box: [0.01, 0.12, 0.05], at: [0.105, 1.15, -0.1] },
  ],
});
