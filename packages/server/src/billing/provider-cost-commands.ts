// `polyforge providers costs`: the hosted 3D providers' cost against credits earned, per day (provider-cost-report.ts).
import type { Command } from 'commander';
import type { Database } from '../db/database-schema.ts';
import { formatProviderCostReport, providerCostReport } from './provider-cost-report.ts';

type OpsAction = (ops: { db: Database }) => Promise<{ json: unknown; text: string }>;

export function registerProviderCostCommands(
  program: Command,
  helpers: {
    wantsJson(options: { json?: boolean }): boolean;
    withOps(json: boolean | undefined, action: OpsAction): Promise<void>;
  },
): void {
  const providers = program
    .command('providers')
    .description('hosted 3D providers (Meshy, Rodin, Stability, fal, Replicate)');
  providers
    .command('costs')
    .description('provider cost against credits earned, per UTC day and provider')
    .option('--days <n>', 'how many days back, today included', '30')
    .option('--json', 'print JSON')
    .action((options: { days: string; json?: boolean }) =>
      helpers.withOps(helpers.wantsJson(options), async (ops) => {
        const days = Number(options.days);
        if (!Number.isInteger(days) || days < 1 || days > 3660)
          throw new Error('--days must be a whole number from 1 to 3660');
        const dayMs = 86_400_000;
        const toMs = (Math.floor(Date.now() / dayMs) + 1) * dayMs;
        const rows = await providerCostReport(ops.db, { fromMs: toMs - days * dayMs, toMs });
        return { json: { days, rows }, text: formatProviderCostReport(rows) };
      }),
    );
}
