// Compiles a Kysely query once per database and re-runs it with new parameter values. Building and compiling a
// query costs more than running a point query on SQLite, so hot paths (polling, balance) use this.
import type { Compilable, CompiledQuery } from 'kysely';
import type { Database } from './database-schema.ts';
import { isPostgres } from './open-database.ts';

type Slot = { readonly slotIndex: number };

/**
 * `build` receives `slot(i)` markers in place of values; each call of the returned function runs the compiled
 * query (on the database or transaction passed in) with the markers replaced by the given values.
 * The SQL depends only on the dialect, so one compiled copy per dialect serves every connection and transaction.
 */
export function preparedQuery<Row, Values extends unknown[]>(build: (db: Database, slot: (index: number) => never) => Compilable<Row>) {
  const compiledByDialect = new Map<'postgres' | 'sqlite', CompiledQuery<Row>>();
  return async (db: Database, ...values: Values): Promise<Row[]> => {
    const dialect = isPostgres(db) ? 'postgres' : 'sqlite';
    let compiled = compiledByDialect.get(dialect);
    if (!compiled) {
      compiled = build(db, (index) => ({ slotIndex: index }) as Slot as never).compile();
      compiledByDialect.set(dialect, compiled);
    }
    const parameters = compiled.parameters.map((parameter) =>
      typeof parameter === 'object' && parameter !== null && 'slotIndex' in parameter ? values[(parameter as Slot).slotIndex] : parameter,
    );
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
