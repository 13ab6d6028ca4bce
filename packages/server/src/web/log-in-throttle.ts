// Bounds password guessing on the web log-in: attempts per email address and per client address per minute,
// counted with the same shared, cross-process counter as the API's per-key rate limit.
import { createHash } from 'node:crypto';
import type { RequestRateLimiter } from '../ratelimit/request-rate-limiter.ts';

export const LOG_IN_THROTTLE_DEFAULTS = {
  /** attempts per email address per minute, whatever address they come from */
  perEmailPerMinute: 10,
  /** attempts per client IP address per minute, whatever email they name */
  perAddressPerMinute: 100,
} as const;

export interface LogInThrottleVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class LogInThrottle {
  constructor(
    private readonly limiter: RequestRateLimiter,
    private readonly limits: { perEmailPerMinute: number; perAddressPerMinute: number } = LOG_IN_THROTTLE_DEFAULTS,
  ) {}

  /** Counts one attempt; both counters are taken, so one exhausted counter does not spare the other. */
  async attempt(email: string, clientAddress: string): Promise<LogInThrottleVerdict> {
    const emailKey = `log-in:email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const addressKey = `log-in:address:${clientAddress}`;
    const [byEmail, byAddress] = await Promise.all([
      this.limiter.take(emailKey, this.limits.perEmailPerMinute),
      this.limiter.take(addressKey, this.limits.perAddressPerMinute),
    ]);
    const refusals = [byEmail, byAddress].filter((decision) => decision && !decision.allowed);
    return { allowed: refusals.length === 0, retryAfterSeconds: Math.max(0, ...refusals.map((decision) => decision!.retryAfterSeconds)) };
  }
}
