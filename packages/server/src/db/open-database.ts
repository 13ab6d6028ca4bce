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

/** The one SQLite connection of a database opened here: prepared statements, cached by SQL text. */
export interface SqliteStatements {
  prepare(sqlText: string): BetterSqlite3.Statement;
  /** whether a transaction is open on the connection right now */
  readonly inTransaction: boolean;
}

const sqliteConnections = new WeakMap<Database, SqliteStatements>();

export interface OpenDatabaseOptions {
  /** told of every PostgreSQL connection that dies (a restart, a cut network), for DatabaseAvailability */
  onConnectionLost?: (error: Error) => void;
}

export async function openDatabase(location: DatabaseLocation, options: OpenDatabaseOptions = {}): Promise<Database> {
  const opened: { sqlite?: SqliteStatements } = {};
  const db = new Kysely<DatabaseSchema>({
    dialect: createDialect(location, opened, options),
    plugins: [new CamelCasePlugin()],
  });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy().catch(() => undefined); // a failed open (the database down at boot) leaves no pool behind
    throw error;
  }
  if (opened.sqlite) sqliteConnections.set(db, opened.sqlite);
  return db;
}

/**
 * The SQLite connection behind a database from openDatabase (undefined on PostgreSQL). For code that holds the
 * connection through Kysely (`db.connection()`, as group-commit.ts does), or that runs one synchronous statement
 * while no transaction is open on it (prepared-query.ts): either way no other query interleaves.
 */
export function sqliteConnectionOf(db: Database): SqliteStatements | undefined {
  return sqliteConnections.get(db);
}

function createDialect(
  location: DatabaseLocation,
  opened: { sqlite?: SqliteStatements },
  options: OpenDatabaseOptions,
) {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    // An idle client whose server connection drops (PostgreSQL restarted, connection terminated) emits 'error' on
    // the pool; unhandled, that would crash the process. The pool discards the client and the next query reconnects.
    pool.on('error', (error) => {
      options.onConnectionLost?.(error);
      process.emitWarning(`PostgreSQL idle client error: ${error.message}`);
    });
    // A client checked out of the pool (inside a transaction, between two of its queries, or mid-query) also emits
    // 'error' when its server connection dies, and the pool listens only to idle clients: without this listener a
    // PostgreSQL restart crashes the process (found by bench/faults.ts). The query in flight fails on its own, and
    // the pool discards the broken client when it is released.
    pool.on('connect', (client) =>
      client.on('error', (error) => {
        options.onConnectionLost?.(error);
        process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
      }),
    );
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
      // Savepoint journals (group-commit.ts runs each unit under a savepoint) and temporary sort tables stay in
      // memory instead of a temp file per statement; they hold only the pages one transaction changes.
      sqlite.pragma('temp_store = MEMORY');
      const connection = withStatementCache(sqlite);
      opened.sqlite = connection;
      return connection;
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
    get inTransaction() {
      return sqlite.inTransaction;
    },
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
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`, {
      cause: error,
    });
  }
}

export function isPostgres(db: Database): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
