// Bulk cancel by the list filters: the account's queued and running tasks that match (optionally only one status,
// one type, a creation-time window), oldest first, at most `limit` per call; each goes through cancelTask, so each
// queued one is released in its own transaction and each running one is asked to stop, exactly as one by one.
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { cancelTask, type CancelResult } from './cancel-task.ts';
import { ACTIVE_TASK_STATUSES, TASK_TYPES } from '@polyforge/protocol';

export const CANCEL_TASKS_DEFAULTS = { limit: 1000, maxLimit: 10_000 } as const;

export interface CancelTasksFilter {
  /** queued or running; absent = both */
  status?: string;
  type?: string;
  createdAfterMs?: number;
  createdBeforeMs?: number;
  limit?: number;
}

export interface CancelTasksSummary {
  matched: number;
  counts: Record<CancelResult, number>;
  taskIds: string[];
  /** more matching tasks remain (call again) */
  hasMore: boolean;
}

export async function cancelTasks(
  deps: Parameters<typeof cancelTask>[0] & { db: Database },
  accountId: string,
  filter: CancelTasksFilter,
): Promise<CancelTasksSummary> {
  const limit = filter.limit ?? CANCEL_TASKS_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > CANCEL_TASKS_DEFAULTS.maxLimit) {
    throw new DomainError(
      'invalidParameter',
      `limit must be an integer between 1 and ${CANCEL_TASKS_DEFAULTS.maxLimit}`,
    );
  }
  if (filter.status !== undefined && !(ACTIVE_TASK_STATUSES as readonly string[]).includes(filter.status)) {
    throw new DomainError(
      'invalidParameter',
      'status must be queued or running (only those can be cancelled); leave it out for both',
    );
  }
  if (filter.type !== undefined && !(TASK_TYPES as readonly string[]).includes(filter.type)) {
    throw new DomainError('invalidParameter', `type must be one of ${TASK_TYPES.join(', ')}`);
  }
  let query = deps.db
    .selectFrom('tasks')
    .select(['id'])
    .where('accountId', '=', accountId)
    .where('status', 'in', filter.status ? [filter.status] : [...ACTIVE_TASK_STATUSES])
    .where('cancelRequestedAt', 'is', null);
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.createdAfterMs !== undefined) query = query.where('createdAt', '>=', filter.createdAfterMs);
  if (filter.createdBeforeMs !== undefined) query = query.where('createdAt', '<', filter.createdBeforeMs);
  const rows = await query
    .orderBy('createdAt')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const counts: Record<CancelResult, number> = { cancelled: 0, cancellation_requested: 0, already_finished: 0 };
  const taskIds: string[] = [];
  for (const { id } of rows.slice(0, limit)) {
    const { result } = await cancelTask(deps, accountId, id);
    counts[result] += 1;
    taskIds.push(id);
  }
  return { matched: taskIds.length, counts, taskIds, hasMore: rows.length > limit };
}
