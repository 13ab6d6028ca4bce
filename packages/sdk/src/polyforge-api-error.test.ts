import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { jsonResponse, scriptedFetch } from '../test/scripted-fetch.ts';
import { PolyforgeApiError, PolyforgeNetworkError } from './polyforge-api-error.ts';
import { PolyforgeClient } from './polyforge-client.ts';

function clientWith(
  fetchFunction: typeof globalThis.fetch,
  options: { retries?: number; timeoutMs?: number } = {},
): PolyforgeClient {
  return new PolyforgeClient({
    baseUrl: 'http://api.test',
    apiKey: 'tsk_test',
    fetch: fetchFunction,
    retries: 0,
    ...options,
  });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('PolyforgeApiError from server answers', () => {
  it('carries code, HTTP status, message, suggestion and Retry-After of an error envelope', async () => {
    const { fetch } = scriptedFetch([
      jsonResponse({ code: 2000, message: 'You have exceeded the limit of generation', suggestion: 'Wait.' }, 429, {
        'Retry-After': '7',
      }),
    ]);
    const error = await caught(clientWith(fetch).createTask({ type: 'text_to_model', prompt: 'cat' }));
    expect(error).toBeInstanceOf(PolyforgeApiError);
    expect(error).toMatchObject({
      code: 2000,
      httpStatus: 429,
      message: 'You have exceeded the limit of generation',
      suggestion: 'Wait.',
      retryAfterSeconds: 7,
    });
  });

  it('treats code != 0 as an error even with HTTP 200', async () => {
    const { fetch } = scriptedFetch([jsonResponse({ code: 1004, message: 'bad', suggestion: 'fix' })]);
    expect(await caught(clientWith(fetch).getBalance())).toMatchObject({ code: 1004, httpStatus: 200 });
  });

  it('reports a non-JSON answer (a proxy page) with code -1 and the HTTP status', async () => {
    const { fetch } = scriptedFetch([
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    ]);
    const error = (await caught(clientWith(fetch).getTask('t'))) as PolyforgeApiError;
    expect(error).toMatchObject({ code: -1, httpStatus: 502 });
    expect(error.message).toContain('HTTP 502');
    expect(error.message).toContain('<html>Bad Gateway</html>');
    expect(error.suggestion).toMatch(/base-url/);
  });

  it('reports a success envelope that lacks the expected field', async () => {
    const { fetch } = scriptedFetch([jsonResponse({ code: 0, data: {} })]);
    const error = (await caught(clientWith(fetch).createTask({ type: 'x' }))) as PolyforgeApiError;
    expect(error.code).toBe(-1);
    expect(error.message).toContain('data.task_id');
  });
});

describe('requests', () => {
  it('sends the key, JSON body and Idempotency-Key to <baseUrl>/v2/openapi, tolerating a trailing slash or prefix', async () => {
    for (const baseUrl of ['http://api.test/', 'http://api.test/v2/openapi']) {
      const { fetch, requests } = scriptedFetch([jsonResponse({ code: 0, data: { task_id: 'abc' } })]);
      const client = new PolyforgeClient({ baseUrl, apiKey: 'tsk_k', fetch });
      expect(await client.createTask({ type: 'text_to_model', prompt: 'cat' }, { idempotencyKey: 'once' })).toBe('abc');
      expect(requests[0]!.url).toBe('http://api.test/v2/openapi/task');
      expect(requests[0]!.method).toBe('POST');
      expect(requests[0]!.headers.get('authorization')).toBe('Bearer tsk_k');
      expect(requests[0]!.headers.get('idempotency-key')).toBe('once');
      expect(requests[0]!.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(requests[0]!.body as string)).toEqual({ type: 'text_to_model', prompt: 'cat' });
    }
  });

  it('sends the key with downloads from the API origin only', async () => {
    const { fetch, requests } = scriptedFetch([new Response(new Uint8Array([1, 2, 3]))]);
    const client = clientWith(fetch);
    expect(await client.downloadFile('http://api.test/files/a/model.glb?sig=1')).toEqual(new Uint8Array([1, 2, 3]));
    await client.downloadFile('https://cdn.elsewhere/model.glb');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer tsk_test');
    expect(requests[1]!.headers.get('authorization')).toBeNull();
  });

  it('turns a failed download into a PolyforgeApiError with the server code', async () => {
    const { fetch } = scriptedFetch([
      jsonResponse(
        { code: 1005, message: 'You are not allowed to access this resource', suggestion: 'Get the task again.' },
        403,
      ),
    ]);
    expect(await caught(clientWith(fetch).downloadFile('http://api.test/files/x'))).toMatchObject({
      code: 1005,
      httpStatus: 403,
    });
  });

  it('retries a GET after 503 (honouring Retry-After) but never a POST', async () => {
    const busy = () => jsonResponse({ code: 1000, message: 'busy', suggestion: '' }, 503, { 'Retry-After': '0' });
    const first = scriptedFetch([busy(), jsonResponse({ code: 0, data: { balance: 5, frozen: 1 } })]);
    expect(await clientWith(first.fetch, { retries: 2 }).getBalance()).toEqual({ balance: 5, frozen: 1 });
    expect(first.requests).toHaveLength(2);

    const second = scriptedFetch([busy(), jsonResponse({ code: 0, data: { task_id: 'x' } })]);
    expect(await caught(clientWith(second.fetch, { retries: 2 }).createTask({ type: 'x' }))).toMatchObject({
      code: 1000,
      httpStatus: 503,
    });
    expect(second.requests).toHaveLength(1);
  });
});

describe('PolyforgeNetworkError', () => {
  it('names the URL and the socket error when nothing listens', async () => {
    const port = await closedPort();
    const client = new PolyforgeClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'tsk_x', retries: 0 });
    const error = (await caught(client.getBalance())) as PolyforgeNetworkError;
    expect(error).toBeInstanceOf(PolyforgeNetworkError);
    expect(error.message).toContain(`http://127.0.0.1:${port}/v2/openapi/user/balance`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.timedOut).toBe(false);
  });

  it('says so when the per-request timeout passes', async () => {
    const hanging: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const error = (await caught(clientWith(hanging, { timeoutMs: 50 }).getBalance())) as PolyforgeNetworkError;
    expect(error).toBeInstanceOf(PolyforgeNetworkError);
    expect(error.timedOut).toBe(true);
    expect(error.message).toContain('no answer within 50 ms');
  });
});
