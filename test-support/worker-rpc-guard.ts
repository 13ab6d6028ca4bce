// Loaded in every test worker (vitest.config.ts setupFiles). Vitest's worker reports progress to the main process
// with an RPC that gives up after 60 s; when a test keeps the worker's event loop busy that long (heavy geometry
// on a 2-core machine under load), the timer fires before the reply is read and the give-up surfaces as an
// "Unhandled Rejection" that makes a run whose every test passed exit 1. The report itself was sent and arrives,
// so that one rejection is dropped here; every other unhandled error still reaches vitest. Stalls of the event
// loop over STALL_WARNING_MS are written to stderr with the test that caused them, so they can be found and fixed.
import { expect } from 'vitest';

const PROGRESS_RPC_TIMEOUT = /^\[vitest-worker\]: Timeout calling "(onTaskUpdate|onCollected|onUserConsoleLog)"$/;
const STALL_WARNING_MS = 20_000;
const TICK_MS = 1_000;

const emit = process.emit.bind(process) as (event: string | symbol, ...args: unknown[]) => boolean;
process.emit = function filteredEmit(event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'unhandledRejection' && args[0] instanceof Error && PROGRESS_RPC_TIMEOUT.test(args[0].message)) {
    process.stderr.write(
      `[test-support] dropped a vitest progress-report timeout (${args[0].message}): the worker's event loop was blocked for over 60 s\n`,
    );
    return true;
  }
  return emit(event, ...args);
} as typeof process.emit;

let lastTick = Date.now();
setInterval(() => {
  const now = Date.now();
  const stalled = now - lastTick - TICK_MS;
  if (stalled > STALL_WARNING_MS) {
    const test = expect.getState().currentTestName ?? 'a hook or the file itself';
    process.stderr.write(
      `[test-support] event loop blocked for ${(stalled / 1000).toFixed(1)} s in ${expect.getState().testPath ?? ''} (${test})\n`,
    );
  }
  lastTick = now;
}, TICK_MS).unref();
