// waitForTask's loop against a scripted server (the real-server path is in polyforge-client.test.ts).
import { describe, expect, it } from 'vitest';
import { jsonResponse, scriptedFetch } from '../test/scripted-fetch.ts';
import { PolyforgeTimeoutError } from './polyforge-api-error.ts';
import { PolyforgeClient } from './polyforge-client.ts';
import type { Task } from './types.ts';

function taskAnswer(fields: Partial<Task>) {
  const task: Task = {
    task_id: 't1',
    type: 'convert_model',
    status: 'queued',
    input: {},
    output: {},
    progress: 0,
    create_time: 1_700_000_000,
    running_left_time: -1,
    queuing_num: 0,
    consumed_credit: 0,
    result: {},
    ...fields,
  };
  return jsonResponse({ code: 0, data: task });
}

function clientWith(fetchFunction: typeof globalThis.fetch): PolyforgeClient {
  return new PolyforgeClient({ baseUrl: 'http://api.test', apiKey: 'tsk_test', fetch: fetchFunction, retries: 0 });
}

describe('waitForTask', () => {
  it('polls until a terminal status and reports every poll', async () => {
    const { fetch, requests } = scriptedFetch([
      taskAnswer({ status: 'queued', queuing_num: 1 }),
      taskAnswer({ status: 'running', progress: 50 }),
      taskAnswer({ status: 'success', progress: 100, output: { model: 'http://api.test/f/model.glb' } }),
    ]);
    const seen: string[] = [];
    const task = await clientWith(fetch).waitForTask('t1', {
      pollIntervalMs: 1,
      onProgress: (polled) => seen.push(`${polled.status}:${polled.progress}`),
    });
    expect(task.status).toBe('success');
    expect(seen).toEqual(['queued:0', 'running:50', 'success:100']);
    expect(requests.map((request) => request.url)).toEqual(Array(3).fill('http://api.test/v2/openapi/task/t1'));
  });

  it.each(['failed', 'cancelled', 'banned', 'expired'] as const)(
    'returns (does not throw) a %s task',
    async (status) => {
      const { fetch } = scriptedFetch([taskAnswer({ status, error_code: 1001, error_msg: 'engine failed' })]);
      expect(await clientWith(fetch).waitForTask('t1', { pollIntervalMs: 1 })).toMatchObject({
        status,
        error_code: 1001,
      });
    },
  );

  it('keeps polling an "unknown" task, as the official SDKs do, until the timeout', async () => {
    const { fetch, requests } = scriptedFetch([taskAnswer({ status: 'unknown' })]);
    const started = Date.now();
    await expect(clientWith(fetch).waitForTask('t1', { pollIntervalMs: 20, timeoutMs: 150 })).rejects.toBeInstanceOf(
      PolyforgeTimeoutError,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(requests.length).toBeGreaterThan(2);
  });

  it('waits longer when running_left_time says so, within the cap', async () => {
    const { fetch, requests } = scriptedFetch([
      taskAnswer({ status: 'running', running_left_time: 1 }),
      taskAnswer({ status: 'success' }),
    ]);
    const started = Date.now();
    await clientWith(fetch).waitForTask('t1', { pollIntervalMs: 10, maxPollIntervalMs: 300 });
    const elapsedMs = Date.now() - started;
    expect(requests).toHaveLength(2);
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('stops when its signal aborts', async () => {
    const { fetch } = scriptedFetch([taskAnswer({ status: 'running' })]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped by test')), 50);
    await expect(
      clientWith(fetch).waitForTask('t1', { pollIntervalMs: 10_000, signal: controller.signal }),
    ).rejects.toThrow('stopped by test');
  });

  it('gives the task a usable output object even when the server omits it', async () => {
    const { fetch } = scriptedFetch([jsonResponse({ code: 0, data: { task_id: 't1', type: 'x', status: 'success' } })]);
    expect((await clientWith(fetch).getTask('t1')).output).toEqual({});
  });
});
