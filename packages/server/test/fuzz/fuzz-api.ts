// The API fuzzer: boots a real platform (routing with a worker pool), sets up two tenants (the fuzzer and a
// victim whose ids it aims at), sends seeded requests derived from the served OpenAPI document and holds every
// answer to it: a documented status with a code and message, never a 5xx, never past the per-request timeout.
// Then it settles every task and checks the ledger audit and the server's heap.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { checkerPng } from '@polyforge/geometry/test/fixtures/encode-png';
import type { TestPlatform } from '../harness/start-test-platform.ts';
import { fetchDocument } from '../openapi/checked-fetch.ts';
import { OpenApiResponseValidator } from '../openapi/openapi-response-validator.ts';
import { auditLedger, auditProblems } from '../scale/ledger-audit.ts';
import { startRoutedTestPlatform } from '../workers/worker-test-kit.ts';
import { fuzzRequestArbitrary, type FuzzIdentity, type FuzzRequest } from './fuzz-requests.ts';

export interface FuzzOptions {
  seed: number;
  requests: number;
  /** requests in flight at once */
  concurrency?: number;
  /** an answer (its headers, for streams) slower than this is a hang */
  requestTimeoutMs?: number;
  /** extra settings for the platform, e.g. a higher POLYFORGE_RATE_LIMIT_PER_MINUTE for long runs */
  environment?: Record<string, string>;
}

export interface FuzzFailure {
  index: number;
  request: {
    operationId: string;
    mutation: string;
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string;
  };
  problem: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  durationMs: number;
  /** time to end every task the run left (cancel, fail leases, let running ones finish) */
  settleMs: number;
  statuses: Record<string, number>;
  mutations: Record<string, number>;
  operationsHit: number;
  operationsDocumented: number;
  failures: FuzzFailure[];
  auditProblems: string[];
  heapBeforeBytes: number;
  heapAfterBytes: number;
  victimIntact: boolean;
}

export const FUZZ_ROUTING = { routes: [{ task_type: 'animate_prerigcheck', engine: 'worker_pool', pool: 'fuzz' }] };

export async function runApiFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const harness = await startRoutedTestPlatform(
    { workers: true, leaseSeconds: 5, environment: options.environment },
    FUZZ_ROUTING,
  );
  try {
    return await fuzzPlatform(harness, options);
  } finally {
    await harness.close();
  }
}

async function fuzzPlatform(harness: TestPlatform, options: FuzzOptions): Promise<FuzzReport> {
  const { concurrency = 6, requestTimeoutMs = 10_000 } = options;
  const document = await fetchDocument(harness.baseUrl);
  const validator = new OpenApiResponseValidator(document);
  const setup = await setUpTenants(harness);
  const collectGarbage = garbageCollector();
  collectGarbage();
  const heapBeforeBytes = process.memoryUsage().heapUsed;

  const requests = fc.sample(fuzzRequestArbitrary(document, validator.operations, setup.identity), {
    seed: options.seed,
    numRuns: options.requests,
  });
  const failures: FuzzFailure[] = [];
  const statuses: Record<string, number> = {};
  const mutations: Record<string, number> = {};
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = boundLongPoll(requests[index]!);
      mutations[request.mutation] = (mutations[request.mutation] ?? 0) + 1;
      const outcome = await send(harness.baseUrl, request, requestTimeoutMs);
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      const problems = outcome.problem ? [outcome.problem] : checkAnswer(validator, request, outcome);
      for (const problem of problems) failures.push({ index, request: describe(request), problem });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const durationMs = performance.now() - started;

  const settleStarted = performance.now();
  await settleTasks(harness, setup);
  const settleMs = performance.now() - settleStarted;
  const audit = auditProblems(await auditLedger(harness.platform.db), { drained: true });
  collectGarbage();
  const heapAfterBytes = process.memoryUsage().heapUsed;
  return {
    seed: options.seed,
    requests: requests.length,
    durationMs,
    settleMs,
    statuses,
    mutations,
    operationsHit: validator.answered.size,
    operationsDocumented: validator.operations.length,
    failures,
    auditProblems: audit,
    heapBeforeBytes,
    heapAfterBytes,
    victimIntact: await victimIntact(harness, setup),
  };
}

interface Outcome {
  status: number;
  contentType: string | null;
  body: unknown;
  problem?: string;
}

