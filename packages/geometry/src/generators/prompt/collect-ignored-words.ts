// The words a reading did not use, grouped into runs with one reason each (scene, pose, not shown, not understood),
// and the negative_prompt words that named nothing to leave out.
import { DETERMINERS } from './modifier-vocabulary.ts';
import type { IgnoredWords } from './parse-prompt.ts';
import { FILLER_WORDS } from './prompt-vocabulary.ts';
import { reasonFor } from './description-segments.ts';
import type { PromptToken } from './word-forms.ts';

/** Runs of unused words with one reason, then the negative_prompt words that matched nothing. */
export function collectIgnored(
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
