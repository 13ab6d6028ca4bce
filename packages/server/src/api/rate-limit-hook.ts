// The request-rate limit at the HTTP edge: after authentication, counts the request against its API key and sets
// the X-RateLimit-* headers; over the limit answers 429 / 1007 with Retry-After.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain-error.ts';
import type { RequestRateLimiter } from '../ratelimit/request-rate-limiter.ts';

export interface RateLimitHookOptions {
  limiter: RequestRateLimiter;
  /** the deployment default; an account's own setting (rateLimitPerMinute on its keys) wins */
  defaultPerMinute: number;
}

export function rateLimitHook({ limiter, defaultPerMinute }: RateLimitHookOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const key = request.account;
    if (!key) return; // unauthenticated routes (health, signed downloads) are not counted per key
    const limitPerMinute = key.rateLimitPerMinute ?? defaultPerMinute;
    const decision = await limiter.take(key.keyId, limitPerMinute);
    if (!decision) return;
    reply.header('X-RateLimit-Limit', decision.limit);
    reply.header('X-RateLimit-Remaining', decision.remaining);
    reply.header('X-RateLimit-Reset', decision.resetAtSeconds);
    if (!decision.allowed) {
      throw new DomainError(
        'rateLimited',
        `this API key may send ${decision.limit} requests per minute; the count starts again in ${decision.retryAfterSeconds} s`,
        {
          retryAfterSeconds: decision.retryAfterSeconds,
        },
      );
    }
  };
}
