// Idempotency keys on create calls: a retry with the same key and body gets the original task and is charged
// once; the same key with another body is an error. Keys are per account.
import { createHash } from 'node:crypto';
import type { Database, IdempotencyKeysTable } from '../db/database-schema.ts';
import { preparedNamedQuery, preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../domain-error.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const findKeyQuery = preparedQuery<{ requestHash: string; taskId: string }, [string, string]>((db, slot) =>
  db
    .selectFrom('idempotencyKeys')
    .select(['requestHash', 'taskId'])
    .where('accountId', '=', slot(0))
    .where('idempotencyKey', '=', slot(1)),
);

const insertKeyQuery = preparedNamedQuery<never, IdempotencyKeysTable>((db, slot) =>
  db.insertInto('idempotencyKeys').values({
    accountId: slot('accountId'),
    idempotencyKey: slot('idempotencyKey'),
    requestHash: slot('requestHash'),
    taskId: slot('taskId'),
    createdAt: slot('createdAt'),
  }),
);

export function checkIdempotencyKey(key: string): void {
  if (!KEY_PATTERN.test(key))
    throw new DomainError('invalidParameter', 'Idempotency-Key must be 1 to 255 printable ASCII characters');
}

/** A hash of the request body that ignores key order, so a retry that re-serialises the same JSON still matches. */
export function requestHashOf(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** The task a key already created, or undefined; throws when the key was used with a different body. */
export async function findIdempotentTask(
  db: Database,
  accountId: string,
  key: string,
  requestHash: string,
): Promise<string | undefined> {
  const [existing] = await findKeyQuery(db, accountId, key);
  if (!existing) return undefined;
  if (existing.requestHash !== requestHash) {
    throw new DomainError(
      'idempotencyKeyReused',
      `Idempotency-Key "${key}" was already used for task ${existing.taskId} with a different request body`,
    );
  }
  return existing.taskId;
}

export async function recordIdempotencyKey(
  trx: Database,
  accountId: string,
  key: string,
  requestHash: string,
  taskId: string,
  nowMs: number,
): Promise<void> {
  await insertKeyQuery(trx, { accountId, idempotencyKey: key, requestHash, taskId, createdAt: nowMs });
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
