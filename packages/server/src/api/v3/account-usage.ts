// /v3/account/usage: the account's tasks with what each one cost, newest first, paged by limit and offset.
import type { UsageEntryV3 } from '@polyforge/protocol';
import type { Database } from '../../db/database-schema.ts';
import { DomainError } from '../../domain-error.ts';
import { taskFromRow } from '../../tasks/task-record.ts';
import { creditsOf, isoTime, v3StatusOf } from './task-view-v3.ts';

export const ACCOUNT_USAGE_DEFAULTS = { limit: 50, maxLimit: 200 } as const;

export type UsageEntry = UsageEntryV3;

export async function accountUsage(
  db: Database,
  accountId: string,
  query: { limit?: string; offset?: string },
): Promise<UsageEntry[]> {
  const limit = integerParameter(
    query.limit,
    'limit',
    ACCOUNT_USAGE_DEFAULTS.limit,
    1,
    ACCOUNT_USAGE_DEFAULTS.maxLimit,
  );
  const offset = integerParameter(query.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const rows = await db
    .selectFrom('tasks')
    .selectAll()
    .where('accountId', '=', accountId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => {
    const task = taskFromRow(row);
    return {
      task_id: task.id,
      type: task.type,
      status: v3StatusOf(task).status,
      credits_consumed: creditsOf(task.consumedCredits),
      created_at: isoTime(task.createdAt),
    };
  });
}

function integerParameter(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer between ${min} and ${max}`;
    throw new DomainError('invalidParameter', `${name} must be ${range} (got ${JSON.stringify(value).slice(0, 30)})`);
  }
  return parsed;
}
