// Operator commands: serve, work, accounts, keys, credits. Each prints text, or JSON with --json.
import type { Command } from 'commander';
import { loadConfig, type SignupMode } from '../config.ts';
import { DomainError } from '../domain-error.ts';
import { createPlatform } from '../platform.ts';
import { openOpsContext, type OpsContext } from './ops-context.ts';
import { registerWorkerOpsCommands } from '../workers/worker-ops-commands.ts';
import { registerWebAccountCommands } from '../accounts/web-account-commands.ts';
import { registerProviderCostCommands } from '../billing/provider-cost-commands.ts';
import { isWallet, type Wallet } from '../billing/wallets.ts';

export function registerOpsCommands(program: Command): void {
  program
    .command('serve')
    .description('start the API server (and in-process workers unless POLYFORGE_WORKERS=0)')
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--no-workers', 'do not run workers in this process')
    .action(async (options: { port?: string; workers: boolean }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.workers ? {} : { POLYFORGE_WORKERS: '0' }),
      });
      const platform = await createPlatform(config);
      const demo = await platform.onboarding.ensureDemoAccount();
      if (config.workersEnabled) platform.startWorkers();
      const address = await platform.app.listen({ port: config.port, host: config.host });
      const metricsListener = await platform.startMetricsListener();
      // One write, so whoever reads the output never sees "listening" without the demo key that follows it.
      const banner = [
        `Polyforge listening on ${address} (data: ${config.dataDir}, database: ${config.database.kind}, workers: ${config.workersEnabled ? config.workerConcurrency : 'off'})`,
      ];
      if (demo) {
        banner.push(
          'Created the demo account (shown once, keep it):',
          `  email:     ${demo.email}`,
          `  API key:   ${demo.apiKey}`,
          `  client id: ${demo.clientId} (identifies your app; not a credential)`,
          `  try:       curl -H "Authorization: Bearer ${demo.apiKey}" http://127.0.0.1:${config.port}/v2/openapi/user/balance`,
          `  web:       npx polyforge accounts set-password --account ${demo.email}   (then log in to the dashboard)`,
        );
      }
      banner.push(
        `Dashboard and Studio: http://127.0.0.1:${config.port}/dashboard`,
        `Sign-up: ${describeSignupMode(config.dashboard.signupMode)}`,
      );
      if (metricsListener) banner.push(`Prometheus metrics: ${metricsListener.address}/metrics`);
      process.stdout.write(`${banner.join('\n')}\n`);
      shutDownOnSignal(() => platform.close());
    });

  program
    .command('work')
    .description('run task workers only (no HTTP), against the same data dir / database')
    .action(async () => {
      const config = loadConfig();
      const platform = await createPlatform(config);
      platform.startWorkers();
      const metricsListener = await platform.startMetricsListener();
      console.log(
        `Polyforge workers running (${config.workerConcurrency}) on ${config.database.kind}${metricsListener ? `; metrics at ${metricsListener.address}/metrics` : ''}`,
      );
      // The worker loops sleep on unref'd timers and no HTTP server holds this process open: while the database
      // is down (no pool sockets either) Node would exit. Keep it alive until a signal stops it.
      const keepAlive = setInterval(() => undefined, 60_000);
      shutDownOnSignal(() => {
        clearInterval(keepAlive);
        return platform.close();
      });
    });

  const accounts = program.command('accounts').description('manage accounts');
  accounts
    .command('create')
    .requiredOption('--email <email>', 'email of the account')
    .option('--concurrency <n>', 'concurrency limit', parseInteger)
    .option('--json', 'print JSON')
    .action((options: { email: string; concurrency?: number; json?: boolean }) =>
      withOps(wantsJson(program, options), async (ops) => {
        const account = await ops.onboarding.signUp({ email: options.email, concurrencyLimit: options.concurrency });
        return {
          json: {
            account_id: account.id,
            email: account.email,
            api_key: account.apiKey,
            key_id: account.keyId,
            client_id: account.clientId,
            concurrency_limit: account.concurrencyLimit,
          },
          text: `account ${account.id}\nAPI key (shown once): ${account.apiKey}\nclient id: ${account.clientId}`,
        };
      }),
    );
  accounts
    .command('set')
    .requiredOption('--account <id>', 'account id')
    .option('--concurrency <n>', 'concurrency limit', parseInteger)
    .option(
      '--retention-days <n>',
      'delete inputs and outputs after N days (0 = keep forever, "default" = the deployment setting)',
      parseIntegerOrDefault,
    )
    .option(
      '--rate-limit <n>',
      'requests per minute per API key ("default" = the deployment setting)',
      parseIntegerOrDefault,
    )
    .option('--json', 'print JSON')
    .action(
      (options: {
        account: string;
        concurrency?: number;
        retentionDays?: number | 'default';
        rateLimit?: number | 'default';
        json?: boolean;
      }) =>
        withOps(wantsJson(program, options), async (ops) => {
          if (
            options.concurrency === undefined &&
            options.retentionDays === undefined &&
            options.rateLimit === undefined
          ) {
            throw new Error('give at least one of --concurrency, --retention-days, --rate-limit');
          }
          if (options.concurrency !== undefined)
            await ops.accounts.setConcurrencyLimit(options.account, options.concurrency);
          if (options.retentionDays !== undefined)
            await ops.accounts.setRetentionDays(
              options.account,
              options.retentionDays === 'default' ? null : options.retentionDays,
            );
          if (options.rateLimit !== undefined)
            await ops.accounts.setRateLimitPerMinute(
              options.account,
              options.rateLimit === 'default' ? null : options.rateLimit,
            );
          const account = await ops.accounts.getAccount(options.account);
          const policy = await ops.accounts.getDataPolicy(options.account);
          return {
            json: {
              account_id: account.id,
              concurrency_limit: account.concurrencyLimit,
              retention_days: policy.retentionDays,
              rate_limit_per_minute: policy.rateLimitPerMinute,
            },
            text: `account ${account.id}: concurrency limit ${account.concurrencyLimit}, retention ${describeOverride(policy.retentionDays, 'days')}, rate limit ${describeOverride(policy.rateLimitPerMinute, 'requests/min per key')}`,
          };
        }),
    );
  accounts
    .command('show')
    .requiredOption('--account <id>', 'account id')
    .option('--json', 'print JSON')
    .action((options: { account: string; json?: boolean }) =>
      withOps(wantsJson(program, options), async (ops) => {
        const account = await ops.accounts.getAccount(options.account);
        const balance = await ops.ledger.balance(ops.db, account.id);
        const policy = await ops.accounts.getDataPolicy(account.id);
        return {
          json: {
            account_id: account.id,
            email: account.email,
            client_id: account.clientId,
            concurrency_limit: account.concurrencyLimit,
            retention_days: policy.retentionDays,
            rate_limit_per_minute: policy.rateLimitPerMinute,
            ...balance,
          },
          text: `account ${account.id} <${account.email}>: balance ${balance.balance}, frozen ${balance.frozen}, concurrency ${account.concurrencyLimit}`,
        };
      }),
    );

  const keys = program.command('keys').description('manage API keys');
  keys
    .command('create')
    .requiredOption('--account <id>', 'account id')
    .option('--name <name>', 'a name for the key', 'cli')
    .option('--test', 'a test-mode key (tsk_test_...): free, deterministic sample outputs')
    .option('--json', 'print JSON')
    .action((options: { account: string; name: string; test?: boolean; json?: boolean }) =>
      withOps(wantsJson(program, options), async (ops) => {
        const mode = options.test ? 'test' : 'live';
        const key = await ops.accounts.createApiKey(options.account, options.name, mode);
        return {
          json: { key_id: key.keyId, api_key: key.apiKey, account_id: options.account, mode },
          text: `${mode} key ${key.keyId}\nAPI key (shown once): ${key.apiKey}`,
        };
      }),
    );
  keys
    .command('revoke')
    .requiredOption('--key <keyIdOrApiKey>', 'key id or the full API key')
    .option('--json', 'print JSON')
    .action((options: { key: string; json?: boolean }) =>
      withOps(wantsJson(program, options), async (ops) => {
        const revoked = await ops.accounts.revokeApiKey(options.key);
        return { json: { key_id: revoked.keyId, revoked: true }, text: `revoked key ${revoked.keyId}` };
      }),
    );

  const credits = program.command('credits').description('manage credits');
  credits
    .command('grant')
    .requiredOption('--account <id>', 'account id')
    .requiredOption('--credits <n>', 'credits to grant', parseInteger)
    .option('--expires-in-days <d>', 'make the grant expire after D days', parseInteger)
    .option('--wallet <wallet>', 'api (default) or studio: the two wallets never share credits', 'api')
    .option('--json', 'print JSON')
    .action((options: { account: string; credits: number; expiresInDays?: number; wallet: string; json?: boolean }) =>
      withOps(wantsJson(program, options), async (ops) => {
        if (!isWallet(options.wallet)) throw new Error('--wallet must be api or studio');
        const grant = await ops.onboarding.grantCredits(
          options.account,
          options.credits,
          options.expiresInDays,
          options.wallet as Wallet,
        );
        const balance = await ops.ledger.balance(ops.db, options.account, options.wallet as Wallet);
        return {
          json: {
            grant_id: grant.grantId,
            account_id: options.account,
            credits: options.credits,
            expires_in_days: options.expiresInDays ?? null,
            wallet: options.wallet,
            ...balance,
          },
          text: `granted ${options.credits} ${options.wallet === 'studio' ? 'Studio ' : ''}credits to ${options.account}; balance ${balance.balance}`,
        };
      }),
    );
  registerWorkerOpsCommands(program, { wantsJson: (options) => wantsJson(program, options), withOps });
  registerWebAccountCommands(accounts, { wantsJson: (options) => wantsJson(program, options), withOps });
  registerProviderCostCommands(program, { wantsJson: (options) => wantsJson(program, options), withOps });
}

