// The words a texture prompt is read with: colours (sRGB) and their light/dark modifiers, materials and patterns
// with the colours they have when the prompt names none, and the connecting words that mean nothing themselves.
export type ProceduralPattern =
  | 'plain'
  | 'wood'
  | 'marble'
  | 'stone'
  | 'metal'
  | 'brick'
  | 'fabric'
  | 'stripes'
  | 'checker'
  | 'dots'
  | 'blotches'
  | 'spots'
  | 'tartan'
  | 'camouflage'
  | 'porcelain'
  | 'gradient'
  | 'leopard'
  | 'giraffe'
  | 'zebra'
  | 'hearts'
  | 'stars'
  | 'zigzag'
  | 'hexagons'
  | 'scales';

export type Rgb = [number, number, number];

export const COLOURS: Partial<Record<string, Rgb>> = {
  red: [196, 32, 36],
  crimson: [170, 20, 50],
  scarlet: [230, 40, 20],
  maroon: [110, 20, 30],
  pink: [240, 140, 170],
  orange: [240, 130, 30],
  peach: [250, 190, 150],
  yellow: [240, 210, 40],
  gold: [212, 175, 55],
  golden: [212, 175, 55],
  green: [50, 150, 60],
  lime: [150, 210, 50],
  olive: [110, 115, 40],
  emerald: [20, 140, 90],
  mint: [160, 225, 190],
  teal: [20, 128, 128],
  cyan: [40, 200, 220],
  turquoise: [60, 200, 190],
  blue: [40, 80, 200],
  navy: [25, 35, 90],
  sky: [120, 180, 235],
  indigo: [75, 40, 130],
  purple: [120, 50, 160],
  violet: [140, 80, 200],
  lavender: [190, 170, 225],
  magenta: [210, 40, 160],
  brown: [115, 75, 40],
  tan: [200, 165, 120],
  beige: [220, 205, 170],
  khaki: [190, 175, 120],
  cream: [245, 235, 205],
  ivory: [250, 245, 225],
  white: [240, 240, 238],
  black: [22, 22, 24],
  grey: [128, 128, 128],
  gray: [128, 128, 128],
  charcoal: [55, 58, 62],
  silver: [192, 194, 198],
  bronze: [160, 110, 50],
  copper: [184, 115, 70],
  rust: [150, 70, 30],
  rusty: [150, 70, 30],
  cobalt: [30, 70, 170],
  aqua: [80, 210, 210],
  coral: [250, 120, 100],
  salmon: [244, 140, 110],
};

export interface MaterialEntry {
  pattern: ProceduralPattern;
  primary: Rgb;
  secondary: Rgb;
  roughness: number;
  metallic: number;
}

const entry = (
  pattern: ProceduralPattern,
  primary: Rgb,
  secondary: Rgb,
  roughness: number,
  metallic = 0,
): MaterialEntry => ({ pattern, primary, secondary, roughness, metallic });

