// The prompt sets of text-prompt-set.ts (main) and text-prompt-held-out-set.ts through the public API. Every prompt
// is quoted: a refusal must be 2002 with the nearest things the generator can make, and is then created to check
// that create refuses it too and charges nothing. Every accepted prompt is read by the engine's own parser (the
// function validate and run call) and must be what the prompt asked for: the understood main subject names the
// object, every "with" item is a component or a named part. A sample of the accepted prompts (every composition,
// and every sixth other) is created and run, and its output.generation.understood must say the same; the balance
// falls by exactly what they consumed. (Running every prompt takes minutes on CI: the preview render dominates.)
// Prints a table per set; a misread (made and charged, but something else) fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMPT_PARSER } from '@polyforge/geometry/generators/generator-catalog';
import { singular } from '@polyforge/geometry/generators/prompt/word-forms';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { TEXT_PROMPT_HELD_OUT_SET } from './text-prompt-held-out-set.ts';
import { TEXT_PROMPT_SET, type EvaluationPrompt } from './text-prompt-set.ts';

type Outcome = 'made as asked' | 'refused honestly' | 'misread';

interface UnderstoodComponent {
  role: string;
  subject: string;
  category: string;
  details: Record<string, string>;
}

const words = (text: string) =>
  text.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean).map(singular).join(' ');

/** Whether the task output names the object asked for as its subject, and every "with" item. */
function madeAsAsked(item: EvaluationPrompt, components: UnderstoodComponent[]): boolean {
  const [main, ...others] = components;
  const namesObject =
    words(main.subject).includes(words(item.object)) || words(main.category).includes(words(item.object));
  const hasWith = (item.with ?? []).every(
    (extra) =>
      others.some((component) => words(component.subject).includes(words(extra))) ||
      Object.keys(main.details).some((detail) => words(detail).includes(words(extra))),
  );
  return namesObject && hasWith;
}

describe('text_to_model prompt sets through the public API', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  async function evaluate(label: string, set: readonly EvaluationPrompt[]): Promise<Map<Outcome, number>> {
    const account = await platform.createAccount({ credits: 100_000, concurrency: 500 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const before = (await client.balance()).body.data;
    const outcomes: { item: EvaluationPrompt; outcome: Outcome; detail: string }[] = [];
    const sample: { item: EvaluationPrompt; taskId: string; expected: UnderstoodComponent[] }[] = [];
    let accepted = 0;
    for (const item of set) {
      const body = { type: 'text_to_model', prompt: item.prompt, texture: false, model_seed: 1 };
      const quote = await client.quote(body);
      if (quote.status !== 200) {
        // a refusal is 2002, names what the generator can make, and create refuses it too, charging nothing
        for (const response of [quote, await client.createTask(body)]) {
          expect(response.body.code, `${item.prompt}: ${JSON.stringify(response.body)}`).toBe(2002);
          expect(response.body.message).toMatch(
            /nearest things the built-in generator can make: \w+.*nothing was charged/,
          );
        }
        outcomes.push({ item, outcome: 'refused honestly', detail: quote.body.message });
        continue;
      }
      const parsed = PROMPT_PARSER.parse(item.prompt);
      if (!parsed.ok) throw new Error(`quote accepted "${item.prompt}" that the parser refuses`);
      const components = parsed.understanding.components.map((component) => ({
        role: component.role,
        subject: component.reading.subject,
        category: component.reading.definition.category,
        details: Object.fromEntries(component.reading.details),
      }));
      const outcome: Outcome = madeAsAsked(item, components) ? 'made as asked' : 'misread';
      outcomes.push({
        item,
        outcome,
        detail: components
          .map((component) => `${component.role}: ${component.subject} (${component.category})`)
          .join(' + '),
      });
      if (item.with || accepted++ % 6 === 0) {
        const created = await client.createTask(body);
        expect(created.status, JSON.stringify(created.body)).toBe(200);
        sample.push({ item, taskId: created.body.data.task_id, expected: components });
      }
    }
    await platform.drainQueue();
    let consumed = 0;
    for (const { item, taskId, expected } of sample) {
      const task = (await client.getTask(taskId)).body.data;
      expect(task.status, `${item.prompt}: ${JSON.stringify(task)}`).toBe('success');
      consumed += task.consumed_credit;
      const understood = (task.output.generation.understood.components as UnderstoodComponent[]).map(
        ({ role, subject, category, details }) => ({ role, subject, category, details }),
      );
      expect(understood, item.prompt).toEqual(expected);
    }
    expect((await client.balance()).body.data).toEqual({ balance: before.balance - consumed, frozen: 0 });

    const counts = new Map<Outcome, number>([
      ['made as asked', 0],
      ['refused honestly', 0],
      ['misread', 0],
    ]);
    for (const { outcome } of outcomes) counts.set(outcome, counts.get(outcome)! + 1);
    console.log(
      [
        `${label}: ${set.length} prompts (${sample.length} run through the engine)`,
        ...[...counts].map(
          ([outcome, count]) =>
            `  ${outcome.padEnd(18)} ${String(count).padStart(4)}  ${((count / set.length) * 100).toFixed(1)} %`,
        ),
      ]
        .concat(
          outcomes
            .filter(({ outcome }) => outcome !== 'made as asked')
            .map(({ item, outcome, detail }) => `  ${outcome}: "${item.prompt}" → ${detail.slice(0, 160)}`),
        )
        .join('\n'),
    );
    for (const { item, outcome, detail } of outcomes)
      expect(outcome, `"${item.prompt}" would be charged for ${detail}`).not.toBe('misread');
    return counts;
  }

  it('main set: made as asked or refused with 2002, never a misread charged', async () => {
    const counts = await evaluate('main set', TEXT_PROMPT_SET);
    expect(TEXT_PROMPT_SET.length).toBeGreaterThanOrEqual(100);
    expect(counts.get('misread')).toBe(0);
    expect(counts.get('made as asked')! / TEXT_PROMPT_SET.length).toBeGreaterThanOrEqual(0.85);
  }, 120_000);

  it('held-out set: reported, never a misread charged', async () => {
    const counts = await evaluate('held-out set', TEXT_PROMPT_HELD_OUT_SET);
    expect(counts.get('misread')).toBe(0);
  }, 120_000);
});
