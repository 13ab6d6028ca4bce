// Reads the attribute words of one object's clauses into its reading: numbers bind to the nearest count noun of
// the category ("5 shelves", "four-legged"), colour and material words to a part word that follows them ("black
// wheels") or otherwise to the object's primary parts, size and proportion words multiply dimensions (an
// intensifier such as "very" strengthens them), style words pick low-poly / cartoon / realistic, and "no X",
// "without X" or "X-less" drop optional parts, colours or materials. Part words the prompt names are recorded
// (so generators build them, and the output lists them). negative_prompt is read as a list of things to avoid.

import type { GenerationStyle, GeneratorDefinition, Proportions } from '../generator-definition.ts';
import { COLOUR_MODIFIERS, COLOUR_NAMES, COLOUR_SYNONYMS, tintColour, type Rgb } from '../materials/colour-names.ts';
import type { MaterialKindName } from '../materials/material-kinds.ts';
import {
  FILLER_WORDS,
  INTENSIFIERS,
  MATERIAL_WORDS,
  NEGATION_WORDS,
  NUMBER_WORDS,
  PROPORTION_WORDS,
  SIZE_WORDS,
  STYLE_WORDS,
  type MaterialWord,
} from './prompt-vocabulary.ts';
import { singular } from './word-forms.ts';

/** Palette-only tones (colour-names.ts) that are not colour words in a prompt. */
const NON_PROMPT_COLOURS = new Set([
  'oak',
  'pine',
  'walnut',
  'mahogany',
  'birch',
  'bamboo',
  'leaf',
  'moss',
  'bark',
  'skin',
  'snow',
  'steel',
  'iron',
  'copper',
  'bronze',
  'brass',
  'gold',
  'silver',
]);
/** Metal words that are only a colour on a part that cannot be metal ("a golden cat"). */
export const METAL_COLOUR_WORDS = new Set(['gold', 'golden', 'silver', 'copper', 'bronze', 'brass']);

export interface ColourReading {
  /** slot the colour is bound to; undefined = the object's primary parts (first free colour) or the next slots */
  slot?: string;
  name: string;
  rgb: Rgb;
}

export interface MaterialReading {
  slot?: string;
  word: string;
  material: MaterialWord;
}

/** What the prompt says about one object. */
export interface PromptReading {
  definition: GeneratorDefinition;
  variant: string | undefined;
  /** the words that named the object */
  subject: string;
  colours: ColourReading[];
  materials: MaterialReading[];
  /** count name → the number the prompt gave (not yet clamped) */
  counts: Record<string, number>;
  without: Set<string>;
  avoidColours: Set<string>;
  avoidMaterials: Set<MaterialKindName>;
  size: number;
  proportions: Proportions;
  style: GenerationStyle | undefined;
  /** optional components the prompt named: built for sure */
  wanted: Set<string>;
  /** part words the prompt named, as written → the slot or component they mean */
  details: Map<string, string>;
  /** attribute words used, as written */
  attributes: string[];
}

export function emptyReading(
  definition: GeneratorDefinition,
  variant: string | undefined,
  subject: string,
): PromptReading {
  return {
    definition,
    variant,
    subject,
    colours: [],
    materials: [],
    counts: {},
    without: new Set(),
    avoidColours: new Set(),
    avoidMaterials: new Set(),
    size: 1,
    proportions: { height: 1, width: 1, length: 1 },
    style: undefined,
    wanted: new Set(),
    details: new Map(),
    attributes: [],
  };
}

interface PartVocabulary {
  /** part word → material slot */
  slots: Map<string, string>;
  /** part word → optional component */
  components: Map<string, string>;
  /** count words → count name */
  counts: Map<string, string>;
}

const vocabularies = new WeakMap<GeneratorDefinition, PartVocabulary>();

