// The credit ledger: grants, holds, captures and releases. Grant rows carry what is left of each grant;
// ledger_entries is the append-only history. Expiring credits are spent first. Every row belongs to one wallet
// (billing/wallets.ts): a hold takes only from grants of its wallet and a release gives back to the same grants.
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import { NO_TELEMETRY, type PlatformTelemetry } from '../observability/telemetry.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { newId } from '../ids.ts';
import { preparedNamedQuery, preparedQuery } from '../db/prepared-query.ts';
import { allocateFromGrants, insufficientCreditsError, planHolds, type HoldPlan } from './hold-plan.ts';
import { DEFAULT_WALLET, type Wallet } from './wallets.ts';

const spendableCreditsQuery = preparedQuery<{ credits: number }, [string, number, Wallet]>((db, slot) =>
  db
    .selectFrom('creditGrants')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('creditsRemaining'), sql<number>`0`).as('credits'))
    .where('accountId', '=', slot(0))
    .where('wallet', '=', slot(2))
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', slot(1))])),
);

const frozenCreditsQuery = preparedQuery<{ credits: number }, [string, Wallet]>((db, slot) =>
  db
    .selectFrom('holdAllocations')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('credits'), sql<number>`0`).as('credits'))
    .where('accountId', '=', slot(0))
    .where('wallet', '=', slot(1))
    .where('state', '=', 'held'),
);

const spendableGrantsQuery = preparedQuery<
  { id: string; creditsRemaining: number; expiresAt: number | null },
  [string, number, Wallet]
>((db, slot) =>
  db
    .selectFrom('creditGrants')
    .select(['id', 'creditsRemaining', 'expiresAt'])
    .where('accountId', '=', slot(0))
    .where('wallet', '=', slot(2))
    .where('creditsRemaining', '>', 0)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', slot(1))]))
    .orderBy(sql`case when expires_at is null then 1 else 0 end`)
    .orderBy('expiresAt')
    .orderBy('createdAt'),
);

const takeFromGrantQuery = preparedQuery<{ id: string }, [number, string]>((db, slot) =>
  db
    .updateTable('creditGrants')
    .set((eb) => ({ creditsRemaining: eb('creditsRemaining', '-', slot(0)) }))
    .where('id', '=', slot(1))
    .where('creditsRemaining', '>=', slot(0))
    .returning(['id']),
);

const insertHoldQuery = preparedNamedQuery<
  never,
  { taskId: string; grantId: string; accountId: string; credits: number; createdAt: number; wallet: Wallet }
>((db, slot) =>
  db.insertInto('holdAllocations').values({
    taskId: slot('taskId'),
    grantId: slot('grantId'),
    accountId: slot('accountId'),
    credits: slot('credits'),
    state: 'held',
    createdAt: slot('createdAt'),
    wallet: slot('wallet'),
  }),
);

interface EntryValues {
  accountId: string;
  entryType: string;
  credits: number;
  grantId: string | null;
  taskId: string | null;
  note: string | null;
  createdAt: number;
  wallet: Wallet;
}

const insertEntryQuery = preparedNamedQuery<never, EntryValues>((db, slot) =>
  db.insertInto('ledgerEntries').values({
    accountId: slot('accountId'),
    entryType: slot('entryType'),
    credits: slot('credits'),
    grantId: slot('grantId'),
    taskId: slot('taskId'),
    note: slot('note'),
    createdAt: slot('createdAt'),
    wallet: slot('wallet'),
  }),
);

export const GRANT_SOURCES = ['trial', 'grant', 'purchase'] as const;
export type GrantSource = (typeof GRANT_SOURCES)[number];

export interface Balance {
  balance: number;
  frozen: number;
}

export interface GrantOptions {
  accountId: string;
  credits: number;
  source: GrantSource;
  expiresAt?: number | null;
  note?: string;
  /** default: the API wallet */
  wallet?: Wallet;
}

export class Ledger {
  constructor(
    private readonly clock: Clock,
    /** counts holds, captures and releases as they are written (a transaction rolled back after its write, rare, still counts) */
    private readonly telemetry: PlatformTelemetry = NO_TELEMETRY,
  ) {}

  async grant(db: Database, options: GrantOptions): Promise<{ grantId: string }> {
    if (!Number.isInteger(options.credits) || options.credits <= 0) {
      throw new DomainError('invalidParameter', 'credits must be a positive integer');
    }
    const grantId = newId();
    const nowMs = this.clock.nowMs();
    const wallet = options.wallet ?? DEFAULT_WALLET;
    await db
      .insertInto('creditGrants')
      .values({
        id: grantId,
        accountId: options.accountId,
        source: options.source,
        creditsGranted: options.credits,
        creditsRemaining: options.credits,
        expiresAt: options.expiresAt ?? null,
        createdAt: nowMs,
        wallet,
      })
      .execute();
    await this.appendEntry(db, {
      accountId: options.accountId,
      entryType: 'grant',
      credits: options.credits,
      grantId,
      note: options.note ?? options.source,
      wallet,
    });
    return { grantId };
  }

