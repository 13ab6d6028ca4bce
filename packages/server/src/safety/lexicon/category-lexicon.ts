// The shape of a category's lexicon (one data module per category beside this file).
//
// A phrase is words separated by spaces. A word matches its inflections (compared by Porter stem) unless it
// starts with "=" (that exact form only); "*" stands for any one word. Words listed in `fuzzy` also match
// misspellings one edit away (kept explicit: an automatic fuzzy match turns "exotic" into "erotic").
import type { ModerationCategory } from '../moderation-categories.ts';

export interface ContextRule {
  /** what the rule catches, for the code reader and the test report */
  name: string;
  /** one phrase of every group must appear */
  groups: readonly (readonly string[])[];
  /** at most this many words between the groups' phrases (Infinity: anywhere in the same text) */
  window: number;
  /** the groups must appear in the order given */
  ordered?: boolean;
  /** the rule does not fire when one of these phrases appears anywhere in the same text */
  unless?: readonly string[];
}

/** A rule across fields: a phrase in the negative prompt together with one in a positive text. */
export interface NegativePromptRule {
  name: string;
  negative: readonly string[];
  positive: readonly string[];
}

export interface CategoryLexicon {
  category: ModerationCategory;
  /** phrases that violate the policy on their own */
  terms: readonly string[];
  rules: readonly ContextRule[];
  /** phrases whose words never count for this category ("naked mole rat", "bloody mary") */
  allow: readonly string[];
  /** words that also match spellings one edit away */
  fuzzy?: readonly string[];
  /**
   * Negative prompts name what to avoid ("nudity, gore"), so only lexicons marked here apply to them (hate
   * and slurs are offensive whatever the field), plus the cross-field `negativePromptRules`.
   */
  appliesToNegativePrompts?: boolean;
  negativePromptRules?: readonly NegativePromptRule[];
}
