// Word classes the noun-phrase reader skips over: attribute words the attribute reader handles, and words that
// look like adjectives by their ending.
import { COLOUR_MODIFIERS } from '../materials/colour-names.ts';
import {
  INTENSIFIERS,
  MATERIAL_WORDS,
  NEGATION_WORDS,
  NUMBER_WORDS,
  PROPORTION_WORDS,
  SIZE_WORDS,
  STYLE_WORDS,
} from './prompt-vocabulary.ts';
import { isColourWord } from './read-attributes.ts';

/** Attribute words the attribute reader handles (colours, materials, sizes, styles, numbers, negations). */
export function isAttributeWord(form: string): boolean {
  return (
    isColourWord(form) ||
    MATERIAL_WORDS[form] !== undefined ||
    SIZE_WORDS[form] !== undefined ||
    PROPORTION_WORDS[form] !== undefined ||
    STYLE_WORDS[form] !== undefined ||
    COLOUR_MODIFIERS[form] !== undefined ||
    NUMBER_WORDS[form] !== undefined ||
    /^\d{1,3}$/.test(form) ||
    INTENSIFIERS.has(form) ||
    NEGATION_WORDS.has(form)
  );
}

/** Adjective-like by its ending (for words of no vocabulary): "zorbish", "sparkly", "handcrafted", "fire-breathing". */
export function looksLikeAdjective(form: string): boolean {
  if (form.includes('-')) return true;
  return (
    /(y|ish|ous|ful|less|ic|al|ive|able|ible|ed|ing|en|ese|ian|ary|ant|ent|esque|like|ly)$/.test(form) &&
    form.length > 3
  );
}