export function partVocabulary(definition: GeneratorDefinition): PartVocabulary {
  const cached = vocabularies.get(definition);
  if (cached) return cached;
  const slots = new Map<string, string>();
  for (const [slot, slotDefinition] of Object.entries(definition.slots)) {
    for (const word of [slot, ...(slotDefinition.words ?? [])])
      if (!slots.has(singular(word))) slots.set(singular(word), slot);
  }
  const components = new Map<string, string>();
  for (const [component, words] of Object.entries(definition.optional ?? {})) {
    for (const word of [component, ...words]) components.set(singular(word), component);
  }
  const counts = new Map<string, string>();
  for (const [name, count] of Object.entries(definition.counts ?? {}))
    for (const word of count.words) counts.set(singular(word), name);
  const vocabulary = { slots, components, counts };
  vocabularies.set(definition, vocabulary);
  return vocabulary;
}

/** Whether a word names a part, a slot, a count noun or a variant of this category. */
export function isPartWordOf(definition: GeneratorDefinition, form: string): boolean {
  const vocabulary = partVocabulary(definition);
  return vocabulary.slots.has(form) || vocabulary.components.has(form) || vocabulary.counts.has(form);
}

/**
 * Reads the attribute words among forms[from, to) into `reading`, skipping indices in `skip`; returns the indices it
 * used (attribute words, part words, negations).
 */
export function readAttributes(
  words: readonly string[],
  forms: readonly string[],
  from: number,
  to: number,
  skip: ReadonlySet<number>,
  reading: PromptReading,
): Set<number> {
  const used = new Set<number>();
  const vocabulary = partVocabulary(reading.definition);
  let intensity = 1;
  let intensifierAt = -1;
  for (let index = from; index < to; index++) {
    if (skip.has(index) || used.has(index)) continue;
    const form = forms[index];
    const mark = (...indices: number[]) => {
      for (const position of indices) used.add(position);
      reading.attributes.push(words.slice(Math.min(...indices), Math.max(...indices) + 1).join(' '));
    };
    if (NEGATION_WORDS.has(form)) {
      const after = readNegation(forms, index + 1, to, vocabulary, reading);
      if (after > index + 1) mark(...range(index, after));
      index = after - 1;
      continue;
    }
    if (form.endsWith('less') && form.length > 6) {
      const component = vocabulary.components.get(singular(form.slice(0, -4)));
      if (component) {
        reading.without.add(component);
        mark(index);
      }
      continue;
    }
    const number = numberOf(form);
    if (number !== undefined) {
      const bound = findCountNoun(forms, index + 1, to, vocabulary);
      if (bound) {
        reading.counts[bound.count] = number;
        mark(index);
        used.add(bound.index);
        reading.details.set(words[bound.index], bound.count);
      }
      continue;
    }
    if (INTENSIFIERS.has(form)) {
      intensity = 1.6;
      intensifierAt = index;
      continue;
    }
    const sizeFactor = SIZE_WORDS[form];
    const proportion = PROPORTION_WORDS[form];
    if (sizeFactor !== undefined || proportion !== undefined) {
      if (sizeFactor !== undefined) reading.size *= sizeFactor ** intensity;
      for (const [axis, factor] of Object.entries(proportion ?? {}) as [keyof Proportions, number][])
        reading.proportions[axis] *= factor ** intensity;
      mark(...(intensifierAt === index - 1 ? [index - 1, index] : [index]));
      intensity = 1;
      continue;
    }
    const style = STYLE_WORDS[form];
    if (style !== undefined) {
      reading.style = style;
      mark(index);
      continue;
    }
    const material = MATERIAL_WORDS[form];
    if (material !== undefined) {
      reading.materials.push({ slot: boundSlot(forms, index + 1, to, vocabulary), word: form, material });
      mark(index);
      continue;
    }
    const colour = colourAt(forms, index);
    if (colour) {
      reading.colours.push({ ...colour, slot: boundSlot(forms, index + 1, to, vocabulary) });
      mark(...(index > from && COLOUR_MODIFIERS[forms[index - 1]] !== undefined ? [index - 1, index] : [index]));
      continue;
    }
    const variant =
      reading.variant === undefined
        ? Object.entries(reading.definition.variants ?? {}).find(([, variantWords]) => variantWords.includes(form))?.[0]
        : undefined;
    if (variant !== undefined) {
      reading.variant = variant;
      used.add(index);
      reading.details.set(words[index], variant);
      continue;
    }
    const slot = vocabulary.slots.get(form);
    const component = vocabulary.components.get(form);
    const count = vocabulary.counts.get(form);
    if (slot !== undefined || component !== undefined || count !== undefined) {
      used.add(index);
      reading.details.set(words[index], component ?? slot ?? count!);
      if (component !== undefined) reading.wanted.add(component);
    }
  }
  return used;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, offset) => from + offset);
}

