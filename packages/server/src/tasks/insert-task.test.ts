// The create's prepared task insert on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL): every
// column of the row reads back with its own value, none shifted into a neighbour of the same type.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness/test-database.ts';
import { AccountStore } from '../accounts/account-store.ts';
import { systemClock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { migrateToLatest, openDatabase } from '../db/open-database.ts';
import { newId } from '../ids.ts';
import { insertTask, type NewTaskRow } from './insert-task.ts';

let dataDir: string;
let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-insert-task-'));
  database = await createTestDatabase(dataDir);
  const url = database.databaseUrl;
  db = await openDatabase(
    url.startsWith('postgres') ? { kind: 'postgres', url } : { kind: 'sqlite', filePath: url.replace(/^sqlite:/, '') },
  );
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('writes each value of the row into its own column', async () => {
  const account = await new AccountStore(db, systemClock, 10).createAccount({ email: 'insert-task@example.com' });
  // distinct values wherever two columns share a type, so a value in the wrong column shows
  const row: NewTaskRow = {
    id: newId(),
    accountId: account.id,
    type: 'text_to_model',
    status: 'queued',
    inputJson: '{"type":"text_to_model","prompt":"a chair"}',
    outputJson: '{"model":"m"}',
    resultJson: '{"pbr_model":"p"}',
    progress: 7,
    costCredits: 20,
    consumedCredits: 3,
    errorCode: 2019,
    errorMessage: 'an error message',
    createdAt: 1_700_000_000_001,
    startedAt: 1_700_000_000_002,
    finishedAt: 1_700_000_000_003,
    cancelRequestedAt: 1_700_000_000_004,
    startDeadlineAt: 1_700_000_000_005,
    isTest: 1,
    wallet: 'studio',
    requestId: 'request-1',
  };
  await insertTask(db, row);
  const stored = await db.selectFrom('tasks').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  expect({ ...stored, dataDeletedAt: undefined }).toEqual({ ...row, dataDeletedAt: undefined });
});
