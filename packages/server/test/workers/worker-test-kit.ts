// Shared set-up of the worker tests: a routing file with worker pools, worker tokens, raw protocol calls.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from '../harness/start-test-platform.ts';

export const TEST_ROUTING = {
  routes: [
    { task_type: 'text_to_model', engine: 'worker_pool', pool: 'example-mesh', estimate_seconds: 5 },
    { task_type: 'image_to_model', engine: 'worker_pool', pool: 'gpu-large' },
    { task_type: 'generate_image', model_version: 'midjourney', engine: 'none' },
  ],
};

/** Writes a routing file in a fresh temp folder; returns its path and a remover. */
export async function writeRoutingFile(
  routing: unknown = TEST_ROUTING,
  extension = 'json',
): Promise<{ filePath: string; remove: () => Promise<void> }> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-routing-'));
  const filePath = path.join(directory, `routing.${extension}`);
  await fs.writeFile(filePath, typeof routing === 'string' ? routing : JSON.stringify(routing));
  return { filePath, remove: () => fs.rm(directory, { recursive: true, force: true }) };
}

/** A test platform that boots with `routing` as its routing file; its close() also removes the file. */
export async function startRoutedTestPlatform(
  options: TestPlatformOptions = {},
  routing: unknown = TEST_ROUTING,
): Promise<TestPlatform> {
  const routingFile = await writeRoutingFile(routing);
  let harness: TestPlatform;
  try {
    harness = await startTestPlatform({
      ...options,
      environment: { ...options.environment, POLYFORGE_ROUTING_FILE: routingFile.filePath },
    });
  } catch (error) {
    await routingFile.remove();
    throw error;
  }
  return {
    ...harness,
    async close() {
      try {
        await harness.close();
      } finally {
        await routingFile.remove();
      }
    },
  };
}

export interface ProtocolResponse {
  status: number;
  body: any;
  bytes: Uint8Array;
}

/** Raw worker-protocol calls, exactly as a worker in any language sends them. */
export function workerClient(baseUrl: string, token: string | undefined) {
  async function send(
    method: string,
    pathName: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ProtocolResponse> {
    const init: RequestInit = {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    };
    if (body instanceof Uint8Array) init.body = new Uint8Array(body);
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const response = await fetch(baseUrl + pathName, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, bytes };
  }
  return {
    send,
    register: (body: unknown = {}) => send('POST', '/worker/v1/register', body),
    lease: (workerId: string, waitSeconds = 0) =>
      send('POST', '/worker/v1/lease', { worker_id: workerId, wait_seconds: waitSeconds }),
    heartbeat: (leaseId: string, progress?: number) =>
      send('POST', `/worker/v1/leases/${leaseId}/heartbeat`, progress === undefined ? {} : { progress }),
    input: (leaseId: string, name: string) => send('GET', `/worker/v1/leases/${leaseId}/inputs/${name}`),
    upload: (leaseId: string, outputKey: string, bytes: Uint8Array, extension: string) =>
      send('PUT', `/worker/v1/leases/${leaseId}/outputs/${outputKey}?extension=${extension}`, bytes, {
        'Content-Type': 'application/octet-stream',
      }),
    complete: (leaseId: string, result?: Record<string, unknown>) =>
      send('POST', `/worker/v1/leases/${leaseId}/complete`, result ? { result } : {}),
    fail: (leaseId: string, body: unknown) => send('POST', `/worker/v1/leases/${leaseId}/fail`, body),
  };
}

/** A registered worker of a fresh token for the given pools. */
export async function registeredWorker(harness: TestPlatform, pools: string[], name = 'test-worker') {
  const token = await harness.platform.workerTokens.create(name, pools);
  const client = workerClient(harness.baseUrl, token.token);
  const registered = await client.register({ name });
  if (registered.status !== 200) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  return { token, client, workerId: registered.body.data.worker_id as string };
}
