// Reads a text_to_model prompt into the objects to make and how they go together, or a refusal that says why.
//
// Production notes ("game ready, PBR, 4k", "please") and comma-separated segments that only describe ("pastel
// colors") are set aside first (production-notes.ts, description-segments.ts) and reported as ignored.
// Method: a keyword grammar over singular word forms, not a language model. The prompt is cut into clauses at
// connectors ("wearing", "holding", "on", "in", "with", "and", "made of"; "at", "under", "for" … start a scene
// clause). Each clause's noun phrase is read by its head noun (read-noun-phrase.ts), so "an astronaut helmet" is a
// helmet and "a robot dog" a mechanical dog, and a phrase the library cannot make for certain ("a bear trap",
// "a sea lion") is refused rather than answered with the unqualified object. A clause whose head is a part of the
// object before it ("with a jeweled hilt", "in a terracotta pot" for a potted plant) describes that object; one
// that names another object composes it: worn (head, neck, face, back, body), held (hand, or mouth for animals),
// a support ("on a hill", "in a pot"), a load ("a table with 3 mugs"), or beside ("a dog and a cat"). Every word
// the reading did not use is reported with a reason: scene, pose, theme or adjective not shown, not understood.
// Why by hand: prompts here are short noun phrases; a grammar is predictable, explainable in a refusal, and runs
// in microseconds; compromise's tagger (tried) reads "vintage", "howling" and made-up words as nouns in such
// phrases, and no offline npm model does better.

import type { GeneratorDefinition, KindModifiers } from '../generator-definition.ts';
import { COLOUR_NAMES } from '../materials/colour-names.ts';
import { CategoryIndex } from './category-index.ts';
import {
  CONNECTORS,
  DETERMINERS,
  PAIR_NOUNS,
  POSE_WORDS,
  PREAMBLE_WORDS,
  QUANTITY_NOUNS,
  CLASSIFIER_NOUNS,
  UNSHOWN_ADJECTIVES,
  type Relation,
} from './modifier-vocabulary.ts';
import { nearestCategories } from './nearest-categories.ts';
import { FILLER_WORDS, NEGATION_WORDS, NUMBER_WORDS, STYLE_WORDS } from './prompt-vocabulary.ts';
import {
  emptyReading,
  isColourWord,
  isPartWordOf,
  readAttributes,
  readNegativePrompt,
  type PromptReading,
} from './read-attributes.ts';
import { IGNORE_REASONS, isAttributeWord, readNounPhrase, type NounPhrase } from './read-noun-phrase.ts';
import { readDescriptions, reasonFor, setAsideDescriptions } from './description-segments.ts';
import { setAsideProductionNotes } from './production-notes.ts';
import { correctSpelling } from './spell-correct.ts';
import { promptTokens, singular, type PromptToken } from './word-forms.ts';
import { lastObjectIndex, placeComponent, Refusal } from './place-component.ts';

export { METAL_COLOUR_WORDS, type ColourReading, type MaterialReading, type PromptReading } from './read-attributes.ts';

/** How a component sits relative to the one it attaches to. */
export type ComponentRole = 'main' | 'worn' | 'held' | 'support' | 'load' | 'beside';

export interface ComponentReading {
  role: ComponentRole;
  reading: PromptReading;
  /** how many of it (side by side, or spread over a support) */
  copies: number;
  modifiers: KindModifiers;
  /** the component it attaches to (index into components); main attaches to nothing */
  attachedTo: number;
  /** supports and loads: whether the object stands on it or in it */
  placement?: 'on' | 'in';
}

export interface IgnoredWords {
  words: string;
  reason: string;
}

export interface PromptUnderstanding {
  components: ComponentReading[];
  ignored: IgnoredWords[];
  corrections: { from: string; to: string }[];
}

export type ParsePromptResult =
  { ok: true; understanding: PromptUnderstanding } | { ok: false; reason: string; nearest: string[] };

interface Clause {
  relation: Relation | 'main';
  start: number;
  end: number;
}

export class PromptParser {
  readonly index: CategoryIndex;

