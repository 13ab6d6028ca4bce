// Holds for a batch of creates of one or many accounts, all under their account locks (tasks/create-task-batch.ts):
// the spendable grants of every account are read with one query, each hold is decided in order in memory with the
// rule Ledger.hold applies (grants that expire first are spent first), and what fitted is written with three
// statements for the whole batch. Holds take from an account's grants only under its row lock, so the grants read
// at the start stay right for the whole batch (a grant committed meanwhile is left for the next one).
import { sql } from 'kysely';
import type { Database } from '../db/database-schema.ts';
import { valueById } from '../db/value-by-id.ts';
import { DomainError } from '../domain-error.ts';
import type { PlatformTelemetry } from '../observability/telemetry.ts';
import { DEFAULT_WALLET, type Wallet } from './wallets.ts';

export interface HoldPlan {
  /** undefined when the hold fits (it is then part of the plan); the insufficientCredits error otherwise */
  tryHold(accountId: string, taskId: string, credits: number, wallet?: Wallet): DomainError | undefined;
  /** stores every hold that fitted */
  write(): Promise<void>;
}

interface SpendableGrant {
  id: string;
  creditsRemaining: number;
}

/** Which grants a hold takes from, and how much of each: those that expire first, so trial credits go first. */
export function allocateFromGrants(
  grants: readonly SpendableGrant[],
  credits: number,
): { grantId: string; taken: number }[] {
  const taken: { grantId: string; taken: number }[] = [];
  let stillNeeded = credits;
  for (const grant of grants) {
    if (stillNeeded === 0) break;
    const amount = Math.min(stillNeeded, grant.creditsRemaining);
    if (amount <= 0) continue;
    taken.push({ grantId: grant.id, taken: amount });
    stillNeeded -= amount;
  }
  return taken;
}

export function insufficientCreditsError(credits: number, spendable: number, wallet: Wallet): DomainError {
  const balanceName = wallet === DEFAULT_WALLET ? 'the balance' : `the ${wallet} wallet's balance`;
  return new DomainError(
    'insufficientCredits',
    `this task costs ${credits} credits and ${balanceName} is ${spendable}`,
  );
}

/** The spendable grants of the accounts, per account and wallet, in the order holds take from them. */
async function spendableGrantsOf(
  trx: Database,
  accountIds: readonly string[],
  nowMs: number,
): Promise<Map<string, SpendableGrant[]>> {
  const rows = await trx
    .selectFrom('creditGrants')
    .select(['id', 'accountId', 'wallet', 'creditsRemaining'])
    .where('accountId', 'in', accountIds)
    .where('creditsRemaining', '>', 0)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', nowMs)]))
    .orderBy(sql`case when expires_at is null then 1 else 0 end`)
    .orderBy('expiresAt')
    .orderBy('createdAt')
    .execute();
  const grants = new Map<string, SpendableGrant[]>();
  for (const row of rows) {
    const key = walletKey(row.accountId, row.wallet as Wallet);
    const list = grants.get(key) ?? [];
    list.push({ id: row.id, creditsRemaining: Number(row.creditsRemaining) });
    grants.set(key, list);
  }
  return grants;
}

function walletKey(accountId: string, wallet: Wallet): string {
  return `${accountId} ${wallet}`;
}

export async function planHolds(
  trx: Database,
  accountIds: readonly string[],
  nowMs: number,
  telemetry: PlatformTelemetry,
): Promise<HoldPlan> {
  const grantsByWallet = accountIds.length > 0 ? await spendableGrantsOf(trx, accountIds, nowMs) : new Map();
  const allocations: { accountId: string; taskId: string; grantId: string; taken: number; wallet: Wallet }[] = [];
  const entries: { accountId: string; taskId: string; credits: number; wallet: Wallet }[] = [];
  return {
    tryHold: (accountId, taskId, credits, wallet = DEFAULT_WALLET) => {
      if (credits === 0) return undefined;
      const grants: SpendableGrant[] = grantsByWallet.get(walletKey(accountId, wallet)) ?? [];
      const spendable = grants.reduce((sum, grant) => sum + grant.creditsRemaining, 0);
      if (spendable < credits) return insufficientCreditsError(credits, spendable, wallet);
      for (const { grantId, taken } of allocateFromGrants(grants, credits)) {
        grants.find((grant) => grant.id === grantId)!.creditsRemaining -= taken;
        allocations.push({ accountId, taskId, grantId, taken, wallet });
      }
      entries.push({ accountId, taskId, credits, wallet });
      return undefined;
    },
    write: async () => {
      if (entries.length === 0) return;
      const takenByGrant = new Map<string, number>();
      for (const allocation of allocations)
        takenByGrant.set(allocation.grantId, (takenByGrant.get(allocation.grantId) ?? 0) + allocation.taken);
      const taken = valueById(takenByGrant, 'integer');
      const updated = await trx
        .updateTable('creditGrants')
        .set((eb) => ({ creditsRemaining: eb('creditsRemaining', '-', taken) }))
        .where('id', 'in', [...takenByGrant.keys()])
        .where('creditsRemaining', '>=', taken)
        .returning(['id'])
        .execute();
      if (updated.length !== takenByGrant.size)
        throw new DomainError('insufficientCredits', 'the balance changed while holding credits; retry');
      await trx
        .insertInto('holdAllocations')
        .values(
          allocations.map((allocation) => ({
            taskId: allocation.taskId,
            grantId: allocation.grantId,
            accountId: allocation.accountId,
            credits: allocation.taken,
            state: 'held',
            createdAt: nowMs,
            wallet: allocation.wallet,
          })),
        )
        .execute();
      await trx
        .insertInto('ledgerEntries')
        .values(
          entries.map((entry) => ({
            accountId: entry.accountId,
            entryType: 'hold',
            credits: entry.credits,
            grantId: null,
            taskId: entry.taskId,
            note: null,
            createdAt: nowMs,
            wallet: entry.wallet,
          })),
        )
        .execute();
      for (const entry of entries) telemetry.creditsMoved('held', entry.wallet, entry.credits);
    },
  };
}
