// The /v3 surface over real HTTP, endpoint by endpoint of tripo-api.md §6.1, with every response compared
// against the example shapes the spec records (field names and JSON types), error envelope included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng, texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient, type ApiResponse } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Shapes recorded in tripo-api.md (values are examples; only names and JSON types are compared). */
const SPEC = {
  // §6.2
  created: { code: 0, status: 'success', data: { task_id: '<uuid>', type: 'text_to_model', status: 'queued' } },
  // §6.4 (output keys checked per task type below)
  task: {
    code: 0,
    status: 'success',
    data: {
      task_id: '0196f4ce-82a8-7ddb-970f-6a940e17c830',
      type: 'text_to_model',
      status: 'success',
      progress: 100,
      input: {},
      output: {},
      credits_consumed: 30.0,
      created_at: '2026-04-28T12:00:00Z',
      completed_at: '2026-04-28T12:01:30Z',
    },
  },
  modelOutput: { model_url: 'https://.../model.glb?...', rendered_image_url: 'https://.../preview.png' },
  // §2 / §8.1
  error: { code: 1004, status: 'error', message: '...', suggestion: '...', request_id: '...' },
  // §6.1
  file: { code: 0, status: 'success', data: { file_token: 'file_<uuid>' } },
  presign: {
    code: 0,
    status: 'success',
    data: { presigned_url: 'https://...', upload_url: 'https://...', file_token: 'file_<uuid>', expires_in: 1800 },
  },
  uploadCredentials: {
    code: 0,
    status: 'success',
    data: { file_token: 'file_<uuid>', upload_url: 'https://...', expires_at: '2026-04-28T12:30:00Z' },
  },
  balance: { code: 0, status: 'success', data: { balance: 123.45, frozen: 6.78 } },
  usage: {
    code: 0,
    status: 'success',
    data: [
      {
        task_id: '<uuid>',
        type: 'text_to_model',
        status: 'success',
        credits_consumed: 30.0,
        created_at: '2026-04-28T12:00:00Z',
      },
    ],
  },
  list: { code: 0, status: 'success', data: { tasks: { '<id>': {} }, missed: ['<id>'] } },
} satisfies Record<string, Json>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FILE_TOKEN = /^file_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const V3_STATUSES = ['queued', 'running', 'success', 'failed', 'cancelled'];