  constructor(readonly definitions: readonly GeneratorDefinition[]) {
    this.index = new CategoryIndex(definitions);
  }

  parse(prompt: string, negativePrompt?: string): ParsePromptResult {
    try {
      return { ok: true, understanding: this.understand(prompt, negativePrompt) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, reason: error.reason, nearest: error.nearest };
      throw error;
    }
  }

  private understand(prompt: string, negativePrompt: string | undefined): PromptUnderstanding {
    const corrections: { from: string; to: string }[] = [];
    const { kept, notes } = setAsideProductionNotes(promptTokens(prompt));
    const { objectTokens: tokens, descriptions } = setAsideDescriptions(
      this.prepareTokens(kept, corrections),
      (form) => this.index.vocabulary.get(form) === true,
    );
    const words = tokens.map((token) => token.word);
    const forms = tokens.map((token) => token.form);
    const used = new Set<number>();
    const ignoredReasons = new Map<number, string>();

    let first = 0;
    while (first < tokens.length && PREAMBLE_WORDS.has(forms[first]) && !this.index.lookup([forms[first]])) {
      if (!DETERMINERS.has(forms[first])) used.add(first);
      first++;
    }
    const clauses = this.splitClauses(forms, first, used);
    if (clauses.length === 0) throw new Refusal('the prompt names no object', nearestCategories('', [], this.index));

    const components: ComponentReading[] = [];
    let mainClause = clauses[0];
    if (
      clauses[1]?.relation === 'and' &&
      readNounPhrase(tokens, mainClause.start, mainClause.end, this.index, () => false).kind !== 'object'
    ) {
      // "a ham and cheese sandwich": the words before "and" describe what follows
      const merged = { relation: 'main' as const, start: mainClause.start, end: clauses[1].end };
      clauses.splice(0, 2, merged);
      for (let index = mainClause.end; index < clauses[0].start + (merged.end - merged.start); index++)
        if (forms[index] === 'and') used.add(index);
      mainClause = merged;
    }
    const main = this.readMainClause(tokens, mainClause, used, ignoredReasons);
    components.push(main);

    let previousRelation: Relation | 'main' = 'main';
    for (const original of clauses.slice(1)) {
      // "with a mug and a plate": the "and" continues the relation before it
      const clause: Clause =
        original.relation === 'and' && ['with', 'wearing', 'holding'].includes(previousRelation)
          ? { ...original, relation: previousRelation }
          : original;
      previousRelation = clause.relation;
      const target =
        clause.relation === 'with' || clause.relation === 'made of'
          ? lastObjectIndex(components, 'any')
          : lastObjectIndex(
              components,
              clause.relation === 'wearing' || clause.relation === 'holding' ? 'figure' : 'any',
            );
      if (clause.relation === 'made of') {
        for (const index of readAttributes(words, forms, clause.start, clause.end, used, components[target].reading))
          used.add(index);
        continue;
      }
      if (clause.relation === 'scene') {
        this.readSceneClause(words, forms, clause, used, components);
        continue;
      }
      const targetDefinition = components[target].reading.definition;
      const phrase = readNounPhrase(tokens, clause.start, clause.end, this.index, (form) =>
        isPartWordOf(targetDefinition, form),
      );
      if (phrase.kind === 'detail') {
        // "with glowing runes": a surface detail not modelled; its colours are the detail's, not the object's
        for (let index = clause.start; index < clause.end; index++)
          if (!DETERMINERS.has(forms[index]) && !FILLER_WORDS.has(forms[index]))
            ignoredReasons.set(index, IGNORE_REASONS.unshown);
        continue;
      }
      if (phrase.kind === 'none' || phrase.kind === 'part') {
        for (const index of readAttributes(words, forms, clause.start, clause.end, used, components[target].reading))
          used.add(index);
        if (phrase.kind === 'part' && !used.has(phrase.headIndex)) used.add(phrase.headIndex);
        continue;
      }
      if (phrase.kind === 'scene') {
        this.readSceneClause(words, forms, clause, used, components);
        continue;
      }
      if (phrase.kind === 'unknown' || phrase.kind === 'ambiguous')
        throw this.refusalFor(phrase, `${clause.relation} ${phrase.phrase}`);
      if (this.isNegated(forms, clause.start, phrase.start)) {
        // "with no hat": nothing to add
        for (let index = clause.start; index < clause.end; index++) used.add(index);
        continue;
      }
      const component = this.componentOf(phrase, tokens, clause, used, ignoredReasons);
      const placed = placeComponent(clause.relation, component, components, target, phrase.subject);
      components.push(placed);
    }

    if (negativePrompt) {
      const negativeForms = promptTokens(negativePrompt).map((token) => token.form);
      for (const component of components) {
        const unused = readNegativePrompt(negativeForms, component.reading);
        if (component.role === 'main')
          for (const word of unused)
            ignoredReasons.set(-1 - ignoredReasons.size, `negative_prompt "${word}": nothing of the kind to leave out`);
      }
    }
    for (const component of components) inferVariantFromDetails(component.reading);
    const described = readDescriptions(
      descriptions,
      components.map((component) => component.reading),
    );
    return {
      components,
      ignored: [...this.collectIgnored(tokens, used, ignoredReasons), ...described, ...notes],
      corrections,
    };
  }

