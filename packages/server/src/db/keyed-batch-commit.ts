// Batches of work per key, each batch one transaction (PostgreSQL): items that arrive while a key's batch runs wait
// and form its next batch, so one account's concurrent creates take its row lock once and commit once per batch
// instead of once each, while other keys (accounts) run in parallel. The batch function decides every item's
// outcome itself (in order, as consecutive transactions would) and writes the accepted ones with a few multi-row
// statements; no item's promise settles before the commit that stores it (or fails it).
import type { Database } from './database-schema.ts';

export type BatchOutcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

interface Pending<Item, Result> {
  item: Item;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

/** Items per transaction at most: a batch holds its key's lock for a few milliseconds at most. */
export const MAX_ITEMS_PER_BATCH = 64;

export class KeyedBatchCommit<Item, Result> {
  private readonly queues = new Map<string, Pending<Item, Result>[]>();

  constructor(
    private readonly db: Database,
    private readonly runBatch: (trx: Database, key: string, items: Item[]) => Promise<BatchOutcome<Result>[]>,
    private readonly maxItemsPerBatch = MAX_ITEMS_PER_BATCH,
  ) {}

  add(key: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      const created = [{ item, resolve, reject }];
      this.queues.set(key, created);
      // the next turn of the event loop: requests already readable queue their items first
      setImmediate(() => void this.drain(key, created));
    });
  }

  private async drain(key: string, queue: Pending<Item, Result>[]): Promise<void> {
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, this.maxItemsPerBatch);
        let outcomes: BatchOutcome<Result>[];
        try {
          outcomes = await this.db.transaction().execute((trx) =>
            this.runBatch(
              trx,
              key,
              batch.map((pending) => pending.item),
            ),
          );
        } catch (error) {
          // nothing of this batch was stored
          for (const pending of batch) pending.reject(error);
          continue;
        }
        batch.forEach((pending, index) => {
          const outcome = outcomes[index];
          if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        });
      }
    } finally {
      this.queues.delete(key);
    }
  }
}
