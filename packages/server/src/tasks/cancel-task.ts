// Cancellation: a queued task is removed and released at once; a running task is asked to stop (its runner
// checks the request and releases the hold when the engine returns); a finished task stays as it is.
import type { CancelResult } from '@polyforge/protocol';
import type { Ledger } from '../billing/ledger.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { taskFromRow, UUID_PATTERN, type TaskRecord } from './task-record.ts';
import { finishTask } from './task-transitions.ts';

export type { CancelResult };

export async function cancelTask(
  deps: { db: Database; ledger: Ledger; queue: JobQueue; clock: Clock },
  accountId: string,
  taskId: string,
): Promise<{ result: CancelResult; task: TaskRecord }> {
  const { db, ledger, queue, clock } = deps;
  const outcome = await db.transaction().execute(async (trx) => {
    const row = UUID_PATTERN.test(taskId)
      ? await trx
          .selectFrom('tasks')
          .selectAll()
          .where('id', '=', taskId.toLowerCase())
          .where('accountId', '=', accountId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw new DomainError('taskNotFound', `task ${taskId} not found`);
    if (row.status === 'queued' && (await queue.finishQueued(trx, row.id))) {
      await finishTask(trx, row.id, 'queued', 'cancelled', {
        finishedAt: clock.nowMs(),
        errorMessage: 'cancelled by the client; nothing was charged',
      });
      await ledger.release(trx, row.id, 'cancelled');
      return 'cancelled' as const;
    }
    if (row.status === 'running') {
      await trx
        .updateTable('tasks')
        .set({ cancelRequestedAt: clock.nowMs() })
        .where('id', '=', row.id)
        .where('cancelRequestedAt', 'is', null)
        .execute();
      return 'cancellation_requested' as const;
    }
    return 'already_finished' as const;
  });
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', taskId.toLowerCase()).executeTakeFirstOrThrow();
  return { result: outcome, task: taskFromRow(row) };
}
