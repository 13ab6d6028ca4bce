// Finds what a noun phrase names. The head noun is the last noun of the phrase ("a chess knight piece" → piece →
// classifier → knight; "an astronaut helmet" → helmet), matched with the longest category name that ends on it
// ("chess knight", "hot dog", "ice cream cone"). The words before the name are then checked one by one: colours,
// materials, sizes and styles are attributes; a variant word of the category selects the variant ("pine tree");
// toy / baby / robot / statue keep the kind and change how it is made (robot only for a body plan that has a
// mechanical form); appearance, mood and theme adjectives and settings ("kitchen table") are reported as ignored
// (descriptive-words.ts says which unknown words describe; a noun used as a modifier, "candy cane", is refused).
// A word before the name that is itself the name of another category ("robot fish", "mushroom lamp") or a noun the
// parser does not know ("sea lion", "bear trap" where the head is unknown) makes the phrase ambiguous or unknown:
// the caller refuses rather than answer with the unqualified object.

import type { GeneratorDefinition, KindModifiers } from '../generator-definition.ts';
import { type CategoryEntry, type CategoryIndex, MAX_PHRASE_WORDS } from './category-index.ts';
import {
  COOKING_WORDS,
  DESCRIPTIVE_ADJECTIVES,
  isFood,
  readsAsDescription,
  SURFACE_DETAIL_NOUNS,
  THEME_NOUNS,
  themeKeepsKind,
} from './descriptive-words.ts';
import {
  CLASSIFIER_NOUNS,
  DETERMINERS,
  KIND_MODIFIER_WORDS,
  PAIR_NOUNS,
  POSE_WORDS,
  QUANTITY_NOUNS,
  SCENE_NOUNS,
  SETTING_MODIFIERS,
  UNSHOWN_ADJECTIVES,
} from './modifier-vocabulary.ts';
import { FILLER_WORDS, NEGATION_WORDS } from './prompt-vocabulary.ts';
import { isAttributeWord, looksLikeAdjective } from './attribute-words.ts';
import { makesCompound, nameEndingAt, namedCategories, nameWordsOf, partOf, variantOf } from './category-names.ts';
import { countsOwnCopies, numberBefore, PAIRED_CATEGORIES } from './phrase-copies.ts';
import { isEnglishWord } from './spell-correct.ts';
import type { PromptToken } from './word-forms.ts';

export type NounPhrase =
  | {
      kind: 'object';
      entry: CategoryEntry;
      /** token range of the name */
      start: number;
      end: number;
      modifiers: KindModifiers;
      /** token indices read here (the name, classifiers, kind modifiers, the variant word) */
      consumed: number[];
      /** token index → why it is ignored (adjectives, themes, settings, poses) */
      ignored: Map<number, string>;
      /** how many of it: "two apples", "3 balloons"; undefined when one */
      copies?: number;
      /** the words naming it, modifiers included ("toy car", "robot dog") */
      subject: string;
      /** flavours of food, shown as their colour ("a strawberry ice cream": pink) */
      flavours: { index: number; colour: string }[];
    }
  | { kind: 'ambiguous'; phrase: string; named: GeneratorDefinition[]; head: GeneratorDefinition; word: string }
  | { kind: 'unknown'; head: string; phrase: string; named: GeneratorDefinition[] }
  | { kind: 'part'; head: string; headIndex: number }
  /** a surface detail the generator does not model: "(with) glowing runes", "(with) neon lights" */
  | { kind: 'detail'; head: string }
  | { kind: 'scene'; head: string }
  | { kind: 'none' };

const REASONS = {
  unshown: 'not shown by the built-in generator',
  pose: 'a pose or action: models are made at rest',
  setting: 'a setting: only the object is modelled',
  classifier: 'the kind of model: it is made as an object',
  owner: 'an owner: only the object is modelled',
} as const;

export { REASONS as IGNORE_REASONS };

function isSkippable(form: string): boolean {
  return DETERMINERS.has(form) || FILLER_WORDS.has(form);
}

/**
 * Reads tokens[start, end) as a noun phrase. `partWordsOf` tells whether a word is a part word of the object this
 * phrase attaches to (then the phrase is a detail, not a new object).
 */
