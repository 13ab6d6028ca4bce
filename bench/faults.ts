// Faults: 2 API + 2 worker processes on a private PostgreSQL server, clients creating and polling real tasks,
// while the run SIGKILLs a worker mid-task, SIGKILLs an API process mid-burst, and crash-restarts PostgreSQL.
// Afterwards every accepted task must be final, no credit frozen, nothing charged twice (ledger audit).
// The private server is initdb'd into a temp dir on its own port (never the shared one on 5432).
// Usage: node --conditions=polyforge-source --import tsx bench/faults.ts [--clients 40 --accounts 10 --seconds 36]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { denseGridDocument, toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import {
  argument,
  auditLedgerAt,
  createBenchAccounts,
  FINAL_STATUSES,
  freePort,
  PrivatePostgres,
  sleep,
  startPolyforge,
  stopProcess,
  type PolyforgeProcess,
} from './load-cluster.ts';

const clientCount = argument('clients', 40);
const accountCount = argument('accounts', 10);
const seconds = argument('seconds', 36);

const postgres = await PrivatePostgres.start();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-faults-'));
const environment = {
  DATABASE_URL: postgres.url,
  POLYFORGE_DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  POLYFORGE_LOG_LEVEL: 'error',
  POLYFORGE_WORKER_CONCURRENCY: '2',
  POLYFORGE_LEASE_SECONDS: '5',
  POLYFORGE_RATE_LIMIT_PER_MINUTE: '60000',
};
const events: { atSeconds: number; fault: string; detail: string }[] = [];
const processes = new Map<string, PolyforgeProcess>();
const log = (fault: string, detail: string) => {
  events.push({ atSeconds: Number(((Date.now() - startedAt) / 1000).toFixed(1)), fault, detail });
  console.log(`[${events.at(-1)!.atSeconds}s] ${fault}: ${detail}`);
};
let startedAt = Date.now();

