import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PolyforgeApiError, PolyforgeClient, PolyforgeNetworkError } from '@polyforge/sdk';
import { jsonResponse, scriptedFetch } from '../../../sdk/test/scripted-fetch.ts';
import { followTask, streamProblem } from './follow-task.ts';

const task = (status: string, progress: number) => ({
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
});

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { stream, text: () => text };
}

describe('followTask', () => {
  it('falls back to polling when the server has no event stream, and says so', async () => {
    const { fetch, requests } = scriptedFetch([
      jsonResponse({ code: 4001, message: 'Route not found', suggestion: '' }, 404),
      jsonResponse({ code: 0, data: task('running', 50) }),
      jsonResponse({ code: 0, data: task('success', 100) }),
    ]);
    const client = new PolyforgeClient({ baseUrl: 'http://api.test', apiKey: 'tsk_x', fetch, retries: 0 });
    const stderr = capture();
    const final = await followTask(client, 't1', {
      plain: true,
      poll: false,
      pollIntervalMs: 1,
      stderr: stderr.stream,
    });
    expect(final.status).toBe('success');
    expect(stderr.text()).toMatch(/^Live status unavailable \(Route not found\); polling instead\n$/);
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/v2/openapi/task/t1/events',
      '/v2/openapi/task/t1',
      '/v2/openapi/task/t1',
    ]);
  });

  it('polls without trying the stream with poll: true', async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse({ code: 0, data: task('failed', 100) })]);
    const client = new PolyforgeClient({ baseUrl: 'http://api.test', apiKey: 'tsk_x', fetch, retries: 0 });
    expect((await followTask(client, 't1', { plain: true, poll: true, pollIntervalMs: 1 })).status).toBe('failed');
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/v2/openapi/task/t1']);
  });
});

describe('streamProblem', () => {
  const apiError = (code: number, httpStatus: number) => new PolyforgeApiError({ code, httpStatus, message: 'm' });
  it.each([
    ['a dropped connection', new PolyforgeNetworkError('http://x', { message: 'reset' }), true],
    ['a plain error (stream cut)', new TypeError('terminated'), true],
    ['a proxy page', apiError(-1, 502), true],
    ['a server error', apiError(1000, 500), true],
    ['no such route', apiError(4001, 404), true],
    ['an unknown task', apiError(2001, 404), false],
    ['a wrong key', apiError(1002, 401), false],
  ])('%s → %s', (_what, error, expected) => {
    expect(streamProblem(error)).toBe(expected);
  });
});
