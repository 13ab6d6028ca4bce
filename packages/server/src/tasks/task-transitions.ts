// Status changes of a task row that end it, kept together with the account's count of active tasks (so the
// concurrency check on create is one row read instead of a count) and with the webhook event of the change.
import type { TaskStatus } from '@polyforge/protocol';
import type { Database, TasksTable } from '../db/database-schema.ts';
import { recordTaskEvent } from '../webhooks/task-event-outbox.ts';

export type FinalTaskFields = Partial<
  Pick<TasksTable, 'progress' | 'outputJson' | 'resultJson' | 'errorCode' | 'errorMessage' | 'finishedAt'>
>;

/** Moves the task from `fromStatus` to a final status; false if it was not in `fromStatus` (someone else moved it). */
export async function finishTask(
  trx: Database,
  taskId: string,
  fromStatus: TaskStatus,
  toStatus: TaskStatus,
  fields: FinalTaskFields,
): Promise<boolean> {
  const updated = await trx
    .updateTable('tasks')
    .set({ ...fields, status: toStatus })
    .where('id', '=', taskId)
    .where('status', '=', fromStatus)
    .returning(['accountId'])
    .executeTakeFirst();
  if (!updated) return false;
  await trx
    .updateTable('accounts')
    .set((eb) => ({ activeTasks: eb('activeTasks', '-', 1) }))
    .where('id', '=', updated.accountId)
    .execute();
  await recordTaskEvent(trx, taskId, fields.finishedAt ?? Date.now());
  return true;
}
