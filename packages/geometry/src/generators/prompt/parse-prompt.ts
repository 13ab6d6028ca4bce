// Reads a text_to_model prompt into a subject (one generator category, maybe a variant) and its attributes.
//
// Method: a keyword grammar over singular word forms, not a language model. The subject is the first
// category phrase in the prompt (longest match first: "sports car" before "car"; a material word such as
// "glass" or "pine" yields to a later subject: "a glass vase" is a vase), skipping phrases that a negation
// governs. The other words are read left to right: numbers bind to the nearest count noun of that category
// ("5 shelves", "four-legged"), colour and material words bind to a part word that follows them ("black
// wheels") or otherwise to the object's primary parts, size and proportion words multiply dimensions (an
// intensifier such as "very" strengthens them), style words pick low-poly / cartoon / realistic, and "no X",
// "without X" or "X-less" drop optional parts, colours or materials. negative_prompt is read as a list of
// things to avoid. Why by hand: prompts here are short noun phrases; a keyword grammar is predictable,
// explainable in an error message and runs in microseconds, and no offline npm model does better.

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
import { promptWords, singular } from './word-forms.ts';

/** Palette-only tones (colour-names.ts) that are not colour words in a prompt. */
const NON_PROMPT_COLOURS = new Set(['oak', 'pine', 'walnut', 'mahogany', 'birch', 'bamboo', 'leaf', 'moss', 'bark', 'skin', 'snow', 'steel', 'iron', 'copper', 'bronze', 'brass', 'gold', 'silver']);
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

export interface PromptReading {
  definition: GeneratorDefinition;
  variant: string | undefined;
  /** the words that named the subject */
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
}

export type ParsePromptResult = { ok: true; reading: PromptReading } | { ok: false; reason: string };

interface CategoryEntry {
  definition: GeneratorDefinition;
  variant?: string;
}

interface SubjectMatch {
  start: number;
  end: number;
  entry: CategoryEntry;
}

const MAX_PHRASE_WORDS = 3;

export class PromptParser {
  private readonly phrases = new Map<string, CategoryEntry>();

  constructor(private readonly definitions: readonly GeneratorDefinition[]) {
    for (const definition of definitions) {
      for (const name of definition.names) {
        const [phrase, variant] = typeof name === 'string' ? [name, undefined] : name;
        const key = phraseKey(phrase);
        if (!this.phrases.has(key)) this.phrases.set(key, { definition, variant });
      }
    }
  }

  parse(prompt: string, negativePrompt?: string): ParsePromptResult {
    const words = promptWords(prompt);
    const forms = words.map(singular);
    const subject = this.findSubject(forms);
    if (!subject) return { ok: false, reason: 'the prompt names no object the built-in generator can make' };
    const { definition } = subject.entry;
    const consumed = new Set<number>();
    for (let index = subject.start; index < subject.end; index++) consumed.add(index);

    let variant = subject.entry.variant;
    if (variant === undefined) {
      const found = findVariant(definition, forms);
      if (found) {
        variant = found.variant;
        consumed.add(found.index);
      }
    }

    const vocabulary = partVocabulary(definition);
    const reading: PromptReading = {
      definition,
      variant,
      subject: words.slice(subject.start, subject.end).join(' '),
      colours: [],
      materials: [],
      counts: {},
      without: new Set(),
      avoidColours: new Set(),
      avoidMaterials: new Set(),
      size: 1,
      proportions: { height: 1, width: 1, length: 1 },
      style: undefined,
    };

    let intensity = 1;
    for (let index = 0; index < forms.length; index++) {
      if (consumed.has(index)) continue;
      const form = forms[index];
      if (NEGATION_WORDS.has(form)) {
        index = readNegation(forms, index + 1, vocabulary, reading) - 1;
        continue;
      }
      if (form.endsWith('less') && form.length > 6) {
        const component = vocabulary.components.get(singular(form.slice(0, -4)));
        if (component) reading.without.add(component);
        continue;
      }
      const number = numberOf(form);
      if (number !== undefined) {
        const bound = findCountNoun(definition, forms, index + 1);
        if (bound) {
          reading.counts[bound.count] = number;
          consumed.add(bound.index);
        }
        continue;
      }
      if (INTENSIFIERS.has(form)) {
        intensity = 1.6;
        continue;
      }
      const sizeFactor = SIZE_WORDS[form];
      if (sizeFactor !== undefined) {
        reading.size *= sizeFactor ** intensity;
        intensity = 1;
        continue;
      }
      const proportion = PROPORTION_WORDS[form];
      if (proportion !== undefined) {
        for (const [axis, factor] of Object.entries(proportion) as [keyof Proportions, number][]) reading.proportions[axis] *= factor ** intensity;
        intensity = 1;
        continue;
      }
      const style = STYLE_WORDS[form];
      if (style !== undefined) {
        reading.style = style;
        continue;
      }
      const material = MATERIAL_WORDS[form];
      if (material !== undefined) {
        reading.materials.push({ slot: boundSlot(forms, index + 1, vocabulary), word: form, material });
        continue;
      }
      const colour = colourAt(forms, index);
      if (colour) {
        reading.colours.push({ ...colour, slot: boundSlot(forms, index + 1, vocabulary) });
      }
    }

    if (negativePrompt) readNegativePrompt(promptWords(negativePrompt).map(singular), vocabulary, reading);
    return { ok: true, reading };
  }

