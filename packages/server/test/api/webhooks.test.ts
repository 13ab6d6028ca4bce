// Webhooks against a real receiver process on loopback: signed, retried with backoff, logged.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '@polyforge/sdk';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

interface ReceivedRequest {
  attempt: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function startReceiver(
  failTimes: number,
): Promise<{ url: string; received: ReceivedRequest[]; stop: () => void }> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '../harness/webhook-receiver.mjs');
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, FAIL_TIMES: String(failTimes) },
  });
  const received: ReceivedRequest[] = [];
  let buffered = '';
  const port = await new Promise<number>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line);
        if (message.listening) resolve(message.listening);
        else received.push(message);
      }
    });
  });
  return { url: `http://127.0.0.1:${port}/hooks`, received, stop: () => child.kill() };
}

describe('webhooks', () => {
  const clock = new ManualClock(Date.now());
  let harness: TestPlatform;
  beforeAll(async () => {
    // the receivers run on loopback, which the outbound address policy refuses unless the operator opens it
    harness = await startTestPlatform({ clock, environment: { POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' } });
  });
  afterAll(() => harness.close());

  it('signs each status change, retries a failing receiver with backoff and delivers on the 4th try', async () => {
    const receiver = await startReceiver(3);
    try {
      const account = await harness.createAccount();
      const client = apiClient(harness.baseUrl, account.apiKey);
      const registered = await client.send('POST', '/v2/openapi/webhooks', { json: { url: receiver.url } });
      expect(registered.body.data.secret).toMatch(/^whsec_/);
      const secret = registered.body.data.secret;

      const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
      const created = await client.createTask({
        type: 'import_model',
        file: { type: 'glb', file_token: upload.body.data.image_token },
      });
      await harness.drainQueue();

      for (const delaySeconds of [0, 10, 20, 40]) {
        clock.advanceSeconds(delaySeconds);
        await harness.platform.dispatchWebhooksOnce();
      }
      // the receiver prints each request on its stdout, which may arrive after the HTTP answer does
      for (let waited = 0; receiver.received.length < 12 && waited < 3000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const delivered = receiver.received.filter((request) => request.status === 200);
      expect(delivered.map((request) => JSON.parse(request.body).type)).toEqual([
        'task.queued',
        'task.running',
        'task.completed',
      ]);
      expect(delivered.every((request) => request.attempt === 4)).toBe(true);
      expect(receiver.received).toHaveLength(12);

      const completed = delivered[2];
      expect(JSON.parse(completed.body).data).toMatchObject({
        task_id: created.body.data.task_id,
        status: 'success',
        progress: 100,
      });
      const nowSeconds = Math.floor(clock.nowMs() / 1000);
      expect(
        verifyWebhookSignature(completed.body, completed.headers['tripo-webhook-signature'], secret, { nowSeconds }),
      ).toMatchObject({ valid: true });
      expect(
        verifyWebhookSignature(
          completed.body.replace('success', 'failed'),
          completed.headers['tripo-webhook-signature'],
          secret,
          { nowSeconds },
        ),
      ).toMatchObject({ valid: false });
      expect(
        verifyWebhookSignature(completed.body, completed.headers['tripo-webhook-signature'], 'whsec_forged', {
          nowSeconds,
        }),
      ).toMatchObject({ valid: false });
      expect(
        verifyWebhookSignature(completed.body, completed.headers['tripo-webhook-signature'], secret, {
          nowSeconds: nowSeconds + 3600,
        }),
      ).toMatchObject({
        valid: false,
        reason: expect.stringMatching(/replay/),
      });

      const log = await client.send('GET', `/v2/openapi/webhooks/${registered.body.data.id}/deliveries`);
      expect(log.body.data.deliveries).toHaveLength(3);
      for (const entry of log.body.data.deliveries)
        expect(entry).toMatchObject({ status: 'delivered', attempts: 4, last_status_code: 200 });
    } finally {
      receiver.stop();
    }
  });

  it('keeps retrying an unreachable endpoint for 24 hours, then marks the delivery failed', async () => {
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const registered = await client.send('POST', '/v2/openapi/webhooks', {
      json: { url: 'http://127.0.0.1:9/unreachable' },
    });
    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } });
    let attempts = 0;
    for (let hour = 0; hour <= 26; hour += 1) {
      attempts += await harness.platform.dispatchWebhooksOnce();
      clock.advanceSeconds(3600);
    }
    const log = await client.send('GET', `/v2/openapi/webhooks/${registered.body.data.id}/deliveries`);
    const [delivery] = log.body.data.deliveries;
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toBeGreaterThan(5);
    expect(delivery.last_error).toMatch(/could not reach/);
    expect(attempts).toBe(delivery.attempts);
  });

  it('refuses a webhook URL that is not http(s), and removes endpoints', async () => {
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const bad = await client.send('POST', '/v2/openapi/webhooks', { json: { url: 'ftp://example.com/x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(1004);
    const created = await client.send('POST', '/v2/openapi/webhooks', { json: { url: 'https://example.com/hook' } });
    expect((await client.send('GET', '/v2/openapi/webhooks')).body.data.webhooks).toHaveLength(1);
    await client.send('DELETE', `/v2/openapi/webhooks/${created.body.data.id}`);
    expect((await client.send('GET', '/v2/openapi/webhooks')).body.data.webhooks).toHaveLength(0);
    const again = await client.send('DELETE', `/v2/openapi/webhooks/${created.body.data.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 1010, message: expect.stringMatching(/Webhook endpoint not found/) });
  });
});
