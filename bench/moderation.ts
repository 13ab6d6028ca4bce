// Benchmark: the offline content check's cost per prompt (normaliser + category lexicons), against obscenity's
// RegExpMatcher with its English dataset and recommended transformers (the word list the platform used before,
// and the best-known npm profanity matcher) over the same prompts, in the same run.
// Usage: node --conditions=polyforge-source --import tsx bench/moderation.ts [--rounds 20]
import { performance } from 'node:perf_hooks';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { parseTaskRequest } from '../packages/protocol/src/index.ts';
import { CATEGORY_LEXICONS } from '../packages/server/src/safety/lexicon/index.ts';
import { LexiconMatcher } from '../packages/server/src/safety/lexicon-matcher.ts';
import { moderateTexts } from '../packages/server/src/safety/moderate-texts.ts';
import { moderatedTextsOf } from '../packages/server/src/safety/moderated-texts-of.ts';
import { BENIGN_PROMPTS, UNSAFE_PROMPTS } from '../packages/server/test/moderation/moderation-evaluation-set.ts';
import {
  HELD_OUT_BENIGN_PROMPTS,
  HELD_OUT_UNSAFE_PROMPTS,
} from '../packages/server/test/moderation/moderation-held-out-set.ts';

const roundsIndex = process.argv.indexOf('--rounds');
const rounds = roundsIndex > 0 ? Number(process.argv[roundsIndex + 1]) : 20;

const prompts = [
  ...UNSAFE_PROMPTS.map((entry) => entry.prompt),
  ...BENIGN_PROMPTS,
  ...HELD_OUT_UNSAFE_PROMPTS.map((entry) => entry.prompt),
  ...HELD_OUT_BENIGN_PROMPTS,
];
/** 1024-character prompts (the schema's limit), each a different run of the benign prompts joined by commas. */
const longPrompts = Array.from({ length: 40 }, (_, offset) => {
  let text = '';
  for (let index = offset; text.length < 1024; index++)
    text += `${HELD_OUT_BENIGN_PROMPTS[index % HELD_OUT_BENIGN_PROMPTS.length]}, `;
  return text.slice(0, 1024);
});

function timeEach(
  label: string,
  inputs: readonly string[],
  check: (text: string) => unknown,
): { label: string; meanUs: number; p50Us: number; p99Us: number; maxUs: number } {
  for (const input of inputs) check(input); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      check(input);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((first, second) => first - second);
  const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))]!;
  return {
    label,
    meanUs: samples.reduce((sum, value) => sum + value, 0) / samples.length,
    p50Us: at(0.5),
    p99Us: at(0.99),
    maxUs: samples.at(-1)!,
  };
}

const compileStart = performance.now();
const matcher = new LexiconMatcher(CATEGORY_LEXICONS);
const compileMs = performance.now() - compileStart;
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const ours = (text: string) => moderateTexts([{ field: 'prompt', text, kind: 'positive' }], matcher);
const reference = (text: string) => obscenity.hasMatch(text);
const parsedRequests = prompts.map((prompt) => {
  const parsed = parseTaskRequest({ type: 'text_to_model', prompt, negative_prompt: 'low quality, blurry' });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
});
let requestIndex = 0;
const wholeRequest = () =>
  moderateTexts(moderatedTextsOf(parsedRequests[requestIndex++ % parsedRequests.length]!), matcher);

const rows = [
  timeEach(`ours: one prompt (${prompts.length} prompts)`, prompts, ours),
  timeEach(`ours: one 1024-character prompt (${longPrompts.length} prompts)`, longPrompts, ours),
  timeEach('ours: a whole text_to_model request (prompt + negative)', prompts, wholeRequest),
  timeEach(`obscenity RegExpMatcher: one prompt (${prompts.length} prompts)`, prompts, reference),
  timeEach(
    `obscenity RegExpMatcher: one 1024-character prompt (${longPrompts.length} prompts)`,
    longPrompts,
    reference,
  ),
];
console.log(
  `content moderation, ${rounds} rounds after a warm-up; lexicon compiled once in ${compileMs.toFixed(1)} ms`,
);
console.table(
  rows.map((row) => ({
    check: row.label,
    'mean µs': row.meanUs.toFixed(1),
    'p50 µs': row.p50Us.toFixed(1),
    'p99 µs': row.p99Us.toFixed(1),
    'max µs': row.maxUs.toFixed(0),
  })),
);
const ratio = (ourRow: number, referenceRow: number, key: 'meanUs' | 'p50Us') =>
  (rows[ourRow]![key] / rows[referenceRow]![key]).toFixed(2);
console.log(
  `ours / obscenity per prompt: mean ${ratio(0, 3, 'meanUs')}×, p50 ${ratio(0, 3, 'p50Us')}×; 1024 characters: mean ${ratio(1, 4, 'meanUs')}×, p50 ${ratio(1, 4, 'p50Us')}×`,
);
