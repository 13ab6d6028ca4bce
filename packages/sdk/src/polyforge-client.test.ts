// The SDK against the real platform over loopback: real database, real disk, real workers.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../server/test/harness/start-test-platform.ts';
import { triangleGlb } from '../test/triangle-glb.ts';
import { PolyforgeApiError } from './polyforge-api-error.ts';
import { PolyforgeClient } from './polyforge-client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GLB_MAGIC = [0x67, 0x6c, 0x54, 0x46];

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

describe('PolyforgeClient against the real server', () => {
  let platform: Platform;
  let outputDir: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: true });
    outputDir = await mkdtemp(join(tmpdir(), 'polyforge-sdk-test-'));
  });
  afterAll(async () => {
    await platform?.close();
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
  });

  async function freshClient(accountOptions?: { credits?: number; concurrency?: number }): Promise<PolyforgeClient> {
    const account = await platform.createAccount(accountOptions);
    return new PolyforgeClient({ baseUrl: platform.baseUrl, apiKey: account.apiKey });
  }

  async function importedTaskId(client: PolyforgeClient): Promise<string> {
    const token = await client.uploadFile(triangleGlb(), 'triangle.glb');
    const taskId = await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: token } });
    const task = await client.waitForTask(taskId, { pollIntervalMs: 50, timeoutMs: 30_000 });
    expect(task.status, JSON.stringify(task)).toBe('success');
    return taskId;
  }

  it('reads the balance of a new account', async () => {
    const client = await freshClient({ credits: 40 });
    expect(await client.getBalance()).toEqual({ balance: 40, frozen: 0 });
  });

  it('uploads, imports for free, waits with progress, and downloads <task_id>_model.glb', async () => {
    const client = await freshClient({ credits: 10 });
    const token = await client.uploadFile(triangleGlb(), 'triangle.glb');
    expect(token).toMatch(UUID);
    const taskId = await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: token } });
    expect(taskId).toMatch(UUID);

    const statuses: string[] = [];
    const task = await client.waitForTask(taskId, {
      pollIntervalMs: 50,
      timeoutMs: 30_000,
      onProgress: (polled) => statuses.push(polled.status),
    });
    expect(task).toMatchObject({
      task_id: taskId,
      type: 'import_model',
      status: 'success',
      progress: 100,
      consumed_credit: 0,
    });
    expect(statuses.at(-1)).toBe('success');
    expect(typeof task.output.model).toBe('string');

    const dir = join(outputDir, 'import');
    const paths = await client.downloadOutputs(task, dir);
    expect(paths).toContain(join(dir, `${taskId}_model.glb`));
    const bytes = await readFile(join(dir, `${taskId}_model.glb`));
    expect([...bytes.subarray(0, 4)]).toEqual(GLB_MAGIC);
    expect(await readdir(dir)).toHaveLength(paths.length);
    expect(await client.getBalance()).toEqual({ balance: 10, frozen: 0 });
  });

  it('quotes convert_model at 5 credits, runs it, charges it, and downloads an STL', async () => {
    const client = await freshClient({ credits: 20 });
    const sourceTaskId = await importedTaskId(client);
    const body = { type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId };
    expect(await client.quoteTask(body)).toBe(5);
    const taskId = await client.createTask(body);
    const task = await client.waitForTask(taskId, { pollIntervalMs: 50, timeoutMs: 30_000 });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    const [path] = await client.downloadOutputs(task, join(outputDir, 'convert'));
    expect(path).toBe(join(outputDir, 'convert', `${taskId}_model.stl`));
    expect((await readFile(path!)).byteLength).toBeGreaterThan(84);
    expect(await client.getBalance()).toEqual({ balance: 15, frozen: 0 });
  });

  it('returns a failed task (not an exception) with error_code and error_msg', async () => {
    const client = await freshClient({ credits: 0 });
    const token = await client.uploadFile(triangleGlb().slice(0, 40), 'broken.glb');
    const taskId = await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: token } });
    const task = await client.waitForTask(taskId, { pollIntervalMs: 50, timeoutMs: 30_000 });
    expect(task.status).toBe('failed');
    expect(task.error_code).toBeGreaterThan(0);
    expect(task.error_msg).toBeTruthy();
    expect(await client.downloadOutputs(task, join(outputDir, 'failed'))).toEqual([]);
  });

  it.each([
    ['an unknown task', 2001, 404, (client: PolyforgeClient) => client.getTask('00000000-0000-4000-8000-000000000000')],
    ['an unknown task type', 2002, 400, (client: PolyforgeClient) => client.createTask({ type: 'make_me_a_sandwich' })],
  ])('raises PolyforgeApiError for %s (%s, HTTP %s) with a suggestion', async (_what, code, httpStatus, call) => {
    const client = await freshClient();
    const error = await call(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PolyforgeApiError);
    expect(error).toMatchObject({ code, httpStatus });
    expect((error as PolyforgeApiError).suggestion.length).toBeGreaterThan(0);
  });

  it('raises 1002 for a wrong key and 2010 when credits run short', async () => {
    const stranger = new PolyforgeClient({ baseUrl: platform.baseUrl, apiKey: 'tsk_not_a_real_key' });
    await expect(stranger.getBalance()).rejects.toMatchObject({ code: 1002, httpStatus: 401 });

    const poor = await freshClient({ credits: 0 });
    const sourceTaskId = await importedTaskId(poor);
    await expect(
      poor.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId }),
    ).rejects.toMatchObject({
      code: 2010,
      httpStatus: 403,
    });
  });
});
