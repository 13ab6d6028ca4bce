// Benchmark: the time Polyforge adds to a hosted 3D provider task, per provider, against the provider's own time,
// through the real API with the platform's own worker loops. Each provider is a loopback fake of its API
// (packages/server/test/providers-3d) that takes --provider-ms to "generate" (the create answer is held that long).
//   before = our create request sent → the provider receives its create (validate, price, hold, queue, claim)
//   after  = the provider's last answer → our task committed success (download, validate, post-process, preview,
//            store, capture); the preview render alone is timed on the same model right after each task (the
//            machine's load drifts), and the goal (under 150 ms) is for before + after less that render
// Usage: node --conditions=polyforge-source --import tsx bench/provider-overhead.ts [--tasks 8 --provider-ms 300]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../packages/server/src/config.ts';
import { readModel } from '@polyforge/geometry/read/read-model';
import { renderPreview } from '@polyforge/geometry/render/render-preview';
import { createPlatform } from '../packages/server/src/platform.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { checkerPng } from '@polyforge/geometry/test/fixtures/encode-png';
import type { FakeProviderServer } from '../packages/server/test/providers-3d/fake-provider-server.ts';
import {
  FAKE_KEYS,
  startFakeFal,
  startFakeMeshy,
  startFakeReplicate,
  startFakeRodin,
  startFakeStability,
} from '../packages/server/test/providers-3d/fake-providers.ts';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const tasks = argument('tasks', 8);
const providerMs = argument('provider-ms', 300);

const PROVIDERS = [
  { name: 'meshy', start: startFakeMeshy, body: { type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6' } },
  {
    name: 'rodin',
    start: startFakeRodin,
    body: { type: 'text_to_model', prompt: 'a lamp', model_version: 'rodin-gen2' },
  },
  { name: 'stability', start: startFakeStability, body: 'image:sf3d' },
  { name: 'fal', start: startFakeFal, body: 'image:hunyuan3d-2.1' },
  { name: 'replicate', start: startFakeReplicate, body: 'image:trellis-replicate' },
] as const;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const model = await texturedCubeGlb();
const fakes = new Map<string, FakeProviderServer>();
for (const provider of PROVIDERS) {
  const fake = await provider.start();
  fake.model = model;
  fake.script({ createDelayMs: providerMs, pollsBeforeDone: 0 });
  fakes.set(provider.name, fake);
}
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-bench-providers-'));
// trellis goes to fal first; a name of its own sends Replicate its share
await fs.writeFile(
  path.join(dataDir, 'prices.json'),
  JSON.stringify({ model_versions: { 'trellis-replicate': { image_to_model: 30 } } }),
);
await fs.writeFile(
  path.join(dataDir, 'routing.json'),
  JSON.stringify({
    routes: [
      {
        task_type: 'image_to_model',
        model_version: 'trellis-replicate',
        engine: 'provider',
        provider: 'replicate',
        provider_model: 'firtoz/trellis',
      },
    ],
  }),
);
const environment: Record<string, string> = {
  POLYFORGE_DATA_DIR: dataDir,
  POLYFORGE_MODEL_PRICES_FILE: path.join(dataDir, 'prices.json'),
  POLYFORGE_ROUTING_FILE: path.join(dataDir, 'routing.json'),
  POLYFORGE_LOG_LEVEL: 'silent',
  POLYFORGE_IMAGE_SAFETY: '0',
  POLYFORGE_PROVIDER_POLL_SECONDS: '0.02',
  POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE: '1',
  PORT: '0',
  HOST: '127.0.0.1',
};
for (const [name, fake] of fakes) {
  environment[`POLYFORGE_${name.toUpperCase()}_API_KEY`] = FAKE_KEYS[name as keyof typeof FAKE_KEYS];
  environment[`POLYFORGE_${name.toUpperCase()}_BASE_URL`] = fake.url;
}
const platform = await createPlatform(loadConfig(environment));
platform.startWorkers();
const baseUrl = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const account = await platform.accounts.createAccount({ email: 'bench@example.com' });
await platform.onboarding.grantCredits(account.id, 1_000_000);
const headers = { Authorization: `Bearer ${account.apiKey}` };

const form = new FormData();
form.append('file', new Blob([new Uint8Array(checkerPng(64, 4))]), 'input.png');
const upload = (await (
  await fetch(`${baseUrl}/v2/openapi/upload`, { method: 'POST', headers, body: form })
).json()) as { data: { image_token: string } };
const file = { type: 'png', file_token: upload.data.image_token };

const document = await readModel(model, 'glb');
await renderPreview(document);
const previewMs: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const started = performance.now();
  await renderPreview(document);
  previewMs.push(performance.now() - started);
}
const preview = percentile(previewMs, 0.5);

const rows: string[][] = [];
for (const provider of PROVIDERS) {
  const fake = fakes.get(provider.name)!;
  const body =
    typeof provider.body === 'string'
      ? { type: 'image_to_model', file, model_version: provider.body.split(':')[1] }
      : provider.body;
  const before: number[] = [];
  const after: number[] = [];
  const own: number[] = [];
  const overhead: number[] = [];
  const renders: number[] = [];
  for (let run = -1; run < tasks; run += 1) {
    fake.script({ createDelayMs: providerMs, pollsBeforeDone: 0 });
    const sentMs = performance.timeOrigin + performance.now();
    const created = (await (
      await fetch(`${baseUrl}/v2/openapi/task`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as { data: { task_id: string } };
    const taskId = created.data.task_id;
    let finishedAt: number | null = null;
    for (;;) {
      const row = await platform.db
        .selectFrom('tasks')
        .select(['status', 'finishedAt'])
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow();
      if (row.status !== 'queued' && row.status !== 'running') {
        if (row.status !== 'success') throw new Error(`${provider.name} task ended ${row.status}`);
        finishedAt = Number(row.finishedAt);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const api = fake.apiRequests();
    if (api.length === 0)
      throw new Error(`${provider.name}: the fake saw no API request (${fake.requests.length} requests in all)`);
    const providerStart = api[0]!.atMs;
    // the provider's last answer: a synchronous API answers the create after its delay, the others their last poll
    const providerDone = provider.name === 'stability' ? providerStart + providerMs : api[api.length - 1]!.atMs;
    if (run < 0) continue; // warm-up
    const renderStarted = performance.now();
    await renderPreview(document);
    const renderMs = performance.now() - renderStarted;
    before.push(providerStart - sentMs);
    after.push(finishedAt! - providerDone);
    own.push(providerDone - providerStart);
    renders.push(renderMs);
    overhead.push(providerStart - sentMs + (finishedAt! - providerDone) - renderMs);
  }
  const median = (values: number[]) => percentile(values, 0.5);
  rows.push([
    provider.name,
    String(tasks),
    median(own).toFixed(0),
    median(before).toFixed(1),
    percentile(before, 0.9).toFixed(1),
    median(after).toFixed(1),
    percentile(after, 0.9).toFixed(1),
    median(renders).toFixed(1),
    median(overhead).toFixed(1),
    percentile(overhead, 0.9).toFixed(1),
  ]);
}

const header = [
  'provider',
  'tasks',
  'provider own ms (p50)',
  'create→provider p50',
  'p90',
  'provider done→success p50',
  'p90',
  'preview render p50',
  'overhead less preview p50',
  'p90',
];
console.log(`preview render alone before the runs (same model): p50 ${preview.toFixed(1)} ms; all times in ms`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

await platform.close();
for (const fake of fakes.values()) await fake.close();
await fs.rm(dataDir, { recursive: true, force: true });
