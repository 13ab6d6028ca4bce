// Data retention end to end: per-account override and deployment default, tasks reading `expired` with empty
// outputs, uploads and blobs gone, the ledger untouched, active tasks spared, bounded batches, two sweepers at once.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Database } from '../../src/db/database-schema.ts';
import { isPostgres } from '../../src/db/open-database.ts';
import { RetentionSweeper } from '../../src/retention/retention-sweeper.ts';
import { LocalDiskBlobStore } from '../../src/storage/local-disk-blob-store.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { runCliProcess } from '../harness/run-cli-process.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { startSharedPlatforms } from './shared-database-platforms.ts';

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 24 * HOUR_SECONDS;

async function ledgerOf(db: Database, accountId: string) {
  const entries = await db
    .selectFrom('ledgerEntries')
    .select(['entryType', 'credits', 'taskId'])
    .where('accountId', '=', accountId)
    .orderBy('id')
    .execute();
  return entries;
}

async function filesUnder(directory: string): Promise<string[]> {
  try {
    return (await fs.readdir(directory, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

describe('data retention', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 3, 9, 0, 0));
  let harness: TestPlatform;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    harness = await startTestPlatform({
      clock,
      environment: { POLYFORGE_RETENTION_DAYS: '3', POLYFORGE_RATE_LIMIT_PER_MINUTE: '0' },
    });
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(() => harness.close());

  /** An account with an uploaded cube, a finished import (free) and a finished convert (5 credits). */
  async function accountWithFinishedTasks(retentionDays: number | null) {
    const account = await harness.createAccount({ credits: 100, concurrency: 20 });
    await harness.platform.accounts.setRetentionDays(account.accountId, retentionDays);
    const client = apiClient(harness.baseUrl, account.apiKey);
    const upload = await client.upload(cubeGlb, 'cube.glb');
    const fileToken = upload.body.data.image_token as string;
    const imported = await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: fileToken } });
    await harness.drainQueue();
    const converted = await client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: imported.body.data.task_id,
    });
    await harness.drainQueue();
    const taskIds = [imported.body.data.task_id as string, converted.body.data.task_id as string];
    for (const taskId of taskIds) expect((await client.getTask(taskId)).body.data.status).toBe('success');
    return { account, client, fileToken, taskIds };
  }

  it('deletes inputs and outputs after the account override or the deployment default; the ledger stays', async () => {
    const oneDay = await accountWithFinishedTasks(1);
    const byDefault = await accountWithFinishedTasks(null);
    const forever = await accountWithFinishedTasks(0);
    // a task still queued when its account's period passes is not touched
    const queued = await byDefault.client.createTask({
      type: 'convert_model',
      format: 'OBJ',
      original_model_task_id: byDefault.taskIds[0],
    });
    const blobCountOf = async (accountId: string, taskIds: string[]) => {
      let count = (await filesUnder(path.join(harness.dataDir, 'blobs', 'uploads', accountId))).length;
      for (const taskId of taskIds)
        count += (await filesUnder(path.join(harness.dataDir, 'blobs', 'tasks', taskId))).length;
      return count;
    };
    const oneDayBlobs = await blobCountOf(oneDay.account.accountId, oneDay.taskIds);
    const byDefaultBlobs = await blobCountOf(byDefault.account.accountId, byDefault.taskIds);
    expect(oneDayBlobs).toBeGreaterThanOrEqual(3); // the upload, the imported model (and its preview), the STL
    const ledgersBefore = await Promise.all(
      [oneDay, byDefault, forever].map(({ account }) => ledgerOf(harness.platform.db, account.accountId)),
    );
    const balanceBefore = (await oneDay.client.balance()).body.data;
    expect(balanceBefore).toEqual({ balance: 95, frozen: 0 });

    clock.advanceSeconds(DAY_SECONDS + HOUR_SECONDS);
    const firstPass = await harness.platform.sweepRetentionOnce();
    expect(firstPass).toEqual({ tasksExpired: 2, uploadsDeleted: 1, blobsDeleted: oneDayBlobs });

    const [importTask, convertTask] = await Promise.all(
      oneDay.taskIds.map(async (taskId) => (await oneDay.client.getTask(taskId)).body.data),
    );
    for (const task of [importTask, convertTask]) {
      expect(task).toMatchObject({ status: 'expired', output: {}, error_code: 2019 });
      expect(task.error_msg).toMatch(/deleted after the account's 1-day data-retention period/);
    }
    expect(convertTask.input).toEqual({ type: 'convert_model' });
    expect(convertTask.consumed_credit).toBe(5);
    for (const taskId of oneDay.taskIds)
      expect(await filesUnder(path.join(harness.dataDir, 'blobs', 'tasks', taskId))).toEqual([]);
    expect(await filesUnder(path.join(harness.dataDir, 'blobs', 'uploads', oneDay.account.accountId))).toEqual([]);
    // the deleted upload's token no longer resolves; an expired source task cannot be chained
    const reuse = await oneDay.client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: oneDay.fileToken },
    });
    expect(reuse.status).toBe(404);
    expect(reuse.body.code).toBe(2019);
    const chained = await oneDay.client.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: oneDay.taskIds[0],
    });
    expect(chained.status).toBe(400);
    // money: same balance, same ledger
    expect((await oneDay.client.balance()).body.data).toEqual(balanceBefore);
    expect(await ledgerOf(harness.platform.db, oneDay.account.accountId)).toEqual(ledgersBefore[0]);
    // the others are untouched so far
    for (const { client, taskIds } of [byDefault, forever]) {
      for (const taskId of taskIds) expect((await client.getTask(taskId)).body.data.status).toBe('success');
    }

    clock.advanceSeconds(2 * DAY_SECONDS);
    expect(await harness.platform.sweepRetentionOnce()).toEqual({
      tasksExpired: 2,
      uploadsDeleted: 1,
      blobsDeleted: byDefaultBlobs,
    });
    expect(await blobCountOf(byDefault.account.accountId, byDefault.taskIds)).toBe(0);
    for (const taskId of byDefault.taskIds) {
      expect((await byDefault.client.getTask(taskId)).body.data.error_msg).toMatch(/3-day data-retention period/);
    }
    expect((await byDefault.client.getTask(queued.body.data.task_id)).body.data.status).toBe('queued');
    expect(await ledgerOf(harness.platform.db, byDefault.account.accountId)).toEqual(ledgersBefore[1]);

    clock.advanceSeconds(365 * DAY_SECONDS);
    await harness.platform.sweepRetentionOnce();
    for (const taskId of forever.taskIds)
      expect((await forever.client.getTask(taskId)).body.data.status).toBe('success');
    expect(await ledgerOf(harness.platform.db, forever.account.accountId)).toEqual(ledgersBefore[2]);
    // a swept task is never swept again
    expect(await harness.platform.sweepRetentionOnce()).toEqual({
      tasksExpired: 0,
      uploadsDeleted: 0,
      blobsDeleted: 0,
    });
  });

  it('works in bounded batches', async () => {
    const account = await harness.createAccount({ credits: 10 });
    await harness.platform.accounts.setRetentionDays(account.accountId, 1);
    const client = apiClient(harness.baseUrl, account.apiKey);
    for (let index = 0; index < 5; index += 1) {
      const upload = await client.upload(cubeGlb, 'cube.glb');
      await client.createTask({
        type: 'import_model',
        file: { type: 'glb', file_token: upload.body.data.image_token },
      });
    }
    await harness.drainQueue();
    clock.advanceSeconds(2 * DAY_SECONDS);
    const blobs = new LocalDiskBlobStore(path.join(harness.dataDir, 'blobs'));
    const sweeper = new RetentionSweeper(harness.platform.db, blobs, clock, {
      defaultRetentionDays: 3,
      batchSize: 2,
      maxBatchesPerRun: 1,
    });
    expect(await sweeper.runOnce()).toMatchObject({ tasksExpired: 2, uploadsDeleted: 2 });
    const rest = await harness.platform.sweepRetentionOnce();
    expect(rest.tasksExpired).toBe(3);
    expect(rest.uploadsDeleted).toBe(3);
  });

  it('rejects bad retention settings, and the ops CLI sets and clears the override', async () => {
    const account = await harness.createAccount();
    await expect(harness.platform.accounts.setRetentionDays(account.accountId, -1)).rejects.toThrow(/retention days/);
    await expect(harness.platform.accounts.setRetentionDays(account.accountId, 1.5)).rejects.toThrow(/retention days/);
    const database = harness.platform.config.database;
    const environment = {
      ...process.env,
      POLYFORGE_DATA_DIR: harness.dataDir,
      DATABASE_URL: database.kind === 'postgres' ? database.url : `sqlite:${database.filePath}`,
    };
    const polyforge = async (...args: string[]) => {
      const result = await runCliProcess([...args, '--json'], { env: environment });
      return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
    };
    expect(
      await polyforge(
        'accounts',
        'set',
        '--account',
        account.accountId,
        '--retention-days',
        '7',
        '--rate-limit',
        '600',
      ),
    ).toMatchObject({ retention_days: 7, rate_limit_per_minute: 600 });
    expect(
      await polyforge('accounts', 'set', '--account', account.accountId, '--retention-days', 'default'),
    ).toMatchObject({
      retention_days: null,
      rate_limit_per_minute: 600,
    });
    expect((await harness.platform.accounts.getDataPolicy(account.accountId)).retentionDays).toBeNull();
  });
});

