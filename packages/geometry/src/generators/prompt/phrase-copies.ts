// How many of a plural name a phrase asks for: the number before it, a pair for things that come in pairs, and
// plurals that count a part of the object rather than copies of it.
import type { GeneratorDefinition } from '../generator-definition.ts';
import { NUMBER_WORDS } from './prompt-vocabulary.ts';

/** Things that come in pairs: a plural without a number is the pair ("sneakers", "high heels"). */
export const PAIRED_CATEGORIES = new Set(['sneaker', 'boot', 'high heel', 'sandal', 'dice']);

/** A plural name that is also a count word of its own category ("three mushrooms") is a count, not copies. */
export function countsOwnCopies(definition: GeneratorDefinition, form: string): boolean {
  return Object.values(definition.counts ?? {}).some((count) => count.words.includes(form));
}

export function numberBefore(
  forms: readonly string[],
  from: number,
  at: number,
): { value: number; index: number } | undefined {
  for (let position = at - 1; position >= from; position--) {
    const form = forms[position];
    if (/^\d{1,3}$/.test(form)) return { value: Number(form), index: position };
    if (NUMBER_WORDS[form] !== undefined) return { value: NUMBER_WORDS[form], index: position };
  }
  return undefined;
}