  /** The balance of one wallet; the API's unless told otherwise (GET /v2/openapi/user/balance is the API wallet). */
  async balance(db: Database, accountId: string, wallet: Wallet = DEFAULT_WALLET): Promise<Balance> {
    const [available] = await spendableCreditsQuery(db, accountId, this.clock.nowMs(), wallet);
    const [frozen] = await frozenCreditsQuery(db, accountId, wallet);
    return { balance: Number(available.credits), frozen: Number(frozen.credits) };
  }

  /** The account's grants, oldest first: of one wallet, or of both when none is named. */
  async listGrants(db: Database, accountId: string, wallet?: Wallet) {
    let query = db.selectFrom('creditGrants').selectAll().where('accountId', '=', accountId);
    if (wallet !== undefined) query = query.where('wallet', '=', wallet);
    return query.orderBy('createdAt').execute();
  }

  /** Moves `credits` from spendable grants of the wallet into a hold for the task. Call inside the task-creating transaction. */
  async hold(
    trx: Database,
    accountId: string,
    taskId: string,
    credits: number,
    wallet: Wallet = DEFAULT_WALLET,
  ): Promise<void> {
    if (credits === 0) return;
    const nowMs = this.clock.nowMs();
    const grants = await spendableGrantsQuery(trx, accountId, nowMs, wallet);
    const spendable = grants.reduce((sum, grant) => sum + grant.creditsRemaining, 0);
    if (spendable < credits) throw insufficientCreditsError(credits, spendable, wallet);
    for (const { grantId, taken } of allocateFromGrants(grants, credits)) {
      const updated = await takeFromGrantQuery(trx, taken, grantId);
      if (updated.length !== 1)
        throw new DomainError('insufficientCredits', 'the balance changed while holding credits; retry');
      await insertHoldQuery(trx, { taskId, grantId, accountId, credits: taken, createdAt: nowMs, wallet });
    }
    await this.appendEntry(trx, { accountId, entryType: 'hold', credits, taskId, wallet });
    this.telemetry.creditsMoved('held', wallet, credits);
  }

  /**
   * Holds for many tasks of one or more accounts in one go (a batch of creates under their accounts' locks): the
   * same rule as hold(), decided in memory from one read of the grants and written with a few statements.
   */
  planHolds(trx: Database, accountIds: readonly string[]): Promise<HoldPlan> {
    return planHolds(trx, accountIds, this.clock.nowMs(), this.telemetry);
  }

  /** Turns the task's hold into a charge. Returns the credits captured. */
  async capture(trx: Database, taskId: string): Promise<number> {
    const allocations = await this.heldAllocations(trx, taskId);
    if (allocations.length === 0) return 0;
    await trx
      .updateTable('holdAllocations')
      .set({ state: 'captured' })
      .where('taskId', '=', taskId)
      .where('state', '=', 'held')
      .execute();
    const credits = allocations.reduce((sum, allocation) => sum + allocation.credits, 0);
    await this.appendEntry(trx, {
      accountId: allocations[0].accountId,
      entryType: 'capture',
      credits,
      taskId,
      wallet: allocations[0].wallet as Wallet,
    });
    this.telemetry.creditsMoved('captured', allocations[0].wallet, credits);
    return credits;
  }

  /** Gives the task's held credits back to the grants they came from. Returns the credits released. */
  async release(trx: Database, taskId: string, note: string): Promise<number> {
    const allocations = await this.heldAllocations(trx, taskId);
    if (allocations.length === 0) return 0;
    await trx
      .updateTable('holdAllocations')
      .set({ state: 'released' })
      .where('taskId', '=', taskId)
      .where('state', '=', 'held')
      .execute();
    for (const allocation of allocations) {
      await trx
        .updateTable('creditGrants')
        .set((eb) => ({ creditsRemaining: eb('creditsRemaining', '+', allocation.credits) }))
        .where('id', '=', allocation.grantId)
        .execute();
    }
    const credits = allocations.reduce((sum, allocation) => sum + allocation.credits, 0);
    await this.appendEntry(trx, {
      accountId: allocations[0].accountId,
      entryType: 'release',
      credits,
      taskId,
      note,
      wallet: allocations[0].wallet as Wallet,
    });
    this.telemetry.creditsMoved('released', allocations[0].wallet, credits);
    return credits;
  }

  private heldAllocations(db: Database, taskId: string) {
    return db
      .selectFrom('holdAllocations')
      .select(['grantId', 'accountId', 'credits', 'wallet'])
      .where('taskId', '=', taskId)
      .where('state', '=', 'held')
      .execute();
  }

  private async appendEntry(
    db: Database,
    entry: {
      accountId: string;
      entryType: string;
      credits: number;
      grantId?: string;
      taskId?: string;
      note?: string;
      wallet: Wallet;
    },
  ): Promise<void> {
    await insertEntryQuery(db, {
      accountId: entry.accountId,
      entryType: entry.entryType,
      credits: entry.credits,
      grantId: entry.grantId ?? null,
      taskId: entry.taskId ?? null,
      note: entry.note ?? null,
      createdAt: this.clock.nowMs(),
      wallet: entry.wallet,
    });
  }
}