describe('data retention with two sweepers at once (two worker processes)', () => {
  it('expires each task once and deletes every blob', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 4, 9, 0, 0));
    const shared = await startSharedPlatforms(2, { clock, environment: { POLYFORGE_RETENTION_DAYS: '1' } });
    try {
      const cubeGlb = await texturedCubeGlb();
      const [first, second] = shared.instances;
      const account = await shared.createAccount({ credits: 10, concurrency: 20 });
      const client = apiClient(first.baseUrl, account.apiKey);
      const taskIds: string[] = [];
      for (let index = 0; index < 8; index += 1) {
        const upload = await client.upload(cubeGlb, 'cube.glb');
        taskIds.push(
          (
            await client.createTask({
              type: 'import_model',
              file: { type: 'glb', file_token: upload.body.data.image_token },
            })
          ).body.data.task_id,
        );
      }
      while (await first.platform.runWorkerOnce());
      clock.advanceSeconds(2 * DAY_SECONDS);
      // on SQLite both instances share this Node thread, where a synchronous lock wait would stall the other: they
      // sweep one after the other there (the second finds nothing left); on PostgreSQL they race
      const passes = isPostgres(first.platform.db)
        ? await Promise.all([first.platform.sweepRetentionOnce(), second.platform.sweepRetentionOnce()])
        : [await first.platform.sweepRetentionOnce(), await second.platform.sweepRetentionOnce()];
      expect(passes[0].tasksExpired + passes[1].tasksExpired).toBe(8);
      expect(passes[0].uploadsDeleted + passes[1].uploadsDeleted).toBe(8);
      await first.platform.sweepRetentionOnce(); // picks up any blob the other pass had queued after this one looked
      expect(await first.platform.db.selectFrom('blobDeletions').selectAll().execute()).toEqual([]);
      expect(await filesUnder(path.join(shared.dataDir, 'blobs'))).toEqual([]);
      const statuses = await Promise.all(
        taskIds.map(async (taskId) => (await client.getTask(taskId)).body.data.status),
      );
      expect(new Set(statuses)).toEqual(new Set(['expired']));
    } finally {
      await shared.close();
    }
  });
});
