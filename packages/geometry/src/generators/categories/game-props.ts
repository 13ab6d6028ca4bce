// Game props at real size: chess pieces (pawn, rook, knight, bishop, queen, king: lathe profiles, the knight's
// head a carved horse head), coin, gem, key, dice, trophy, lantern, torch, book, scroll and magic staff.

import type { MaterialSlotDefinition } from '../generator-definition.ts';
import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';
import type { Vector2Tuple } from '../kit/shapes.ts';

const GOLD: MaterialSlotDefinition = {
  kinds: ['gold', 'metal'],
  colors: ['gold', 'silver', 'bronze'],
  words: ['gold', 'metal'],
  primary: true,
};

/** Shared chess base: a foot, a collar and a waist, then the piece's own top. */
const CHESS_BASE: Vector2Tuple[] = [
  [0, 0],
  [0.016, 0],
  [0.016, 0.004],
  [0.013, 0.007],
  [0.0115, 0.009],
  [0.008, 0.012],
];

export const chessPiece = partListCategory({
  category: 'chess piece',
  family: 'game',
  names: [
    'chess piece',
    'chessman',
    ['pawn', 'pawn'],
    ['chess pawn', 'pawn'],
    ['rook', 'rook'],
    ['chess rook', 'rook'],
    ['chess castle', 'rook'],
    ['chess knight', 'knight'],
    ['knight piece', 'knight'],
    ['bishop', 'bishop'],
    ['chess bishop', 'bishop'],
    ['chess queen', 'queen'],
    ['queen piece', 'queen'],
    ['chess king', 'king'],
    ['king piece', 'king'],
    'pieza de ajedrez',
    'piece d echecs',
    'schachfigur',
  ],
  variants: {
    pawn: ['pawn'],
    rook: ['rook'],
    knight: ['knight', 'horse'],
    bishop: ['bishop'],
    queen: ['queen'],
    king: ['king'],
  },
  slots: {
    body: {
      kinds: ['wood', 'plastic', 'marble', 'ceramic'],
      colors: ['ivory', 'black', 'white', 'walnut'],
      words: ['body', 'piece', 'base'],
      primary: true,
    },
    felt: { kinds: ['fabric'], colors: ['green', 'charcoal'], words: ['felt', 'bottom'] },
  },
  example: 'a black chess knight piece',
  parts: ({ variant }) => {
    const piece = variant ?? 'pawn';
    const top: Record<string, Vector2Tuple[]> = {
      pawn: [
        [0.007, 0.03],
        [0.011, 0.032],
        [0.011, 0.034],
        [0.0055, 0.036],
        [0.0095, 0.041],
        [0.0105, 0.047],
        [0.008, 0.053],
        [0, 0.056],
      ],
      rook: [
        [0.008, 0.038],
        [0.013, 0.04],
        [0.013, 0.052],
        [0.0095, 0.052],
        [0.0095, 0.048],
        [0, 0.048],
      ],
      bishop: [
        [0.006, 0.045],
        [0.01, 0.047],
        [0.01, 0.049],
        [0.005, 0.05],
        [0.008, 0.058],
        [0.0075, 0.066],
        [0.004, 0.072],
        [0.0025, 0.073],
        [0.003, 0.076],
        [0, 0.078],
      ],
      queen: [
        [0.006, 0.052],
        [0.011, 0.055],
        [0.011, 0.057],
        [0.006, 0.058],
        [0.01, 0.072],
        [0.011, 0.074],
        [0.006, 0.077],
        [0.003, 0.079],
        [0.0035, 0.083],
        [0, 0.085],
      ],
      king: [
        [0.006, 0.056],
        [0.011, 0.058],
        [0.011, 0.06],
        [0.006, 0.062],
        [0.01, 0.076],
        [0.011, 0.078],
        [0.006, 0.081],
        [0, 0.082],
      ],
      knight: [
        [0.008, 0.024],
        [0.012, 0.026],
        [0, 0.027],
      ],
    };
    const specs: PartSpec[] = [
      { part: 'body', slot: 'body', lathe: [...CHESS_BASE, ...top[piece]], segments: 32 },
      { part: 'felt', slot: 'felt', cylinder: [0.0158, 0.0158, 0.001], at: [0, 0.0005, 0], segments: 24 },
    ];
    if (piece === 'rook')
      specs.push(
        ...ringPoints(5, 0.011, 0.055).map((at): PartSpec => ({
          part: 'battlement',
          slot: 'body',
          box: [0.005, 0.006, 0.004],
          at,
        })),
      );
    if (piece === 'queen')
      specs.push(
        ...ringPoints(8, 0.009, 0.077).map((at): PartSpec => ({
          part: 'crown_point',
          slot: 'body',
          sphere: 0.0018,
          at,
        })),
      );
    if (piece === 'king')
      specs.push(
        { part: 'cross', slot: 'body', box: [0.003, 0.014, 0.003], at: [0, 0.088, 0] },
        { part: 'cross', slot: 'body', box: [0.01, 0.003, 0.003], at: [0, 0.09, 0] },
      );
    if (piece === 'knight') {
      specs.push(
        {
          part: 'head',
          slot: 'body',
          extrude: [
            [-0.009, 0],
            [0.009, 0],
            [0.01, 0.018],
            [0.014, 0.026],
            [0.02, 0.03],
            [0.022, 0.036],
            [0.012, 0.044],
            [0.004, 0.05],
            [-0.004, 0.052],
            [-0.012, 0.042],
            [-0.012, 0.02],
          ],
          depth: 0.013,
          at: [0, 0.026, 0],
          rotate: [0, -Math.PI / 2, 0],
          bevel: 0.002,
        },
        { part: 'ear', slot: 'body', cylinder: [0.0005, 0.003, 0.008], at: [0, 0.08, -0.001] },
      );
    }
    return specs;
  },
});

