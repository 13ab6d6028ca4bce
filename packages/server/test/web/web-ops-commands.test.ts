// The operator's web commands, run as the real `polyforge` program: give the demo account (which has no password)
// a web log-in, make an account admin, grant Studio credits, set a volume discount.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/run-cli-process.ts';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { createTestDatabase, type TestDatabase } from '../harness/test-database.ts';
import { WebClient } from './web-client.ts';

describe('web ops commands', () => {
  let dataDir: string;
  let database: TestDatabase;
  let environment: NodeJS.ProcessEnv;
  let platform: Platform;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-web-ops-'));
    database = await createTestDatabase(dataDir);
    environment = {
      ...process.env,
      POLYFORGE_DATA_DIR: dataDir,
      DATABASE_URL: database.databaseUrl,
      POLYFORGE_LOG_LEVEL: 'silent',
    };
    platform = await createPlatform(loadConfig({ ...environment, POLYFORGE_WORKERS: '0' } as Record<string, string>));
    await platform.onboarding.ensureDemoAccount();
    baseUrl = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await platform.close();
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function polyforge(
    args: string[],
    input?: string,
  ): Promise<{ status: number | null; json: any; stderr: string }> {
    const result = await runCliProcess([...args, '--json'], { env: environment, input });
    let json: unknown;
    try {
      json = JSON.parse(result.stdout.trim().split('\n').pop() ?? '');
    } catch {
      json = undefined;
    }
    return { status: result.status, json, stderr: result.stderr };
  }

  it('sets the demo account a password (generated and shown once, or from stdin) so its owner can log in', async () => {
    const browser = new WebClient(baseUrl);
    expect((await browser.logIn('demo@polyforge.local', 'anything at all')).status).toBe(401);

    const generated = await polyforge(['accounts', 'set-password', '--account', 'demo@polyforge.local']);
    expect(generated.status).toBe(0);
    expect(generated.json.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await browser.logIn('demo@polyforge.local', generated.json.password)).status).toBe(303);

    const fromStdin = await polyforge(
      ['accounts', 'set-password', '--account', 'demo@polyforge.local', '--password-stdin'],
      'my own passphrase\n',
    );
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.json.password).toBeUndefined();
    expect((await browser.get('/dashboard')).status).toBe(303); // a new password ends the old sessions
    expect((await new WebClient(baseUrl).logIn('demo@polyforge.local', 'my own passphrase')).status).toBe(303);
  });

  it('grants admin, Studio credits and a volume discount', async () => {
    const demo = await platform.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'demo@polyforge.local')
      .executeTakeFirstOrThrow();
    const browser = new WebClient(baseUrl);
    expect((await browser.logIn('demo@polyforge.local', 'my own passphrase')).status).toBe(303);
    expect((await browser.get('/dashboard/admin')).status).toBe(403);
    expect((await polyforge(['accounts', 'set-admin', '--account', 'demo@polyforge.local'])).json).toMatchObject({
      is_admin: true,
    });
    expect((await browser.get('/dashboard/admin')).status).toBe(200);

    expect(
      (await polyforge(['credits', 'grant', '--account', demo.id, '--credits', '70', '--wallet', 'studio'])).json,
    ).toMatchObject({ wallet: 'studio', balance: 370 }); // the demo account's Studio trial (300) + 70
    expect(await platform.ledger.balance(platform.db, demo.id, 'api')).toEqual({ balance: 300, frozen: 0 });

    expect((await polyforge(['accounts', 'set-discount', '--account', demo.id, '--percent', '25'])).json).toMatchObject(
      {
        volume_discount_percent: 25,
      },
    );
    expect(
      (
        await platform.db
          .selectFrom('accounts')
          .select('volumeDiscountPercent')
          .where('id', '=', demo.id)
          .executeTakeFirstOrThrow()
      ).volumeDiscountPercent,
    ).toBe(25);
  });
});
