// What the hosted 3D providers cost against the credits their tasks earned, per UTC day and provider: from the
// provider calls recorded with each task (tasks/record-provider-calls.ts) and the credits captured on the tasks
// they served. Read by `polyforge providers costs` and the admin page.
import type { Database } from '../db/database-schema.ts';

/** pricing.txt: "$1.00 = 100 credits". */
export const USD_PER_CREDIT = 0.01;

export interface ProviderCostRow {
  /** UTC day, YYYY-MM-DD, of the provider call's start */
  day: string;
  provider: string;
  /** tasks the provider delivered the model of */
  tasks_served: number;
  /** calls that failed (the task then went to the next provider or failed, refunded) */
  failed_calls: number;
  /** calls skipped while the provider's circuit breaker was open */
  skipped_calls: number;
  /** the provider's cost in dollars where reported or estimated (price file provider_costs) */
  provider_cost_usd: number;
  /** calls whose cost is unknown (no report and no estimate configured) */
  calls_without_cost: number;
  /** credits captured on the tasks this provider served */
  credits_earned: number;
  credits_earned_usd: number;
  /** credits earned in dollars less the known provider cost */
  margin_usd: number;
}

const DAY_MS = 86_400_000;

export async function providerCostReport(
  db: Database,
  options: { fromMs: number; toMs: number },
): Promise<ProviderCostRow[]> {
  const calls = await db
    .selectFrom('providerCalls')
    .leftJoin('tasks', 'tasks.id', 'providerCalls.taskId')
    .select([
      'providerCalls.provider',
      'providerCalls.outcome',
      'providerCalls.costUsd',
      'providerCalls.startedAt',
      'tasks.consumedCredits',
      'tasks.status',
    ])
    .where('providerCalls.startedAt', '>=', options.fromMs)
    .where('providerCalls.startedAt', '<', options.toMs)
    .execute();
  const rows = new Map<string, ProviderCostRow>();
  for (const call of calls) {
    const day = new Date(Math.floor(Number(call.startedAt) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
    const key = `${day}\u0000${call.provider}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        day,
        provider: call.provider,
        tasks_served: 0,
        failed_calls: 0,
        skipped_calls: 0,
        provider_cost_usd: 0,
        calls_without_cost: 0,
        credits_earned: 0,
        credits_earned_usd: 0,
        margin_usd: 0,
      };
      rows.set(key, row);
    }
    if (call.outcome === 'skipped') {
      row.skipped_calls += 1;
      continue;
    }
    if (call.costUsd === null || call.costUsd === undefined) row.calls_without_cost += 1;
    else row.provider_cost_usd += Number(call.costUsd);
    if (call.outcome === 'success') {
      row.tasks_served += 1;
      if (call.status === 'success') row.credits_earned += Number(call.consumedCredits ?? 0);
    } else if (call.outcome === 'failed') {
      row.failed_calls += 1;
    }
  }
  return [...rows.values()]
    .map((row) => {
      const creditsUsd = round(row.credits_earned * USD_PER_CREDIT);
      return {
        ...row,
        provider_cost_usd: round(row.provider_cost_usd),
        credits_earned_usd: creditsUsd,
        margin_usd: round(creditsUsd - row.provider_cost_usd),
      };
    })
    .sort((left, right) =>
      left.day === right.day ? left.provider.localeCompare(right.provider) : right.day.localeCompare(left.day),
    );
}

/** The report as an aligned text table (the ops command's default output). */
export function formatProviderCostReport(rows: readonly ProviderCostRow[]): string {
  if (rows.length === 0) return 'no provider calls in this period';
  const header = [
    'day',
    'provider',
    'served',
    'failed',
    'skipped',
    'cost $',
    'unpriced',
    'credits',
    'credits $',
    'margin $',
  ];
  const lines = rows.map((row) =>
    [
      row.day,
      row.provider,
      row.tasks_served,
      row.failed_calls,
      row.skipped_calls,
      row.provider_cost_usd.toFixed(2),
      row.calls_without_cost,
      row.credits_earned,
      row.credits_earned_usd.toFixed(2),
      row.margin_usd.toFixed(2),
    ].map(String),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  return [header, ...lines]
    .map((line) =>
      line
        .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    )
    .join('\n');
}

function round(usd: number): number {
  return Math.round(usd * 100) / 100;
}
