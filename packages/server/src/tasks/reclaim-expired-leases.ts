// Gives back what no worker will finish: queued tasks past their start deadline end expired, and tasks whose
// worker stopped heartbeating go back to the queue (or fail after their last attempt, or end cancelled).
import { ERROR_CATALOG } from '@polyforge/protocol';
import { finishTask } from './task-transitions.ts';
import { recordTaskEvent } from '../webhooks/task-event-outbox.ts';
import { NO_TELEMETRY } from '../observability/telemetry.ts';
import type { TaskRunnerDependencies } from './task-runner-dependencies.ts';

/** Ends, unbilled, queued tasks whose start deadline passed before any worker took them. */
export async function expirePastDeadlines(deps: TaskRunnerDependencies): Promise<number> {
  const { db, queue, ledger, clock } = deps;
  const overdue = await db
    .selectFrom('tasks')
    .select(['id'])
    .where('status', '=', 'queued')
    .where('startDeadlineAt', 'is not', null)
    .where('startDeadlineAt', '<', clock.nowMs())
    .limit(100)
    .execute();
  for (const { id } of overdue) {
    await db.transaction().execute(async (trx) => {
      if (!(await queue.finishQueued(trx, id))) return;
      const expired = await finishTask(trx, id, 'queued', 'expired', {
        errorCode: ERROR_CATALOG.startDeadlinePassed.code,
        errorMessage: 'the start deadline passed before the task started; nothing was charged',
        finishedAt: clock.nowMs(),
      });
      if (expired) await ledger.release(trx, id, 'start deadline passed');
    });
  }
  return overdue.length;
}

export async function reclaimExpiredLeases(deps: TaskRunnerDependencies): Promise<number> {
  const { db, queue, ledger, clock } = deps;
  await expirePastDeadlines(deps);
  // Leases run out during a database outage although their holders live: none could heartbeat. Holders heartbeat
  // every third of a lease, so one lease after the last failure seen, every live holder has renewed its lease.
  if (deps.availability?.unavailableWithin(deps.leaseSeconds * 1000)) return 0;
  const expired = await queue.expiredLeases(db);
  for (const job of expired) {
    await db.transaction().execute(async (trx) => {
      const [pending] = await trx.selectFrom('tasks').select(['cancelRequestedAt']).where('id', '=', job.id).execute();
      if (pending?.cancelRequestedAt != null) {
        // The client cancelled while the lost worker ran it: end it cancelled rather than run it again.
        if (!(await queue.abandonExpired(trx, job.id))) return;
        const cancelled = await finishTask(trx, job.id, 'running', 'cancelled', {
          errorMessage: 'cancelled by the client while running; nothing was charged',
          finishedAt: clock.nowMs(),
        });
        if (cancelled) await ledger.release(trx, job.id, 'cancelled');
        return;
      }
      if (job.attempts < job.maxAttempts) {
        if (await queue.requeueExpired(trx, job.id)) {
          await trx
            .updateTable('tasks')
            .set({ status: 'queued', progress: 0, startedAt: null })
            .where('id', '=', job.id)
            .where('status', '=', 'running')
            .execute();
          await recordTaskEvent(trx, job.id, clock.nowMs());
          (deps.telemetry ?? NO_TELEMETRY).leaseExpired(false);
          deps.log('task requeued after its worker stopped responding', {
            taskId: job.id,
            attempts: job.attempts,
          });
        }
      } else if (await queue.abandonExpired(trx, job.id)) {
        const failed = await finishTask(trx, job.id, 'running', 'failed', {
          errorCode: ERROR_CATALOG.engineFailed.code,
          errorMessage: `the worker running this task stopped responding ${job.attempts} times; the task was not charged`,
          finishedAt: clock.nowMs(),
        });
        if (failed) {
          await ledger.release(trx, job.id, 'worker lost');
          (deps.telemetry ?? NO_TELEMETRY).leaseExpired(false);
        }
      }
    });
  }
  return expired.length;
}