async function send(baseUrl: string, request: FuzzRequest, timeoutMs: number): Promise<Outcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(baseUrl + request.path, {
      method: request.method,
      headers: request.headers,
      body: typeof request.body === 'string' ? request.body : request.body && new Uint8Array(request.body),
      signal: abort.signal,
    });
    const contentType = response.headers.get('content-type');
    if (contentType?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, contentType, body: undefined };
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, contentType, body };
  } catch (error) {
    const problem = abort.signal.aborted
      ? `no answer within ${timeoutMs} ms`
      : `the connection failed: ${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`;
    return { status: 0, contentType: null, body: undefined, problem };
  } finally {
    clearTimeout(timer);
  }
}

function checkAnswer(validator: OpenApiResponseValidator, request: FuzzRequest, outcome: Outcome): string[] {
  const problems: string[] = [];
  if (outcome.status >= 500)
    problems.push(`answered ${outcome.status}: ${JSON.stringify(outcome.body)?.slice(0, 300)}`);
  if (outcome.status >= 400) {
    const body = outcome.body as { code?: unknown; message?: unknown } | undefined;
    if (typeof body?.code !== 'number' || typeof body.message !== 'string' || body.message === '')
      problems.push(`error ${outcome.status} without a code and message: ${JSON.stringify(body)?.slice(0, 200)}`);
  }
  problems.push(
    ...validator.check({
      method: request.method,
      url: request.path,
      status: outcome.status,
      contentType: outcome.contentType,
      body: outcome.body,
    }),
  );
  return problems;
}

/** A valid long poll would hold the lane up to 30 s: valid waits are cut to 1 s (out-of-range ones still go). */
function boundLongPoll(request: FuzzRequest): FuzzRequest {
  if (request.operationId !== 'workerLease' || typeof request.body !== 'string') return request;
  try {
    const body = JSON.parse(request.body);
    if (typeof body?.wait_seconds === 'number' && body.wait_seconds > 1 && body.wait_seconds <= 30)
      return { ...request, body: JSON.stringify({ ...body, wait_seconds: 1 }) };
  } catch {
    // not JSON: sent as it is
  }
  return request;
}

function describe(request: FuzzRequest): FuzzFailure['request'] {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? request.body.slice(0, 400)
        : `<${request.body.byteLength} bytes>`;
  return {
    operationId: request.operationId,
    mutation: request.mutation,
    method: request.method,
    path: request.path.slice(0, 300),
    headers: request.headers,
    body,
  };
}

interface TenantSetup {
  identity: FuzzIdentity;
  fuzzerAccountId: string;
  fuzzerWorkerId: string;
  victim: {
    apiKey: string;
    taskId: string;
    webhookId: string;
    workerToken: string;
    leaseId: string;
    pendingTaskId: string;
  };
}

