// Reads a texture_prompt.text for what a procedural texture can show: colour words (with light/dark/pale/bright
// modifiers), a material ("weathered oak wood", "brushed steel", "white marble") and a pattern (spots, polka dots,
// stripes, checks, tartan, camouflage, porcelain blue-and-white, gradient, leopard, giraffe, zebra, hearts, stars,
// zigzag, hexagons, scales). Colours bind to what they describe: a run of colours right before a pattern word is
// the pattern's colours ("white with brown spots": brown spots on white; "red and white stripes": both), other
// colours are the base; "from orange to purple" orders a gradient. Nothing is invented beyond these words: a prompt
// with none of them gives a plain, neutral surface. What was used and what was not is reported.

import { bindColours, type ColourWord } from './bind-texture-colours.ts';
import {
  COLOURS,
  CONNECTING_WORDS,
  MATERIALS,
  METAL_COLOURS,
  MODIFIERS,
  NEUTRAL,
  PATTERNS,
  SPECIFIC_PATTERNS,
  type MaterialEntry,
  type ProceduralPattern,
} from './texture-prompt-vocabulary.ts';

export type { ProceduralPattern } from './texture-prompt-vocabulary.ts';

export interface MaterialSpec {
  pattern: ProceduralPattern;
  /** sRGB 0–255: the base colour and the pattern's colour. */
  primary: [number, number, number];
  secondary: [number, number, number];
  roughness: number;
  metallic: number;
  matchedWords: string[];
  /** How many colours the text named (0: the colours are the material's own). */
  namedColourCount: number;
  /** The colour names used, base first. */
  colourNames: string[];
  /** The material word used, if any. */
  material?: string;
  /** Words that were neither a colour, a material, a pattern nor a connecting word. */
  ignoredWords: string[];
}

export function parseTexturePrompt(text: string): MaterialSpec {
  const words: string[] =
    text
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .match(/[a-z]+/g) ?? [];
  const colours: ColourWord[] = [];
  const matchedWords: string[] = [];
  const ignoredWords: string[] = [];
  let material: MaterialEntry | undefined;
  let materialWord: string | undefined;
  let pattern: { entry: MaterialEntry; index: number } | undefined;
  let metalFromColour = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    const colour = COLOURS[word];
    if (colour) {
      const modifier = MODIFIERS[words[index - 1] ?? ''];
      const name = modifier ? `${words[index - 1]} ${word}` : word;
      colours.push({ index, rgb: modifier ? modifier(colour) : colour, name });
      matchedWords.push(name);
      if (METAL_COLOURS.has(word)) metalFromColour = true;
      continue;
    }
    if (MODIFIERS[word] && (COLOURS[words[index + 1] ?? ''] || MATERIALS[words[index + 1] ?? ''])) continue;
    const patternEntry = PATTERNS[word];
    if (patternEntry) {
      matchedWords.push(word);
      // a specific print beats a generic word after it ("zebra stripes", "leopard print spots")
      if (!pattern || !SPECIFIC_PATTERNS.has(words[pattern.index])) pattern = { entry: patternEntry, index };
      continue;
    }
    const materialEntry = MATERIALS[word];
    if (materialEntry) {
      matchedWords.push(word);
      if (!material) {
        // "dark wood": a colour modifier before a material tints the material's own colours
        const modifier = MODIFIERS[words[index - 1] ?? ''];
        material = modifier
          ? { ...materialEntry, primary: modifier(materialEntry.primary), secondary: modifier(materialEntry.secondary) }
          : materialEntry;
        materialWord = modifier ? `${words[index - 1]} ${word}` : word;
        if (modifier) matchedWords[matchedWords.length - 1] = materialWord;
      }
      continue;
    }
    if (!CONNECTING_WORDS.has(word) && !MODIFIERS[word]) ignoredWords.push(word);
  }
  // "blue and white porcelain": porcelain painted in two colours is the blue-and-white pattern
  if (
    !pattern &&
    materialWord === 'porcelain' &&
    colours.length >= 1 &&
    colours.some((colour) => colour.name.endsWith('blue'))
  )
    pattern = { entry: PATTERNS.willow!, index: words.indexOf('porcelain') };

  const base =
    material ?? (pattern ? { ...pattern.entry } : metalFromColour ? { ...MATERIALS.metal, roughness: 0.3 } : NEUTRAL);
  const [primary, secondary, colourNames] = bindColours(words, colours, pattern, base);
  return {
    pattern: pattern?.entry.pattern ?? base.pattern,
    primary,
    secondary,
    roughness: material?.roughness ?? pattern?.entry.roughness ?? base.roughness,
    metallic: metalFromColour && !material ? 1 : base.metallic,
    matchedWords,
    namedColourCount: colours.length,
    colourNames,
    ...(materialWord ? { material: materialWord } : {}),
    ignoredWords,
  };
}
