// Scale-out: per-account data retention and request-rate overrides, the rate-limit windows shared by API
// processes, the retention sweeper's mark on tasks, and an outbox of blobs to delete.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // null = the deployment default; 0 = keep forever; N = delete inputs and outputs N days old
  await db.schema.alterTable('accounts').addColumn('retention_days', 'integer').execute();
  // null = the deployment default; requests per minute per API key
  await db.schema.alterTable('accounts').addColumn('rate_limit_per_minute', 'integer').execute();
  // set when the retention sweeper deleted the task's inputs and outputs (the task then reads `expired`)
  await db.schema.alterTable('tasks').addColumn('data_deleted_at', 'bigint').execute();
  await db.schema
    .createIndex('tasks_retention_candidates')
    .on('tasks')
    .column('finished_at')
    .where(sql.ref('data_deleted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('files_created').on('files').column('created_at').execute();

  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('request_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_windows_pk', ['key_id', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_windows_start').on('rate_limit_windows').column('window_start').execute();

  await db.schema
    .createTable('blob_deletions')
    .addColumn('blob_key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
