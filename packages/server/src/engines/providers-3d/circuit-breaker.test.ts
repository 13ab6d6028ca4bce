// The breaker's states on an injected clock: closed → open after the threshold → half-open with one trial →
// closed on success or open again on failure; trip() opens at once.
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';

describe('CircuitBreaker', () => {
  it('opens after consecutive failures, lets one trial through after the wait, and closes on its success', () => {
    let nowMs = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 1000, now: () => nowMs });
    breaker.recordFailure('500');
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure('500 again');
    expect(breaker.snapshot()).toEqual({
      state: 'open',
      consecutiveFailures: 2,
      retryAtMs: 1000,
      lastFailure: '500 again',
    });
    expect(breaker.tryAcquire()).toBe(false);
    nowMs = 1000;
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('reopens when the trial fails, and trip() opens whatever the count', () => {
    let nowMs = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 5, openMs: 100, now: () => nowMs });
    breaker.trip('402');
    expect(breaker.state).toBe('open');
    nowMs = 100;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure('still 402');
    expect(breaker.snapshot()).toMatchObject({ state: 'open', retryAtMs: 200 });
    nowMs = 200;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.releaseTrial();
    expect(breaker.tryAcquire()).toBe(true);
  });
});
