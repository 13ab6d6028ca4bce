// Requests per minute per API key, counted in fixed one-minute windows shared by every API process.
//
// Method: token leasing over a shared counter. Each process leases tokens for a key from one database row per
// (key, window) with an atomic upsert (`request_count += n RETURNING request_count`) and spends them locally, so
// the hot path is a Map lookup; only every n-th request of a key touches the database. Lease sizes start at 1
// and double up to limit/50, so a quiet key strands almost nothing and a busy key costs ~50 writes a minute.
// Tokens are granted only up to the limit, so all processes together never admit more than the limit; a key may
// be refused early by at most the tokens other processes leased and have not spent yet ((processes − 1) ×
// limit/50). Why not per-process limits: they are exact only behind a perfectly even load balancer. Why not one
// write per request: on SQLite that is a write transaction per poll, which halves get-task throughput.
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';

export const RATE_LIMIT_WINDOW_MS = 60_000;
const MAX_LEASE_FRACTION = 1 / 50;
const MAX_LEASE_TOKENS = 1000;

const leaseQuery = preparedQuery<{ requestCount: number }, [string, number, number]>((db, slot) =>
  db
    .insertInto('rateLimitWindows')
    .values({ keyId: slot(0), windowStart: slot(1), requestCount: slot(2) })
    .onConflict((conflict) =>
      conflict.columns(['keyId', 'windowStart']).doUpdateSet((eb) => ({
        requestCount: eb('rateLimitWindows.requestCount', '+', eb.ref('excluded.requestCount')),
      })),
    )
    .returning(['requestCount']),
);

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** requests left in this window (an estimate across processes: never more than what is really left) */
  remaining: number;
  /** unix seconds when the window ends and the count starts again */
  resetAtSeconds: number;
  retryAfterSeconds: number;
}

interface KeyWindowState {
  tokens: number;
  /** the shared count after this process's last lease (includes every process's leased tokens) */
  sharedCount: number;
  nextLeaseSize: number;
  exhausted: boolean;
  leasing?: Promise<void>;
}

export class RequestRateLimiter {
  private windowStartMs = 0;
  private readonly states = new Map<string, KeyWindowState>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: (message: string, details?: Record<string, unknown>) => void = () => undefined,
  ) {}

  /** Counts one request of the key against `limitPerMinute`; undefined when the key is not limited (limit 0). */
  async take(keyId: string, limitPerMinute: number): Promise<RateLimitDecision | undefined> {
    if (limitPerMinute <= 0) return undefined;
    for (;;) {
      const windowStartMs = this.rotateWindow();
      const state = this.stateOf(keyId);
      if (state.tokens > 0) {
        state.tokens -= 1;
        return this.decision(true, limitPerMinute, state, windowStartMs);
      }
      if (state.exhausted) return this.decision(false, limitPerMinute, state, windowStartMs);
      state.leasing ??= this.lease(keyId, limitPerMinute, state, windowStartMs).finally(() => {
        state.leasing = undefined;
      });
      await state.leasing;
      // A lease that failed (database unreachable) leaves a token so the request passes: fail open.
    }
  }

  private async lease(keyId: string, limit: number, state: KeyWindowState, windowStartMs: number): Promise<void> {
    const maxLease = Math.max(1, Math.min(MAX_LEASE_TOKENS, Math.ceil(limit * MAX_LEASE_FRACTION)));
    const wanted = Math.min(state.nextLeaseSize, maxLease);
    try {
      const [row] = await leaseQuery(this.db, keyId, windowStartMs, wanted);
      const sharedCount = Number(row.requestCount);
      const granted = Math.max(0, Math.min(wanted, wanted - (sharedCount - limit)));
      state.tokens += granted;
      state.sharedCount = sharedCount;
      state.nextLeaseSize = Math.min(maxLease, wanted * 2);
      if (sharedCount >= limit) state.exhausted = true;
    } catch (error) {
      this.log('rate limit counter unavailable; letting the request through', {
        error: String((error as Error)?.message ?? error),
      });
      state.tokens += 1;
    }
  }

  private decision(allowed: boolean, limit: number, state: KeyWindowState, windowStartMs: number): RateLimitDecision {
    const windowEndMs = windowStartMs + RATE_LIMIT_WINDOW_MS;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - state.sharedCount) + state.tokens,
      resetAtSeconds: Math.ceil(windowEndMs / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((windowEndMs - this.clock.nowMs()) / 1000)),
    };
  }

  private stateOf(keyId: string): KeyWindowState {
    let state = this.states.get(keyId);
    if (!state) {
      state = { tokens: 0, sharedCount: 0, nextLeaseSize: 1, exhausted: false };
      this.states.set(keyId, state);
    }
    return state;
  }

  /** Starts a new window when the minute turns: forgets local state and prunes old shared rows. */
  private rotateWindow(): number {
    const windowStartMs = Math.floor(this.clock.nowMs() / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
    if (windowStartMs !== this.windowStartMs) {
      this.windowStartMs = windowStartMs;
      this.states.clear();
      this.db
        .deleteFrom('rateLimitWindows')
        .where('windowStart', '<', windowStartMs - RATE_LIMIT_WINDOW_MS)
        .execute()
        .catch(() => undefined);
    }
    return windowStartMs;
  }
}
