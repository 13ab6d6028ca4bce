// External workers and the fair queue: hashed worker tokens, registered workers, each job's task type / model
// version (so a worker leases only what it serves) and its dispatch rank (start-time fair queuing across accounts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('worker_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('capabilities_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .execute();

  await db.schema
    .createTable('workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capabilities_json', 'text', (c) => c.notNull())
    .addColumn('task_types_json', 'text', (c) => c.notNull())
    .addColumn('model_versions_json', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workers_last_seen').on('workers').column('last_seen_at').execute();

  // outputs a worker uploaded under a lease, staged until it completes the task
  await db.schema
    .createTable('lease_outputs')
    .addColumn('lease_id', 'text', (c) => c.notNull())
    .addColumn('output_key', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('extension', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lease_outputs_pk', ['lease_id', 'output_key'])
    .execute();
  await db.schema.createIndex('lease_outputs_created').on('lease_outputs').column('created_at').execute();

  // 1 = normal; N = N times the share of dispatches of a normal account while both have queued work
  await db.schema
    .alterTable('accounts')
    .addColumn('queue_priority', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // dispatch rank of the account's latest enqueued job (see queue/fair-dispatch-rank.ts)
  await db.schema
    .alterTable('accounts')
    .addColumn('queue_rank', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .alterTable('jobs')
    .addColumn('dispatch_rank', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('jobs').addColumn('task_type', 'text').execute();
  await db.schema.alterTable('jobs').addColumn('model_version', 'text').execute();
  // the registered external worker holding the lease (null for in-process runners)
  await db.schema.alterTable('jobs').addColumn('worker_id', 'text').execute();
  await db.schema
    .createIndex('jobs_fair_claim')
    .on('jobs')
    .columns(['queue_name', 'status', 'dispatch_rank'])
    .execute();
  await db.schema.createIndex('jobs_lease_owner').on('jobs').column('lease_owner').execute();
}
