import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../../test/harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../../test/harness/start-test-platform.ts';

describe('task runner: leases and lost workers', () => {
  const clock = new ManualClock(Date.now());
  let harness: TestPlatform;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    harness = await startTestPlatform({ clock, leaseSeconds: 30 });
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(() => harness.close());

  async function convertTask(client: ReturnType<typeof apiClient>): Promise<string> {
    const upload = await client.upload(cubeGlb, 'cube.glb');
    const imported = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await harness.drainQueue();
    const created = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: imported.body.data.task_id,
    });
    expect(created.status).toBe(200);
    return created.body.data.task_id;
  }

  it("gives a dead worker's task to another worker once the lease expires, and charges once", async () => {
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const taskId = await convertTask(client);
    const dyingWorker = harness.platform.createRunner('dying-worker');
    const claimed = await dyingWorker.claimNext();
    expect(claimed?.task.id).toBe(taskId);
    expect((await client.getTask(taskId)).body.data.status).toBe('running');

    const rescuer = harness.platform.createRunner('rescuer');
    expect(await rescuer.runOnce()).toBe(false); // lease still valid: nothing to do
    clock.advanceSeconds(31);
    expect(await rescuer.runOnce()).toBe(true);
    const task = (await client.getTask(taskId)).body.data;
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect((await client.balance()).body.data).toEqual({ balance: 295, frozen: 0 });
  });

  it('fails and refunds a task whose workers keep dying', async () => {
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const taskId = await convertTask(client);
    for (const workerId of ['first-casualty', 'second-casualty']) {
      const runner = harness.platform.createRunner(workerId);
      await runner.reclaimExpiredLeases();
      expect((await runner.claimNext())?.task.id).toBe(taskId);
      clock.advanceSeconds(31);
    }
    await harness.platform.createRunner('sweeper').reclaimExpiredLeases();
    const task = (await client.getTask(taskId)).body.data;
    expect(task).toMatchObject({ status: 'failed', consumed_credit: 0, error_code: 1001 });
    expect(task.error_msg).toMatch(/stopped responding/);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('runs tasks by itself when in-process workers are on', async () => {
    const workerHarness = await startTestPlatform({ workers: true });
    try {
      const account = await workerHarness.createAccount();
      const client = apiClient(workerHarness.baseUrl, account.apiKey);
      const upload = await client.upload(cubeGlb, 'cube.glb');
      const created = await client.createTask({
        type: 'import_model',
        file: { type: 'glb', file_token: upload.body.data.image_token },
      });
      let status = 'queued';
      for (let attempt = 0; attempt < 100 && (status === 'queued' || status === 'running'); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await client.getTask(created.body.data.task_id)).body.data.status;
      }
      expect(status).toBe('success');
    } finally {
      await workerHarness.close();
    }
  });
});