/** Material words: their look, and the colours they have when the prompt names none. */
export const MATERIALS: Partial<Record<string, MaterialEntry>> & Record<'metal', MaterialEntry> = {
  wood: entry('wood', [150, 100, 58], [105, 65, 35], 0.7),
  wooden: entry('wood', [150, 100, 58], [105, 65, 35], 0.7),
  oak: entry('wood', [170, 125, 75], [125, 85, 45], 0.7),
  walnut: entry('wood', [100, 65, 40], [65, 40, 25], 0.65),
  pine: entry('wood', [210, 170, 115], [170, 120, 70], 0.75),
  mahogany: entry('wood', [120, 50, 34], [80, 30, 20], 0.6),
  grain: entry('wood', [150, 100, 58], [105, 65, 35], 0.7),
  marble: entry('marble', [235, 235, 230], [120, 120, 125], 0.25),
  marbled: entry('marble', [235, 235, 230], [120, 120, 125], 0.25),
  stone: entry('stone', [135, 130, 122], [95, 92, 88], 0.9),
  rock: entry('stone', [120, 112, 100], [80, 75, 68], 0.95),
  granite: entry('stone', [150, 145, 145], [60, 58, 60], 0.6),
  concrete: entry('stone', [165, 163, 158], [135, 133, 128], 0.95),
  sand: entry('stone', [215, 190, 140], [190, 165, 115], 0.95),
  metal: entry('metal', [170, 172, 176], [130, 132, 136], 0.35, 1),
  metallic: entry('metal', [170, 172, 176], [130, 132, 136], 0.35, 1),
  steel: entry('metal', [160, 164, 170], [120, 124, 130], 0.3, 1),
  iron: entry('metal', [110, 110, 112], [80, 80, 82], 0.55, 1),
  chrome: entry('metal', [220, 222, 226], [190, 192, 196], 0.08, 1),
  aluminium: entry('metal', [200, 202, 205], [170, 172, 175], 0.3, 1),
  aluminum: entry('metal', [200, 202, 205], [170, 172, 175], 0.3, 1),
  brick: entry('brick', [160, 70, 50], [200, 195, 185], 0.9),
  bricks: entry('brick', [160, 70, 50], [200, 195, 185], 0.9),
  fabric: entry('fabric', [120, 120, 150], [95, 95, 120], 0.95),
  cloth: entry('fabric', [120, 120, 150], [95, 95, 120], 0.95),
  cotton: entry('fabric', [235, 232, 225], [205, 200, 195], 0.95),
  wool: entry('fabric', [200, 190, 170], [165, 155, 140], 1),
  knitted: entry('fabric', [200, 190, 170], [165, 155, 140], 1),
  denim: entry('fabric', [55, 85, 140], [40, 60, 105], 0.9),
  leather: entry('blotches', [110, 65, 35], [85, 48, 25], 0.6),
  plastic: entry('plain', [200, 200, 200], [180, 180, 180], 0.4),
  rubber: entry('plain', [40, 40, 42], [30, 30, 32], 0.95),
  ceramic: entry('plain', [240, 238, 232], [225, 222, 215], 0.15),
  porcelain: entry('plain', [245, 245, 242], [230, 230, 228], 0.1),
  glass: entry('plain', [200, 225, 230], [180, 205, 210], 0.05),
  clay: entry('plain', [185, 120, 90], [165, 105, 78], 0.85),
  terracotta: entry('plain', [196, 100, 64], [170, 85, 55], 0.85),
  moss: entry('blotches', [80, 120, 45], [55, 85, 30], 0.95),
  grass: entry('blotches', [75, 140, 50], [55, 105, 35], 0.95),
  fur: entry('fabric', [160, 120, 80], [120, 85, 55], 1),
  velvet: entry('fabric', [120, 30, 60], [90, 20, 45], 0.9),
  silk: entry('fabric', [230, 220, 200], [200, 190, 170], 0.35),
};

/** Pattern words and the colours a pattern has when the prompt names none (base, pattern). */
export const PATTERNS: Partial<Record<string, MaterialEntry>> = {
  stripe: entry('stripes', [240, 240, 238], [200, 40, 40], 0.6),
  stripes: entry('stripes', [240, 240, 238], [200, 40, 40], 0.6),
  striped: entry('stripes', [240, 240, 238], [200, 40, 40], 0.6),
  stripy: entry('stripes', [240, 240, 238], [200, 40, 40], 0.6),
  pinstripe: entry('stripes', [30, 35, 60], [200, 200, 200], 0.6),
  check: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  checks: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  checked: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  checker: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  checkered: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  checkerboard: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  chequered: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  checkered_board: entry('checker', [235, 235, 235], [30, 30, 30], 0.6),
  gingham: entry('checker', [240, 240, 238], [200, 40, 40], 0.8),
  dot: entry('dots', [240, 240, 238], [200, 40, 40], 0.6),
  dots: entry('dots', [240, 240, 238], [200, 40, 40], 0.6),
  dotted: entry('dots', [240, 240, 238], [200, 40, 40], 0.6),
  polka: entry('dots', [240, 240, 238], [200, 40, 40], 0.6),
  spot: entry('spots', [220, 190, 120], [70, 45, 25], 0.8),
  spots: entry('spots', [220, 190, 120], [70, 45, 25], 0.8),
  spotted: entry('spots', [220, 190, 120], [70, 45, 25], 0.8),
  speckled: entry('spots', [220, 215, 205], [70, 60, 50], 0.8),
  dalmatian: entry('spots', [240, 240, 238], [22, 22, 24], 0.8),
  plaid: entry('tartan', [170, 40, 40], [30, 50, 40], 0.9),
  tartan: entry('tartan', [170, 40, 40], [30, 50, 40], 0.9),
  camo: entry('camouflage', [95, 110, 60], [60, 55, 35], 0.9),
  camouflage: entry('camouflage', [95, 110, 60], [60, 55, 35], 0.9),
  willow: entry('porcelain', [245, 245, 242], [30, 60, 160], 0.12),
  delft: entry('porcelain', [245, 245, 242], [30, 60, 160], 0.12),
  ming: entry('porcelain', [245, 245, 242], [30, 60, 160], 0.12),
  chinoiserie: entry('porcelain', [245, 245, 242], [30, 60, 160], 0.12),
  gradient: entry('gradient', [240, 130, 30], [120, 50, 160], 0.5),
  ombre: entry('gradient', [240, 130, 30], [120, 50, 160], 0.5),
  fade: entry('gradient', [240, 130, 30], [120, 50, 160], 0.5),
  faded: entry('gradient', [240, 130, 30], [120, 50, 160], 0.5),
  leopard: entry('leopard', [215, 165, 90], [35, 25, 20], 0.85),
  cheetah: entry('leopard', [215, 165, 90], [35, 25, 20], 0.85),
  jaguar: entry('leopard', [215, 165, 90], [35, 25, 20], 0.85),
  giraffe: entry('giraffe', [240, 225, 190], [150, 90, 40], 0.85),
  zebra: entry('zebra', [240, 240, 238], [22, 22, 24], 0.85),
  tiger: entry('zebra', [240, 130, 30], [22, 22, 24], 0.85),
  heart: entry('hearts', [240, 140, 170], [240, 240, 238], 0.5),
  hearts: entry('hearts', [240, 140, 170], [240, 240, 238], 0.5),
  star: entry('stars', [25, 35, 90], [240, 210, 40], 0.5),
  stars: entry('stars', [25, 35, 90], [240, 210, 40], 0.5),
  starry: entry('stars', [25, 35, 90], [240, 210, 40], 0.5),
  zigzag: entry('zigzag', [240, 240, 238], [22, 22, 24], 0.6),
  chevron: entry('zigzag', [240, 240, 238], [22, 22, 24], 0.6),
  hexagon: entry('hexagons', [240, 210, 40], [115, 75, 40], 0.6),
  hexagons: entry('hexagons', [240, 210, 40], [115, 75, 40], 0.6),
  honeycomb: entry('hexagons', [240, 210, 40], [115, 75, 40], 0.6),
  scale: entry('scales', [50, 150, 60], [20, 80, 40], 0.5),
  scales: entry('scales', [50, 150, 60], [20, 80, 40], 0.5),
  scaly: entry('scales', [50, 150, 60], [20, 80, 40], 0.5),
  blotchy: entry('blotches', [200, 200, 200], [120, 120, 120], 0.8),
};

