// The account's task history for the dashboard: filtered pages with a total, the CSV export, and credits used
// per day and task type (days in UTC, by the day a task finished: credits are captured when it succeeds).
import { sql, type Expression, type SqlBool } from 'kysely';
import { TASK_STATUSES, TASK_TYPES } from '@polyforge/protocol';
import { isWallet, type Wallet } from '../billing/wallets.ts';
import type { Database } from '../db/database-schema.ts';
import { isPostgres } from '../db/open-database.ts';
import { DomainError } from '../domain-error.ts';

export interface HistoryFilter {
  type?: string;
  status?: string;
  wallet?: Wallet;
  /** inclusive, epoch ms */
  fromMs?: number;
  /** exclusive, epoch ms */
  toMs?: number;
  /** words of the prompt, or the start of a task id */
  search?: string;
  /** only these task types (Studio's gallery: the types that make a model) */
  types?: readonly string[];
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
  /** the request as the task echoes it */
  input: Record<string, unknown>;
  /** the prompt the user wrote (prompt, or texture_prompt.text), if any */
  prompt: string | null;
  /** the task has a rendered_image output */
  hasPreview: boolean;
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
export const MAX_SEARCH_LENGTH = 200;

/** Reads filter values from a query string; bad values are a clear 1004, not an empty page. */
export function parseHistoryFilter(query: Record<string, string | undefined>): HistoryFilter {
  const filter: HistoryFilter = {};
  if (query.type) {
    if (!(TASK_TYPES as readonly string[]).includes(query.type))
      throw new DomainError('invalidParameter', `type must be one of ${TASK_TYPES.join(', ')}`);
    filter.type = query.type;
  }
  if (query.status) {
    if (!(TASK_STATUSES as readonly string[]).includes(query.status))
      throw new DomainError('invalidParameter', `status must be one of ${TASK_STATUSES.join(', ')}`);
    filter.status = query.status;
  }
  if (query.wallet) {
    if (!isWallet(query.wallet)) throw new DomainError('invalidParameter', 'wallet must be api or studio');
    filter.wallet = query.wallet;
  }
  if (query.from) filter.fromMs = dayStartOf(query.from, 'from');
  if (query.to) filter.toMs = dayStartOf(query.to, 'to') + DAY_MS;
  const search = query.q?.trim();
  if (search) {
    if (search.length > MAX_SEARCH_LENGTH)
      throw new DomainError('invalidParameter', `the search is at most ${MAX_SEARCH_LENGTH} characters`);
    filter.search = search;
  }
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
  if (filter.types) query = query.where('type', 'in', filter.types.length > 0 ? [...filter.types] : ['']);
  if (filter.search) query = query.where(searchCondition(db, filter.search));
  return query;
}

/**
 * Every word must appear in the prompt (case-insensitive), or the search is the start of the task id. The prompt
 * is read from the stored request JSON, so no column or index is added for it: the account's own tasks are few
 * enough to scan.
 */
function searchCondition(db: Database, search: string): Expression<SqlBool> {
  const prompt = isPostgres(db)
    ? sql<string>`lower(coalesce(input_json::jsonb ->> 'prompt', input_json::jsonb #>> '{texture_prompt,text}', ''))`
    : sql<string>`lower(coalesce(json_extract(input_json, '$.prompt'), json_extract(input_json, '$.texture_prompt.text'), ''))`;
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const wordsMatch = sql.join(
    words.map((word) => sql`${prompt} like ${`%${escapeLike(word)}%`} escape '\\'`),
    sql` and `,
  );
  const idPrefix = /^[0-9a-f-]{4,36}$/i.test(search)
    ? sql` or id like ${`${escapeLike(search.toLowerCase())}%`} escape '\\'`
    : sql``;
  return sql<SqlBool>`((${wordsMatch})${idPrefix})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const ROW_COLUMNS = [
  'id',
  'type',
  'status',
  'wallet',
  'costCredits',
  'consumedCredits',
  'createdAt',
  'finishedAt',
  'isTest',
  'errorCode',
  'inputJson',
  'outputJson',
] as const;

function historyRowOf(row: Record<(typeof ROW_COLUMNS)[number], unknown>): HistoryRow {
  const input = parseObject(row.inputJson);
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
    input,
    prompt: promptOf(input),
    hasPreview: 'rendered_image' in parseObject(row.outputJson),
  };
}

function parseObject(json: unknown): Record<string, unknown> {
  try {
    const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The text the user wrote to make this task: its prompt, or a texture prompt. */
export function promptOf(input: Record<string, unknown>): string | null {
  if (typeof input.prompt === 'string' && input.prompt) return input.prompt;
  const texturePrompt = input.texture_prompt;
  if (
    typeof texturePrompt === 'object' &&
    texturePrompt !== null &&
    typeof (texturePrompt as Record<string, unknown>).text === 'string'
  ) {
    return (texturePrompt as Record<string, string>).text || null;
  }
  return null;
}

export async function historyPage(
  db: Database,
  accountId: string,
  filter: HistoryFilter,
  page: number,
  pageSize = HISTORY_PAGE_SIZE,
): Promise<{ rows: HistoryRow[] }> {
  const rows = await filtered(db, accountId, filter)
    .select([...ROW_COLUMNS])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows.map(historyRowOf) };
}

/** How many tasks match (for "page n of m" and clamping a page past the end). */
export async function historyCount(db: Database, accountId: string, filter: HistoryFilter): Promise<number> {
  const count = await filtered(db, accountId, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count.count);
}

/** Every matching task, newest first, at most CSV_MAX_ROWS, read in pages. */
export async function* historyRowsForExport(
  db: Database,
  accountId: string,
  filter: HistoryFilter,
): AsyncGenerator<HistoryRow> {
  const batch = 1000;
  for (let offset = 0; offset < CSV_MAX_ROWS; offset += batch) {
    const rows = await filtered(db, accountId, filter)
      .select([...ROW_COLUMNS])
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(batch)
      .offset(offset)
      .execute();
    for (const row of rows) yield historyRowOf(row);
    if (rows.length < batch) return;
  }
}

/** Credits charged per UTC day and task type, for tasks that finished in [fromMs, toMs). */
export async function creditUsageByDay(
  db: Database,
  accountId: string,
  options: { fromMs: number; toMs: number; wallet?: Wallet },
): Promise<UsageBucket[]> {
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
    .map((row) => ({
      day: new Date(Math.floor(Number(row.dayIndex)) * DAY_MS).toISOString().slice(0, 10),
      type: row.type,
      credits: Number(row.credits),
    }))
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
