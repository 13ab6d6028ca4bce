// Content-safety check of user text before anything is charged. Uses the obscenity word matcher (English
// dataset with its recommended transformers, which see through leetspeak and spacing), plus a short list of
// phrases about sexual content involving minors, which the word list alone does not catch.
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const MINOR_TERMS = /\b(child|children|kid|kids|minor|minors|underage|preteen|toddler|infant|loli|shota)\b/i;
const SEXUAL_TERMS = /\b(nude|naked|sexual|sexy|porn|pornographic|erotic|nsfw|lewd|explicit)\b/i;

export interface SafetyVerdict {
  allowed: boolean;
  reason?: string;
}

export function checkPromptSafety(texts: readonly string[]): SafetyVerdict {
  for (const text of texts) {
    if (!text) continue;
    if (matcher.hasMatch(text)) {
      return { allowed: false, reason: 'the prompt contains language that our content policy does not allow' };
    }
    if (MINOR_TERMS.test(text) && SEXUAL_TERMS.test(text)) {
      return { allowed: false, reason: 'the prompt asks for sexual content involving minors' };
    }
  }
  return { allowed: true };
}
