// Load: 2 API processes (`polyforge serve --no-workers`) + 2 worker processes (`polyforge work`) on one PostgreSQL
// database, 200 concurrent clients creating and polling real convert_model tasks for 60 s. Checks: zero 5xx, zero
// lost tasks, every account's balance = grants − captures (ledger audit), no account ever over its concurrency
// limit (sampled every 200 ms). Prints a table. Not run in CI.
// Usage: node --conditions=polyforge-source --import tsx bench/load-test.ts [--seconds 60 --clients 200 --accounts 20 --concurrency 5]
//        [--database postgres://postgres@127.0.0.1:5432/postgres] (a fresh database is created there and dropped)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import {
  argument,
  auditLedgerAt,
  createBenchAccounts,
  createDatabase,
  dropDatabase,
  FINAL_STATUSES,
  freePort,
  percentile,
  sleep,
  startPolyforge,
  stopProcess,
  worstConcurrency,
  type PolyforgeProcess,
} from './load-cluster.ts';

const seconds = argument('seconds', 60);
const clientCount = argument('clients', 200);
const accountCount = argument('accounts', 20);
const concurrencyLimit = argument('concurrency', 5);
const databaseIndex = process.argv.indexOf('--database');
const serverUrl = databaseIndex > 0 ? process.argv[databaseIndex + 1] : 'postgres://postgres@127.0.0.1:5432/postgres';

const databaseName = `polyforge_load_${randomBytes(4).toString('hex')}`;
const databaseUrl = await createDatabase(serverUrl, databaseName);
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-load-'));
const environment = {
  DATABASE_URL: databaseUrl,
  POLYFORGE_DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  POLYFORGE_LOG_LEVEL: 'warn',
  POLYFORGE_WORKER_CONCURRENCY: '2',
  // the limiter stays on (its shared counter is part of the hot path being measured), high enough not to refuse
  POLYFORGE_RATE_LIMIT_PER_MINUTE: '60000',
};

interface EndpointStats {
  latenciesMs: number[];
  statuses: Map<number, number>;
  networkErrors: number;
}
const stats = { create: newStats(), get: newStats() };
function newStats(): EndpointStats {
  return { latenciesMs: [], statuses: new Map(), networkErrors: 0 };
}