  /** Spelling corrections, and hyphenated words kept as one adjective unless they are a name, a count or colours. */
  private prepareTokens(raw: PromptToken[], corrections: { from: string; to: string }[]): PromptToken[] {
    const tokens: PromptToken[] = [];
    for (let index = 0; index < raw.length; index++) {
      const token = raw[index];
      if (token.hyphenGroup === undefined) {
        tokens.push(this.corrected(token, corrections));
        continue;
      }
      const group = raw.filter((other) => other.hyphenGroup === token.hyphenGroup);
      index += group.length - 1;
      const groupForms = group.map((part) => part.form);
      const joined = group.map((part) => part.word).join('');
      const separate = () =>
        group.map(({ word, form, endsSegment, possessive }) => ({ word, form, endsSegment, possessive }));
      const { endsSegment, possessive } = group[group.length - 1];
      if (this.index.lookup(groupForms)) tokens.push(...separate());
      else if (this.index.lookup([joined]))
        tokens.push({ word: group.map((part) => part.word).join('-'), form: joined, endsSegment, possessive });
      else if (
        /^\d+$/.test(groupForms[0]) ||
        NUMBER_WORDS[groupForms[0]] !== undefined ||
        groupForms.every((form) => isColourWord(form) || form === 'and' || form === 'light' || form === 'dark')
      )
        tokens.push(...separate());
      else if (groupForms.length === 2 && isAttributeWord(groupForms[0]) && this.index.lookup([groupForms[1]]))
        tokens.push(...separate());
      else
        tokens.push({
          word: group.map((part) => part.word).join('-'),
          form: groupForms.join('-'),
          endsSegment,
          possessive,
        });
    }
    return this.joinSplitNames(tokens);
  }

  private corrected(token: PromptToken, corrections: { from: string; to: string }[]): PromptToken {
    if (this.index.vocabulary.has(token.form) || this.index.vocabulary.has(token.word)) return token;
    const correction =
      correctSpelling(token.word, this.index.vocabulary) ??
      (token.form !== token.word ? correctSpelling(token.form, this.index.vocabulary) : undefined);
    if (!correction) return token;
    corrections.push({ from: token.word, to: correction });
    return { ...token, word: correction, form: correction, correctedFrom: token.word };
  }

  /** Two words that are one name written apart ("space ship", "sail boat", "book case") become that name. */
  private joinSplitNames(tokens: PromptToken[]): PromptToken[] {
    const joined: PromptToken[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const [first, second] = [tokens[index], tokens[index + 1]];
      if (
        second &&
        !first.endsSegment &&
        /^[a-z]+$/.test(first.word + second.word) &&
        !this.index.lookup([first.form, second.form])
      ) {
        const form = singular(first.word + second.word);
        if (this.index.lookup([form])) {
          joined.push({ ...second, word: `${first.word} ${second.word}`, form });
          index++;
          continue;
        }
      }
      joined.push(first);
    }
    return joined;
  }

