// The lookup tables the prompt parser builds once over every category: name phrases (singular forms, also
// written as one word: "hot dog" / "hotdog") → category and variant, part words → the categories that have such a
// part, and the whole vocabulary the spelling corrector may correct towards.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { COLOUR_NAMES, COLOUR_SYNONYMS } from '../materials/colour-names.ts';
import { DESCRIPTIVE_ADJECTIVES, SURFACE_DETAIL_NOUNS, THEME_NOUNS } from './descriptive-words.ts';
import {
  CLASSIFIER_NOUNS,
  CONNECTORS,
  KIND_MODIFIER_WORDS,
  POSE_WORDS,
  QUANTITY_NOUNS,
  SCENE_NOUNS,
  UNSHOWN_ADJECTIVES,
} from './modifier-vocabulary.ts';
import {
  INTENSIFIERS,
  MATERIAL_WORDS,
  NEGATION_WORDS,
  NUMBER_WORDS,
  PROPORTION_WORDS,
  SIZE_WORDS,
  STYLE_WORDS,
} from './prompt-vocabulary.ts';
import { promptWords, singular } from './word-forms.ts';

export interface CategoryEntry {
  definition: GeneratorDefinition;
  variant?: string;
}

export const MAX_PHRASE_WORDS = 4;

export function phraseKey(phrase: string): string {
  return promptWords(phrase).map(singular).join(' ');
}

export class CategoryIndex {
  /** name phrase (singular forms joined by spaces) → category */
  readonly phrases = new Map<string, CategoryEntry>();
  /** part, slot, count and variant words → categories that know them */
  readonly partWords = new Map<string, GeneratorDefinition[]>();
  /** every word the parser knows, for spelling correction: word → true when it names an object */
  readonly vocabulary = new Map<string, boolean>();

  constructor(readonly definitions: readonly GeneratorDefinition[]) {
    for (const definition of definitions) {
      for (const name of definition.names) {
        const [phrase, variant] = typeof name === 'string' ? [name, undefined] : name;
        const key = phraseKey(phrase);
        this.register(key, { definition, variant });
        if (key.includes(' ')) this.register(key.replace(/ /g, ''), { definition, variant });
        for (const word of key.split(' ')) this.vocabulary.set(word, true);
      }
      const partWords = [
        ...Object.entries(definition.slots).flatMap(([slot, slotDefinition]) => [
          slot,
          ...(slotDefinition.words ?? []),
        ]),
        ...Object.entries(definition.optional ?? {}).flatMap(([component, words]) => [component, ...words]),
        ...Object.values(definition.counts ?? {}).flatMap((count) => count.words),
        ...Object.values(definition.variants ?? {}).flat(),
      ];
      for (const word of new Set(partWords.map(singular))) {
        this.partWords.set(word, [...(this.partWords.get(word) ?? []), definition]);
        if (!this.vocabulary.has(word)) this.vocabulary.set(word, false);
      }
    }
    const attributeWords = [
      ...Object.keys(COLOUR_NAMES),
      ...Object.keys(COLOUR_SYNONYMS),
      ...Object.keys(MATERIAL_WORDS),
      ...Object.keys(SIZE_WORDS),
      ...Object.keys(PROPORTION_WORDS),
      ...Object.keys(STYLE_WORDS),
      ...Object.keys(NUMBER_WORDS),
      ...INTENSIFIERS,
      ...NEGATION_WORDS,
      ...SCENE_NOUNS,
      ...POSE_WORDS,
      ...UNSHOWN_ADJECTIVES,
      ...Object.keys(CLASSIFIER_NOUNS),
      ...QUANTITY_NOUNS,
      ...Object.keys(KIND_MODIFIER_WORDS),
      ...CONNECTORS.flatMap(([phrase]) => phrase.split(' ')),
      ...DESCRIPTIVE_ADJECTIVES,
      ...THEME_NOUNS,
      ...SURFACE_DETAIL_NOUNS,
    ];
    for (const word of attributeWords)
      if (!this.vocabulary.has(word) && /^[a-z]+$/.test(word)) this.vocabulary.set(word, false);
  }

  private register(key: string, entry: CategoryEntry): void {
    if (!this.phrases.has(key)) this.phrases.set(key, entry);
  }

  lookup(forms: readonly string[]): CategoryEntry | undefined {
    return this.phrases.get(forms.join(' '));
  }
}
