// Compiles the category lexicons once into a word index and matches a text's word positions against them:
// terms, context rules (phrases of several groups within a window of words) and allow-phrases that mask words.
//
// Hand-written: the phrase, window and mask rules are this platform's policy, not a library's. Inflections come
// from the Porter stemmer (`stemmer`, MIT); misspellings from a deletion index (the SymSpell idea, distance 1).
import { stemmer } from 'stemmer';
import type { CategoryLexicon } from './lexicon/category-lexicon.ts';
import type { ModerationCategory } from './moderation-categories.ts';
import { textViews, type TokenForms } from './normalise-text.ts';

/** What a text matched: the category and the term or rule that caught it. */
export interface LexiconFinding {
  category: ModerationCategory;
  /** the term's words or the rule's name */
  reason: string;
}

const WILDCARD = -1;

interface Span {
  start: number;
  /** exclusive */
  end: number;
}

type PhraseIds = number[];

interface CompiledRule {
  name: string;
  groups: PhraseIds[];
  window: number;
  ordered: boolean;
  unless: PhraseIds;
}

interface CompiledLexicon {
  category: ModerationCategory;
  terms: PhraseIds;
  rules: CompiledRule[];
  allow: PhraseIds;
  appliesToNegativePrompts: boolean;
  negativePromptRules: { name: string; negative: PhraseIds; positive: PhraseIds }[];
}

/** Which phrases occur where in one reading of a text. */
export type PhraseOccurrences = Map<number, Span[]>;

export class LexiconMatcher {
  private readonly wordIds = new Map<string, number>();
  /** "=form" (exact) or "~stem" → word ids */
  private readonly keyToWordIds = new Map<string, number[]>();
  /** a fuzzy word and each of its one-letter deletions → [word id, word] */
  private readonly fuzzyIndex = new Map<string, [number, string][]>();
  private readonly phrases: { text: string; words: number[] }[] = [];
  private readonly phraseIdsByText = new Map<string, number>();
  private readonly phrasesByFirstWord = new Map<number, number[]>();
  /** plain words of the lexicon, for cutting joined single-letter runs ("anakedwoman") into words */
  private readonly vocabulary = new Set<string>();
  private longestWordLength = 0;
  private readonly lexicons: CompiledLexicon[];

  constructor(lexicons: readonly CategoryLexicon[]) {
    this.lexicons = lexicons.map((lexicon) => {
      const fuzzy = new Set(lexicon.fuzzy ?? []);
      const compile = (phrases: readonly string[]) => phrases.map((phrase) => this.phraseId(phrase, fuzzy));
      for (const word of fuzzy) this.wordId(word, true);
      return {
        category: lexicon.category,
        terms: compile(lexicon.terms),
        rules: lexicon.rules.map((rule) => ({
          name: rule.name,
          groups: rule.groups.map(compile),
          window: rule.window,
          ordered: rule.ordered ?? false,
          unless: compile(rule.unless ?? []),
        })),
        allow: compile(lexicon.allow),
        appliesToNegativePrompts: lexicon.appliesToNegativePrompts ?? false,
        negativePromptRules: (lexicon.negativePromptRules ?? []).map((rule) => ({ name: rule.name, negative: compile(rule.negative), positive: compile(rule.positive) })),
      };
    });
  }

  /** Both readings of a text (split at punctuation, joined across it), each with the phrases found in it. */
  occurrencesOf(text: string): PhraseOccurrences[] {
    const views = textViews(text, (run) => this.segmentRun(run));
    return [views.split, views.joined].map((view) => this.findPhrases(view));
  }

  /** Findings in one text; a negative prompt is held only to the lexicons that apply to it. */
  match(readings: readonly PhraseOccurrences[], kind: 'positive' | 'negative'): LexiconFinding[] {
    const findings: LexiconFinding[] = [];
    for (const lexicon of this.lexicons) {
      if (kind === 'negative' && !lexicon.appliesToNegativePrompts) continue;
      for (const occurrences of readings) {
        const reason = this.violation(lexicon, occurrences);
        if (reason !== undefined) {
          findings.push({ category: lexicon.category, reason });
          break;
        }
      }
    }
    return findings;
  }

