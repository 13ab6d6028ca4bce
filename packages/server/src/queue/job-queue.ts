// Generic job mechanics: enqueue with a fair dispatch rank, claim with a lease, heartbeat, finish, reclaim lost
// leases. Knows nothing of tasks or 3D; callers pass a transaction so a job changes together with its owner's row.
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { isPostgres } from '../db/open-database.ts';
import { preparedNamedQuery, preparedQuery } from '../db/prepared-query.ts';
import { assignDispatchRanks, nextDispatchRanks, virtualTimeOf, type AccountQueueState } from './fair-dispatch-rank.ts';

interface QueuedJobValues {
  id: string;
  accountId: string;
  queueName: string;
  maxAttempts: number;
  createdAt: number;
  dispatchRank: number;
  taskType: string | null;
  modelVersion: string | null;
}

const insertJobQuery = preparedNamedQuery<never, QueuedJobValues>((db, slot) =>
  db.insertInto('jobs').values({
    id: slot('id'),
    accountId: slot('accountId'),
    queueName: slot('queueName'),
    status: 'queued',
    attempts: 0,
    maxAttempts: slot('maxAttempts'),
    leaseOwner: null,
    leaseExpiresAt: null,
    availableAt: slot('createdAt'),
    createdAt: slot('createdAt'),
    dispatchRank: slot('dispatchRank'),
    taskType: slot('taskType'),
    modelVersion: slot('modelVersion'),
    workerId: null,
  }),
);

/**
 * A job's status and how many queued jobs of its queue are dispatched before it, in one statement. The count is
 * an index range scan on jobs_fair_claim up to the job's own rank (`rank <=` bounds the range; the OR only breaks
 * ties by id), so it reads as many index entries as there are jobs ahead, not the whole queue.
 */
const positionQuery = preparedQuery<{ status: string; ahead: number }, [string]>((db, slot) =>
  db
    .selectFrom('jobs as me')
    .select((eb) => [
      'me.status',
      eb
        .selectFrom('jobs as ahead')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('ahead.queueName', '=', 'me.queueName')
        .where('ahead.status', '=', 'queued')
        .whereRef('ahead.dispatchRank', '<=', 'me.dispatchRank')
        .where((inner) =>
          inner.or([
            inner('ahead.dispatchRank', '<', inner.ref('me.dispatchRank')),
            inner('ahead.id', '<', inner.ref('me.id')),
          ]),
        )
        .as('ahead'),
    ])
    .where('me.id', '=', slot(0)),
);

export const JOB_STATUSES = ['queued', 'leased', 'done'] as const;
export const DEFAULT_QUEUE = 'default';

export interface ClaimedJob {
  id: string;
  accountId: string;
  attempts: number;
  maxAttempts: number;
  leaseExpiresAt: number;
  /** the queue it was claimed from */
  queueName?: string;
}

export interface NewJob {
  id: string;
  accountId: string;
  queueName?: string;
  maxAttempts?: number;
  taskType?: string;
  modelVersion?: string;
}

export interface ClaimOptions {
  /** only jobs of these task types (a worker that serves part of a pool) */
  taskTypes?: readonly string[];
  /** only jobs of these model versions */
  modelVersions?: readonly string[];
  /** the registered external worker taking the lease */
  workerId?: string;
}

export class JobQueue {
  constructor(
    private readonly clock: Clock,
    private readonly leaseSeconds: number,
  ) {}

  get leaseDurationSeconds(): number {
    return this.leaseSeconds;
  }

  async enqueue(db: Database, job: NewJob): Promise<void> {
    const queueName = job.queueName ?? DEFAULT_QUEUE;
    const [rank] = await assignDispatchRanks(db, job.accountId, queueName, 1);
    await this.insertQueuedJob(db, job, queueName, rank);
  }

  private async insertQueuedJob(db: Database, job: NewJob, queueName: string, dispatchRank: number): Promise<void> {
    await insertJobQuery(db, {
      id: job.id,
      accountId: job.accountId,
      queueName,
      maxAttempts: job.maxAttempts ?? 2,
      createdAt: this.clock.nowMs(),
      dispatchRank,
      taskType: job.taskType ?? null,
      modelVersion: job.modelVersion ?? null,
    });
  }

  /**
   * Enqueues one job of an account whose fair-queue state the caller read under its lock of the account row (the
   * task-creating transaction); returns the job's rank, which the caller stores as the account's queueRank in the
   * same transaction (together with its other account update: one statement instead of two).
   */
  async enqueueForLockedAccount(db: Database, job: NewJob, account: AccountQueueState): Promise<number> {
    const queueName = job.queueName ?? DEFAULT_QUEUE;
    const [rank] = nextDispatchRanks(account, await virtualTimeOf(db, queueName), 1);
    await this.insertQueuedJob(db, job, queueName, rank);
    return rank;
  }

