// The ledger audit that load and fault runs end with, on SQLite or PostgreSQL: every balance equals grants minus
// captures (minus what is still held), nothing is frozen once work has drained, no task is charged twice, and the
// accounts' active-task counters agree with their tasks.
import { sql } from 'kysely';
import type { Database } from '../../src/db/database-schema.ts';

export interface LedgerAudit {
  accounts: number;
  /** accounts whose spendable credits differ from grants − captures − held (must be 0) */
  balanceMismatches: number;
  /** credits still held by tasks (must be 0 once the run has drained) */
  frozenCredits: number;
  /** tasks captured more than once (must be 0) */
  doubleCharges: number;
  /** tasks whose consumed credits differ from their captures, or captured without succeeding (must be 0) */
  captureMismatches: number;
  /** tasks not in a final state (must be 0 once drained) */
  unfinishedTasks: number;
  /** accounts whose active-task count differs from their queued + running tasks (must be 0) */
  activeCountMismatches: number;
  creditsGranted: number;
  creditsCaptured: number;
}

export async function auditLedger(db: Database): Promise<LedgerAudit> {
  const one = async (query: ReturnType<typeof sql<{ value: number | string | null }>>) =>
    Number((await query.execute(db)).rows[0]?.value ?? 0);
  return {
    accounts: await one(sql`SELECT count(*) AS value FROM accounts`),
    balanceMismatches: await one(sql`
      SELECT count(*) AS value FROM accounts a
      WHERE (SELECT coalesce(sum(credits_remaining), 0) FROM credit_grants g WHERE g.account_id = a.id)
         <> (SELECT coalesce(sum(credits), 0) FROM ledger_entries e WHERE e.account_id = a.id AND e.entry_type = 'grant')
          - (SELECT coalesce(sum(credits), 0) FROM ledger_entries e WHERE e.account_id = a.id AND e.entry_type = 'capture')
          - (SELECT coalesce(sum(credits), 0) FROM hold_allocations h WHERE h.account_id = a.id AND h.state = 'held')`),
    frozenCredits: await one(sql`SELECT coalesce(sum(credits), 0) AS value FROM hold_allocations WHERE state = 'held'`),
    doubleCharges: await one(
      sql`SELECT count(*) AS value FROM (SELECT task_id FROM ledger_entries WHERE entry_type = 'capture' GROUP BY task_id HAVING count(*) > 1) doubled`,
    ),
    captureMismatches: await one(sql`
      SELECT count(*) AS value FROM tasks t
      WHERE t.consumed_credits <> (SELECT coalesce(sum(credits), 0) FROM ledger_entries e WHERE e.task_id = t.id AND e.entry_type = 'capture')
         OR (t.status <> 'success' AND t.data_deleted_at IS NULL AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.task_id = t.id AND e.entry_type = 'capture'))`),
    unfinishedTasks: await one(sql`SELECT count(*) AS value FROM tasks WHERE status IN ('queued', 'running')`),
    activeCountMismatches: await one(sql`
      SELECT count(*) AS value FROM accounts a
      WHERE a.active_tasks <> (SELECT count(*) FROM tasks t WHERE t.account_id = a.id AND t.status IN ('queued', 'running'))`),
    creditsGranted: await one(
      sql`SELECT coalesce(sum(credits), 0) AS value FROM ledger_entries WHERE entry_type = 'grant'`,
    ),
    creditsCaptured: await one(
      sql`SELECT coalesce(sum(credits), 0) AS value FROM ledger_entries WHERE entry_type = 'capture'`,
    ),
  };
}

/** The audit's invariants, as the list of those that fail (empty when the ledger is sound). */
export function auditProblems(audit: LedgerAudit, options: { drained: boolean }): string[] {
  return [
    audit.balanceMismatches > 0 && `${audit.balanceMismatches} balances ≠ grants − captures`,
    audit.doubleCharges > 0 && `${audit.doubleCharges} tasks charged twice`,
    audit.captureMismatches > 0 && `${audit.captureMismatches} tasks whose charge ≠ capture`,
    audit.activeCountMismatches > 0 && `${audit.activeCountMismatches} active-task counters off`,
    options.drained && audit.frozenCredits > 0 && `${audit.frozenCredits} credits frozen`,
    options.drained && audit.unfinishedTasks > 0 && `${audit.unfinishedTasks} tasks not final`,
  ].filter((problem): problem is string => typeof problem === 'string');
}
