// Comma-separated segments of a prompt that only describe ("a cat sitting, pastel colors", "a barrel, old, rusty",
// "Low poly, stylized: a fox"). They are set aside before the object is read, so their words can never be taken
// for part of its name ("pastel" is also Spanish for cake); their colours, materials, sizes and styles then apply
// to the main object and the rest is reported as ignored. A segment with any word that may name a thing is not a
// description and stays in the prompt, as does every segment when the prompt has nothing else.

import { isEnglishWord } from './spell-correct.ts';
import { DESCRIPTIVE_ADJECTIVES, readsAsDescription, SURFACE_DETAIL_NOUNS, THEME_NOUNS } from './descriptive-words.ts';
import {
  CLASSIFIER_NOUNS,
  DETERMINERS,
  KIND_MODIFIER_WORDS,
  POSE_WORDS,
  PRESENTATION_NOUNS,
  SCENE_NOUNS,
  SETTING_MODIFIERS,
  UNSHOWN_ADJECTIVES,
} from './modifier-vocabulary.ts';
import { FILLER_WORDS } from './prompt-vocabulary.ts';
import { readAttributes, type PromptReading } from './read-attributes.ts';
import { isAttributeWord, looksLikeAdjective } from './attribute-words.ts';
import { IGNORE_REASONS } from './read-noun-phrase.ts';
import type { PromptToken } from './word-forms.ts';

export const REASON_NOT_UNDERSTOOD = 'not understood';

/** Why an unused word of the prompt was left out. */
export function reasonFor(form: string): string {
  if (SURFACE_DETAIL_NOUNS.has(form) || DESCRIPTIVE_ADJECTIVES.has(form) || THEME_NOUNS.has(form))
    return IGNORE_REASONS.unshown;
  if (POSE_WORDS.has(form)) return IGNORE_REASONS.pose;
  if (SCENE_NOUNS.has(form) || SETTING_MODIFIERS.has(form)) return IGNORE_REASONS.setting;
  if (UNSHOWN_ADJECTIVES.has(form) || isAttributeWord(form) || looksLikeAdjective(form)) return IGNORE_REASONS.unshown;
  return REASON_NOT_UNDERSTOOD;
}

/** Whether a word only describes: a word that names a thing ("house", "desk") describes only when it is also an
 * attribute or adjective ("stone", "pastel"). */
function describes(token: PromptToken, isName: (form: string) => boolean): boolean {
  const { form, word } = token;
  // "sculpted", "robotic", "toy" change how the object is made: never a mere description
  if (KIND_MODIFIER_WORDS[form] !== undefined || form in CLASSIFIER_NOUNS) return false;
  if (
    DETERMINERS.has(form) ||
    FILLER_WORDS.has(form) ||
    isAttributeWord(form) ||
    UNSHOWN_ADJECTIVES.has(form) ||
    DESCRIPTIVE_ADJECTIVES.has(form)
  )
    return true;
  if (isName(form)) return false;
  return (
    POSE_WORDS.has(form) ||
    SCENE_NOUNS.has(form) ||
    THEME_NOUNS.has(form) ||
    PRESENTATION_NOUNS.has(form) ||
    SURFACE_DETAIL_NOUNS.has(form) ||
    readsAsDescription(form, isEnglishWord(word) || isEnglishWord(form))
  );
}

/** The tokens left to read as objects, and the describing segments set aside. */
export function setAsideDescriptions(
  tokens: readonly PromptToken[],
  isName: (form: string) => boolean,
): { objectTokens: PromptToken[]; descriptions: PromptToken[][] } {
  const segments: PromptToken[][] = [[]];
  for (const token of tokens) {
    segments[segments.length - 1].push(token);
    if (token.endsSegment) segments.push([]);
  }
  const filled = segments.filter((segment) => segment.length > 0);
  const descriptions = filled.filter(
    (segment) =>
      segment.every((token) => describes(token, isName)) &&
      !segment.every((token) => DETERMINERS.has(token.form) || FILLER_WORDS.has(token.form)),
  );
  if (descriptions.length === filled.length || descriptions.length === 0)
    return { objectTokens: [...tokens], descriptions: [] };
  return { objectTokens: filled.filter((segment) => !descriptions.includes(segment)).flat(), descriptions };
}

/** Applies the describing segments' attributes to the main reading (styles to every reading); returns the rest as ignored. */
export function readDescriptions(
  descriptions: readonly PromptToken[][],
  readings: readonly PromptReading[],
): { words: string; reason: string }[] {
  const ignored: { words: string; reason: string }[] = [];
  for (const segment of descriptions) {
    const words = segment.map((token) => token.word);
    const forms = segment.map((token) => token.form);
    const used = readAttributes(words, forms, 0, segment.length, new Set(), readings[0]);
    let last: { reason: string; index: number } | undefined;
    segment.forEach((token, index) => {
      if (used.has(index) || DETERMINERS.has(token.form) || FILLER_WORDS.has(token.form)) return;
      const reason = reasonFor(token.form);
      if (last && last.reason === reason && last.index === index - 1)
        ignored[ignored.length - 1].words += ` ${token.word}`;
      else ignored.push({ words: token.word, reason });
      last = { reason, index };
    });
  }
  for (const reading of readings.slice(1)) if (readings[0].style) reading.style = readings[0].style;
  return ignored;
}
