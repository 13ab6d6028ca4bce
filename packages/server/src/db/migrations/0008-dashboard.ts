// Dashboard and Studio: web log-in (password hash, sessions), admin flag and volume discount on accounts, a
// wallet on every ledger row and task (api | studio), and the Stripe checkouts and events credited once each.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('password_hash', 'text').execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('volume_discount_percent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Every existing row belongs to the API wallet; the Studio wallet starts empty.
  for (const table of ['credit_grants', 'hold_allocations', 'ledger_entries', 'tasks']) {
    await db.schema
      .alterTable(table)
      .addColumn('wallet', 'text', (c) => c.notNull().defaultTo('api'))
      .execute();
  }
  await db.schema
    .createIndex('credit_grants_account_wallet')
    .on('credit_grants')
    .columns(['account_id', 'wallet'])
    .execute();

  await db.schema
    .createTable('web_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_sessions_account').on('web_sessions').column('account_id').execute();
  await db.schema.createIndex('web_sessions_expires').on('web_sessions').column('expires_at').execute();

  await db.schema
    .createTable('checkout_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('wallet', 'text', (c) => c.notNull())
    .addColumn('credits', 'integer', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .addCheckConstraint('checkout_sessions_credits_positive', sql`credits > 0`)
    .execute();
  await db.schema
    .createIndex('checkout_sessions_account')
    .on('checkout_sessions')
    .columns(['account_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('stripe_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
}
