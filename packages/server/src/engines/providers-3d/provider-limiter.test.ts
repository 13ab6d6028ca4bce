// The limiter: at most maxConcurrent slots, waiters served first come first served as slots free, a cancelled
// waiter leaves the line, and the per-minute start budget on an injected clock.
import { describe, expect, it } from 'vitest';
import { ProviderLimiter } from './provider-limiter.ts';

describe('ProviderLimiter', () => {
  it('hands freed slots to waiters in arrival order', async () => {
    const limiter = new ProviderLimiter({ maxConcurrent: 1, tasksPerMinute: 100 });
    const signal = new AbortController().signal;
    const first = await limiter.acquire(signal);
    expect(limiter.hasRoom()).toBe(false);
    const order: string[] = [];
    const second = limiter.acquire(signal).then((release) => (order.push('second'), release));
    const third = limiter.acquire(signal).then((release) => (order.push('third'), release));
    expect(limiter.waiting).toBe(2);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(limiter.active).toBe(0);
    expect(limiter.hasRoom()).toBe(true);
  });

  it('drops a cancelled waiter and counts starts per sliding minute', async () => {
    let nowMs = 0;
    const limiter = new ProviderLimiter({ maxConcurrent: 10, tasksPerMinute: 2, now: () => nowMs });
    const signal = new AbortController().signal;
    (await limiter.acquire(signal))();
    (await limiter.acquire(signal))();
    expect(limiter.hasRoom()).toBe(false);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(limiter.waiting).toBe(0);
    nowMs = 60_001;
    expect(limiter.hasRoom()).toBe(true);
  });

  it("a reservation taken at claim is what the task's acquire gets; a cancelled or lapsed one frees the slot", async () => {
    let nowMs = 0;
    const limiter = new ProviderLimiter({ maxConcurrent: 1, tasksPerMinute: 100, now: () => nowMs });
    const signal = new AbortController().signal;
    limiter.reserve();
    expect(limiter.hasRoom()).toBe(false);
    const release = await limiter.acquire(signal);
    expect(limiter.active).toBe(1);
    release();
    expect(limiter.hasRoom()).toBe(true);
    limiter.reserve();
    limiter.cancelReservation();
    expect(limiter.hasRoom()).toBe(true);
    limiter.reserve();
    nowMs = 30_001;
    expect(limiter.hasRoom()).toBe(true);
    expect(limiter.active).toBe(0);
  });
});