  /** Clauses at connectors; "and" starts a new object only when a noun follows that is not a part of the last one. */
  private splitClauses(forms: readonly string[], from: number, used: Set<number>): Clause[] {
    const clauses: Clause[] = [];
    let current: Clause = { relation: 'main', start: from, end: forms.length };
    for (let index = from; index < forms.length; index++) {
      const connector = CONNECTORS.find(([phrase]) => {
        const parts = phrase.split(' ');
        return parts.every((part, offset) => forms[index + offset] === part);
      });
      if (!connector || (index === current.start && current.relation === 'main')) continue;
      const [phrase, relation] = connector;
      const length = phrase.split(' ').length;
      if (
        relation === 'and' &&
        (!this.startsObject(forms, index + length) || !this.hasNoun(forms, current.start, index))
      )
        continue;
      if (
        (phrase === 'flying' ||
          phrase === 'floating' ||
          phrase === 'swimming' ||
          phrase === 'looking' ||
          phrase === 'like') &&
        forms[index + 1] !== undefined &&
        !['in', 'at', 'over', 'above', 'on', 'through', 'across', 'a', 'an', 'the'].includes(forms[index + 1])
      )
        continue;
      current.end = index;
      if (current.end > current.start) clauses.push(current);
      for (let offset = 0; offset < length; offset++) used.add(index + offset);
      current = { relation, start: index + length, end: forms.length };
      index += length - 1;
    }
    if (current.end > current.start) clauses.push(current);
    return clauses;
  }

  /** Whether forms[from, to) hold a noun-like word (so an "and" after them can join a second object). */
  private hasNoun(forms: readonly string[], from: number, to: number): boolean {
    for (let index = from; index < to; index++) {
      const form = forms[index];
      if (
        DETERMINERS.has(form) ||
        FILLER_WORDS.has(form) ||
        isAttributeWord(form) ||
        UNSHOWN_ADJECTIVES.has(form) ||
        POSE_WORDS.has(form) ||
        PREAMBLE_WORDS.has(form)
      )
        continue;
      return true;
    }
    return false;
  }

  /** Whether the words after an "and" name an object (so the "and" joins objects, not colours or parts). */
  private startsObject(forms: readonly string[], from: number): boolean {
    for (let index = from; index < Math.min(forms.length, from + 5); index++) {
      const form = forms[index];
      if (DETERMINERS.has(form) || FILLER_WORDS.has(form) || isAttributeWord(form) || UNSHOWN_ADJECTIVES.has(form))
        continue;
      return !CONNECTORS.some(([phrase]) => phrase === form);
    }
    return false;
  }

