// Idempotency keys for create calls, cancellation requests and start deadlines on tasks.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'idempotency_key'])
    .execute();
  await db.schema.alterTable('tasks').addColumn('cancel_requested_at', 'bigint').execute();
  await db.schema.alterTable('tasks').addColumn('start_deadline_at', 'bigint').execute();
  await db.schema
    .createIndex('tasks_account_created')
    .on('tasks')
    .columns(['account_id', 'created_at', 'id'])
    .execute();
}
