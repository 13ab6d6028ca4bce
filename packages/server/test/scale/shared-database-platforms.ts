// Several platform instances ("API processes") over one database and one blob store, each on its own loopback
// port, as a scaled-out deployment runs them; on SQLite they share one file, on PostgreSQL one database.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { createTestDatabase } from '../harness/test-database.ts';

export interface SharedPlatforms {
  instances: { platform: Platform; baseUrl: string }[];
  dataDir: string;
  databaseUrl: string;
  /** an account with credits and a fresh live key, created through the first instance */
  createAccount(options?: {
    credits?: number;
    concurrency?: number;
  }): Promise<{ accountId: string; apiKey: string; keyId: string }>;
  close(): Promise<void>;
}

export async function startSharedPlatforms(
  count: number,
  options: { clock?: Clock; environment?: Record<string, string> } = {},
): Promise<SharedPlatforms> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-scale-'));
  const database = await createTestDatabase(dataDir);
  const config = loadConfig({
    POLYFORGE_DATA_DIR: dataDir,
    DATABASE_URL: database.databaseUrl,
    POLYFORGE_WORKERS: '0',
    POLYFORGE_LOG_LEVEL: 'silent',
    ...options.environment,
  });
  const instances: SharedPlatforms['instances'] = [];
  for (let index = 0; index < count; index += 1) {
    // One at a time: the first applies the migrations, the others find them applied.
    const platform = await createPlatform(config, { clock: options.clock });
    instances.push({ platform, baseUrl: await platform.app.listen({ port: 0, host: '127.0.0.1' }) });
  }
  const first = instances[0].platform;
  return {
    instances,
    dataDir,
    databaseUrl: database.databaseUrl,
    async createAccount(accountOptions = {}) {
      const account = await first.accounts.createAccount({
        email: `scale-${randomBytes(6).toString('hex')}@test.local`,
        concurrencyLimit: accountOptions.concurrency,
      });
      if ((accountOptions.credits ?? 0) > 0) await first.onboarding.grantCredits(account.id, accountOptions.credits!);
      return { accountId: account.id, apiKey: account.apiKey, keyId: account.keyId };
    },
    async close() {
      for (const instance of instances) await instance.platform.close();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
