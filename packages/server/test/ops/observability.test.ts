// What an operator sees: /health (liveness) and /ready (database and storage), /metrics behind its token with the
// request, task, credit, queue, worker, webhook and provider series, structured JSON log lines, and one request id
// that travels from a client's X-Request-Id through the error body, the task, the worker lease and an upstream
// provider call (here another Polyforge, which adopts it as its own request id).
import fs from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { startRoutedTestPlatform } from '../workers/worker-test-kit.ts';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

function logCollector() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('readiness and liveness', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform();
  });
  afterAll(() => harness.close());

  it('answers /ready 503 while storage is unreachable and /health 200 throughout', async () => {
    const ready = await fetch(`${harness.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', storage: 'ok' } });

    // the blob directory replaced by a file: nothing can be stored there
    const blobsDir = path.join(harness.dataDir, 'blobs');
    await fs.rm(blobsDir, { recursive: true, force: true });
    await fs.writeFile(blobsDir, 'not a directory');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the probe's one-second cache
    const broken = await fetch(`${harness.baseUrl}/ready`);
    expect(broken.status).toBe(503);
    expect(await broken.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', storage: 'unreachable' } });
    expect((await fetch(`${harness.baseUrl}/health`)).status).toBe(200);

    await fs.rm(blobsDir);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await fetch(`${harness.baseUrl}/ready`)).status).toBe(200);
  });

  it('keeps /metrics off the API port unless a token is configured', async () => {
    const response = await fetch(`${harness.baseUrl}/metrics`);
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/POLYFORGE_METRICS_TOKEN/);
  });
});

describe('metrics, logs and the request id', () => {
  let upstream: TestPlatform;
  let gateway: TestPlatform;
  const upstreamLogs = logCollector();
  const gatewayLogs = logCollector();

  beforeAll(async () => {
    upstream = await startTestPlatform({ workers: true, logger: upstreamLogs.logger });
    const operator = await upstream.createAccount({ credits: 100 });
    gateway = await startRoutedTestPlatform(
      {
        logger: gatewayLogs.logger,
        environment: {
          POLYFORGE_METRICS_TOKEN: METRICS_TOKEN,
          POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32',
          // the upstream's output links point at loopback here
          POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE: '1',
          POLYFORGE_UPSTREAM_URL: `${upstream.baseUrl}/v2/openapi`,
          POLYFORGE_UPSTREAM_API_KEY: operator.apiKey,
          POLYFORGE_UPSTREAM_POLL_SECONDS: '0.1',
        },
      },
      { routes: [{ task_type: 'convert_model', engine: 'upstream' }] },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('carries the client request id into the error body, the task, its provider calls and the log lines', async () => {
    const account = await gateway.createAccount({ credits: 100 });
    const client = apiClient(gateway.baseUrl, account.apiKey);
    const refusedId = 'client-refused-0001';
    const refused = await client.send('POST', '/v3/generation/text-to-model', {
      json: { prompt: 7 },
      headers: { 'X-Request-Id': refusedId },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.request_id).toBe(refusedId);
    expect(refused.headers.get('x-request-id')).toBe(refusedId);
    // an id that is not a plain token is replaced, never echoed
    const hostile = await client.send('GET', '/v2/openapi/user/balance', {
      headers: { 'X-Request-Id': '<script>alert(1)</script> with spaces' },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    const imported = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await gateway.drainQueue();
    const requestId = 'client-convert-0002';
    const created = await client.createTask(
      { type: 'convert_model', format: 'STL', original_model_task_id: imported.body.data.task_id },
      { 'X-Request-Id': requestId },
    );
    expect(created.headers.get('x-request-id')).toBe(requestId);
    await gateway.drainQueue();
    const convertTask = (await client.getTask(created.body.data.task_id)).body.data;
    expect(convertTask.status, JSON.stringify(convertTask)).toBe('success');

    const stored = await gateway.platform.db
      .selectFrom('tasks')
      .select(['requestId'])
      .where('id', '=', created.body.data.task_id)
      .executeTakeFirstOrThrow();
    expect(stored.requestId).toBe(requestId);
    // the upstream adopted the id the gateway's provider calls carried: its convert task has the same request id
    const upstreamTask = await upstream.platform.db
      .selectFrom('tasks')
      .select(['requestId', 'type'])
      .where('type', '=', 'convert_model')
      .executeTakeFirstOrThrow();
    expect(upstreamTask.requestId).toBe(requestId);
    const upstreamLines = upstreamLogs.lines.filter((line) => line.reqId === requestId);
    expect(upstreamLines.length).toBeGreaterThan(0);
    expect(upstreamLines[0]).toMatchObject({
      level: 'info',
      service: 'polyforge',
      pid: process.pid,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const gatewayLines = gatewayLogs.lines.filter((line) => line.reqId === requestId);
    expect(gatewayLines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    expect(JSON.stringify(gatewayLogs.lines)).not.toContain(account.apiKey);
  });

  it('serves the request, task, credit, queue, worker, webhook and provider series behind the token', async () => {
    const account = await gateway.createAccount({ credits: 100 });
    const client = apiClient(gateway.baseUrl, account.apiKey);
    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    const imported = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await gateway.drainQueue();
    // a paid task cancelled while queued: held, then released
    const cancelled = await client.createTask({
      type: 'convert_model',
      format: 'OBJ',
      original_model_task_id: imported.body.data.task_id,
    });
    await client.send('POST', `/v2/openapi/task/${cancelled.body.data.task_id}/cancel`);
    await client.send('POST', '/v2/openapi/webhooks', { json: { url: 'http://127.0.0.1:9/nobody-listens' } });
    await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } });
    await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } });
    await gateway.platform.dispatchWebhooksOnce();

    expect((await fetch(`${gateway.baseUrl}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${gateway.baseUrl}/metrics`, { headers: { Authorization: 'Bearer wrong-token-wrong-token-00' } }))
        .status,
    ).toBe(401);
    const response = await fetch(`${gateway.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);

    expect(
      value(/^polyforge_http_requests_total\{method="POST",route="\/v2\/openapi\/task",status="200"\} (\d+)/m),
    ).toBeGreaterThanOrEqual(4);
    expect(
      value(
        /^polyforge_http_requests_total\{method="POST",route="\/v3\/generation\/text-to-model",status="400"\} (\d+)/m,
      ),
    ).toBe(1);
    expect(text).toMatch(
      /^polyforge_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/v2\/openapi\/upload"\} \d+/m,
    );
    expect(value(/^polyforge_tasks_created_total\{type="import_model",wallet="api"\} (\d+)/m)).toBeGreaterThanOrEqual(
      4,
    );
    expect(
      value(/^polyforge_tasks_finished_total\{type="convert_model",engine="upstream",status="success"\} (\d+)/m),
    ).toBe(1);
    expect(text).toMatch(
      /^polyforge_task_run_duration_seconds_count\{type="import_model",engine="[a-z-]+",status="success"\} \d+/m,
    );
    expect(value(/^polyforge_credits_total\{movement="held",wallet="api"\} (\d+)/m)).toBeGreaterThan(0);
    expect(value(/^polyforge_credits_total\{movement="captured",wallet="api"\} (\d+)/m)).toBeGreaterThan(0);
    expect(value(/^polyforge_credits_total\{movement="released",wallet="api"\} (\d+)/m)).toBeGreaterThan(0);
    // two import tasks wait (workers are off in this platform); the cancelled one left the queue
    expect(value(/^polyforge_queue_depth\{queue="default",state="queued"\} (\d+)/m)).toBe(2);
    expect(value(/^polyforge_queue_oldest_age_seconds\{queue="default"\} ([\d.]+)/m)).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^polyforge_workers_online\{kind="external"\} 0/m);
    expect(text).toMatch(/^polyforge_database_up 1/m);
    expect(value(/^polyforge_webhook_deliveries_total\{outcome="failed_attempt"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(
      value(/^polyforge_provider_requests_total\{provider="upstream_api",operation="POST",outcome="success"\} (\d+)/m),
    ).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(
      /^polyforge_provider_request_duration_seconds_count\{provider="upstream_api",operation="GET"\} \d+/m,
    );
    expect(text).toMatch(/^polyforge_process_resident_memory_bytes \d+/m);

    // the starter dashboard and alert rules only name metrics this endpoint serves
    const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/monitoring');
    const referenced = new Set<string>();
    for (const file of ['grafana-dashboard.json', 'prometheus-alerts.yml']) {
      for (const [name] of (await fs.readFile(path.join(docs, file), 'utf8')).matchAll(/polyforge_[a-z0-9_]+/g))
        referenced.add(name.replace(/_(bucket|count|sum)$/, ''));
    }
    expect(referenced.size).toBeGreaterThan(10);
    for (const name of referenced) expect(text, name).toContain(`# TYPE ${name} `);
  });
});
