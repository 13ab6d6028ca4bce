// Operator commands of the worker side: worker tokens, what this deployment serves (routing), queue priority.
import type { Command } from 'commander';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database-schema.ts';
import { createBuiltinEngines } from '../engines/builtin/create-builtin-engines.ts';
import { engineRegistryFromConfig } from '../engines/routing/engine-registry-from-config.ts';
import { MAX_QUEUE_PRIORITY, setQueuePriority } from '../queue/fair-dispatch-rank.ts';
import { WorkerTokenStore } from './worker-token-store.ts';

type OpsAction = (ops: { db: Database }) => Promise<{ json: unknown; text: string }>;

export interface OpsHelpers {
  wantsJson(options: { json?: boolean }): boolean;
  withOps(json: boolean | undefined, action: OpsAction): Promise<void>;
}

export function registerWorkerOpsCommands(program: Command, { wantsJson, withOps }: OpsHelpers): void {
  const workers = program.command('workers').description('external workers (the worker protocol, /worker/v1)');
  const token = workers.command('token').description('manage worker tokens');
  token
    .command('create')
    .requiredOption('--name <name>', 'a name for the token (shown in logs)')
    .requiredOption('--capabilities <pools>', 'comma-separated worker pool names from the routing file, or "*"')
    .option('--json', 'print JSON')
    .action((options: { name: string; capabilities: string; json?: boolean }) =>
      withOps(wantsJson(options), async (ops) => {
        const created = await new WorkerTokenStore(ops.db, systemClock).create(
          options.name,
          options.capabilities.split(','),
        );
        return {
          json: {
            token_id: created.tokenId,
            name: created.name,
            capabilities: created.capabilities,
            token: created.token,
          },
          text: `worker token ${created.tokenId} (${created.capabilities.join(', ')})\ntoken (shown once): ${created.token}`,
        };
      }),
    );
  token
    .command('list')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withOps(wantsJson(options), async (ops) => {
        const tokens = await new WorkerTokenStore(ops.db, systemClock).list();
        const lines = tokens.map(
          (entry) =>
            `${entry.token_id} ${entry.prefix}... ${entry.name} [${entry.capabilities.join(', ')}]${entry.revoked_at ? ' revoked' : ''}`,
        );
        return { json: { tokens }, text: lines.join('\n') || 'no worker tokens' };
      }),
    );
  token
    .command('revoke')
    .requiredOption('--token <tokenIdOrToken>', 'token id or the token itself')
    .option('--json', 'print JSON')
    .action((options: { token: string; json?: boolean }) =>
      withOps(wantsJson(options), async (ops) => {
        const tokenId = await new WorkerTokenStore(ops.db, systemClock).revoke(options.token);
        return { json: { token_id: tokenId, revoked: true }, text: `revoked worker token ${tokenId}` };
      }),
    );

  program
    .command('capabilities')
    .description('what this deployment serves: task types, model versions and their engines, worker pools')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withOps(wantsJson(options), async (ops) => {
        const engines = engineRegistryFromConfig(loadConfig(), createBuiltinEngines());
        const capabilities = engines.capabilities();
        const pools = await onlineWorkersByPool(ops.db, engines.workerPools());
        const lines = capabilities.map((entry) => {
          if (!entry.model_versions) return `${entry.type}: ${entry.served ? entry.engine : 'not available'}`;
          const served = entry.model_versions
            .filter((version) => version.served)
            .map((version) => `${version.model_version} → ${version.engine}`);
          return `${entry.type}: ${served.length > 0 ? served.join(', ') : 'not available'}`;
        });
        for (const pool of pools)
          lines.push(`worker pool ${pool.pool}: ${pool.workers_online} worker(s) seen in the last 2 minutes`);
        return { json: { task_types: capabilities, worker_pools: pools }, text: lines.join('\n') };
      }),
    );

  const accounts = program.commands.find((command) => command.name() === 'accounts') ?? program.command('accounts');
  accounts
    .command('priority')
    .description(
      `queue priority: 1 = normal, N = N times the dispatch share of a normal account (at most ${MAX_QUEUE_PRIORITY})`,
    )
    .requiredOption('--account <id>', 'account id')
    .requiredOption('--priority <n>', 'priority', (value) => Number(value))
    .option('--json', 'print JSON')
    .action((options: { account: string; priority: number; json?: boolean }) =>
      withOps(wantsJson(options), async (ops) => {
        const priority = await setQueuePriority(ops.db, options.account, options.priority);
        return {
          json: { account_id: options.account, queue_priority: priority },
          text: `account ${options.account}: queue priority ${priority}`,
        };
      }),
    );
}

async function onlineWorkersByPool(db: Database, pools: string[]): Promise<{ pool: string; workers_online: number }[]> {
  const rows = await db
    .selectFrom('workers')
    .select(['capabilitiesJson'])
    .where('lastSeenAt', '>=', Date.now() - 120_000)
    .execute();
  return pools.map((pool) => ({
    pool,
    workers_online: rows.filter((row) => {
      const capabilities = JSON.parse(row.capabilitiesJson) as string[];
      return capabilities.includes(pool) || capabilities.includes('*');
    }).length,
  }));
}
