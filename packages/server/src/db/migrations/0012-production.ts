// Production hardening: the request id that created each task (logs and provider calls carry it), e-mail
// verification and sign-up throttling (when an address was verified, a hash of the address an account signed up
// from), one-use e-mail tokens (verification links, invitations), and failed log-ins per client address.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('request_id', 'text').execute();
  // null = not verified; sign-up with e-mail verification grants the trial credits when this is set
  await db.schema.alterTable('accounts').addColumn('email_verified_at', 'bigint').execute();
  // SHA-256 of the client address (an IPv6 address's /64) the web sign-up came from: the per-address throttle counts these
  await db.schema.alterTable('accounts').addColumn('signup_address_hash', 'text').execute();
  await db.schema
    .createIndex('accounts_signup_address')
    .on('accounts')
    .columns(['signup_address_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('email_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    // verify_email (a sign-up's link) or invite (an operator's invitation)
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('email_tokens_email').on('email_tokens').columns(['email', 'purpose']).execute();

  // failed web log-ins per client address (hashed), whatever e-mail they named: password spraying is counted here
  await db.schema
    .createTable('log_in_failures')
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('log_in_failures_address')
    .on('log_in_failures')
    .columns(['address_hash', 'failed_at'])
    .execute();
}
