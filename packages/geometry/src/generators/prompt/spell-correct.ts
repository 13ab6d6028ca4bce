// Cheap spelling correction for prompt words: a word the parser does not know, that is not an English word either
// (word-list's 274k words, so "goat" is never "corrected" to "boat"), becomes the one known word within one edit
// (two for words of eight letters or more; Damerau-Levenshtein, so "chiar" → "chair"). Ties, short words and
// real words are left alone: a word that cannot be read safely is better refused than guessed.

import { readFileSync } from 'node:fs';
import damerauLevenshtein from 'damerau-levenshtein';
import wordListPath from 'word-list';

let englishWords: Set<string> | undefined;

/** word-list's English words, read once on the first unknown word. */
export function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return englishWords.has(word);
}

/**
 * The known word a misspelt word most likely meant, or undefined. `vocabulary` maps each known word to whether it
 * names an object (object names win ties over other known words).
 */
export function correctSpelling(word: string, vocabulary: ReadonlyMap<string, boolean>): string | undefined {
  if (word.length < 4 || /\d/.test(word) || vocabulary.has(word) || isEnglishWord(word)) return undefined;
  const limit = word.length >= 8 ? 2 : 1;
  let best: string[] = [];
  let bestSteps = limit + 1;
  for (const candidate of vocabulary.keys()) {
    if (Math.abs(candidate.length - word.length) > limit || candidate.length < 3) continue;
    const { steps } = damerauLevenshtein(word, candidate);
    if (steps < bestSteps) {
      bestSteps = steps;
      best = [candidate];
    } else if (steps === bestSteps) best.push(candidate);
  }
  if (best.length > 1) best = best.filter((candidate) => vocabulary.get(candidate));
  // a doubled or dropped double letter is the likeliest slip ("bannana" is banana, not bandana)
  if (best.length > 1) best = best.filter((candidate) => undoubled(candidate) === undoubled(word));
  return best.length === 1 ? best[0] : undefined;
}

function undoubled(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}