  /**
   * Enqueues the jobs of a batch of creates, of one or many accounts whose queue state the caller read under their
   * locks, in order: each account's jobs get the ranks one enqueueForLockedAccount after another would give them;
   * one insert. Returns each account's last rank, which the caller stores as its queueRank. A queue's virtual time
   * is read once per batch: within one account it only moves to ranks at or below the account's own latest rank,
   * so one read gives the ranks one read per job would; across accounts the batch stands for transactions running
   * at the same time, which would each have read it before the others committed.
   */
  async enqueueForLockedAccounts(
    db: Database,
    jobs: readonly NewJob[],
    accounts: ReadonlyMap<string, AccountQueueState>,
  ): Promise<Map<string, number>> {
    const nowMs = this.clock.nowMs();
    const virtualTimes = new Map<string, number>();
    const queueRanks = new Map<string, number>();
    const rows = [];
    for (const job of jobs) {
      const queueName = job.queueName ?? DEFAULT_QUEUE;
      if (!virtualTimes.has(queueName)) virtualTimes.set(queueName, await virtualTimeOf(db, queueName));
      const account = accounts.get(job.accountId);
      const queueRank = queueRanks.get(job.accountId) ?? Number(account?.queueRank ?? 0);
      const [rank] = nextDispatchRanks(
        { queueRank, queuePriority: account?.queuePriority ?? 1 },
        virtualTimes.get(queueName)!,
        1,
      );
      queueRanks.set(job.accountId, rank);
      rows.push({
        id: job.id,
        accountId: job.accountId,
        queueName,
        status: 'queued',
        attempts: 0,
        maxAttempts: job.maxAttempts ?? 2,
        leaseOwner: null,
        leaseExpiresAt: null,
        availableAt: nowMs,
        createdAt: nowMs,
        dispatchRank: rank,
        taskType: job.taskType ?? null,
        modelVersion: job.modelVersion ?? null,
        workerId: null,
      });
    }
    if (rows.length > 0) await db.insertInto('jobs').values(rows).execute();
    return queueRanks;
  }

  /** Enqueues many jobs of one account in one queue (bulk imports, tests, benchmarks). Call inside a transaction. */
  async enqueueMany(
    db: Database,
    accountId: string,
    jobs: readonly Omit<NewJob, 'accountId'>[],
    queueName = DEFAULT_QUEUE,
  ): Promise<void> {
    const ranks = await assignDispatchRanks(db, accountId, queueName, jobs.length);
    const nowMs = this.clock.nowMs();
    const rows = jobs.map((job, index) => ({
      id: job.id,
      accountId,
      queueName,
      status: 'queued',
      attempts: 0,
      maxAttempts: job.maxAttempts ?? 2,
      leaseOwner: null,
      leaseExpiresAt: null,
      availableAt: nowMs,
      createdAt: nowMs,
      dispatchRank: ranks[index],
      taskType: job.taskType ?? null,
      modelVersion: job.modelVersion ?? null,
      workerId: null,
    }));
    for (let start = 0; start < rows.length; start += 500)
      await db
        .insertInto('jobs')
        .values(rows.slice(start, start + 500))
        .execute();
  }

