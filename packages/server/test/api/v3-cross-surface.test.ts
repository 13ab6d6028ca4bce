// One task store behind two surfaces: tasks created on /v2/openapi read on /v3 and back, idempotent retries
// on /v3 (20 at once → one task, one charge), test-mode keys on /v3, and tenancy (another account's task or
// file reads as not found).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng, texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

type Client = ReturnType<typeof apiClient>;

describe('/v2/openapi and /v3 over one task store', () => {
  const clock = new ManualClock(Date.now());
  let platform: TestPlatform;
  let glb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    glb = await texturedCubeGlb();
  });
  afterAll(() => platform?.close());

  async function client(credits = 100): Promise<Client> {
    const account = await platform.createAccount({ credits });
    return apiClient(platform.baseUrl, account.apiKey);
  }

  async function v3Upload(api: Client, bytes: Uint8Array, fileName: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    return (await api.send('POST', '/v3/files', { form })).body.data.file_token;
  }

  async function v3Create(api: Client, path: string, body: unknown, headers?: Record<string, string>) {
    return api.send('POST', `/v3/${path}`, { json: body, headers });
  }

  async function v2ImportedTask(api: Client): Promise<string> {
    const upload = await api.upload(glb, 'cube.glb');
    const created = await api.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await platform.drainQueue();
    // the clock is manual: later tasks get later creation times, so newest-first order is defined
    clock.advanceSeconds(1);
    return created.body.data.task_id;
  }

  it('reads a V2-created task on /v3 and a V3-created task on /v2, each in its own shape', async () => {
    const api = await client();
    const importId = await v2ImportedTask(api);
    const onV3 = (await api.send('GET', `/v3/tasks/${importId}`)).body.data;
    expect(onV3).toMatchObject({
      task_id: importId,
      type: 'import_model',
      status: 'success',
      credits_consumed: 0,
      output: { model_url: expect.stringMatching(/\/model\.glb\?/) },
    });
    expect(onV3).not.toHaveProperty('create_time');

    const converted = await v3Create(api, 'models/convert', { input: importId, format: 'OBJ' });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const convertId = converted.body.data.task_id;
    await platform.drainQueue();
    const onV2 = (await api.getTask(convertId)).body.data;
    expect(onV2).toMatchObject({
      task_id: convertId,
      type: 'convert_model',
      status: 'success',
      consumed_credit: 5,
      input: { original_model_task_id: importId, format: 'OBJ' },
    });
    expect(onV2.output.model).toMatch(/\/model\.zip\?/);
    expect(typeof onV2.create_time).toBe('number');
    const listedOnV2 = (await api.send('GET', '/v2/openapi/tasks')).body.data.tasks.map(
      (task: { task_id: string }) => task.task_id,
    );
    expect(listedOnV2).toEqual([convertId, importId]);
    const listedOnV3 = (await api.send('POST', '/v3/tasks/list', { json: { task_ids: [importId, convertId] } })).body
      .data;
    expect(Object.keys(listedOnV3.tasks).sort()).toEqual([importId, convertId].sort());
    expect((await api.balance()).body.data).toEqual({ balance: 95, frozen: 0 });
  });

  it('resolves a V2 upload on /v3 models/import only in its file_ spelling', async () => {
    const api = await client();
    const imageToken = (await api.upload(glb, 'cube.glb')).body.data.image_token;
    const bare = await v3Create(api, 'models/import', { input: { file_token: imageToken } });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ code: 1004, status: 'error' });
    expect(bare.body.message).toContain(`file_${imageToken}`);
    // a bare UUID string is a task id on /v3, and models/import takes none
    expect((await v3Create(api, 'models/import', { input: imageToken })).body.code).toBe(1004);
    const prefixed = await v3Create(api, 'models/import', { input: `file_${imageToken}` });
    expect(prefixed.status, JSON.stringify(prefixed.body)).toBe(200);
    // as an image input, a bare UUID that names no task but an upload of the account is that upload
    const pictureToken = (await api.upload(await drawingImage(128), 'picture.png')).body.data.image_token;
    const picture = await v3Create(api, 'generation/image-to-model', {
      input: { file_token: pictureToken },
      model: 'v3.0-20250812',
    });
    expect(picture.status, JSON.stringify(picture.body)).toBe(200);
    expect((await api.send('GET', `/v3/tasks/${picture.body.data.task_id}`)).body.data.input.file).toEqual({
      file_token: pictureToken,
    });
  });

  it('turns 20 concurrent retries with one Idempotency-Key into one task and one charge', async () => {
    const api = await client(100);
    const importId = await v2ImportedTask(api);
    const body = { input: importId, format: 'STL' };
    const headers = { 'Idempotency-Key': `convert-${importId}` };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => v3Create(api, 'models/convert', body, headers)),
    );
    for (const response of responses) expect(response.status, JSON.stringify(response.body)).toBe(200);
    const taskIds = new Set(responses.map((response) => response.body.data.task_id));
    expect(taskIds.size).toBe(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect((await api.send('GET', '/v3/account/balance')).body.data).toEqual({ balance: 95, frozen: 5 });

    const otherBody = await v3Create(api, 'models/convert', { input: importId, format: 'OBJ' }, headers);
    expect(otherBody.status).toBe(409);
    expect(otherBody.body).toMatchObject({ code: 1008, status: 'error' });
    // the same request spelled the V2 way is the same request
    const v2Retry = await api.createTask(
      { type: 'convert_model', original_model_task_id: importId, format: 'STL' },
      headers,
    );
    expect(v2Retry.body.data.task_id).toBe([...taskIds][0]);

    await platform.drainQueue();
    expect((await api.send('GET', '/v3/account/balance')).body.data).toEqual({ balance: 95, frozen: 0 });
    const usage = (await api.send('GET', '/v3/account/usage')).body.data;
    expect(
      usage.map((entry: { type: string; credits_consumed: number }) => [entry.type, entry.credits_consumed]),
    ).toEqual([
      ['convert_model', 5],
      ['import_model', 0],
    ]);
  });

  it('serves test-mode keys on /v3: marked, free, and their tasks visible on /v2 as test', async () => {
    const account = await platform.createAccount({ credits: 10 });
    const testKey = await platform.platform.accounts.createApiKey(account.accountId, 'sandbox', 'test');
    const test = apiClient(platform.baseUrl, testKey.apiKey);
    const created = await v3Create(
      test,
      'generation/text-to-model',
      { prompt: 'a red fox', model: 'v3.1-20260211' },
      { 'Idempotency-Key': 'fox' },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.headers.get('x-polyforge-mode')).toBe('test');
    const retried = await v3Create(
      test,
      'generation/text-to-model',
      { prompt: 'a red fox', model: 'v3.1-20260211' },
      { 'Idempotency-Key': 'fox' },
    );
    expect(retried.body.data.task_id).toBe(created.body.data.task_id);
    await platform.drainQueue();
    const task = (await test.send('GET', `/v3/tasks/${created.body.data.task_id}`)).body.data;
    expect(task).toMatchObject({ status: 'success', test_mode: true, credits_consumed: 0 });
    expect((await test.getTask(task.task_id)).body.data).toMatchObject({ test_mode: true, status: 'success' });
    expect((await test.send('GET', '/v3/account/balance')).body.data).toEqual({ balance: 10, frozen: 0 });
  });

  it('shows a task that expired in the queue as failed/2018 on /v3 and expired on /v2', async () => {
    const api = await client();
    const importId = await v2ImportedTask(api);
    const created = await v3Create(
      api,
      'models/convert',
      { input: importId, format: 'STL' },
      { 'X-Task-Start-Deadline': '5' },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    clock.advanceSeconds(10);
    await platform.drainQueue();
    const taskId = created.body.data.task_id;
    expect((await api.getTask(taskId)).body.data).toMatchObject({ status: 'expired', error_code: 2018 });
    const onV3 = (await api.send('GET', `/v3/tasks/${taskId}`)).body.data;
    expect(onV3).toMatchObject({
      status: 'failed',
      error_code: 2018,
      error_message: expect.any(String),
      credits_consumed: 0,
    });
    expect(typeof onV3.completed_at).toBe('string');
    expect((await api.send('GET', '/v3/account/usage?limit=1')).body.data[0]).toMatchObject({
      task_id: taskId,
      status: 'failed',
    });
    expect((await api.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
  });

  it("reads another account's tasks and files as not found on /v3", async () => {
    const owner = await client();
    const other = await client();
    const importId = await v2ImportedTask(owner);
    const fileToken = await v3Upload(owner, solidPng(64, [0, 0, 255, 255]), 'blue.png');
    const slot = (await owner.send('POST', '/v3/files/presign', { json: { format: 'png' } })).body.data;

    expect((await other.send('GET', `/v3/tasks/${importId}`)).body).toMatchObject({ code: 2001, status: 'error' });
    expect((await other.send('POST', '/v3/tasks/list', { json: { task_ids: [importId] } })).body.data).toEqual({
      tasks: {},
      missed: [importId],
    });
    expect((await v3Create(other, 'models/convert', { input: importId, format: 'OBJ' })).body.code).toBe(2001);
    const stolenFile = await v3Create(other, 'generation/image-to-model', { input: fileToken, model: 'v3.1-20260211' });
    expect(stolenFile.status).toBe(400);
    expect(stolenFile.body).toMatchObject({ code: 1004, status: 'error' });
    expect(
      (await v3Create(other, 'generation/image-to-model', { input: slot.file_token, model: 'v3.1-20260211' })).body
        .code,
    ).toBe(1004);
    // a task of another account is not an image input either
    expect((await v3Create(other, 'generation/image-to-multiview', { input: importId })).body.code).toBe(2001);
    expect((await other.send('GET', '/v3/account/usage')).body.data).toEqual([]);
    expect((await other.send('GET', '/v3/account/balance')).body.data).toEqual({ balance: 100, frozen: 0 });
  });
});
