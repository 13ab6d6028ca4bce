import { describe, expect, it } from 'vitest';

describe('the worker RPC guard (test-support/worker-rpc-guard.ts)', () => {
  it("drops vitest's progress-report timeout, which would otherwise fail this run as an unhandled rejection", async () => {
    const timeout = new Error('[vitest-worker]: Timeout calling "onTaskUpdate"');
    const rejected = Promise.reject(timeout);
    rejected.catch(() => undefined);
    expect(process.emit('unhandledRejection', timeout, rejected)).toBe(true);
    // an event loop turn for vitest to see it, were it not dropped
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('passes every other event through', () => {
    let seen = 0;
    const listener = () => (seen += 1);
    process.on('polyforge-test-event' as 'exit', listener);
    try {
      expect(process.emit('polyforge-test-event' as 'exit', 0)).toBe(true);
      expect(seen).toBe(1);
    } finally {
      process.off('polyforge-test-event' as 'exit', listener);
    }
  });
});
