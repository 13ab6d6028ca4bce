// Live status, listing, cancel and webhook endpoints of PolyforgeClient against the real platform over loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from '@polyforge/protocol';
import { startTestPlatform } from '../../server/test/harness/start-test-platform.ts';
import { triangleGlb } from '../test/triangle-glb.ts';
import { PolyforgeApiError } from './polyforge-api-error.ts';
import { PolyforgeClient } from './polyforge-client.ts';
import type { Task } from './types.ts';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

async function importTask(client: PolyforgeClient): Promise<string> {
  const token = await client.uploadFile(triangleGlb(), 'triangle.glb');
  return client.createTask({ type: 'import_model', file: { type: 'glb', file_token: token } });
}

describe('PolyforgeClient live status, listing, cancel and webhooks (workers on)', () => {
  let platform: Platform;

  beforeAll(async () => {
    // the webhook receiver listens on loopback, which the outbound address policy opens only when the operator opts in
    platform = await startTestPlatform({ workers: true, environment: { POLYFORGE_OUTBOUND_ALLOW_PRIVATE: 'true' } });
  });
  afterAll(async () => {
    await platform?.close();
  });

  async function freshClient(credits = 20): Promise<PolyforgeClient> {
    const account = await platform.createAccount({ credits });
    return new PolyforgeClient({ baseUrl: platform.baseUrl, apiKey: account.apiKey });
  }

  it('watches a convert_model task over Server-Sent Events to success, with rising progress', async () => {
    const client = await freshClient();
    const sourceTaskId = await importTask(client);
    expect((await client.watchTask(sourceTaskId)).status).toBe('success');

    const taskId = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: sourceTaskId,
    });
    const updates: Task[] = [];
    const final = await client.watchTask(taskId, { onUpdate: (task) => updates.push(task) });
    expect(final).toMatchObject({ task_id: taskId, status: 'success', progress: 100, consumed_credit: 5 });
    expect(typeof final.output.model).toBe('string');
    expect(updates.at(-1)).toEqual(final);
    const progress = updates.map((task) => task.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('returns a finished task at once, and raises 2001 for an unknown one before any stream', async () => {
    const client = await freshClient();
    const taskId = await importTask(client);
    await client.waitForTask(taskId, { pollIntervalMs: 50 });
    const updates: Task[] = [];
    expect(await client.watchTask(taskId, { onUpdate: (task) => updates.push(task) })).toMatchObject({
      status: 'success',
    });
    expect(updates).toHaveLength(1);
    await expect(client.watchTask('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 2001,
      httpStatus: 404,
    });
  });

  it('lists tasks newest first with filters, and pages through them with the cursor', async () => {
    const client = await freshClient();
    const created: string[] = [];
    for (let index = 0; index < 3; index++) {
      const taskId = await importTask(client);
      await client.watchTask(taskId);
      created.push(taskId);
    }
    const first = await client.listTasks({ limit: 2 });
    expect(first.tasks.map((task) => task.task_id)).toEqual([created[2], created[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await client.listTasks({ limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({
      tasks: [{ task_id: created[0], status: 'success', type: 'import_model' }],
      nextCursor: null,
    });

    const pages: string[][] = [];
    for await (const page of client.listTaskPages({ limit: 2, type: 'import_model', status: 'success' }))
      pages.push(page.tasks.map((task) => task.task_id));
    expect(pages).toEqual([[created[2], created[1]], [created[0]]]);

    expect((await client.listTasks({ status: 'failed' })).tasks).toEqual([]);
    expect((await client.listTasks({ createdAfter: new Date(Date.now() + 60_000) })).tasks).toEqual([]);
    expect((await client.listTasks({ createdBefore: new Date(Date.now() + 60_000) })).tasks).toHaveLength(3);
    await expect(client.listTasks({ status: 'sleeping' })).rejects.toBeInstanceOf(PolyforgeApiError);
  });

  it('says already_finished when cancelling a task that is done', async () => {
    const client = await freshClient();
    const taskId = await importTask(client);
    await client.watchTask(taskId);
    expect(await client.cancelTask(taskId)).toEqual({ task_id: taskId, result: 'already_finished', status: 'success' });
  });

  it('registers, lists and removes webhook endpoints, and delivers signed events with a delivery log', async () => {
    const client = await freshClient();
    const received: Array<{ body: string; signature: string | undefined }> = [];
    const receiver: Server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received.push({
          body,
          signature: request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string | undefined,
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const endpoint = await client.createWebhook(url);
      expect(endpoint).toMatchObject({ url, id: expect.any(String), created_at: expect.any(String) });
      expect(endpoint.secret).toMatch(/^whsec_/);
      expect(await client.listWebhooks()).toEqual([{ id: endpoint.id, url, created_at: endpoint.created_at }]);

      const taskId = await importTask(client);
      await client.watchTask(taskId);
      const deadline = Date.now() + 15_000;
      while (!received.some((delivery) => delivery.body.includes('task.completed')) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const completed = received.find((delivery) => delivery.body.includes('task.completed'));
      expect(completed, JSON.stringify(received)).toBeDefined();
      expect(verifyWebhookSignature(completed!.body, completed!.signature, endpoint.secret)).toMatchObject({
        valid: true,
      });
      expect(verifyWebhookSignature(completed!.body, completed!.signature, 'whsec_wrong')).toMatchObject({
        valid: false,
      });

      const deliveries = await client.listWebhookDeliveries(endpoint.id);
      expect(deliveries.length).toBeGreaterThan(0);
      expect(deliveries.map((delivery) => delivery.event_type)).toContain('task.completed');
      expect(deliveries.find((delivery) => delivery.event_type === 'task.completed')).toMatchObject({
        status: 'delivered',
        attempts: 1,
        last_status_code: 204,
      });

      await client.deleteWebhook(endpoint.id);
      expect(await client.listWebhooks()).toEqual([]);
      await expect(client.deleteWebhook(endpoint.id)).rejects.toBeInstanceOf(PolyforgeApiError);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe('PolyforgeClient.cancelTask on a queued task (workers off)', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: false });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('cancels a queued convert_model at once and releases its frozen credits', async () => {
    const account = await platform.createAccount({ credits: 20 });
    const client = new PolyforgeClient({ baseUrl: platform.baseUrl, apiKey: account.apiKey });
    const sourceTaskId = await importTask(client);
    await platform.drainQueue();
    const taskId = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: sourceTaskId,
    });
    expect(await client.getBalance()).toEqual({ balance: 15, frozen: 5 });
    expect(await client.cancelTask(taskId)).toEqual({ task_id: taskId, result: 'cancelled', status: 'cancelled' });
    expect(await client.getBalance()).toEqual({ balance: 20, frozen: 0 });
    expect(await client.watchTask(taskId)).toMatchObject({ status: 'cancelled' });
  });
});
