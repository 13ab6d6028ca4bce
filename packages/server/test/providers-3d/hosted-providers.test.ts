// Rodin, Stability (SF3D / SPAR3D), fal and Replicate through our Tripo API, each against a loopback fake of its
// documented API: the request each receives, the model copied in and checked, and each one's own error answers
// (refused key, exhausted credits, content refusal, 429, failed task) ending the task with a clear code, refunded.
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
  type FakeName,
  type ProviderTestBed,
} from './provider-test-kit.ts';

describe('hosted 3D providers', () => {
  let bed: ProviderTestBed;
  let client: Client;
  beforeAll(async () => {
    // fal and Replicate each serve their own model names here, so a failure of one never fails over to the other
    bed = await startProviderTestBed({
      providers: ['rodin', 'stability', 'fal', 'replicate'],
      environment: { POLYFORGE_PROVIDER_BREAKER_FAILURES: '1000', POLYFORGE_PROVIDER_BREAKER_SECONDS: '0.01' },
      prices: {
        model_versions: {
          'trellis-fal': { image_to_model: 30, multiview_to_model: 40 },
          'trellis-replicate': { image_to_model: 30 },
        },
      },
      routing: {
        routes: [
          {
            task_type: 'image_to_model',
            model_version: 'trellis-fal',
            engine: 'providers',
            providers: [{ provider: 'fal', model: 'fal-ai/trellis' }],
          },
          {
            task_type: 'multiview_to_model',
            model_version: 'trellis-fal',
            engine: 'providers',
            providers: [{ provider: 'fal', model: 'fal-ai/trellis/multi' }],
          },
          {
            task_type: 'image_to_model',
            model_version: 'trellis-replicate',
            engine: 'provider',
            provider: 'replicate',
            provider_model: 'firtoz/trellis:e8f6c45206993f297372f5436b90350817bd9b4a0d52d2a76df50c1c8afa2b3c',
          },
        ],
      },
    });
  });
  afterAll(() => bed.close());
  beforeEach(async () => {
    // a refused key trips the breaker at once; its 10 ms have passed before the next test's trial request
    await new Promise((resolve) => setTimeout(resolve, 30));
    client = await newClient(bed);
    for (const fake of Object.values(bed.fakes)) fake.script({});
  });

  it('Rodin: multipart create with the tier, polls the subscription, picks the GLB from the download list', async () => {
    const file = await uploadedImage(client);
    const task = await runTask(bed, client, {
      type: 'image_to_model',
      file,
      model_version: 'rodin-gen2',
      model_seed: 7,
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 60 });
    await expectValidModel(task);
    const [create, ...rest] = bed.fakes.rodin.apiRequests();
    expect(create!.path).toBe('/api/v2/rodin');
    expect(create!.headers['content-type']).toMatch(/^multipart\/form-data/);
    const form = await new Response(new Uint8Array(create!.body), {
      headers: { 'content-type': String(create!.headers['content-type']) },
    }).formData();
    expect({
      tier: form.get('tier'),
      material: form.get('material'),
      seed: form.get('seed'),
      format: form.get('geometry_file_format'),
    }).toEqual({ tier: 'Gen-2', material: 'PBR', seed: '7', format: 'glb' });
    expect(form.get('images')).toBeInstanceOf(Blob);
    expect(rest.map((request) => request.path)).toEqual(['/api/v2/status', '/api/v2/status', '/api/v2/download']);
  });

  it('Rodin: text_to_model sends the prompt; its job failing is a failed task, refunded', async () => {
    const done = await runTask(bed, client, {
      type: 'text_to_model',
      prompt: 'a viking helmet with horns',
      model_version: 'rodin-gen2',
    });
    expect(done).toMatchObject({ status: 'success', consumed_credit: 50 });
    bed.fakes.rodin.script({ task: 'failed' });
    const failed = await runTask(bed, client, {
      type: 'text_to_model',
      prompt: 'a viking helmet with horns',
      model_version: 'rodin-gen2',
    });
    expect(failed).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
    expect(failed.error_msg).toMatch(/Rodin job .* failed/);
    expect(await balanceOf(client)).toEqual({ balance: 950, frozen: 0 });
  });

  it('Stability SF3D and SPAR3D answer the GLB synchronously; texture=false strips its textures here', async () => {
    const file = await uploadedImage(client);
    const fast = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'sf3d' });
    expect(fast).toMatchObject({ status: 'success', consumed_credit: 20 });
    await expectValidModel(fast);
    const request = bed.fakes.stability.apiRequests()[0]!;
    expect(request.path).toBe('/v2beta/3d/stable-fast-3d');
    expect(request.headers.authorization).toBe('Bearer sk-test-stability');
    const plain = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'spar3d', texture: false });
    expect(plain).toMatchObject({ status: 'success', consumed_credit: 25 });
    expect(plain.output.generation.applied_by_polyforge).toContain('texture=false');
    expect(bed.fakes.stability.apiRequests()[1]!.path).toBe('/v2beta/3d/stable-point-aware-3d');
  });

  it('fal: queue submit with the image as a data URI, status polls, result file; multiview goes to the /multi endpoint', async () => {
    const file = await uploadedImage(client);
    const task = await runTask(bed, client, {
      type: 'image_to_model',
      file,
      model_version: 'trellis-fal',
      model_seed: 3,
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 30 });
    await expectValidModel(task);
    const [submit, ...polls] = bed.fakes.fal.apiRequests();
    expect(submit!.path).toBe('/fal-ai/trellis');
    expect(submit!.headers.authorization).toBe('Key fal-test-key:secret');
    expect(jsonOf(submit!)).toMatchObject({ image_url: expect.stringMatching(/^data:image\/png;base64,/), seed: 3 });
    expect(polls.map((request) => request.path.replace(/[0-9a-f-]{36}/, '<id>'))).toEqual([
      '/fal-ai/trellis/requests/<id>/status',
      '/fal-ai/trellis/requests/<id>/status',
      '/fal-ai/trellis/requests/<id>',
    ]);

    bed.fakes.fal.script({});
    const second = await uploadedImage(client, 2);
    const multi = await runTask(bed, client, {
      type: 'multiview_to_model',
      files: [file, second, {}, {}],
      model_version: 'trellis-fal',
    });
    expect(multi).toMatchObject({ status: 'success', consumed_credit: 40 });
    const multiSubmit = bed.fakes.fal.apiRequests()[0]!;
    expect(multiSubmit.path).toBe('/fal-ai/trellis/multi');
    expect(jsonOf(multiSubmit).image_urls).toHaveLength(2);
    // status and result live under the app id, without the endpoint's sub-path
    expect(bed.fakes.fal.apiRequests()[1]!.path).toMatch(/^\/fal-ai\/trellis\/requests\/[0-9a-f-]{36}\/status$/);
  });

  it('Replicate: a pinned version goes to /v1/predictions, polled to succeeded, the GLB picked from the output, predict_time recorded', async () => {
    const file = await uploadedImage(client);
    const task = await runTask(bed, client, { type: 'image_to_model', file, model_version: 'trellis-replicate' });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 30 });
    await expectValidModel(task);
    const create = bed.fakes.replicate.apiRequests()[0]!;
    expect(create.path).toBe('/v1/predictions');
    expect(jsonOf(create)).toMatchObject({
      version: 'e8f6c45206993f297372f5436b90350817bd9b4a0d52d2a76df50c1c8afa2b3c',
      input: { image: expect.stringMatching(/^data:image\/png;base64,/) },
    });
    const call = await bed.harness.platform.db
      .selectFrom('providerCalls')
      .selectAll()
      .where('taskId', '=', task.task_id)
      .executeTakeFirstOrThrow();
    expect(call).toMatchObject({
      provider: 'replicate',
      outcome: 'success',
      reportedCostUnit: 'compute_seconds',
      reportedCostAmount: 12.5,
    });
    expect(call.providerTaskId).toMatch(/^[0-9a-f]{26}$/);
  });

  const errorAnswers: [FakeName, string, Record<string, string>, string, number, RegExp][] = [
    ['rodin', 'rodin-gen2', { create: 'credits' }, 'failed', 1001, /out of credits/],
    ['rodin', 'rodin-gen2', { create: 'content' }, 'banned', 2008, /Rodin refused the input under its content policy/],
    ['stability', 'sf3d', { create: 'content' }, 'banned', 2008, /flagged by our content moderation/],
    ['stability', 'sf3d', { create: 'credits' }, 'failed', 1001, /out of credits/],
    [
      'stability',
      'sf3d',
      { create: 'rate_limited' },
      'failed',
      1001,
      /Stability answered HTTP 429: You have exceeded the rate limit/,
    ],
    ['stability', 'sf3d', { download: 'not_glb' }, 'failed', 1001, /not a glTF binary/],
    ['fal', 'trellis-fal', { create: 'auth' }, 'failed', 1001, /key for it was refused/],
    ['fal', 'trellis-fal', { create: 'credits' }, 'failed', 1001, /out of credits/],
    [
      'fal',
      'trellis-fal',
      { task: 'content' },
      'banned',
      2008,
      /content_policy_violation|flagged by the content checker/,
    ],
    ['fal', 'trellis-fal', { task: 'failed' }, 'failed', 1001, /Generation failed on the runner/],
    ['replicate', 'trellis-replicate', { create: 'credits' }, 'failed', 1001, /out of credits/],
    ['replicate', 'trellis-replicate', { create: 'rate_limited' }, 'failed', 1001, /Request was throttled/],
    ['replicate', 'trellis-replicate', { task: 'content' }, 'banned', 2008, /NSFW content detected/],
    ['replicate', 'trellis-replicate', { task: 'failed' }, 'failed', 1001, /CUDA out of memory/],
  ];
  it.each(errorAnswers)(
    '%s (%s) answering %o ends the task %s with %i, refunded',
    async (provider, modelVersion, behaviour, status, errorCode, message) => {
      bed.fakes[provider].script(behaviour);
      const file = await uploadedImage(client);
      const task = await runTask(bed, client, { type: 'image_to_model', file, model_version: modelVersion });
      expect(task).toMatchObject({ status, error_code: errorCode, consumed_credit: 0 });
      expect(task.error_msg).toMatch(message);
      expect(await balanceOf(client)).toEqual({ balance: 1000, frozen: 0 });
    },
  );
});
