// Ops commands for web log-in: set an account's password (how the demo account's owner logs in), grant or
// revoke admin (the admin console), set the volume discount, and invite an address to sign up.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { OpsContext } from '../ops/ops-context.ts';
import { WebAccounts } from './web-accounts.ts';
import { systemClock } from '../clock.ts';
import { SmtpMailer } from './mailer.ts';
import { SignupPolicy } from './signup-policy.ts';
import { SignupService } from './signup-service.ts';

type WithOps = (
  json: boolean | undefined,
  action: (ops: OpsContext) => Promise<{ json: unknown; text: string }>,
) => Promise<void>;

export function registerWebAccountCommands(
  accounts: Command,
  helpers: { wantsJson: (options: { json?: boolean }) => boolean; withOps: WithOps },
): void {
  const webAccountsOf = (ops: OpsContext) => new WebAccounts(ops.db, ops.onboarding);

  accounts
    .command('set-password')
    .description(
      'set the password the account logs in to the dashboard with (prints a generated one unless --password-stdin)',
    )
    .requiredOption('--account <id or email>', 'account id or email')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--json', 'print JSON')
    .action((options: { account: string; passwordStdin?: boolean; json?: boolean }) =>
      helpers.withOps(helpers.wantsJson(options), async (ops) => {
        const webAccounts = webAccountsOf(ops);
        const account = await webAccounts.findAccount(options.account);
        const generated = options.passwordStdin ? undefined : randomBytes(15).toString('base64url');
        const password = generated ?? (await readStandardInput()).replace(/\r?\n$/, '');
        await webAccounts.setPassword(account.id, password);
        await ops.db.deleteFrom('webSessions').where('accountId', '=', account.id).execute();
        return {
          json: { account_id: account.id, email: account.email, ...(generated ? { password: generated } : {}) },
          text: generated
            ? `password of ${account.email} set (shown once): ${generated}\nlog in at /dashboard/login`
            : `password of ${account.email} set; log in at /dashboard/login`,
        };
      }),
    );

  accounts
    .command('invite')
    .description(
      'invite an e-mail address to sign up (the way in when POLYFORGE_SIGNUP_MODE=invite-only); mailed when SMTP is set',
    )
    .requiredOption('--email <email>', 'the address invited; only it can use the invitation')
    .option('--json', 'print JSON')
    .action((options: { email: string; json?: boolean }) =>
      helpers.withOps(helpers.wantsJson(options), async (ops) => {
        const mail = ops.config.dashboard.mail;
        const mailer = mail ? new SmtpMailer(mail.smtpUrl, mail.from) : undefined;
        try {
          const policy = new SignupPolicy(
            ops.db,
            systemClock,
            ops.config.dashboard.signupMode,
            ops.config.dashboard.signupsPerAddressPerHour,
          );
          const signups = new SignupService(
            ops.db,
            systemClock,
            webAccountsOf(ops),
            ops.onboarding,
            policy,
            mailer,
            () => undefined,
          );
          const invitation = await signups.invite(
            options.email,
            ops.config.publicUrl ?? `http://127.0.0.1:${ops.config.port}`,
          );
          return {
            json: {
              email: options.email.trim().toLowerCase(),
              link: invitation.link,
              mailed: invitation.mailed,
              expires_at: new Date(invitation.expiresAt).toISOString(),
            },
            text: `${invitation.mailed ? 'invitation mailed' : 'invitation created (no SMTP server set: send the link yourself)'}; the link works once, until ${new Date(invitation.expiresAt).toISOString()}:\n${invitation.link}`,
          };
        } finally {
          mailer?.close();
        }
      }),
    );

  accounts
    .command('set-admin')
    .description('let the account use the admin console (or stop it with --revoke)')
    .requiredOption('--account <id or email>', 'account id or email')
    .option('--revoke', 'remove admin rights')
    .option('--json', 'print JSON')
    .action((options: { account: string; revoke?: boolean; json?: boolean }) =>
      helpers.withOps(helpers.wantsJson(options), async (ops) => {
        const webAccounts = webAccountsOf(ops);
        const account = await webAccounts.setAdmin(
          (await webAccounts.findAccount(options.account)).id,
          !options.revoke,
        );
        return {
          json: { account_id: account.id, email: account.email, is_admin: account.isAdmin },
          text: `${account.email} is ${account.isAdmin ? 'now an admin' : 'no longer an admin'}`,
        };
      }),
    );

  accounts
    .command('set-discount')
    .description("set the account's volume discount: a percentage off its API prices at quote and create time")
    .requiredOption('--account <id or email>', 'account id or email')
    .requiredOption('--percent <n>', 'percent off, 0 to 100', (value: string) => Number(value))
    .option('--json', 'print JSON')
    .action((options: { account: string; percent: number; json?: boolean }) =>
      helpers.withOps(helpers.wantsJson(options), async (ops) => {
        const webAccounts = webAccountsOf(ops);
        const account = await webAccounts.setVolumeDiscount(
          (await webAccounts.findAccount(options.account)).id,
          options.percent,
        );
        return {
          json: { account_id: account.id, volume_discount_percent: account.volumeDiscountPercent },
          text: `${account.email}: ${account.volumeDiscountPercent}% off API prices`,
        };
      }),
    );
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