  /** Cross-field rules: a phrase in a negative prompt ("clothes") with one in a positive text ("woman"). */
  matchNegativePromptRules(negative: readonly PhraseOccurrences[][], positive: readonly PhraseOccurrences[][]): LexiconFinding[] {
    const findings: LexiconFinding[] = [];
    const anyOccurs = (texts: readonly PhraseOccurrences[][], phraseIds: PhraseIds) => texts.some((readings) => readings.some((occurrences) => phraseIds.some((id) => occurrences.has(id))));
    for (const lexicon of this.lexicons) {
      for (const rule of lexicon.negativePromptRules) {
        if (anyOccurs(negative, rule.negative) && anyOccurs(positive, rule.positive)) findings.push({ category: lexicon.category, reason: rule.name });
      }
    }
    return findings;
  }

  private violation(lexicon: CompiledLexicon, occurrences: PhraseOccurrences): string | undefined {
    const masked = new Set<number>();
    for (const id of lexicon.allow) {
      for (const span of occurrences.get(id) ?? []) for (let position = span.start; position < span.end; position++) masked.add(position);
    }
    const spansOf = (phraseIds: PhraseIds): Span[] =>
      phraseIds.flatMap((id) => (occurrences.get(id) ?? []).filter((span) => !overlapsMask(span, masked)));
    const term = lexicon.terms.find((id) => spansOf([id]).length > 0);
    if (term !== undefined) return this.phrases[term]!.text;
    for (const rule of lexicon.rules) {
      if (rule.unless.some((id) => occurrences.has(id))) continue;
      const groups = rule.groups.map(spansOf);
      if (groups.every((spans) => spans.length > 0) && groupsWithinWindow(groups, rule.window, rule.ordered)) return rule.name;
    }
    return undefined;
  }

  private findPhrases(view: readonly TokenForms[]): PhraseOccurrences {
    const positions = view.map((forms) => this.wordIdsOf(forms));
    const occurrences: PhraseOccurrences = new Map();
    positions.forEach((wordIds, start) => {
      for (const wordId of wordIds) {
        for (const phraseId of this.phrasesByFirstWord.get(wordId) ?? []) {
          const words = this.phrases[phraseId]!.words;
          if (start + words.length > positions.length) continue;
          let matches = true;
          for (let offset = 1; offset < words.length && matches; offset++) {
            const word = words[offset]!;
            matches = word === WILDCARD || positions[start + offset]!.has(word);
          }
          if (!matches) continue;
          const spans = occurrences.get(phraseId) ?? [];
          spans.push({ start, end: start + words.length });
          occurrences.set(phraseId, spans);
        }
      }
    });
    return occurrences;
  }

  private wordIdsOf(forms: TokenForms): Set<number> {
    const ids = new Set<number>();
    for (const form of forms) {
      for (const id of this.keyToWordIds.get(`=${form}`) ?? []) ids.add(id);
      for (const id of this.keyToWordIds.get(`~${stemmer(form)}`) ?? []) ids.add(id);
    }
    if (ids.size === 0) {
      for (const form of forms) {
        if (form.length < 5) continue;
        for (const variant of [form, ...deletionsOf(form)]) {
          for (const [id, word] of this.fuzzyIndex.get(variant) ?? []) if (withinOneEdit(form, word)) ids.add(id);
        }
      }
    }
    return ids;
  }

  private phraseId(phrase: string, fuzzy: ReadonlySet<string>): number {
    const known = this.phraseIdsByText.get(phrase);
    if (known !== undefined) return known;
    const words = phrase
      .trim()
      .split(/\s+/)
      .map((word) => (word === '*' ? WILDCARD : this.wordId(word, fuzzy.has(word))));
    if (words[0] === WILDCARD) throw new Error(`lexicon phrase "${phrase}" cannot start with *`);
    const id = this.phrases.length;
    this.phrases.push({ text: phrase, words });
    this.phraseIdsByText.set(phrase, id);
    const sameFirst = this.phrasesByFirstWord.get(words[0]!) ?? [];
    sameFirst.push(id);
    this.phrasesByFirstWord.set(words[0]!, sameFirst);
    return id;
  }

