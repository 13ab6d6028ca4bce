// Group commit on a real database (SQLite file, or PostgreSQL with TEST_DATABASE_URL): units that fail are rolled
// back alone, a check-then-write limit stays exact under concurrent units, nothing settles before its commit, and
// a commit that fails stores nothing of its batch.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness/test-database.ts';
import type { Database } from './database-schema.ts';
import { GroupCommit } from './group-commit.ts';
import { isPostgres, openDatabase } from './open-database.ts';
import { preparedQuery } from './prepared-query.ts';

const counterQuery = preparedQuery<{ value: string }, [string]>((db, slot) => {
  const query = db.selectFrom('settings').select('value').where('key', '=', slot(0));
  return isPostgres(db) ? query.forUpdate() : query;
});
const setCounterQuery = preparedQuery<never, [string, string]>((db, slot) =>
  db
    .updateTable('settings')
    .set({ value: slot(0) })
    .where('key', '=', slot(1)),
);

describe('group commit', () => {
  let dataDir: string;
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-group-commit-'));
    database = await createTestDatabase(dataDir);
    const url = database.databaseUrl;
    db = await openDatabase(
      url.startsWith('postgres')
        ? { kind: 'postgres', url }
        : { kind: 'sqlite', filePath: url.replace(/^sqlite:/, '') },
    );
    await sql`create table gc_parent (id text primary key)`.execute(db);
    await sql`create table gc_child (id text primary key, parent_id text references gc_parent (id) deferrable initially deferred)`.execute(
      db,
    );
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const insertParent = (trx: Database, id: string) => sql`insert into gc_parent (id) values (${id})`.execute(trx);
  const parentIds = async (prefix: string) =>
    (
      await sql<{ id: string }>`select id from gc_parent where id like ${`${prefix}%`} order by id`.execute(db)
    ).rows.map((row) => row.id);

  it('rolls back only the units that throw, each with its own error', async () => {
    const commits = new GroupCommit(db);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) =>
        commits.run(async (trx) => {
          await insertParent(trx, `rollback-${String(index).padStart(2, '0')}`);
          if (index % 3 === 1) throw new Error(`unit ${index} refused`);
          return index;
        }),
      ),
    );
    results.forEach((result, index) => {
      if (index % 3 === 1) expect(result).toEqual({ status: 'rejected', reason: new Error(`unit ${index} refused`) });
      else expect(result).toEqual({ status: 'fulfilled', value: index });
    });
    const expected = Array.from({ length: 12 }, (_, index) => index)
      .filter((index) => index % 3 !== 1)
      .map((index) => `rollback-${String(index).padStart(2, '0')}`);
    expect(await parentIds('rollback-')).toEqual(expected);
  });

  it('keeps a read-check-write limit exact under 40 concurrent units', async () => {
    await sql`insert into settings (key, value) values ('gc-counter', '0')`.execute(db);
    const commits = new GroupCommit(db);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        commits.run(async (trx) => {
          const [counter] = await counterQuery(trx, 'gc-counter');
          const value = Number(counter.value);
          if (value >= 10) throw new Error('limit reached');
          await setCounterQuery(trx, String(value + 1), 'gc-counter');
          return value + 1;
        }),
      ),
    );
    const accepted = results
      .filter((result) => result.status === 'fulfilled')
      .map((result) => (result as PromiseFulfilledResult<number>).value);
    expect(accepted.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(30);
    expect(
      (await db.selectFrom('settings').select('value').where('key', '=', 'gc-counter').executeTakeFirstOrThrow()).value,
    ).toBe('10');
  });

  it('settles no unit before the commit that stores it (SQLite: units queued together share one commit)', async () => {
    const commits = new GroupCommit(db);
    const events: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        commits
          .run(async (trx) => {
            events.push(`work ${name}`);
            await insertParent(trx, `order-${name}`);
          })
          .then(async () => {
            events.push(`settled ${name}`);
            // committed: visible to a plain read outside the transaction
            expect(await parentIds(`order-${name}`)).toEqual([`order-${name}`]);
          }),
      ),
    );
    if (!isPostgres(db)) expect(events).toEqual(['work a', 'work b', 'work c', 'settled a', 'settled b', 'settled c']);
    else expect(events.filter((event) => event.startsWith('settled'))).toHaveLength(3);
  });

  it('stores nothing of a batch whose commit fails, and every unit of it gets the error', async () => {
    const commits = new GroupCommit(db);
    const results = await Promise.allSettled(
      ['x', 'y', 'z'].map((name) =>
        commits.run(async (trx) => {
          await insertParent(trx, `failing-${name}`);
          // a deferred foreign key is checked at commit: this unit's row makes the commit fail
          if (name === 'y')
            await sql`insert into gc_child (id, parent_id) values ('orphan', 'no-such-parent')`.execute(trx);
        }),
      ),
    );
    if (isPostgres(db)) {
      // PostgreSQL: each unit commits on its own, so only the bad one fails
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await parentIds('failing-')).toEqual(['failing-x', 'failing-z']);
    } else {
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(await parentIds('failing-')).toEqual([]);
    }
    expect(
      Number((await sql<{ count: number }>`select count(*) as count from gc_child`.execute(db)).rows[0].count),
    ).toBe(0);
    // the connection is usable afterwards
    await commits.run((trx) => insertParent(trx, 'after-failure'));
    expect(await parentIds('after-failure')).toEqual(['after-failure']);
  });
});
