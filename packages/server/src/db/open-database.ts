// Opens the configured database (SQLite file by default, PostgreSQL for scale-out) and applies migrations.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, DatabaseSchema } from './database-schema.ts';
import { MIGRATIONS } from './migrations/index.ts';

export type DatabaseLocation = { kind: 'sqlite'; filePath: string } | { kind: 'postgres'; url: string };

// PostgreSQL returns BIGINT as a string by default; our bigints are epoch milliseconds and sizes, well inside 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db = new Kysely<DatabaseSchema>({ dialect: createDialect(location), plugins: [new CamelCasePlugin()] });
  await migrateToLatest(db);
  return db;
}

function createDialect(location: DatabaseLocation) {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    // An idle client whose server connection drops (PostgreSQL restarted, connection terminated) emits 'error' on
    // the pool; unhandled, that would crash the process. The pool discards the client and the next query reconnects.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL idle client error: ${error.message}`));
    // A client checked out of the pool (inside a transaction, between two of its queries, or mid-query) also emits
    // 'error' when its server connection dies, and the pool listens only to idle clients: without this listener a
    // PostgreSQL restart crashes the process (found by bench/faults.ts). The query in flight fails on its own, and
    // the pool discards the broken client when it is released.
    pool.on('connect', (client) => client.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`)));
    return new PostgresDialect({ pool });
  }
  fs.mkdirSync(path.dirname(path.resolve(location.filePath)), { recursive: true });
  return new SqliteDialect({
    database: async () => {
      const sqlite = new BetterSqlite3(location.filePath);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('synchronous = NORMAL');
      return withStatementCache(sqlite);
    },
  });
}

const STATEMENT_CACHE_LIMIT = 1000;

/**
 * Kysely prepares every query anew; preparing costs more than running a point query on SQLite, so keep the
 * prepared statements by SQL text. Safe because the SQLite driver runs one query at a time on its connection.
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      // Kysely opens transactions with a plain (deferred) BEGIN. When another process (`polyforge work` beside
      // `serve`) commits between a transaction's first read and its first write, SQLite fails that write at once
      // with SQLITE_BUSY_SNAPSHOT instead of waiting; BEGIN IMMEDIATE takes the write lock first and waits for it
      // (busy_timeout). In one process nothing changes: the driver runs one transaction at a time anyway.
      if (sqlText === 'begin') sqlText = 'begin immediate';
      let statement = statements.get(sqlText);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
        statement = sqlite.prepare(sqlText);
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

export async function migrateToLatest(db: Database): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
}

export function isPostgres(db: Database): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
