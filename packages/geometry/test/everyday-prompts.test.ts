// The everyday prompt set (a development set, written as users write before the category list was read) against
// its hand judgements: no prompt may be accepted as the wrong object, and the false refusals may not grow back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedReading, judgeReading, readingOf } from '../scripts/judge-prompt-reading.ts';
import { PROMPT_PARSER } from '../src/generators/generator-catalog.ts';

const fixtures = new URL('./fixtures/', import.meta.url);

describe('the everyday prompt set', () => {
  it('is judged in full, accepts no prompt as the wrong object and refuses none the library can make', () => {
    const prompts = readFileSync(new URL('everyday-prompts.txt', fixtures), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const judged = expectedReading(readFileSync(new URL('everyday-prompts.judged.tsv', fixtures), 'utf8'));
    expect(prompts.length).toBeGreaterThanOrEqual(200);
    const misses: string[] = [];
    for (const prompt of prompts) {
      const judgement = judged.get(prompt);
      expect(judgement, `"${prompt}" has no judgement`).toBeDefined();
      const reading = readingOf(PROMPT_PARSER.parse(prompt));
      const verdict = judgeReading(reading, judgement!);
      if (verdict !== 'right' && verdict !== 'right refusal')
        misses.push(`${verdict}: "${prompt}" → ${reading.text} (expected ${judgement})`);
    }
    expect(misses).toEqual([]);
  });
});
