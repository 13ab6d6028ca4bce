// Named colours (sRGB, 0–255) the prompt parser recognises and the generators' palettes use, with a few
// words in Spanish, French and German mapped to the same names.

export type Rgb = readonly [number, number, number];

export const COLOUR_NAMES: Readonly<Record<string, Rgb>> = {
  red: [196, 32, 38],
  crimson: [170, 20, 50],
  maroon: [110, 24, 30],
  orange: [236, 120, 30],
  amber: [230, 160, 40],
  yellow: [240, 206, 40],
  gold: [212, 170, 60],
  lime: [150, 210, 50],
  green: [46, 140, 60],
  olive: [120, 124, 48],
  teal: [30, 128, 128],
  turquoise: [50, 190, 180],
  cyan: [40, 190, 220],
  blue: [40, 84, 190],
  navy: [24, 36, 90],
  purple: [118, 52, 160],
  violet: [146, 90, 200],
  magenta: [200, 40, 150],
  pink: [236, 130, 170],
  brown: [120, 74, 40],
  tan: [196, 160, 112],
  beige: [220, 200, 164],
  cream: [240, 230, 200],
  ivory: [246, 240, 220],
  white: [238, 238, 234],
  silver: [190, 194, 200],
  grey: [128, 130, 134],
  charcoal: [58, 60, 64],
  black: [28, 28, 30],
  // wood, stone and nature tones used by the palettes
  oak: [176, 128, 78],
  pine: [214, 176, 120],
  walnut: [100, 64, 40],
  mahogany: [120, 50, 34],
  birch: [226, 206, 168],
  bamboo: [210, 190, 120],
  terracotta: [196, 100, 64],
  sand: [214, 190, 140],
  slate: [90, 100, 110],
  copper: [184, 110, 64],
  bronze: [160, 110, 56],
  brass: [200, 168, 80],
  steel: [150, 156, 162],
  iron: [96, 98, 100],
  leaf: [70, 130, 50],
  moss: [90, 110, 50],
  bark: [96, 70, 50],
  skin: [230, 186, 150],
  snow: [246, 248, 252],
  ginger: [206, 120, 56],
  mint: [160, 224, 190],
  peach: [246, 190, 150],
  salmon: [244, 140, 110],
  lavender: [190, 170, 226],
  tortoise: [110, 70, 36],
};

/** Synonyms and other languages → a key of COLOUR_NAMES. */
export const COLOUR_SYNONYMS: Readonly<Record<string, string>> = {
  gray: 'grey',
  golden: 'gold',
  silvery: 'silver',
  scarlet: 'red',
  ruby: 'red',
  lavender: 'violet',
  indigo: 'navy',
  azure: 'blue',
  emerald: 'green',
  jade: 'green',
  khaki: 'tan',
  chocolate: 'walnut',
  coffee: 'walnut',
  rust: 'terracotta',
  ebony: 'black',
  // Spanish
  rojo: 'red',
  roja: 'red',
  azul: 'blue',
  verde: 'green',
  amarillo: 'yellow',
  amarilla: 'yellow',
  negro: 'black',
  negra: 'black',
  blanco: 'white',
  blanca: 'white',
  rosa: 'pink',
  morado: 'purple',
  gris: 'grey',
  marron: 'brown',
  naranja: 'orange',
  // French
  rouge: 'red',
  bleu: 'blue',
  bleue: 'blue',
  vert: 'green',
  verte: 'green',
  jaune: 'yellow',
  noir: 'black',
  noire: 'black',
  blanc: 'white',
  blanche: 'white',
  violet: 'violet',
  // German
  rot: 'red',
  rote: 'red',
  roter: 'red',
  blau: 'blue',
  blaue: 'blue',
  blauer: 'blue',
  grun: 'green',
  grune: 'green',
  gelb: 'yellow',
  gelbe: 'yellow',
  schwarz: 'black',
  schwarze: 'black',
  weiss: 'white',
  weisse: 'white',
  braun: 'brown',
};

/** Words that lighten or darken the colour that follows them. */
export const COLOUR_MODIFIERS: Readonly<Record<string, number>> = {
  light: 0.45,
  pale: 0.55,
  pastel: 0.5,
  bright: 0.15,
  dark: -0.45,
  deep: -0.3,
};

/** Mixes towards white (amount > 0) or black (amount < 0). */
export function tintColour(rgb: Rgb, amount: number): Rgb {
  const target = amount >= 0 ? 255 : 0;
  const share = Math.min(1, Math.abs(amount));
  return rgb.map((channel) => Math.round(channel + (target - channel) * share)) as unknown as Rgb;
}

/** Pushes a colour away from grey (amount > 0) or towards it (amount < 0). */
export function saturateColour(rgb: Rgb, amount: number): Rgb {
  const grey = (rgb[0] + rgb[1] + rgb[2]) / 3;
  return rgb.map((channel) =>
    Math.round(Math.min(255, Math.max(0, grey + (channel - grey) * (1 + amount)))),
  ) as unknown as Rgb;
}

export function srgbToLinear(channel: number): number {
  const value = channel / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}
