// The category names a noun phrase holds: the longest name ending at a word, every name in a range, the words of a
// category's names, its variant and part words, and whether a word after a name makes a compound ("a dog park").
import type { GeneratorDefinition } from '../generator-definition.ts';
import { type CategoryEntry, type CategoryIndex, MAX_PHRASE_WORDS, phraseKey } from './category-index.ts';
import { THEME_NOUNS } from './descriptive-words.ts';
import { PRESENTATION_NOUNS, SCENE_NOUNS } from './modifier-vocabulary.ts';
import type { PromptToken } from './word-forms.ts';

/**
 * Whether the word at `at`, right after a name and with no punctuation between, is the head of a compound that
 * names another thing: a place or thing noun ("a dog park", "a car engine"), not how the model is shown ("side view").
 */
export function makesCompound(tokens: readonly PromptToken[], from: number, at: number, index: CategoryIndex): boolean {
  const form = tokens[at].form;
  if (!(SCENE_NOUNS.has(form) || THEME_NOUNS.has(form)) || PRESENTATION_NOUNS.has(form)) return false;
  return (
    at > from &&
    !tokens[at - 1].endsSegment &&
    nameEndingAt(
      tokens.map((token) => token.form),
      from,
      at - 1,
      index,
    ) !== undefined
  );
}

/** The longest category name in forms[from..at] that ends at `at`. */
export function nameEndingAt(
  forms: readonly string[],
  from: number,
  at: number,
  index: CategoryIndex,
): { entry: CategoryEntry; length: number } | undefined {
  for (let length = Math.min(MAX_PHRASE_WORDS, at - from + 1); length >= 1; length--) {
    const entry = index.lookup(forms.slice(at - length + 1, at + 1));
    if (entry) return { entry, length };
  }
  return undefined;
}

const nameWords = new WeakMap<GeneratorDefinition, Set<string>>();

/** Every word of every name of a category ("chess", "piece", "pawn" for chess pieces). */
export function nameWordsOf(definition: GeneratorDefinition): Set<string> {
  let words = nameWords.get(definition);
  if (!words) {
    words = new Set(
      definition.names.flatMap((name) => phraseKey(typeof name === 'string' ? name : name[0]).split(' ')),
    );
    nameWords.set(definition, words);
  }
  return words;
}

export function variantOf(definition: GeneratorDefinition, form: string): string | undefined {
  for (const [variant, words] of Object.entries(definition.variants ?? {})) if (words.includes(form)) return variant;
  return undefined;
}

export function partOf(definition: GeneratorDefinition, form: string, index: CategoryIndex): boolean {
  return index.partWords.get(form)?.includes(definition) ?? false;
}

export function namedCategories(
  forms: readonly string[],
  from: number,
  to: number,
  index: CategoryIndex,
): GeneratorDefinition[] {
  const named: GeneratorDefinition[] = [];
  for (let position = from; position < to; position++) {
    const match = nameEndingAt(forms, from, position, index);
    if (match && !named.includes(match.entry.definition)) named.push(match.entry.definition);
  }
  return named;
}
