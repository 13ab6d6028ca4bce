// Benchmark: platform overhead per task through the worker protocol (lease, heartbeat, upload, complete) with
// no-op workers, against the same four HTTP round trips to a bare hello-world route of the same framework.
// The server (`polyforge serve --no-workers`) and the bare server run as separate processes; workers run here.
// Usage: node --conditions=polyforge-source --import tsx bench/worker-protocol.ts [--tasks 800] [--workers 8]   (DATABASE_URL=postgres://... for PostgreSQL)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildShape, meshToGlb } from '../packages/worker-sdk/src/examples/parametric-mesh.ts';
import { POLYFORGE_NODE_ARGS } from '../test-support/polyforge-cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const taskCount = argument('tasks', 800);
const workerCount = argument('workers', 8);
const sequentialCount = Math.min(200, taskCount);

function startProcess(
  args: string[],
  environment: Record<string, string>,
): Promise<{ child: ChildProcess; baseUrl: string; output: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /listening (?:on )?(http:\/\/[^\s(]+)/.exec(output.join(''));
      if (match) resolve({ child, baseUrl: match[1], output });
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => reject(new Error(`process exited with ${code}: ${output.join('')}`)));
  });
}

function ops(environment: Record<string, string>, ...args: string[]): any {
  const result = spawnSync(process.execPath, [...POLYFORGE_NODE_ARGS, ...args, '--json'], {
    cwd: root,
    env: { ...process.env, ...environment },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`polyforge ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function post(url: string, headers: Record<string, string>, body: BodyInit): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** One no-op worker: lease → heartbeat → upload → complete until the queue is empty; per-task latencies in ms. */
async function noOpWorker(baseUrl: string, token: string, glb: Uint8Array, limit: number): Promise<number[]> {
  const auth = { Authorization: `Bearer ${token}` };
  const json = { ...auth, 'Content-Type': 'application/json' };
  const { data: registration } = await post(`${baseUrl}/worker/v1/register`, json, JSON.stringify({ name: 'bench' }));
  const latencies: number[] = [];
  while (latencies.length < limit) {
    const startedMs = performance.now();
    const { data } = await post(
      `${baseUrl}/worker/v1/lease`,
      json,
      JSON.stringify({ worker_id: registration.worker_id }),
    );
    if (!data.lease) break;
    const leasePath = `${baseUrl}/worker/v1/leases/${data.lease.lease_id}`;
    await post(`${leasePath}/heartbeat`, json, JSON.stringify({ progress: 50 }));
    const upload = await fetch(`${leasePath}/outputs/model?extension=glb`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'model/gltf-binary' },
      body: new Uint8Array(glb),
    });
    if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    await post(`${leasePath}/complete`, json, '{}');
    latencies.push(performance.now() - startedMs);
  }
  return latencies;
}

/** The same four round trips (three JSON POSTs and one upload of the same bytes) against the bare route. */
async function bareClient(baseUrl: string, glb: Uint8Array, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const startedMs = performance.now();
    await post(`${baseUrl}/hello`, { 'Content-Type': 'application/json' }, '{"worker_id":"x"}');
    await post(`${baseUrl}/hello`, { 'Content-Type': 'application/json' }, '{"progress":50}');
    await (
      await fetch(`${baseUrl}/hello`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(glb),
      })
    ).text();
    await post(`${baseUrl}/hello`, { 'Content-Type': 'application/json' }, '{}');
    latencies.push(performance.now() - startedMs);
  }
  return latencies;
}

async function createTasks(baseUrl: string, apiKey: string, count: number): Promise<void> {
  const headers = { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' };
  for (let start = 0; start < count; start += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, count - start) }, (_, index) =>
        post(
          `${baseUrl}/v2/openapi/task`,
          headers,
          JSON.stringify({ type: 'text_to_model', prompt: 'a small wooden crate' }),
        ),
      ),
    );
  }
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-bench-workers-'));
const routingFile = path.join(dataDir, 'routing.json');
await fs.writeFile(
  routingFile,
  JSON.stringify({ routes: [{ task_type: 'text_to_model', engine: 'worker_pool', pool: 'bench' }] }),
);
const environment = {
  POLYFORGE_DATA_DIR: dataDir,
  POLYFORGE_ROUTING_FILE: routingFile,
  POLYFORGE_LOG_LEVEL: 'silent',
  POLYFORGE_RATE_LIMIT_PER_MINUTE: '0',
  HOST: '127.0.0.1',
  PORT: '0',
};
const glb = await meshToGlb(buildShape('box'), [0.5, 0.5, 0.5], 'box');
const server = await startProcess([...POLYFORGE_NODE_ARGS, 'serve', '--no-workers'], environment);
const bare = await startProcess(['--import', 'tsx', path.join(root, 'bench/bare-fastify-server.ts')], {});
try {
  const account = ops(
    environment,
    'accounts',
    'create',
    '--email',
    `bench-${Date.now()}@bench.local`,
    '--concurrency',
    '100000',
  );
  ops(environment, 'credits', 'grant', '--account', account.account_id, '--credits', String(taskCount * 40 + 1000));
  const token = ops(environment, 'workers', 'token', 'create', '--name', 'bench', '--capabilities', 'bench').token;

  await createTasks(server.baseUrl, account.api_key, sequentialCount);
  const sequential = (await noOpWorker(server.baseUrl, token, glb, sequentialCount)).sort(
    (left, right) => left - right,
  );
  const bareSequential = (await bareClient(bare.baseUrl, glb, sequentialCount)).sort((left, right) => left - right);

  await createTasks(server.baseUrl, account.api_key, taskCount);
  let startedMs = performance.now();
  const parallel = (
    await Promise.all(Array.from({ length: workerCount }, () => noOpWorker(server.baseUrl, token, glb, taskCount)))
  ).flat();
  const parallelSeconds = (performance.now() - startedMs) / 1000;
  startedMs = performance.now();
  await Promise.all(
    Array.from({ length: workerCount }, () => bareClient(bare.baseUrl, glb, Math.ceil(taskCount / workerCount))),
  );
  const bareParallelSeconds = (performance.now() - startedMs) / 1000;

  const rows = [
    [
      'worker protocol, 1 worker',
      `${percentile(sequential, 0.5).toFixed(2)}`,
      `${percentile(sequential, 0.99).toFixed(2)}`,
      `${(sequential.length / (sequential.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)}`,
    ],
    [
      'bare route, same 4 round trips, 1 client',
      `${percentile(bareSequential, 0.5).toFixed(2)}`,
      `${percentile(bareSequential, 0.99).toFixed(2)}`,
      `${(bareSequential.length / (bareSequential.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)}`,
    ],
    [
      `worker protocol, ${workerCount} workers (${parallel.length} tasks)`,
      '',
      '',
      `${(parallel.length / parallelSeconds).toFixed(0)}`,
    ],
    [`bare route, ${workerCount} clients`, '', '', `${(taskCount / bareParallelSeconds).toFixed(0)}`],
  ];
  console.log(
    `database: ${process.env.DATABASE_URL ? 'postgres' : 'sqlite'}; tasks: ${taskCount}; workers: ${workerCount}`,
  );
  console.log('| run | p50 ms per task | p99 ms per task | tasks/s |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    `ratio (ours / bare), per task at p50: ${(percentile(sequential, 0.5) / percentile(bareSequential, 0.5)).toFixed(1)}×; throughput: ${(parallel.length / parallelSeconds / (taskCount / bareParallelSeconds)).toFixed(2)} of bare`,
  );
} finally {
  server.child.removeAllListeners('exit');
  bare.child.removeAllListeners('exit');
  server.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await fs.rm(dataDir, { recursive: true, force: true });
}
