// The offline content check of a request's texts: the normaliser and the category lexicons, no I/O, well under
// a millisecond per prompt (bench/moderation-bench.ts).
import { CATEGORY_LEXICONS } from './lexicon/index.ts';
import { LexiconMatcher, type LexiconFinding, type PhraseOccurrences } from './lexicon-matcher.ts';
import { MODERATION_CATEGORIES, type ModerationCategory } from './moderation-categories.ts';
import type { ModeratedText } from './moderated-texts-of.ts';

export interface TextViolation {
  /** the field that was refused (the first one, in request order) */
  field: string;
  /** every category found in that field, most serious first */
  categories: ModerationCategory[];
  /** the terms or rules that caught it, for logs and the evaluation report (not sent to the client) */
  reasons: string[];
}

let sharedMatcher: LexiconMatcher | undefined;

/** The matcher over the built-in lexicons, compiled on first use (a few milliseconds). */
export function defaultLexiconMatcher(): LexiconMatcher {
  sharedMatcher ??= new LexiconMatcher(CATEGORY_LEXICONS);
  return sharedMatcher;
}

/** The first field that violates the policy, or undefined when every text passes. */
export function moderateTexts(
  texts: readonly ModeratedText[],
  matcher: LexiconMatcher = defaultLexiconMatcher(),
): TextViolation | undefined {
  const readings = texts.map((text) => matcher.occurrencesOf(text.text));
  for (const [index, text] of texts.entries()) {
    const findings = matcher.match(readings[index]!, text.kind);
    if (findings.length > 0) return violationOf(text.field, findings);
  }
  const negative = readings.filter((_, index) => texts[index]!.kind === 'negative');
  if (negative.length === 0) return undefined;
  const positive: PhraseOccurrences[][] = readings.filter((_, index) => texts[index]!.kind === 'positive');
  const findings = matcher.matchNegativePromptRules(negative, positive);
  const negativeField = texts.find((text) => text.kind === 'negative')!.field;
  return findings.length > 0 ? violationOf(negativeField, findings) : undefined;
}

function violationOf(field: string, findings: LexiconFinding[]): TextViolation {
  const order = Object.keys(MODERATION_CATEGORIES) as ModerationCategory[];
  const categories = [...new Set(findings.map((finding) => finding.category))].sort(
    (first, second) => order.indexOf(first) - order.indexOf(second),
  );
  return { field, categories, reasons: findings.map((finding) => finding.reason) };
}

/** "sexual content" or "minors in a sexual or violent context and sexual content". */
export function describeCategories(categories: readonly ModerationCategory[]): string {
  const labels = categories.map((category) => MODERATION_CATEGORIES[category]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