export const coin = partListCategory({
  category: 'coin',
  family: 'game',
  names: ['coin', 'gold coin', 'token', 'medal', 'medallion', 'moneda', 'piece de monnaie', 'munze'],
  slots: { metal: { ...GOLD, words: ['coin', 'metal'] } },
  counts: { coins: { words: ['coin'], default: 1, min: 1, max: 12 } },
  example: 'a shiny gold coin',
  parts: ({ counts }) =>
    Array.from({ length: counts.coins }, (_, index): PartSpec[] => [
      {
        part: 'coin',
        slot: 'metal',
        cylinder: [0.013, 0.013, 0.0025],
        at: [index * 0.004, 0.00125 + index * 0.0026, 0],
        segments: 32,
      },
      {
        part: 'rim',
        slot: 'metal',
        torus: [0.0125, 0.0008],
        at: [index * 0.004, 0.0025 + index * 0.0026, 0],
        rotate: [Math.PI / 2, 0, 0],
      },
      {
        part: 'emblem',
        slot: 'metal',
        cylinder: [0.006, 0.006, 0.0006],
        at: [index * 0.004, 0.0026 + index * 0.0026, 0],
        segments: 5,
      },
    ]).flat(),
});

export const gem = partListCategory({
  category: 'gem',
  family: 'game',
  names: [
    'gem',
    'gemstone',
    'jewel',
    'diamond',
    'ruby',
    'emerald',
    'sapphire',
    'crystal',
    'amethyst',
    'magic crystal',
    'power crystal',
    'gema',
    'joya',
    'edelstein',
  ],
  slots: {
    gem: {
      kinds: ['glass'],
      colors: ['red', 'cyan', 'green', 'blue', 'violet', 'white'],
      words: ['gem', 'crystal', 'stone'],
      primary: true,
    },
  },
  example: 'a big red gem',
  parts: [
    { part: 'pavilion', slot: 'gem', cylinder: [0.02, 0.0005, 0.018], at: [0, 0.009, 0], segments: 8 },
    { part: 'crown', slot: 'gem', cylinder: [0.013, 0.02, 0.008], at: [0, 0.022, 0], segments: 8 },
  ],
});

