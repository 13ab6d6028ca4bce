// The create transaction for a batch of concurrent creates, of one account or many (PostgreSQL,
// db/keyed-batch-commit.ts): the accounts' rows are locked once, in id order, each create is judged in arrival order
// exactly as its own transaction would judge it (its account's concurrency limit, then the hold,
// ledger.planHolds), and the accepted ones are written with multi-row statements: about a dozen statements and one
// commit for the batch instead of about twelve statements and a commit per create. A create that cannot be judged
// (its account is gone, its route fails) is refused alone. The single-create path (task-service.ts) shares the
// account queries and the refusal below.
import type { Ledger } from '../billing/ledger.ts';
import { DEFAULT_WALLET, type Wallet } from '../billing/wallets.ts';
import type { Database, TasksTable } from '../db/database-schema.ts';
import type { BatchOutcome, KeyedItem } from '../db/keyed-batch-commit.ts';
import { isPostgres } from '../db/open-database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { valueById } from '../db/value-by-id.ts';
import { DomainError } from '../domain-error.ts';
import type { EngineRegistry } from '../engines/engine-registry.ts';
import type { JobQueue, NewJob } from '../queue/job-queue.ts';
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
  // Serialises creates of one account on PostgreSQL (SQLite transactions are already serial). NO KEY UPDATE excludes
  // the other creates and every UPDATE of the row, but not the key-share locks that inserts of rows referencing the
  // account take (grants, files, keys), so those neither wait for creates nor take part in a lock order with them.
  return isPostgres(db) ? query.forNoKeyUpdate() : query;
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

type LockedAccount = Awaited<ReturnType<typeof lockAccountQuery>>[number];

/**
 * Locks the accounts' rows in id order, the order every multi-account lock takes, so two batches (in this process
 * or another) that share accounts wait for each other instead of deadlocking; every other writer of an account row
 * locks that one row only. FOR NO KEY UPDATE, as in lockAccountQuery.
 */
async function lockAccounts(trx: Database, accountIds: readonly string[]): Promise<Map<string, LockedAccount>> {
  const query = trx
    .selectFrom('accounts')
    .select(['id', 'concurrencyLimit', 'activeTasks', 'volumeDiscountPercent', 'queueRank', 'queuePriority'])
    .where('id', 'in', accountIds)
    .orderBy('id');
  const rows = await (isPostgres(trx) ? query.forNoKeyUpdate() : query).execute();
  return new Map(rows.map(({ id, ...account }) => [id, account]));
}

export async function insertQueuedTaskBatch(
  deps: { ledger: Ledger; queue: JobQueue; engines: EngineRegistry },
  trx: Database,
  creates: readonly KeyedItem<PendingCreate>[],
): Promise<BatchOutcome<void>[]> {
  const accountIds = [...new Set(creates.map((create) => create.key))];
  const accounts = await lockAccounts(trx, accountIds);
  const holds = await deps.ledger.planHolds(trx, [...accounts.keys()]);
  const activeTasks = new Map([...accounts].map(([id, account]) => [id, Number(account.activeTasks)]));
  const outcomes: BatchOutcome<void>[] = [];
  const accepted: TasksTable[] = [];
  const jobs: NewJob[] = [];
  for (const { key: accountId, item } of creates) {
    try {
      const account = accounts.get(accountId);
      if (!account) throw new DomainError('authenticationFailed', 'the account of this API key no longer exists');
      const { row, costOf } = item;
      row.costCredits = costOf(account.volumeDiscountPercent);
      const active = activeTasks.get(accountId)!;
      if (active >= account.concurrencyLimit) throw concurrencyRefusal(account.concurrencyLimit);
      // the job's route before the hold: a create whose route fails leaves nothing planned
      const job = { id: row.id, accountId, ...deps.engines.jobRouteOf(JSON.parse(row.inputJson), row.isTest === 1) };
      const refused = holds.tryHold(accountId, row.id, row.costCredits, (row.wallet ?? DEFAULT_WALLET) as Wallet);
      if (refused) throw refused;
      activeTasks.set(accountId, active + 1);
      accepted.push(row);
      jobs.push(job);
      outcomes.push({ ok: true, value: undefined });
    } catch (error) {
      // judged as its own transaction would be: refused, the others go on
      outcomes.push({ ok: false, error });
    }
  }
  if (accepted.length === 0) return outcomes;
  await holds.write();
  await trx.insertInto('tasks').values(accepted).execute();
  const queueRanks = await deps.queue.enqueueForLockedAccounts(trx, jobs, accounts);
  await updateCreatingAccounts(trx, activeTasks, queueRanks);
  await recordCreatedTaskEvents(trx, accepted);
  return outcomes;
}

/** Each account's new count of active tasks and fair-queue rank: one statement for all accounts of the batch. */
async function updateCreatingAccounts(
  trx: Database,
  activeTasks: ReadonlyMap<string, number>,
  queueRanks: ReadonlyMap<string, number>,
): Promise<void> {
  const changed = new Map([...activeTasks].filter(([id]) => queueRanks.has(id)));
  await trx
    .updateTable('accounts')
    .set({ activeTasks: valueById(changed, 'integer'), queueRank: valueById(queueRanks, 'bigint') })
    .where('id', 'in', [...queueRanks.keys()])
    .execute();
}