  private readMainClause(
    tokens: readonly PromptToken[],
    clause: Clause,
    used: Set<number>,
    ignoredReasons: Map<number, string>,
  ): ComponentReading {
    const forms = tokens.map((token) => token.form);
    const words = tokens.map((token) => token.word);
    const ofIndex = forms.indexOf('of', clause.start);
    let phrase = readNounPhrase(tokens, clause.start, clause.end, this.index, () => false);
    let attributeRanges: [number, number][] = [[clause.start, clause.end]];
    let contents: { start: number; end: number } | undefined;
    if (
      ofIndex > clause.start &&
      ofIndex < clause.end - 1 &&
      !(phrase.kind === 'object' && phrase.start <= ofIndex && phrase.end > ofIndex)
    ) {
      const left = readNounPhrase(tokens, clause.start, ofIndex, this.index, () => false);
      const leftHead = lastContentForm(forms, clause.start, ofIndex);
      if (
        leftHead !== undefined &&
        (QUANTITY_NOUNS.has(leftHead) || leftHead in CLASSIFIER_NOUNS || left.kind === 'none')
      ) {
        phrase = readNounPhrase(tokens, ofIndex + 1, clause.end, this.index, () => false);
        used.add(ofIndex);
        const classifier = CLASSIFIER_NOUNS[leftHead];
        if (phrase.kind === 'object') {
          if (classifier) phrase.modifiers[classifier] = true;
          phrase.consumed.push(lastContentIndex(forms, clause.start, ofIndex)!);
          if (leftHead === 'pair' && phrase.copies === undefined && !PAIR_NOUNS.has(tokens[phrase.end - 1].word))
            phrase.copies = 2;
          if (
            ['stack', 'pile', 'bunch', 'heap', 'cluster', 'bouquet', 'handful'].includes(leftHead) &&
            phrase.copies === undefined
          )
            phrase.copies = 3;
          const variant = Object.entries(phrase.entry.definition.variants ?? {}).find(([, variantWords]) =>
            variantWords.includes(leftHead),
          )?.[0];
          if (variant && phrase.entry.variant === undefined) phrase.entry = { ...phrase.entry, variant };
        }
      } else if (left.kind === 'object') {
        phrase = left;
        attributeRanges = [[clause.start, ofIndex]];
        contents = { start: ofIndex + 1, end: clause.end };
        used.add(ofIndex);
      }
    }
    if (phrase.kind !== 'object')
      throw this.refusalFor(
        phrase,
        tokens
          .slice(clause.start, clause.end)
          .map((token) => token.word)
          .join(' '),
      );
    if (this.isNegated(forms, clause.start, phrase.start))
      throw new Refusal('the prompt only says what the object is not', nearestCategories('', [], this.index));
    const component = this.componentOf(
      phrase,
      tokens,
      { relation: 'main', start: clause.start, end: clause.end },
      used,
      ignoredReasons,
      attributeRanges,
    );
    if (contents) {
      // "a bowl of fruit", "a glass of wine": contents that are parts of the container describe it; others are not shown
      const contentsPhrase = readNounPhrase(tokens, contents.start, contents.end, this.index, (form) =>
        isPartWordOf(phrase.entry.definition, form),
      );
      if (contentsPhrase.kind === 'part' || contentsPhrase.kind === 'none') {
        for (const index of readAttributes(words, forms, contents.start, contents.end, used, component.reading))
          used.add(index);
      } else {
        for (let index = contents.start; index < contents.end; index++)
          if (!used.has(index) && !DETERMINERS.has(forms[index])) ignoredReasons.set(index, IGNORE_REASONS.unshown);
      }
    }
    return component;
  }

  private componentOf(
    phrase: Extract<NounPhrase, { kind: 'object' }>,
    tokens: readonly PromptToken[],
    clause: Clause,
    used: Set<number>,
    ignoredReasons: Map<number, string>,
    ranges: [number, number][] = [[clause.start, clause.end]],
  ): ComponentReading {
    const words = tokens.map((token) => token.word);
    const forms = tokens.map((token) => token.form);
    const reading = emptyReading(phrase.entry.definition, phrase.entry.variant, phrase.subject);
    for (const index of phrase.consumed) used.add(index);
    for (const flavour of phrase.flavours) {
      reading.colours.push({ name: flavour.colour, rgb: COLOUR_NAMES[flavour.colour] });
      reading.attributes.push(`${words[flavour.index]} (flavour: ${flavour.colour})`);
    }
    // the attribute reader sees the adjectives too ("a handleless mug"); what it uses is no longer ignored
    const skip = new Set(used);
    for (const [from, to] of ranges)
      for (const index of readAttributes(words, forms, from, to, skip, reading)) used.add(index);
    for (const [index, reason] of phrase.ignored) if (!used.has(index)) ignoredReasons.set(index, reason);
    return {
      role: 'main',
      reading,
      copies: Math.max(1, Math.min(8, phrase.copies ?? 1)),
      modifiers: phrase.modifiers,
      attachedTo: -1,
    };
  }

  /** A scene clause ("at sunset", "in low-poly style", "for a game"): style words apply, the rest is ignored. */
  private readSceneClause(
    words: readonly string[],
    forms: readonly string[],
    clause: Clause,
    used: Set<number>,
    components: ComponentReading[],
  ): void {
    for (let index = clause.start; index < clause.end; index++) {
      const style = STYLE_WORDS[forms[index]];
      if (style) {
        for (const component of components) component.reading.style = style;
        components[0].reading.attributes.push(words[index]);
        used.add(index);
      }
    }
  }

