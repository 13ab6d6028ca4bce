// The moderation normaliser: turns user text into sequences of word positions, each with the spellings it may
// stand for, so the lexicon sees "naked" in "n a k e d", "n.a.k.e.d", "nаkеd" (Cyrillic), "na\u200bked",
// "n4k3d" and "naaaked".
//
// Written here because no library does this job whole: obscenity's confusables table (MIT, from gc/confusables)
// maps look-alike letters, Unicode NFKC folds full-width and mathematical letters, and the rest (leetspeak
// variants kept beside the plain word, spaced-out letters, squeezed letter runs) is a few small steps.
import { resolveConfusablesTransformer } from 'obscenity';

/** One word position: its plain spelling first, then the other spellings it may stand for. */
export type TokenForms = readonly string[];

/** Two readings of the same text: words split at punctuation, and words joined across it (see textViews). */
export interface TextViews {
  split: TokenForms[];
  joined: TokenForms[];
}

const confusable = resolveConfusablesTransformer().transform;

// Leetspeak: digits and symbols that stand for letters inside a word; "1" reads as i or l (a second form).
const LEET_LETTERS: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '+': 't',
};
const LEET_CHARACTERS = /[0-9@$!|+]/;
const LETTER = /[a-z]/;
/** Characters that separate words; leet symbols are not among them, so "sw@st1ka" stays one word. */
const PUNCTUATION = /[^a-z0-9@$!|+]+/g;
const TRAILING_SYMBOLS = /^[!|+]+|[!|+]+$/g;
const LETTER_RUN = /([a-z])\1{2,}/;

/** Letters folded to plain lower-case ASCII where a look-alike exists; everything else is kept as it is. */
export function foldCharacters(text: string): string {
  // format characters (zero-width space/joiners, soft hyphen, bidi marks) hide inside words
  const visible = text
    .replace(/\p{Cf}/gu, '')
    .normalize('NFKC')
    .replace(/[ßẞ]/g, 'ss');
  let mapped = '';
  for (const character of visible) {
    const codePoint = character.codePointAt(0)!;
    // look-alikes are looked up before lower-casing: a capital Greek nu looks like N, a small one like v
    const replacement =
      codePoint < 128 ? undefined : (confusable(codePoint) ?? confusable(character.toLowerCase().codePointAt(0)!));
    mapped += replacement === undefined ? character : String.fromCodePoint(replacement);
  }
  return mapped.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The text as two sequences of word positions. `split`: every run of letters between punctuation is a word
 * ("self-harm" → self, harm). `joined`: punctuation inside a whitespace-separated chunk is dropped
 * ("n.u.d.e" → nude), and runs of single letters are joined ("n a k e d" → naked); `segmentRun` may cut such
 * a joined run into the known words it contains.
 */
export function textViews(text: string, segmentRun?: (run: string) => string[]): TextViews {
  const chunks = foldCharacters(text)
    .split(/\s+/)
    .filter((chunk) => chunk.length > 0);
  const split: TokenForms[] = [];
  const joinedWords: string[] = [];
  for (const chunk of chunks) {
    for (const part of chunk.split(PUNCTUATION)) {
      const word = part.replace(TRAILING_SYMBOLS, '');
      if (word) split.push(formsOf(word));
    }
    const joined = chunk.replace(PUNCTUATION, '').replace(TRAILING_SYMBOLS, '');
    if (joined) joinedWords.push(joined);
  }
  return { split, joined: joinSingleLetters(joinedWords, segmentRun).map(formsOf) };
}

function joinSingleLetters(words: string[], segmentRun?: (run: string) => string[]): string[] {
  const result: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 3) result.push(...(segmentRun ? segmentRun(run) : [run]));
    else if (run) result.push(...run);
    run = '';
  };
  for (const word of words) {
    if (word.length === 1 && LETTER.test(word)) {
      run += word;
      continue;
    }
    flush();
    result.push(word);
  }
  flush();
  return result;
}

/** The plain word, its leetspeak readings (only when it also has letters), and its squeezed letter runs. */
function formsOf(word: string): TokenForms {
  const forms = [word];
  if (LETTER.test(word) && LEET_CHARACTERS.test(word)) {
    const asI = [...word].map((character) => LEET_LETTERS[character] ?? character).join('');
    forms.push(asI);
    if (word.includes('1'))
      forms.push(asI.replace(/i/g, (letter, index: number) => (word[index] === '1' ? 'l' : letter)));
  }
  for (const form of [...forms]) {
    if (LETTER_RUN.test(form)) {
      // "naaaked" may be naked or naaked; "noooose" may be nose or noose: keep both squeezes
      forms.push(form.replace(/([a-z])\1+/g, '$1'), form.replace(/([a-z])\1+/g, '$1$1'));
    }
  }
  return [...new Set(forms)];
}
