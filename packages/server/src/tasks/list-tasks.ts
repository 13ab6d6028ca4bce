// Lists an account's tasks, newest first, with filters and an opaque cursor (created time + id of the last row).
import { TASK_STATUSES, TASK_TYPES } from '@polyforge/protocol';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { taskFromRow, type TaskRecord } from './task-record.ts';

export interface ListTasksFilter {
  status?: string;
  type?: string;
  createdAfterMs?: number;
  createdBeforeMs?: number;
  limit?: number;
  cursor?: string;
}

export const LIST_TASKS_DEFAULTS = { limit: 20, maxLimit: 100 } as const;

export async function listTasks(
  db: Database,
  accountId: string,
  filter: ListTasksFilter,
): Promise<{ tasks: TaskRecord[]; nextCursor: string | null }> {
  const limit = filter.limit ?? LIST_TASKS_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_TASKS_DEFAULTS.maxLimit) {
    throw new DomainError('invalidParameter', `limit must be an integer between 1 and ${LIST_TASKS_DEFAULTS.maxLimit}`);
  }
  if (filter.status !== undefined && !(TASK_STATUSES as readonly string[]).includes(filter.status)) {
    throw new DomainError('invalidParameter', `status must be one of ${TASK_STATUSES.join(', ')}`);
  }
  if (filter.type !== undefined && !(TASK_TYPES as readonly string[]).includes(filter.type)) {
    throw new DomainError('invalidParameter', `type must be one of ${TASK_TYPES.join(', ')}`);
  }
  let query = db.selectFrom('tasks').selectAll().where('accountId', '=', accountId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.createdAfterMs !== undefined) query = query.where('createdAt', '>=', filter.createdAfterMs);
  if (filter.createdBeforeMs !== undefined) query = query.where('createdAt', '<', filter.createdBeforeMs);
  if (filter.cursor) {
    const [createdAt, id] = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([eb('createdAt', '<', createdAt), eb.and([eb('createdAt', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(taskFromRow);
  const last = page[page.length - 1];
  return { tasks: page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && typeof decoded[0] === 'number' && typeof decoded[1] === 'string')
      return [decoded[0], decoded[1]];
  } catch {
    // fall through to the error below
  }
  throw new DomainError('invalidParameter', 'cursor is not one this API returned');
}
