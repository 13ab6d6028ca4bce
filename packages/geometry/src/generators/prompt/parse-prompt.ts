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
  CLASSIFIER_NOUNS,
  DETERMINERS,
  PAIR_NOUNS,
  PREAMBLE_WORDS,
  QUANTITY_NOUNS,
  type Relation,
} from './modifier-vocabulary.ts';
import { nearestCategories } from './nearest-categories.ts';
import { FILLER_WORDS, NEGATION_WORDS, STYLE_WORDS } from './prompt-vocabulary.ts';
import {
  emptyReading,
  isPartWordOf,
  readAttributes,
  readNegativePrompt,
  type PromptReading,
} from './read-attributes.ts';
import { IGNORE_REASONS, readNounPhrase, type NounPhrase } from './read-noun-phrase.ts';
import { readDescriptions, setAsideDescriptions } from './description-segments.ts';
import { setAsideProductionNotes } from './production-notes.ts';
import { promptTokens, singular, type PromptToken } from './word-forms.ts';
import { lastObjectIndex, placeComponent, Refusal } from './place-component.ts';
import { prepareTokens } from './prepare-prompt-tokens.ts';
import { splitClauses, type Clause } from './split-clauses.ts';
import { refusalFor } from './phrase-refusal.ts';
import { collectIgnored } from './collect-ignored-words.ts';

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
      prepareTokens(kept, corrections, this.index),
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
    const clauses = splitClauses(forms, first, used);
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
        throw refusalFor(phrase, this.index, `${clause.relation} ${phrase.phrase}`);
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
      ignored: [...collectIgnored(tokens, used, ignoredReasons), ...described, ...notes],
      corrections,
    };
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
      throw refusalFor(
        phrase,
        this.index,
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
