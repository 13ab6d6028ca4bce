// Routing across hosted 3D providers through the public API: failover to the route's next provider without a
// second charge, the circuit breaker (skipping, degraded in capabilities, refusing at create when all are open),
// the operator's model names and prices (price file, quote, capabilities, V2 and V3 pass-through), options
// refused at create, test-mode keys that never reach a provider, and per-provider concurrency with fair waiting.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonOf } from './fake-provider-server.ts';
import {
  balanceOf,
  expectValidModel,
  newClient,
  runTask,
  startProviderTestBed,
  uploadedImage,
  type Client,
  type ProviderTestBed,
} from './provider-test-kit.ts';

async function callsOf(bed: ProviderTestBed, taskId: string) {
  return bed.harness.platform.db
    .selectFrom('providerCalls')
    .selectAll()
    .where('taskId', '=', taskId)
    .orderBy('startedAt')
    .execute();
}

describe('failover and circuit breaker (trellis: fal, then Replicate)', () => {
  let bed: ProviderTestBed;
  let client: Client;
  beforeAll(async () => {
    bed = await startProviderTestBed({
      providers: ['fal', 'replicate'],
      environment: { POLYFORGE_PROVIDER_BREAKER_FAILURES: '2', POLYFORGE_PROVIDER_BREAKER_SECONDS: '600' },
    });
    client = await newClient(bed);
  });
  afterAll(() => bed.close());

  it('fails over to Replicate when fal answers 5xx, and charges once', async () => {
    bed.fakes.fal.script({ create: 'server_error' });
    bed.fakes.replicate.script({});
    const file = await uploadedImage(client);
    const task = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'trellis' });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 30 });
    await expectValidModel(task);
    // fal was tried (a 5xx on a create is not retried: it may have been taken), then Replicate served
    expect(bed.fakes.fal.apiRequests()).toHaveLength(1);
    expect(jsonOf(bed.fakes.replicate.apiRequests()[0]!).input.images[0]).toMatch(/^data:image\/png;base64,/);
    const calls = await callsOf(bed, task.task_id);
    expect(calls.map((call) => [call.provider, call.outcome, call.failureKind])).toEqual([
      ['fal', 'failed', 'unavailable'],
      ['replicate', 'success', null],
    ]);
    expect(await balanceOf(client)).toEqual({ balance: 970, frozen: 0 });
  });

  it("opens fal's breaker after two failures: shown degraded, skipped without a request, Replicate serves", async () => {
    const file = await uploadedImage(client);
    const second = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'trellis' });
    expect(second.status).toBe('success');
    const capabilities = (await client.send('GET', '/v2/openapi/capabilities')).body.data;
    expect(capabilities.providers.find((entry: { provider: string }) => entry.provider === 'fal')).toMatchObject({
      status: 'degraded',
      breaker: 'open',
    });
    expect(capabilities.providers.find((entry: { provider: string }) => entry.provider === 'replicate')).toMatchObject({
      status: 'ok',
      breaker: 'closed',
    });
    const imageToModel = capabilities.task_types.find((entry: { type: string }) => entry.type === 'image_to_model');
    expect(
      imageToModel.model_versions.find((entry: { model_version: string }) => entry.model_version === 'trellis'),
    ).toMatchObject({
      served: true,
      engine: 'provider:fal>replicate',
      deployment_model: true,
      credits: { textured: 30, untextured: 30 },
      degraded: true,
    });

    bed.fakes.fal.script({});
    const third = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'trellis' });
    expect(third.status).toBe('success');
    expect(bed.fakes.fal.apiRequests()).toHaveLength(0);
    expect((await callsOf(bed, third.task_id)).map((call) => [call.provider, call.outcome])).toEqual([
      ['fal', 'skipped'],
      ['replicate', 'success'],
    ]);
  });

  it('when every provider of the name is failing, create is refused (503, code 1000) and nothing is held', async () => {
    bed.fakes.replicate.script({ task: 'failed' });
    const file = await uploadedImage(client);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'trellis' });
      expect(failed).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
      expect(failed.error_msg).toMatch(
        /fal: skipped: its circuit breaker is open.*Replicate: Replicate prediction .* failed: CUDA out of memory/,
      );
    }
    const before = await balanceOf(client);
    const refused = await client.createTask({ type: 'image_to_model', file, model_version: 'trellis' });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 1000 });
    expect(refused.body.message).toMatch(
      /every provider of model_version trellis is failing right now \(fal, Replicate\)/,
    );
    expect(await balanceOf(client)).toEqual(before);
  });
});

