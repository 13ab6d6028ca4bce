// Create-task throughput by database, API processes and accounts, in one run: SQLite and PostgreSQL, 1 and 2
// `polyforge serve --no-workers` processes, all creates from one account or spread over 50. autocannon (in this
// process) drives 32 connections of POST /v2/openapi/task (text_to_model); every account has credits and a
// concurrency limit that never refuses, so each 200 is a real create (price, hold, insert, enqueue). Afterwards
// the ledger is audited (balance = grants − holds, one hold per task). Prints a table; PostgreSQL runs on the
// shared server at --database (a fresh database per row, dropped after).
// Usage: node --conditions=polyforge-source --import tsx bench/create-scaling.ts [--seconds 8 --connections 32 --database postgres://...]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../packages/server/src/config.ts';
import { createPlatform } from '../packages/server/src/platform.ts';
import {
  argument,
  createDatabase,
  dropDatabase,
  freePort,
  startPolyforge,
  stopProcess,
  type PolyforgeProcess,
} from './load-cluster.ts';

const seconds = argument('seconds', 8);
const connections = argument('connections', 32);
const databaseIndex = process.argv.indexOf('--database');
const serverUrl = databaseIndex > 0 ? process.argv[databaseIndex + 1] : 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.argv.includes('--postgres-only') ? ['postgres'] : ['sqlite', 'postgres'];

interface Row {
  database: string;
  processes: number;
  accounts: number;
  createsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  ledgerProblems: number;
}

async function measure(databaseKind: string, processCount: number, accountCount: number): Promise<Row> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-scaling-'));
  const databaseName = `polyforge_scaling_${randomBytes(4).toString('hex')}`;
  const databaseUrl =
    databaseKind === 'postgres'
      ? await createDatabase(serverUrl, databaseName)
      : `sqlite:${path.join(dataDir, 'bench.sqlite')}`;
  const environment = {
    DATABASE_URL: databaseUrl,
    POLYFORGE_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    POLYFORGE_LOG_LEVEL: 'error',
    POLYFORGE_WORKERS: '0',
    POLYFORGE_RATE_LIMIT_PER_MINUTE: '0',
  };
  const processes: PolyforgeProcess[] = [];
  try {
    // accounts made directly on the database, before the servers start
    const setup = await createPlatform(loadConfig(environment));
    const keys: string[] = [];
    for (let index = 0; index < accountCount; index += 1) {
      const account = await setup.accounts.createAccount({
        email: `scaling-${index}@bench.local`,
        concurrencyLimit: 100_000_000,
      });
      await setup.onboarding.grantCredits(account.id, 100_000_000);
      keys.push(account.apiKey);
    }
    await setup.close();
    const ports: number[] = [];
    for (let index = 0; index < processCount; index += 1) {
      const port = await freePort();
      ports.push(port);
      processes.push(
        await startPolyforge(
          `api-${index + 1}`,
          ['serve', '--no-workers', '--port', String(port)],
          environment,
          /listening on/,
        ),
      );
    }
    const body = JSON.stringify({ type: 'text_to_model', prompt: 'a small wooden chair' });
    let next = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          // autocannon spreads the connections over several URLs (its types admit one)
          url: ports.map((port) => `http://127.0.0.1:${port}`) as unknown as string,
          connections,
          duration: seconds,
          requests: [
            {
              method: 'POST',
              path: '/v2/openapi/task',
              setupRequest: (request) => ({
                ...request,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[next++ % keys.length]}` },
                body,
              }),
            },
          ],
        },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
    });
    const ledgerProblems = await auditHolds(databaseKind, databaseUrl);
    return {
      database: databaseKind,
      processes: processCount,
      accounts: accountCount,
      createsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      ledgerProblems,
    };
  } finally {
    for (const process_ of processes) await stopProcess(process_);
    if (databaseKind === 'postgres') await dropDatabase(serverUrl, databaseName).catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Accounts whose grants + holds do not add up, and tasks without exactly one hold of their price. */
async function auditHolds(databaseKind: string, databaseUrl: string): Promise<number> {
  const queries = [
    `SELECT count(*) AS n FROM accounts a WHERE (SELECT coalesce(sum(credits_remaining), 0) FROM credit_grants g WHERE g.account_id = a.id)
       + (SELECT coalesce(sum(credits), 0) FROM hold_allocations h WHERE h.account_id = a.id) <> (SELECT coalesce(sum(credits), 0) FROM ledger_entries e WHERE e.account_id = a.id AND e.entry_type = 'grant')`,
    `SELECT count(*) AS n FROM tasks t WHERE t.cost_credits <> (SELECT coalesce(sum(credits), 0) FROM hold_allocations h WHERE h.task_id = t.id)`,
    `SELECT count(*) AS n FROM accounts a WHERE a.active_tasks <> (SELECT count(*) FROM tasks t WHERE t.account_id = a.id AND t.status IN ('queued', 'running'))`,
  ];
  let problems = 0;
  if (databaseKind === 'postgres') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    for (const query of queries) problems += Number((await client.query(query)).rows[0].n);
    await client.end();
  } else {
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const sqlite = new BetterSqlite3(databaseUrl.replace(/^sqlite:/, ''), { readonly: true });
    for (const query of queries) problems += Number((sqlite.prepare(query).get() as { n: number }).n);
    sqlite.close();
  }
  return problems;
}

const loadBefore = os.loadavg()[0].toFixed(1);
const rows: Row[] = [];
for (const databaseKind of only) {
  for (const processCount of [1, 2]) {
    for (const accountCount of [1, 50]) {
      const row = await measure(databaseKind, processCount, accountCount);
      console.log(
        `${row.database} ${row.processes} process(es) ${row.accounts} account(s): ${Math.round(row.createsPerSecond)} creates/s`,
      );
      rows.push(row);
    }
  }
}

console.log(
  `\nCreate-task scaling — ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `${seconds} s per row, ${connections} connections (autocannon, this process), text_to_model, workers off; load average before ${loadBefore}, after ${os.loadavg()[0].toFixed(1)}\n`,
);
console.log(
  '| database | API processes | accounts | creates/s | p50 ms | p99 ms | non-2xx | ledger problems | ratio to SQLite (same row) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const sqlite = rows.find(
    (other) => other.database === 'sqlite' && other.processes === row.processes && other.accounts === row.accounts,
  );
  const ratio = sqlite ? (row.createsPerSecond / sqlite.createsPerSecond).toFixed(2) : 'n/a';
  console.log(
    `| ${row.database} | ${row.processes} | ${row.accounts} | ${Math.round(row.createsPerSecond)} | ${row.p50} | ${row.p99} | ${row.non2xx} | ${row.ledgerProblems} | ${ratio} |`,
  );
}
