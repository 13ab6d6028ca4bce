// The operator's view: `polyforge serve` on an empty data dir, and the ops commands against the same data.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLYFORGE_NODE_ARGS, runCliProcess } from '../harness/run-cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';

describe('polyforge ops commands and serve', () => {
  let dataDir: string;
  let database: TestDatabase;
  let environment: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-ops-'));
    database = await createTestDatabase(dataDir);
    environment = {
      ...process.env,
      POLYFORGE_DATA_DIR: dataDir,
      DATABASE_URL: database.databaseUrl,
      POLYFORGE_LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function polyforge(...args: string[]): Promise<{ status: number | null; json: any; stderr: string }> {
    const result = await runCliProcess(args, { env: environment });
    const line = result.stdout.trim().split('\n').pop() ?? '';
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      json = undefined;
    }
    return { status: result.status, json, stderr: result.stderr };
  }

  async function serve(port: number): Promise<{ output: () => string; stop: () => Promise<void> }> {
    const child = spawn(process.execPath, [...POLYFORGE_NODE_ARGS, 'serve', '--port', String(port)], {
      env: { ...environment, HOST: '127.0.0.1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    for (let attempt = 0; attempt < 300 && !/listening on/.test(output); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toMatch(/listening on/);
    return {
      output: () => output,
      stop: () =>
        new Promise((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }

  it('creates and prints a demo account on first start only, and serves the API with it', async () => {
    const first = await serve(18181);
    const apiKey = /API key:\s+(tsk_\S+)/.exec(first.output())?.[1];
    expect(apiKey).toBeDefined();
    // no SMTP server given: the operator is told that sign-up grants trials without verification, and how to change it
    expect(first.output()).toMatch(
      /Sign-up: open, trial credits at sign-up without e-mail verification.*POLYFORGE_SMTP_URL/,
    );
    const health = await fetch('http://127.0.0.1:18181/health');
    expect(health.status).toBe(200);
    const balance = await fetch('http://127.0.0.1:18181/v2/openapi/user/balance', {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    expect(await balance.json()).toEqual({ code: 0, data: { balance: 300, frozen: 0 } });
    await first.stop();
    const second = await serve(18181);
    expect(second.output()).not.toMatch(/API key:/);
    await second.stop();
  });

  it('manages accounts, keys, credits and limits with --json output', async () => {
    const created = await polyforge('accounts', 'create', '--email', 'ops@example.com', '--json');
    expect(created.status).toBe(0);
    expect(created.json.api_key).toMatch(/^tsk_/);
    expect(created.json.client_id).toMatch(/^tcli_[0-9a-f]{32}$/);
    const accountId = created.json.account_id;

    const duplicate = await polyforge('accounts', 'create', '--email', 'ops@example.com', '--json');
    expect(duplicate.status).toBe(1);
    expect(duplicate.json.error).toMatch(/already exists/);

    const granted = await polyforge(
      'credits',
      'grant',
      '--account',
      accountId,
      '--credits',
      '1000',
      '--expires-in-days',
      '30',
      '--json',
    );
    expect(granted.json).toMatchObject({ account_id: accountId, credits: 1000, balance: 1300, frozen: 0 });

    const limited = await polyforge('accounts', 'set', '--account', accountId, '--concurrency', '25', '--json');
    expect(limited.json).toEqual({
      account_id: accountId,
      concurrency_limit: 25,
      retention_days: null,
      rate_limit_per_minute: null,
    });

    const key = await polyforge('keys', 'create', '--account', accountId, '--name', 'ci', '--json');
    expect(key.json.api_key).toMatch(/^tsk_/);
    const revoked = await polyforge('keys', 'revoke', '--key', key.json.key_id, '--json');
    expect(revoked.json).toEqual({ key_id: key.json.key_id, revoked: true });

    const shown = await polyforge('accounts', 'show', '--account', accountId, '--json');
    expect(shown.json).toMatchObject({ account_id: accountId, balance: 1300, concurrency_limit: 25 });

    const badGrant = await polyforge('credits', 'grant', '--account', accountId, '--credits', '-5', '--json');
    expect(badGrant.status).toBe(1);
    expect(badGrant.json.error).toMatch(/positive integer/);
  });
});
