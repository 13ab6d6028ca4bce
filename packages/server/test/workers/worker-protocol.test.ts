// The worker protocol over real HTTP: tokens, leases scoped to one task, heartbeats, outputs, complete and
// fail (retryable or not), lost leases, cancel; the credits are captured once or released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShape, meshToGlb } from '../../../worker-sdk/src/examples/parametric-mesh.ts';
import { checkerPng } from '@polyforge/geometry/test/fixtures/encode-png';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, type TestPlatform } from '../harness/start-test-platform.ts';
import { registeredWorker, startRoutedTestPlatform, workerClient } from './worker-test-kit.ts';

describe('worker protocol', () => {
  const clock = new ManualClock(Date.now());
  let harness: TestPlatform;
  let glb: Uint8Array;

  beforeAll(async () => {
    harness = await startRoutedTestPlatform({ clock, leaseSeconds: 30 });
    glb = await meshToGlb(buildShape('box'), [0.2, 0.4, 0.8], 'box');
  });
  afterAll(async () => {
    await harness.close();
  });

  async function customer() {
    const account = await harness.createAccount();
    return { account, client: apiClient(harness.baseUrl, account.apiKey) };
  }

  it('refuses a missing token, a customer key, an unknown or revoked worker token (401, code 1002)', async () => {
    const { account } = await customer();
    const token = await harness.platform.workerTokens.create('soon-revoked', ['example-mesh']);
    for (const credential of [undefined, account.apiKey, 'pfw_not-a-real-token', token.token]) {
      if (credential === token.token) await harness.platform.workerTokens.revoke(token.tokenId);
      const answer = await workerClient(harness.baseUrl, credential).register({});
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe(1002);
    }
    const withCustomerKey = await workerClient(harness.baseUrl, account.apiKey).register({});
    expect(withCustomerKey.body.message).toMatch(/customer API key/);
  });

  it('registers within the pools of the token only', async () => {
    const token = await harness.platform.workerTokens.create('mesh-only', ['example-mesh']);
    const client = workerClient(harness.baseUrl, token.token);
    expect((await client.register({ capabilities: ['gpu-large'] })).status).toBe(403);
    const unknownPool = await harness.platform.workerTokens.create('any', ['*']);
    const unknown = await workerClient(harness.baseUrl, unknownPool.token).register({ capabilities: ['no-such-pool'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/pools of this deployment: example-mesh, gpu-large/);
    const ok = await client.register({ name: 'w1', task_types: ['text_to_model'] });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      capabilities: ['example-mesh'],
      task_types: ['text_to_model'],
      lease_seconds: 30,
      heartbeat_interval_seconds: 10,
    });
    expect((await client.lease('00000000-0000-4000-8000-000000000000')).status).toBe(400);
  });

  it('leases only the task types and model versions a worker registered for', async () => {
    const { client } = await customer();
    const draft = (
      await client.createTask({ type: 'text_to_model', prompt: 'a draft ball', model_version: 'v2.5-20250123' })
    ).body.data.task_id;
    const lowPoly = (
      await client.createTask({ type: 'text_to_model', prompt: 'a low-poly ball', model_version: 'P1-20260311' })
    ).body.data.task_id;
    const token = await harness.platform.workerTokens.create('p1-only', ['example-mesh']);
    const worker = workerClient(harness.baseUrl, token.token);
    const registered = await worker.register({ model_versions: ['P1-20260311'], task_types: ['text_to_model'] });
    expect(registered.body.data.model_versions).toEqual(['P1-20260311']);
    const lease = (await worker.lease(registered.body.data.worker_id)).body.data.lease;
    expect(lease).toMatchObject({ task_id: lowPoly, model_version: 'P1-20260311' });
    expect((await worker.lease(registered.body.data.worker_id)).body.data.lease).toBeNull();
    await worker.fail(lease.lease_id, { retryable: false, message: 'done with this test' });
    const other = await registeredWorker(harness, ['example-mesh'], 'any-version');
    const drafted = (await other.client.lease(other.workerId)).body.data.lease;
    expect(drafted.task_id).toBe(draft);
    await other.client.fail(drafted.lease_id, { retryable: false, message: 'done with this test' });
  });

  it('runs a task end to end: lease, heartbeat with progress, upload, complete; captures the price once', async () => {
    const { client } = await customer();
    const quote = await client.quote({ type: 'text_to_model', prompt: 'a blue box' });
    expect(quote.body.data).toMatchObject({ credits: 20, available: true });
    const created = await client.createTask({ type: 'text_to_model', prompt: 'a blue box' });
    expect(created.status).toBe(200);
    const taskId = created.body.data.task_id;
    expect((await client.getTask(taskId)).body.data).toMatchObject({ status: 'queued', running_left_time: null });
    expect(await harness.drainQueue()).toBe(0); // in-process runners never take a worker pool's tasks

    const { client: worker, workerId } = await registeredWorker(harness, ['example-mesh']);
    const leased = await worker.lease(workerId);
    expect(leased.status).toBe(200);
    const lease = leased.body.data.lease;
    expect(lease).toMatchObject({
      task_id: taskId,
      task_type: 'text_to_model',
      model_version: 'v2.5-20250123',
      attempt: 1,
      max_attempts: 2,
      inputs: [],
    });
    expect(lease.request).toMatchObject({ prompt: 'a blue box', texture: true });
    expect(lease.lease_id).toMatch(/^lease_/);

    const beat = await worker.heartbeat(lease.lease_id, 40);
    expect(beat.body.data).toMatchObject({ cancel_requested: false });
    expect((await client.getTask(taskId)).body.data).toMatchObject({ status: 'running', progress: 40 });
    expect((await client.balance()).body.data).toEqual({ balance: 280, frozen: 20 });

    expect((await worker.upload(lease.lease_id, 'model', glb, 'glb')).status).toBe(200);
    const completed = await worker.complete(lease.lease_id, { generator: 'test' });
    expect(completed.body.data).toEqual({ status: 'success' });
    const task = (await client.getTask(taskId)).body.data;
    expect(task).toMatchObject({ status: 'success', consumed_credit: 20, progress: 100 });
    expect(task.output.generator).toBe('test');
    expect(task.output.model).toMatch(/\/model\.glb\?/);
    const downloaded = new Uint8Array(await (await fetch(task.output.model)).arrayBuffer());
    expect(Buffer.from(downloaded).equals(Buffer.from(glb))).toBe(true);
    expect((await validateGlb(downloaded)).errors).toEqual([]);
    expect((await client.balance()).body.data).toEqual({ balance: 280, frozen: 0 });

    // the lease is spent: nothing more can be written or read through it
    expect((await worker.complete(lease.lease_id)).body.code).toBe(1009);
    expect((await worker.heartbeat(lease.lease_id)).status).toBe(409);
    expect((await worker.upload(lease.lease_id, 'model', glb, 'glb')).status).toBe(409);
    expect((await client.balance()).body.data).toEqual({ balance: 280, frozen: 0 });
  });

  it('wakes a long-polling worker as soon as a task is created', async () => {
    const { client } = await customer();
    const { client: worker, workerId } = await registeredWorker(harness, ['example-mesh']);
    const startedMs = Date.now();
    const pending = worker.lease(workerId, 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const created = await client.createTask({ type: 'text_to_model', prompt: 'a red ball' });
    const leased = await pending;
    expect(leased.body.data.lease.task_id).toBe(created.body.data.task_id);
    expect(Date.now() - startedMs).toBeLessThan(5000);
    await worker.fail(leased.body.data.lease.lease_id, { retryable: false, message: 'not needed' });
    const empty = await worker.lease(workerId, 0);
    expect(empty.body.data).toEqual({ lease: null });
  });

  it("gives a worker its task's inputs only, and no worker another lease's task", async () => {
    const { client } = await customer();
    const png = checkerPng(64, 4);
    const upload = await client.upload(png, 'front.png');
    const created = await client.createTask({
      type: 'image_to_model',
      file: { type: 'png', file_token: upload.body.data.image_token },
    });
    expect(created.status).toBe(200);
    const owner = await registeredWorker(harness, ['gpu-large'], 'owner');
    const lease = (await owner.client.lease(owner.workerId)).body.data.lease;
    expect(lease.inputs).toEqual([
      expect.objectContaining({
        name: '0',
        kind: 'image',
        format: 'png',
        size_bytes: png.byteLength,
        url: expect.stringContaining(`/worker/v1/leases/${lease.lease_id}/inputs/0`),
      }),
    ]);
    const input = await owner.client.input(lease.lease_id, '0');
    expect(Buffer.from(input.bytes).equals(Buffer.from(png))).toBe(true);
    expect((await owner.client.input(lease.lease_id, '1')).status).toBe(404);

    // a worker of another token, even of the same pool, reaches nothing through this lease id
    const intruder = await registeredWorker(harness, ['gpu-large', 'example-mesh'], 'intruder');
    for (const answer of [
      await intruder.client.input(lease.lease_id, '0'),
      await intruder.client.heartbeat(lease.lease_id, 99),
      await intruder.client.upload(lease.lease_id, 'model', glb, 'glb'),
      await intruder.client.complete(lease.lease_id),
      await intruder.client.fail(lease.lease_id, { retryable: false, message: 'sabotage' }),
      await owner.client.input('lease_forged-forged-forged-forged-forg', '0'),
    ]) {
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe(1009);
    }
    expect((await client.getTask(created.body.data.task_id)).body.data).toMatchObject({
      status: 'running',
      progress: 0,
    });

    // outputs are checked: type by content, size, key
    expect((await owner.client.upload(lease.lease_id, 'model', png, 'glb')).body.code).toBe(2004);
    expect((await owner.client.upload(lease.lease_id, 'model', new Uint8Array(), 'glb')).body.code).toBe(2003);
    expect((await owner.client.upload(lease.lease_id, '../escape', glb, 'glb')).status).toBe(404);
    expect((await owner.client.upload(lease.lease_id, 'Bad-Key', glb, 'glb')).body.code).toBe(1004);
    expect((await owner.client.complete(lease.lease_id)).body.code).toBe(1004);
    expect((await owner.client.upload(lease.lease_id, 'model', glb, 'glb')).status).toBe(200);
    expect((await owner.client.complete(lease.lease_id)).body.data.status).toBe('success');
    expect((await client.getTask(created.body.data.task_id)).body.data).toMatchObject({
      status: 'success',
      consumed_credit: 30,
    });
  });

  it('requeues a retryable failure while attempts remain, then fails and refunds', async () => {
    const { client } = await customer();
    const taskId = (await client.createTask({ type: 'text_to_model', prompt: 'a green cone' })).body.data.task_id;
    const { client: worker, workerId } = await registeredWorker(harness, ['example-mesh']);
    const first = (await worker.lease(workerId)).body.data.lease;
    expect(first.task_id).toBe(taskId);
    expect((await worker.fail(first.lease_id, { retryable: true, message: 'CUDA out of memory' })).body.data).toEqual({
      status: 'queued',
    });
    expect((await client.getTask(taskId)).body.data).toMatchObject({ status: 'queued', queuing_num: 0 });
    const second = (await worker.lease(workerId)).body.data.lease;
    expect(second).toMatchObject({ task_id: taskId, attempt: 2 });
    expect(second.lease_id).not.toBe(first.lease_id);
    expect(
      (await worker.fail(second.lease_id, { retryable: true, message: 'CUDA out of memory again' })).body.data,
    ).toEqual({ status: 'failed' });
    const task = (await client.getTask(taskId)).body.data;
    expect(task).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
    expect(task.error_msg).toMatch(/CUDA out of memory again; the task was not charged/);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it("fails a non-retryable failure at once with the worker's error code, and refunds", async () => {
    const { client } = await customer();
    const taskId = (await client.createTask({ type: 'text_to_model', prompt: 'a torus' })).body.data.task_id;
    const { client: worker, workerId } = await registeredWorker(harness, ['example-mesh']);
    const lease = (await worker.lease(workerId)).body.data.lease;
    expect((await worker.fail(lease.lease_id, { retryable: false, error_code: 9999, message: 'x' })).body.code).toBe(
      1004,
    );
    expect(
      (await worker.fail(lease.lease_id, { retryable: false, error_code: 2008, message: 'the output was flagged' }))
        .body.data,
    ).toEqual({ status: 'failed' });
    expect((await client.getTask(taskId)).body.data).toMatchObject({
      status: 'failed',
      error_code: 2008,
      consumed_credit: 0,
    });
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it("gives a silent worker's task to another worker when the lease expires; the first can commit nothing", async () => {
    const { client } = await customer();
    const taskId = (await client.createTask({ type: 'text_to_model', prompt: 'a yellow cylinder' })).body.data.task_id;
    const silent = await registeredWorker(harness, ['example-mesh'], 'silent');
    const rescuer = await registeredWorker(harness, ['example-mesh'], 'rescuer');
    const lost = (await silent.client.lease(silent.workerId)).body.data.lease;
    expect((await rescuer.client.lease(rescuer.workerId)).body.data.lease).toBeNull();
    clock.advanceSeconds(31);
    const taken = (await rescuer.client.lease(rescuer.workerId)).body.data.lease;
    expect(taken).toMatchObject({ task_id: taskId, attempt: 2 });
    expect((await silent.client.heartbeat(lost.lease_id)).status).toBe(409);
    expect((await silent.client.upload(lost.lease_id, 'model', glb, 'glb')).status).toBe(409);
    expect((await silent.client.complete(lost.lease_id)).status).toBe(409);
    await rescuer.client.upload(taken.lease_id, 'model', glb, 'glb');
    expect((await rescuer.client.complete(taken.lease_id)).body.data.status).toBe('success');
    expect((await client.getTask(taskId)).body.data).toMatchObject({ status: 'success', consumed_credit: 20 });
    expect((await client.balance()).body.data).toEqual({ balance: 280, frozen: 0 });
  });

  it('tells the worker when the customer cancels, and releases the credits', async () => {
    const { client } = await customer();
    const taskId = (await client.createTask({ type: 'text_to_model', prompt: 'a purple ring' })).body.data.task_id;
    const { client: worker, workerId } = await registeredWorker(harness, ['example-mesh']);
    const lease = (await worker.lease(workerId)).body.data.lease;
    expect((await client.send('POST', `/v2/openapi/task/${taskId}/cancel`)).body.data.result).toBe(
      'cancellation_requested',
    );
    expect((await worker.heartbeat(lease.lease_id, 50)).body.data.cancel_requested).toBe(true);
    expect((await worker.fail(lease.lease_id, { retryable: true, message: 'stopped' })).body.data).toEqual({
      status: 'cancelled',
    });
    expect((await client.getTask(taskId)).body.data).toMatchObject({ status: 'cancelled', consumed_credit: 0 });
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });
});
