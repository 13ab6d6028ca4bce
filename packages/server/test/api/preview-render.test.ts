import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skinnedAnimatedGlb, texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

describe('rendered_image on model outputs, end to end', () => {
  const clock = new ManualClock(Date.now());
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
  });
  afterAll(() => platform.close());

  it.each([
    ['cube.glb', texturedCubeGlb],
    ['skinned.glb', skinnedAnimatedGlb],
  ])('import_model of %s outputs a rendered_image .webp that decodes as a 512×512 image', async (fileName, build) => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const upload = await client.upload(await build(), fileName);
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    const created = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    expect(task.status).toBe('success');
    expect(new URL(task.output.rendered_image).pathname).toMatch(/\.webp$/);
    const download = await fetch(task.output.rendered_image);
    expect(download.status).toBe(200);
    const metadata = await sharp(new Uint8Array(await download.arrayBuffer())).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 512, height: 512 });
  });
});
