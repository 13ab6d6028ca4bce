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

interface CompiledLexicon {
  category: ModerationCategory;
  /** per rule: its name, window, order and group count */
  rules: { name: string; window: number; ordered: boolean; groupCount: number }[];
  appliesToNegativePrompts: boolean;
  negativePromptRules: { name: string; negative: PhraseIds; positive: PhraseIds }[];
}

/** What a phrase means to one lexicon: a term, an allow-phrase, a rule's `unless`, or one of a rule's groups. */
interface PhraseRole {
  lexicon: number;
  kind: 'term' | 'allow' | 'unless' | 'group';
  rule: number;
  group: number;
}

/** Distinct word forms remembered with their word ids; cleared when it grows past this. */
const FORM_CACHE_ENTRIES = 50_000;

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
  private readonly roles = new Map<number, PhraseRole[]>();
  private readonly formCache = new Map<string, readonly number[]>();

  constructor(lexicons: readonly CategoryLexicon[]) {
    this.lexicons = lexicons.map((lexicon, lexiconIndex) => {
      const fuzzy = new Set(lexicon.fuzzy ?? []);
      for (const word of fuzzy) this.wordId(word, true);
      const compile = (phrases: readonly string[]) => phrases.map((phrase) => this.phraseId(phrase, fuzzy));
      const assign = (phrases: readonly string[], kind: PhraseRole['kind'], rule = -1, group = -1) => {
        for (const id of compile(phrases))
          this.roles.set(id, [...(this.roles.get(id) ?? []), { lexicon: lexiconIndex, kind, rule, group }]);
      };
      assign(lexicon.terms, 'term');
      assign(lexicon.allow, 'allow');
      lexicon.rules.forEach((rule, ruleIndex) => {
        assign(rule.unless ?? [], 'unless', ruleIndex);
        rule.groups.forEach((group, groupIndex) => assign(group, 'group', ruleIndex, groupIndex));
      });
      return {
        category: lexicon.category,
        rules: lexicon.rules.map((rule) => ({
          name: rule.name,
          window: rule.window,
          ordered: rule.ordered ?? false,
          groupCount: rule.groups.length,
        })),
        appliesToNegativePrompts: lexicon.appliesToNegativePrompts ?? false,
        negativePromptRules: (lexicon.negativePromptRules ?? []).map((rule) => ({
          name: rule.name,
          negative: compile(rule.negative),
          positive: compile(rule.positive),
        })),
      };
    });
  }

  /** Both readings of a text (split at punctuation, joined across it), each with the phrases found in it. */
  occurrencesOf(text: string): PhraseOccurrences[] {
    const views = textViews(text, (run) => this.segmentRun(run));
    const split = this.findPhrases(views.split);
    // most texts have no punctuation inside words and no spaced letters: then both readings are the same
    const same =
      views.joined.length === views.split.length &&
      views.joined.every((forms, index) => forms[0] === views.split[index]![0]);
    return same ? [split] : [split, this.findPhrases(views.joined)];
  }

  /** Findings in one text, in lexicon order; a negative prompt is held only to the lexicons that apply to it. */
  match(readings: readonly PhraseOccurrences[], kind: 'positive' | 'negative'): LexiconFinding[] {
    const reasons = new Map<number, string>();
    for (const occurrences of readings) {
      for (const [lexiconIndex, reason] of this.violationsIn(occurrences))
        if (!reasons.has(lexiconIndex)) reasons.set(lexiconIndex, reason);
    }
    return [...reasons]
      .sort(([first], [second]) => first - second)
      .filter(([lexiconIndex]) => kind === 'positive' || this.lexicons[lexiconIndex]!.appliesToNegativePrompts)
      .map(([lexiconIndex, reason]) => ({ category: this.lexicons[lexiconIndex]!.category, reason }));
  }

  /** Cross-field rules: a phrase in a negative prompt ("clothes") with one in a positive text ("woman"). */
  matchNegativePromptRules(
    negative: readonly PhraseOccurrences[][],
    positive: readonly PhraseOccurrences[][],
  ): LexiconFinding[] {
    const findings: LexiconFinding[] = [];
    const anyOccurs = (texts: readonly PhraseOccurrences[][], phraseIds: PhraseIds) =>
      texts.some((readings) => readings.some((occurrences) => phraseIds.some((id) => occurrences.has(id))));
    for (const lexicon of this.lexicons) {
      for (const rule of lexicon.negativePromptRules) {
        if (anyOccurs(negative, rule.negative) && anyOccurs(positive, rule.positive))
          findings.push({ category: lexicon.category, reason: rule.name });
      }
    }
    return findings;
  }

  /** The first term or rule each lexicon finds in one reading; only the phrases that occur are visited. */
  private violationsIn(occurrences: PhraseOccurrences): Map<number, string> {
    const byLexicon = new Map<
      number,
      { terms: [number, Span[]][]; masked: Set<number>; unless: Set<number>; groups: Map<number, Span[][]> }
    >();
    for (const [phraseId, spans] of occurrences) {
      for (const role of this.roles.get(phraseId) ?? []) {
        let state = byLexicon.get(role.lexicon);
        if (!state)
          byLexicon.set(role.lexicon, (state = { terms: [], masked: new Set(), unless: new Set(), groups: new Map() }));
        if (role.kind === 'term') state.terms.push([phraseId, spans]);
        else if (role.kind === 'unless') state.unless.add(role.rule);
        else if (role.kind === 'allow') {
          for (const span of spans)
            for (let position = span.start; position < span.end; position++) state.masked.add(position);
        } else {
          const groups =
            state.groups.get(role.rule) ??
            Array.from({ length: this.lexicons[role.lexicon]!.rules[role.rule]!.groupCount }, (): Span[] => []);
          groups[role.group]!.push(...spans);
          state.groups.set(role.rule, groups);
        }
      }
    }
    const violations = new Map<number, string>();
    for (const [lexiconIndex, state] of byLexicon) {
      const unmasked = (spans: readonly Span[]) => spans.filter((span) => !overlapsMask(span, state.masked));
      const term = state.terms.find(([, spans]) => unmasked(spans).length > 0);
      if (term) {
        violations.set(lexiconIndex, this.phrases[term[0]]!.text);
        continue;
      }
      const rules = this.lexicons[lexiconIndex]!.rules;
      for (const [ruleIndex, groupSpans] of [...state.groups].sort(([first], [second]) => first - second)) {
        const rule = rules[ruleIndex]!;
        if (state.unless.has(ruleIndex)) continue;
        const groups = groupSpans.map(unmasked);
        if (groups.every((spans) => spans.length > 0) && groupsWithinWindow(groups, rule.window, rule.ordered)) {
          violations.set(lexiconIndex, rule.name);
          break;
        }
      }
    }
    return violations;
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
    for (const form of forms) for (const id of this.idsOfForm(form)) ids.add(id);
    if (ids.size === 0) {
      for (const form of forms) for (const id of this.fuzzyIdsOfForm(form)) ids.add(id);
    }
    return ids;
  }

  /** Word ids of one spelling, exact or by stem; remembered, since prompts repeat their words. */
  private idsOfForm(form: string): readonly number[] {
    const key = `w:${form}`;
    let ids = this.formCache.get(key);
    if (ids === undefined) {
      ids = [
        ...new Set([
          ...(this.keyToWordIds.get(`=${form}`) ?? []),
          ...(this.keyToWordIds.get(`~${stemmer(form)}`) ?? []),
        ]),
      ];
      this.rememberForm(key, ids);
    }
    return ids;
  }

  /** Word ids of the fuzzy words one edit away from this spelling. */
  private fuzzyIdsOfForm(form: string): readonly number[] {
    if (form.length < 5) return [];
    const key = `f:${form}`;
    let ids = this.formCache.get(key);
    if (ids === undefined) {
      const found = new Set<number>();
      for (const variant of [form, ...deletionsOf(form)]) {
        for (const [id, word] of this.fuzzyIndex.get(variant) ?? []) if (withinOneEdit(form, word)) found.add(id);
      }
      ids = [...found];
      this.rememberForm(key, ids);
    }
    return ids;
  }

  private rememberForm(key: string, ids: readonly number[]): void {
    if (this.formCache.size >= FORM_CACHE_ENTRIES) this.formCache.clear();
    this.formCache.set(key, ids);
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
    return (
      first[index] === second[index + 1] &&
      first[index + 1] === second[index] &&
      first.slice(index + 2) === second.slice(index + 2)
    );
  }
  return lengthDifference > 0
    ? first.slice(index + 1) === second.slice(index)
    : first.slice(index) === second.slice(index + 1);
}
