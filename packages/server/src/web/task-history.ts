// The account's task history for the dashboard: filtered pages with a total, the CSV export, and credits used
// per day and task type (days in UTC, by the day a task finished: credits are captured when it succeeds).
import { sql } from 'kysely';
import { TASK_STATUSES, TASK_TYPES } from '@polyforge/protocol';
import { isWallet, type Wallet } from '../billing/wallets.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';

export interface HistoryFilter {
  type?: string;
  status?: string;
  wallet?: Wallet;
  /** inclusive, epoch ms */
  fromMs?: number;
  /** exclusive, epoch ms */
  toMs?: number;
}

export interface HistoryRow {
  id: string;
  type: string;
  status: string;
  wallet: string;
  costCredits: number;
  consumedCredits: number;
  createdAt: number;
  finishedAt: number | null;
  isTest: boolean;
  errorCode: number | null;
}

export interface UsageBucket {
  /** UTC day, YYYY-MM-DD */
  day: string;
  type: string;
  credits: number;
}

const DAY_MS = 24 * 3600 * 1000;
export const HISTORY_PAGE_SIZE = 25;
export const CSV_MAX_ROWS = 50_000;

/** Reads filter values from a query string; bad values are a clear 1004, not an empty page. */
export function parseHistoryFilter(query: Record<string, string | undefined>): HistoryFilter {
  const filter: HistoryFilter = {};
  if (query.type) {
    if (!(TASK_TYPES as readonly string[]).includes(query.type)) throw new DomainError('invalidParameter', `type must be one of ${TASK_TYPES.join(', ')}`);
    filter.type = query.type;
  }
  if (query.status) {
    if (!(TASK_STATUSES as readonly string[]).includes(query.status)) throw new DomainError('invalidParameter', `status must be one of ${TASK_STATUSES.join(', ')}`);
    filter.status = query.status;
  }
  if (query.wallet) {
    if (!isWallet(query.wallet)) throw new DomainError('invalidParameter', 'wallet must be api or studio');
    filter.wallet = query.wallet;
  }
  if (query.from) filter.fromMs = dayStartOf(query.from, 'from');
  if (query.to) filter.toMs = dayStartOf(query.to, 'to') + DAY_MS;
  return filter;
}

function dayStartOf(value: string, name: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!Number.isFinite(ms)) throw new DomainError('invalidParameter', `${name} must be a date like 2026-11-01`);
  return ms;
}

function filtered(db: Database, accountId: string, filter: HistoryFilter) {
  let query = db.selectFrom('tasks').where('accountId', '=', accountId);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.wallet) query = query.where('wallet', '=', filter.wallet);
  if (filter.fromMs !== undefined) query = query.where('createdAt', '>=', filter.fromMs);
  if (filter.toMs !== undefined) query = query.where('createdAt', '<', filter.toMs);
  return query;
}

const ROW_COLUMNS = ['id', 'type', 'status', 'wallet', 'costCredits', 'consumedCredits', 'createdAt', 'finishedAt', 'isTest', 'errorCode'] as const;

function historyRowOf(row: Record<(typeof ROW_COLUMNS)[number], unknown>): HistoryRow {
  return {
    id: row.id as string,
    type: row.type as string,
    status: row.status as string,
    wallet: (row.wallet as string | undefined) ?? 'api',
    costCredits: Number(row.costCredits),
    consumedCredits: Number(row.consumedCredits),
    createdAt: Number(row.createdAt),
    finishedAt: row.finishedAt === null ? null : Number(row.finishedAt),
    isTest: Boolean(row.isTest),
    errorCode: (row.errorCode as number | null) ?? null,
  };
}

export async function historyPage(db: Database, accountId: string, filter: HistoryFilter, page: number, pageSize = HISTORY_PAGE_SIZE): Promise<{ rows: HistoryRow[]; total: number }> {
  const rows = await filtered(db, accountId, filter)
    .select([...ROW_COLUMNS])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await filtered(db, accountId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return { rows: rows.map(historyRowOf), total: Number(count.count) };
}

/** Every matching task, newest first, at most CSV_MAX_ROWS, read in pages. */
export async function* historyRowsForExport(db: Database, accountId: string, filter: HistoryFilter): AsyncGenerator<HistoryRow> {
  const batch = 1000;
  for (let offset = 0; offset < CSV_MAX_ROWS; offset += batch) {
    const rows = await filtered(db, accountId, filter).select([...ROW_COLUMNS]).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(batch).offset(offset).execute();
    for (const row of rows) yield historyRowOf(row);
    if (rows.length < batch) return;
  }
}

/** Credits charged per UTC day and task type, for tasks that finished in [fromMs, toMs). */
export async function creditUsageByDay(db: Database, accountId: string, options: { fromMs: number; toMs: number; wallet?: Wallet }): Promise<UsageBucket[]> {
  const dayIndex = sql<number>`finished_at / ${sql.lit(DAY_MS)}`; // a literal, so PostgreSQL sees one expression in SELECT and GROUP BY
  let query = db
    .selectFrom('tasks')
    .select([dayIndex.as('dayIndex'), 'type', (eb) => eb.fn.sum<number>('consumedCredits').as('credits')])
    .where('accountId', '=', accountId)
    .where('consumedCredits', '>', 0)
    .where('finishedAt', '>=', options.fromMs)
    .where('finishedAt', '<', options.toMs);
  if (options.wallet) query = query.where('wallet', '=', options.wallet);
  const rows = await query.groupBy([dayIndex, 'type']).execute();
  return rows
    .map((row) => ({ day: new Date(Math.floor(Number(row.dayIndex)) * DAY_MS).toISOString().slice(0, 10), type: row.type, credits: Number(row.credits) }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.type.localeCompare(b.type));
}

export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return values
    .map((value) => {
      const text = value === null ? '' : String(value);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}
