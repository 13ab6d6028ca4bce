// texture_model through Meshy's Retexture API, routed by the operator's routing file, over our Tripo API against
// the loopback Meshy fake: the source model reaches Meshy inline, the textured GLB comes back checked, previewed and
// charged once at the texture_model price; options Meshy lacks are refused at create; every failure is refunded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readModel } from '@polyforge/geometry/read/read-model';
import { binaryStl, twoMaterialGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { downloadBytes } from '../fixtures/download-bytes.ts';
import { jsonOf, type RecordedRequest } from './fake-provider-server.ts';
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

const ROUTING = {
  routes: [{ task_type: 'texture_model', engine: 'provider', provider: 'meshy', provider_model: 'meshy-6' }],
};
const TEXTURE_PRICE = 10;

describe('texture_model through Meshy retexture', () => {
  let bed: ProviderTestBed;
  let client: Client;
  beforeAll(async () => {
    bed = await startProviderTestBed({
      providers: ['meshy'],
      routing: ROUTING,
      environment: { POLYFORGE_PROVIDER_BREAKER_FAILURES: '1000', POLYFORGE_PROVIDER_BREAKER_SECONDS: '0.01' },
    });
  });
  afterAll(() => bed.close());
  beforeEach(async () => {
    client = await newClient(bed);
    bed.fakes.meshy.script({});
  });

  /** Imports a model file and returns the import task (free), the source of the texture tasks. */
  async function importedModel(bytes: Uint8Array, fileName: string): Promise<any> {
    const upload = await client.upload(bytes, fileName);
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    const imported = await runTask(bed, client, {
      type: 'import_model',
      file: { type: fileName.split('.').pop(), file_token: upload.body.data.image_token },
    });
    expect(imported.status, JSON.stringify(imported)).toBe('success');
    bed.fakes.meshy.script({});
    return imported;
  }

  function retextureCreates(): RecordedRequest[] {
    return bed.fakes.meshy
      .apiRequests()
      .filter((request) => request.method === 'POST' && request.path === '/openapi/v1/retexture');
  }

  it('paints an imported model from a text prompt: the GLB reaches Meshy as a data URI, PBR and base models come back, charged once', async () => {
    const imported = await importedModel(await twoMaterialGlb(), 'chair.glb');
    const task = await runTask(bed, client, {
      type: 'texture_model',
      original_model_task_id: imported.task_id,
      texture_prompt: { text: 'rusty metal' },
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: TEXTURE_PRICE });
    const pbrModel = await expectValidModel(task, 'pbr_model');
    const baseModel = await expectValidModel(task, 'model');
    const painted = await readModel(pbrModel, 'glb');
    expect(
      painted
        .getRoot()
        .listMaterials()
        .some((material) => material.getBaseColorTexture() !== null),
    ).toBe(true);
    expect(
      (await readModel(baseModel, 'glb'))
        .getRoot()
        .listMaterials()
        .every((material) => material.getMetallicRoughnessTexture() === null),
    ).toBe(true);
    expect(task.output.generation).toMatchObject({ model_version: 'v2.5-20250123', applied_by_polyforge: [] });

    const creates = retextureCreates();
    expect(creates).toHaveLength(1);
    const body = jsonOf(creates[0]!);
    expect(body).toMatchObject({ text_style_prompt: 'rusty metal', ai_model: 'meshy-6', enable_pbr: true });
    expect(body.image_style_url).toBeUndefined();
    const sent = Buffer.from(String(body.model_url).replace(/^data:application\/octet-stream;base64,/, ''), 'base64');
    const source = await downloadBytes(
      imported.output.model ?? imported.output.pbr_model ?? imported.output.base_model,
    );
    expect(sent.equals(Buffer.from(source.bytes))).toBe(true);
    expect(
      bed.fakes.meshy
        .apiRequests()
        .filter((request) => request.method === 'GET')
        .every((request) => request.path.startsWith('/openapi/v1/retexture/')),
    ).toBe(true);

    const calls = await bed.harness.platform.db
      .selectFrom('providerCalls')
      .selectAll()
      .where('taskId', '=', task.task_id)
      .execute();
    expect(calls.map((call) => [call.provider, call.providerModel, call.outcome])).toEqual([
      ['meshy', 'meshy-6', 'success'],
    ]);
    expect(await balanceOf(client)).toEqual({ balance: 1000 - TEXTURE_PRICE, frozen: 0 });
  });

  it('paints from one reference image (image_style_url); pbr=false asks for no maps and returns the model alone', async () => {
    const imported = await importedModel(await twoMaterialGlb(), 'chair.glb');
    const image = await uploadedImage(client);
    const task = await runTask(bed, client, {
      type: 'texture_model',
      original_model_task_id: imported.task_id,
      texture_prompt: { image },
      pbr: false,
      texture_seed: 7,
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: TEXTURE_PRICE });
    await expectValidModel(task, 'model');
    expect(task.output.pbr_model).toBeUndefined();
    expect(task.output.generation.ignored_options).toEqual(['texture_seed']);
    const body = jsonOf(retextureCreates()[0]!);
    expect(body.image_style_url).toMatch(/^data:image\/png;base64,/);
    expect(body).toMatchObject({ enable_pbr: false });
    expect(body.text_style_prompt).toBeUndefined();
  });

  it('sends a model imported from another format as GLB', async () => {
    const imported = await importedModel(binaryStl(), 'part.stl');
    const task = await runTask(bed, client, {
      type: 'texture_model',
      original_model_task_id: imported.task_id,
      texture_prompt: { text: 'polished brass' },
    });
    expect(task.status, JSON.stringify(task)).toBe('success');
    const sent = Buffer.from(String(jsonOf(retextureCreates()[0]!).model_url).split(',')[1]!, 'base64');
    expect(sent.subarray(0, 4).toString('latin1')).toBe('glTF');
  });

  const refusals: [string, Record<string, unknown>, RegExp][] = [
    ['no texture_prompt', {}, /Meshy needs a texture_prompt with text or one image/],
    [
      'views',
      { texture_prompt: { images: [{ type: 'png', file_token: 'f' }, {}, {}, {}] } },
      /Meshy textures from one reference image, not views/,
    ],
    [
      'text with a style image',
      { texture_prompt: { text: 'wood', style_image: { type: 'png', file_token: 'f' } } },
      /not both/,
    ],
    ['a long prompt', { texture_prompt: { text: 'x'.repeat(601) } }, /at most 600 characters/],
    [
      'part_names',
      { texture_prompt: { text: 'wood' }, part_names: ['seat'] },
      /part_names cannot be used .* it textures the whole model/,
    ],
    [
      'texture_quality=detailed',
      { texture_prompt: { text: 'wood' }, texture_quality: 'detailed' },
      /texture_quality cannot be used/,
    ],
    [
      'texture_alignment=geometry',
      { texture_prompt: { text: 'wood' }, texture_alignment: 'geometry' },
      /texture_alignment cannot be used/,
    ],
  ];
  it.each(refusals)('refuses %s at create, nothing held or sent', async (_label, fields, message) => {
    const imported = await importedModel(await twoMaterialGlb(), 'chair.glb');
    const image = await uploadedImage(client);
    const withToken = JSON.parse(
      JSON.stringify(fields).replaceAll('"file_token":"f"', `"file_token":"${image.file_token}"`),
    );
    const created = await client.createTask({
      type: 'texture_model',
      original_model_task_id: imported.task_id,
      ...withToken,
    });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ code: 1004 });
    expect(created.body.message).toMatch(message);
    expect(retextureCreates()).toHaveLength(0);
    expect(await balanceOf(client)).toEqual({ balance: 1000, frozen: 0 });
  });

  it('retries a 429 answered with Retry-After and succeeds, charged once', async () => {
    const imported = await importedModel(await twoMaterialGlb(), 'chair.glb');
    bed.fakes.meshy.script({ create: 'rate_limited_once' });
    const task = await runTask(bed, client, {
      type: 'texture_model',
      original_model_task_id: imported.task_id,
      texture_prompt: { text: 'oak' },
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: TEXTURE_PRICE });
    expect(retextureCreates()).toHaveLength(2);
    expect(await balanceOf(client)).toEqual({ balance: 1000 - TEXTURE_PRICE, frozen: 0 });
  });

  const failures: [string, Record<string, string>, RegExp][] = [
    ['a retexture task that fails', { task: 'failed' }, /Meshy task .* failed: Generation failed/],
    ['429 past the retries', { create: 'rate_limited' }, /Meshy: .*429/],
    ['a malformed create answer', { create: 'malformed' }, /not a JSON object/],
    ['a task that succeeds without model_urls.glb', { task: 'no_model' }, /succeeded without model_urls.glb/],
    ['a refused key', { create: 'auth' }, /the deployment's key for it was refused/],
  ];
  it.each(failures)('%s ends the task failed (1001), refunded', async (_label, behaviour, message) => {
    const imported = await importedModel(await twoMaterialGlb(), 'chair.glb');
    bed.fakes.meshy.script(behaviour);
    const task = await runTask(bed, client, {
      type: 'texture_model',
      original_model_task_id: imported.task_id,
      texture_prompt: { text: 'oak' },
    });
    expect(task).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
    expect(task.error_msg).toMatch(message);
    expect(task.error_msg).toMatch(/the task was not charged/);
    expect(await balanceOf(client)).toEqual({ balance: 1000, frozen: 0 });
    // a refused key trips the breaker at once; its 10 ms pass before the next test's trial request
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
});