/** `--json` may be the program's global option (set by the CLI package) or this command's own. */
function wantsJson(program: Command, options: { json?: boolean }): boolean {
  return options.json === true || (program.opts() as { json?: boolean }).json === true;
}

async function withOps(
  json: boolean | undefined,
  action: (ops: OpsContext) => Promise<{ json: unknown; text: string }>,
): Promise<void> {
  const ops = await openOpsContext();
  try {
    const output = await action(ops);
    console.log(json ? JSON.stringify(output.json) : output.text);
  } catch (error) {
    const message = error instanceof DomainError ? error.message : String((error as Error)?.message ?? error);
    if (json) console.log(JSON.stringify({ error: message }));
    else console.error(`error: ${message}`);
    process.exitCode = 1;
  } finally {
    await ops.close();
  }
}

/** "default" clears an account's override, so the deployment setting applies again (commander turns null into ''). */
function parseIntegerOrDefault(value: string): number | 'default' {
  return value === 'default' ? 'default' : parseInteger(value);
}

function describeOverride(value: number | null, unit: string): string {
  return value === null ? 'deployment default' : `${value} ${unit}`;
}

function parseInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`not an integer: ${value}`);
  return parsed;
}

function shutDownOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The operator sees at every start who can sign up and when trial credits are granted. */
function describeSignupMode(mode: SignupMode): string {
  switch (mode) {
    case 'open':
      return (
        'open, trial credits at sign-up without e-mail verification (throttled per address); set ' +
        'POLYFORGE_SMTP_URL to grant them only to verified addresses, or POLYFORGE_SIGNUP_MODE=invite-only / closed'
      );
    case 'verify-email':
      return 'open, trial credits once the e-mailed link verifies the address';
    case 'invite-only':
      return 'by invitation only (polyforge accounts invite)';
    case 'closed':
      return 'closed (accounts are made with polyforge accounts create)';
  }
}
