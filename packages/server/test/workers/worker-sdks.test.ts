// The two worker SDKs as real processes against a real server: the Python example worker (standard library
// only) and the TypeScript one each complete tasks with real GLBs; a worker killed mid-task (SIGKILL) loses
// its lease and another completes the task, charged once; a wrong token is refused.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import type { TestPlatform } from '../harness/start-test-platform.ts';
import { startRoutedTestPlatform } from './worker-test-kit.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const PYTHON_WORKER = path.join(repositoryRoot, 'workers/python/examples/parametric_mesh_worker.py');
const TS_WORKER = path.join(repositoryRoot, 'packages/worker-sdk/src/examples/parametric-mesh-worker.ts');

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

describe('worker SDKs end to end', () => {
  let harness: TestPlatform;
  let token: string;
  const running: WorkerProcess[] = [];

  beforeAll(async () => {
    harness = await startRoutedTestPlatform({ leaseSeconds: 5 });
    token = (await harness.platform.workerTokens.create('sdk-test', ['example-mesh'])).token;
  });
  afterEach(async () => {
    const stopping = running.splice(0);
    for (const worker of stopping) worker.child.kill('SIGKILL');
    await Promise.all(stopping.map((worker) => worker.exited));
    // let the server see their connections close, so no long poll of a dead worker takes the next test's task
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(async () => {
    await harness.close();
  });

  function startWorker(kind: 'python' | 'ts', environment: Record<string, string> = {}): WorkerProcess {
    const [command, args] =
      kind === 'python'
        ? ['python3', [PYTHON_WORKER]]
        : [process.execPath, ['--conditions=polyforge-source', '--import', 'tsx', TS_WORKER]];
    const child = spawn(command, args, {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        PYTHONDONTWRITEBYTECODE: '1',
        POLYFORGE_URL: harness.baseUrl,
        POLYFORGE_WORKER_TOKEN: token,
        POLYFORGE_WORKER_NAME: `${kind}-worker`,
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const worker = { child, output: () => output, exited };
    running.push(worker);
    return worker;
  }

  async function waitFor<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs = 20_000,
    workers: WorkerProcess[] = running,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const jobs = await harness.platform.db.selectFrom('jobs').selectAll().execute();
    throw new Error(
      `timed out waiting for ${what}; jobs: ${JSON.stringify(jobs)}; worker output:\n${workers.map((worker) => worker.output()).join('\n---\n')}`,
    );
  }

  async function registeredWorkers(): Promise<number> {
    const rows = await harness.platform.db.selectFrom('workers').select('id').execute();
    return rows.length;
  }

  async function generatorOf(url: string): Promise<string> {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect((await validateGlb(bytes)).errors).toEqual([]);
    const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
    return JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))).asset.generator;
  }

  it('refuses a worker with a wrong token: the Python worker exits with the 401', async () => {
    const worker = startWorker('python', { POLYFORGE_WORKER_TOKEN: 'pfw_wrong' });
    expect(await worker.exited).not.toBe(0);
    expect(worker.output()).toMatch(/HTTP 401 \(code 1002\)/);
  });

  it('has a Python and a TypeScript worker process each complete tasks with valid GLBs', async () => {
    const before = await registeredWorkers();
    startWorker('python', { POLYFORGE_EXAMPLE_DELAY_SECONDS: '1' });
    startWorker('ts', { POLYFORGE_EXAMPLE_DELAY_SECONDS: '1' });
    await waitFor('both workers to register', async () =>
      (await registeredWorkers()) >= before + 2 ? true : undefined,
    );
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const prompts = ['a red torus', 'a blue box', 'a gold sphere', 'a green cylinder'];
    const taskIds: string[] = [];
    for (const prompt of prompts)
      taskIds.push((await client.createTask({ type: 'text_to_model', prompt })).body.data.task_id);
    const tasks = await waitFor('the four tasks to succeed', async () => {
      const states = await Promise.all(taskIds.map(async (taskId) => (await client.getTask(taskId)).body.data));
      return states.every((task) => task.status === 'success') ? states : undefined;
    });
    expect(tasks.map((task) => task.output.generator)).toEqual([
      'parametric-torus',
      'parametric-box',
      'parametric-sphere',
      'parametric-cylinder',
    ]);
    const generators = await Promise.all(tasks.map((task) => generatorOf(task.output.model)));
    expect(generators).toContain('polyforge-worker-sdk-python');
    expect(generators.some((generator) => generator.startsWith('glTF-Transform'))).toBe(true);
    expect((await client.balance()).body.data).toEqual({ balance: 300 - 4 * 20, frozen: 0 });
  });

  it('gives the task of a worker killed mid-task to another worker, and charges once', async () => {
    const slow = startWorker('ts', { POLYFORGE_EXAMPLE_DELAY_SECONDS: '60' });
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const taskId = (await client.createTask({ type: 'text_to_model', prompt: 'a white donut' })).body.data.task_id;
    await waitFor('the slow worker to report progress', async () => {
      const task = (await client.getTask(taskId)).body.data;
      return task.status === 'running' && task.progress > 0 ? task : undefined;
    });
    slow.child.kill('SIGKILL');
    await slow.exited;
    startWorker('python');
    const task = await waitFor('another worker to complete the task', async () => {
      const current = (await client.getTask(taskId)).body.data;
      return current.status === 'success' ? current : undefined;
    });
    expect(task).toMatchObject({ consumed_credit: 20, output: { generator: 'parametric-torus' } });
    expect(await generatorOf(task.output.model)).toBe('polyforge-worker-sdk-python');
    const job = await harness.platform.db
      .selectFrom('jobs')
      .select(['attempts'])
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(job.attempts).toBe(2);
    expect((await client.balance()).body.data).toEqual({ balance: 280, frozen: 0 });
    const captures = await harness.platform.db
      .selectFrom('ledgerEntries')
      .select('credits')
      .where('taskId', '=', taskId)
      .where('entryType', '=', 'capture')
      .execute();
    expect(captures).toEqual([{ credits: 20 }]);
  });
});
