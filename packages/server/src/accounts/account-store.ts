// Accounts and their API keys: create, look up by key, revoke, change limits.
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { hashApiKey, newApiKey, newClientId, newId } from '../ids.ts';

export interface Account {
  id: string;
  email: string;
  clientId: string;
  concurrencyLimit: number;
  createdAt: number;
}

export interface CreatedApiKey {
  keyId: string;
  apiKey: string;
}

export type KeyMode = 'live' | 'test';

export interface AuthenticatedKey {
  accountId: string;
  keyId: string;
  clientId: string;
  mode: KeyMode;
  /** the account's override of the per-key request rate; null = deployment default */
  rateLimitPerMinute?: number | null;
}

/** Per-account overrides of deployment settings; null means the deployment default applies. */
export interface AccountDataPolicy {
  accountId: string;
  /** days after which inputs and outputs are deleted; 0 = keep forever */
  retentionDays: number | null;
  rateLimitPerMinute: number | null;
}

export class AccountStore {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly defaultConcurrencyLimit: number,
  ) {}

  async createAccount(options: {
    email: string;
    concurrencyLimit?: number;
    isDemo?: boolean;
    emailVerified?: boolean;
    signupAddressHash?: string;
  }): Promise<Account & CreatedApiKey> {
    const email = options.email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw new DomainError('invalidParameter', `"${options.email}" is not an email address`);
    const existing = await this.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new DomainError('invalidParameter', `an account with email ${email} already exists`);
    const account: Account = {
      id: newId(),
      email,
      clientId: newClientId(),
      concurrencyLimit: options.concurrencyLimit ?? this.defaultConcurrencyLimit,
      createdAt: this.clock.nowMs(),
    };
    await this.db
      .insertInto('accounts')
      .values({
        ...account,
        isDemo: options.isDemo ? 1 : 0,
        emailVerifiedAt: options.emailVerified ? account.createdAt : null,
        signupAddressHash: options.signupAddressHash ?? null,
      })
      .execute();
    const key = await this.createApiKey(account.id, 'default');
    return { ...account, ...key };
  }

  async getAccount(accountId: string): Promise<Account> {
    const row = await this.db
      .selectFrom('accounts')
      .select(['id', 'email', 'clientId', 'concurrencyLimit', 'createdAt'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!row) throw new DomainError('invalidParameter', `account ${accountId} not found`);
    return row;
  }

  async countAccounts(): Promise<number> {
    const row = await this.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Test-mode keys (tsk_test_...) reach every endpoint, are never charged and get deterministic sample outputs. */
  async createApiKey(accountId: string, name: string, mode: KeyMode = 'live'): Promise<CreatedApiKey> {
    await this.getAccount(accountId);
    const apiKey = newApiKey(mode);
    const keyId = newId();
    await this.db
      .insertInto('apiKeys')
      .values({
        id: keyId,
        accountId,
        keyHash: hashApiKey(apiKey),
        keyPrefix: apiKey.slice(0, 12),
        name,
        mode,
        createdAt: this.clock.nowMs(),
        revokedAt: null,
        lastUsedAt: null,
      })
      .execute();
    return { keyId, apiKey };
  }

  /** Revokes by key id or by the full key; returns the revoked key's id. */
  async revokeApiKey(keyIdOrKey: string): Promise<{ keyId: string; keyHash: string }> {
    const row = await this.db
      .selectFrom('apiKeys')
      .select(['id', 'keyHash'])
      .where((eb) => eb.or([eb('id', '=', keyIdOrKey), eb('keyHash', '=', hashApiKey(keyIdOrKey))]))
      .executeTakeFirst();
    if (!row) throw new DomainError('invalidParameter', 'no such API key');
    await this.db
      .updateTable('apiKeys')
      .set({ revokedAt: this.clock.nowMs() })
      .where('id', '=', row.id)
      .where('revokedAt', 'is', null)
      .execute();
    return { keyId: row.id, keyHash: row.keyHash };
  }

  async listApiKeys(accountId: string) {
    return this.db
      .selectFrom('apiKeys')
      .select(['id', 'keyPrefix', 'name', 'mode', 'createdAt', 'revokedAt', 'lastUsedAt'])
      .where('accountId', '=', accountId)
      .orderBy('createdAt')
      .execute();
  }

  async findActiveKey(keyHash: string): Promise<AuthenticatedKey | undefined> {
    return this.db
      .selectFrom('apiKeys')
      .innerJoin('accounts', 'accounts.id', 'apiKeys.accountId')
      .select([
        'apiKeys.accountId as accountId',
        'apiKeys.id as keyId',
        'accounts.clientId as clientId',
        'apiKeys.mode as mode',
        'accounts.rateLimitPerMinute as rateLimitPerMinute',
      ])
      .where('apiKeys.keyHash', '=', keyHash)
      .where('apiKeys.revokedAt', 'is', null)
      .executeTakeFirst() as Promise<AuthenticatedKey | undefined>;
  }

  async touchKey(keyId: string): Promise<void> {
    await this.db.updateTable('apiKeys').set({ lastUsedAt: this.clock.nowMs() }).where('id', '=', keyId).execute();
  }

  async setConcurrencyLimit(accountId: string, concurrencyLimit: number): Promise<Account> {
    if (!Number.isInteger(concurrencyLimit) || concurrencyLimit < 1) {
      throw new DomainError('invalidParameter', 'concurrency must be a positive integer');
    }
    await this.getAccount(accountId);
    await this.db.updateTable('accounts').set({ concurrencyLimit }).where('id', '=', accountId).execute();
    return this.getAccount(accountId);
  }

  async getDataPolicy(accountId: string): Promise<AccountDataPolicy> {
    const row = await this.db
      .selectFrom('accounts')
      .select(['id', 'retentionDays', 'rateLimitPerMinute'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!row) throw new DomainError('invalidParameter', `account ${accountId} not found`);
    return { accountId: row.id, retentionDays: row.retentionDays, rateLimitPerMinute: row.rateLimitPerMinute };
  }

  /**
   * Sets how long the account's inputs and outputs are kept: N days, 0 = forever, null = the deployment default.
   * The retention sweeper applies it on its next pass; the ledger is never deleted.
   */
  async setRetentionDays(accountId: string, retentionDays: number | null): Promise<AccountDataPolicy> {
    if (retentionDays !== null && (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > 36_500)) {
      throw new DomainError(
        'invalidParameter',
        'retention days must be an integer from 0 (keep forever) to 36500, or null for the deployment default',
      );
    }
    await this.getAccount(accountId);
    await this.db.updateTable('accounts').set({ retentionDays }).where('id', '=', accountId).execute();
    return this.getDataPolicy(accountId);
  }

  /** Requests per minute allowed to each of the account's keys; null = the deployment default. */
  async setRateLimitPerMinute(accountId: string, rateLimitPerMinute: number | null): Promise<AccountDataPolicy> {
    if (rateLimitPerMinute !== null && (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1)) {
      throw new DomainError(
        'invalidParameter',
        'the rate limit must be a positive integer (requests per minute), or null for the deployment default',
      );
    }
    await this.getAccount(accountId);
    await this.db.updateTable('accounts').set({ rateLimitPerMinute }).where('id', '=', accountId).execute();
    return this.getDataPolicy(accountId);
  }
}
