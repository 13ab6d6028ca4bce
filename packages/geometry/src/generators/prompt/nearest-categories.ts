// The categories to suggest when a prompt names something the generator cannot make: the categories the prompt
// did name ("bear" in "a bear trap"), names spelt like the unknown word or contained in it ("horse" in
// "horsefly"), then a few examples. Suggestions only: nothing is made from them.

import damerauLevenshtein from 'damerau-levenshtein';
import type { GeneratorDefinition } from '../generator-definition.ts';
import type { CategoryIndex } from './category-index.ts';

const FALLBACK_EXAMPLES = [
  'chair',
  'car',
  'cat',
  'dragon',
  'pizza',
  'treasure chest',
  'guitar',
  'castle',
  'tree',
  'hat',
];

export function nearestCategories(
  unknownWord: string,
  named: readonly GeneratorDefinition[],
  index: CategoryIndex,
  limit = 6,
): string[] {
  const suggestions: string[] = named.map((definition) => definition.category);
  const word = unknownWord.toLowerCase();
  const scored: [number, string][] = [];
  for (const [phrase, entry] of index.phrases) {
    if (phrase.includes(' ') || phrase.length < 3) continue;
    const category = entry.definition.category;
    if (suggestions.includes(category)) continue;
    let score = Infinity;
    if (word.length >= 5 && phrase.length >= 3 && (word.startsWith(phrase) || word.endsWith(phrase))) score = 0.5;
    else if (Math.abs(phrase.length - word.length) <= 2) {
      const { steps } = damerauLevenshtein(word, phrase);
      if (steps <= Math.max(1, Math.floor(word.length / 3))) score = steps;
    }
    if (score < Infinity) scored.push([score, category]);
  }
  scored.sort((a, b) => a[0] - b[0]);
  for (const [, category] of scored) if (!suggestions.includes(category)) suggestions.push(category);
  for (const example of FALLBACK_EXAMPLES) {
    if (suggestions.length >= limit) break;
    if (!suggestions.includes(example) && index.definitions.some((definition) => definition.category === example))
      suggestions.push(example);
  }
  return suggestions.slice(0, limit);
}
