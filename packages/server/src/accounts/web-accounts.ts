// Accounts as the web dashboard sees them: sign-up and log-in with a password, the admin flag, the volume
// discount, and the account list of the admin console. API keys and the ledger stay in their own modules.
import { sql } from 'kysely';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { MAX_VOLUME_DISCOUNT_PERCENT } from '../billing/volume-discount.ts';
import type { AccountOnboarding } from './account-onboarding.ts';
import type { Account, CreatedApiKey } from './account-store.ts';
import { hashPassword, passwordProblem, verifyAgainstDecoy, verifyPassword } from './passwords.ts';

export interface WebAccount {
  id: string;
  email: string;
  clientId: string;
  concurrencyLimit: number;
  activeTasks: number;
  createdAt: number;
  isAdmin: boolean;
  volumeDiscountPercent: number;
  /** null = the deployment default; 0 = keep forever */
  retentionDays: number | null;
  hasPassword: boolean;
}

export interface AccountListPage {
  accounts: WebAccount[];
  total: number;
}

const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+$/;

export class WebAccounts {
  constructor(
    private readonly db: Database,
    private readonly onboarding: AccountOnboarding,
  ) {}

  /** A new account with its first API key and a web password; the trial now, or once the address is verified. */
  async signUp(
    email: string,
    password: string,
    options: { withholdTrial?: boolean; signupAddressHash?: string } = {},
  ): Promise<Account & CreatedApiKey> {
    const problem = passwordProblem(password);
    if (problem) throw new DomainError('invalidParameter', problem);
    const passwordHash = await hashPassword(password);
    const account = await this.onboarding.signUp({ email, ...options });
    await this.db.updateTable('accounts').set({ passwordHash }).where('id', '=', account.id).execute();
    return account;
  }

  /** The account if the email and password match; undefined otherwise (same answer and similar time either way). */
  async logIn(email: string, password: string): Promise<WebAccount | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .select(['id', 'passwordHash'])
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    if (!row?.passwordHash) return verifyAgainstDecoy(password).then(() => undefined);
    if (!(await verifyPassword(password, row.passwordHash))) return undefined;
    return this.getAccount(row.id);
  }

  async setPassword(accountId: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new DomainError('invalidParameter', problem);
    await this.getAccount(accountId);
    await this.db
      .updateTable('accounts')
      .set({ passwordHash: await hashPassword(password) })
      .where('id', '=', accountId)
      .execute();
  }

  /** By account id or email (the ops commands accept either). */
  async findAccount(idOrEmail: string): Promise<WebAccount> {
    const value = idOrEmail.trim();
    const row = await this.selectAccounts()
      .where((eb) => (EMAIL_PATTERN.test(value) ? eb('email', '=', value.toLowerCase()) : eb('id', '=', value)))
      .executeTakeFirst();
    if (!row) throw new DomainError('invalidParameter', `account ${value} not found`);
    return webAccountOf(row);
  }

  async getAccount(accountId: string): Promise<WebAccount> {
    const row = await this.selectAccounts().where('id', '=', accountId).executeTakeFirst();
    if (!row) throw new DomainError('invalidParameter', `account ${accountId} not found`);
    return webAccountOf(row);
  }

  async setAdmin(accountId: string, isAdmin: boolean): Promise<WebAccount> {
    await this.getAccount(accountId);
    await this.db
      .updateTable('accounts')
      .set({ isAdmin: isAdmin ? 1 : 0 })
      .where('id', '=', accountId)
      .execute();
    return this.getAccount(accountId);
  }

  async setVolumeDiscount(accountId: string, percent: number): Promise<WebAccount> {
    if (!Number.isInteger(percent) || percent < 0 || percent > MAX_VOLUME_DISCOUNT_PERCENT) {
      throw new DomainError(
        'invalidParameter',
        `the volume discount must be an integer percentage from 0 to ${MAX_VOLUME_DISCOUNT_PERCENT}`,
      );
    }
    await this.getAccount(accountId);
    await this.db.updateTable('accounts').set({ volumeDiscountPercent: percent }).where('id', '=', accountId).execute();
    return this.getAccount(accountId);
  }

  /** Accounts, newest first, optionally those whose email contains `search`. */
  async listAccounts(options: { search?: string; limit: number; offset: number }): Promise<AccountListPage> {
    const search = options.search?.trim().toLowerCase();
    const pattern = search ? `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : undefined;
    let rowsQuery = this.selectAccounts();
    let countQuery = this.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('count'));
    if (pattern) {
      const matches = sql<boolean>`email like ${pattern} escape '\\'`;
      rowsQuery = rowsQuery.where(matches);
      countQuery = countQuery.where(matches);
    }
    const rows = await rowsQuery
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    const count = await countQuery.executeTakeFirstOrThrow();
    return { accounts: rows.map(webAccountOf), total: Number(count.count) };
  }

  private selectAccounts() {
    return this.db
      .selectFrom('accounts')
      .select([
        'id',
        'email',
        'clientId',
        'concurrencyLimit',
        'activeTasks',
        'createdAt',
        'isAdmin',
        'volumeDiscountPercent',
        'retentionDays',
        'passwordHash',
      ]);
  }
}

function webAccountOf(row: {
  id: string;
  email: string;
  clientId: string;
  concurrencyLimit: number;
  activeTasks: number;
  createdAt: number;
  isAdmin: number;
  volumeDiscountPercent: number;
  retentionDays: number | null;
  passwordHash: string | null;
}): WebAccount {
  return {
    id: row.id,
    email: row.email,
    clientId: row.clientId,
    concurrencyLimit: row.concurrencyLimit,
    activeTasks: row.activeTasks,
    createdAt: row.createdAt,
    isAdmin: Boolean(row.isAdmin),
    volumeDiscountPercent: row.volumeDiscountPercent,
    retentionDays: row.retentionDays ?? null,
    hasPassword: row.passwordHash !== null,
  };
}
