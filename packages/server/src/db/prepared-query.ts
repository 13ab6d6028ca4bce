// Compiles a Kysely query once per database and re-runs it with new parameter values. Building and compiling a
// query costs more than running a point query on SQLite, so hot paths (polling, balance) use this. On SQLite the
// compiled statement runs on the connection directly when that is safe (see below), skipping Kysely's executor.
import { CamelCasePlugin, type Compilable, type CompiledQuery } from 'kysely';
import type { Database } from './database-schema.ts';
import { isPostgres, sqliteConnectionOf, type SqliteStatements } from './open-database.ts';

/** a value's place in a compiled query: by position (preparedQuery) or by name (preparedNamedQuery) */
type Slot = { readonly slotIndex: number } | { readonly slotName: string };

/** Kysely instances bound to a SQLite connection their holder runs statements on directly (group-commit.ts). */
const directConnections = new WeakMap<Database, SqliteStatements>();
/** the row mapping of openDatabase's plugin: snake_case columns to camelCase keys */
class RowMapper extends CamelCasePlugin {
  map(row: Record<string, unknown>): unknown {
    return this.mapRow(row);
  }
}
const rowMapper = new RowMapper();

/**
 * Makes prepared queries on `boundDb` (a Kysely instance bound to one SQLite connection, from `db.connection()`,
 * so no other query can run on that connection meanwhile) skip Kysely's executor and run the cached statement on
 * `connection` itself: same SQL, same parameters, same rows, a few microseconds less per statement.
 */
export function runPreparedQueriesDirectly(boundDb: Database, connection: SqliteStatements): void {
  directConnections.set(boundDb, connection);
}

/**
 * The SQLite connection of `db` (a database from openDatabase, not a transaction) when no transaction is open on
 * it. One better-sqlite3 call runs start to end without yielding, so a statement run then is atomic and sees only
 * committed rows: exactly as if Kysely had queued it before or after whatever holds the connection. While a
 * transaction is open (it may be between two of its statements), the query goes through Kysely and waits its turn.
 */
function idleConnectionOf(db: Database): SqliteStatements | undefined {
  const connection = sqliteConnectionOf(db);
  return connection && !connection.inTransaction ? connection : undefined;
}

/**
 * `build` receives `slot(i)` markers in place of values; each call of the returned function runs the compiled
 * query (on the database or transaction passed in) with the markers replaced by the given values.
 * The SQL depends only on the dialect, so one compiled copy per dialect serves every connection and transaction.
 */
export function preparedQuery<Row, Values extends unknown[]>(
  build: (db: Database, slot: (index: number) => never) => Compilable<Row>,
) {
  const run = compiledOncePerDialect<Row>((db) => build(db, (index) => ({ slotIndex: index }) as Slot as never));
  return (db: Database, ...values: Values): Promise<Row[]> =>
    run(db, (slot) => ('slotIndex' in slot ? values[slot.slotIndex] : undefined));
}

/**
 * preparedQuery with the values passed as one object keyed by name (`slot('accountId')`), for statements with many
 * values of the same type (inserts): two values cannot trade places the way two positional arguments can.
 */
export function preparedNamedQuery<Row, Values extends object>(
  build: (db: Database, slot: (name: keyof Values & string) => never) => Compilable<Row>,
) {
  const run = compiledOncePerDialect<Row>((db) => build(db, (name) => ({ slotName: name }) as Slot as never));
  return (db: Database, values: Values): Promise<Row[]> =>
    run(db, (slot) => ('slotName' in slot ? (values as Record<string, unknown>)[slot.slotName] : undefined));
}

/** `{ column: slot('column') }` for every column: an insert whose columns each take the same-named value. */
export function slotPerColumn<Column extends string>(
  columns: readonly Column[],
  slot: (name: Column) => never,
): Record<Column, never> {
  return Object.fromEntries(columns.map((column) => [column, slot(column)])) as Record<Column, never>;
}

function isSlot(parameter: unknown): parameter is Slot {
  return typeof parameter === 'object' && parameter !== null && ('slotIndex' in parameter || 'slotName' in parameter);
}

function compiledOncePerDialect<Row>(compile: (db: Database) => Compilable<Row>) {
  const compiledByDialect = new Map<'postgres' | 'sqlite', CompiledQuery<Row>>();
  return async (db: Database, valueOf: (slot: Slot) => unknown): Promise<Row[]> => {
    const dialect = isPostgres(db) ? 'postgres' : 'sqlite';
    let compiled = compiledByDialect.get(dialect);
    if (!compiled) {
      compiled = compile(db).compile();
      compiledByDialect.set(dialect, compiled);
    }
    const parameters = compiled.parameters.map((parameter) => (isSlot(parameter) ? valueOf(parameter) : parameter));
    const direct = directConnections.get(db) ?? idleConnectionOf(db);
    if (direct) {
      const statement = direct.prepare(compiled.sql);
      if (!statement.reader) {
        statement.run(parameters);
        return [];
      }
      return (statement.all(parameters) as Record<string, unknown>[]).map((row) => rowMapper.map(row) as Row);
    }
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
