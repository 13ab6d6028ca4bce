// Keyed batches on a real database (SQLite file, or PostgreSQL with TEST_DATABASE_URL): items of many keys share a
// transaction, one batch runs at a time and the next sees what it committed, and a batch that one key's items
// break fails those items only.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness/test-database.ts';
import type { Database } from './database-schema.ts';
import { KeyedBatchCommit, type BatchOutcome, type KeyedItem } from './keyed-batch-commit.ts';
import { openDatabase } from './open-database.ts';

describe('keyed batch commit', () => {
  let dataDir: string;
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-keyed-batch-'));
    database = await createTestDatabase(dataDir);
    const url = database.databaseUrl;
    db = await openDatabase(
      url.startsWith('postgres')
        ? { kind: 'postgres', url }
        : { kind: 'sqlite', filePath: url.replace(/^sqlite:/, '') },
    );
    await sql`create table kb_item (id text primary key, item_key text not null)`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const insertItem = (trx: Database, id: string, key: string) =>
    sql`insert into kb_item (id, item_key) values (${id}, ${key})`.execute(trx);
  const itemIds = async (prefix: string) =>
    (await sql<{ id: string }>`select id from kb_item where id like ${`${prefix}%`} order by id`.execute(db)).rows.map(
      (row) => row.id,
    );

  /** Inserts every item (its id is the item) and answers with how many rows its key had before it. */
  async function insertAll(trx: Database, items: readonly KeyedItem<string>[]): Promise<BatchOutcome<number>[]> {
    const outcomes: BatchOutcome<number>[] = [];
    for (const { key, item } of items) {
      const before = await sql<{
        count: number;
      }>`select count(*) as count from kb_item where item_key = ${key}`.execute(trx);
      await insertItem(trx, item, key);
      outcomes.push({ ok: true, value: Number(before.rows[0].count) });
    }
    return outcomes;
  }

  it('puts the items of many keys that wait together into one transaction, in arrival order', async () => {
    const batches: string[][] = [];
    const commits = new KeyedBatchCommit<string, number>(db, (trx, items) => {
      batches.push(items.map((each) => each.item));
      return insertAll(trx, items);
    });
    const items = ['a', 'b', 'c', 'a', 'd', 'b'].map((key, index) => ({ key: `one-${key}`, item: `one-${index}` }));
    const results = await Promise.all(items.map(({ key, item }) => commits.add(key, item)));
    expect(batches).toEqual([items.map((each) => each.item)]);
    // within the batch, a key's second item sees its first
    expect(results).toEqual([0, 0, 0, 1, 0, 1]);
    expect(await itemIds('one-')).toHaveLength(6);
  });

  it('runs one batch at a time: items that arrive meanwhile form the next and see its commit', async () => {
    const batches: string[][] = [];
    let releaseFirst!: () => void;
    const firstReleased = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const firstRunning = new Promise<void>((resolve) => (firstStarted = resolve));
    const commits = new KeyedBatchCommit<string, number>(db, async (trx, items) => {
      batches.push(items.map((each) => each.item));
      const outcomes = await insertAll(trx, items);
      if (batches.length === 1) {
        firstStarted();
        await firstReleased;
      }
      return outcomes;
    });
    const first = [commits.add('two-a', 'two-a1'), commits.add('two-b', 'two-b1')];
    await firstRunning;
    const later = [commits.add('two-a', 'two-a2'), commits.add('two-c', 'two-c1')];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toHaveLength(1);
    releaseFirst();
    expect(await Promise.all([...first, ...later])).toEqual([0, 0, 1, 0]);
    expect(batches).toEqual([
      ['two-a1', 'two-b1'],
      ['two-a2', 'two-c1'],
    ]);
  });

  it('fails only the items of the key that broke a shared batch; the others commit', async () => {
    const batches: string[][] = [];
    const commits = new KeyedBatchCommit<string, number>(db, async (trx, items) => {
      batches.push(items.map((each) => each.item));
      const outcomes = await insertAll(trx, items);
      // a statement that fails for one key's item, after the other items' rows were written
      const broken = items.find((each) => each.key === 'three-bad');
      if (broken) await insertItem(trx, broken.item, broken.key);
      return outcomes;
    });
    const results = await Promise.allSettled(
      ['three-ok1', 'three-bad', 'three-ok2', 'three-bad'].map((key, index) => commits.add(key, `three-${index}`)),
    );
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(batches[0]).toEqual(['three-0', 'three-1', 'three-2', 'three-3']);
    // each key again on its own: the good keys' rows stored once, nothing of the bad key's
    expect(
      batches
        .slice(1)
        .map((batch) => batch.join(','))
        .sort(),
    ).toEqual(['three-0', 'three-1,three-3', 'three-2']);
    expect(await itemIds('three-')).toEqual(['three-0', 'three-2']);
  });

  it('takes at most maxItemsPerBatch items into one transaction', async () => {
    const sizes: number[] = [];
    const commits = new KeyedBatchCommit<string, number>(
      db,
      (trx, items) => {
        sizes.push(items.length);
        return insertAll(trx, items);
      },
      4,
    );
    await Promise.all(Array.from({ length: 10 }, (_, index) => commits.add(`four-${index}`, `four-${index}`)));
    expect(sizes).toEqual([4, 4, 2]);
  });
});
