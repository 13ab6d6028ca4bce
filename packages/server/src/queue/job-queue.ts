// Generic job mechanics: enqueue, claim with a lease, heartbeat, finish, reclaim lost leases.
// Knows nothing of tasks or 3D; callers pass a transaction so a job changes together with its owner's row.
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { isPostgres } from '../db/open-database.ts';
import { preparedQuery } from '../db/prepared-query.ts';

const insertJobQuery = preparedQuery<never, [string, string, string, number, number]>((db, slot) =>
  db.insertInto('jobs').values({
    id: slot(0),
    accountId: slot(1),
    queueName: slot(2),
    status: 'queued',
    attempts: 0,
    maxAttempts: slot(3),
    leaseOwner: null,
    leaseExpiresAt: null,
    availableAt: slot(4),
    createdAt: slot(4),
  }),
);

const jobByIdQuery = preparedQuery<{ status: string; createdAt: number; queueName: string }, [string]>((db, slot) =>
  db.selectFrom('jobs').select(['status', 'createdAt', 'queueName']).where('id', '=', slot(0)),
);

const jobsAheadQuery = preparedQuery<{ count: number }, [string, number, string]>((db, slot) =>
  db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'queued')
    .where('queueName', '=', slot(0))
    .where((eb) => eb.or([eb('createdAt', '<', slot(1)), eb.and([eb('createdAt', '=', slot(1)), eb('id', '<', slot(2))])])),
);

export const JOB_STATUSES = ['queued', 'leased', 'done'] as const;

export interface ClaimedJob {
  id: string;
  accountId: string;
  attempts: number;
  maxAttempts: number;
  leaseExpiresAt: number;
}

export class JobQueue {
  constructor(
    private readonly clock: Clock,
    private readonly leaseSeconds: number,
  ) {}

  async enqueue(db: Database, job: { id: string; accountId: string; queueName?: string; maxAttempts?: number }): Promise<void> {
    const nowMs = this.clock.nowMs();
    await insertJobQuery(db, job.id, job.accountId, job.queueName ?? 'default', job.maxAttempts ?? 2, nowMs);
  }

  /** Leases the oldest available job of the given queues to the worker. Call inside a transaction. */
  async claim(trx: Database, workerId: string, queueNames: readonly string[]): Promise<ClaimedJob | undefined> {
    const nowMs = this.clock.nowMs();
    let query = trx
      .selectFrom('jobs')
      .select(['id'])
      .where('status', '=', 'queued')
      .where('availableAt', '<=', nowMs)
      .where('queueName', 'in', [...queueNames])
      .orderBy('createdAt')
      .orderBy('id')
      .limit(1);
    if (isPostgres(trx)) query = query.forUpdate().skipLocked();
    const candidate = await query.executeTakeFirst();
    if (!candidate) return undefined;
    const leaseExpiresAt = nowMs + this.leaseSeconds * 1000;
    const updated = await trx
      .updateTable('jobs')
      .set((eb) => ({ status: 'leased', leaseOwner: workerId, leaseExpiresAt, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', candidate.id)
      .where('status', '=', 'queued')
      .returning(['id', 'accountId', 'attempts', 'maxAttempts', 'leaseExpiresAt'])
      .executeTakeFirst();
    if (!updated) return undefined;
    return { ...updated, leaseExpiresAt };
  }

  /** Extends the lease; false means the worker lost it (expired and reclaimed) and must stop. */
  async heartbeat(db: Database, jobId: string, workerId: string): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({ leaseExpiresAt: this.clock.nowMs() + this.leaseSeconds * 1000 })
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseOwner', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks a leased job done; false when the worker no longer holds the lease. */
  async finish(trx: Database, jobId: string, workerId: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set({ status: 'done', leaseOwner: null, leaseExpiresAt: null })
      .where('id', '=', jobId)
      .where('status', '=', 'leased')
      .where('leaseOwner', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Removes a job that has not been leased yet (e.g. a cancelled task). */
  async finishQueued(trx: Database, jobId: string): Promise<boolean> {
    const result = await trx.updateTable('jobs').set({ status: 'done' }).where('id', '=', jobId).where('status', '=', 'queued').executeTakeFirst();
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

  /** Puts a job whose lease expired back in the queue; false if something else already handled it. */
  async requeueExpired(trx: Database, jobId: string): Promise<boolean> {
    const result = await trx
      .updateTable('jobs')
      .set({ status: 'queued', leaseOwner: null, leaseExpiresAt: null, availableAt: this.clock.nowMs() })
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

  /** How many queued jobs are ahead of this one (0 = next), or -1 when it is not queued. */
  async positionOf(db: Database, jobId: string): Promise<number> {
    const [job] = await jobByIdQuery(db, jobId);
    if (!job || job.status !== 'queued') return -1;
    const [ahead] = await jobsAheadQuery(db, job.queueName, job.createdAt, jobId);
    return Number(ahead.count);
  }
}
