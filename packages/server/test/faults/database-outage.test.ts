// A PostgreSQL outage, as the platform sees a restart (connections cut, new ones refused), played by a TCP proxy in
// front of the test database: a process started while the database is down waits for it; /ready says 503 while
// /health stays 200; and the outage is not charged to a task — no attempt counted, no task failed or refunded
// for it, a finished task's commit waits for the database. PostgreSQL only (SQLite has no server to lose).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startDatabaseProxy, type DatabaseProxy } from '../harness/database-proxy.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

const LEASE_SECONDS = 5;

describe.skipIf(!process.env.TEST_DATABASE_URL)('database outages (PostgreSQL)', () => {
  let dataDir: string;
  let database: TestDatabase;
  let proxy: DatabaseProxy;
  let platform: Platform;
  let baseUrl: string;
  const clock = new ManualClock(Date.now());
  const environment = () => ({
    POLYFORGE_DATA_DIR: dataDir,
    DATABASE_URL: proxy.url,
    POLYFORGE_WORKERS: '0',
    POLYFORGE_LOG_LEVEL: 'silent',
    POLYFORGE_LEASE_SECONDS: String(LEASE_SECONDS),
  });

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-outage-'));
    database = await createTestDatabase(dataDir);
    // the platform boots while the database is down, and comes up when it does
    proxy = await startDatabaseProxy(database.databaseUrl, { startDown: true });
    const booting = createPlatform(loadConfig(environment()), { clock });
    let booted = false;
    void booting.then(() => (booted = true));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(booted).toBe(false);
    proxy.up();
    platform = await booting;
    baseUrl = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await platform?.close();
    await proxy?.close();
    await database?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('fails at once when told not to wait (POLYFORGE_DATABASE_BOOT_TIMEOUT_SECONDS=0)', async () => {
    const down = await startDatabaseProxy(database.databaseUrl, { startDown: true });
    try {
      await expect(
        createPlatform(
          loadConfig({ ...environment(), DATABASE_URL: down.url, POLYFORGE_DATABASE_BOOT_TIMEOUT_SECONDS: '0' }),
        ),
      ).rejects.toThrow();
    } finally {
      await down.close();
    }
  });

  it('answers /ready 503 while the database is down, /health 200, and ready again after', async () => {
    expect((await fetch(`${baseUrl}/ready`)).status).toBe(200);
    proxy.down();
    clock.advanceSeconds(2); // past the probe's cache
    const down = await fetch(`${baseUrl}/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'not_ready', checks: { database: 'unreachable', storage: 'ok' } });
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    proxy.up();
    clock.advanceSeconds(2);
    expect((await fetch(`${baseUrl}/ready`)).status).toBe(200);
  });

  async function paidConvertTask(): Promise<{ taskId: string; client: ReturnType<typeof apiClient> }> {
    const account = await platform.accounts.createAccount({
      email: `outage-${Math.random().toString(16).slice(2)}@test.local`,
    });
    await platform.onboarding.grantCredits(account.id, 100);
    const client = apiClient(baseUrl, account.apiKey);
    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    const imported = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    const runner = platform.createRunner('setup-runner');
    while (await runner.runOnce());
    const created = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: imported.body.data.task_id,
    });
    expect(created.status).toBe(200);
    return { taskId: created.body.data.task_id, client };
  }

  const attemptsOf = async (taskId: string) =>
    await platform.db
      .selectFrom('jobs')
      .select(['attempts', 'status'])
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();

  it('leaves a lease that ran out during the outage to its live holder, who finishes the task on its first attempt', async () => {
    const { taskId, client } = await paidConvertTask();
    const holder = platform.createRunner('holder');
    const claimed = await holder.claimNext();
    expect(claimed?.task.id).toBe(taskId);

    const other = platform.createRunner('other');
    proxy.down();
    await expect(other.runOnce()).rejects.toThrow();
    clock.advanceSeconds(LEASE_SECONDS + 1); // the lease runs out while nobody can heartbeat
    await expect(other.runOnce()).rejects.toThrow();
    proxy.up();
    // the database is back: the other runner does not take the task away as "stopped responding"
    expect(await other.runOnce()).toBe(false);
    expect(await attemptsOf(taskId)).toEqual({ attempts: 1, status: 'leased' });

    await holder.runClaimed(claimed!);
    const task = (await client.getTask(taskId)).body.data;
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect(await attemptsOf(taskId)).toEqual({ attempts: 1, status: 'done' });
    expect((await client.balance()).body.data).toEqual({ balance: 95, frozen: 0 });

    // a holder that really is gone is still found out, one lease after the outage
    const lost = await paidConvertTask();
    await platform.createRunner('gone').claimNext();
    clock.advanceSeconds(2 * LEASE_SECONDS + 1);
    await other.reclaimExpiredLeases();
    expect(await attemptsOf(lost.taskId)).toEqual({ attempts: 1, status: 'queued' });
    while (await other.runOnce());
    expect((await lost.client.getTask(lost.taskId)).body.data.status).toBe('success');
  });

  it('waits for the database to commit a task whose engine finished during the outage', async () => {
    const account = await platform.accounts.createAccount({ email: `outage-test-mode-${Date.now()}@test.local` });
    const key = await platform.accounts.createApiKey(account.id, 'sandbox', 'test');
    const client = apiClient(baseUrl, key.apiKey);
    const created = await client.createTask({ type: 'text_to_model', prompt: 'a small red chair' });
    const runner = platform.createRunner('committer');
    const claimed = await runner.claimNext();
    expect(claimed?.task.id).toBe(created.body.data.task_id);
    proxy.down();
    setTimeout(() => proxy.up(), 1500);
    await runner.runClaimed(claimed!);
    expect((await client.getTask(created.body.data.task_id)).body.data.status).toBe('success');
    expect(await attemptsOf(created.body.data.task_id)).toEqual({ attempts: 1, status: 'done' });
  });

  it('gives a task back uncounted when its inputs could not be read for the outage', async () => {
    const { taskId, client } = await paidConvertTask();
    const runner = platform.createRunner('reader');
    const claimed = await runner.claimNext();
    expect(claimed?.task.id).toBe(taskId);
    proxy.down();
    setTimeout(() => proxy.up(), 1500);
    await runner.runClaimed(claimed!);
    expect(await attemptsOf(taskId)).toEqual({ attempts: 0, status: 'queued' });
    clock.advanceSeconds(LEASE_SECONDS + 1);
    while (await runner.runOnce());
    expect((await client.getTask(taskId)).body.data).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect(await attemptsOf(taskId)).toEqual({ attempts: 1, status: 'done' });
  });
});
