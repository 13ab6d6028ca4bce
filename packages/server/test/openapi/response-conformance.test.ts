// Every documented operation called on a real server (a task through the worker protocol to success and
// download, cancel, webhooks, uploads on both surfaces, presigned PUT, live events), and every answer held against
// the document's schema for its status: the document may not describe a shape the server does not return.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { checkerPng } from '@polyforge/geometry/test/fixtures/encode-png';
import type { TestPlatform } from '../harness/start-test-platform.ts';
import { startRoutedTestPlatform } from '../workers/worker-test-kit.ts';
import { checkedFetch, fetchDocument, type CheckedFetch } from './checked-fetch.ts';

const ROUTING = {
  routes: [
    { task_type: 'text_to_model', engine: 'worker_pool', pool: 'conformance' },
    { task_type: 'import_model', engine: 'worker_pool', pool: 'conformance' },
  ],
};

/** Operations that must also have answered with success, not only with a documented error. */
const MUST_SUCCEED = [
  'health',
  'readiness',
  'metrics',
  'cancelTasks',
  'openApiDocument',
  'openApiDocumentV2',
  'openApiDocumentV3',
  'openApiDocumentWorker',
  'apiReference',
  'apiReferenceAsset',
  'createTask',
  'quoteTask',
  'getTask',
  'listTasks',
  'cancelTask',
  'streamTaskEvents',
  'watchTask',
  'uploadFile',
  'uploadFileSts',
  'getBalance',
  'getWalletBalance',
  'getCapabilities',
  'createWebhook',
  'listWebhooks',
  'deleteWebhook',
  'listWebhookDeliveries',
  'downloadOutput',
  'v3GenerationTextToModel',
  'v3GetTask',
  'v3ListTasks',
  'v3UploadFile',
  'v3PresignUpload',
  'v3UploadCredentials',
  'v3PutUpload',
  'v3GetBalance',
  'v3GetUsage',
  'workerRegister',
  'workerLease',
  'workerGetLease',
  'workerReadInput',
  'workerHeartbeat',
  'workerPutOutput',
  'workerComplete',
  'workerFail',
];

const METRICS_TOKEN = 'conformance-metrics-token';

