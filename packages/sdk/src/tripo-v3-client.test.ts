// TripoV3Client: wire details against a scripted fetch, then a round trip against the real platform's /v3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../server/test/harness/start-test-platform.ts';
import { jsonResponse, scriptedFetch } from '../test/scripted-fetch.ts';
import { triangleGlb } from '../test/triangle-glb.ts';
import { PolyforgeApiError } from './polyforge-api-error.ts';
import { TripoV3Client } from './tripo-v3-client.ts';

const GLB_MAGIC = [0x67, 0x6c, 0x54, 0x46];

function clientWith(fetchFunction: typeof globalThis.fetch, baseUrl = 'http://api.test'): TripoV3Client {
  return new TripoV3Client({ baseUrl, apiKey: 'tsk_v3', fetch: fetchFunction, retries: 0 });
}

describe('TripoV3Client requests', () => {
  it('posts the operation body to /v3/<path> with the key and Idempotency-Key, whatever the path spelling', async () => {
    for (const [baseUrl, path] of [
      ['http://api.test', 'generation/text-to-model'],
      ['http://api.test/', '/generation/text-to-model'],
      ['http://api.test/v3', '/v3/generation/text-to-model'],
    ] as const) {
      const { fetch, requests } = scriptedFetch([
        jsonResponse({ code: 0, status: 'success', data: { task_id: 'abc', type: 'text_to_model', status: 'queued' } }),
      ]);
      const taskId = await clientWith(fetch, baseUrl).createTask(
        path,
        { prompt: 'cat', model: 'v3.1-20260211' },
        { idempotencyKey: 'k1' },
      );
      expect(taskId).toBe('abc');
      expect(requests[0]!.url).toBe('http://api.test/v3/generation/text-to-model');
      expect(requests[0]!.headers.get('authorization')).toBe('Bearer tsk_v3');
      expect(requests[0]!.headers.get('idempotency-key')).toBe('k1');
      expect(JSON.parse(requests[0]!.body as string)).toEqual({ prompt: 'cat', model: 'v3.1-20260211' });
    }
  });

  it('maps the V3 error envelope to PolyforgeApiError with its request_id', async () => {
    const { fetch } = scriptedFetch([
      jsonResponse(
        {
          code: 1004,
          status: 'error',
          message: 'model is required',
          suggestion: 'Pass model, e.g. v3.1-20260211.',
          request_id: 'req_123',
        },
        400,
      ),
    ]);
    const error = await clientWith(fetch)
      .createTask('generation/text-to-model', { prompt: 'cat' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PolyforgeApiError);
    expect(error).toMatchObject({
      code: 1004,
      httpStatus: 400,
      message: 'model is required',
      suggestion: 'Pass model, e.g. v3.1-20260211.',
      requestId: 'req_123',
    });
  });

  it('reads the task, the balance and the file token from their V3 endpoints', async () => {
    const v3Task = {
      task_id: 't',
      type: 'import_model',
      status: 'success',
      progress: 100,
      output: { model_url: 'http://x/m.glb' },
      credits_consumed: 0,
      created_at: '2026-04-28T12:00:00Z',
    };
    const { fetch, requests } = scriptedFetch([
      jsonResponse({ code: 0, status: 'success', data: v3Task }),
      jsonResponse({ code: 0, status: 'success', data: { balance: 12.5, frozen: 0 } }),
      jsonResponse({ code: 0, status: 'success', data: { file_token: 'file_1' } }),
    ]);
    const client = clientWith(fetch);
    expect(await client.getTask('t')).toEqual(v3Task);
    expect(await client.getBalance()).toEqual({ balance: 12.5, frozen: 0 });
    expect(await client.uploadFile(new Uint8Array([1]), 'a.glb')).toBe('file_1');
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'GET /v3/tasks/t',
      'GET /v3/account/balance',
      'POST /v3/files',
    ]);
    expect(requests[2]!.body).toBeInstanceOf(FormData);
  });

  it('polls until a final status, reporting each poll', async () => {
    const base = {
      task_id: 't',
      type: 'import_model',
      output: {},
      credits_consumed: 0,
      created_at: '2026-04-28T12:00:00Z',
    };
    const { fetch } = scriptedFetch([
      jsonResponse({ code: 0, status: 'success', data: { ...base, status: 'queued', progress: 0 } }),
      jsonResponse({ code: 0, status: 'success', data: { ...base, status: 'running', progress: 50 } }),
      jsonResponse({
        code: 0,
        status: 'success',
        data: { ...base, status: 'failed', progress: 100, error_code: 2008, error_message: 'moderation' },
      }),
    ]);
    const seen: string[] = [];
    const final = await clientWith(fetch).waitForTask('t', {
      pollIntervalMs: 1,
      onProgress: (task) => seen.push(task.status),
    });
    expect(final).toMatchObject({ status: 'failed', error_code: 2008 });
    expect(seen).toEqual(['queued', 'running', 'failed']);
  });
});

describe('TripoV3Client against the real server', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: true });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('uploads a GLB to /v3/files, imports it with /v3/models/import, waits and downloads model_url', async () => {
    const account = await platform.createAccount({ credits: 10 });
    const client = new TripoV3Client({ baseUrl: platform.baseUrl, apiKey: account.apiKey });
    const fileToken = await client.uploadFile(triangleGlb(), 'triangle.glb');
    expect(fileToken).toMatch(/^file_[0-9a-f-]{36}$/);
    const taskId = await client.createTask(
      'models/import',
      { input: fileToken },
      { idempotencyKey: `import-${fileToken}` },
    );
    expect(
      await client.createTask('models/import', { input: fileToken }, { idempotencyKey: `import-${fileToken}` }),
    ).toBe(taskId);

    const task = await client.waitForTask(taskId, { pollIntervalMs: 50, timeoutMs: 30_000 });
    expect(task).toMatchObject({
      task_id: taskId,
      type: 'import_model',
      status: 'success',
      progress: 100,
      credits_consumed: 0,
    });
    expect(Number.isNaN(Date.parse(task.created_at))).toBe(false);
    expect(typeof task.output.model_url).toBe('string');
    const bytes = await client.downloadFile(task.output.model_url as string);
    expect([...bytes.subarray(0, 4)]).toEqual(GLB_MAGIC);
    expect(await client.getBalance()).toEqual({ balance: 10, frozen: 0 });

    const error = await client.getTask('00000000-0000-4000-8000-000000000000').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PolyforgeApiError);
    expect(error).toMatchObject({ code: 2001, requestId: expect.any(String) });
  });
});