/** Every key of the example is present with the same JSON type; `<...>` keys stand for every key of a map. */
function expectShape(actual: unknown, example: Json, path = 'body'): void {
  if (example === null) return; // a field that may hold anything, null included
  if (Array.isArray(example)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    for (const [index, item] of (actual as unknown[]).entries()) expectShape(item, example[0]!, `${path}[${index}]`);
    return;
  }
  if (example !== null && typeof example === 'object') {
    expect(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${path} is an object`).toBe(true);
    const object = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(example)) {
      if (key.startsWith('<')) {
        for (const [actualKey, actualValue] of Object.entries(object))
          expectShape(actualValue, value, `${path}.${actualKey}`);
        continue;
      }
      expect(Object.keys(object), `${path} has ${key}`).toContain(key);
      expectShape(object[key], value, `${path}.${key}`);
    }
    return;
  }
  expect(typeof actual, `${path} type`).toBe(typeof example);
}

function expectV3Error(response: ApiResponse, httpStatus: number, code: number): void {
  expect(response.status, JSON.stringify(response.body)).toBe(httpStatus);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expectShape(response.body, SPEC.error);
  expect(response.body).toMatchObject({ code, status: 'error' });
  expect(response.body.request_id).toBe(response.headers.get('x-tripo-trace-id'));
}

function expectV3Task(task: Record<string, unknown>): void {
  const finished = ['success', 'failed', 'cancelled'].includes(task.status as string);
  // the recorded example is a finished task; before that completed_at is null
  const example = finished ? SPEC.task : { ...SPEC.task, data: { ...SPEC.task.data, completed_at: null } };
  expectShape({ code: 0, status: 'success', data: task }, example);
  expect(task.task_id).toMatch(UUID);
  expect(V3_STATUSES).toContain(task.status);
  expect(task.created_at).toMatch(ISO_SECONDS);
  if (finished) expect(task.completed_at).toMatch(ISO_SECONDS);
  else expect(task.completed_at).toBeNull();
  expect(Number.isInteger(Math.round((task.credits_consumed as number) * 100))).toBe(true);
}

describe('/v3 conformance', () => {
  let platform: TestPlatform;
  let png: Uint8Array;
  let glb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform();
    png = solidPng(64, [200, 40, 40, 255]);
    glb = await texturedCubeGlb();
  });
  afterAll(() => platform?.close());

  async function clients(credits = 100) {
    const account = await platform.createAccount({ credits });
    const testKey = await platform.platform.accounts.createApiKey(account.accountId, 'sandbox', 'test');
    return {
      account,
      live: apiClient(platform.baseUrl, account.apiKey),
      test: apiClient(platform.baseUrl, testKey.apiKey),
    };
  }

  async function upload(client: ReturnType<typeof apiClient>, bytes: Uint8Array, fileName: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await client.send('POST', '/v3/files', { form });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expectShape(response.body, SPEC.file);
    expect(response.body.data.file_token).toMatch(FILE_TOKEN);
    return response.body.data.file_token;
  }

  async function create(
    client: ReturnType<typeof apiClient>,
    path: string,
    body: unknown,
    expectedType: string,
  ): Promise<string> {
    const response = await client.send('POST', `/v3/${path}`, { json: body });
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    expectShape(response.body, SPEC.created);
    expect(response.body.data).toMatchObject({ type: expectedType, status: 'queued' });
    expect(response.body.data.task_id).toMatch(UUID);
    return response.body.data.task_id;
  }

  async function finished(client: ReturnType<typeof apiClient>, taskId: string) {
    const response = await client.send('GET', `/v3/tasks/${taskId}`);
    expect(response.status).toBe(200);
    expectV3Task(response.body.data);
    return response.body.data;
  }

  it('creates the task type of every creation endpoint, and each finished task has the §6.4 shape and its output keys', async () => {
    const { test } = await clients();
    const image = await upload(test, png, 'view.png');
    const model = await upload(test, glb, 'cube.glb');
    const generation = { model: 'v3.1-20260211' };
    const ids: Record<string, string> = {};
    const expectedTypes: Record<string, string> = {};
    const stage = async (entries: [string, string, unknown, string][]) => {
      for (const [name, path, body, type] of entries) {
        ids[name] = await create(test, path, body, type);
        expectedTypes[name] = type;
      }
      await platform.drainQueue();
    };
    await stage([
      ['textToModel', 'generation/text-to-model', { prompt: 'a small cat', ...generation }, 'text_to_model'],
      ['imageToModel', 'generation/image-to-model', { input: image, ...generation }, 'image_to_model'],
      [
        'multiviewToModel',
        'generation/multiview-to-model',
        { inputs: [{ front: image }, { back: image }], ...generation },
        'multiview_to_model',
      ],
      ['textToImage', 'generation/text-to-image', { prompt: 'a lighthouse', model: 'seedream_v4' }, 'text_to_image'],
      [
        'imageToImage',
        'generation/image-to-image',
        { prompt: 'paint it blue', input: image, model: 'banana' },
        'generate_image',
      ],
      ['imageToMultiview', 'generation/image-to-multiview', { input: image }, 'generate_multiview_image'],
      ['import', 'models/import', { input: model }, 'import_model'],
    ]);
    await stage([
      [
        'editMultiview',
        'generation/edit-multiview',
        { input: ids.imageToMultiview, prompts: [{ view: 'front', prompt: 'add a hat' }] },
        'edit_multiview_image',
      ],
      ['refine', 'models/refine', { input: ids.textToModel }, 'refine_model'],
      ['texture', 'models/texture', { input: ids.textToModel, prompt: 'gold leaf' }, 'texture_model'],
      ['stylize', 'models/stylize', { input: ids.textToModel, style: 'lego' }, 'stylize_model'],
      ['convert', 'models/convert', { input: ids.import, format: 'OBJ' }, 'convert_model'],
      ['rigCheck', 'animations/rig-check', { input: ids.textToModel }, 'animate_prerigcheck'],
      ['rig', 'animations/rig', { input: ids.textToModel, model: 'v2.5-20260210' }, 'animate_rig'],
      ['segment', 'mesh/segment', { input: ids.textToModel }, 'mesh_segmentation'],
      ['decimate', 'mesh/decimate', { input: ids.textToModel, face_limit: 5000 }, 'highpoly_to_lowpoly'],
      // a bare task UUID as an image input means that task's image output
      ['imageFromTask', 'generation/image-to-model', { input: ids.textToImage, ...generation }, 'image_to_model'],
    ]);
    await stage([
      ['retarget', 'animations/retarget', { input: ids.rig, animation: 'preset:walk' }, 'animate_retarget'],
      ['complete', 'mesh/complete', { input: ids.segment }, 'mesh_completion'],
    ]);

    for (const [name, taskId] of Object.entries(ids)) {
      const task = await finished(test, taskId);
      expect(task, name).toMatchObject({
        task_id: taskId,
        type: expectedTypes[name],
        status: 'success',
        progress: 100,
        credits_consumed: 0,
        test_mode: true,
      });
      if (name === 'textToImage' || name === 'imageToImage')
        expect(task.output.generated_image_url, name).toMatch(/\.png\?/);
      else if (name === 'imageToMultiview' || name === 'editMultiview') {
        for (const view of ['front', 'left', 'back', 'right']) {
          expect(task.output[`${view}_view_url`], name).toMatch(/^http/);
          expect(task.output.generate_multiview_image[`${view}_view_url`]).toBe(task.output[`${view}_view_url`]);
        }
      } else if (name === 'rigCheck') expect(task.output).toMatchObject({ riggable: true, rig_type: 'biped' });
      else {
        expectShape(task.output, SPEC.modelOutput, `${name}.output`);
        expect(task.output.model).toBeUndefined();
      }
    }
    const textured = await finished(test, ids.texture!);
    expect(textured.input).toMatchObject({ model_version: 'v3.0-20250812', texture_prompt: { text: 'gold leaf' } });
    const decimated = await finished(test, ids.decimate!);
    expect(decimated.input.model_version).toBe('P-v2.0-20251225');
  });

  it('runs import and convert for real on a live key; what this deployment does not serve answers 2002 and charges nothing', async () => {
    const { live } = await clients(100);
    for (const [path, body] of [
      ['generation/text-to-model', { prompt: 'a small cat', model: 'P2-20260801' }],
      [
        'generation/image-to-image',
        { prompt: 'paint it blue', input: 'https://example.com/a.png', model: 'seedream_v5' },
      ],
      ['generation/image-to-splat', { input: 'file_11111111-2222-4333-8444-555555555555', model_seed: 1 }],
      [
        'mesh/smartsegment',
        { seg_type: 'model', input: '0196f4ce-82a8-7ddb-970f-6a940e17c830', granularity: 'coarse' },
      ],
    ] as const) {
      const response = await live.send('POST', `/v3/${path}`, { json: body });
      expectV3Error(response, 400, 2002);
      expect(response.body.message).toMatch(/^Not available on this deployment/);
    }
    const token = await upload(live, glb, 'cube.glb');
    const imported = await create(live, 'models/import', { input: token }, 'import_model');
    await platform.drainQueue();
    const importedTask = await finished(live, imported);
    expect(importedTask).toMatchObject({ status: 'success', credits_consumed: 0 });
    expectShape(importedTask.output, SPEC.modelOutput);
    const download = await fetch(importedTask.output.model_url, { headers: { Authorization: 'Bearer tsk_ignored' } });
    expect(download.status).toBe(200);
    expect([...new Uint8Array(await download.arrayBuffer()).subarray(0, 4)]).toEqual([0x67, 0x6c, 0x54, 0x46]);

    const converted = await create(live, 'models/convert', { input: imported, format: 'stl' }, 'convert_model');
    const frozen = await live.send('GET', '/v3/account/balance');
    expectShape(frozen.body, SPEC.balance);
    expect(frozen.body.data).toEqual({ balance: 95, frozen: 5 });
    await platform.drainQueue();
    const convertedTask = await finished(live, converted);
    expect(convertedTask).toMatchObject({ status: 'success', credits_consumed: 5 });
    expect(convertedTask.output.model_url).toMatch(/\/model\.stl\?/);
    expect(convertedTask.completed_at).toMatch(ISO_SECONDS);
    expect((await live.send('GET', '/v3/account/balance')).body.data).toEqual({ balance: 95, frozen: 0 });
  });

  it('lists tasks by id as a map with the missed ids, and pages usage by limit and offset', async () => {
    const { test } = await clients();
    const created: string[] = [];
    for (const prompt of ['one', 'two', 'three'])
      created.push(await create(test, 'generation/text-to-model', { prompt, model: 'v2.5-20250123' }, 'text_to_model'));
    const unknown = '00000000-0000-4000-8000-000000000000';
    const listed = await test.send('POST', '/v3/tasks/list', {
      json: { task_ids: [...created, unknown, 'not-a-uuid'] },
    });
    expect(listed.status).toBe(200);
    expectShape(listed.body, SPEC.list);
    expect(Object.keys(listed.body.data.tasks).sort()).toEqual([...created].sort());
    for (const task of Object.values(listed.body.data.tasks)) expectV3Task(task as Record<string, unknown>);
    expect(listed.body.data.missed).toEqual([unknown, 'not-a-uuid']);
    expectV3Error(await test.send('POST', '/v3/tasks/list', { json: { task_ids: [] } }), 400, 1004);
    expectV3Error(
      await test.send('POST', '/v3/tasks/list', { json: { task_ids: Array.from({ length: 101 }, () => unknown) } }),
      400,
      1004,
    );

    const usage = await test.send('GET', '/v3/account/usage?limit=2');
    expectShape(usage.body, SPEC.usage);
    expect(usage.body.data.map((entry: { task_id: string }) => entry.task_id)).toEqual([created[2], created[1]]);
    const rest = await test.send('GET', '/v3/account/usage?limit=2&offset=2');
    expect(rest.body.data.map((entry: { task_id: string }) => entry.task_id)).toEqual([created[0]]);
    expect(rest.body.data[0]).toMatchObject({ type: 'text_to_model', status: 'queued', credits_consumed: 0 });
    expectV3Error(await test.send('GET', '/v3/account/usage?limit=201'), 400, 1004);
    expectV3Error(await test.send('GET', '/v3/account/usage?offset=-1'), 400, 1004);
  });

  it('answers presign and upload-credentials with the recorded shapes and a PUT URL that makes the token usable', async () => {
    const { live } = await clients();
    const presign = await live.send('POST', '/v3/files/presign', { json: { format: 'glb' } });
    expect(presign.status).toBe(200);
    expectShape(presign.body, SPEC.presign);
    expect(presign.body.data.presigned_url).toBe(presign.body.data.upload_url);
    expect(presign.body.data.file_token).toMatch(FILE_TOKEN);
    const credentials = await live.send('POST', '/v3/files/upload-credentials', { json: { format: 'png' } });
    expectShape(credentials.body, SPEC.uploadCredentials);
    expect(credentials.body.data.expires_at).toMatch(ISO_SECONDS);
    for (const [url, bytes] of [
      [presign.body.data.upload_url, glb],
      [credentials.body.data.upload_url, png],
    ] as const) {
      const put = await fetch(url, { method: 'PUT', body: new Uint8Array(bytes) });
      expect(put.status).toBe(200);
    }
    const imported = await create(live, 'models/import', { input: presign.body.data.file_token }, 'import_model');
    await platform.drainQueue();
    expect((await finished(live, imported)).status).toBe('success');
  });

  it('uses the V3 error envelope, with request_id equal to X-Tripo-Trace-ID, for every kind of refusal', async () => {
    const { live } = await clients();
    const anonymous = apiClient(platform.baseUrl);
    expectV3Error(await anonymous.send('GET', '/v3/account/balance'), 401, 1002);
    expectV3Error(
      await apiClient(platform.baseUrl, 'tsk_not_a_key').send('GET', '/v3/tasks/00000000-0000-4000-8000-000000000000'),
      401,
      1002,
    );
    expectV3Error(await live.send('GET', '/v3/no/such/route'), 404, 4001);
    expectV3Error(await live.send('GET', '/v3'), 404, 4001);
    expectV3Error(await live.send('POST', '/v3/tasks/list/', { json: { task_ids: ['x'] } }), 404, 4001);
    const wrongMethod = await live.send('GET', '/v3/generation/text-to-model');
    expectV3Error(wrongMethod, 405, 1003);
    expect(wrongMethod.headers.get('allow')).toContain('POST');
    expectV3Error(await live.send('DELETE', '/v3/tasks/00000000-0000-4000-8000-000000000000'), 405, 1003);
    expectV3Error(
      await live.send('POST', '/v3/generation/text-to-model', {
        rawBody: 'prompt=cat',
        headers: { 'Content-Type': 'text/plain' },
      }),
      415,
      1003,
    );
    expectV3Error(await live.send('POST', '/v3/generation/text-to-model', { rawBody: '{"prompt": ' }), 400, 1003);
    const missingModel = await live.send('POST', '/v3/generation/text-to-model', { json: { prompt: 'a cat' } });
    expectV3Error(missingModel, 400, 1004);
    expect(missingModel.body.message).toMatch(/model is required/);
    expectV3Error(
      await live.send('POST', '/v3/generation/text-to-model', { json: { prompt: 'a cat', model: 'v1.3-20240522' } }),
      400,
      2015,
    );
    expectV3Error(
      await live.send('POST', '/v3/generation/text-to-model', { json: { prompt: 'a cat', model: 'v9' } }),
      400,
      2017,
    );
    expectV3Error(
      await live.send('POST', '/v3/models/convert', {
        json: { input: '00000000-0000-4000-8000-000000000000', format: 'OBJ' },
      }),
      404,
      2001,
    );
    expectV3Error(await live.send('GET', '/v3/tasks/00000000-0000-4000-8000-000000000000'), 404, 2001);
    expectV3Error(await live.send('GET', '/v3/tasks/task_abc123'), 404, 2001);
    // the V2 surface keeps its own envelope (no status), with the request id as on V3
    const v2 = await live.send('GET', '/v2/openapi/task/00000000-0000-4000-8000-000000000000');
    expect(v2.status).toBe(404);
    expect(Object.keys(v2.body).sort()).toEqual(['code', 'message', 'request_id', 'suggestion']);
    expect(v2.body.request_id).toBe(v2.headers.get('x-request-id'));
    expect((await live.send('GET', '/v3/account/balance')).body.data).toEqual({ balance: 100, frozen: 0 });
  });
});