  private wordId(pattern: string, fuzzy: boolean): number {
    let id = this.wordIds.get(pattern);
    if (id === undefined) {
      id = this.wordIds.size;
      this.wordIds.set(pattern, id);
      const exact = pattern.startsWith('=');
      const word = exact ? pattern.slice(1) : pattern;
      const key = exact ? `=${word}` : `~${stemmer(word)}`;
      this.keyToWordIds.set(key, [...(this.keyToWordIds.get(key) ?? []), id]);
      if (/^[a-z]{3,}$/.test(word)) {
        this.vocabulary.add(word);
        this.longestWordLength = Math.max(this.longestWordLength, word.length);
      }
    }
    if (fuzzy && !this.fuzzyIndex.has(pattern)) {
      for (const variant of [pattern, ...deletionsOf(pattern)]) {
        this.fuzzyIndex.set(variant, [...(this.fuzzyIndex.get(variant) ?? []), [id, pattern]]);
      }
    }
    return id;
  }

  /** Cuts a run of joined single letters into the lexicon words it holds, longest first, left to right. */
  private segmentRun(run: string): string[] {
    const words: string[] = [];
    let index = 0;
    while (index < run.length) {
      let found = '';
      for (let length = Math.min(this.longestWordLength, run.length - index); length >= 3 && !found; length--) {
        const candidate = run.slice(index, index + length);
        if (this.vocabulary.has(candidate)) found = candidate;
      }
      if (found) {
        words.push(found);
        index += found.length;
      } else {
        index += 1;
      }
    }
    return words.length > 0 ? words : [run];
  }
}

function overlapsMask(span: Span, masked: ReadonlySet<number>): boolean {
  for (let position = span.start; position < span.end; position++) if (masked.has(position)) return true;
  return false;
}

/** Words strictly between two spans (0 when adjacent or overlapping). */
function gapBetween(first: Span, second: Span): number {
  if (first.end <= second.start) return second.start - first.end;
  if (second.end <= first.start) return first.start - second.end;
  return 0;
}

/** True when one span per group can be chosen within `window` words of the previous group's (in order when asked). */
function groupsWithinWindow(groups: Span[][], window: number, ordered: boolean): boolean {
  const extend = (index: number, previous: Span): boolean => {
    if (index === groups.length) return true;
    return groups[index]!.some((span) => {
      if (ordered && span.start < previous.end) return false;
      if (!ordered && span.start < previous.end && previous.start < span.end) return false; // the same words twice
      return gapBetween(previous, span) <= window && extend(index + 1, span);
    });
  };
  return groups[0]!.some((span) => extend(1, span));
}

function deletionsOf(word: string): string[] {
  const variants: string[] = [];
  for (let index = 0; index < word.length; index++) variants.push(word.slice(0, index) + word.slice(index + 1));
  return variants;
}

/** Damerau-Levenshtein distance ≤ 1: one insertion, deletion, substitution or adjacent transposition. */
export function withinOneEdit(first: string, second: string): boolean {
  if (first === second) return true;
  const lengthDifference = first.length - second.length;
  if (Math.abs(lengthDifference) > 1) return false;
  let index = 0;
  while (index < first.length && index < second.length && first[index] === second[index]) index++;
  if (lengthDifference === 0) {
    if (first.slice(index + 1) === second.slice(index + 1)) return true;
    return first[index] === second[index + 1] && first[index + 1] === second[index] && first.slice(index + 2) === second.slice(index + 2);
  }
  return lengthDifference > 0 ? first.slice(index + 1) === second.slice(index) : first.slice(index) === second.slice(index + 1);
}
