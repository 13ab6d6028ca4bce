// Test-mode keys: every task type answers, nothing is charged, outputs are deterministic and marked as test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';

describe('test mode (tsk_test_ keys)', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform();
  });
  afterAll(() => harness.close());

  async function testClient() {
    const account = await harness.createAccount();
    const key = await harness.platform.accounts.createApiKey(account.accountId, 'sandbox', 'test');
    expect(key.apiKey).toMatch(/^tsk_test_/);
    return { account, live: apiClient(harness.baseUrl, account.apiKey), test: apiClient(harness.baseUrl, key.apiKey) };
  }

  async function run(client: ReturnType<typeof apiClient>, body: unknown) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.headers.get('x-polyforge-mode')).toBe('test');
    await harness.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  it('runs any task type, even one this deployment does not serve, free, with a valid sample model', async () => {
    const { live, test } = await testClient();
    expect(
      (await live.createTask({ type: 'generate_image', prompt: 'a red fox', model_version: 'midjourney' })).body.code,
    ).toBe(2002);
    const task = await run(test, { type: 'text_to_model', prompt: 'a red fox' });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 0, test_mode: true });
    const model = new Uint8Array(await (await fetch(task.output.model)).arrayBuffer());
    expect((await validateGlb(model)).errors).toEqual([]);
    expect(task.output.rendered_image).toMatch(/\.webp\?/);
    expect((await test.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('gives the same output for the same request, and marks tasks as test in listings', async () => {
    const { test } = await testClient();
    const first = await run(test, { type: 'text_to_model', prompt: 'a blue whale' });
    const second = await run(test, { type: 'text_to_model', prompt: 'a blue whale' });
    const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer()).toString('base64');
    expect(await bytesOf(first.output.model)).toBe(await bytesOf(second.output.model));
    const listed = await test.send('GET', '/v2/openapi/tasks');
    expect(listed.body.data.tasks.every((task: { test_mode?: boolean }) => task.test_mode === true)).toBe(true);
  });

  it('answers image, multiview and pre-rig check tasks with their documented output shapes', async () => {
    const { test } = await testClient();
    const image = await run(test, { type: 'text_to_image', prompt: 'a lighthouse' });
    expect(image.output.generated_image).toMatch(/\.png\?/);
    const model = await run(test, { type: 'text_to_model', prompt: 'a lighthouse' });
    const views = await run(test, {
      type: 'generate_multiview_image',
      file: { type: 'png', file_token: await uploadPng(test) },
    });
    expect(Object.keys(views.output.generate_multiview_image).sort()).toEqual([
      'back_view_url',
      'front_view_url',
      'left_view_url',
      'right_view_url',
    ]);
    const check = await run(test, { type: 'animate_prerigcheck', original_model_task_id: model.task_id });
    expect(check.output).toMatchObject({ riggable: true, rig_type: 'biped' });
  });

  it('still validates requests and content like a live key', async () => {
    const { test } = await testClient();
    expect((await test.createTask({ type: 'text_to_model', prompt: 42 })).body.code).toBe(1004);
    expect((await test.createTask({ type: 'text_to_model', prompt: 'a fucking dragon' })).body.code).toBe(2008);
  });
});

async function uploadPng(client: ReturnType<typeof apiClient>): Promise<string> {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  const upload = await client.upload(new Uint8Array(png), 'view.png');
  return upload.body.data.image_token;
}