export function readNounPhrase(
  tokens: readonly PromptToken[],
  start: number,
  phraseEnd: number,
  index: CategoryIndex,
  isPartWord: (form: string) => boolean,
): NounPhrase {
  const forms = tokens.map((token) => token.form);
  let end = phraseEnd;
  // a negation after a name ends the phrase: "a mug without a handle" is a mug
  for (let position = start + 1; position < end; position++) {
    if (
      NEGATION_WORDS.has(forms[position]) &&
      Array.from({ length: position - start }, (_, offset) => nameEndingAt(forms, start, start + offset, index)).some(
        Boolean,
      )
    ) {
      end = position;
      break;
    }
  }
  // the head: the last noun-like word; scene nouns and adjectives after a name are not it ("a dragon breathing fire")
  let head = end - 1;
  const trailing = new Map<number, string>();
  const nameBefore = (at: number) => {
    for (let position = start; position < at; position++) if (nameEndingAt(forms, start, position, index)) return true;
    return false;
  };
  while (head >= start) {
    const form = forms[head];
    if (nameEndingAt(forms, start, head, index) || isPartWord(form)) break;
    if (isSkippable(form) || isAttributeWord(form)) {
      head--;
      continue;
    }
    if (POSE_WORDS.has(form) || (form.endsWith('ing') && form.length > 5) || (/ly$/.test(form) && form.length > 4)) {
      trailing.set(head, REASONS.pose);
      head--;
      continue;
    }
    if (
      (SCENE_NOUNS.has(form) || UNSHOWN_ADJECTIVES.has(form)) &&
      nameBefore(head) &&
      !makesCompound(tokens, start, head, index)
    ) {
      trailing.set(head, SCENE_NOUNS.has(form) ? REASONS.setting : REASONS.unshown);
      head--;
      continue;
    }
    break;
  }
  if (head < start) return { kind: 'none' };
  // a part of the object the phrase attaches to wins over a category of the same name ("a cake with candles")
  if (isPartWord(forms[head])) return { kind: 'part', head: forms[head], headIndex: head };

  const modifiers: KindModifiers = {};
  const ignored = new Map<number, string>(trailing);
  const consumed: number[] = [];

  // classifier nouns at the end: "a chess knight piece", "a dragon statue", "a dinosaur toy"
  let match = nameEndingAt(forms, start, head, index);
  while (!match && head > start && forms[head] in CLASSIFIER_NOUNS) {
    const modifier = CLASSIFIER_NOUNS[forms[head]];
    if (modifier) modifiers[modifier] = true;
    else ignored.set(head, REASONS.classifier);
    consumed.push(head);
    head--;
    while (head > start && isSkippable(forms[head])) head--;
    match = nameEndingAt(forms, start, head, index);
  }
  if (!match) {
    const form = forms[head];
    if (isPartWord(form)) return { kind: 'part', head: form, headIndex: head };
    if (SURFACE_DETAIL_NOUNS.has(form) && namedCategories(forms, start, head, index).length === 0)
      return { kind: 'detail', head: form };
    if (SCENE_NOUNS.has(form) || SETTING_MODIFIERS.has(form)) return { kind: 'scene', head: form };
    if (isAttributeWord(form) || UNSHOWN_ADJECTIVES.has(form) || looksLikeAdjective(tokens[head].form)) {
      // only adjectives: "something red", "in blue"
      return { kind: 'none' };
    }
    return {
      kind: 'unknown',
      head: tokens[head].word,
      phrase: phraseText(tokens, start, end),
      named: namedCategories(forms, start, head, index),
    };
  }

  const { entry, length } = match;
  const flavours: { index: number; colour: string }[] = [];
  const nameStart = head - length + 1;
  for (let position = nameStart; position <= head; position++) consumed.push(position);
  let variant = entry.variant;
  // a variant named by the name itself ("a trident" is the spear's trident)
  for (let position = nameStart; position <= head && variant === undefined; position++)
    variant = variantOf(entry.definition, forms[position]);

  // the words before the name, nearest first
  for (let position = nameStart - 1; position >= start; position--) {
    const form = forms[position];
    if (isSkippable(form) || isAttributeWord(form)) continue;
    if (variant === undefined && variantOf(entry.definition, form)) {
      variant = variantOf(entry.definition, form);
      consumed.push(position);
      continue;
    }
    if (nameWordsOf(entry.definition).has(form)) {
      // a word of another name of the same category ("chess" in "a chess knight piece")
      consumed.push(position);
      continue;
    }
    if (tokens[position].possessive) {
      ignored.set(position, REASONS.owner);
      continue;
    }
    const flavour = entry.definition.family === 'food' ? FLAVOUR_COLOURS[form] : undefined;
    if (flavour) {
      flavours.push({ index: position, colour: flavour });
      consumed.push(position);
      continue;
    }
    const kindModifier = KIND_MODIFIER_WORDS[form];
    if (kindModifier && kindModifierApplies(kindModifier, entry.definition)) {
      modifiers[kindModifier] = true;
      consumed.push(position);
      continue;
    }
    if (partOf(entry.definition, form, index)) continue;
    const other = nameEndingAt(forms, Math.max(start, position - MAX_PHRASE_WORDS + 1), position, index);
    if (other && other.entry.definition === entry.definition) {
      // "a t-rex dinosaur": another name of the same category
      for (let name = position - other.length + 1; name <= position; name++) consumed.push(name);
      variant ??= other.entry.variant;
      position -= other.length - 1;
      continue;
    }
    // a describing word that is also a one-word name elsewhere ("regal" is German for a bookshelf, "frosty" a snowman)
    if (other && other.length === 1 && DESCRIPTIVE_ADJECTIVES.has(form)) {
      ignored.set(position, REASONS.unshown);
      continue;
    }
    if (other && other.entry.definition !== entry.definition && !SETTING_MODIFIERS.has(form)) {
      return {
        kind: 'ambiguous',
        phrase: phraseText(tokens, start, head + 1),
        named: [other.entry.definition],
        head: entry.definition,
        word: tokens[position].word,
      };
    }
    if (kindModifier)
      return {
        kind: 'ambiguous',
        phrase: phraseText(tokens, start, head + 1),
        named: [],
        head: entry.definition,
        word: tokens[position].word,
      };
    const english = isEnglishWord(tokens[position].word) || isEnglishWord(form);
    if (POSE_WORDS.has(form)) ignored.set(position, REASONS.pose);
    else if (SETTING_MODIFIERS.has(form)) ignored.set(position, REASONS.setting);
    else if (COOKING_WORDS.has(form) && !isFood(entry.definition))
      return {
        kind: 'ambiguous',
        phrase: phraseText(tokens, start, head + 1),
        named: [],
        head: entry.definition,
        word: tokens[position].word,
      };
    else if (THEME_NOUNS.has(form) && !themeKeepsKind(entry.definition))
      return {
        kind: 'ambiguous',
        phrase: phraseText(tokens, start, head + 1),
        named: [],
        head: entry.definition,
        word: tokens[position].word,
      };
    else if (THEME_NOUNS.has(form) || UNSHOWN_ADJECTIVES.has(form) || readsAsDescription(form, english) || !english)
      ignored.set(position, REASONS.unshown);
    else
      return {
        kind: 'ambiguous',
        phrase: phraseText(tokens, start, head + 1),
        named: [],
        head: entry.definition,
        word: tokens[position].word,
      };
  }

  const headToken = tokens[head];
  const plural =
    headToken.word !== headToken.form &&
    !PAIR_NOUNS.has(headToken.word) &&
    !countsOwnCopies(entry.definition, headToken.form);
  let copies: number | undefined;
  if (plural) {
    const number = numberBefore(forms, start, nameStart);
    copies = number?.value ?? (PAIRED_CATEGORIES.has(entry.definition.category) ? 2 : 3);
    if (number) consumed.push(number.index);
  }
  const modifierWords =
    Object.keys(modifiers).length > 0
      ? consumed
          .filter((position) => position < nameStart && KIND_MODIFIER_WORDS[forms[position]])
          .sort((a, b) => a - b)
          .map((position) => tokens[position].word)
      : [];
  return {
    kind: 'object',
    entry: { definition: entry.definition, variant },
    start: nameStart,
    end: head + 1,
    modifiers,
    consumed,
    ignored,
    copies,
    flavours,
    subject: [...modifierWords, ...tokens.slice(nameStart, head + 1).map((token) => token.word)].join(' '),
  };
}

/** Flavour words of food and the colour they show. */
const FLAVOUR_COLOURS: Readonly<Record<string, string>> = {
  strawberry: 'pink',
  raspberry: 'pink',
  cherry: 'red',
  chocolate: 'brown',
  vanilla: 'cream',
  lemon: 'yellow',
  banana: 'yellow',
  mint: 'mint',
  pistachio: 'lime',
  blueberry: 'navy',
  caramel: 'amber',
  coffee: 'brown',
  apple: 'lime',
  orange: 'orange',
  peach: 'peach',
  coconut: 'white',
  matcha: 'green',
  grape: 'purple',
  honey: 'amber',
};

/** "robot" keeps the kind only of bodies with a mechanical form; toy, baby and statue keep any kind. */
function kindModifierApplies(modifier: keyof KindModifiers, definition: GeneratorDefinition): boolean {
  if (modifier === 'mechanical') return definition.bodyPlan !== undefined;
  if (modifier === 'baby')
    return definition.family === 'animal' || definition.family === 'creature' || definition.family === 'character';
  return true;
}

function phraseText(tokens: readonly PromptToken[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((token) => token.word)
    .filter((word) => !DETERMINERS.has(word))
    .join(' ');
}

export { QUANTITY_NOUNS };
