import { describe, expect, it } from 'vitest';
import { nextPollDelayMs, retryDelayMs } from './poll-delay.ts';

describe('nextPollDelayMs', () => {
  const options = { pollIntervalMs: 1000, maxPollIntervalMs: 10_000 };
  it.each([
    [null, 1000],
    [undefined, 1000],
    [-1, 1000],
    [0, 1000],
    [1, 1000],
    [4, 2000],
    [12, 6000],
    [600, 10_000],
    [Number.NaN, 1000],
  ])('running_left_time %s s → %s ms', (runningLeftTime, expected) => {
    expect(nextPollDelayMs(runningLeftTime, options)).toBe(expected);
  });

  it('never polls faster than asked, even when the cap is below the interval', () => {
    expect(nextPollDelayMs(100, { pollIntervalMs: 20_000, maxPollIntervalMs: 10_000 })).toBe(20_000);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, undefined, 1000],
    [2, undefined, 2000],
    [4, undefined, 8000],
    [9, undefined, 8000],
    [1, 3, 3000],
    [1, 0, 0],
    [1, 120, 30_000],
  ])('attempt %s with Retry-After %s → %s ms', (attempt, retryAfterSeconds, expected) => {
    expect(retryDelayMs(attempt, retryAfterSeconds)).toBe(expected);
  });
});
