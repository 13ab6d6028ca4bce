// Compares the prompt reader's answer with a hand-written judgement. A judgement is "refuse" (nothing of the
// library fits, or a qualifier changes the object) or the categories expected in component order, joined by
// " + ", each optionally "category/variant" ("person + hat", "chess piece/king"); "a|b" accepts either, and
// "tree|refuse" accepts the tree or a refusal (a borderline prompt where refusing is not a miss).
import type { ParsePromptResult } from '../src/generators/prompt/parse-prompt.ts';

export type Verdict = 'right' | 'right refusal' | 'false refusal' | 'wrong object' | 'part missing';

export interface Reading {
  accepted: boolean;
  /** categories joined by " + " when accepted, the refusal reason otherwise */
  text: string;
  components: { category: string; variant?: string }[];
  ignored?: string;
  /** words neither used nor reported with a specific reason */
  notUnderstood: string[];
}

export function readingOf(result: ParsePromptResult): Reading {
  if (!result.ok) return { accepted: false, text: result.reason, components: [], notUnderstood: [] };
  const components = result.understanding.components.map((component) => ({
    category: component.reading.definition.category,
    variant: component.reading.variant,
  }));
  const modifiers = (index: number) => Object.keys(result.understanding.components[index].modifiers).join(',');
  return {
    accepted: true,
    text: components
      .map(
        (component, index) =>
          `${component.category}${component.variant ? `/${component.variant}` : ''}${modifiers(index) ? ` (${modifiers(index)})` : ''}`,
      )
      .join(' + '),
    components,
    ignored: result.understanding.ignored.map((ignored) => ignored.words).join(', ') || undefined,
    notUnderstood: result.understanding.ignored
      .filter((ignored) => ignored.reason === 'not understood')
      .map((ignored) => ignored.words),
  };
}

/** prompt → judgement, from lines "prompt<TAB>judgement" (# starts a comment line). */
export function expectedReading(text: string): Map<string, string> {
  const judged = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.includes('\t')) continue;
    const [prompt, judgement] = line.split('\t');
    judged.set(prompt.trim(), judgement.trim());
  }
  return judged;
}

export function judgeReading(reading: Reading, judgement: string): Verdict {
  if (judgement === 'refuse') return reading.accepted ? 'wrong object' : 'right refusal';
  const expected = judgement.split(' + ').map((component) => component.split('|'));
  if (!reading.accepted) return expected[0].includes('refuse') ? 'right refusal' : 'false refusal';
  const matches = (actual: Reading['components'][number], options: string[]) =>
    options.some((option) => {
      const [category, variant] = option.split('/');
      return category === actual.category && (variant === undefined || variant === actual.variant);
    });
  if (!matches(reading.components[0], expected[0])) return 'wrong object';
  const rest = expected.slice(1);
  const actualRest = reading.components.slice(1);
  if (actualRest.some((actual) => !rest.some((options) => matches(actual, options)))) return 'wrong object';
  return rest.every((options) => actualRest.some((actual) => matches(actual, options))) ? 'right' : 'part missing';
}
