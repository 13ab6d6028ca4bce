// watchTask's behaviour on streams a real server cannot be made to produce on demand: a stream cut before
// `finalized`, an `error` event, an older server without the endpoint.
import { describe, expect, it } from 'vitest';
import { jsonResponse, scriptedFetch } from '../test/scripted-fetch.ts';
import { PolyforgeApiError } from './polyforge-api-error.ts';
import { PolyforgeClient } from './polyforge-client.ts';
import type { Task } from './types.ts';

function task(status: string, progress: number): Task {
  return {
    task_id: 't1',
    type: 'import_model',
    status,
    input: {},
    output: {},
    progress,
    create_time: 0,
    running_left_time: -1,
    queuing_num: -1,
    consumed_credit: 0,
  } as Task;
}

function eventStream(text: string): () => Response {
  return () => new Response(text, { headers: { 'Content-Type': 'text/event-stream' } });
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

function clientWith(fetchFunction: typeof globalThis.fetch): PolyforgeClient {
  return new PolyforgeClient({ baseUrl: 'http://api.test', apiKey: 'tsk_test', fetch: fetchFunction, retries: 0 });
}

describe('watchTask', () => {
  it('reports every update and returns the finalized task, asking for text/event-stream', async () => {
    const { fetch, requests } = scriptedFetch([
      eventStream(
        event('update', task('running', 30)) +
          ': keep-alive\n\n' +
          event('finalized', { ...task('success', 100), output: { model: 'http://x/m.glb' } }),
      ),
    ]);
    const seen: string[] = [];
    const final = await clientWith(fetch).watchTask('t1', {
      onUpdate: (update) => seen.push(`${update.status}:${update.progress}`),
    });
    expect(final).toMatchObject({ status: 'success', output: { model: 'http://x/m.glb' } });
    expect(seen).toEqual(['running:30', 'success:100']);
    expect(requests[0]!.url).toBe('http://api.test/v2/openapi/task/t1/events');
    expect(requests[0]!.headers.get('accept')).toBe('text/event-stream');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer tsk_test');
  });

  it('checks the task when the stream ends early, and listens again while it is not final', async () => {
    const { fetch, requests } = scriptedFetch([
      eventStream(event('update', task('running', 10))),
      jsonResponse({ code: 0, data: task('running', 50) }),
      eventStream(event('finalized', task('success', 100))),
    ]);
    expect(await clientWith(fetch).watchTask('t1')).toMatchObject({ status: 'success' });
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/v2/openapi/task/t1/events',
      '/v2/openapi/task/t1',
      '/v2/openapi/task/t1/events',
    ]);
  });

  it('returns the task from the check when the final event was lost with the connection', async () => {
    const { fetch } = scriptedFetch([
      new Error('socket hang up'),
      jsonResponse({ code: 0, data: task('failed', 100) }),
    ]);
    const seen: string[] = [];
    expect(await clientWith(fetch).watchTask('t1', { onUpdate: (update) => seen.push(update.status) })).toMatchObject({
      status: 'failed',
    });
    expect(seen).toEqual(['failed']);
  });

  it('gives up after maxReconnects streams in a row end without an event', async () => {
    const { fetch } = scriptedFetch([
      eventStream(''),
      jsonResponse({ code: 0, data: task('queued', 0) }),
      eventStream(''),
    ]);
    await expect(clientWith(fetch).watchTask('t1', { maxReconnects: 0 })).rejects.toThrow(/kept ending/);
  });

  it('throws the error envelope of an error event or of a non-stream answer, without retrying', async () => {
    const errorEvent = scriptedFetch([
      eventStream(event('error', { code: 1000, message: 'Unknown error', suggestion: 'Retry.' })),
    ]);
    await expect(clientWith(errorEvent.fetch).watchTask('t1')).rejects.toMatchObject({
      code: 1000,
      message: 'Unknown error',
    });
    expect(errorEvent.requests).toHaveLength(1);

    const olderServer = scriptedFetch([jsonResponse({ code: 4001, message: 'Route not found', suggestion: '' }, 404)]);
    const error = await clientWith(olderServer.fetch)
      .watchTask('t1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PolyforgeApiError);
    expect(error).toMatchObject({ code: 4001, httpStatus: 404 });
    expect(olderServer.requests).toHaveLength(1);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const never: typeof globalThis.fetch = async (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(streamController) {
          init?.signal?.addEventListener('abort', () => streamController.error(init.signal!.reason));
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    };
    const watching = clientWith(never).watchTask('t1', { signal: controller.signal });
    controller.abort(new Error('user stopped'));
    await expect(watching).rejects.toThrow('user stopped');
  });
});
