// Writes the provider calls an engine reported while running a task (engines never touch the database).
import type { Database } from '../db/database-schema.ts';
import type { ProviderCallRecord } from '../engines/engine.ts';
import { newId } from '../ids.ts';

export async function recordProviderCalls(
  db: Database,
  task: { id: string; accountId: string },
  calls: readonly ProviderCallRecord[],
): Promise<void> {
  if (calls.length === 0) return;
  await db
    .insertInto('providerCalls')
    .values(
      calls.map((call) => ({
        id: newId(),
        taskId: task.id,
        accountId: task.accountId,
        provider: call.provider,
        providerModel: call.providerModel.slice(0, 200),
        providerTaskId: call.providerTaskId?.slice(0, 200) ?? null,
        outcome: call.outcome,
        failureKind: call.failureKind ?? null,
        message: call.message?.slice(0, 1000) ?? null,
        reportedCostAmount: call.reportedCost?.amount ?? null,
        reportedCostUnit: call.reportedCost?.unit ?? null,
        costUsd: call.costUsd ?? null,
        startedAt: call.startedAtMs,
        durationMs: Math.max(0, Math.round(call.durationMs)),
      })),
    )
    .execute();
}
