// Starts a real platform for a test: real database (SQLite file or PostgreSQL), real disk, real HTTP on loopback.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ManualClock, systemClock, type Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { createTestDatabase } from './test-database.ts';
import type { Logger } from '../../src/observability/logger.ts';

export interface TestPlatformOptions {
  workers?: boolean;
  clock?: Clock;
  downloadTtlSeconds?: number;
  leaseSeconds?: number;
  environment?: Record<string, string>;
  /** a logger to read the platform's log lines from (observability/logger.ts createLogger with a stream) */
  logger?: Logger;
  /** name resolution of tenant-aimed outbound requests (plays DNS for names like hooks.example.test) */
  resolveHostname?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

export interface TestAccount {
  accountId: string;
  apiKey: string;
  clientId: string;
  keyId: string;
}

export interface TestPlatform {
  baseUrl: string;
  dataDir: string;
  platform: Platform;
  createAccount(options?: { credits?: number; concurrency?: number }): Promise<TestAccount>;
  /** runs worker steps until no task is left to run */
  drainQueue(): Promise<number>;
  close(): Promise<void>;
}

export { ManualClock, systemClock };

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-test-'));
  const database = await createTestDatabase(dataDir);
  const config = loadConfig({
    POLYFORGE_DATA_DIR: dataDir,
    DATABASE_URL: database.databaseUrl,
    POLYFORGE_WORKERS: options.workers ? '1' : '0',
    POLYFORGE_DOWNLOAD_TTL_SECONDS: String(options.downloadTtlSeconds ?? 60),
    POLYFORGE_LEASE_SECONDS: String(options.leaseSeconds ?? 30),
    POLYFORGE_LOG_LEVEL: options.logger ? options.logger.level : 'silent',
    // tests sign up many accounts from 127.0.0.1; the sign-up throttle's own test sets a limit
    POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    ...options.environment,
  });
  const platform = await createPlatform(config, {
    clock: options.clock,
    resolveHostname: options.resolveHostname,
    logger: options.logger,
  }).catch(async (error: unknown) => {
    // a test of a failing boot must not leave its database or data directory behind
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  if (options.workers) platform.startWorkers();
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });

  return {
    baseUrl: address,
    dataDir,
    platform,
    async createAccount(accountOptions = {}) {
      const email = `user-${randomBytes(6).toString('hex')}@test.local`;
      let account;
      if (accountOptions.credits === undefined) {
        account = await platform.onboarding.signUp({ email, concurrencyLimit: accountOptions.concurrency });
      } else {
        account = await platform.accounts.createAccount({ email, concurrencyLimit: accountOptions.concurrency });
        if (accountOptions.credits > 0) await platform.onboarding.grantCredits(account.id, accountOptions.credits);
      }
      return { accountId: account.id, apiKey: account.apiKey, clientId: account.clientId, keyId: account.keyId };
    },
    async drainQueue() {
      let ran = 0;
      while (await platform.runWorkerOnce()) ran += 1;
      return ran;
    },
    async close() {
      // A test's fetch may leave a keep-alive socket that is not idle (a body it did not read to the end); the
      // server would wait for it until its headers timeout. Nothing is in flight when a test closes.
      platform.app.server.closeAllConnections();
      try {
        await platform.close();
        await database.drop();
      } finally {
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
