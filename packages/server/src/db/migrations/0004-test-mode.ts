// Test-mode API keys (tsk_test_...) and the mark on the tasks they create.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_keys')
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('live'))
    .execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('is_test', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