try {
  const apiPorts = [await freePort(), await freePort()];
  const startApi = (index: number) =>
    startPolyforge(
      `api-${index + 1}`,
      ['serve', '--no-workers', '--port', String(apiPorts[index])],
      environment,
      /listening on/,
    );
  const startWorker = (index: number) =>
    startPolyforge(`worker-${index + 1}`, ['work'], environment, /workers running/);
  for (const index of [0, 1]) processes.set(`api-${index + 1}`, await startApi(index));
  for (const index of [0, 1]) processes.set(`worker-${index + 1}`, await startWorker(index));
  const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  let roundRobin = 0;
  const nextApi = () => apiUrls[roundRobin++ % apiUrls.length];

  // Accounts, each with a 60k-triangle grid imported: its conversions take long enough to be killed mid-way.
  const accounts = await createBenchAccounts({
    databaseUrl: postgres.url,
    dataDir,
    nextApi,
    count: accountCount,
    emailPrefix: 'faults',
    credits: 100_000,
    concurrencyLimit: 10,
    model: await toGlb(denseGridDocument(60_000)),
    pollMilliseconds: 200,
  });

  const responses = { ok: 0, clientErrors: 0, serverErrors: 0, networkErrors: 0 };
  const accepted = new Set<string>();
  startedAt = Date.now();
  // Load runs `seconds`, and at least 6 s past the last fault, so every fault lands while tasks are created.
  let endsAt = startedAt + seconds * 1000;
  const drainSeconds = argument('drain-seconds', 120);
  let drainDeadline = endsAt + drainSeconds * 1000;
  const record = (response: Response | undefined) => {
    if (!response) responses.networkErrors += 1;
    else if (response.status >= 500) responses.serverErrors += 1;
    else if (response.status >= 400) responses.clientErrors += 1;
    else responses.ok += 1;
  };
  const send = (url: string, init: RequestInit) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(15_000) }).catch(() => undefined);

  async function client(index: number): Promise<void> {
    const account = accounts[index % accounts.length];
    const headers = { Authorization: `Bearer ${account.apiKey}` };
    const formats = ['STL', 'OBJ', 'GLTF'];
    while (Date.now() < endsAt) {
      const body = JSON.stringify({
        type: 'convert_model',
        format: formats[index % formats.length],
        original_model_task_id: account.sourceTaskId,
      });
      const created = await send(`${nextApi()}/v2/openapi/task`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body,
      });
      record(created);
      const json = created?.status === 200 ? await created.json().catch(() => undefined) : undefined;
      if (!json?.data?.task_id) {
        await sleep(300);
        continue;
      }
      const taskId = json.data.task_id as string;
      accepted.add(taskId);
      while (Date.now() < drainDeadline) {
        await sleep(300);
        const response = await send(`${nextApi()}/v2/openapi/task/${taskId}`, { headers });
        record(response);
        const task = response?.status === 200 ? await response.json().catch(() => undefined) : undefined;
        if (task && FINAL_STATUSES.has(task.data.status)) break;
      }
    }
  }

  async function faults(): Promise<void> {
    // 1. SIGKILL a worker while it holds a task (found by its lease), then restart it as a supervisor would.
    await sleep(6_000);
    const watcher = new pg.Client({ connectionString: postgres.url });
    await watcher.connect();
    const victim = processes.get('worker-1')!;
    let heldTasks: string[] = [];
    for (let attempt = 0; attempt < 100 && heldTasks.length === 0; attempt += 1) {
      const { rows } = await watcher.query(`SELECT id FROM jobs WHERE status = 'leased' AND lease_owner LIKE $1`, [
        `%:${victim.child.pid}:%`,
      ]);
      heldTasks = rows.map((row) => row.id);
      if (heldTasks.length === 0) await sleep(100);
    }
    await watcher.end();
    await stopProcess(victim, 'SIGKILL');
    log('SIGKILL worker-1', `while it ran ${heldTasks.length} task(s): ${heldTasks.join(', ')}`);
    killedMidTask.push(...heldTasks);
    await sleep(1_000);
    processes.set('worker-1', await startWorker(0));
    log('restart worker-1', 'new process');

    // 2. SIGKILL an API process in the middle of the clients' burst; restart it on the same port.
    await sleep(6_000);
    await stopProcess(processes.get('api-1')!, 'SIGKILL');
    log('SIGKILL api-1', 'mid-burst');
    await sleep(2_000);
    processes.set('api-1', await startApi(0));
    log('restart api-1', 'same port');

    // 3. Crash-restart PostgreSQL (immediate stop: no clean shutdown, recovery on start).
    await sleep(6_000);
    postgres.stopImmediately();
    log('PostgreSQL stopped', 'immediate (crash-like)');
    await sleep(4_000);
    await postgres.startServer();
    log('PostgreSQL started', 'after 4 s down');
    endsAt = Math.max(endsAt, Date.now() + 6_000);
    drainDeadline = endsAt + drainSeconds * 1000;
  }

  const killedMidTask: string[] = [];
  await Promise.all([faults(), ...Array.from({ length: clientCount }, (_, index) => client(index))]);
  const loadEndedAt = endsAt;

  // Everything accepted, and everything in the database, must reach a final state.
  const checker = new pg.Client({ connectionString: postgres.url });
  await checker.connect();
  let unfinished = -1;
  while (Date.now() < drainDeadline) {
    unfinished = Number(
      (await checker.query(`SELECT count(*) AS n FROM tasks WHERE status IN ('queued', 'running')`)).rows[0].n,
    );
    if (unfinished === 0) break;
    await sleep(1000);
  }
  const drainedAt = Date.now();
  for (const [name, process_] of processes) {
    const alive = process_.child.exitCode === null && process_.child.signalCode === null;
    if (!alive || unfinished !== 0)
      console.log(
        `--- ${name} (${alive ? 'running' : `exited ${process_.child.exitCode ?? process_.child.signalCode}`}), last output:\n${process_.output.join('').slice(-3000)}`,
      );
  }
  const { rows: statusRows } = await checker.query(
    `SELECT status, error_code, count(*)::int AS n FROM tasks WHERE type = 'convert_model' GROUP BY status, error_code ORDER BY n DESC`,
  );
  const { rows: acceptedRows } = await checker.query(`SELECT status FROM tasks WHERE id = ANY($1::text[])`, [
    [...accepted],
  ]);
  const { rows: killedRows } = await checker.query(`SELECT id, status FROM tasks WHERE id = ANY($1::text[])`, [
    killedMidTask,
  ]);
  const { rows: jobRows } = await checker.query(`SELECT count(*)::int AS n FROM jobs WHERE status <> 'done'`);
  await checker.end();
  const audit = await auditLedgerAt(postgres.url);

  const acceptedNotFinal = accepted.size - acceptedRows.filter((row) => FINAL_STATUSES.has(row.status)).length;
  console.log(
    `\nPolyforge faults — ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `2 API + 2 worker processes on a private PostgreSQL; ${clientCount} clients, ${accountCount} accounts, ${((endsAt - startedAt) / 1000).toFixed(0)} s of load, every task final ${((drainedAt - loadEndedAt) / 1000).toFixed(1)} s after the last create\n`,
  );
  console.log('| fault | at (s) | detail |');
  console.log('|---|---:|---|');
  for (const event of events) console.log(`| ${event.fault} | ${event.atSeconds} | ${event.detail} |`);
  console.log('\n| measure | value |');
  console.log('|---|---:|');
  const rows: [string, string | number][] = [
    [
      'responses 2xx / 4xx / 5xx / network errors',
      `${responses.ok} / ${responses.clientErrors} / ${responses.serverErrors} / ${responses.networkErrors}`,
    ],
    ['tasks accepted (create answered 200)', accepted.size],
    ['accepted tasks not final', acceptedNotFinal],
    ['tasks not final in the database', unfinished],
    ['jobs not done', jobRows[0].n],
    ['tasks the killed worker held → final status', killedRows.map((row) => row.status).join(', ') || 'none held'],
    [
      'convert tasks by status (error code)',
      statusRows.map((row) => `${row.status}${row.error_code ? ` (${row.error_code})` : ''}: ${row.n}`).join(', '),
    ],
    ['ledger: balance ≠ grants − captures', audit.balanceMismatches],
    ['ledger: credits frozen', audit.frozenCredits],
    ['ledger: tasks captured twice', audit.doubleCharges],
    ['ledger: consumed ≠ captured, or captured without success', audit.captureMismatches],
    ['active-task counters off', audit.activeCountMismatches],
  ];
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
  const failures = [
    acceptedNotFinal > 0 && 'accepted tasks not final',
    unfinished !== 0 && 'tasks not final',
    killedRows.some((row) => !FINAL_STATUSES.has(row.status)) && 'a killed task not final',
    audit.frozenCredits > 0 && 'frozen credits',
    audit.doubleCharges > 0 && 'double charges',
    audit.balanceMismatches + audit.captureMismatches + audit.activeCountMismatches > 0 && 'the ledger audit',
  ].filter(Boolean);
  console.log(
    failures.length === 0
      ? `\nall checks passed: ${events.filter((event) => /SIGKILL|stopped/.test(event.fault)).length} faults survived`
      : `\nFAILED: ${failures.join(', ')}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  for (const process_ of processes.values()) await stopProcess(process_, 'SIGKILL');
  await postgres.destroy();
  await fs.rm(dataDir, { recursive: true, force: true });
}
