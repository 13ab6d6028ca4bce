// Helpers for the scale-out benchmarks (bench/load-test.ts, bench/faults.ts): start `polyforge serve --no-workers`
// and `polyforge work` processes on one database, a private PostgreSQL server that may be restarted, client
// accounts, and the ledger audit (test/scale/ledger-audit.ts) that every run ends with.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../packages/server/src/db/open-database.ts';
import { openOpsContext } from '../packages/server/src/ops/ops-context.ts';
import { auditLedger, type LedgerAudit } from '../packages/server/test/scale/ledger-audit.ts';
import { POLYFORGE_NODE_ARGS } from '../test-support/polyforge-cli.ts';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PolyforgeProcess {
  child: ChildProcess;
  name: string;
  output: string[];
  /** resolves when the process has exited */
  exited: Promise<number | null>;
}

/** Starts a polyforge command and resolves once its output matches `readyPattern`. */
export function startPolyforge(
  name: string,
  args: string[],
  environment: Record<string, string>,
  readyPattern: RegExp,
): Promise<PolyforgeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...POLYFORGE_NODE_ARGS, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    let ready = false;
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 2000) output.splice(0, 1000);
      if (!ready && readyPattern.test(output.join(''))) {
        ready = true;
        resolve({ child, name, output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => {
      if (!ready) reject(new Error(`${name} exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });
}

export async function stopProcess(process_: PolyforgeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (process_.child.exitCode !== null || process_.child.signalCode !== null) return;
  process_.child.kill(signal);
  await process_.exited;
}

/** Runs an ops command (`polyforge accounts create ... --json`) and returns its JSON. */
export function polyforgeJson(environment: Record<string, string>, ...args: string[]): any {
  const result = spawnSync(process.execPath, [...POLYFORGE_NODE_ARGS, ...args, '--json'], {
    cwd: repositoryRoot,
    env: { ...process.env, ...environment },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`polyforge ${args.join(' ')} failed: ${result.stdout}\n${result.stderr}`);
  }
}

/**
 * A private PostgreSQL server in a temp dir (initdb), on its own port, that a fault run may stop and start.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user.
 */
export class PrivatePostgres {
  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly binDir: string,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(): Promise<PrivatePostgres> {
    const versions = fs.existsSync('/usr/lib/postgresql')
      ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
      : [];
    if (versions.length === 0)
      throw new Error('no PostgreSQL binaries under /usr/lib/postgresql (apt install postgresql)');
    const binDir = `/usr/lib/postgresql/${versions[0]}/bin`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyforge-private-pg-'));
    if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', dataDir]);
    const server = new PrivatePostgres(dataDir, await freePort(), binDir);
    server.run('initdb', [
      '-D',
      path.join(dataDir, 'data'),
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    await server.startServer();
    return server;
  }

  async startServer(): Promise<void> {
    // fsync off is safe for the faults run: it kills the server's processes, not the machine, so WAL already handed
    // to the kernel survives. synchronous_commit must stay on: off, a commit is acknowledged before its WAL is
    // written, and an immediate stop loses the last ones (a run lost a created task that way).
    const options = `-p ${this.port} -k ${this.dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on -c full_page_writes=off -c max_connections=300`;
    this.run('pg_ctl', [
      '-D',
      path.join(this.dataDir, 'data'),
      '-o',
      options,
      '-l',
      path.join(this.dataDir, 'server.log'),
      '-w',
      'start',
    ]);
  }

  /** Stops the server the hard way (like a crash: no clean shutdown), so recovery runs on start. */
  stopImmediately(): void {
    this.run('pg_ctl', ['-D', path.join(this.dataDir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      this.run('pg_ctl', ['-D', path.join(this.dataDir, 'data'), '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private run(command: string, args: string[]): void {
    const executable = path.join(this.binDir, command);
    const result =
      process.getuid?.() === 0
        ? spawnSync('runuser', ['-u', 'postgres', '--', executable, ...args], { encoding: 'utf8' })
        : spawnSync(executable, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stdout}\n${result.stderr}`);
  }
}

/** Creates a database on a PostgreSQL server and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

/** The ledger audit (test/scale/ledger-audit.ts) over a PostgreSQL URL. */
export async function auditLedgerAt(databaseUrl: string): Promise<LedgerAudit> {
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl });
  try {
    return await auditLedger(db);
  } finally {
    await db.destroy();
  }
}

/** The most queued + running tasks any account has right now, as a fraction of its limit (must stay ≤ 1). */
export async function worstConcurrency(
  client: pg.Client,
): Promise<{ worstRatio: number; accountId?: string; active: number; limit: number }> {
  const { rows } = await client.query(`
    SELECT a.id, a.concurrency_limit AS limit, count(t.id)::int AS active
    FROM accounts a JOIN tasks t ON t.account_id = a.id AND t.status IN ('queued', 'running')
    GROUP BY a.id, a.concurrency_limit
    ORDER BY count(t.id)::float / a.concurrency_limit DESC LIMIT 1`);
  if (rows.length === 0) return { worstRatio: 0, active: 0, limit: 0 };
  return {
    worstRatio: rows[0].active / rows[0].limit,
    accountId: rows[0].id,
    active: rows[0].active,
    limit: rows[0].limit,
  };
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export const FINAL_STATUSES = new Set(['success', 'failed', 'cancelled', 'banned', 'expired']);

export interface BenchAccount {
  id: string;
  apiKey: string;
  /** A successful import_model of `model`, the source the run's convert_model tasks point at. */
  sourceTaskId: string;
}

/**
 * Creates `count` accounts through the ops layer, grants each `credits`, and imports `model` for each through the
 * API (`nextApi` spreads the calls over the API processes); returns once every import has succeeded.
 */
export async function createBenchAccounts(options: {
  databaseUrl: string;
  dataDir: string;
  nextApi: () => string;
  count: number;
  emailPrefix: string;
  credits: number;
  concurrencyLimit: number;
  model: Uint8Array;
  pollMilliseconds: number;
}): Promise<BenchAccount[]> {
  const { nextApi } = options;
  const ops = await openOpsContext({ DATABASE_URL: options.databaseUrl, POLYFORGE_DATA_DIR: options.dataDir });
  const accounts: BenchAccount[] = [];
  try {
    for (let index = 0; index < options.count; index += 1) {
      const email = `${options.emailPrefix}-${index}-${randomBytes(3).toString('hex')}@bench.local`;
      const account = await ops.accounts.createAccount({ email, concurrencyLimit: options.concurrencyLimit });
      await ops.onboarding.grantCredits(account.id, options.credits);
      const headers = { Authorization: `Bearer ${account.apiKey}` };
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(options.model)]), 'model.glb');
      const upload = await (
        await fetch(`${nextApi()}/v2/openapi/upload`, { method: 'POST', headers, body: form })
      ).json();
      const created = await (
        await fetch(`${nextApi()}/v2/openapi/task`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'import_model', file: { type: 'glb', file_token: upload.data.image_token } }),
        })
      ).json();
      accounts.push({ id: account.id, apiKey: account.apiKey, sourceTaskId: created.data.task_id });
    }
    for (const account of accounts) {
      for (;;) {
        const task = await (
          await fetch(`${nextApi()}/v2/openapi/task/${account.sourceTaskId}`, {
            headers: { Authorization: `Bearer ${account.apiKey}` },
          })
        ).json();
        if (task.data.status === 'success') break;
        if (FINAL_STATUSES.has(task.data.status)) throw new Error(`source import failed: ${JSON.stringify(task.data)}`);
        await sleep(options.pollMilliseconds);
      }
    }
  } finally {
    await ops.close();
  }
  return accounts;
}
