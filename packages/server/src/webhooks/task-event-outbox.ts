// Writes a webhook delivery for every active endpoint of the task's account, inside the transaction that
// changes the task's status: the event commits with the change or not at all, so none is ever lost.
import type { Database } from '../db/database-schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { newId } from '../ids.ts';

export const TASK_EVENT_TYPES = {
  queued: 'task.queued',
  running: 'task.running',
  success: 'task.completed',
  failed: 'task.failed',
  cancelled: 'task.cancelled',
  banned: 'task.failed',
  expired: 'task.expired',
} as const;

const activeEndpointsQuery = preparedQuery<{ id: string }, [string]>((db, slot) =>
  db.selectFrom('webhookEndpoints').select(['id']).where('accountId', '=', slot(0)).where('disabledAt', 'is', null),
);

const taskSnapshotQuery = preparedQuery<
  {
    id: string;
    accountId: string;
    type: string;
    status: string;
    progress: number;
    consumedCredits: number;
    errorCode: number | null;
    errorMessage: string | null;
    createdAt: number;
    finishedAt: number | null;
  },
  [string]
>((db, slot) =>
  db
    .selectFrom('tasks')
    .select([
      'id',
      'accountId',
      'type',
      'status',
      'progress',
      'consumedCredits',
      'errorCode',
      'errorMessage',
      'createdAt',
      'finishedAt',
    ])
    .where('id', '=', slot(0)),
);

/** `accountId`, when the caller knows it (a create), lets an account without endpoints skip reading the task. */
export async function recordTaskEvent(trx: Database, taskId: string, nowMs: number, accountId?: string): Promise<void> {
  if (accountId !== undefined && (await activeEndpointsQuery(trx, accountId)).length === 0) return;
  const [task] = await taskSnapshotQuery(trx, taskId);
  if (!task) return;
  const endpoints = await activeEndpointsQuery(trx, task.accountId);
  if (endpoints.length === 0) return;
  const eventId = newId();
  const eventType = TASK_EVENT_TYPES[task.status as keyof typeof TASK_EVENT_TYPES] ?? `task.${task.status}`;
  const payload = JSON.stringify({
    id: eventId,
    type: eventType,
    created_at: new Date(nowMs).toISOString(),
    // One body for every receiver: the V2 names (consumed_credit, create_time, error_msg) beside the V3 ones
    // (credits_consumed, created_at, completed_at, error_message), so clients of either generation find theirs.
    data: {
      task_id: task.id,
      type: task.type,
      status: task.status,
      progress: task.status === 'success' ? 100 : task.progress,
      consumed_credit: task.consumedCredits,
      credits_consumed: task.consumedCredits,
      create_time: Math.floor(task.createdAt / 1000),
      created_at: new Date(task.createdAt).toISOString(),
      completed_at: task.finishedAt === null ? null : new Date(task.finishedAt).toISOString(),
      ...(task.errorCode !== null
        ? { error_code: task.errorCode, error_msg: task.errorMessage ?? '', error_message: task.errorMessage ?? '' }
        : {}),
    },
  });
  for (const endpoint of endpoints) {
    await trx
      .insertInto('webhookDeliveries')
      .values({
        id: newId(),
        endpointId: endpoint.id,
        accountId: task.accountId,
        eventId,
        eventType,
        payloadJson: payload,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: nowMs,
        lastStatusCode: null,
        lastError: null,
        createdAt: nowMs,
        deliveredAt: null,
      })
      .execute();
  }
}

/** The events of a batch of created tasks (of one or many accounts): one look-up of their accounts' endpoints, and usually nothing more. */
export async function recordCreatedTaskEvents(
  trx: Database,
  tasks: readonly { id: string; accountId: string; createdAt: number }[],
): Promise<void> {
  if (tasks.length === 0) return;
  const accountIds = [...new Set(tasks.map((task) => task.accountId))];
  const withEndpoints = await trx
    .selectFrom('webhookEndpoints')
    .select('accountId')
    .distinct()
    .where('accountId', 'in', accountIds)
    .where('disabledAt', 'is', null)
    .execute();
  if (withEndpoints.length === 0) return;
  const listening = new Set(withEndpoints.map((row) => row.accountId));
  for (const task of tasks) if (listening.has(task.accountId)) await recordTaskEvent(trx, task.id, task.createdAt);
}
