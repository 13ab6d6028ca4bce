// Idempotent creates, cancellation, start deadlines, listing and live status over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

describe('idempotency, cancel, deadlines, listing and live status', () => {
  const clock = new ManualClock(Date.now());
  let harness: TestPlatform;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    harness = await startTestPlatform({ clock });
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(() => harness.close());

  async function accountWithModel(credits?: number) {
    const account = await harness.createAccount(credits === undefined ? {} : { credits, concurrency: 50 });
    const client = apiClient(harness.baseUrl, account.apiKey);
    const upload = await client.upload(cubeGlb, 'cube.glb');
    const imported = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await harness.drainQueue();
    return { account, client, sourceTaskId: imported.body.data.task_id as string };
  }

  it('creates one task and charges once under 20 concurrent retries with one Idempotency-Key', async () => {
    const { account, client, sourceTaskId } = await accountWithModel(100);
    const body = { type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => client.createTask(body, { 'Idempotency-Key': 'order-42' })),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const taskIds = new Set(responses.map((response) => response.body.data.task_id));
    expect(taskIds.size).toBe(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect((await client.balance()).body.data).toEqual({ balance: 95, frozen: 5 });
    const tasks = await harness.platform.db
      .selectFrom('tasks')
      .select('id')
      .where('accountId', '=', account.accountId)
      .where('type', '=', 'convert_model')
      .execute();
    expect(tasks).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body (409, code 1008) and charges nothing', async () => {
    const { client, sourceTaskId } = await accountWithModel(100);
    await client.createTask(
      { type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId },
      { 'Idempotency-Key': 'k1' },
    );
    const reused = await client.createTask(
      { type: 'convert_model', format: 'OBJ', original_model_task_id: sourceTaskId },
      { 'Idempotency-Key': 'k1' },
    );
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe(1008);
    expect((await client.balance()).body.data).toEqual({ balance: 95, frozen: 5 });
  });

  it('cancels a queued task at once and releases its credits', async () => {
    const { client, sourceTaskId } = await accountWithModel(100);
    const created = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: sourceTaskId,
    });
    const cancel = await client.send('POST', `/v2/openapi/task/${created.body.data.task_id}/cancel`);
    expect(cancel.body.data).toMatchObject({ result: 'cancelled', status: 'cancelled' });
    expect((await client.getTask(created.body.data.task_id)).body.data).toMatchObject({
      status: 'cancelled',
      consumed_credit: 0,
    });
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
    expect(await harness.drainQueue()).toBe(0);
    const again = await client.send('POST', `/v2/openapi/task/${created.body.data.task_id}/cancel`);
    expect(again.body.data.result).toBe('already_finished');
    const missing = await client.send('POST', '/v2/openapi/task/6f1c1f2e-54c4-4a8b-9d0e-333333333333/cancel');
    expect(missing.status).toBe(404);
  });

  it('asks a running task to stop and releases its credits when the engine returns', async () => {
    const { client, sourceTaskId } = await accountWithModel(100);
    const created = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: sourceTaskId,
    });
    const runner = harness.platform.createRunner('cancel-test');
    const claimed = await runner.claimNext();
    expect(claimed?.task.id).toBe(created.body.data.task_id);
    const cancel = await client.send('POST', `/v2/openapi/task/${created.body.data.task_id}/cancel`);
    expect(cancel.body.data).toMatchObject({ result: 'cancellation_requested', status: 'running' });
    await runner.runClaimed(claimed!);
    expect((await client.getTask(created.body.data.task_id)).body.data).toMatchObject({
      status: 'cancelled',
      consumed_credit: 0,
    });
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
  });

  it('ends a task whose start deadline passes before it starts as expired, unbilled', async () => {
    const { client, sourceTaskId } = await accountWithModel(100);
    const created = await client.createTask(
      { type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId },
      { 'X-Task-Start-Deadline': '30' },
    );
    expect(created.status).toBe(200);
    clock.advanceSeconds(31);
    await harness.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    expect(task).toMatchObject({ status: 'expired', consumed_credit: 0, error_code: 2018 });
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
    const bad = await client.createTask(
      { type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId },
      { 'X-Task-Start-Deadline': 'soon' },
    );
    expect(bad.body.code).toBe(1004);
  });

  it('lists tasks newest first with filters and cursor paging', async () => {
    const { client, sourceTaskId } = await accountWithModel(100);
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      clock.advanceSeconds(1);
      created.push(
        (await client.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId })).body
          .data.task_id,
      );
    }
    const firstPage = await client.send('GET', '/v2/openapi/tasks?type=convert_model&limit=2');
    expect(firstPage.body.data.tasks.map((task: { task_id: string }) => task.task_id)).toEqual([
      created[4],
      created[3],
    ]);
    const secondPage = await client.send(
      'GET',
      `/v2/openapi/tasks?type=convert_model&limit=2&cursor=${firstPage.body.data.next_cursor}`,
    );
    expect(secondPage.body.data.tasks.map((task: { task_id: string }) => task.task_id)).toEqual([
      created[2],
      created[1],
    ]);
    const imports = await client.send('GET', '/v2/openapi/tasks?status=success');
    expect(imports.body.data.tasks.map((task: { task_id: string }) => task.task_id)).toEqual([sourceTaskId]);
    const bad = await client.send('GET', '/v2/openapi/tasks?status=sleeping');
    expect(bad.body.code).toBe(1004);
    const other = await harness.createAccount();
    const stranger = await apiClient(harness.baseUrl, other.apiKey).send('GET', '/v2/openapi/tasks');
    expect(stranger.body.data.tasks).toEqual([]);
  });

  it('pushes status changes over Server-Sent Events and a WebSocket until the task ends', async () => {
    const { account, client, sourceTaskId } = await accountWithModel(100);
    const created = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: sourceTaskId,
    });
    const taskId = created.body.data.task_id;

    const sse = await fetch(`${harness.baseUrl}/v2/openapi/task/${taskId}/events`, {
      headers: { Authorization: `Bearer ${account.apiKey}` },
    });
    expect(sse.headers.get('content-type')).toMatch(/text\/event-stream/);
    const socket = new WebSocket(`${harness.baseUrl.replace('http', 'ws')}/v2/openapi/task/watch/${taskId}`, {
      headers: { Authorization: `Bearer ${account.apiKey}` },
    });
    const frames: { event: string; data: { status: string } }[] = [];
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('message', (message) => frames.push(JSON.parse(String(message))));
    await new Promise((resolve) => socket.on('open', resolve));
    await new Promise((resolve) => setTimeout(resolve, 700));
    await harness.drainQueue();
    const text = await sse.text();
    await closed;
    expect(text).toMatch(/^event: update\ndata: \{.*"status":"queued"/);
    expect(text).toMatch(/event: finalized\ndata: \{.*"status":"success"/);
    expect(frames[0]).toMatchObject({ event: 'update', data: { status: 'queued' } });
    expect(frames[frames.length - 1]).toMatchObject({ event: 'finalized', data: { status: 'success' } });
  });
});
