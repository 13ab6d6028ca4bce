// Outbound requests a tenant aims (webhook endpoints, image `url` inputs) under the one address policy, end to end:
// refused spellings at registration, names that resolve inside the operator's network refused when connecting,
// and no network detail of a refused target in what the tenant sees. A loopback receiver counts what reached it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

const INTERNAL_NAME = 'hooks.internal.example.test';
const ADDRESS_PATTERN = /\b\d{1,3}(\.\d{1,3}){3}\b|::1|ECONNREFUSED|:\d{2,5}\b/;

describe('outbound address policy', () => {
  let receiver: http.Server;
  let receiverPort: number;
  const received: string[] = [];
  let harness: TestPlatform;

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      received.push(request.url ?? '');
      response.end('inside');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverPort = (receiver.address() as AddressInfo).port;
    // the deployment's DNS answers a loopback address for an internal name, as a split-horizon resolver would
    harness = await startTestPlatform({
      resolveHostname: async (hostname) => (hostname === INTERNAL_NAME ? [{ address: '127.0.0.1', family: 4 }] : []),
    });
  });
  afterAll(async () => {
    await harness.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('refuses webhook endpoints at loopback, private, link-local and reserved addresses in every spelling', async () => {
    const client = apiClient(harness.baseUrl, (await harness.createAccount()).apiKey);
    const spellings = [
      `http://127.0.0.1:${receiverPort}/hook`,
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/hook',
      'http://2130706433/hook',
      'http://0x7f.0.0.1/hook',
      'http://0177.0.0.1/hook',
      'http://[::ffff:127.0.0.1]/hook',
    ];
    for (const url of spellings) {
      const refused = await client.send('POST', '/v2/openapi/webhooks', { json: { url } });
      expect(refused.status, url).toBe(400);
      expect(refused.body.code, url).toBe(1004);
    }
    expect((await client.send('GET', '/v2/openapi/webhooks')).body.data.webhooks).toHaveLength(0);
  });

  it('does not deliver to a name that resolves inside, and tells the tenant nothing about the network', async () => {
    const client = apiClient(harness.baseUrl, (await harness.createAccount()).apiKey);
    const registered = await client.send('POST', '/v2/openapi/webhooks', {
      json: { url: `http://${INTERNAL_NAME}:${receiverPort}/hook` },
    });
    expect(registered.status).toBe(200);
    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } });
    expect(await harness.platform.dispatchWebhooksOnce()).toBeGreaterThan(0);
    expect(received).toEqual([]);
    const log = await client.send('GET', `/v2/openapi/webhooks/${registered.body.data.id}/deliveries`);
    const [delivery] = log.body.data.deliveries;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null });
    expect(delivery.last_error).toMatch(/not at an allowed public address/);
    expect(delivery.last_error).not.toMatch(ADDRESS_PATTERN);
  });

  it('does not fetch an image url whose name resolves inside; the task fails unbilled with no address in its message', async () => {
    const account = await harness.createAccount({ credits: 100 });
    const testKey = await harness.platform.accounts.createApiKey(account.accountId, 'sandbox', 'test');
    const client = apiClient(harness.baseUrl, testKey.apiKey);
    const created = await client.createTask({
      type: 'image_to_model',
      file: { type: 'png', url: `http://${INTERNAL_NAME}:${receiverPort}/cat.png` },
    });
    expect(created.status).toBe(200);
    await harness.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    expect(task.status).toBe('failed');
    expect(task.error_msg).toMatch(/not a public address/);
    // the message names the tenant's own URL, and nothing it resolved to
    expect(task.error_msg.replace(`http://${INTERNAL_NAME}:${receiverPort}/cat.png`, '')).not.toMatch(ADDRESS_PATTERN);
    expect(received).toEqual([]);
    const literal = await client.createTask({
      type: 'image_to_model',
      file: { type: 'png', url: `http://2130706433:${receiverPort}/cat.png` },
    });
    expect(literal.status).toBe(400);
  });
});

describe('outbound address policy opened by the operator', () => {
  it('delivers to a listed private network, and only there', async () => {
    const hits: string[] = [];
    const receiver = http.createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    const harness = await startTestPlatform({ environment: { POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' } });
    try {
      const client = apiClient(harness.baseUrl, (await harness.createAccount()).apiKey);
      expect(
        (await client.send('POST', '/v2/openapi/webhooks', { json: { url: 'http://10.0.0.8/hook' } })).status,
      ).toBe(400);
      const registered = await client.send('POST', '/v2/openapi/webhooks', {
        json: { url: `http://127.0.0.1:${port}/hook` },
      });
      expect(registered.status).toBe(200);
      const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
      await client.createTask({
        type: 'import_model',
        file: { type: 'glb', file_token: upload.body.data.image_token },
      });
      await harness.platform.dispatchWebhooksOnce();
      expect(hits).toEqual(['/hook']);
    } finally {
      await harness.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
