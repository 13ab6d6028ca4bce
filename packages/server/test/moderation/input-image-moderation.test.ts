// Every input image of every task type meets the offline image classifier at create (V2 and V3), before source
// tasks, scope, price or hold. A threshold of 0 makes the real classifier refuse any image, so the refusal path
// is exercised without explicit pictures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { apiClient, type ApiResponse } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

const UNKNOWN_TASK_ID = '6f1c1f2e-54c4-4a8b-9d0e-444444444444';

describe('input images of every task type meet the image content check', () => {
  let strict: TestPlatform;
  beforeAll(async () => {
    strict = await startTestPlatform({ environment: { POLYFORGE_IMAGE_SAFETY_THRESHOLD: '0' } });
  });
  afterAll(() => strict.close());

  it('refuses each image field with 2008 naming the file and the category; nothing is charged', async () => {
    const account = await strict.createAccount();
    const client = apiClient(strict.baseUrl, account.apiKey);
    const png = await drawingImage(96);
    const token = (await client.upload(png, 'input.png')).body.data.image_token as string;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)]), 'input.png');
    const v3Token = (await client.send('POST', '/v3/files', { form })).body.data.file_token as string;
    const image = { type: 'png', file_token: token };
    const v2 = (json: unknown) => client.createTask(json);
    const v3 = (path: string, json: unknown) => client.send('POST', `/v3/${path}`, { json });
    const cases: [string, () => Promise<ApiResponse>][] = [
      ['V2 image_to_model file', () => v2({ type: 'image_to_model', file: image })],
      ['V2 multiview_to_model files', () => v2({ type: 'multiview_to_model', files: [image, {}, {}, image] })],
      ['V2 generate_image file', () => v2({ type: 'generate_image', prompt: 'a red chair', file: image })],
      ['V2 generate_image files', () => v2({ type: 'generate_image', prompt: 'a red chair', files: [image] })],
      ['V2 generate_multiview_image file', () => v2({ type: 'generate_multiview_image', file: image })],
      ['V2 text_to_image style_image', () => v2({ type: 'text_to_image', prompt: 'a red chair', style_image: image })],
      ['V2 text_to_model style_image', () => v2({ type: 'text_to_model', prompt: 'a red chair', style_image: image })],
      [
        'V2 texture_model texture_prompt.image',
        () => v2({ type: 'texture_model', original_model_task_id: UNKNOWN_TASK_ID, texture_prompt: { image } }),
      ],
      [
        'V2 texture_model texture_prompt.images',
        () =>
          v2({
            type: 'texture_model',
            original_model_task_id: UNKNOWN_TASK_ID,
            texture_prompt: { images: [image, {}, {}, {}] },
          }),
      ],
      [
        'V2 texture_model texture_prompt.style_image',
        () =>
          v2({
            type: 'texture_model',
            original_model_task_id: UNKNOWN_TASK_ID,
            texture_prompt: { text: 'oak', style_image: image },
          }),
      ],
      [
        'V2 mesh_segmentation ref_image',
        () =>
          v2({
            type: 'mesh_segmentation',
            original_model_task_id: UNKNOWN_TASK_ID,
            model_version: 'v2.0-20260430',
            ref_image: image,
          }),
      ],
      ['V3 image-to-model input', () => v3('generation/image-to-model', { model: 'v3.0-20250812', input: v3Token })],
      [
        'V3 multiview-to-model inputs',
        () => v3('generation/multiview-to-model', { model: 'v3.0-20250812', inputs: [v3Token, '', '', v3Token] }),
      ],
      ['V3 image-to-multiview input', () => v3('generation/image-to-multiview', { input: v3Token })],
      ['V3 image-to-image input', () => v3('generation/image-to-image', { prompt: 'a red chair', input: v3Token })],
      ['V3 models/texture image_prompt', () => v3('models/texture', { input: UNKNOWN_TASK_ID, image_prompt: v3Token })],
    ];
    for (const [label, send] of cases) {
      const response = await send();
      expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(response.body.code, label).toBe(2008);
      expect(response.body.message, label).toMatch(
        /file_token [0-9a-f-]{36} was refused by the image content check: sexual content; nothing was charged/,
      );
    }
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
    const tasks = await strict.platform.db
      .selectFrom('tasks')
      .select('id')
      .where('accountId', '=', account.accountId)
      .execute();
    expect(tasks).toEqual([]);
  });
});