/** Prints that name their own layout, kept when a generic pattern word follows. */
export const SPECIFIC_PATTERNS = new Set([
  'zebra',
  'tiger',
  'leopard',
  'cheetah',
  'jaguar',
  'giraffe',
  'dalmatian',
  'willow',
  'delft',
  'ming',
  'chinoiserie',
  'tartan',
  'plaid',
  'gingham',
  'camo',
  'camouflage',
  'honeycomb',
  'checkerboard',
]);

/** Metal colours that also mean a metal material. */
export const METAL_COLOURS = new Set(['gold', 'golden', 'silver', 'bronze', 'copper', 'chrome']);
/** Words that join colours and patterns without meaning anything themselves. */
export const CONNECTING_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'with',
  'on',
  'in',
  'of',
  'from',
  'to',
  'into',
  'or',
  'some',
  'all',
  'over',
  'pattern',
  'patterned',
  'print',
  'printed',
  'texture',
  'textured',
  'colour',
  'color',
  'coloured',
  'colored',
  'finish',
  'surface',
  'style',
  'like',
  'made',
  'look',
  'very',
  'little',
  'small',
  'big',
  'large',
  'tiny',
  'thin',
  'thick',
  'wide',
  'narrow',
  'lots',
  'many',
  'vein',
  'veins',
  'veined',
  'veining',
  'motif',
  'motifs',
  'design',
  'brushed',
  'polished',
  'glossy',
  'shiny',
  'matte',
  'weathered',
  'worn',
  'old',
  'aged',
  'rough',
  'smooth',
]);

export const MODIFIERS: Partial<Record<string, (rgb: Rgb) => Rgb>> = {
  dark: (rgb) => rgb.map((value) => Math.round(value * 0.55)) as Rgb,
  deep: (rgb) => rgb.map((value) => Math.round(value * 0.7)) as Rgb,
  light: (rgb) => rgb.map((value) => Math.round(value + (255 - value) * 0.45)) as Rgb,
  pale: (rgb) => rgb.map((value) => Math.round(value + (255 - value) * 0.6)) as Rgb,
  pastel: (rgb) => rgb.map((value) => Math.round(value + (255 - value) * 0.5)) as Rgb,
  bright: (rgb) => {
    const max = Math.max(...rgb, 1);
    return rgb.map((value) => Math.min(255, Math.round((value / max) * 255))) as Rgb;
  },
};

export const NEUTRAL: MaterialEntry = entry('plain', [180, 180, 178], [160, 160, 158], 0.6);
