// Faults with real processes (the small version of bench/faults.ts): `polyforge work` SIGKILLed while it runs a
// task, and `polyforge serve --no-workers` SIGKILLed in the middle of a burst of creates. Every task still ends in
// a final state, nothing stays frozen and nothing is charged twice. (Restarting PostgreSQL is left to the bench
// script, which runs its own server.)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { denseGridDocument, toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';
import { auditLedger, auditProblems } from './ledger-audit.ts';
import { POLYFORGE_NODE_ARGS } from '../../../../test-support/polyforge-cli.ts';

const FINAL = ['success', 'failed', 'cancelled', 'banned', 'expired'];

interface Spawned {
  child: ChildProcess;
  output: () => string;
}

describe('processes killed mid-work', () => {
  let dataDir: string;
  let database: TestDatabase;
  let environment: Record<string, string>;
  let platform: Platform;
  let baseUrl: string;
  const spawned: Spawned[] = [];

  function start(args: string[], ready: RegExp): Promise<Spawned> {
    const child = spawn(process.execPath, [...POLYFORGE_NODE_ARGS, ...args], {
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const entry = { child, output: () => output };
    spawned.push(entry);
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (ready.test(output)) resolve(entry);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
    });
  }

  function kill(entry: Spawned): Promise<void> {
    return new Promise((resolve) => {
      entry.child.removeAllListeners('exit');
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) return resolve();
      entry.child.once('exit', () => resolve());
      entry.child.kill('SIGKILL');
    });
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function allFinal(accountId: string): Promise<boolean | undefined> {
    const rows = await platform.db.selectFrom('tasks').select(['status']).where('accountId', '=', accountId).execute();
    return rows.every((row) => FINAL.includes(row.status)) || undefined;
  }

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-faults-test-'));
    database = await createTestDatabase(dataDir);
    environment = {
      POLYFORGE_DATA_DIR: dataDir,
      DATABASE_URL: database.databaseUrl,
      POLYFORGE_LOG_LEVEL: 'error',
      POLYFORGE_LEASE_SECONDS: '5',
      POLYFORGE_WORKER_CONCURRENCY: '1',
      POLYFORGE_RATE_LIMIT_PER_MINUTE: '0',
      HOST: '127.0.0.1',
    };
    // This process is an API process too (no workers): it seeds and reads, the spawned workers do the work.
    platform = await createPlatform(loadConfig({ ...environment, POLYFORGE_WORKERS: '0' }));
    baseUrl = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const entry of spawned) await kill(entry);
    await platform.close();
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('finishes the task of a worker SIGKILLed mid-run on another worker, charged once', async () => {
    const [first, second] = await Promise.all([start(['work'], /workers running/), start(['work'], /workers running/)]);
    const account = await platform.accounts.createAccount({ email: 'faults-worker@test.local', concurrencyLimit: 20 });
    await platform.onboarding.grantCredits(account.id, 1000);
    const client = apiClient(baseUrl, account.apiKey);
    const upload = await client.upload(await toGlb(denseGridDocument(60_000)), 'grid.glb');
    const source = (
      await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    await until('the import', async () =>
      (await client.getTask(source)).body.data.status === 'success' ? true : undefined,
    );

    const taskIds: string[] = [];
    for (const format of ['OBJ', 'STL', 'GLTF', 'OBJ']) {
      taskIds.push(
        (await client.createTask({ type: 'convert_model', format, original_model_task_id: source })).body.data.task_id,
      );
    }
    // wait until the first worker holds one of them, then kill it
    const pid = first.child.pid!;
    const held = await until('a lease of the first worker', async () => {
      const [job] = await platform.db
        .selectFrom('jobs')
        .select(['id'])
        .where('status', '=', 'leased')
        .where('leaseOwner', 'like', `%:${pid}:%`)
        .execute();
      return job?.id;
    });
    await kill(first);
    await until('every task final', () => allFinal(account.id), 60_000);

    const tasks = await platform.db
      .selectFrom('tasks')
      .select(['id', 'status', 'consumedCredits'])
      .where('id', 'in', taskIds)
      .execute();
    expect(tasks.map((task) => task.status)).toEqual(['success', 'success', 'success', 'success']);
    const killed = tasks.find((task) => task.id === held)!;
    expect(killed.consumedCredits).toBe(5);
    const captures = await platform.db
      .selectFrom('ledgerEntries')
      .select(['credits'])
      .where('taskId', '=', held)
      .where('entryType', '=', 'capture')
      .execute();
    expect(captures).toEqual([{ credits: 5 }]);
    expect(await platform.ledger.balance(platform.db, account.id)).toEqual({ balance: 1000 - 4 * 5, frozen: 0 });
    expect(auditProblems(await auditLedger(platform.db), { drained: true })).toEqual([]);
    expect(second.child.exitCode).toBeNull();
  });

  it('loses nothing when the API process is SIGKILLed in the middle of a burst of creates', async () => {
    const api = await start(['serve', '--no-workers', '--port', '0'], /listening on/);
    const apiUrl = /listening on (http:\/\/[\d.:]+)/.exec(api.output())![1];
    const account = await platform.accounts.createAccount({ email: 'faults-api@test.local', concurrencyLimit: 100 });
    await platform.onboarding.grantCredits(account.id, 1000);
    const client = apiClient(baseUrl, account.apiKey);
    const upload = await client.upload(await toGlb(denseGridDocument(2_000)), 'grid.glb');
    const source = (
      await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    await until('the import', async () =>
      (await client.getTask(source)).body.data.status === 'success' ? true : undefined,
    );

    const doomed = apiClient(apiUrl, account.apiKey);
    let answered = 0;
    const burst = Array.from({ length: 40 }, () =>
      doomed.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: source }).then(
        (response) => {
          answered += 1;
          return response.status === 200 ? (response.body.data.task_id as string) : undefined;
        },
        () => undefined, // the connection died with the process
      ),
    );
    await until('the first answers', async () => (answered >= 3 ? true : undefined));
    await kill(api);
    const accepted = (await Promise.all(burst)).filter((taskId): taskId is string => taskId !== undefined);
    expect(accepted.length).toBeGreaterThanOrEqual(3);

    await until('every task final', () => allFinal(account.id), 60_000);
    const tasks = await platform.db
      .selectFrom('tasks')
      .select(['id', 'status'])
      .where('accountId', '=', account.id)
      .where('type', '=', 'convert_model')
      .execute();
    // every accepted task exists and succeeded; tasks committed whose answer was lost succeeded too
    const byId = new Map(tasks.map((task) => [task.id, task.status]));
    for (const taskId of accepted) expect(byId.get(taskId)).toBe('success');
    expect(tasks.every((task) => task.status === 'success')).toBe(true);
    expect(await platform.ledger.balance(platform.db, account.id)).toEqual({
      balance: 1000 - tasks.length * 5,
      frozen: 0,
    });
    expect(auditProblems(await auditLedger(platform.db), { drained: true })).toEqual([]);
  });
});
