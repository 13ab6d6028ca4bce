// Reads a texture_prompt.text for what a procedural texture can show: colour words (with light/dark/pale/bright
// modifiers) and material or pattern words, e.g. "weathered oak wood", "red and white stripes", "brushed steel",
// "green marble". The first colour named is the primary, the second the secondary; a material with no colour
// named takes its own typical colours. Nothing is invented beyond these words: a prompt with none of them gives a
// plain, neutral surface, and the matched words are reported so the result can be checked.

export type ProceduralPattern = 'plain' | 'wood' | 'marble' | 'stone' | 'metal' | 'brick' | 'fabric' | 'stripes' | 'checker' | 'dots' | 'blotches';

export interface MaterialSpec {
  pattern: ProceduralPattern;
  /** sRGB 0–255. */
  primary: [number, number, number];
  secondary: [number, number, number];
  roughness: number;
  metallic: number;
  matchedWords: string[];
  /** How many colours the text named (0: the colours are the material's own). */
  namedColourCount: number;
}

type Rgb = [number, number, number];

const COLOURS: Partial<Record<string, Rgb>> = {
  red: [196, 32, 36], crimson: [170, 20, 50], scarlet: [230, 40, 20], maroon: [110, 20, 30], pink: [240, 140, 170],
  orange: [240, 130, 30], peach: [250, 190, 150], yellow: [240, 210, 40], gold: [212, 175, 55], golden: [212, 175, 55],
  green: [50, 150, 60], lime: [150, 210, 50], olive: [110, 115, 40], emerald: [20, 140, 90], mint: [160, 225, 190],
  teal: [20, 128, 128], cyan: [40, 200, 220], turquoise: [60, 200, 190], blue: [40, 80, 200], navy: [25, 35, 90],
  sky: [120, 180, 235], indigo: [75, 40, 130], purple: [120, 50, 160], violet: [140, 80, 200], lavender: [190, 170, 225],
  magenta: [210, 40, 160], brown: [115, 75, 40], tan: [200, 165, 120], beige: [220, 205, 170], khaki: [190, 175, 120],
  cream: [245, 235, 205], ivory: [250, 245, 225], white: [240, 240, 238], black: [22, 22, 24], grey: [128, 128, 128],
  gray: [128, 128, 128], charcoal: [55, 58, 62], silver: [192, 194, 198], bronze: [160, 110, 50], copper: [184, 115, 70],
  rust: [150, 70, 30], rusty: [150, 70, 30],
};

interface MaterialEntry {
  pattern: ProceduralPattern;
  primary: Rgb;
  secondary: Rgb;
  roughness: number;
  metallic: number;
}

