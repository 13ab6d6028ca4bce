// Benchmark: claim latency of the fair queue with 10,000 jobs of one account queued (plus a few of others),
// against the plain FIFO claim (oldest job first, the platform's earlier query) on the same rows and index set.
// Each claim is one transaction, as a worker takes it. Usage: node --conditions=polyforge-source --import tsx bench/fair-queue-claim.ts
// (DATABASE_URL=postgres://... for PostgreSQL; default: a SQLite file in a temp dir)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../packages/server/src/clock.ts';
import type { Database } from '../packages/server/src/db/database-schema.ts';
import { isPostgres, openDatabase } from '../packages/server/src/db/open-database.ts';
import { JobQueue } from '../packages/server/src/queue/job-queue.ts';

const QUEUED_FOR_A = 10_000;
const CLAIMS = 1000;
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-bench-fair-'));
const databaseUrl = process.env.DATABASE_URL;
const db = await openDatabase(
  databaseUrl
    ? { kind: 'postgres', url: databaseUrl }
    : { kind: 'sqlite', filePath: path.join(dataDir, 'bench.sqlite') },
);
const queue = new JobQueue(systemClock, 30);

async function createAccount(): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('accounts')
    .values({
      id,
      email: `${id}@bench.local`,
      clientId: `tcli_${id.replace(/-/g, '')}`,
      concurrencyLimit: 100_000,
      isDemo: 0,
      createdAt: Date.now(),
    } as never)
    .execute();
  return id;
}

async function fill(queueName: string): Promise<{ a: string; others: string[] }> {
  const a = await createAccount();
  const others = [await createAccount(), await createAccount(), await createAccount()];
  await db.transaction().execute((trx) =>
    queue.enqueueMany(
      trx,
      a,
      Array.from({ length: QUEUED_FOR_A }, () => ({ id: randomUUID() })),
      queueName,
    ),
  );
  for (let round = 0; round < 3; round += 1) {
    for (const account of others)
      await db.transaction().execute((trx) => queue.enqueue(trx, { id: randomUUID(), accountId: account, queueName }));
  }
  return { a, others };
}

/** The FIFO claim the platform used before the fair queue: oldest created first. */
async function fifoClaim(trx: Database, owner: string, queueName: string): Promise<{ accountId: string } | undefined> {
  let query = trx
    .selectFrom('jobs')
    .select(['id', 'accountId'])
    .where('status', '=', 'queued')
    .where('availableAt', '<=', Date.now())
    .where('queueName', 'in', [queueName])
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1);
  if (isPostgres(trx)) query = query.forUpdate().skipLocked();
  const candidate = await query.executeTakeFirst();
  if (!candidate) return undefined;
  await trx
    .updateTable('jobs')
    .set((eb) => ({
      status: 'leased',
      leaseOwner: owner,
      leaseExpiresAt: Date.now() + 30_000,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', candidate.id)
    .execute();
  return candidate;
}

async function measure(
  name: string,
  claim: (trx: Database, owner: string) => Promise<{ accountId: string } | undefined>,
  others: string[],
) {
  const latencies: number[] = [];
  let firstOtherClaim = -1;
  let othersServed = 0;
  for (let index = 0; index < CLAIMS; index += 1) {
    const startedNs = process.hrtime.bigint();
    const job = await db.transaction().execute((trx) => claim(trx, `bench-${index}`));
    latencies.push(Number(process.hrtime.bigint() - startedNs) / 1e6);
    if (job && others.includes(job.accountId)) {
      othersServed += 1;
      if (firstOtherClaim < 0) firstOtherClaim = index;
    }
  }
  latencies.sort((left, right) => left - right);
  const at = (fraction: number) => latencies[Math.floor(latencies.length * fraction)].toFixed(3);
  return { name, p50: at(0.5), p99: at(0.99), firstOtherClaim, othersServed };
}

try {
  const fair = await fill('fair');
  const fairResult = await measure(
    'fair claim (dispatch rank)',
    (trx, owner) => queue.claim(trx, owner, ['fair']),
    fair.others,
  );
  // the claim's SELECT alone (no lock, no commit), to separate the index walk from the transaction's commit
  const selectOnly = await measure(
    'fair claim query only (no commit)',
    async (trx) =>
      trx
        .selectFrom('jobs')
        .select(['accountId'])
        .where('queueName', '=', 'fair')
        .where('status', '=', 'queued')
        .orderBy('dispatchRank')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst(),
    [],
  );
  const fifo = await fill('fifo');
  const fifoResult = await measure(
    'FIFO claim (created_at)',
    (trx, owner) => fifoClaim(trx, owner, 'fifo'),
    fifo.others,
  );
  console.log(
    `database: ${databaseUrl ? 'postgres' : 'sqlite'}; queued: ${QUEUED_FOR_A} jobs of A + 3 × 3 of B, C, D; ${CLAIMS} claims`,
  );
  console.log('| claim | p50 ms | p99 ms | first claim of B/C/D | B/C/D jobs served in the first 1000 claims |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of [fairResult, fifoResult])
    console.log(
      `| ${row.name} | ${row.p50} | ${row.p99} | ${row.firstOtherClaim < 0 ? 'none' : `#${row.firstOtherClaim + 1}`} | ${row.othersServed} of 9 |`,
    );
  console.log(`| ${selectOnly.name} | ${selectOnly.p50} | ${selectOnly.p99} | — | — |`);
  console.log(`ratio fair / FIFO at p50: ${(Number(fairResult.p50) / Number(fifoResult.p50)).toFixed(2)}`);
} finally {
  await db.destroy();
  await fs.rm(dataDir, { recursive: true, force: true });
}
