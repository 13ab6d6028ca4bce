// The request-rate limiter's cost on the hot path, measured alone (the HTTP benchmark is too noisy on a shared
// machine to see it): time per take() for a busy key whose tokens are leased in batches, the database writes that
// cost, and a one-write-per-request counter (the design not taken) on the same database for comparison.
// Usage: node --conditions=polyforge-source --import tsx bench/load-rate-limit.ts [--requests 200000] [--database postgres://...]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { systemClock } from '../packages/server/src/clock.ts';
import { openDatabase } from '../packages/server/src/db/open-database.ts';
import { RequestRateLimiter } from '../packages/server/src/ratelimit/request-rate-limiter.ts';
import { argument, createDatabase, dropDatabase } from './load-cluster.ts';

const requests = argument('requests', 200_000);
const databaseIndex = process.argv.indexOf('--database');
const serverUrl = databaseIndex > 0 ? process.argv[databaseIndex + 1] : 'postgres://postgres@127.0.0.1:5432/postgres';

async function measure(label: string, db: Awaited<ReturnType<typeof openDatabase>>) {
  const limiter = new RequestRateLimiter(db, systemClock);
  const keyId = `bench-${randomBytes(4).toString('hex')}`;
  const startedMs = performance.now();
  for (let index = 0; index < requests; index += 1) await limiter.take(keyId, 100_000_000);
  const limiterMs = performance.now() - startedMs;
  const [row] = await db.selectFrom('rateLimitWindows').select(['requestCount']).where('keyId', '=', keyId).execute();
  // the alternative: one upsert per request
  const perRequest = Math.min(requests, 5_000);
  const upsertStartedMs = performance.now();
  for (let index = 0; index < perRequest; index += 1) {
    await db
      .insertInto('rateLimitWindows')
      .values({ keyId: `${keyId}-each`, windowStart: 0, requestCount: 1 })
      .onConflict((conflict) =>
        conflict
          .columns(['keyId', 'windowStart'])
          .doUpdateSet((eb) => ({ requestCount: eb('rateLimitWindows.requestCount', '+', 1) })),
      )
      .execute();
  }
  const upsertMs = performance.now() - upsertStartedMs;
  return {
    label,
    microsecondsPerTake: ((limiterMs * 1000) / requests).toFixed(2),
    leasedCount: row?.requestCount ?? 0,
    microsecondsPerUpsert: ((upsertMs * 1000) / perRequest).toFixed(1),
  };
}

const rows = [];
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-ratelimit-bench-'));
const sqlite = await openDatabase({ kind: 'sqlite', filePath: path.join(dataDir, 'bench.sqlite') });
rows.push(await measure('SQLite (WAL)', sqlite));
await sqlite.destroy();
await fs.rm(dataDir, { recursive: true, force: true });
const databaseName = `polyforge_ratelimit_${randomBytes(4).toString('hex')}`;
try {
  const postgres = await openDatabase({ kind: 'postgres', url: await createDatabase(serverUrl, databaseName) });
  rows.push(await measure('PostgreSQL', postgres));
  await postgres.destroy();
} finally {
  await dropDatabase(serverUrl, databaseName).catch(() => undefined);
}

console.log(
  `\nRate limiter hot path — ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(`${requests} take() calls of one busy key (limit 100,000,000/min: leases of 1000 tokens)\n`);
console.log(
  '| database | µs per take() (leased tokens) | tokens leased from the shared row | µs per request with one upsert each (not chosen) |',
);
console.log('|---|---:|---:|---:|');
for (const row of rows)
  console.log(`| ${row.label} | ${row.microsecondsPerTake} | ${row.leasedCount} | ${row.microsecondsPerUpsert} |`);
