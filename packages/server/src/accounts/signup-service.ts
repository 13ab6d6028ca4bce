// Web sign-up under the operator's mode: closed; invite-only (an operator's one-use invitation for that address);
// verify-email (the account is made at once, its trial credits only once the e-mailed link is opened); open. Every
// mode but invitations is throttled per client address (signup-policy.ts).
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import type { AccountOnboarding } from './account-onboarding.ts';
import { TRIAL_CREDITS, TRIAL_DAYS } from './account-onboarding.ts';
import type { Account, CreatedApiKey } from './account-store.ts';
import { EMAIL_TOKEN_TTL_SECONDS, EmailTokens } from './email-tokens.ts';
import type { Mailer } from './mailer.ts';
import { hashClientAddress, type SignupPolicy } from './signup-policy.ts';
import type { WebAccounts } from './web-accounts.ts';

export const VERIFY_EMAIL_PATH = '/dashboard/verify-email';
const RESENDS_PER_HOUR = 3;

export interface SignupResult {
  account: Account & CreatedApiKey;
  /** verify-email mode: whether the link went out (false: the SMTP server refused; the dashboard offers a resend) */
  verification?: { sent: boolean };
}

export class SignupService {
  readonly tokens: EmailTokens;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly webAccounts: WebAccounts,
    private readonly onboarding: AccountOnboarding,
    readonly policy: SignupPolicy,
    private readonly mailer: Mailer | undefined,
    private readonly log: (message: string, details?: Record<string, unknown>) => void,
  ) {
    this.tokens = new EmailTokens(db, clock);
  }

  async signUp(options: {
    email: string;
    password: string;
    clientAddress: string;
    inviteToken?: string;
    linkBaseUrl: string;
  }): Promise<SignupResult> {
    const mode = this.policy.mode;
    if (mode === 'closed')
      throw new DomainError('forbidden', 'sign-up is closed on this deployment; ask its operator for an account');
    const signupAddressHash = hashClientAddress(options.clientAddress);
    if (mode === 'invite-only') {
      const invitation = options.inviteToken ? await this.tokens.find('invite', options.inviteToken) : undefined;
      if (!invitation)
        throw new DomainError('forbidden', 'sign-up on this deployment needs an invitation; ask its operator for one');
      if (invitation.email !== options.email.trim().toLowerCase())
        throw new DomainError('forbidden', 'this invitation is for another e-mail address');
      const account = await this.webAccounts.signUp(options.email, options.password, { signupAddressHash });
      await this.tokens.use(this.db, options.inviteToken!);
      return { account };
    }
    await this.policy.checkAddress(signupAddressHash);
    const withholdTrial = mode === 'verify-email';
    const account = await this.webAccounts.signUp(options.email, options.password, {
      withholdTrial,
      signupAddressHash,
    });
    if (!withholdTrial) return { account };
    return {
      account,
      verification: { sent: await this.sendVerification(account.id, account.email, options.linkBaseUrl) },
    };
  }

  /** Opens a verification link: the address is verified and the trial granted, once. */
  async verify(token: string): Promise<{ verified: boolean; accountId?: string }> {
    const found = await this.tokens.find('verify_email', token);
    if (!found?.accountId) return { verified: false };
    const verified = await this.onboarding.verifyEmail(found.accountId, (trx) => this.tokens.use(trx, token));
    return { verified, accountId: found.accountId };
  }

  /** A new link for a logged-in account that has not verified yet (a few per hour). */
  async resendVerification(accountId: string, linkBaseUrl: string): Promise<boolean> {
    const account = await this.db
      .selectFrom('accounts')
      .select(['email', 'emailVerifiedAt'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    if (account.emailVerifiedAt !== null) return false;
    const recent = await this.db
      .selectFrom('emailTokens')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('accountId', '=', accountId)
      .where('purpose', '=', 'verify_email')
      .where('createdAt', '>', this.clock.nowMs() - 3600_000)
      .executeTakeFirstOrThrow();
    if (Number(recent.count) >= RESENDS_PER_HOUR)
      throw new DomainError(
        'rateLimited',
        'a verification link was sent several times in the last hour; check your inbox and spam folder',
        { retryAfterSeconds: 3600 },
      );
    return this.sendVerification(accountId, account.email, linkBaseUrl);
  }

  async isVerified(accountId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('accounts')
      .select('emailVerifiedAt')
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row?.emailVerifiedAt != null;
  }

  /** An operator's invitation (ops command); mailed when SMTP is configured. Returns the sign-up link. */
  async invite(email: string, linkBaseUrl: string): Promise<{ link: string; mailed: boolean; expiresAt: number }> {
    const normalised = email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(normalised))
      throw new DomainError('invalidParameter', `"${email}" is not an email address`);
    const { token, expiresAt } = await this.tokens.issue('invite', normalised);
    const link = `${linkBaseUrl}/dashboard/signup?invite=${token}`;
    let mailed = false;
    if (this.mailer) {
      await this.mailer.send({
        to: normalised,
        subject: 'You are invited to Polyforge',
        text: `You are invited to create a Polyforge account with ${TRIAL_CREDITS} free trial credits.\n\nCreate it here (the link works for ${EMAIL_TOKEN_TTL_SECONDS.invite / 86400} days, once):\n${link}\n`,
      });
      mailed = true;
    }
    return { link, mailed, expiresAt };
  }

  private async sendVerification(accountId: string, email: string, linkBaseUrl: string): Promise<boolean> {
    const { token } = await this.tokens.issue('verify_email', email, accountId);
    const link = `${linkBaseUrl}${VERIFY_EMAIL_PATH}?token=${token}`;
    try {
      await this.mailer!.send({
        to: email,
        subject: 'Verify your e-mail address for Polyforge',
        text: `Open this link to verify your address and receive your ${TRIAL_CREDITS} free trial credits (valid ${TRIAL_DAYS} days):\n${link}\n\nThe link works for ${EMAIL_TOKEN_TTL_SECONDS.verify_email / 86400} days. If you did not sign up for Polyforge, ignore this message.\n`,
      });
      return true;
    } catch (error) {
      this.log('could not send a verification e-mail', {
        accountId,
        error: String((error as Error)?.message ?? error),
      });
      return false;
    }
  }
}
