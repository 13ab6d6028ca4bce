// The error edge: how errors that are not DomainErrors reach the wire.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.ts';
import { toWireError } from './on-error.ts';

describe('toWireError', () => {
  it.each([
    [
      'a refused PostgreSQL connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a PostgreSQL shutting down',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['a connection pg lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a busy SQLite file', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
  ])('answers %s with a retryable 503 and Retry-After', (_name, error) => {
    const wire = toWireError(error);
    expect(wire.httpStatus).toBe(503);
    expect(wire.body.code).toBe(1000);
    expect(wire.body.message).toMatch(/temporarily unavailable: the database is not reachable/);
    expect(wire.retryAfterSeconds).toBe(2);
  });

  it('answers any other unexpected error with 500 / 1000 and no detail of it', () => {
    const wire = toWireError(new TypeError('cannot read properties of undefined (secret internals)'));
    expect(wire).toEqual({
      httpStatus: 500,
      body: { code: 1000, message: 'Unknown error on server side', suggestion: expect.any(String) },
      retryAfterSeconds: undefined,
    });
  });

  it('keeps domain errors as the catalog says', () => {
    expect(toWireError(new DomainError('taskNotFound', 'task x not found')).httpStatus).toBe(404);
  });
});