const MATERIALS: Partial<Record<string, MaterialEntry>> & Record<'metal', MaterialEntry> = {
  wood: { pattern: 'wood', primary: [150, 100, 58], secondary: [105, 65, 35], roughness: 0.7, metallic: 0 },
  wooden: { pattern: 'wood', primary: [150, 100, 58], secondary: [105, 65, 35], roughness: 0.7, metallic: 0 },
  oak: { pattern: 'wood', primary: [170, 125, 75], secondary: [125, 85, 45], roughness: 0.7, metallic: 0 },
  walnut: { pattern: 'wood', primary: [100, 65, 40], secondary: [65, 40, 25], roughness: 0.65, metallic: 0 },
  pine: { pattern: 'wood', primary: [210, 170, 115], secondary: [170, 120, 70], roughness: 0.75, metallic: 0 },
  marble: { pattern: 'marble', primary: [235, 235, 230], secondary: [120, 120, 125], roughness: 0.25, metallic: 0 },
  stone: { pattern: 'stone', primary: [135, 130, 122], secondary: [95, 92, 88], roughness: 0.9, metallic: 0 },
  rock: { pattern: 'stone', primary: [120, 112, 100], secondary: [80, 75, 68], roughness: 0.95, metallic: 0 },
  granite: { pattern: 'stone', primary: [150, 145, 145], secondary: [60, 58, 60], roughness: 0.6, metallic: 0 },
  concrete: { pattern: 'stone', primary: [165, 163, 158], secondary: [135, 133, 128], roughness: 0.95, metallic: 0 },
  metal: { pattern: 'metal', primary: [170, 172, 176], secondary: [130, 132, 136], roughness: 0.35, metallic: 1 },
  metallic: { pattern: 'metal', primary: [170, 172, 176], secondary: [130, 132, 136], roughness: 0.35, metallic: 1 },
  steel: { pattern: 'metal', primary: [160, 164, 170], secondary: [120, 124, 130], roughness: 0.3, metallic: 1 },
  iron: { pattern: 'metal', primary: [110, 110, 112], secondary: [80, 80, 82], roughness: 0.55, metallic: 1 },
  chrome: { pattern: 'metal', primary: [220, 222, 226], secondary: [190, 192, 196], roughness: 0.08, metallic: 1 },
  aluminium: { pattern: 'metal', primary: [200, 202, 205], secondary: [170, 172, 175], roughness: 0.3, metallic: 1 },
  aluminum: { pattern: 'metal', primary: [200, 202, 205], secondary: [170, 172, 175], roughness: 0.3, metallic: 1 },
  brick: { pattern: 'brick', primary: [160, 70, 50], secondary: [200, 195, 185], roughness: 0.9, metallic: 0 },
  bricks: { pattern: 'brick', primary: [160, 70, 50], secondary: [200, 195, 185], roughness: 0.9, metallic: 0 },
  fabric: { pattern: 'fabric', primary: [120, 120, 150], secondary: [95, 95, 120], roughness: 0.95, metallic: 0 },
  cloth: { pattern: 'fabric', primary: [120, 120, 150], secondary: [95, 95, 120], roughness: 0.95, metallic: 0 },
  cotton: { pattern: 'fabric', primary: [235, 232, 225], secondary: [205, 200, 195], roughness: 0.95, metallic: 0 },
  wool: { pattern: 'fabric', primary: [200, 190, 170], secondary: [165, 155, 140], roughness: 1, metallic: 0 },
  denim: { pattern: 'fabric', primary: [55, 85, 140], secondary: [40, 60, 105], roughness: 0.9, metallic: 0 },
  leather: { pattern: 'blotches', primary: [110, 65, 35], secondary: [85, 48, 25], roughness: 0.6, metallic: 0 },
  plastic: { pattern: 'plain', primary: [200, 200, 200], secondary: [180, 180, 180], roughness: 0.4, metallic: 0 },
  rubber: { pattern: 'plain', primary: [40, 40, 42], secondary: [30, 30, 32], roughness: 0.95, metallic: 0 },
  ceramic: { pattern: 'plain', primary: [240, 238, 232], secondary: [225, 222, 215], roughness: 0.15, metallic: 0 },
  porcelain: { pattern: 'plain', primary: [245, 245, 242], secondary: [230, 230, 228], roughness: 0.1, metallic: 0 },
  glass: { pattern: 'plain', primary: [200, 225, 230], secondary: [180, 205, 210], roughness: 0.05, metallic: 0 },
  clay: { pattern: 'plain', primary: [185, 120, 90], secondary: [165, 105, 78], roughness: 0.85, metallic: 0 },
  stripes: { pattern: 'stripes', primary: [200, 40, 40], secondary: [240, 240, 238], roughness: 0.6, metallic: 0 },
  striped: { pattern: 'stripes', primary: [200, 40, 40], secondary: [240, 240, 238], roughness: 0.6, metallic: 0 },
  checker: { pattern: 'checker', primary: [30, 30, 30], secondary: [235, 235, 235], roughness: 0.6, metallic: 0 },
  checkered: { pattern: 'checker', primary: [30, 30, 30], secondary: [235, 235, 235], roughness: 0.6, metallic: 0 },
  plaid: { pattern: 'checker', primary: [170, 40, 40], secondary: [40, 60, 40], roughness: 0.9, metallic: 0 },
  dots: { pattern: 'dots', primary: [240, 240, 238], secondary: [200, 40, 40], roughness: 0.6, metallic: 0 },
  dotted: { pattern: 'dots', primary: [240, 240, 238], secondary: [200, 40, 40], roughness: 0.6, metallic: 0 },
  polka: { pattern: 'dots', primary: [240, 240, 238], secondary: [200, 40, 40], roughness: 0.6, metallic: 0 },
  spotted: { pattern: 'dots', primary: [220, 190, 120], secondary: [70, 45, 25], roughness: 0.8, metallic: 0 },
  camouflage: { pattern: 'blotches', primary: [95, 110, 60], secondary: [60, 55, 35], roughness: 0.9, metallic: 0 },
  camo: { pattern: 'blotches', primary: [95, 110, 60], secondary: [60, 55, 35], roughness: 0.9, metallic: 0 },
  moss: { pattern: 'blotches', primary: [80, 120, 45], secondary: [55, 85, 30], roughness: 0.95, metallic: 0 },
  grass: { pattern: 'blotches', primary: [75, 140, 50], secondary: [55, 105, 35], roughness: 0.95, metallic: 0 },
  sand: { pattern: 'stone', primary: [215, 190, 140], secondary: [190, 165, 115], roughness: 0.95, metallic: 0 },
};

