// A small in-process cache of finished tasks, so polling a task that has ended skips the database.
//
// Only final tasks (success, failed, cancelled, banned, expired) are kept: queued and running tasks change under
// workers of any process and are always read from the database. A final task changes only when the retention
// sweeper (in any process) deletes its data and turns it `expired`, so an entry is trusted for at most
// FINAL_TASK_CACHE_TTL_MS and read again after that: that is the bound on how late a poll here sees the change.
// Entries are per task id and carry their account, so a read for another account misses and goes to the database
// (which answers "not found"). Bounded in size; the oldest entry goes first.
import { isFinalStatus } from '@polyforge/protocol';
import type { TaskWithQueueInfo } from './task-service.ts';

/** How long a final task read from the database is served from memory. */
export const FINAL_TASK_CACHE_TTL_MS = 1000;
const MAX_ENTRIES = 5000;

interface CachedTask {
  info: TaskWithQueueInfo;
  accountId: string;
  readAtMs: number;
}

export class TaskReadCache {
  private readonly entries = new Map<string, CachedTask>();

  constructor(
    private readonly ttlMs = FINAL_TASK_CACHE_TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The cached final task, when it belongs to the account and was read less than the TTL ago. */
  get(accountId: string, taskId: string, nowMs: number): TaskWithQueueInfo | undefined {
    const entry = this.entries.get(taskId);
    if (!entry || entry.accountId !== accountId) return undefined;
    // a clock that went back (tests move a manual clock) counts as stale too
    if (nowMs - entry.readAtMs >= this.ttlMs || nowMs < entry.readAtMs) {
      this.entries.delete(taskId);
      return undefined;
    }
    return entry.info;
  }

  /** Keeps a task just read from the database, if it has ended. */
  remember(info: TaskWithQueueInfo, nowMs: number): void {
    if (!isFinalStatus(info.task.status)) return;
    const taskId = info.task.id;
    this.entries.delete(taskId);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // one object serves every poll, so it is frozen: a caller that tried to change it would fail loudly
    this.entries.set(taskId, { info: freezeDeep(info), accountId: info.task.accountId, readAtMs: nowMs });
  }

  forget(taskId: string): void {
    this.entries.delete(taskId);
  }
}

function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freezeDeep(inner);
  }
  return value;
}
