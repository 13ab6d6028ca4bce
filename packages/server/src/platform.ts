// Composition root: the only place that picks concrete implementations and wires modules together.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AccountStore } from './accounts/account-store.ts';
import { ApiKeyAuthenticator } from './accounts/api-key-authenticator.ts';
import { createApp } from './api/create-app.ts';
import { Ledger } from './billing/ledger.ts';
import { systemClock, type Clock } from './clock.ts';
import type { PlatformConfig } from './config.ts';
import type { Database } from './db/database-schema.ts';
import { openDatabase } from './db/open-database.ts';
import { createBuiltinEngines } from './engines/builtin/create-builtin-engines.ts';
import { EngineRegistry } from './engines/engine-registry.ts';
import { TestModeEngine } from './engines/test-mode/test-mode-engine.ts';
import { DownloadSigner } from './files/download-signer.ts';
import { FileStore } from './files/file-store.ts';
import { JobQueue } from './queue/job-queue.ts';
import { LocalDiskBlobStore } from './storage/local-disk-blob-store.ts';
import { TaskRunner } from './tasks/task-runner.ts';
import { TaskService } from './tasks/task-service.ts';
import { InProcessWorkers } from './workers/in-process-workers.ts';
import { AccountOnboarding } from './accounts/account-onboarding.ts';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
import { WebhookStore } from './webhooks/webhook-store.ts';

export interface Platform {
  config: Readonly<PlatformConfig>;
  clock: Clock;
  db: Database;
  accounts: AccountStore;
  onboarding: AccountOnboarding;
  ledger: Ledger;
  tasks: TaskService;
  app: FastifyInstance;
  /** sends the webhook deliveries that are due (the workers do this every second) */
  dispatchWebhooksOnce(): Promise<number>;
  /** one runner step for tests: reclaim lost leases, run at most one task */
  runWorkerOnce(): Promise<boolean>;
  createRunner(workerId?: string): TaskRunner;
  startWorkers(): void;
  close(): Promise<void>;
}

export interface PlatformOptions {
  clock?: Clock;
}

export async function createPlatform(config: Readonly<PlatformConfig>, options: PlatformOptions = {}): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config.database);
  const blobs = new LocalDiskBlobStore(path.join(config.dataDir, 'blobs'));
  const ledger = new Ledger(clock);
  const accounts = new AccountStore(db, clock, config.defaultConcurrencyLimit);
  const onboarding = new AccountOnboarding(db, accounts, ledger, clock);
  const queue = new JobQueue(clock, config.leaseSeconds);
  const files = new FileStore(db, blobs, clock, { maxUploadBytes: config.maxUploadBytes, maxImageBytes: config.maxImageBytes });
  const engines = new EngineRegistry(createBuiltinEngines());
  const testModeEngine = new TestModeEngine();
  const tasks = new TaskService({ db, clock, ledger, queue, files, engines });
  const signer = new DownloadSigner(await loadSigningSecret(db), clock, config.downloadTtlSeconds);
  const authenticator = new ApiKeyAuthenticator(accounts);
  const webhooks = new WebhookStore(db, clock);
  const webhookDispatcher = new WebhookDispatcher(db, clock);
  const log = (message: string, details?: Record<string, unknown>) => app.log.warn(details ?? {}, message);

  const app = await createApp(
    {
      db,
      clock,
      tasks,
      cancelDependencies: { db, ledger, queue, clock },
      webhooks,
      ledger,
      files,
      blobs,
      signer,
      authenticator,
      maxUploadBytes: config.maxUploadBytes,
      baseUrlOf: (request) => config.publicUrl ?? `${request.protocol}://${request.host}`,
    },
    { logLevel: config.logLevel },
  );

  const createRunner = (workerId = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`) =>
    new TaskRunner({ db, clock, ledger, queue, files, blobs, engines, testModeEngine, leaseSeconds: config.leaseSeconds, log }, workerId);
  let workers: InProcessWorkers | undefined;
  let webhookTimer: NodeJS.Timeout | undefined;
  const defaultRunner = createRunner();

  return {
    config,
    clock,
    db,
    accounts,
    onboarding,
    ledger,
    tasks,
    app,
    createRunner,
    runWorkerOnce: () => defaultRunner.runOnce(),
    dispatchWebhooksOnce: () => webhookDispatcher.runOnce(),
    startWorkers() {
      if (workers) return;
      const runners = Array.from({ length: config.workerConcurrency }, () => createRunner());
      workers = new InProcessWorkers(runners, {}, log);
      tasks.events.on('enqueued', () => workers?.wake());
      workers.start();
      webhookTimer = startWebhookTimer(webhookDispatcher, log);
    },
    async close() {
      if (webhookTimer) clearInterval(webhookTimer);
      await app.close();
      await workers?.stop();
      await db.destroy();
    },
  };
}

const WEBHOOK_DISPATCH_INTERVAL_MS = 1000;

function startWebhookTimer(dispatcher: WebhookDispatcher, log: (message: string, details?: Record<string, unknown>) => void): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatcher
      .runOnce()
      .catch((error) => log('webhook dispatch failed', { error: String(error) }))
      .finally(() => {
        running = false;
      });
  }, WEBHOOK_DISPATCH_INTERVAL_MS);
  timer.unref();
  return timer;
}

/** One secret per deployment, kept in the database so every API process signs and checks links alike. */
async function loadSigningSecret(db: Database): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  await db.insertInto('settings').values({ key: 'download_signing_secret', value: candidate }).onConflict((conflict) => conflict.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'download_signing_secret').executeTakeFirstOrThrow();
  return row.value;
}