export const key = partListCategory({
  category: 'key',
  family: 'game',
  names: ['key', 'skeleton key', 'old key', 'door key', 'llave', 'cle', 'schlussel'],
  slots: { metal: { ...GOLD, colors: ['brass', 'gold', 'iron', 'silver'], words: ['key', 'metal'] } },
  example: 'an old brass key',
  parts: [
    { part: 'bow', slot: 'metal', torus: [0.018, 0.004], at: [0, 0.004, -0.04], rotate: [Math.PI / 2, 0, 0] },
    {
      part: 'shaft',
      slot: 'metal',
      cylinder: [0.0035, 0.0035, 0.07],
      at: [0, 0.004, 0.012],
      rotate: [Math.PI / 2, 0, 0],
    },
    { part: 'bit', slot: 'metal', box: [0.014, 0.004, 0.006], at: [0.008, 0.004, 0.04] },
    { part: 'bit', slot: 'metal', box: [0.01, 0.004, 0.005], at: [0.006, 0.004, 0.03] },
  ],
});

export const dice = partListCategory({
  category: 'dice',
  family: 'game',
  names: ['dice', 'die', 'd6', 'game die', 'dado', 'de a jouer', 'wurfel'],
  slots: {
    body: { kinds: ['plastic'], colors: ['white', 'red', 'ivory', 'black'], words: ['die', 'body'], primary: true },
    pip: { kinds: ['solid'], colors: ['black', 'white'], words: ['pip', 'dot'] },
  },
  example: 'a pair of red dice',
  parts: () => {
    const size = 0.016;
    const half = size / 2;
    const specs: PartSpec[] = [{ part: 'die', slot: 'body', box: [size, size, size], at: [0, half, 0], bevel: 0.002 }];
    const face = (count: number, at: (u: number, v: number) => [number, number, number]) => {
      const layouts: Record<number, [number, number][]> = {
        1: [[0, 0]],
        2: [
          [-1, -1],
          [1, 1],
        ],
        3: [
          [-1, -1],
          [0, 0],
          [1, 1],
        ],
        4: [
          [-1, -1],
          [1, -1],
          [-1, 1],
          [1, 1],
        ],
        5: [
          [-1, -1],
          [1, -1],
          [0, 0],
          [-1, 1],
          [1, 1],
        ],
        6: [
          [-1, -1],
          [-1, 0],
          [-1, 1],
          [1, -1],
          [1, 0],
          [1, 1],
        ],
      };
      for (const [u, v] of layouts[count])
        specs.push({ part: 'pip', slot: 'pip', sphere: 0.0015, at: at(u * 0.0045, v * 0.0045) });
    };
    face(1, (u, v) => [u, size, v]);
    face(6, (u, v) => [u, 0, v]);
    face(2, (u, v) => [u, half + v, half]);
    face(5, (u, v) => [u, half + v, -half]);
    face(3, (u, v) => [half, half + v, u]);
    face(4, (u, v) => [-half, half + v, u]);
    return specs;
  },
});

export const trophy = partListCategory({
  category: 'trophy',
  family: 'game',
  names: ['trophy', 'trophy cup', 'cup trophy', 'award', 'prize', 'trofeo', 'trophee', 'pokal'],
  slots: {
    cup: { ...GOLD, words: ['cup', 'trophy', 'handle'] },
    base: { kinds: ['wood', 'marble'], colors: ['walnut', 'black'], words: ['base', 'plinth', 'stand'] },
  },
  example: 'a gold trophy cup',
  parts: [
    { part: 'base', slot: 'base', box: [0.12, 0.05, 0.12], at: [0, 0.025, 0], bevel: 0.004 },
    {
      part: 'cup',
      slot: 'cup',
      lathe: [
        [0, 0.05],
        [0.04, 0.05],
        [0.012, 0.07],
        [0.01, 0.13],
        [0.02, 0.14],
        [0.06, 0.18],
        [0.075, 0.25],
        [0.07, 0.25],
        [0.055, 0.185],
        [0, 0.16],
      ],
      segments: 32,
    },
    {
      part: 'handle',
      slot: 'cup',
      torus: [0.035, 0.005],
      arc: Math.PI,
      at: [0.07, 0.21, 0],
      rotate: [0, 0, -Math.PI / 2],
      mirror: true,
    },
  ],
});

