// The database reads behind the scrape-time gauges: queue depth and age per queue, external workers online.
import type { Database } from '../db/database-schema.ts';
import type { QueueState } from './prometheus-metrics.ts';

export async function readQueueStates(db: Database): Promise<QueueState[]> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => [
      'queueName',
      'status',
      eb.fn.countAll<number>().as('jobs'),
      eb.fn.min('createdAt').as('oldestCreatedAt'),
    ])
    .where('status', 'in', ['queued', 'leased'])
    .groupBy(['queueName', 'status'])
    .execute();
  const states = new Map<string, QueueState>();
  for (const row of rows) {
    const state = states.get(row.queueName) ?? {
      queueName: row.queueName,
      queued: 0,
      leased: 0,
      oldestQueuedAtMs: null,
    };
    if (row.status === 'queued') {
      state.queued = Number(row.jobs);
      state.oldestQueuedAtMs = row.oldestCreatedAt === null ? null : Number(row.oldestCreatedAt);
    } else {
      state.leased = Number(row.jobs);
    }
    states.set(row.queueName, state);
  }
  return [...states.values()];
}

export async function countOnlineWorkers(db: Database, seenSinceMs: number): Promise<number> {
  const row = await db
    .selectFrom('workers')
    .select((eb) => eb.fn.countAll<number>().as('workers'))
    .where('lastSeenAt', '>=', seenSinceMs)
    .executeTakeFirst();
  return Number(row?.workers ?? 0);
}
