// Calls of hosted 3D providers made for tasks: which provider and model, its task id, the outcome and what it
// cost, so the operator can reconcile provider bills with credits earned (billing/provider-cost-report.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provider_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_model', 'text', (c) => c.notNull())
    .addColumn('provider_task_id', 'text')
    // success | failed | skipped | cancelled
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('failure_kind', 'text')
    .addColumn('message', 'text')
    .addColumn('reported_cost_amount', 'double precision')
    .addColumn('reported_cost_unit', 'text')
    .addColumn('cost_usd', 'double precision')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('provider_calls_started').on('provider_calls').column('started_at').execute();
  await db.schema.createIndex('provider_calls_task').on('provider_calls').column('task_id').execute();
}
