// The create transaction for a batch of one account's creates (PostgreSQL, db/keyed-batch-commit.ts): the account
// row is locked once, each create is judged in order exactly as its own transaction would judge it (concurrency
// limit, then the hold, ledger.planHolds), and the accepted ones are written with multi-row inserts: about ten
// statements for the batch instead of about twelve per create. The single-create path (task-service.ts) shares
// the account queries and the refusal below.
import type { Ledger } from '../billing/ledger.ts';
import { DEFAULT_WALLET, type Wallet } from '../billing/wallets.ts';
import type { Database, TasksTable } from '../db/database-schema.ts';
import type { BatchOutcome } from '../db/keyed-batch-commit.ts';
import { isPostgres } from '../db/open-database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../domain-error.ts';
import type { EngineRegistry } from '../engines/engine-registry.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { recordCreatedTaskEvents } from '../webhooks/task-event-outbox.ts';

export const lockAccountQuery = preparedQuery<
  {
    concurrencyLimit: number;
    activeTasks: number;
    volumeDiscountPercent: number;
    queueRank: number;
    queuePriority: number;
  },
  [string]
>((db, slot) => {
  const query = db
    .selectFrom('accounts')
    .select(['concurrencyLimit', 'activeTasks', 'volumeDiscountPercent', 'queueRank', 'queuePriority'])
    .where('id', '=', slot(0));
  // Serialises creates of one account on PostgreSQL; SQLite transactions are already serial.
  return isPostgres(db) ? query.forUpdate() : query;
});

/** The account's count of active tasks and its fair-queue rank, both changed by a create: one statement. */
export const updateCreatingAccountQuery = preparedQuery<never, [number, number, string]>((db, slot) =>
  db
    .updateTable('accounts')
    .set({ activeTasks: slot(0), queueRank: slot(1) })
    .where('id', '=', slot(2)),
);

export function concurrencyRefusal(limit: number): DomainError {
  return new DomainError(
    'concurrencyLimitExceeded',
    `this account already has ${limit} tasks queued or running, its concurrency limit; nothing was charged`,
    {
      retryAfterSeconds: 5,
    },
  );
}

export interface PendingCreate {
  /** the task row to insert; its costCredits is set here, under the lock */
  row: TasksTable;
  costOf: (volumeDiscountPercent: number) => number;
}

export async function insertQueuedTaskBatch(
  deps: { ledger: Ledger; queue: JobQueue; engines: EngineRegistry },
  trx: Database,
  accountId: string,
  items: readonly PendingCreate[],
): Promise<BatchOutcome<void>[]> {
  const [account] = await lockAccountQuery(trx, accountId);
  const holds = await deps.ledger.planHolds(trx, accountId);
  let activeTasks = Number(account.activeTasks);
  const outcomes: BatchOutcome<void>[] = [];
  const accepted: TasksTable[] = [];
  for (const { row, costOf } of items) {
    row.costCredits = costOf(account.volumeDiscountPercent);
    if (activeTasks >= account.concurrencyLimit) {
      outcomes.push({ ok: false, error: concurrencyRefusal(account.concurrencyLimit) });
      continue;
    }
    const refused = await holds.tryHold(row.id, row.costCredits, (row.wallet ?? DEFAULT_WALLET) as Wallet);
    if (refused) {
      outcomes.push({ ok: false, error: refused });
      continue;
    }
    activeTasks += 1;
    accepted.push(row);
    outcomes.push({ ok: true, value: undefined });
  }
  if (accepted.length === 0) return outcomes;
  await holds.write();
  await trx.insertInto('tasks').values(accepted).execute();
  const jobs = accepted.map((row) => ({
    id: row.id,
    accountId,
    ...deps.engines.jobRouteOf(JSON.parse(row.inputJson), row.isTest === 1),
  }));
  const queueRank = await deps.queue.enqueueBatchForLockedAccount(trx, jobs, account);
  await updateCreatingAccountQuery(trx, activeTasks, queueRank, accountId);
  await recordCreatedTaskEvents(trx, accepted, accountId);
  return outcomes;
}