const processes: PolyforgeProcess[] = [];
try {
  // The first API process migrates the empty database; the others find it migrated.
  const apiPorts = [await freePort(), await freePort()];
  for (const [index, port] of apiPorts.entries()) {
    processes.push(
      await startPolyforge(
        `api-${index + 1}`,
        ['serve', '--no-workers', '--port', String(port)],
        environment,
        /listening on/,
      ),
    );
  }
  for (let index = 0; index < 2; index += 1)
    processes.push(await startPolyforge(`worker-${index + 1}`, ['work'], environment, /workers running/));
  const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  let roundRobin = 0;
  const nextApi = () => apiUrls[roundRobin++ % apiUrls.length];

  // Accounts with credits and a finished import to convert from.
  const accounts = await createBenchAccounts({
    databaseUrl,
    dataDir,
    nextApi,
    count: accountCount,
    emailPrefix: 'load',
    credits: 1_000_000,
    concurrencyLimit,
    model: await texturedCubeGlb(),
    pollMilliseconds: 100,
  });

  // The concurrency monitor: the worst account, sampled every 200 ms in one statement (one snapshot).
  const monitor = new pg.Client({ connectionString: databaseUrl });
  await monitor.connect();
  let worstSeen = { worstRatio: 0, active: 0, limit: concurrencyLimit };
  let monitoring = true;
  const monitorLoop = (async () => {
    while (monitoring) {
      const sample = await worstConcurrency(monitor);
      if (sample.worstRatio > worstSeen.worstRatio) worstSeen = sample;
      await sleep(200);
    }
  })();

  async function timed(endpoint: EndpointStats, request: () => Promise<Response>): Promise<Response | undefined> {
    const startedMs = performance.now();
    try {
      const response = await request();
      endpoint.latenciesMs.push(performance.now() - startedMs);
      endpoint.statuses.set(response.status, (endpoint.statuses.get(response.status) ?? 0) + 1);
      return response;
    } catch {
      endpoint.networkErrors += 1;
      return undefined;
    }
  }

  const accepted = new Map<string, string>(); // task id → account id
  const finished = new Set<string>();
  const startedAt = Date.now();
  const endsAt = startedAt + seconds * 1000;
  const drainDeadline = endsAt + 180_000;

  async function client(index: number): Promise<void> {
    const account = accounts[index % accounts.length];
    const headers = { Authorization: `Bearer ${account.apiKey}` };
    const body = JSON.stringify({ type: 'convert_model', format: 'STL', original_model_task_id: account.sourceTaskId });
    while (Date.now() < endsAt) {
      const created = await timed(stats.create, () =>
        fetch(`${nextApi()}/v2/openapi/task`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body,
        }),
      );
      const json = created ? await created.json().catch(() => undefined) : undefined;
      if (created?.status !== 200 || !json?.data?.task_id) {
        // 2000 (concurrency limit) and 1007 say when to come back; stay polite and bounded
        await sleep(Math.min(1000, Number(created?.headers.get('retry-after') ?? 1) * 200));
        continue;
      }
      const taskId = json.data.task_id as string;
      accepted.set(taskId, account.id);
      while (Date.now() < drainDeadline) {
        await sleep(250);
        const response = await timed(stats.get, () => fetch(`${nextApi()}/v2/openapi/task/${taskId}`, { headers }));
        const task = response?.status === 200 ? await response.json() : undefined;
        if (task && FINAL_STATUSES.has(task.data.status)) {
          finished.add(taskId);
          break;
        }
      }
    }
  }

  await Promise.all(Array.from({ length: clientCount }, (_, index) => client(index)));
  const drainedAt = Date.now();
  monitoring = false;
  await monitorLoop;

  const audit = await auditLedgerAt(databaseUrl);
  const { rows: taskRows } = await monitor.query(
    `SELECT status, count(*)::int AS count FROM tasks WHERE type = 'convert_model' GROUP BY status`,
  );
  const { rows: lostRows } = await monitor.query(
    `SELECT count(*)::int AS count FROM tasks WHERE id = ANY($1::text[])`,
    [[...accepted.keys()]],
  );
  await monitor.end();

  const count = (endpoint: EndpointStats, predicate: (status: number) => boolean) =>
    [...endpoint.statuses].filter(([status]) => predicate(status)).reduce((sum, [, n]) => sum + n, 0);
  const allRequests = stats.create.latenciesMs.length + stats.get.latenciesMs.length;
  const fiveHundreds = count(stats.create, (status) => status >= 500) + count(stats.get, (status) => status >= 500);
  const succeeded = taskRows.find((row) => row.status === 'success')?.count ?? 0;
  const lost = accepted.size - finished.size + (accepted.size - lostRows[0].count);

  console.log(
    `\nPolyforge load — ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `2 API + 2 worker processes (2 tasks each) on PostgreSQL; ${clientCount} clients, ${accountCount} accounts (concurrency limit ${concurrencyLimit}), ${seconds} s of load, then drained in ${((drainedAt - endsAt) / 1000).toFixed(1)} s\n`,
  );
  console.log('| measure | value |');
  console.log('|---|---:|');
  const rows: [string, string | number][] = [
    ['requests (create + get)', allRequests],
    ['requests/s', Math.round(allRequests / ((drainedAt - startedAt) / 1000))],
    [
      'create p50 / p99 ms',
      `${percentile(stats.create.latenciesMs, 0.5).toFixed(1)} / ${percentile(stats.create.latenciesMs, 0.99).toFixed(1)}`,
    ],
    [
      'get p50 / p99 ms',
      `${percentile(stats.get.latenciesMs, 0.5).toFixed(1)} / ${percentile(stats.get.latenciesMs, 0.99).toFixed(1)}`,
    ],
    ['creates accepted (200)', accepted.size],
    ['creates refused: concurrency limit (429 / 2000)', count(stats.create, (status) => status === 429)],
    ['tasks succeeded', succeeded],
    ['tasks/s (accepted, over the run)', (accepted.size / ((drainedAt - startedAt) / 1000)).toFixed(1)],
    ['5xx responses', fiveHundreds],
    ['network errors', stats.create.networkErrors + stats.get.networkErrors],
    ['lost tasks (accepted but not final, or missing)', lost],
    ['most active tasks seen on one account / its limit', `${worstSeen.active} / ${worstSeen.limit}`],
    ['ledger: accounts whose balance ≠ grants − captures', audit.balanceMismatches],
    ['ledger: credits still frozen', audit.frozenCredits],
    ['ledger: tasks captured twice', audit.doubleCharges],
    ['ledger: consumed ≠ captured', audit.captureMismatches],
    ['active-task counters off', audit.activeCountMismatches],
    ['credits captured', audit.creditsCaptured],
  ];
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
  const failures = [
    fiveHundreds > 0 && '5xx responses',
    lost > 0 && 'lost tasks',
    worstSeen.worstRatio > 1 && 'an account over its concurrency limit',
    audit.balanceMismatches +
      audit.frozenCredits +
      audit.doubleCharges +
      audit.captureMismatches +
      audit.activeCountMismatches >
      0 && 'the ledger audit',
  ].filter(Boolean);
  console.log(failures.length === 0 ? '\nall checks passed' : `\nFAILED: ${failures.join(', ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  for (const process_ of processes) await stopProcess(process_);
  await dropDatabase(serverUrl, databaseName).catch(() => undefined);
  await fs.rm(dataDir, { recursive: true, force: true });
}
