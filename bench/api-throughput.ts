// Benchmark: create-task and get-task throughput and p99 latency on the embedded SQLite default, against a
// bare hello-world route of the same framework, in one run. Server and load generator are separate processes.
// Also polls a queued task once the create row has filled the queue (its queue position is computed per poll).
// Usage: npm run bench [-- --seconds 10 --connections 32]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { POLYFORGE_NODE_ARGS } from '../test-support/polyforge-cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const seconds = argument('seconds', 10);
const connections = argument('connections', 32);

function startProcess(
  command: string[],
  environment: Record<string, string>,
  readyPattern: RegExp,
): Promise<{ child: ChildProcess; output: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: root,
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString().split('\n'));
      if (readyPattern.test(output.join('\n'))) resolve({ child, output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => reject(new Error(`process exited with ${code}: ${output.join('\n')}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function runLoad(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: seconds, connections, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function cli(environment: Record<string, string>, ...args: string[]): Promise<any> {
  const { child, output } = await startProcess(
    [...POLYFORGE_NODE_ARGS, ...args, '--json'],
    environment,
    /^\{.*\}$/m,
  ).catch((error) => {
    throw error;
  });
  child.removeAllListeners('exit');
  return JSON.parse(output.find((line) => line.startsWith('{')) ?? '{}');
}

const loadBefore = os.loadavg()[0].toFixed(1);
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-bench-'));
const serverEnvironment = {
  POLYFORGE_DATA_DIR: dataDir,
  PORT: '18080',
  HOST: '127.0.0.1',
  POLYFORGE_LOG_LEVEL: 'warn',
};

// The bench account: its own credits and a concurrency limit that never refuses, so every create is a real create.
const account = await cli(
  serverEnvironment,
  'accounts',
  'create',
  '--email',
  'bench@polyforge.local',
  '--concurrency',
  '100000000',
);
await cli(serverEnvironment, 'credits', 'grant', '--account', account.account_id, '--credits', '100000000');
// A request-rate limit that never refuses, so the limiter's shared counter is measured but every request is served
// (POLYFORGE_RATE_LIMIT_PER_MINUTE=0 in the environment turns the limiter off, for comparison).
await cli(serverEnvironment, 'accounts', 'set', '--account', account.account_id, '--rate-limit', '100000000');
const base = 'http://127.0.0.1:18080';
const headers = { Authorization: `Bearer ${account.api_key}` };

// Phase 1: with workers on, import a model: a finished task to read, and the source of the converts.
let server = await startProcess([...POLYFORGE_NODE_ARGS, 'serve'], serverEnvironment, /listening on/);
const form = new FormData();
form.append('file', new Blob([new Uint8Array(await texturedCubeGlb())]), 'cube.glb');
const upload = await (await fetch(`${base}/v2/openapi/upload`, { method: 'POST', headers, body: form })).json();
const imported = await (
  await fetch(`${base}/v2/openapi/task`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'import_model', file: { type: 'glb', file_token: upload.data.image_token } }),
  })
).json();
const sourceTaskId = imported.data.task_id;
for (let attempt = 0; attempt < 100; attempt += 1) {
  const task = await (await fetch(`${base}/v2/openapi/task/${sourceTaskId}`, { headers })).json();
  if (task.data.status === 'success') break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await stop(server.child);

// Phase 2: workers off, so created tasks stay queued and only the API is measured.
server = await startProcess(
  [...POLYFORGE_NODE_ARGS, 'serve'],
  { ...serverEnvironment, POLYFORGE_WORKERS: '0' },
  /listening on/,
);
const createBody = JSON.stringify({ type: 'convert_model', format: 'STL', original_model_task_id: sourceTaskId });

const rows: { name: string; result: autocannon.Result }[] = [];
const bare = await startProcess(['--import', 'tsx', 'bench/bare-fastify-server.ts'], { PORT: '18081' }, /listening/);
rows.push({ name: 'bare route GET /hello', result: await runLoad({ url: 'http://127.0.0.1:18081/hello' }) });
rows.push({
  name: 'bare route POST /hello',
  result: await runLoad({
    url: 'http://127.0.0.1:18081/hello',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: createBody,
  }),
});
await stop(bare.child);

rows.push({
  name: 'get-task (success, signed links)',
  result: await runLoad({ url: `${base}/v2/openapi/task/${sourceTaskId}`, headers }),
});
const getTaskIndex = rows.length - 1;
// a task that stays at the head of the queue while the create row fills it: polled after that row
const headTask = await (
  await fetch(`${base}/v2/openapi/task`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: createBody,
  })
).json();
rows.push({
  name: 'create-task (convert_model: validate, price, hold, insert, enqueue)',
  result: await runLoad({
    url: `${base}/v2/openapi/task`,
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: createBody,
  }),
});
const createIndex = rows.length - 1;
rows.push({
  name: `get-task (queued, position 0 of ${Math.round(rows[createIndex].result.requests.total / 1000)}k queued)`,
  result: await runLoad({ url: `${base}/v2/openapi/task/${headTask.data.task_id}`, headers }),
});
await stop(server.child);
await fs.rm(dataDir, { recursive: true, force: true });

const bareGet = rows[0].result.requests.average;
const barePost = rows[1].result.requests.average;
console.log(
  `\nPolyforge API throughput — ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `${seconds} s per row, ${connections} connections, autocannon in a separate process; load average before ${loadBefore}, after ${os.loadavg()[0].toFixed(1)}\n`,
);
console.log('| endpoint | req/s | p50 ms | p99 ms | non-2xx | ratio to bare route |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [index, row] of rows.entries()) {
  const reference = index === createIndex || index === 1 ? barePost : bareGet;
  const ratio = index <= 1 ? '1.00' : (row.result.requests.average / reference).toFixed(2);
  console.log(
    `| ${row.name} | ${Math.round(row.result.requests.average)} | ${row.result.latency.p50} | ${row.result.latency.p99} | ${row.result.non2xx} | ${ratio} |`,
  );
}
console.log(
  `\ngoals: create-task >= 0.40 of the bare route (got ${(rows[createIndex].result.requests.average / barePost).toFixed(2)}), get-task >= 0.70 (got ${(rows[getTaskIndex].result.requests.average / bareGet).toFixed(2)})`,
);
