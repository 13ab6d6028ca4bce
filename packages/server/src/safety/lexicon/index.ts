// Every category lexicon, in the order a refusal names the categories it found.
import type { CategoryLexicon } from './category-lexicon.ts';
import { GORE_LEXICON } from './gore-lexicon.ts';
import { HATE_SYMBOLS_LEXICON } from './hate-symbols-lexicon.ts';
import { MINORS_LEXICON } from './minors-lexicon.ts';
import { PROFANITY_LEXICON } from './profanity-lexicon.ts';
import { SELF_HARM_LEXICON } from './self-harm-lexicon.ts';
import { SEXUAL_LEXICON } from './sexual-lexicon.ts';
import { SLURS_LEXICON } from './slurs-lexicon.ts';
import { WEAPONS_LEXICON } from './weapons-lexicon.ts';

export const CATEGORY_LEXICONS: readonly CategoryLexicon[] = [
  MINORS_LEXICON,
  SEXUAL_LEXICON,
  SELF_HARM_LEXICON,
  GORE_LEXICON,
  HATE_SYMBOLS_LEXICON,
  SLURS_LEXICON,
  WEAPONS_LEXICON,
  PROFANITY_LEXICON,
];
