import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

describe('creating tasks: validation, price, credits, concurrency', () => {
  let platform: TestPlatform;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform();
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(() => platform.close());

  async function importedModelTask(client: ReturnType<typeof apiClient>): Promise<string> {
    const upload = await client.upload(cubeGlb, 'cube.glb');
    const created = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    expect(created.status).toBe(200);
    await platform.drainQueue();
    return created.body.data.task_id;
  }

  async function taskCount(accountId: string): Promise<number> {
    const rows = await platform.platform.db
      .selectFrom('tasks')
      .select('id')
      .where('accountId', '=', accountId)
      .execute();
    return rows.length;
  }

  it.each([
    ['malformed JSON', { rawBody: '{"type": "text_to_model",' }, 400, 1003],
    ['a JSON array', { json: [1, 2] }, 400, 1003],
    ['an unknown task type', { json: { type: 'make_me_a_sandwich' } }, 400, 2002],
    ['a missing type', { json: { prompt: 'a cat' } }, 400, 2002],
    ['a wrong field type', { json: { type: 'text_to_model', prompt: 42 } }, 400, 1004],
    [
      'an out-of-range value',
      { json: { type: 'text_to_model', prompt: 'a cat', face_limit: -3, smart_low_poly: true } },
      400,
      1004,
    ],
    [
      'an unknown file token',
      { json: { type: 'import_model', file: { type: 'glb', file_token: '6f1c1f2e-54c4-4a8b-9d0e-111111111111' } } },
      404,
      2019,
    ],
    [
      'an unknown source task',
      {
        json: { type: 'convert_model', format: 'OBJ', original_model_task_id: '6f1c1f2e-54c4-4a8b-9d0e-222222222222' },
      },
      404,
      2001,
    ],
    [
      'the deprecated animate_model',
      { json: { type: 'animate_model', original_model_task_id: '6f1c1f2e-54c4-4a8b-9d0e-222222222222' } },
      400,
      2016,
    ],
    [
      'a model not served here',
      { json: { type: 'generate_image', prompt: 'a small cat', model_version: 'flux.1_kontext_pro' } },
      400,
      2002,
    ],
  ])('refuses %s with a clear error and charges nothing', async (_label, init, httpStatus, code) => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const response = await client.send('POST', '/v2/openapi/task', init as never);
    expect(response.status).toBe(httpStatus);
    expect(response.body.code).toBe(code);
    expect(response.body.message.length).toBeGreaterThan(10);
    expect(typeof response.body.suggestion).toBe('string');
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
    expect(await taskCount(account.accountId)).toBe(0);
  });

  it('answers a refused create with the V2 envelope plus request_id, the X-Request-Id header', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const generated = await client.createTask({ type: 'make_me_a_sandwich' });
    expect(generated.status).toBe(400);
    expect(Object.keys(generated.body).sort()).toEqual(['code', 'message', 'request_id', 'suggestion']);
    expect(generated.body.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.request_id).toBe(generated.headers.get('x-request-id'));
    expect(generated.body.request_id).toBe(generated.headers.get('x-tripo-trace-id'));
    // a client's own request id is the one the body quotes
    const own = await client.createTask({ type: 'make_me_a_sandwich' }, { 'X-Request-Id': 'client-refused-0003' });
    expect(own.headers.get('x-request-id')).toBe('client-refused-0003');
    expect(own.body.request_id).toBe('client-refused-0003');
  });

  it('says plainly that an unserved task type is not available, and quote still prices it', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const body = { type: 'generate_image', prompt: 'a small cat', model_version: 'flux.1_kontext_pro' };
    const created = await client.createTask(body);
    expect(created.body.message).toMatch(
      /Not available on this deployment: generate_image model_version flux.1_kontext_pro is a third-party image model/,
    );
    expect(created.body.suggestion).toMatch(/Nothing was charged/);
    const quote = await client.quote(body);
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ code: 0, data: { credits: 5, available: false } });
  });

  it('rejects a prompt that violates the content policy with 2008 before charging', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    for (const path of ['/v2/openapi/task', '/v2/openapi/task/quote']) {
      const response = await client.send('POST', path, { json: { type: 'text_to_model', prompt: 'a fucking dragon' } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(2008);
    }
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('holds the price while queued, captures it on success, and reports consumed_credit', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const sourceTaskId = await importedModelTask(client);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 }); // import is free
    const quote = await client.quote({ type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId });
    expect(quote.body.data.credits).toBe(5);
    const created = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: sourceTaskId,
    });
    expect(created.status).toBe(200);
    expect((await client.balance()).body.data).toEqual({ balance: 295, frozen: 5 });
    const queued = await client.getTask(created.body.data.task_id);
    expect(queued.body.data).toMatchObject({
      status: 'queued',
      progress: 0,
      consumed_credit: 0,
      output: {},
      running_left_time: null,
    });
    expect(queued.body.data.queuing_num).toBeGreaterThanOrEqual(0);
    await platform.drainQueue();
    const done = await client.getTask(created.body.data.task_id);
    expect(done.body.data).toMatchObject({ status: 'success', progress: 100, consumed_credit: 5, queuing_num: -1 });
    expect((await client.balance()).body.data).toEqual({ balance: 295, frozen: 0 });
  });

  it('refuses a task the balance cannot pay with 2010 (HTTP 403) and creates nothing', async () => {
    const account = await platform.createAccount({ credits: 4 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const sourceTaskId = await importedModelTask(client);
    const before = await taskCount(account.accountId);
    const response = await client.createTask({
      type: 'convert_model',
      format: 'OBJ',
      original_model_task_id: sourceTaskId,
    });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe(2010);
    expect(response.body.message).toMatch(/costs 5 credits and the balance is 4/);
    expect(await taskCount(account.accountId)).toBe(before);
    expect((await client.balance()).body.data).toEqual({ balance: 4, frozen: 0 });
  });

  it('accepts exactly the concurrency limit out of 50 parallel creates (workers off), the rest get 2000 / 429 with Retry-After', async () => {
    const account = await platform.createAccount({ credits: 1000 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const sourceTaskId = await importedModelTask(client);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        client.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId }),
      ),
    );
    const accepted = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 429);
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const response of refused) {
      expect(response.body.code).toBe(2000);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await client.balance()).body.data).toEqual({ balance: 950, frozen: 50 });
    await platform.drainQueue();
    expect((await client.balance()).body.data).toEqual({ balance: 950, frozen: 0 });
    const accountRow = await platform.platform.db
      .selectFrom('accounts')
      .select('activeTasks')
      .where('id', '=', account.accountId)
      .executeTakeFirstOrThrow();
    expect(accountRow.activeTasks).toBe(0);
  });

  it('never lets concurrent creates spend more than the balance', async () => {
    const account = await platform.createAccount({ credits: 12, concurrency: 100 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const sourceTaskId = await importedModelTask(client);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId }),
      ),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(2);
    expect(responses.filter((response) => response.status === 403 && response.body.code === 2010)).toHaveLength(18);
    expect((await client.balance()).body.data).toEqual({ balance: 2, frozen: 10 });
  });

  it('keeps the limit and the balance of each account exact when many accounts create at once', async () => {
    // each account bound by its limit, its balance, both at once (the limit is judged first), or unable to pay any
    const plans = [
      { concurrency: 3, credits: 1000, accepted: 3, overLimit: 7, unpaid: 0 },
      { concurrency: 100, credits: 12, accepted: 2, overLimit: 0, unpaid: 8 },
      { concurrency: 5, credits: 20, accepted: 4, overLimit: 0, unpaid: 6 },
      { concurrency: 4, credits: 20, accepted: 4, overLimit: 6, unpaid: 0 },
      { concurrency: 1, credits: 4, accepted: 0, overLimit: 0, unpaid: 10 },
      { concurrency: 7, credits: 1000, accepted: 7, overLimit: 3, unpaid: 0 },
    ];
    const accounts = await Promise.all(
      plans.map(async (plan) => {
        const account = await platform.createAccount({ credits: plan.credits, concurrency: plan.concurrency });
        const client = apiClient(platform.baseUrl, account.apiKey);
        return { account, client, sourceTaskId: await importedModelTask(client) };
      }),
    );
    // ten creates per account, the accounts interleaved, all at once
    const responses = await Promise.all(
      Array.from({ length: 10 * plans.length }, (_, index) => {
        const { client, sourceTaskId } = accounts[index % plans.length];
        return client
          .createTask({ type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId })
          .then((response) => ({ accountIndex: index % plans.length, response }));
      }),
    );
    for (const [index, plan] of plans.entries()) {
      const own = responses.filter((each) => each.accountIndex === index).map((each) => each.response);
      const summary = {
        accepted: own.filter((response) => response.status === 200).length,
        overLimit: own.filter((response) => response.status === 429 && response.body.code === 2000).length,
        unpaid: own.filter((response) => response.status === 403 && response.body.code === 2010).length,
      };
      expect(summary, `account ${index}`).toEqual({
        accepted: plan.accepted,
        overLimit: plan.overLimit,
        unpaid: plan.unpaid,
      });
      const { account, client } = accounts[index];
      expect((await client.balance()).body.data, `account ${index}`).toEqual({
        balance: plan.credits - 5 * plan.accepted,
        frozen: 5 * plan.accepted,
      });
      const accountRow = await platform.platform.db
        .selectFrom('accounts')
        .select('activeTasks')
        .where('id', '=', account.accountId)
        .executeTakeFirstOrThrow();
      expect(accountRow.activeTasks, `account ${index}`).toBe(plan.accepted);
      expect(await taskCount(account.accountId), `account ${index}`).toBe(1 + plan.accepted);
    }
    await platform.drainQueue();
    for (const [index, plan] of plans.entries())
      expect((await accounts[index].client.balance()).body.data, `account ${index}`).toEqual({
        balance: plan.credits - 5 * plan.accepted,
        frozen: 0,
      });
  });

  it('honours a per-account concurrency limit set by the operator', async () => {
    const account = await platform.createAccount({ credits: 100 });
    await platform.platform.accounts.setConcurrencyLimit(account.accountId, 2);
    const client = apiClient(platform.baseUrl, account.apiKey);
    const sourceTaskId = await importedModelTask(client);
    const body = { type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId };
    expect((await client.createTask(body)).status).toBe(200);
    expect((await client.createTask(body)).status).toBe(200);
    expect((await client.createTask(body)).body.code).toBe(2000);
  });
});