  /** The first category phrase, longest match first, skipping negated ones; a material word yields to a later subject. */
  private findSubject(forms: string[]): SubjectMatch | undefined {
    const matches: SubjectMatch[] = [];
    for (let start = 0; start < forms.length; start++) {
      for (let length = Math.min(MAX_PHRASE_WORDS, forms.length - start); length >= 1; length--) {
        const entry = this.phrases.get(forms.slice(start, start + length).join(' '));
        if (!entry) continue;
        if (!isNegated(forms, start)) matches.push({ start, end: start + length, entry });
        start += length - 1;
        break;
      }
    }
    const [first, ...rest] = matches;
    if (first && first.end - first.start === 1 && MATERIAL_WORDS[forms[first.start]] && rest.length > 0) return rest[0];
    return first;
  }
}

function phraseKey(phrase: string): string {
  return promptWords(phrase).map(singular).join(' ');
}

function isNegated(forms: string[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    if (NEGATION_WORDS.has(forms[back])) return true;
    if (!FILLER_WORDS.has(forms[back]) && !(forms[back] in NUMBER_WORDS)) return false;
  }
  return false;
}

/** A variant word anywhere in the prompt, the subject's own words included ("a trident", "a sports car"). */
function findVariant(definition: GeneratorDefinition, forms: string[]): { variant: string; index: number } | undefined {
  for (let index = 0; index < forms.length; index++) {
    if (isNegated(forms, index)) continue;
    for (const [variant, words] of Object.entries(definition.variants ?? {})) {
      if (words.some((word) => singular(word) === forms[index])) return { variant, index };
    }
  }
  return undefined;
}

interface PartVocabulary {
  /** part word → material slot */
  slots: Map<string, string>;
  /** part word → optional component */
  components: Map<string, string>;
}

function partVocabulary(definition: GeneratorDefinition): PartVocabulary {
  const slots = new Map<string, string>();
  for (const [slot, slotDefinition] of Object.entries(definition.slots)) {
    for (const word of [slot, ...(slotDefinition.words ?? [])]) slots.set(singular(word), slot);
  }
  const components = new Map<string, string>();
  for (const [component, words] of Object.entries(definition.optional ?? {})) {
    for (const word of [component, ...words]) components.set(singular(word), component);
  }
  return { slots, components };
}

function numberOf(form: string): number | undefined {
  if (/^\d{1,3}$/.test(form)) return Number(form);
  return NUMBER_WORDS[form];
}

/** The count noun within the next three words ("5 wooden shelves", "four-legged"). */
function findCountNoun(definition: GeneratorDefinition, forms: string[], from: number): { count: string; index: number } | undefined {
  for (let index = from; index < Math.min(forms.length, from + 3); index++) {
    const candidates = [forms[index]];
    if (forms[index].endsWith('ed')) {
      const stem = forms[index].slice(0, -2);
      candidates.push(stem, stem.replace(/(.)\1$/, '$1'));
    }
    for (const [count, countDefinition] of Object.entries(definition.counts ?? {})) {
      if (countDefinition.words.some((word) => candidates.includes(singular(word)))) return { count, index };
    }
  }
  return undefined;
}

/** A part word of this category within the next three words, skipping colours, materials and fillers. */
function boundSlot(forms: string[], from: number, vocabulary: PartVocabulary): string | undefined {
  for (let index = from; index < Math.min(forms.length, from + 3); index++) {
    const slot = vocabulary.slots.get(forms[index]);
    if (slot) return slot;
    const form = forms[index];
    if (!(FILLER_WORDS.has(form) || MATERIAL_WORDS[form] || isColourWord(form) || COLOUR_MODIFIERS[form] !== undefined)) return undefined;
  }
  return undefined;
}

function colourName(form: string): string | undefined {
  const name = COLOUR_SYNONYMS[form] ?? form;
  return COLOUR_NAMES[name] && !NON_PROMPT_COLOURS.has(form) ? name : undefined;
}

function isColourWord(form: string): boolean {
  return colourName(form) !== undefined;
}

/** A colour word at `index`, tinted by a modifier right before it ("light blue"). */
function colourAt(forms: string[], index: number): { name: string; rgb: Rgb } | undefined {
  const name = colourName(forms[index]);
  if (!name) return undefined;
  const modifier = index > 0 ? COLOUR_MODIFIERS[forms[index - 1]] : undefined;
  const rgb = COLOUR_NAMES[name];
  return { name, rgb: modifier === undefined ? rgb : tintColour(rgb, modifier) };
}

/** Reads the words after a negation ("no handle", "without legs or arms"); returns the index after its scope. */
function readNegation(forms: string[], from: number, vocabulary: PartVocabulary, reading: PromptReading): number {
  let index = from;
  let negatedSomething = false;
  for (; index < forms.length; index++) {
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

function readNegativePrompt(forms: string[], vocabulary: PartVocabulary, reading: PromptReading): void {
  for (const form of forms) {
    if (NEGATION_WORDS.has(form) || FILLER_WORDS.has(form)) continue;
    negateWord(form, vocabulary, reading);
  }
}
