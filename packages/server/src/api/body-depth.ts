// Refuses a JSON body nested deeper than any request of ours needs. JSON.parse takes any depth, but the code that
// walks a body afterwards (the Idempotency-Key hash, text moderation, the request schemas) recurses, and a body of
// 10,000 opening brackets overflowed its stack into a 500. Measured without recursion, so the check itself cannot.
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain-error.ts';

/** The deepest task request is about 6 levels; 64 leaves room for any client's extra fields. */
export const MAX_BODY_DEPTH = 64;

export function registerBodyDepthLimit(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== null && typeof request.body === 'object' && depthExceeds(request.body, MAX_BODY_DEPTH)) {
      throw new DomainError('malformedRequest', `the JSON body nests deeper than ${MAX_BODY_DEPTH} levels`);
    }
  });
}

export function depthExceeds(root: object, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[root, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limit) return true;
    for (const inner of Object.values(value))
      if (inner !== null && typeof inner === 'object') pending.push([inner, depth + 1]);
  }
  return false;
}