/** Two tenants: the fuzzer (ids it may use) and a victim (a finished task, a webhook, a held lease) it aims at. */
async function setUpTenants(harness: TestPlatform): Promise<TenantSetup> {
  const png = checkerPng(64, 4);
  const glb = await texturedCubeGlb();
  const fuzzer = await harness.createAccount({ credits: 1_000_000, concurrency: 4 });
  const victim = await harness.createAccount({ credits: 10_000 });
  const api = async (key: string, method: string, path: string, json?: unknown) => {
    const response = await fetch(harness.baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const body = (await response.json()) as { data: Record<string, any> };
    if (response.status !== 200) throw new Error(`${method} ${path}: ${JSON.stringify(body)}`);
    return body.data;
  };
  const finishedTask = async (key: string) => {
    const { task_id: taskId } = await api(key, 'POST', '/v2/openapi/task', {
      type: 'text_to_model',
      prompt: 'a small wooden barrel',
    });
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if ((await api(key, 'GET', `/v2/openapi/task/${taskId}`)).status === 'success') return taskId as string;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the set-up task did not finish');
  };
  const upload = async (key: string, bytes: Uint8Array, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${harness.baseUrl}/v2/openapi/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
      body: form,
    });
    return ((await response.json()) as { data: { file_token: string } }).data.file_token;
  };

  const ownTask = await finishedTask(fuzzer.apiKey);
  const ownFiles = [await upload(fuzzer.apiKey, png, 'own.png'), await upload(fuzzer.apiKey, glb, 'own.glb')];
  const ownWebhook = (
    await api(fuzzer.apiKey, 'POST', '/v2/openapi/webhooks', { url: 'https://hooks.example.test/fuzzer' })
  ).id;
  const fuzzerWorkerToken = (await harness.platform.workerTokens.create('fuzzer', ['fuzz'])).token;
  const ownWorker = await fetch(`${harness.baseUrl}/worker/v1/register`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${fuzzerWorkerToken}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const ownWorkerId = ((await ownWorker.json()) as { data: { worker_id: string } }).data.worker_id;

  const victimTask = await finishedTask(victim.apiKey);
  const victimFile = await upload(victim.apiKey, png, 'victim.png');
  const victimWebhook = (
    await api(victim.apiKey, 'POST', '/v2/openapi/webhooks', { url: 'https://hooks.example.test/victim' })
  ).id;
  const pending = await api(victim.apiKey, 'POST', '/v2/openapi/task', {
    type: 'animate_prerigcheck',
    original_model_task_id: victimTask,
  });
  const victimWorkerToken = (await harness.platform.workerTokens.create('victim', ['fuzz'])).token;
  const workerApi = async (path: string, json: unknown) => {
    const response = await fetch(harness.baseUrl + path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${victimWorkerToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(json),
    });
    return ((await response.json()) as { data: Record<string, any> }).data;
  };
  const victimWorkerId = (await workerApi('/worker/v1/register', {})).worker_id;
  const lease = (await workerApi('/worker/v1/lease', { worker_id: victimWorkerId })).lease;
  if (!lease) throw new Error('the victim worker got no lease');

  return {
    fuzzerAccountId: fuzzer.accountId,
    fuzzerWorkerId: ownWorkerId,
    identity: {
      apiKey: fuzzer.apiKey,
      workerToken: fuzzerWorkerToken,
      ownIds: [ownTask, ...ownFiles, `file_${ownFiles[0]}`, ownWebhook, ownWorkerId],
      foreignIds: [
        victimTask,
        victimFile,
        `file_${victimFile}`,
        victimWebhook,
        lease.lease_id,
        victimWorkerId,
        pending.task_id,
      ],
      sampleFiles: [
        { fileName: 'sample.png', bytes: png },
        { fileName: 'sample.glb', bytes: glb },
      ],
    },
    victim: {
      apiKey: victim.apiKey,
      taskId: victimTask,
      webhookId: victimWebhook,
      workerToken: victimWorkerToken,
      leaseId: lease.lease_id,
      pendingTaskId: pending.task_id,
    },
  };
}

/** Ends every task the run left: the victim's worker fails its lease, queued tasks are cancelled, running ones finish. */
async function settleTasks(harness: TestPlatform, setup: TenantSetup): Promise<void> {
  await fetch(`${harness.baseUrl}/worker/v1/leases/${setup.victim.leaseId}/fail`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${setup.victim.workerToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ retryable: false, message: 'fuzz run over' }),
  });
  const worker = (path: string, json: unknown) =>
    fetch(harness.baseUrl + path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${setup.identity.workerToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(json),
    });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const active = await harness.platform.db
      .selectFrom('tasks')
      .select(['id', 'status', 'accountId'])
      .where('status', 'in', ['queued', 'running'])
      .execute();
    if (active.length === 0) return;
    for (const task of active.filter((row) => row.status === 'queued' && row.accountId === setup.fuzzerAccountId)) {
      await fetch(`${harness.baseUrl}/v2/openapi/task/${task.id}/cancel`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${setup.identity.apiKey}` },
      });
    }
    // a pool task a fuzzed request leased comes back when its lease expires (a lease call reclaims it): fail it
    const leased = (await (await worker('/worker/v1/lease', { worker_id: setup.fuzzerWorkerId })).json()) as {
      data?: { lease: { lease_id: string } | null };
    };
    if (leased.data?.lease)
      await worker(`/worker/v1/leases/${leased.data.lease.lease_id}/fail`, {
        retryable: false,
        message: 'fuzz run over',
      });
    await harness.platform.runWorkerOnce();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function victimIntact(harness: TestPlatform, setup: TenantSetup): Promise<boolean> {
  const headers = { Authorization: `Bearer ${setup.victim.apiKey}` };
  const task = (await (
    await fetch(`${harness.baseUrl}/v2/openapi/task/${setup.victim.taskId}`, { headers })
  ).json()) as { data: { status: string } };
  const webhooks = (await (await fetch(`${harness.baseUrl}/v2/openapi/webhooks`, { headers })).json()) as {
    data: { webhooks: { id: string }[] };
  };
  return (
    task.data.status === 'success' && webhooks.data.webhooks.some((webhook) => webhook.id === setup.victim.webhookId)
  );
}

function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}
