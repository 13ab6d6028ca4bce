// Group commit for SQLite: concurrent units of write work (task creations) share one transaction and one commit.
//
// SQLite runs one write transaction at a time and a commit costs far more than the statements before it (every
// changed page is appended to the WAL), so units queue up here and run one after another inside a single
// transaction, each under its own savepoint: a unit that throws is rolled back to its savepoint alone and gets
// its error; the others commit together. No unit's promise settles before the commit that stores it (or fails
// it), so a caller answers its client only once its rows are durable, exactly as with its own transaction. Units
// see each other's writes in order, as consecutive transactions would, so limits checked inside them stay exact.
// A batch is what queued up during one turn of the event loop: with one create at a time every unit is its own.
// PostgreSQL runs writers in parallel on its pool, but the creates of one account serialise on that account's row
// lock, and each held the lock through its own commit (a WAL flush): one account's creates ran one flush at a time.
// There, units carry a key (the account id) and units of one key share a transaction the same way — one lock
// acquisition, one commit per batch — while different keys run in parallel, each batch in its own transaction
// (one key per transaction, so two batches never wait on each other's locks in opposite orders).
import { sql } from 'kysely';
import type { Database } from './database-schema.ts';
import { isPostgres, sqliteConnectionOf, type SqliteStatements } from './open-database.ts';
import { runPreparedQueriesDirectly } from './prepared-query.ts';

/** At most this many units per transaction, so one batch holds the write lock for a few milliseconds at most. */
export const MAX_UNITS_PER_COMMIT = 32;

interface Unit {
  work: (trx: Database) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private readonly pending: Unit[] = [];
  private draining = false;
  /** PostgreSQL: units waiting per key, and whether that key's batch is running */
  private readonly keyed = new Map<string, { pending: Unit[] }>();

  constructor(
    private readonly db: Database,
    private readonly maxUnitsPerCommit = MAX_UNITS_PER_COMMIT,
  ) {}

  /**
   * Runs `work` in a transaction (shared with other units on SQLite, and on PostgreSQL with other units of the same
   * `key`); settles after the commit.
   */
  run<T>(work: (trx: Database) => Promise<T>, key?: string): Promise<T> {
    if (isPostgres(this.db)) {
      if (key === undefined) return this.db.transaction().execute(work);
      return new Promise<T>((resolve, reject) => {
        const unit = { work, resolve: resolve as (value: unknown) => void, reject };
        const queue = this.keyed.get(key);
        if (queue) {
          queue.pending.push(unit);
          return;
        }
        const created = { pending: [unit] };
        this.keyed.set(key, created);
        setImmediate(() => void this.drainKey(key, created));
      });
    }
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining) return;
      this.draining = true;
      // better-sqlite3 is synchronous, so a transaction runs start to end in one turn of the event loop: starting
      // it in the next turn (after the requests that are already readable have queued their units) is what lets
      // a batch form at all
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) await this.commitBatch(this.pending.splice(0, this.maxUnitsPerCommit));
    } finally {
      this.draining = false;
    }
  }

  private async drainKey(key: string, queue: { pending: Unit[] }): Promise<void> {
    try {
      while (queue.pending.length > 0) await this.commitBatch(queue.pending.splice(0, this.maxUnitsPerCommit));
    } finally {
      this.keyed.delete(key);
    }
  }

  private async commitBatch(batch: Unit[]): Promise<void> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      const connection = sqliteConnectionOf(this.db);
      if (connection) await this.db.connection().execute((bound) => runBatch(bound, connection, batch, outcomes));
      else await this.db.transaction().execute((trx) => runBatch(trx, undefined, batch, outcomes));
    } catch (error) {
      // nothing of this batch was stored
      for (const unit of batch) unit.reject(error);
      return;
    }
    batch.forEach((unit, index) =>
      outcomes[index].ok ? unit.resolve(outcomes[index].value) : unit.reject(outcomes[index].value),
    );
  }
}

/**
 * The units one after another, each under a savepoint. With `connection` (the SQLite connection `db` holds), the
 * transaction is opened and committed here and prepared queries run on it directly; otherwise `db` is a Kysely
 * transaction already.
 */
async function runBatch(
  db: Database,
  connection: SqliteStatements | undefined,
  batch: Unit[],
  outcomes: { ok: boolean; value: unknown }[],
): Promise<void> {
  const run = connection
    ? (statement: string) => void connection.prepare(statement).run()
    : (statement: string) => sql.raw(statement).execute(db);
  if (connection) {
    runPreparedQueriesDirectly(db, connection);
    // IMMEDIATE: take the write lock first, waiting (busy_timeout) for a writer in another process
    await run('begin immediate');
  }
  try {
    for (const unit of batch) {
      await run('savepoint create_unit');
      try {
        outcomes.push({ ok: true, value: await unit.work(db) });
      } catch (error) {
        // undoes this unit's writes only; if even that fails, the whole batch fails (below)
        await run('rollback to create_unit');
        outcomes.push({ ok: false, value: error });
      }
      await run('release create_unit');
    }
    if (connection) await run('commit');
  } catch (error) {
    if (connection) {
      try {
        await run('rollback');
      } catch {
        // SQLite already rolled the transaction back (an I/O or disk-full error does that)
      }
    }
    throw error;
  }
}