/** Metal colours that also mean a metal material. */
const METAL_COLOURS = new Set(['gold', 'golden', 'silver', 'bronze', 'copper', 'chrome']);

const MODIFIERS: Partial<Record<string, (rgb: Rgb) => Rgb>> = {
  dark: (rgb) => rgb.map((value) => Math.round(value * 0.55)) as Rgb,
  deep: (rgb) => rgb.map((value) => Math.round(value * 0.7)) as Rgb,
  light: (rgb) => rgb.map((value) => Math.round(value + (255 - value) * 0.45)) as Rgb,
  pale: (rgb) => rgb.map((value) => Math.round(value + (255 - value) * 0.6)) as Rgb,
  bright: (rgb) => {
    const max = Math.max(...rgb, 1);
    return rgb.map((value) => Math.min(255, Math.round((value / max) * 255))) as Rgb;
  },
};

const NEUTRAL: MaterialEntry = { pattern: 'plain', primary: [180, 180, 178], secondary: [160, 160, 158], roughness: 0.6, metallic: 0 };

export function parseTexturePrompt(text: string): MaterialSpec {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const colours: Rgb[] = [];
  const matchedWords: string[] = [];
  let material: MaterialEntry | undefined;
  let patternEntry: MaterialEntry | undefined;
  let metalFromColour = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    const colour = COLOURS[word];
    if (colour) {
      const modifier = MODIFIERS[words[index - 1] ?? ''];
      colours.push(modifier ? modifier(colour) : colour);
      matchedWords.push(modifier ? `${words[index - 1]} ${word}` : word);
      if (METAL_COLOURS.has(word)) metalFromColour = true;
      continue;
    }
    const entry = MATERIALS[word];
    if (!entry) continue;
    matchedWords.push(word);
    // A material and a pattern combine ("striped wood": wood's finish, stripes' layout); the first of each wins.
    if (isPatternWord(entry)) patternEntry ??= entry;
    else material ??= entry;
  }
  const base = material ?? patternEntry ?? (metalFromColour ? { ...MATERIALS.metal, roughness: 0.3 } : NEUTRAL);
  const primary = colours[0] ?? base.primary;
  const secondary = colours[1] ?? (colours[0] ? (patternEntry ? patternEntry.secondary : shade(colours[0], base)) : base.secondary);
  return {
    pattern: patternEntry?.pattern ?? base.pattern,
    primary,
    secondary,
    roughness: base.roughness,
    metallic: metalFromColour && !material ? 1 : base.metallic,
    matchedWords,
    namedColourCount: colours.length,
  };
}

function isPatternWord(entry: MaterialEntry): boolean {
  return entry.pattern === 'stripes' || entry.pattern === 'checker' || entry.pattern === 'dots';
}

/** The secondary colour for a single named colour: the material's own contrast applied to it. */
function shade(colour: Rgb, base: MaterialEntry): Rgb {
  const ratio = (base.secondary[0] + base.secondary[1] + base.secondary[2] + 1) / (base.primary[0] + base.primary[1] + base.primary[2] + 1);
  return colour.map((value) => Math.max(0, Math.min(255, Math.round(value * ratio)))) as Rgb;
}
