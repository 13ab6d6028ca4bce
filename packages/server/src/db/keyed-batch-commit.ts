// Batches of keyed items, each batch one transaction (PostgreSQL): the items that wait when a batch starts go into
// it, whatever their keys, so the concurrent creates of many accounts take their row locks and commit once per
// batch instead of once each; items that arrive while it runs form the next one. One batch runs at a time, so a
// key's items are judged in arrival order, each batch seeing what the one before committed. (Two or four batches
// of disjoint keys at once were measured too: they were slower, with smaller batches and more commits.) The batch
// function decides every item's outcome itself (in order, as consecutive transactions would) and writes the
// accepted ones with a few multi-row statements; no item's promise settles before the commit that stores it (or
// fails it).
//
// Hand-written because no queue library we know of groups work into shared transactions this way; the group commit
// for SQLite (group-commit.ts) is the same idea with savepoints.
import type { Database } from './database-schema.ts';
import { isDatabaseUnavailable } from './database-availability.ts';

export type BatchOutcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

export interface KeyedItem<Item> {
  key: string;
  item: Item;
}

interface Pending<Item, Result> extends KeyedItem<Item> {
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

/** Items per transaction at most: a batch holds its accounts' locks for a few milliseconds at most. */
export const MAX_ITEMS_PER_BATCH = 64;

export class KeyedBatchCommit<Item, Result> {
  private readonly waiting: Pending<Item, Result>[] = [];
  private draining = false;

  constructor(
    private readonly db: Database,
    private readonly runBatch: (trx: Database, items: readonly KeyedItem<Item>[]) => Promise<BatchOutcome<Result>[]>,
    private readonly maxItemsPerBatch = MAX_ITEMS_PER_BATCH,
  ) {}

  add(key: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ key, item, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      // the next turn of the event loop: requests already readable queue their items first
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, this.maxItemsPerBatch));
    } finally {
      this.draining = false;
    }
  }

  private async commit(batch: Pending<Item, Result>[]): Promise<void> {
    try {
      const outcomes = await this.db.transaction().execute((trx) => this.runBatch(trx, batch));
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      // Nothing of this batch was stored. A statement one key's items broke must not fail the other keys' items:
      // with several keys, each key's items run again in their own transaction, as they would without this batch.
      // When the database is down, that would only fail again.
      const keys = new Set(batch.map((pending) => pending.key));
      if (keys.size === 1 || isDatabaseUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      await Promise.all([...keys].map((key) => this.commit(batch.filter((pending) => pending.key === key))));
    }
  }
}