describe('real answers against the OpenAPI document', () => {
  let harness: TestPlatform;
  let checked: CheckedFetch;
  beforeAll(async () => {
    harness = await startRoutedTestPlatform({ environment: { POLYFORGE_METRICS_TOKEN: METRICS_TOKEN } }, ROUTING);
    checked = checkedFetch(await fetchDocument(harness.baseUrl));
  });
  afterAll(() => harness.close());

  async function call(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await checked.fetch(harness.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  }

  function form(bytes: Uint8Array, fileName: string): FormData {
    const data = new FormData();
    data.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    return data;
  }

  it('answers every documented operation with a documented status and shape', async () => {
    const account = await harness.createAccount({ credits: 2000 });
    const key = account.apiKey;
    const glb = await texturedCubeGlb();

    for (const path of [
      '/health',
      '/openapi.json',
      '/v2/openapi/openapi.json',
      '/v3/openapi.json',
      '/worker/v1/openapi.json',
      '/docs',
      '/docs/assets/swagger-ui.css',
    ]) {
      expect((await call('GET', path)).status, path).toBe(200);
    }

    // V2: uploads, quote, create, list, cancel
    const modelUpload = await call('POST', '/v2/openapi/upload', { token: key, body: form(glb, 'cube.glb') });
    expect(modelUpload.status).toBe(200);
    expect(
      (await call('POST', '/v2/openapi/upload/sts', { token: key, body: form(checkerPng(64, 4), 'checker.png') }))
        .status,
    ).toBe(200);
    expect((await call('POST', '/v2/openapi/upload/sts/token', { token: key, json: { format: 'png' } })).status).toBe(
      200,
    );
    expect((await call('POST', '/v2/openapi/upload/sts/token', { token: key, json: { format: '3mf' } })).status).toBe(
      400,
    );
    const textRequest = { type: 'text_to_model', prompt: 'a wooden chair' };
    expect((await call('POST', '/v2/openapi/task/quote', { token: key, json: textRequest })).status).toBe(200);
    const created = await call('POST', '/v2/openapi/task', {
      token: key,
      json: textRequest,
      headers: { 'Idempotency-Key': 'conformance-1' },
    });
    expect(created.status).toBe(200);
    const importTask = await call('POST', '/v2/openapi/task', {
      token: key,
      json: { type: 'import_model', file: { type: 'glb', file_token: modelUpload.json.data.file_token } },
    });
    expect(importTask.status).toBe(200);
    const toCancel = await call('POST', '/v2/openapi/task', {
      token: key,
      json: { type: 'text_to_model', prompt: 'a lamp' },
    });
    expect(
      (await call('POST', `/v2/openapi/task/${toCancel.json.data.task_id}/cancel`, { token: key })).json.data.result,
    ).toBe('cancelled');
    expect((await call('GET', '/v2/openapi/tasks?limit=5&status=queued', { token: key })).status).toBe(200);

    // the operator's routes
    expect((await call('GET', '/ready')).json.status).toBe('ready');
    expect((await call('GET', '/metrics', { token: METRICS_TOKEN })).text).toContain('# HELP');
    expect((await call('GET', '/metrics', { token: 'not-the-metrics-token' })).status).toBe(401);

    // the worker protocol runs both tasks: one to success with an output, the other to failure
    const workerToken = (await harness.platform.workerTokens.create('conformance', ['conformance'])).token;
    const registered = await call('POST', '/worker/v1/register', {
      token: workerToken,
      json: { name: 'conformance-worker' },
    });
    const workerId = registered.json.data.worker_id;
    const outcomes: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      const leased = await call('POST', '/worker/v1/lease', { token: workerToken, json: { worker_id: workerId } });
      const lease = leased.json.data.lease;
      expect(lease).not.toBeNull();
      expect((await call('GET', `/worker/v1/leases/${lease.lease_id}`, { token: workerToken })).status).toBe(200);
      expect(
        (
          await call('POST', `/worker/v1/leases/${lease.lease_id}/heartbeat`, {
            token: workerToken,
            json: { progress: 40 },
          })
        ).status,
      ).toBe(200);
      if (lease.task_type === 'import_model') {
        expect(
          (
            await call('GET', `/worker/v1/leases/${lease.lease_id}/inputs/${lease.inputs[0].name}`, {
              token: workerToken,
            })
          ).status,
        ).toBe(200);
        expect(
          (
            await call('POST', `/worker/v1/leases/${lease.lease_id}/fail`, {
              token: workerToken,
              json: { retryable: false, message: 'conformance failure' },
            })
          ).status,
        ).toBe(200);
        outcomes.push('failed');
      } else {
        const put = await call('PUT', `/worker/v1/leases/${lease.lease_id}/outputs/model?extension=glb`, {
          token: workerToken,
          body: new Uint8Array(glb),
          headers: { 'Content-Type': 'model/gltf-binary' },
        });
        expect(put.status).toBe(200);
        expect(
          (
            await call('POST', `/worker/v1/leases/${lease.lease_id}/complete`, {
              token: workerToken,
              json: { result: { note_seen: true } },
            })
          ).status,
        ).toBe(200);
        outcomes.push('success');
      }
    }
    expect(outcomes.sort()).toEqual(['failed', 'success']);
    expect(
      (await call('POST', '/worker/v1/lease', { token: workerToken, json: { worker_id: workerId } })).json.data.lease,
    ).toBeNull();

    // bulk cancel: the one task still queued now (the others finished)
    const backlog = await call('POST', '/v2/openapi/task', {
      token: key,
      json: { type: 'text_to_model', prompt: 'a stool' },
    });
    const bulk = await call('POST', '/v2/openapi/tasks/cancel', { token: key, json: { type: 'text_to_model' } });
    expect(bulk.json.data).toMatchObject({
      matched: 1,
      cancelled: 1,
      task_ids: [backlog.json.data.task_id],
      has_more: false,
    });
    expect((await call('POST', '/v2/openapi/tasks/cancel', { token: key, json: { status: 'success' } })).status).toBe(
      400,
    );

    // the finished task: read, download, follow (SSE and WebSocket end at once with the final state)
    const taskId = created.json.data.task_id;
    const task = await call('GET', `/v2/openapi/task/${taskId}`, { token: key });
    expect(task.json.data.status).toBe('success');
    const download = await call(
      'GET',
      new URL(task.json.data.output.model).pathname + new URL(task.json.data.output.model).search,
    );
    expect(download.status).toBe(200);
    const events = await call('GET', `/v2/openapi/task/${taskId}/events`, { token: key });
    expect(events.text).toContain('event: finalized');
    expect(await watchOnce(taskId, key)).toBe('finalized');
    checked.problems.push(
      ...checked.validator.check({
        method: 'GET',
        url: `/v2/openapi/task/watch/${taskId}`,
        status: 101,
        contentType: null,
        body: undefined,
      }),
    );

    // account, capabilities, webhooks
    for (const path of [
      '/v2/openapi/user/balance',
      '/v2/openapi/user/wallet/balance',
      '/v2/openapi/capabilities',
      '/v2/openapi/webhooks',
    ]) {
      expect((await call('GET', path, { token: key })).status, path).toBe(200);
    }
    const webhook = await call('POST', '/v2/openapi/webhooks', {
      token: key,
      json: { url: 'https://hooks.example.test/polyforge' },
    });
    expect(webhook.status).toBe(200);
    expect(
      (await call('GET', `/v2/openapi/webhooks/${webhook.json.data.id}/deliveries?limit=10`, { token: key })).status,
    ).toBe(200);
    expect((await call('DELETE', `/v2/openapi/webhooks/${webhook.json.data.id}`, { token: key })).status).toBe(200);

    // V3: a task, tasks by id, uploads (multipart and presigned), account
    const v3Task = await call('POST', '/v3/generation/text-to-model', {
      token: key,
      json: { prompt: 'a stool', model: 'v3.0-20250812' },
    });
    expect(v3Task.status).toBe(200);
    expect((await call('GET', `/v3/tasks/${taskId}`, { token: key })).json.data.status).toBe('success');
    expect(
      (
        await call('POST', '/v3/tasks/list', {
          token: key,
          json: { task_ids: [taskId, v3Task.json.data.task_id, '00000000-0000-4000-8000-000000000000'] },
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', '/v3/files', { token: key, body: form(checkerPng(64, 4), 'checker.png') })).status).toBe(
      200,
    );
    const presigned = await call('POST', '/v3/files/presign', { token: key, json: { format: 'glb' } });
    const uploadUrl = new URL(presigned.json.data.upload_url);
    expect(
      (
        await call('PUT', uploadUrl.pathname + uploadUrl.search, {
          body: new Uint8Array(glb),
          headers: { 'Content-Type': 'application/octet-stream' },
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', '/v3/files/upload-credentials', { token: key, json: {} })).status).toBe(200);
    expect((await call('GET', '/v3/account/balance', { token: key })).status).toBe(200);
    expect((await call('GET', '/v3/account/usage?limit=10&offset=0', { token: key })).status).toBe(200);
    // the other creation endpoints, each with a body it refuses: still a documented answer
    for (const operation of checked.validator.operations.filter(
      (entry) => entry.method === 'POST' && /^\/v3\/(generation|models|animations|mesh)\//.test(entry.pathTemplate),
    )) {
      if (operation.pathTemplate === '/v3/generation/text-to-model') continue;
      const answer = await call('POST', operation.pathTemplate, { token: key, json: {} });
      expect(answer.status, operation.pathTemplate).toBe(400);
    }

    expect(checked.problems).toEqual([]);
    const unanswered = checked.validator.operations
      .map((entry) => entry.operation.operationId)
      .filter((operationId) => !checked.validator.answered.has(operationId));
    expect(unanswered).toEqual([]);
    const neverSucceeded = MUST_SUCCEED.filter(
      (operationId) => ![...(checked.validator.answered.get(operationId) ?? [])].some((status) => status < 300),
    );
    expect(neverSucceeded).toEqual([]);
  });

  function watchOnce(taskId: string, key: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${harness.baseUrl.replace('http', 'ws')}/v2/openapi/task/watch/${taskId}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      socket.on('message', (message) => {
        resolve(JSON.parse(String(message)).event);
        socket.close();
      });
      socket.on('error', reject);
    });
  }
});
