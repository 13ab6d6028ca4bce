// Bounds password guessing on the web log-in: attempts per email address and per client address per minute,
// counted with the same shared, cross-process counter as the API's per-key rate limit; and failed attempts per
// client address per hour whatever e-mails they name (password spraying: one password tried on many accounts),
// counted from a table of failures that every API process writes.
import { createHash } from 'node:crypto';
import { hashClientAddress } from '../accounts/signup-policy.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import type { RequestRateLimiter } from '../ratelimit/request-rate-limiter.ts';

export const LOG_IN_THROTTLE_DEFAULTS = {
  /** attempts per email address per minute, whatever address they come from */
  perEmailPerMinute: 10,
  /** attempts per client IP address per minute, whatever email they name */
  perAddressPerMinute: 100,
  /** failed attempts per client address (an IPv6 /64) per hour, across e-mails; 0 = not counted */
  failuresPerAddressPerHour: 30,
} as const;

const HOUR_MS = 3600_000;

export interface LogInThrottleVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class LogInThrottle {
  constructor(
    private readonly limiter: RequestRateLimiter,
    private readonly limits: {
      perEmailPerMinute: number;
      perAddressPerMinute: number;
      failuresPerAddressPerHour: number;
    } = LOG_IN_THROTTLE_DEFAULTS,
    private readonly failures?: { db: Database; clock: Clock },
  ) {}

  /** Counts one attempt; both counters are taken, so one exhausted counter does not spare the other. */
  async attempt(email: string, clientAddress: string): Promise<LogInThrottleVerdict> {
    const emailKey = `log-in:email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const addressKey = `log-in:address:${clientAddress}`;
    const [byEmail, byAddress, retryAfterFailures] = await Promise.all([
      this.limiter.take(emailKey, this.limits.perEmailPerMinute),
      this.limiter.take(addressKey, this.limits.perAddressPerMinute),
      this.failureWait(clientAddress),
    ]);
    const refusals = [byEmail, byAddress].filter((decision) => decision && !decision.allowed);
    const retryAfterSeconds = Math.max(
      0,
      retryAfterFailures,
      ...refusals.map((decision) => decision!.retryAfterSeconds),
    );
    return { allowed: refusals.length === 0 && retryAfterFailures === 0, retryAfterSeconds };
  }

  /** Records a failed attempt of this client address (and prunes failures older than the hour now and then). */
  async recordFailure(clientAddress: string): Promise<void> {
    if (!this.failures || this.limits.failuresPerAddressPerHour <= 0) return;
    const { db, clock } = this.failures;
    const nowMs = clock.nowMs();
    await db
      .insertInto('logInFailures')
      .values({ addressHash: hashClientAddress(clientAddress), failedAt: nowMs })
      .execute();
    if (Math.random() < 0.01)
      await db
        .deleteFrom('logInFailures')
        .where('failedAt', '<', nowMs - HOUR_MS)
        .execute();
  }

  /** Seconds until the oldest counted failure ages out, when the address is at its limit; else 0. */
  private async failureWait(clientAddress: string): Promise<number> {
    const limit = this.limits.failuresPerAddressPerHour;
    if (!this.failures || limit <= 0) return 0;
    const { db, clock } = this.failures;
    const nowMs = clock.nowMs();
    const recent = await db
      .selectFrom('logInFailures')
      .select('failedAt')
      .where('addressHash', '=', hashClientAddress(clientAddress))
      .where('failedAt', '>', nowMs - HOUR_MS)
      .orderBy('failedAt', 'desc')
      .limit(limit)
      .execute();
    if (recent.length < limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - 1].failedAt + HOUR_MS - nowMs) / 1000));
  }
}
