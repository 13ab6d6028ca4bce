// Long run of the API fuzzer (packages/server/test/fuzz): requests derived from the OpenAPI document against a real
// server on SQLite (or PostgreSQL with TEST_DATABASE_URL), then the ledger audit and the heap. Prints a table.
// Usage: node --conditions=polyforge-source --import tsx bench/fuzz-api.ts [--requests 10000 --seed 1 --concurrency 6]
import { runApiFuzz } from '../packages/server/test/fuzz/fuzz-api.ts';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const requests = argument('requests', 10_000);
const seed = argument('seed', 20261206);
const concurrency = argument('concurrency', 6);

// the default limit (1200 a minute per key) would turn most of a long run into 429s; the short test stays under it
const report = await runApiFuzz({
  seed,
  requests,
  concurrency,
  environment: { POLYFORGE_RATE_LIMIT_PER_MINUTE: '10000000' },
});
const megabytes = (bytes: number) => (bytes / 1048576).toFixed(1);
const problemKinds = new Map<string, number>();
for (const failure of report.failures) {
  const kind = `${failure.request.operationId} ${failure.request.mutation}: ${failure.problem.replace(/\{.*$/s, '').slice(0, 70)}`;
  problemKinds.set(kind, (problemKinds.get(kind) ?? 0) + 1);
}
const rows: [string, string][] = [
  ['seed', String(report.seed)],
  ['requests', String(report.requests)],
  ['concurrency', String(concurrency)],
  ['fuzzing time (s)', (report.durationMs / 1000).toFixed(1)],
  ['requests per second', (report.requests / (report.durationMs / 1000)).toFixed(0)],
  ['settling the tasks left (s)', (report.settleMs / 1000).toFixed(1)],
  ['operations hit / documented', `${report.operationsHit} / ${report.operationsDocumented}`],
  [
    'answers by status',
    Object.entries(report.statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', '),
  ],
  [
    'requests by mutation',
    Object.entries(report.mutations)
      .map(([mutation, count]) => `${mutation}: ${count}`)
      .join(', '),
  ],
  ['failures (5xx, hang, undocumented answer)', String(report.failures.length)],
  ['ledger audit problems', report.auditProblems.length === 0 ? 'none' : report.auditProblems.join('; ')],
  ["victim tenant's task and webhook intact", String(report.victimIntact)],
  ['heap after GC, before → after (MB)', `${megabytes(report.heapBeforeBytes)} → ${megabytes(report.heapAfterBytes)}`],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`| ${'measure'.padEnd(width)} | value |`);
console.log(`|${'-'.repeat(width + 2)}|-------|`);
for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
for (const [kind, count] of [...problemKinds].sort((a, b) => b[1] - a[1])) console.log(`  ${count} × ${kind}`);

// the run fails (exit 1) on any failure, an unbalanced ledger, a touched victim, or a heap that kept what it served
const HEAP_GROWTH_LIMIT_BYTES = 64 * 1048576;
const heapGrowth = report.heapAfterBytes - report.heapBeforeBytes;
const verdicts = [
  report.failures.length > 0 && `${report.failures.length} failures`,
  report.auditProblems.length > 0 && 'ledger audit problems',
  !report.victimIntact && "the victim tenant's data changed",
  heapGrowth > HEAP_GROWTH_LIMIT_BYTES &&
    `the heap grew by ${megabytes(heapGrowth)} MB (limit ${megabytes(HEAP_GROWTH_LIMIT_BYTES)} MB)`,
].filter(Boolean);
if (verdicts.length > 0) console.log(`FAILED: ${verdicts.join('; ')}`);
process.exit(verdicts.length > 0 ? 1 : 0);
