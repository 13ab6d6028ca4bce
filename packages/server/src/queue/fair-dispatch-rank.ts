// Start-time fair queuing across accounts (Goyal, Vin & Cheng, "Start-time Fair Queueing", SIGCOMM 1996),
// reduced to what a job table needs: every job gets a rank when it is enqueued, claims take the lowest rank.
//
//   rank = max(the account's previous rank, the queue's virtual time) + RANK_STEP / the account's priority
//
// The queue's virtual time is the rank of its head (the lowest queued rank), or, when nothing is queued, the
// highest rank leased or done, so an idle queue does not remember who used it before. An account that enqueues
// 10,000 jobs at once gets ranks spread over 10,000 steps; another account's job enqueued later lands next to
// the head, so it is dispatched within a claim or two. A priority of N gives an account N dispatches for each one
// of a priority-1 account while both have work queued. Claiming stays one index probe (queue, status, rank),
// which is why this and not a per-claim scan over accounts; no extra state is kept outside the jobs and accounts
// rows, and the account row is already locked by the create transaction on PostgreSQL.
import { sql } from 'kysely';
import type { Database } from '../db/database-schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../domain-error.ts';

/** Rank distance between two consecutive jobs of a priority-1 account. */
export const RANK_STEP = 1_000_000;
export const MAX_QUEUE_PRIORITY = 100;

// `limit 1` written into the SQL: SQLite runs these index probes about three times faster than with `limit ?`
// (measured on the create path, where the head query runs once per task)
const headRankQuery = preparedQuery<{ dispatchRank: number }, [string]>((db, slot) =>
  db
    .selectFrom('jobs')
    .select('dispatchRank')
    .where('queueName', '=', slot(0))
    .where('status', '=', 'queued')
    .orderBy('dispatchRank')
    .limit(sql.lit(1)),
);

const highestRankQuery = preparedQuery<{ dispatchRank: number }, [string, string]>((db, slot) =>
  db
    .selectFrom('jobs')
    .select('dispatchRank')
    .where('queueName', '=', slot(0))
    .where('status', '=', slot(1))
    .orderBy('dispatchRank', 'desc')
    .limit(sql.lit(1)),
);

const accountRankQuery = preparedQuery<{ queueRank: number; queuePriority: number }, [string]>((db, slot) =>
  db.selectFrom('accounts').select(['queueRank', 'queuePriority']).where('id', '=', slot(0)),
);

const setAccountRankQuery = preparedQuery<never, [number, string]>((db, slot) =>
  db
    .updateTable('accounts')
    .set({ queueRank: slot(0) })
    .where('id', '=', slot(1)),
);

/** The queue's virtual time: its head's rank, else the highest rank dispatched, else 0. */
export async function virtualTimeOf(db: Database, queueName: string): Promise<number> {
  const [head] = await headRankQuery(db, queueName);
  if (head) return Number(head.dispatchRank);
  const [leased] = await highestRankQuery(db, queueName, 'leased');
  if (leased) return Number(leased.dispatchRank);
  const [done] = await highestRankQuery(db, queueName, 'done');
  return done ? Number(done.dispatchRank) : 0;
}

/**
 * Ranks for `count` new jobs of one account in one queue, and records the last one on the account.
 * Call inside the enqueueing transaction (on PostgreSQL the create transaction holds the account row).
 */
export async function assignDispatchRanks(
  db: Database,
  accountId: string,
  queueName: string,
  count: number,
): Promise<number[]> {
  const virtualTime = await virtualTimeOf(db, queueName);
  const [account] = await accountRankQuery(db, accountId);
  const ranks = nextDispatchRanks(account, virtualTime, count);
  if (account)
    await setAccountRankQuery(
      db,
      ranks[ranks.length - 1] ?? Math.max(Number(account.queueRank ?? 0), virtualTime),
      accountId,
    );
  return ranks;
}

/** An account's fair-queue state, as stored on its row. */
export interface AccountQueueState {
  queueRank: number;
  queuePriority: number;
}

/** The ranks of `count` new jobs of an account at the queue's virtual time; the last one is the account's new queueRank. */
export function nextDispatchRanks(
  account: AccountQueueState | undefined,
  virtualTime: number,
  count: number,
): number[] {
  const priority = Math.min(MAX_QUEUE_PRIORITY, Math.max(1, Number(account?.queuePriority ?? 1)));
  const step = Math.max(1, Math.round(RANK_STEP / priority));
  let rank = Math.max(Number(account?.queueRank ?? 0), virtualTime);
  const ranks: number[] = [];
  for (let index = 0; index < count; index += 1) {
    rank += step;
    ranks.push(rank);
  }
  return ranks;
}

/** Sets an account's queue priority (1 = normal, up to MAX_QUEUE_PRIORITY); returns the value stored. */
export async function setQueuePriority(db: Database, accountId: string, priority: number): Promise<number> {
  if (!Number.isInteger(priority) || priority < 1 || priority > MAX_QUEUE_PRIORITY) {
    throw new DomainError('invalidParameter', `the queue priority must be an integer from 1 to ${MAX_QUEUE_PRIORITY}`);
  }
  const updated = await db
    .updateTable('accounts')
    .set({ queuePriority: priority })
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('invalidParameter', `account ${accountId} not found`);
  return priority;
}
