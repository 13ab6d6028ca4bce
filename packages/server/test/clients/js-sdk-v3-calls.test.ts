// The official JS SDK's /v3 calls, shaped as it sends them (js-sdk-shaped-client.ts), against a real server with
// in-process workers: task ids as inputs (0.1 wraps them as {file_token}), the default image model, the rig
// chain check → rig → retarget for a quadruped, model_urls, and a parameter error where the spec puts one.
import { NodeIO } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quadrupedAnimalDocument } from '@polyforge/geometry/test/fixtures/build-creatures';
import { toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { JsSdkApiError, JsSdkShapedClient, type JsSdkVersion } from './js-sdk-shaped-client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('official JS SDK calls on /v3', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ workers: true });
  });
  afterAll(() => platform?.close());

  async function client(version: JsSdkVersion, credits = 300): Promise<JsSdkShapedClient> {
    const account = await platform.createAccount({ credits });
    return new JsSdkShapedClient(platform.baseUrl, account.apiKey, version);
  }

  it('chains tasks by id, as 0.1 sends them ({file_token: "<task id>"}): image → model, image → multiview → edit → model', async () => {
    const sdk = await client('0.1');
    const imageId = await sdk.textToImage({ prompt: 'a wooden chair' });
    const image = await sdk.waitForTask(imageId);
    expect(image.output.generated_image_url).toMatch(/\/generated_image\.png\?/);
    expect(image.output).not.toHaveProperty('generation');
    expect(image.generation).toMatchObject({ category: expect.any(String) });

    const modelId = await sdk.imageToModel({ input: imageId, model: 'v3.0-20250812' });
    expect(sdk.sent.at(-1)).toEqual({
      path: '/generation/image-to-model',
      body: { input: { file_token: imageId }, model: 'v3.0-20250812' },
    });
    const multiviewId = await sdk.imageToMultiview({ input: imageId });
    const model = await sdk.waitForTask(modelId);
    expect(model.output.model_url).toMatch(/\.glb\?/);
    await sdk.waitForTask(multiviewId);
    const editId = await sdk.editMultiview({ input: multiviewId, prompts: [{ view: 'front', prompt: 'make it red' }] });
    expect(sdk.sent.at(-1)?.body).toMatchObject({ input: { file_token: multiviewId } });
    const edit = await sdk.waitForTask(editId);
    expect(edit.input).toMatchObject({ original_task_id: multiviewId });
    expect(edit.output.front_view_url).toMatch(/\?/);
    const fromViewsId = await sdk.multiviewToModel({ input_task_id: editId, model: 'v3.0-20250812' });
    expect((await sdk.waitForTask(fromViewsId)).output.model_url).toMatch(/\.glb\?/);
    const listed = await sdk.listTasks([imageId, modelId, editId]);
    expect(Object.keys(listed.tasks).sort()).toEqual([imageId, modelId, editId].sort());
  });

  it('serves imageToImage and textToImage without a model on the default image model', async () => {
    const sdk = await client('0.2');
    const { file_token: fileToken } = await sdk.uploadFile(await drawingImage(128));
    expect(fileToken).toMatch(/^file_/);
    const editedId = await sdk.imageToImage({ inputs: [fileToken], prompt: 'a robot' });
    const edited = await sdk.waitForTask(editedId);
    expect(edited.input).toMatchObject({
      type: 'generate_image',
      model_version: 'polyforge_basic',
      files: [{ file_token: fileToken.slice('file_'.length) }],
    });
    expect(edited.output.notes.join(' ')).toMatch(/reference image/);
    const extractedId = await sdk.imageToImage({ input: fileToken, template: 'asset_extraction' });
    expect((await sdk.waitForTask(extractedId)).output).toMatchObject({
      template: 'asset_extraction',
      generated_image_url: expect.any(String),
    });
    const refused = await sdk
      .imageToImage({ input: fileToken, prompt: 'a robot', template: 'figure' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(JsSdkApiError);
    expect(refused).toMatchObject({ code: 2002, status: 400 });
  });

  it('rigs what the rig check found and retargets onto it: a quadruped, with model_urls as the README reads them', async () => {
    const sdk = await client('0.2');
    const animal = await toGlb(await quadrupedAnimalDocument());
    const { file_token: fileToken } = await sdk.uploadFile(animal, { filename: 'animal.glb' });
    const { task_id: importId } = await sdk.request('/models/import', { method: 'POST', json: { input: fileToken } });
    await sdk.waitForTask(importId);
    const check = await sdk.waitForTask(await sdk.rigCheck({ input: importId }));
    expect(check.output).toMatchObject({ riggable: true, rig_type: 'quadruped' });
    const rig = await sdk.waitForTask(await sdk.rigModel({ input: importId, rig_type: check.output.rig_type }));
    expect(rig).toMatchObject({
      input: { rig_type: 'quadruped', model_version: 'v2.5-20260210' },
      output: { rig_type: 'quadruped' },
    });
    const animated = await sdk.waitForTask(
      await sdk.retargetAnimation({ input: rig.task_id, animations: ['preset:quadruped:walk'], out_format: 'glb' }),
    );
    expect(animated.output.model_urls).toEqual([animated.output.model_url]);
    const bytes = await sdk.downloadModel(animated);
    const document = await new NodeIO().readBinary(bytes!);
    expect(
      document
        .getRoot()
        .listAnimations()
        .map((animation) => animation.getName()),
    ).toEqual(['preset:quadruped:walk']);

    const vertexColours = await sdk
      .convertModel({ input: importId, format: 'FBX', export_vertex_colors: true })
      .catch((error: unknown) => error);
    expect(vertexColours).toMatchObject({
      code: 1004,
      status: 400,
      message: expect.stringMatching(/export_vertex_colors/),
    });
    expect(check.task_id).toMatch(UUID);
    expect(await sdk.getBalance()).toEqual({ balance: 300 - 25 - 10, frozen: 0 });
  });
});
