// Sign-up policy: every new account gets 300 trial credits that expire 14 days after sign-up, and Studio's own
// trial (operator-set, billing/studio-trial.ts) — at sign-up, or, where the operator asks for e-mail verification,
// once the address is verified (exactly once per account).
import type { Ledger } from '../billing/ledger.ts';
import { DEFAULT_STUDIO_TRIAL, studioTrialGrant, type StudioTrialPolicy } from '../billing/studio-trial.ts';
import { DEFAULT_WALLET, type Wallet } from '../billing/wallets.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import type { Account, AccountStore, CreatedApiKey } from './account-store.ts';

export const TRIAL_CREDITS = 300;
export const TRIAL_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

export class AccountOnboarding {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountStore,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
    /** Studio's own trial, granted together with the API trial (billing/studio-trial.ts) */
    private readonly studioTrial: StudioTrialPolicy = DEFAULT_STUDIO_TRIAL,
  ) {}

  /**
   * A new account with its first API key. The trial is granted now unless `withholdTrial` (verify-email sign-up:
   * verifyEmail grants it). Accounts made by the operator, the demo account and invited ones count as verified.
   */
  async signUp(options: {
    email: string;
    concurrencyLimit?: number;
    isDemo?: boolean;
    withholdTrial?: boolean;
    signupAddressHash?: string;
  }): Promise<Account & CreatedApiKey> {
    const account = await this.accounts.createAccount({ ...options, emailVerified: !options.withholdTrial });
    if (!options.withholdTrial) await this.grantTrial(this.db, account.id);
    return account;
  }

  /**
   * Marks the account's address verified and grants the trial it was waiting for, in one transaction: a second
   * click, or two at once, grant nothing more. Returns whether this call verified it.
   */
  async verifyEmail(accountId: string, beforeCommit?: (trx: Database) => Promise<boolean>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (beforeCommit && !(await beforeCommit(trx))) return false;
      const updated = await trx
        .updateTable('accounts')
        .set({ emailVerifiedAt: this.clock.nowMs() })
        .where('id', '=', accountId)
        .where('emailVerifiedAt', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      const trial = await trx
        .selectFrom('creditGrants')
        .select('id')
        .where('accountId', '=', accountId)
        .where('source', '=', 'trial')
        .executeTakeFirst();
      if (!trial) await this.grantTrial(trx, accountId);
      return true;
    });
  }

  /** The API trial and Studio's trial, in the caller's transaction. */
  private async grantTrial(db: Database, accountId: string): Promise<void> {
    await this.ledger.grant(db, {
      accountId,
      credits: TRIAL_CREDITS,
      source: 'trial',
      expiresAt: this.clock.nowMs() + TRIAL_DAYS * DAY_MS,
      note: `${TRIAL_CREDITS} free trial credits, valid ${TRIAL_DAYS} days`,
    });
    const studioTrial = studioTrialGrant(this.studioTrial, accountId, this.clock.nowMs());
    if (studioTrial) await this.ledger.grant(db, studioTrial);
  }

  /** What a new account gets in Studio (the sign-up and welcome pages say it). */
  get studioTrialPolicy(): StudioTrialPolicy {
    return this.studioTrial;
  }

  /** On first start with an empty database, creates the demo account; returns it (with its key) only then. */
  async ensureDemoAccount(): Promise<(Account & CreatedApiKey) | undefined> {
    if ((await this.accounts.countAccounts()) > 0) return undefined;
    try {
      return await this.signUp({ email: 'demo@polyforge.local', isDemo: true });
    } catch (error) {
      // Several processes starting on one empty database race here; the one that lost finds the demo account made.
      if ((await this.accounts.countAccounts()) > 0) return undefined;
      throw error;
    }
  }

  /** Grants credits (to the API wallet unless told otherwise) that never expire unless an expiry is given. */
  async grantCredits(
    accountId: string,
    credits: number,
    expiresInDays?: number,
    wallet: Wallet = DEFAULT_WALLET,
  ): Promise<{ grantId: string }> {
    await this.accounts.getAccount(accountId);
    const expiresAt = expiresInDays === undefined ? null : this.clock.nowMs() + expiresInDays * DAY_MS;
    return this.ledger.grant(this.db, { accountId, credits, source: 'grant', expiresAt, wallet });
  }
}