export const lantern = partListCategory({
  category: 'lantern',
  family: 'game',
  names: ['lantern', 'oil lamp', 'paper lantern', 'camping lantern', 'linterna', 'lanterne', 'laterne'],
  slots: {
    frame: {
      kinds: ['metal'],
      colors: ['iron', 'brass', 'charcoal'],
      words: ['frame', 'handle', 'cap'],
      primary: true,
    },
    glass: { kinds: ['glass'], colors: ['amber', 'yellow', 'white'], words: ['glass', 'light', 'flame'] },
  },
  example: 'an old iron lantern',
  parts: [
    { part: 'base', slot: 'frame', cylinder: [0.07, 0.075, 0.03], at: [0, 0.015, 0], segments: 6 },
    { part: 'glass', slot: 'glass', cylinder: [0.06, 0.06, 0.15], at: [0, 0.105, 0], segments: 6 },
    ...ringPoints(6, 0.064, 0.105).map((at): PartSpec => ({
      part: 'bar',
      slot: 'frame',
      cylinder: [0.004, 0.004, 0.15],
      at,
    })),
    { part: 'cap', slot: 'frame', cylinder: [0.02, 0.078, 0.05], at: [0, 0.205, 0], segments: 6 },
    { part: 'handle', slot: 'frame', torus: [0.035, 0.004], arc: Math.PI, at: [0, 0.23, 0] },
  ],
});

export const torch = partListCategory({
  category: 'torch',
  family: 'game',
  names: ['torch', 'flaming torch', 'wall torch', 'flashlight', 'antorcha', 'torche', 'fackel'],
  variants: { flashlight: ['flashlight', 'electric'] },
  slots: {
    handle: {
      kinds: ['wood', 'metal'],
      colors: ['walnut', 'bark', 'charcoal'],
      words: ['handle', 'stick'],
      primary: true,
    },
    wrap: { kinds: ['fabric', 'metal'], colors: ['tan', 'iron'], words: ['wrap', 'cloth', 'head'] },
    flame: { kinds: ['solid'], colors: ['orange', 'amber', 'yellow'], words: ['flame', 'fire', 'light'] },
  },
  example: 'a flaming torch',
  parts: ({ variant }) =>
    variant === 'flashlight'
      ? [
          { part: 'handle', slot: 'handle', cylinder: [0.017, 0.017, 0.16], at: [0, 0.08, 0] },
          { part: 'head', slot: 'wrap', cylinder: [0.028, 0.018, 0.05], at: [0, 0.185, 0] },
          { part: 'light', slot: 'flame', cylinder: [0.025, 0.025, 0.003], at: [0, 0.211, 0] },
        ]
      : [
          { part: 'handle', slot: 'handle', cylinder: [0.02, 0.014, 0.45], at: [0, 0.225, 0] },
          { part: 'wrap', slot: 'wrap', cylinder: [0.03, 0.025, 0.08], at: [0, 0.46, 0] },
          {
            part: 'flame',
            slot: 'flame',
            lathe: [
              [0, 0.49],
              [0.035, 0.51],
              [0.03, 0.56],
              [0.012, 0.62],
              [0, 0.66],
            ],
          },
        ],
});

