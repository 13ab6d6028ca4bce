// A `case id when … then … end` expression, so that one UPDATE gives each row it touches (picked by id) its own
// value: a batch of creates across accounts updates all their grants, and all their account rows, in one statement
// each. Written as CASE because it runs on SQLite and PostgreSQL alike; the cast keeps PostgreSQL from reading the
// parameters as text.
import { sql, type RawBuilder } from 'kysely';

export function valueById(values: ReadonlyMap<string, number>, sqlType: 'integer' | 'bigint'): RawBuilder<number> {
  const branches = [...values].map(([id, value]) => sql`when ${id} then cast(${value} as ${sql.raw(sqlType)})`);
  return sql<number>`case ${sql.ref('id')} ${sql.join(branches, sql` `)} end`;
}