  private isNegated(forms: readonly string[], from: number, at: number): boolean {
    for (let index = at - 1; index >= from; index--) {
      if (NEGATION_WORDS.has(forms[index])) return true;
      if (!DETERMINERS.has(forms[index]) && !FILLER_WORDS.has(forms[index])) return false;
    }
    return false;
  }

  private refusalFor(phrase: NounPhrase, text: string): Refusal {
    switch (phrase.kind) {
      case 'unknown': {
        const nearest = nearestCategories(phrase.head, phrase.named, this.index);
        const named =
          phrase.named.length > 0
            ? ` (it can make ${phrase.named.map((definition) => `a ${definition.category}`).join(' and ')}, but a "${phrase.phrase}" is something else)`
            : '';
        return new Refusal(
          `the built-in generator cannot make "${phrase.phrase}": it has no "${phrase.head}"${named}`,
          nearest,
        );
      }
      case 'ambiguous': {
        const nearest = nearestCategories(phrase.word, [phrase.head, ...phrase.named], this.index);
        return new Refusal(
          `the built-in generator is not sure what a "${phrase.phrase}" is: it can make a ${phrase.head.category}${phrase.named.length > 0 ? ` and a ${phrase.named[0].category}` : ''}, but "${phrase.word}" may change what the object is, so it will not guess`,
          nearest,
        );
      }
      case 'part':
        return new Refusal(
          `"${text}" names a part, not a whole object`,
          nearestCategories(phrase.head, [], this.index),
        );
      case 'scene':
        return new Refusal(
          `"${text}" is a setting, not an object (the built-in generator models one object)`,
          nearestCategories(phrase.head, [], this.index),
        );
      default:
        return new Refusal(`"${text}" names no object`, nearestCategories('', [], this.index));
    }
  }

  private collectIgnored(
    tokens: readonly PromptToken[],
    used: ReadonlySet<number>,
    reasons: ReadonlyMap<number, string>,
  ): IgnoredWords[] {
    const ignored: IgnoredWords[] = [];
    let last: { reason: string; index: number } | undefined;
    for (let index = 0; index < tokens.length; index++) {
      const { word, form } = tokens[index];
      if (used.has(index) || DETERMINERS.has(form) || (FILLER_WORDS.has(form) && !reasons.has(index))) continue;
      const reason = reasons.get(index) ?? reasonFor(form);
      if (last && last.reason === reason && last.index === index - 1) ignored[ignored.length - 1].words += ` ${word}`;
      else ignored.push({ words: word, reason });
      last = { reason, index };
    }
    for (const [index, reason] of reasons)
      if (index < 0)
        ignored.push({
          words: reason.replace(/^negative_prompt "([^"]+)".*$/, '$1'),
          reason: 'negative_prompt: nothing of the kind to leave out',
        });
    return ignored;
  }
}

function lastContentIndex(forms: readonly string[], from: number, to: number): number | undefined {
  for (let index = to - 1; index >= from; index--)
    if (!DETERMINERS.has(forms[index]) && !FILLER_WORDS.has(forms[index])) return index;
  return undefined;
}

function lastContentForm(forms: readonly string[], from: number, to: number): string | undefined {
  const index = lastContentIndex(forms, from, to);
  return index === undefined ? undefined : forms[index];
}

/** A detail word that is a variant word selects the variant ("a vase with flowers", "a glass of wine"). */
function inferVariantFromDetails(reading: PromptReading): void {
  if (reading.variant !== undefined) return;
  for (const word of reading.details.keys()) {
    for (const [variant, variantWords] of Object.entries(reading.definition.variants ?? {})) {
      if (
        variantWords.some((variantWord) => variantWord === singular(word) || variantWord === reading.details.get(word))
      ) {
        reading.variant = variant;
        return;
      }
    }
  }
}
