// Two abuses of the HTTP layer itself: a connection that never finishes its headers (held ~89 s before) is cut
// within the headers timeout, and a forged Host header cannot make the platform hand out links to another server
// when POLYFORGE_PUBLIC_URL is unset.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

describe('connection limits', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({
      environment: { POLYFORGE_HEADERS_TIMEOUT_SECONDS: '1', POLYFORGE_ALLOWED_HOSTS: 'api.example.com' },
    });
  });
  afterAll(() => harness.close());

  it('cuts a connection whose headers never end', async () => {
    const { port } = new URL(harness.baseUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const startedMs = Date.now();
    const closedAfterMs = await new Promise<number>((resolve) => {
      socket.on('data', () => undefined);
      socket.once('close', () => resolve(Date.now() - startedMs));
    });
    // headersTimeout 1 s, checked every second
    expect(closedAfterMs).toBeLessThan(3500);
  });

  it('builds output links only on allowed hosts', async () => {
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    const created = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await harness.drainQueue();
    const linkWithHost = async (host: string) => {
      const response = await fetchWithHost(
        `${harness.baseUrl}/v2/openapi/task/${created.body.data.task_id}`,
        host,
        account.apiKey,
      );
      return new URL(response.data.output.model);
    };
    expect((await linkWithHost('evil.example.net')).host).toBe(new URL(harness.baseUrl).host);
    expect((await linkWithHost('api.example.com')).host).toBe('api.example.com');
    expect((await linkWithHost('API.EXAMPLE.COM:8443')).host).toBe('api.example.com:8443');
    expect((await linkWithHost('localhost:1234')).host).toBe('localhost:1234');
  });
});

/** fetch() will not send a Host of our choosing; a raw request does. */
function fetchWithHost(url: string, host: string, apiKey: string): Promise<any> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname, () => {
      socket.write(
        `GET ${target.pathname} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${apiKey}\r\nConnection: close\r\n\r\n`,
      );
    });
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      // the body may be chunked: take the JSON object inside
      resolve(JSON.parse(body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1)));
    });
  });
}
