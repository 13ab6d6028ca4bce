// Meshy through our Tripo API against a loopback fake of its documented API: text (preview then refine), image
// and multiview generations succeed, are checked and copied in with our preview; each failure path ends the task
// with a clear code and refunds it.
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

describe('Meshy provider', () => {
  let bed: ProviderTestBed;
  let client: Client;
  beforeAll(async () => {
    // the breaker would skip Meshy after the first failures (provider-routing.test.ts tests it); here each failure
    // path is checked on its own, so it never opens
    bed = await startProviderTestBed({
      providers: ['meshy'],
      environment: {
        POLYFORGE_PROVIDER_BREAKER_FAILURES: '1000',
        POLYFORGE_PROVIDER_BREAKER_SECONDS: '0.01',
        POLYFORGE_PROVIDER_MAX_DOWNLOAD_MB: '2',
        POLYFORGE_PROVIDER_TIMEOUT_SECONDS: '1',
      },
    });
  });
  afterAll(() => bed.close());
  beforeEach(async () => {
    // a refused key trips the breaker at once; its 10 ms have passed before the next test's trial request
    await new Promise((resolve) => setTimeout(resolve, 30));
    client = await newClient(bed);
    bed.fakes.meshy.script({});
  });

  it('text_to_model: preview, then refine with PBR, downloads the GLB, charges the meshy-6 price once', async () => {
    const task = await runTask(bed, client, {
      type: 'text_to_model',
      prompt: 'a baby dragon',
      model_version: 'meshy-6',
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 40, input: { model_version: 'meshy-6' } });
    await expectValidModel(task);
    expect(task.output.generation).toMatchObject({ model_version: 'meshy-6', applied_by_polyforge: [] });
    const creates = bed.fakes.meshy.apiRequests().filter((request) => request.method === 'POST');
    expect(creates.map((request) => jsonOf(request).mode)).toEqual(['preview', 'refine']);
    expect(jsonOf(creates[0]!)).toMatchObject({
      mode: 'preview',
      prompt: 'a baby dragon',
      ai_model: 'meshy-6',
      moderation: true,
    });
    expect(jsonOf(creates[1]!)).toMatchObject({ mode: 'refine', enable_pbr: true });
    expect(creates[0]!.headers.authorization).toBe('Bearer msy-test-key');
    expect(await balanceOf(client)).toEqual({ balance: 960, frozen: 0 });
  });

  it('image_to_model sends the image as a data URI; texture=false skips texturing and costs the untextured price', async () => {
    const file = await uploadedImage(client);
    const task = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'meshy-6', texture: false });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 40 });
    await expectValidModel(task, 'base_model');
    const create = jsonOf(bed.fakes.meshy.apiRequests().find((request) => request.method === 'POST')!);
    expect(create.image_url).toMatch(/^data:image\/png;base64,/);
    expect(create).toMatchObject({ should_texture: false, ai_model: 'meshy-6' });
  });

  it('multiview_to_model sends the filled views; face_limit and quad are applied by our geometry engine (FBX)', async () => {
    const front = await uploadedImage(client, 2);
    const back = await uploadedImage(client, 8);
    const task = await runTask(bed, client, {
      type: 'multiview_to_model',
      files: [front, {}, back, {}],
      model_version: 'meshy-6',
      face_limit: 500,
      quad: true,
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 55 });
    expect(task.output.pbr_model).toMatch(/\.fbx\?/);
    await expectValidModel(task);
    expect(task.output.generation.applied_by_polyforge).toEqual(expect.arrayContaining(['face_limit', 'quad']));
    const create = jsonOf(bed.fakes.meshy.apiRequests().find((request) => request.method === 'POST')!);
    expect(create.image_urls).toHaveLength(2);
    expect(create).toMatchObject({ should_remesh: true, target_polycount: 500 });
  });

  it('retries a 429 with Retry-After and succeeds', async () => {
    bed.fakes.meshy.script({ create: 'rate_limited_once' });
    const task = await runTask(bed, client, {
      type: 'text_to_model',
      prompt: 'a viking helmet',
      model_version: 'meshy-6',
      texture: false,
    });
    expect(task.status).toBe('success');
  });

  const failures: [string, Record<string, string>, { status: string; error_code: number; message: RegExp }][] = [
    [
      'a refused key',
      { create: 'auth' },
      { status: 'failed', error_code: 1001, message: /Meshy: the deployment's key for it was refused/ },
    ],
    [
      'an account out of credits',
      { create: 'credits' },
      { status: 'failed', error_code: 1001, message: /Meshy: the deployment's account there is out of credits/ },
    ],
    [
      'a moderation refusal at create',
      { create: 'content' },
      { status: 'banned', error_code: 2008, message: /Meshy refused the input under its content policy/ },
    ],
    [
      'a task that fails',
      { task: 'failed' },
      { status: 'failed', error_code: 1001, message: /Meshy task .* failed: Generation failed/ },
    ],
    [
      'a task refused by moderation',
      { task: 'content' },
      { status: 'banned', error_code: 2008, message: /content policy/ },
    ],
    [
      'a malformed answer',
      { create: 'malformed' },
      { status: 'failed', error_code: 1001, message: /not a JSON object/ },
    ],
    ['a huge answer', { create: 'huge' }, { status: 'failed', error_code: 1001, message: /larger than 2 MB/ }],
    [
      'a hanging connection',
      { create: 'hang' },
      { status: 'failed', error_code: 1001, message: /did not answer within 1 s/ },
    ],
    [
      'a model link that expired',
      { download: 'expired' },
      { status: 'failed', error_code: 1001, message: /could not be downloaded .*HTTP 403/ },
    ],
    [
      'a model download that hangs',
      { download: 'hang' },
      { status: 'failed', error_code: 1001, message: /could not be downloaded .*did not answer within 1 s/ },
    ],
    [
      'a model that is not glTF',
      { download: 'not_glb' },
      { status: 'failed', error_code: 1001, message: /not a glTF binary/ },
    ],
    [
      'a model over the size limit',
      { download: 'too_large' },
      { status: 'failed', error_code: 1001, message: /larger than .* the limit on provider outputs/ },
    ],
  ];
  it.each(failures)('%s ends the task with a clear code, refunded', async (_label, behaviour, expected) => {
    bed.fakes.meshy.script(behaviour);
    const task = await runTask(bed, client, {
      type: 'text_to_model',
      prompt: 'a slice of pepperoni pizza',
      model_version: 'meshy-6',
      texture: false,
    });
    expect(task).toMatchObject({ status: expected.status, error_code: expected.error_code, consumed_credit: 0 });
    expect(task.error_msg).toMatch(expected.message);
    expect(task.error_msg).toMatch(/the task was not charged/);
    expect(await balanceOf(client)).toEqual({ balance: 1000, frozen: 0 });
  });
});

describe('Meshy model links and the address policy', () => {
  it('refuses a link to a loopback address unless the operator opted in, and refunds', async () => {
    const bed = await startProviderTestBed({
      providers: ['meshy'],
      environment: { POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE: '0' },
    });
    try {
      const client = await newClient(bed);
      const task = await runTask(bed, client, {
        type: 'text_to_model',
        prompt: 'a teapot',
        model_version: 'meshy-6',
        texture: false,
      });
      expect(task).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
      expect(task.error_msg).toMatch(
        /the model Meshy linked to is refused by the address policy \(its host is not a public address/,
      );
      expect(bed.fakes.meshy.requests.some((request) => request.path.startsWith('/files/'))).toBe(false);
      expect(await balanceOf(client)).toEqual({ balance: 1000, frozen: 0 });
    } finally {
      await bed.close();
    }
  });
});
