// Data retention: deletes the inputs and outputs of finished tasks and the uploads older than their account's
// retention period (deployment default, per-account override). The task row stays, reading `expired` with empty
// outputs, so history and the ledger (never touched here) keep adding up.
//
// Safe across processes: candidates are claimed in a transaction (FOR UPDATE SKIP LOCKED on PostgreSQL, and every
// update is conditional on the row not being swept yet), and the blob keys to delete are written to an outbox in
// that same transaction, then deleted from the blob store afterwards; a sweeper that dies between the two leaves
// the keys for the next pass instead of orphaning the bytes. Work is done in bounded batches.
import { ERROR_CATALOG, FINAL_TASK_STATUSES } from '@polyforge/protocol';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { isPostgres } from '../db/open-database.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { StoredOutputFile } from '../tasks/task-record.ts';
import { recordTaskEvent } from '../webhooks/task-event-outbox.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface RetentionSweeperOptions {
  /** deployment default in days; 0 = keep forever */
  defaultRetentionDays: number;
  batchSize: number;
  /** batches of each kind per run, so one pass never runs unbounded */
  maxBatchesPerRun: number;
}

export const RETENTION_SWEEPER_DEFAULTS = { batchSize: 100, maxBatchesPerRun: 10 } as const;

export interface RetentionSweepResult {
  tasksExpired: number;
  uploadsDeleted: number;
  blobsDeleted: number;
}

export class RetentionSweeper {
  private readonly options: RetentionSweeperOptions;

  constructor(
    private readonly db: Database,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
    options: Partial<RetentionSweeperOptions> & { defaultRetentionDays: number },
    private readonly log: (message: string, details?: Record<string, unknown>) => void = () => undefined,
  ) {
    this.options = { ...RETENTION_SWEEPER_DEFAULTS, ...options };
  }

  async runOnce(): Promise<RetentionSweepResult> {
    const result: RetentionSweepResult = { tasksExpired: 0, uploadsDeleted: 0, blobsDeleted: 0 };
    for (let batch = 0; batch < this.options.maxBatchesPerRun; batch += 1) {
      const expired = await this.expireTaskBatch();
      result.tasksExpired += expired;
      if (expired < this.options.batchSize) break;
    }
    for (let batch = 0; batch < this.options.maxBatchesPerRun; batch += 1) {
      const deleted = await this.deleteUploadBatch();
      result.uploadsDeleted += deleted;
      if (deleted < this.options.batchSize) break;
    }
    for (let batch = 0; batch < this.options.maxBatchesPerRun; batch += 1) {
      const deleted = await this.deleteBlobBatch();
      result.blobsDeleted += deleted;
      if (deleted < this.options.batchSize) break;
    }
    return result;
  }

  /** Effective retention of the joined account row, in days (0 = forever). Times are cast to bigint below because
   * PostgreSQL would type the bare parameters as integer. */
  private retentionDaysExpression() {
    return sql<number>`coalesce(accounts.retention_days, ${this.options.defaultRetentionDays})`;
  }

  private async expireTaskBatch(): Promise<number> {
    const nowMs = this.clock.nowMs();
    const days = this.retentionDaysExpression();
    return this.inTransaction(async (trx) => {
      let query = trx
        .selectFrom('tasks')
        .innerJoin('accounts', 'accounts.id', 'tasks.accountId')
        .select([
          'tasks.id as id',
          'tasks.type as type',
          'tasks.status as status',
          'tasks.outputJson as outputJson',
          days.as('retentionDays'),
        ])
        .where('tasks.dataDeletedAt', 'is', null)
        .where('tasks.finishedAt', 'is not', null)
        .where('tasks.status', 'in', [...FINAL_TASK_STATUSES])
        .where(days, '>', 0)
        .where(sql<boolean>`tasks.finished_at < cast(${nowMs} as bigint) - ${days} * cast(${DAY_MS} as bigint)`)
        .orderBy('tasks.finishedAt')
        .limit(this.options.batchSize);
      if (isPostgres(trx)) query = query.forUpdate(['tasks']).skipLocked();
      const candidates = await query.execute();
      let expired = 0;
      for (const task of candidates) {
        const updated = await trx
          .updateTable('tasks')
          .set({
            status: 'expired',
            inputJson: JSON.stringify({ type: task.type }),
            outputJson: '{}',
            resultJson: '{}',
            errorCode: ERROR_CATALOG.dataRetentionExpired.code,
            errorMessage: `the inputs and outputs of this task were deleted after the account's ${task.retentionDays}-day data-retention period; its charge stays in the credit history`,
            dataDeletedAt: nowMs,
          })
          .where('id', '=', task.id)
          .where('status', '=', task.status)
          .where('dataDeletedAt', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) continue;
        expired += 1;
        const outputs = Object.values(JSON.parse(task.outputJson) as Record<string, StoredOutputFile>);
        await this.queueBlobDeletions(
          trx,
          outputs.map((output) => output.blobKey),
          nowMs,
        );
        if (task.status !== 'expired') await recordTaskEvent(trx, task.id, nowMs);
      }
      return expired;
    });
  }

  private async deleteUploadBatch(): Promise<number> {
    const nowMs = this.clock.nowMs();
    const days = this.retentionDaysExpression();
    return this.inTransaction(async (trx) => {
      let query = trx
        .selectFrom('files')
        .innerJoin('accounts', 'accounts.id', 'files.accountId')
        .select(['files.id as id'])
        .where(days, '>', 0)
        .where(sql<boolean>`files.created_at < cast(${nowMs} as bigint) - ${days} * cast(${DAY_MS} as bigint)`)
        .orderBy('files.createdAt')
        .limit(this.options.batchSize);
      if (isPostgres(trx)) query = query.forUpdate(['files']).skipLocked();
      const candidates = await query.execute();
      if (candidates.length === 0) return 0;
      const deleted = await trx
        .deleteFrom('files')
        .where(
          'id',
          'in',
          candidates.map((candidate) => candidate.id),
        )
        .returning(['blobKey'])
        .execute();
      await this.queueBlobDeletions(
        trx,
        deleted.map((row) => row.blobKey),
        nowMs,
      );
      return deleted.length;
    });
  }

  /**
   * SQLite refuses (SQLITE_BUSY) a transaction that read and then writes after another process wrote in
   * between, without waiting; the batch is simply tried again. PostgreSQL waits on row locks instead.
   */
  private async inTransaction<T>(work: (trx: Database) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute(work);
      } catch (error) {
        if (attempt >= 10 || !String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }

  private async queueBlobDeletions(trx: Database, blobKeys: string[], nowMs: number): Promise<void> {
    if (blobKeys.length === 0) return;
    await trx
      .insertInto('blobDeletions')
      .values(blobKeys.map((blobKey) => ({ blobKey, createdAt: nowMs })))
      .onConflict((conflict) => conflict.column('blobKey').doNothing())
      .execute();
  }

  /** Deletes queued blobs; a key leaves the outbox only once its blob is gone. */
  private async deleteBlobBatch(): Promise<number> {
    const queued = await this.db
      .selectFrom('blobDeletions')
      .select(['blobKey'])
      .orderBy('createdAt')
      .limit(this.options.batchSize)
      .execute();
    let deleted = 0;
    for (const { blobKey } of queued) {
      try {
        await this.blobs.delete(blobKey);
      } catch (error) {
        this.log('retention: could not delete a blob; will retry on the next pass', {
          blobKey,
          error: String((error as Error)?.message ?? error),
        });
        continue;
      }
      await this.db.deleteFrom('blobDeletions').where('blobKey', '=', blobKey).execute();
      deleted += 1;
    }
    return deleted;
  }
}
