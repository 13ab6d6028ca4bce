// `polyforge webhooks add|list|remove|deliveries` (the account's endpoints) and `webhooks verify` (checks a
// received delivery's Tripo-Webhook-Signature offline, the way a receiver should).
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS, type WebhookDelivery } from '@polyforge/sdk';
import { CliUsageError } from '../cli-usage-error.ts';
import { clientFor, globalOptionsOf, printResult } from './cli-context.ts';
import { parsePositiveInteger } from './parse-params.ts';

interface VerifyOptions {
  secret?: string;
  signature: string;
  bodyFile?: string;
  toleranceSeconds: string;
}

export function registerWebhookCommands(program: Command): void {
  const webhooks = program
    .command('webhooks')
    .description('webhook endpoints of the account, their delivery log, and signature checks');

  webhooks
    .command('add')
    .description('register an endpoint; prints its signing secret (shown only this once)')
    .argument('<url>', 'http(s) URL that receives POSTed task events')
    .action(async (url: string, _options: unknown, command: Command) => {
      const globals = globalOptionsOf(command);
      const endpoint = await clientFor(globals).createWebhook(url);
      const text = [`id      ${endpoint.id}`, `url     ${endpoint.url}`, `secret  ${endpoint.secret}`].join('\n');
      printResult(globals, endpoint, text);
      if (!globals.json)
        process.stderr.write(
          'Store the secret now: it is not shown again. Check deliveries with: polyforge webhooks verify\n',
        );
    });

  webhooks
    .command('list')
    .description('list the registered endpoints')
    .action(async (_options: unknown, command: Command) => {
      const globals = globalOptionsOf(command);
      const endpoints = await clientFor(globals).listWebhooks();
      const text =
        endpoints.length === 0
          ? 'No webhook endpoints'
          : endpoints.map((endpoint) => `${endpoint.id}  ${endpoint.url}  ${endpoint.created_at}`).join('\n');
      printResult(globals, { webhooks: endpoints }, text);
    });

  webhooks
    .command('remove')
    .description('remove an endpoint; no further events are sent to it')
    .argument('<webhook_id>')
    .action(async (webhookId: string, _options: unknown, command: Command) => {
      const globals = globalOptionsOf(command);
      await clientFor(globals).deleteWebhook(webhookId);
      printResult(globals, { id: webhookId, deleted: true }, `Removed webhook ${webhookId}`);
    });

  webhooks
    .command('deliveries')
    .description("an endpoint's delivery log, newest first")
    .argument('<webhook_id>')
    .option('--limit <n>', 'how many, 1..200', '50')
    .action(async (webhookId: string, options: { limit: string }, command: Command) => {
      const globals = globalOptionsOf(command);
      const deliveries = await clientFor(globals).listWebhookDeliveries(webhookId, {
        limit: parsePositiveInteger(options.limit, '--limit'),
      });
      printResult(globals, { deliveries }, formatDeliveries(deliveries));
    });

  webhooks
    .command('verify')
    .description('check a delivery\'s signature: prints "valid" or "invalid: <reason>"; exit code 1 when invalid')
    .addOption(new Option('--secret <whsec>', "the endpoint's signing secret").env('POLYFORGE_WEBHOOK_SECRET'))
    .requiredOption('--signature <header>', 'the Tripo-Webhook-Signature header value, t=<unix s>,v1=<hex>')
    .option('--body-file <path>', 'the raw request body, byte for byte (default: read stdin)')
    .option('--tolerance-seconds <s>', 'how old a signature may be (replay window)', String(WEBHOOK_TOLERANCE_SECONDS))
    .action(async (options: VerifyOptions, command: Command) => {
      const globals = globalOptionsOf(command);
      if (!options.secret)
        throw new CliUsageError('No secret: pass --secret whsec_... or set POLYFORGE_WEBHOOK_SECRET');
      const toleranceSeconds = parsePositiveInteger(options.toleranceSeconds, '--tolerance-seconds');
      const rawBody = options.bodyFile === undefined ? await readStdin() : await readBodyFile(options.bodyFile);
      const verification = verifyWebhookSignature(rawBody, options.signature, options.secret, { toleranceSeconds });
      if (verification.valid) {
        printResult(globals, { valid: true, timestamp_seconds: verification.timestampSeconds }, 'valid');
      } else {
        printResult(globals, { valid: false, reason: verification.reason }, `invalid: ${verification.reason}`);
        process.exitCode = 1;
      }
    });
}

/** One line per delivery: created, event, status, attempts, last HTTP status or error. */
export function formatDeliveries(deliveries: readonly WebhookDelivery[]): string {
  if (deliveries.length === 0) return 'No deliveries';
  return deliveries
    .map((delivery) => {
      const last =
        delivery.last_status_code !== null ? `HTTP ${delivery.last_status_code}` : (delivery.last_error ?? '-');
      const next = delivery.next_attempt_at ? `  next ${delivery.next_attempt_at}` : '';
      return `${delivery.created_at}  ${delivery.event_type}  ${delivery.status}  attempts ${delivery.attempts}  ${last}${next}`;
    })
    .join('\n');
}

async function readBodyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliUsageError('No body: pass --body-file <path> or pipe the raw body into stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
