// A short, seeded run of the API fuzzer (a few hundred requests derived from the OpenAPI document) against a real
// server: no 5xx, no hang, every answer documented, the ledger exact and the heap back within a bound after.
// The long run is bench/fuzz-api.ts.
import { expect, it } from 'vitest';
import { runApiFuzz } from './fuzz-api.ts';

const HEAP_GROWTH_LIMIT_BYTES = 64 * 1024 * 1024;

it('answers hundreds of fuzzed requests with documented errors, keeps the ledger exact and the heap bounded', async () => {
  const report = await runApiFuzz({ seed: 20261206, requests: 300 });
  console.log(JSON.stringify({ ...report, failures: report.failures.length }));
  const failures = report.failures
    .slice(0, 8)
    .map(
      (failure) =>
        `#${failure.index} ${failure.request.mutation} ${failure.request.method} ${failure.request.path}\n    ${failure.problem}\n    body: ${failure.request.body.slice(0, 200)}`,
    );
  expect(
    failures,
    `${report.failures.length} failures (seed ${report.seed}); first ones:\n${failures.join('\n')}`,
  ).toEqual([]);
  expect(report.auditProblems).toEqual([]);
  expect(report.victimIntact).toBe(true);
  expect(report.heapAfterBytes - report.heapBeforeBytes).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
  // the run reaches every operation, and most answers are refusals, not successes
  expect(report.operationsHit).toBe(report.operationsDocumented);
  expect(Object.keys(report.statuses).some((status) => Number(status) >= 400)).toBe(true);
}, 120_000);