function numberOf(form: string): number | undefined {
  if (/^\d{1,3}$/.test(form)) return Number(form);
  return NUMBER_WORDS[form];
}

/** The count noun within the next three words ("5 wooden shelves", "four-legged"). */
function findCountNoun(
  forms: readonly string[],
  from: number,
  to: number,
  vocabulary: PartVocabulary,
): { count: string; index: number } | undefined {
  for (let index = from; index < Math.min(to, from + 3); index++) {
    const candidates = [forms[index]];
    if (forms[index].endsWith('ed')) {
      const stem = forms[index].slice(0, -2);
      candidates.push(stem, stem.replace(/(.)\1$/, '$1'));
    }
    for (const candidate of candidates) {
      const count = vocabulary.counts.get(candidate);
      if (count !== undefined) return { count, index };
    }
  }
  return undefined;
}

/** A part word of this category within the next three words, skipping colours, materials and fillers. */
function boundSlot(forms: readonly string[], from: number, to: number, vocabulary: PartVocabulary): string | undefined {
  for (let index = from; index < Math.min(to, from + 3); index++) {
    const slot = vocabulary.slots.get(forms[index]);
    if (slot) return slot;
    const form = forms[index];
    if (!(FILLER_WORDS.has(form) || MATERIAL_WORDS[form] || isColourWord(form) || COLOUR_MODIFIERS[form] !== undefined))
      return undefined;
  }
  return undefined;
}

export function colourName(form: string): string | undefined {
  const name = COLOUR_SYNONYMS[form] ?? form;
  return COLOUR_NAMES[name] && !NON_PROMPT_COLOURS.has(form) ? name : undefined;
}

export function isColourWord(form: string): boolean {
  return colourName(form) !== undefined;
}

/** A colour word at `index`, tinted by a modifier right before it ("light blue"). */
function colourAt(forms: readonly string[], index: number): { name: string; rgb: Rgb } | undefined {
  const name = colourName(forms[index]);
  if (!name) return undefined;
  const modifier = index > 0 ? COLOUR_MODIFIERS[forms[index - 1]] : undefined;
  const rgb = COLOUR_NAMES[name];
  return { name, rgb: modifier === undefined ? rgb : tintColour(rgb, modifier) };
}

/** Reads the words after a negation ("no handle", "without legs or arms"); returns the index after its scope. */
function readNegation(
  forms: readonly string[],
  from: number,
  to: number,
  vocabulary: PartVocabulary,
  reading: PromptReading,
): number {
  let index = from;
  let negatedSomething = false;
  for (; index < to; index++) {
    const form = forms[index];
    if (FILLER_WORDS.has(form)) continue;
    if (negateWord(form, vocabulary, reading)) {
      negatedSomething = true;
      continue;
    }
    break;
  }
  return negatedSomething ? index : from;
}

function negateWord(form: string, vocabulary: PartVocabulary, reading: PromptReading): boolean {
  const component = vocabulary.components.get(form);
  if (component) {
    reading.without.add(component);
    return true;
  }
  const colour = colourName(form);
  if (colour) {
    reading.avoidColours.add(colour);
    return true;
  }
  const material = MATERIAL_WORDS[form];
  if (material) {
    reading.avoidMaterials.add(material.kind);
    return true;
  }
  return false;
}

/** negative_prompt: a list of parts, colours and materials to avoid; returns the words it could not use. */
export function readNegativePrompt(forms: readonly string[], reading: PromptReading): string[] {
  const vocabulary = partVocabulary(reading.definition);
  const unused: string[] = [];
  for (const form of forms) {
    if (NEGATION_WORDS.has(form) || FILLER_WORDS.has(form)) continue;
    if (!negateWord(form, vocabulary, reading)) unused.push(form);
  }
  return unused;
}
