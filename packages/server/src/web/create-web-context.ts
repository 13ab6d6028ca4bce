// Builds the web layer's context from the platform's parts (called by platform.ts, the composition root).
import { randomBytes } from 'node:crypto';
import { SessionStore } from '../accounts/sessions.ts';
import { WebAccounts } from '../accounts/web-accounts.ts';
import { StripeCheckout } from '../billing/stripe-checkout.ts';
import type { DashboardConfig } from '../config.ts';
import type { Database } from '../db/database-schema.ts';
import type { RequestRateLimiter } from '../ratelimit/request-rate-limiter.ts';
import { LOG_IN_THROTTLE_DEFAULTS, LogInThrottle } from './log-in-throttle.ts';
import type { Mailer } from '../accounts/mailer.ts';
import { SignupPolicy } from '../accounts/signup-policy.ts';
import { SignupService } from '../accounts/signup-service.ts';
import type { WebContext } from './web-context.ts';

export type WebContextParts = Omit<
  WebContext,
  'webAccounts' | 'sessions' | 'stripe' | 'csrfSecret' | 'signupOpen' | 'logInThrottle' | 'signups'
> & {
  rateLimiter: RequestRateLimiter;
  /** the operator's SMTP sender; absent = no e-mail */
  mailer?: Mailer;
  log: (message: string, details?: Record<string, unknown>) => void;
};

export async function createWebContext(parts: WebContextParts, dashboard: DashboardConfig): Promise<WebContext> {
  const { rateLimiter, mailer, log, ...shared } = parts;
  const webAccounts = new WebAccounts(parts.db, parts.onboarding);
  const policy = new SignupPolicy(parts.db, parts.clock, dashboard.signupMode, dashboard.signupsPerAddressPerHour);
  return {
    ...shared,
    logInThrottle: new LogInThrottle(
      rateLimiter,
      { ...LOG_IN_THROTTLE_DEFAULTS, failuresPerAddressPerHour: dashboard.loginFailuresPerAddressPerHour },
      { db: parts.db, clock: parts.clock },
    ),
    webAccounts,
    signups: new SignupService(parts.db, parts.clock, webAccounts, parts.onboarding, policy, mailer, log),
    sessions: new SessionStore(parts.db, parts.clock, dashboard.sessionTtlSeconds),
    stripe: dashboard.stripe ? new StripeCheckout(parts.db, parts.ledger, parts.clock, dashboard.stripe) : undefined,
    csrfSecret: await loadSetting(parts.db, 'web_csrf_secret'),
    signupOpen: dashboard.signupOpen,
  };
}

/** One secret per deployment, in the database, so every API process issues and checks the same tokens. */
async function loadSetting(db: Database, key: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
