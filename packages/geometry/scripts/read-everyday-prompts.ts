// Runs every prompt of a prompt set through text_to_model's prompt reader and prints, per prompt, what it became
// (accepted as which categories, or refused and why), then totals. With a judgement file beside the set
// (<set>.judged.tsv: prompt, tab, the expected reading) it also counts false refusals and wrong-object acceptances.
// Usage: node --conditions=polyforge-source --import tsx packages/geometry/scripts/read-everyday-prompts.ts [prompt-set.txt] [--only-misses]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROMPT_PARSER } from '../src/generators/generator-catalog.ts';
import { expectedReading, judgeReading, readingOf, type Verdict } from './judge-prompt-reading.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const setPath =
  process.argv.slice(2).find((argument) => !argument.startsWith('--')) ??
  path.join(here, '../test/fixtures/everyday-prompts.txt');
const onlyMisses = process.argv.includes('--only-misses');
const prompts = readFileSync(setPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0);
const judgedPath = setPath.replace(/\.txt$/, '.judged.tsv');
const judged = existsSync(judgedPath) ? expectedReading(readFileSync(judgedPath, 'utf8')) : undefined;

const totals: Record<Verdict | 'accepted' | 'refused' | 'unjudged' | 'not understood', number> = {
  accepted: 0,
  refused: 0,
  'not understood': 0,
  right: 0,
  'right refusal': 0,
  'false refusal': 0,
  'wrong object': 0,
  'part missing': 0,
  unjudged: 0,
};
// timing: the fastest of five passes (the machine is shared; one pass swings several times over)
PROMPT_PARSER.parse('a zorblax chair'); // loads the English word list once, outside the timing
let parseMilliseconds = Infinity;
for (let pass = 0; pass < 5; pass++) {
  const start = performance.now();
  for (const prompt of prompts) PROMPT_PARSER.parse(prompt);
  parseMilliseconds = Math.min(parseMilliseconds, performance.now() - start);
}
for (const prompt of prompts) {
  const reading = readingOf(PROMPT_PARSER.parse(prompt));
  totals[reading.accepted ? 'accepted' : 'refused']++;
  if (reading.notUnderstood.length > 0) totals['not understood']++;
  const expected = judged?.get(prompt.trim());
  const verdict = expected === undefined ? undefined : judgeReading(reading, expected);
  totals[verdict ?? 'unjudged']++;
  if (onlyMisses && (verdict === 'right' || verdict === 'right refusal')) continue;
  const shown = reading.accepted
    ? `accepted-as ${reading.text}${reading.ignored ? `  [ignored: ${reading.ignored}]` : ''}`
    : `refused (${reading.text})`;
  console.log(
    `${verdict ? `${verdict.toUpperCase().padEnd(14)} ` : ''}${JSON.stringify(prompt).padEnd(60)} ${shown}${verdict && verdict !== 'right' && verdict !== 'right refusal' ? `  — expected ${expected}` : ''}`,
  );
}
console.log(
  `\n${prompts.length} prompts: ${totals.accepted} accepted (${totals['not understood']} of them with words not understood), ${totals.refused} refused`,
);
console.log(
  `reading took ${((parseMilliseconds * 1000) / prompts.length).toFixed(0)} µs per prompt (fastest of five passes)`,
);
if (judged)
  console.log(
    `judged: ${totals.right} right, ${totals['right refusal']} right refusals, ${totals['false refusal']} false refusals, ${totals['wrong object']} wrong objects, ${totals['part missing']} with a part missing, ${totals.unjudged} unjudged`,
  );
