// edit_multiview_image on the CPU understands a small vocabulary of image edits, found as words in the
// prompt, applied to the object (never the background) in the order they appear: a colour ("make it red",
// "navy blue"), lightness ("brighter", "darker"), saturation ("desaturate", "black and white", "vivid"),
// contrast, and material words that map to a colour treatment ("golden", "wooden", "metallic", "marble").
// A prompt with none of them is refused before anything is charged: the built-in engine cannot invent
// content, and silently returning the image unchanged would be wrong.

export type ImageEdit =
  | { kind: 'recolour'; word: string; rgb: [number, number, number]; contrast?: number }
  | { kind: 'lightness'; word: string; factor: number }
  | { kind: 'saturation'; word: string; factor: number }
  | { kind: 'contrast'; word: string; factor: number };

const COLOURS: Record<string, [number, number, number]> = {
  red: [200, 32, 32],
  crimson: [170, 20, 50],
  scarlet: [230, 40, 20],
  maroon: [120, 20, 30],
  orange: [235, 120, 20],
  amber: [240, 170, 30],
  yellow: [240, 210, 40],
  green: [40, 160, 60],
  lime: [140, 210, 40],
  olive: [110, 120, 40],
  emerald: [20, 150, 90],
  teal: [0, 128, 128],
  cyan: [0, 190, 200],
  turquoise: [50, 200, 190],
  blue: [40, 80, 200],
  navy: [20, 35, 100],
  azure: [40, 130, 230],
  indigo: [70, 40, 140],
  purple: [120, 50, 160],
  violet: [140, 80, 200],
  lavender: [180, 160, 225],
  magenta: [200, 40, 160],
  pink: [240, 130, 170],
  brown: [120, 75, 40],
  beige: [220, 200, 160],
  tan: [200, 160, 110],
  black: [22, 22, 22],
  white: [242, 242, 242],
  grey: [128, 128, 128],
  gray: [128, 128, 128],
};

/** Material words: a colour treatment that suggests the material (the image stays an image). */
const MATERIALS: Record<string, { rgb: [number, number, number]; contrast: number }> = {
  gold: { rgb: [212, 170, 55], contrast: 1.25 },
  golden: { rgb: [212, 170, 55], contrast: 1.25 },
  silver: { rgb: [190, 192, 198], contrast: 1.3 },
  chrome: { rgb: [200, 204, 210], contrast: 1.45 },
  metal: { rgb: [150, 155, 162], contrast: 1.35 },
  metallic: { rgb: [150, 155, 162], contrast: 1.35 },
  steel: { rgb: [140, 146, 156], contrast: 1.3 },
  iron: { rgb: [90, 92, 96], contrast: 1.2 },
  bronze: { rgb: [176, 120, 60], contrast: 1.25 },
  copper: { rgb: [184, 110, 60], contrast: 1.25 },
  wood: { rgb: [140, 95, 55], contrast: 1.1 },
  wooden: { rgb: [140, 95, 55], contrast: 1.1 },
  stone: { rgb: [135, 130, 122], contrast: 1.05 },
  marble: { rgb: [230, 228, 222], contrast: 0.9 },
  concrete: { rgb: [150, 150, 145], contrast: 0.95 },
  clay: { rgb: [185, 110, 80], contrast: 0.9 },
};

const PHRASES: [RegExp, (word: string) => ImageEdit][] = [
  [/\bblack\s+and\s+white\b|\bb\s*&\s*w\b/, (word) => ({ kind: 'saturation', word, factor: 0 })],
  [
    /\b(desaturate[sd]?|grayscale|greyscale|monochrome|colou?rless)\b/,
    (word) => ({ kind: 'saturation', word, factor: 0 }),
  ],
  [/\b(muted|faded|washed[- ]out|pastel)\b/, (word) => ({ kind: 'saturation', word, factor: 0.5 })],
  [/\b(saturated?|vivid|vibrant|colou?rful)\b/, (word) => ({ kind: 'saturation', word, factor: 1.5 })],
  [/\b(brighter|brighten|lighter|lighten|bright)\b/, (word) => ({ kind: 'lightness', word, factor: 1.25 })],
  [/\b(darker|darken|dimmer|dim|dark)\b/, (word) => ({ kind: 'lightness', word, factor: 0.72 })],
  [/\b(more\s+contrast|high\s+contrast|contrasty|punchier)\b/, (word) => ({ kind: 'contrast', word, factor: 1.3 })],
  [/\b(less\s+contrast|low\s+contrast|softer)\b/, (word) => ({ kind: 'contrast', word, factor: 0.75 })],
];

export const EDIT_VOCABULARY_HINT =
  'a colour (red, navy, pink, ...), brighter/darker, desaturate/black and white/vivid, more/less contrast, or a material word (golden, silver, metallic, wooden, marble, ...)';

/** The edits a prompt asks for, in prompt order; empty when it names none the engine knows. */
export function parseEditPrompt(prompt: string): ImageEdit[] {
  const text = prompt.toLowerCase();
  const found: { at: number; edit: ImageEdit }[] = [];
  const taken: [number, number][] = [];
  for (const [pattern, make] of PHRASES) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of text.matchAll(global)) {
      const at = match.index ?? 0;
      taken.push([at, at + match[0].length]);
      found.push({ at, edit: make(match[0]) });
    }
  }
  for (const match of text.matchAll(/[a-z]+/g)) {
    const at = match.index ?? 0;
    if (taken.some(([start, end]) => at >= start && at < end)) continue;
    const word = match[0];
    const material = MATERIALS[word];
    if (material) found.push({ at, edit: { kind: 'recolour', word, rgb: material.rgb, contrast: material.contrast } });
    else if (COLOURS[word]) found.push({ at, edit: { kind: 'recolour', word, rgb: COLOURS[word] } });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.edit);
}