  /**
   * Leases the queued job with the lowest dispatch rank among the given queues to `leaseOwner`. Call inside a
   * transaction. Each queue is one index probe (queue_name, status, dispatch_rank); with several queues the one
   * whose head ranks lowest is tried first.
   */
  async claim(
    trx: Database,
    leaseOwner: string,
    queueNames: readonly string[],
    options: ClaimOptions = {},
  ): Promise<ClaimedJob | undefined> {
    const nowMs = this.clock.nowMs();
    const ordered = queueNames.length > 1 ? await this.queuesByHeadRank(trx, queueNames, options) : queueNames;
    for (const queueName of ordered) {
      let query = trx
        .selectFrom('jobs')
        .select(['id'])
        .where('queueName', '=', queueName)
        .where('status', '=', 'queued')
        // SQLite would otherwise pick the (status, available_at) index and sort every queued row; the unary plus
        // keeps available_at a plain filter there, so the claim walks jobs_fair_claim in rank order.
        .where(isPostgres(trx) ? sql.ref('availableAt') : sql`+${sql.ref('availableAt')}`, '<=', nowMs)
        .orderBy('dispatchRank')
        .orderBy('id')
        .limit(1);
      if (options.taskTypes && options.taskTypes.length > 0)
        query = query.where('taskType', 'in', [...options.taskTypes]);
      if (options.modelVersions && options.modelVersions.length > 0)
        query = query.where('modelVersion', 'in', [...options.modelVersions]);
      if (isPostgres(trx)) query = query.forUpdate().skipLocked();
      const candidate = await query.executeTakeFirst();
      if (!candidate) continue;
      const leaseExpiresAt = nowMs + this.leaseSeconds * 1000;
      const updated = await trx
        .updateTable('jobs')
        .set((eb) => ({
          status: 'leased',
          leaseOwner,
          leaseExpiresAt,
          workerId: options.workerId ?? null,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', candidate.id)
        .where('status', '=', 'queued')
        .returning(['id', 'accountId', 'attempts', 'maxAttempts', 'leaseExpiresAt'])
        .executeTakeFirst();
      if (updated) return { ...updated, leaseExpiresAt, queueName };
    }
    return undefined;
  }

  private async queuesByHeadRank(
    db: Database,
    queueNames: readonly string[],
    options: ClaimOptions,
  ): Promise<string[]> {
    const heads: { queueName: string; rank: number }[] = [];
    for (const queueName of queueNames) {
      let query = db
        .selectFrom('jobs')
        .select('dispatchRank')
        .where('queueName', '=', queueName)
        .where('status', '=', 'queued')
        .orderBy('dispatchRank')
        .limit(1);
      if (options.taskTypes && options.taskTypes.length > 0)
        query = query.where('taskType', 'in', [...options.taskTypes]);
      if (options.modelVersions && options.modelVersions.length > 0)
        query = query.where('modelVersion', 'in', [...options.modelVersions]);
      const head = await query.executeTakeFirst();
      if (head) heads.push({ queueName, rank: Number(head.dispatchRank) });
    }
    return heads.sort((left, right) => left.rank - right.rank).map((head) => head.queueName);
  }

  /** Extends the lease; false means the holder lost it (expired and reclaimed) and must stop. */
  async heartbeat(db: Database, jobId: string, leaseOwner: string): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({ leaseExpiresAt: this.clock.nowMs() + this.leaseSeconds * 1000 })
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseOwner', '=', leaseOwner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks a leased job done; false when the holder no longer holds the lease. */
  async finish(trx: Database, jobId: string, leaseOwner: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set({ status: 'done', leaseOwner: null, leaseExpiresAt: null })
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseOwner', '=', leaseOwner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives a leased job back to the queue at once (its holder failed it as retryable); keeps its rank. */
  async release(trx: Database, jobId: string, leaseOwner: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set({
        status: 'queued',
        leaseOwner: null,
        leaseExpiresAt: null,
        workerId: null,
        availableAt: this.clock.nowMs(),
      })
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseOwner', '=', leaseOwner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Undoes a claim whose holder never started (the worker hung up during its long poll): no attempt is counted. */
  async unclaim(trx: Database, jobId: string, leaseOwner: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        leaseOwner: null,
        leaseExpiresAt: null,
        workerId: null,
        attempts: eb('attempts', '-', 1),
      }))
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseOwner', '=', leaseOwner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Removes a job that has not been leased yet (e.g. a cancelled task). */
  async finishQueued(trx: Database, jobId: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set({ status: 'done' })
      .where('id', '=', jobId)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async expiredLeases(db: Database): Promise<ClaimedJob[]> {
    const rows = await db
      .selectFrom('jobs')
      .select(['id', 'accountId', 'attempts', 'maxAttempts', 'leaseExpiresAt'])
      .where('status', '=', 'leased')
      .where('leaseExpiresAt', '<', this.clock.nowMs())
      .execute();
    return rows.map((row) => ({ ...row, leaseExpiresAt: row.leaseExpiresAt ?? 0 }));
  }

  /** Puts a job whose lease expired back in the queue, keeping its rank; false if something else already handled it. */
  async requeueExpired(trx: Database, jobId: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set({
        status: 'queued',
        leaseOwner: null,
        leaseExpiresAt: null,
        workerId: null,
        availableAt: this.clock.nowMs(),
      })
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseExpiresAt', '<', this.clock.nowMs())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends a job whose lease expired and that has no attempts left; false if something else already handled it. */
  async abandonExpired(trx: Database, jobId: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set({ status: 'done', leaseOwner: null, leaseExpiresAt: null })
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseExpiresAt', '<', this.clock.nowMs())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** How many queued jobs will be dispatched before this one (0 = next), or -1 when it is not queued. */
  async positionOf(db: Database, jobId: string): Promise<number> {
    const [job] = await positionQuery(db, jobId);
    if (!job || job.status !== 'queued') return -1;
    return Number(job.ahead);
  }
}
