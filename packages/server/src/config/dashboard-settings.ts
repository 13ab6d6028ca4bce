// The web dashboard and Studio: sign-up mode and limits, e-mail, sessions, the Studio trial and Stripe purchases.
import path from 'node:path';
import type { EnvironmentSettings } from './environment-schema.ts';
import type { DashboardConfig, SignupMode } from './platform-config.ts';

export function parseDashboardSettings(settings: EnvironmentSettings): DashboardConfig {
  const secretKey = settings.POLYFORGE_STRIPE_SECRET_KEY;
  const webhookSecret = settings.POLYFORGE_STRIPE_WEBHOOK_SECRET;
  if ((secretKey === undefined) !== (webhookSecret === undefined)) {
    throw new Error(
      'Invalid configuration: POLYFORGE_STRIPE_SECRET_KEY and POLYFORGE_STRIPE_WEBHOOK_SECRET go together (purchases are credited by the signed webhook)',
    );
  }
  const mail = settings.POLYFORGE_SMTP_URL
    ? { smtpUrl: settings.POLYFORGE_SMTP_URL, from: settings.POLYFORGE_MAIL_FROM }
    : undefined;
  // unset: closed when POLYFORGE_WEB_SIGNUP=0, verify-email when the operator gave an SMTP server, else open
  const signupMode: SignupMode =
    settings.POLYFORGE_SIGNUP_MODE ?? (!settings.POLYFORGE_WEB_SIGNUP ? 'closed' : mail ? 'verify-email' : 'open');
  if (signupMode === 'verify-email' && !mail) {
    throw new Error(
      'Invalid configuration: POLYFORGE_SIGNUP_MODE=verify-email needs POLYFORGE_SMTP_URL (the verification links are e-mailed)',
    );
  }
  return Object.freeze({
    signupOpen: signupMode !== 'closed',
    signupMode,
    signupsPerAddressPerHour: settings.POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR,
    loginFailuresPerAddressPerHour: settings.POLYFORGE_LOGIN_FAILURES_PER_ADDRESS_PER_HOUR,
    mail,
    sessionTtlSeconds: settings.POLYFORGE_SESSION_TTL_HOURS * 3600,
    studioPricesFile: settings.POLYFORGE_STUDIO_PRICES_FILE
      ? path.resolve(settings.POLYFORGE_STUDIO_PRICES_FILE)
      : undefined,
    studioTrial: Object.freeze({
      credits: settings.POLYFORGE_STUDIO_TRIAL_CREDITS,
      days: settings.POLYFORGE_STUDIO_TRIAL_DAYS,
    }),
    stripe:
      secretKey && webhookSecret
        ? { secretKey, webhookSecret, apiUrl: settings.POLYFORGE_STRIPE_API_URL?.replace(/\/$/, '') }
        : undefined,
  });
}