export const book = partListCategory({
  category: 'book',
  family: 'game',
  names: [
    'book',
    'spell book',
    'spellbook',
    'tome',
    'grimoire',
    'notebook',
    'diary',
    'bible',
    'libro',
    'livre',
    'buch',
  ],
  slots: {
    cover: {
      kinds: ['leather', 'paper'],
      colors: ['maroon', 'navy', 'brown', 'green', 'purple'],
      words: ['cover', 'spine'],
      primary: true,
    },
    pages: { kinds: ['paper'], colors: ['cream', 'ivory'], words: ['page', 'paper'] },
    trim: { kinds: ['gold', 'metal'], colors: ['gold', 'brass'], words: ['corner', 'clasp', 'trim', 'emblem'] },
  },
  counts: { books: { words: ['book'], default: 1, min: 1, max: 8 } },
  example: 'an old leather spell book',
  parts: ({ counts }) =>
    Array.from({ length: counts.books }, (_, index): PartSpec[] => {
      const y = index * 0.042;
      return [
        {
          part: 'cover',
          slot: 'cover',
          box: [0.17, 0.04, 0.24],
          at: [0, y + 0.02, 0],
          rotate: [0, index * 0.15, 0],
          bevel: 0.003,
        },
        {
          part: 'pages',
          slot: 'pages',
          box: [0.158, 0.032, 0.23],
          at: [0.008, y + 0.02, 0],
          rotate: [0, index * 0.15, 0],
        },
        { part: 'emblem', slot: 'trim', cylinder: [0.03, 0.03, 0.002], at: [0, y + 0.041, 0], segments: 6 },
      ];
    }).flat(),
});

export const scroll = partListCategory({
  category: 'scroll',
  family: 'game',
  names: ['scroll', 'parchment', 'treasure map', 'map', 'pergamino', 'parchemin', 'schriftrolle'],
  slots: {
    paper: { kinds: ['paper'], colors: ['cream', 'tan', 'sand'], words: ['paper', 'parchment'], primary: true },
    rod: { kinds: ['wood'], colors: ['walnut'], words: ['rod', 'handle'] },
    ribbon: { kinds: ['fabric'], colors: ['red', 'maroon'], words: ['ribbon', 'seal'] },
  },
  example: 'a rolled parchment scroll with a red ribbon',
  parts: [
    {
      part: 'roll',
      slot: 'paper',
      cylinder: [0.025, 0.025, 0.25],
      at: [0, 0.025, 0],
      rotate: [0, 0, Math.PI / 2],
      segments: 20,
    },
    { part: 'rod', slot: 'rod', cylinder: [0.006, 0.006, 0.3], at: [0, 0.025, 0], rotate: [0, 0, Math.PI / 2] },
    { part: 'ribbon', slot: 'ribbon', torus: [0.026, 0.004], at: [0, 0.025, 0], rotate: [0, Math.PI / 2, 0] },
  ],
});

export const staff = partListCategory({
  category: 'staff',
  family: 'weapon',
  names: [
    'staff',
    'magic staff',
    'wizard staff',
    'wand',
    'magic wand',
    'scepter',
    'sceptre',
    'walking stick',
    'cane',
    'baston',
    'baton',
    'stab',
  ],
  variants: { wand: ['wand'] },
  slots: {
    wood: {
      kinds: ['wood', 'bark'],
      colors: ['walnut', 'bark', 'oak'],
      words: ['shaft', 'wood', 'staff', 'handle'],
      primary: true,
    },
    orb: { kinds: ['glass'], colors: ['cyan', 'violet', 'red', 'lime'], words: ['orb', 'crystal', 'gem', 'jewel'] },
    trim: { kinds: ['gold', 'metal'], colors: ['gold', 'silver'], words: ['trim', 'claw', 'band'] },
  },
  optional: { orb: ['orb', 'crystal', 'gem'] },
  example: 'a wizard staff with a glowing blue crystal',
  parts: ({ variant, kit }) => {
    const length = variant === 'wand' ? 0.35 : 1.7;
    return [
      {
        part: 'shaft',
        slot: 'wood',
        cylinder: [length * 0.012, length * 0.009, length],
        at: [0, length / 2, 0],
        segments: 10,
      },
      {
        part: 'band',
        slot: 'trim',
        cylinder: [length * 0.016, length * 0.016, length * 0.03],
        at: [0, length * 0.94, 0],
      },
      ...(kit.has('orb')
        ? ([
            {
              part: 'claw',
              slot: 'trim',
              torus: [length * 0.028, length * 0.005],
              arc: Math.PI,
              at: [0, length * 1.0, 0],
              rotate: [0, 0, Math.PI],
            },
            { part: 'orb', slot: 'orb', sphere: length * 0.03, at: [0, length * 1.03, 0] },
          ] satisfies PartSpec[])
        : []),
    ];
  },
});
