import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFbx } from '@polyforge/geometry/formats/fbx/write-fbx';
import {
  asciiStl,
  objText,
  skinnedAnimatedDocument,
  texturedCubeGlb,
} from '@polyforge/geometry/test/fixtures/build-fixtures';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

async function expectValidGlb(bytes: Uint8Array): Promise<void> {
  const validation = await validateGlb(bytes);
  expect(validation.errors).toEqual([]);
}

describe('import_model, convert_model and signed downloads, end to end', () => {
  const clock = new ManualClock(Date.now());
  let platform: TestPlatform;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(() => platform.close());

  async function runToEnd(client: ReturnType<typeof apiClient>, body: unknown) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.data.task_id).toMatch(/^[0-9a-f-]{36}$/);
    await platform.drainQueue();
    const task = await client.getTask(created.body.data.task_id);
    expect(task.status).toBe(200);
    return task.body.data;
  }

  async function importTask(client: ReturnType<typeof apiClient>, bytes: Uint8Array, fileName: string) {
    const upload = await client.upload(bytes, fileName);
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    expect(upload.body.data.image_token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    return runToEnd(client, {
      type: 'import_model',
      file: { type: fileName.split('.').pop(), file_token: upload.body.data.image_token },
    });
  }

  it.each([
    ['cube.glb', () => cubeGlb],
    ['cube.obj', () => new TextEncoder().encode(objText())],
    ['cube.stl', () => new TextEncoder().encode(asciiStl())],
    ['rigged.fbx', () => writeFbx(skinnedAnimatedDocument())],
  ])('imports %s for free into a valid GLB with every field clients require', async (fileName, bytesOf) => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const task = await importTask(client, bytesOf(), fileName);
    for (const key of ['task_id', 'type', 'status', 'input', 'output', 'progress', 'create_time'])
      expect(task).toHaveProperty(key);
    expect(task).toMatchObject({ type: 'import_model', status: 'success', progress: 100, consumed_credit: 0 });
    expect(task.output.model).toMatch(/\/model\.glb\?expires=\d+&signature=/);
    const download = await fetch(task.output.model);
    expect(download.status).toBe(200);
    await expectValidGlb(new Uint8Array(await download.arrayBuffer()));
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it.each([
    ['GLTF', 'glb'],
    ['OBJ', 'zip'],
    ['STL', 'stl'],
  ])('converts to %s, charges 5 credits, and serves a .%s file', async (format, extension) => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const imported = await importTask(client, cubeGlb, 'cube.glb');
    const task = await runToEnd(client, {
      type: 'convert_model',
      format: format.toLowerCase(),
      original_model_task_id: imported.task_id,
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect(new URL(task.output.rendered_image).pathname).toMatch(/\/rendered_image\.webp$/);
    expect(new URL(task.output.model).pathname).toMatch(new RegExp(`/model\\.${extension}$`));
    const download = await fetch(task.output.model, { headers: { Authorization: `Bearer ${account.apiKey}` } });
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(100);
    if (extension === 'glb') await expectValidGlb(bytes);
    if (extension === 'zip') expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    if (extension === 'stl')
      expect(bytes.byteLength).toBe(84 + 50 * new DataView(bytes.buffer, bytes.byteOffset).getUint32(80, true));
    expect((await client.balance()).body.data).toEqual({ balance: 295, frozen: 0 });
  });

  it('fails a task whose model cannot be read, with an error code and message, and refunds it', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const truncated = cubeGlb.slice(0, 64);
    const task = await importTask(client, truncated, 'broken.glb');
    expect(task.status).toBe('failed');
    expect(task.error_code).toBeGreaterThan(0);
    expect(task.error_msg).toMatch(/not charged/);
    expect(task.consumed_credit).toBe(0);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('signs download links for 60 seconds: a later fetch gets 403, getting the task again gives a fresh link', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const imported = await importTask(client, cubeGlb, 'cube.glb');
    clock.advanceSeconds(61);
    const expired = await fetch(imported.output.model);
    expect(expired.status).toBe(403);
    expect((await expired.json()).code).toBe(1005);
    const fresh = await client.getTask(imported.task_id);
    expect((await fetch(fresh.body.data.output.model)).status).toBe(200);
  });

  it('refuses a link whose signature is missing or belongs to another file', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const imported = await importTask(client, cubeGlb, 'cube.glb');
    const url = new URL(imported.output.model);
    const unsigned = await fetch(`${url.origin}${url.pathname}`);
    expect(unsigned.status).toBe(403);
    const other = await importTask(client, cubeGlb, 'cube.glb');
    const otherUrl = new URL(other.output.model);
    const swapped = await fetch(`${url.origin}${otherUrl.pathname}${url.search}`);
    expect(swapped.status).toBe(403);
  });

  it("keeps one account's tasks and files invisible to another", async () => {
    const owner = await platform.createAccount();
    const stranger = await platform.createAccount();
    const ownerClient = apiClient(platform.baseUrl, owner.apiKey);
    const strangerClient = apiClient(platform.baseUrl, stranger.apiKey);
    const upload = await ownerClient.upload(cubeGlb, 'cube.glb');
    const imported = await importTask(ownerClient, cubeGlb, 'cube.glb');
    const read = await strangerClient.getTask(imported.task_id);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe(2001);
    const useFile = await strangerClient.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    expect(useFile.body.code).toBe(2019);
    const useTask = await strangerClient.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: imported.task_id,
    });
    expect(useTask.body.code).toBe(2001);
    expect((await strangerClient.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });
});