describe("the operator's model names and prices", () => {
  let bed: ProviderTestBed;
  let client: Client;
  beforeAll(async () => {
    bed = await startProviderTestBed({
      providers: ['meshy', 'stability'],
      prices: {
        model_versions: {
          'meshy-6': { text_to_model: { textured: 45, untextured: 35 } },
          'house-fast': { image_to_model: 12 },
        },
        provider_costs: { meshy: { usd_per_unit: 0.02 }, stability: { usd_per_task: 0.1 } },
      },
      routing: {
        routes: [
          {
            task_type: 'image_to_model',
            model_version: 'house-fast',
            engine: 'provider',
            provider: 'stability',
            provider_model: 'stable-fast-3d',
          },
        ],
      },
    });
  });
  afterAll(() => bed.close());
  beforeEach(async () => {
    client = await newClient(bed);
    for (const fake of Object.values(bed.fakes)) fake.script({});
  });

  it('capabilities list the names with their prices beside the Tripo versions', async () => {
    const capabilities = (await client.send('GET', '/v2/openapi/capabilities')).body.data;
    const versionsOf = (type: string) =>
      capabilities.task_types.find((entry: { type: string }) => entry.type === type).model_versions;
    expect(versionsOf('text_to_model')).toEqual(
      expect.arrayContaining([
        { model_version: 'v3.1-20260211', served: true, engine: 'builtin' },
        {
          model_version: 'meshy-6',
          served: true,
          engine: 'provider:meshy',
          deployment_model: true,
          credits: { textured: 45, untextured: 35 },
        },
      ]),
    );
    expect(
      versionsOf('image_to_model')
        .filter((entry: { deployment_model?: boolean }) => entry.deployment_model)
        .map((entry: { model_version: string }) => entry.model_version)
        .sort(),
    ).toEqual(['house-fast', 'meshy-6', 'sf3d', 'spar3d']);
    expect(capabilities.providers.map((entry: { provider: string }) => entry.provider).sort()).toEqual([
      'meshy',
      'stability',
    ]);
  });

  it("quotes the price file's price, with the surcharges of options applied here", async () => {
    expect(
      (await client.quote({ type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6' })).body.data,
    ).toMatchObject({ credits: 45, available: true });
    expect(
      (
        await client.quote({
          type: 'text_to_model',
          prompt: 'a lamp',
          model_version: 'meshy-6',
          texture: false,
          quad: true,
        })
      ).body.data,
    ).toMatchObject({ credits: 40 });
    const file = await uploadedImage(client);
    expect((await client.quote({ type: 'image_to_model', file, model_version: 'house-fast' })).body.data).toMatchObject(
      { credits: 12 },
    );
  });

  it('a V3 client passes the name through unchanged; the V2 view echoes it', async () => {
    const created = await client.send('POST', '/v3/generation/text-to-model', {
      json: { prompt: 'a pair of headphones', model: 'meshy-6' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await bed.harness.drainQueue();
    const taskId = created.body.data.task_id;
    const v3 = (await client.send('GET', `/v3/tasks/${taskId}`)).body.data;
    expect(v3.status).toBe('success');
    expect(v3.output.model_url).toMatch(/pbr_model\.glb/);
    const v2 = (await client.getTask(taskId)).body.data;
    expect(v2).toMatchObject({ status: 'success', consumed_credit: 45, input: { model_version: 'meshy-6' } });
    const [call] = await callsOf(bed, taskId);
    // Meshy reported 20 + 10 credits for preview and refine: at $0.02 each
    expect(call).toMatchObject({
      provider: 'meshy',
      providerModel: 'meshy-6',
      outcome: 'success',
      reportedCostAmount: 30,
      reportedCostUnit: 'provider_credits',
      costUsd: 0.6,
    });
  });

  it('refuses names it does not publish and options no provider or our geometry can honour, holding nothing', async () => {
    const unknown = await client.createTask({ type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-7' });
    expect(unknown.body.code).toBe(2017);
    expect(unknown.body.message).toMatch(/model_version must be one of/);
    const styled = await client.createTask({
      type: 'text_to_model',
      prompt: 'a lamp',
      model_version: 'meshy-6',
      style: 'object:clay',
    });
    expect(styled.status).toBe(400);
    expect(styled.body).toMatchObject({ code: 1004 });
    expect(styled.body.message).toMatch(/style cannot be used with model_version meshy-6/);
    const parts = await client.createTask({
      type: 'text_to_model',
      prompt: 'a lamp',
      model_version: 'meshy-6',
      texture: false,
      pbr: false,
      generate_parts: true,
    });
    expect(parts.body.message).toMatch(/generate_parts cannot be used with model_version meshy-6/);
    const tooLong = await client.createTask({
      type: 'text_to_model',
      prompt: 'a lamp '.repeat(100),
      model_version: 'meshy-6',
    });
    expect(tooLong.body.message).toMatch(/Meshy takes prompts of at most 600 characters/);
    expect(await balanceOf(client)).toEqual({ balance: 1000, frozen: 0 });
    expect(bed.fakes.meshy.apiRequests()).toHaveLength(0);
  });

  it('a test-mode key gets sample outputs and never reaches a provider', async () => {
    const account = await bed.harness.createAccount({ credits: 0 });
    const key = await bed.harness.platform.accounts.createApiKey(account.accountId, 'test', 'test');
    const testClient = (await import('../harness/api-client.ts')).apiClient(bed.harness.baseUrl, key.apiKey);
    const task = await runTask(bed, testClient, { type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6' });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 0 });
    expect(bed.fakes.meshy.requests).toHaveLength(0);
    expect(await callsOf(bed, task.task_id)).toEqual([]);
  });
});

describe('provider limits: tasks beyond them wait in our queue, fairly across accounts', () => {
  let bed: ProviderTestBed;
  beforeAll(async () => {
    bed = await startProviderTestBed({
      providers: ['meshy'],
      environment: { POLYFORGE_MESHY_CONCURRENCY: '1', POLYFORGE_PROVIDER_POLL_SECONDS: '0.05' },
    });
  });
  afterAll(() => bed.close());

  it("runs one Meshy task at a time; a second account's task is not stuck behind the first account's backlog", async () => {
    bed.fakes.meshy.script({ pollsBeforeDone: 3 });
    const first = await newClient(bed);
    const second = await newClient(bed);
    const ids: string[] = [];
    for (const prompt of ['a red chair', 'a green chair', 'a blue chair', 'a black chair', 'a white chair'])
      ids.push(
        (await first.createTask({ type: 'text_to_model', prompt, model_version: 'meshy-6', texture: false })).body.data
          .task_id,
      );
    const other = (
      await second.createTask({
        type: 'text_to_model',
        prompt: 'a wooden stool',
        model_version: 'meshy-6',
        texture: false,
      })
    ).body.data.task_id;
    // all six wait queued, then the platform's own loops (16 provider runners) take them under the limit of one
    bed.harness.platform.startWorkers();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const statuses = await Promise.all([...ids.map((id) => first.getTask(id)), second.getTask(other)]);
      if (statuses.every((response) => response.body.data.status === 'success')) break;
      const failed = statuses.find((response) => response.body.data.status === 'failed');
      if (failed) throw new Error(`a task failed: ${failed.body.data.error_msg}`);
      if (Date.now() > deadline)
        throw new Error(`tasks did not finish: ${statuses.map((response) => response.body.data.status).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(bed.fakes.meshy.maxActive).toBe(1);
    const prompts = bed.fakes.meshy
      .apiRequests()
      .filter((request) => request.method === 'POST')
      .map((request) => jsonOf(request).prompt);
    // start-time fair queuing: the second account's only task is ranked next to the head of the queue (tied with the
    // first account's second task), so it goes second or third, not behind the first account's backlog of five
    expect(prompts).toHaveLength(6);
    expect(prompts[0]).toBe('a red chair');
    expect(prompts.indexOf('a wooden stool')).toBeLessThanOrEqual(2);
    expect(prompts.filter((prompt) => prompt !== 'a wooden stool').slice(1)).toEqual([
      'a green chair',
      'a blue chair',
      'a black chair',
      'a white chair',
    ]);
  });
});
