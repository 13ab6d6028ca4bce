// Composition root: the only place that picks concrete implementations and wires modules together.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { AccountStore } from './accounts/account-store.ts';
import { ApiKeyAuthenticator } from './accounts/api-key-authenticator.ts';
import { createApp } from './api/create-app.ts';
import { Ledger } from './billing/ledger.ts';
import { systemClock, type Clock } from './clock.ts';
import { EMBEDDED_DEFAULT_IMAGE_MODEL, type PlatformConfig } from './config.ts';
import type { Database } from './db/database-schema.ts';
import { openDatabase } from './db/open-database.ts';
import { createBuiltinEngines } from './engines/builtin/create-builtin-engines.ts';
import type { EngineRegistry } from './engines/engine-registry.ts';
import { engineRegistryFromConfig } from './engines/routing/engine-registry-from-config.ts';
import { TestModeEngine } from './engines/test-mode/test-mode-engine.ts';
import { DownloadSigner } from './files/download-signer.ts';
import { FileStore } from './files/file-store.ts';
import { StsCredentialSigner } from './files/sts/sts-credentials.ts';
import { StsMultipartUploads } from './files/sts/sts-multipart-uploads.ts';
import { StsUploads } from './files/sts/sts-uploads.ts';
import { createBackgroundRemover } from './images/background-remover.ts';
import { ImageInputs } from './images/image-inputs.ts';
import { ImageSafety } from './images/image-safety.ts';
import { ContentModeration } from './safety/content-moderation.ts';
import { OpenAiModerationProvider } from './safety/openai-moderation-provider.ts';
import { DEFAULT_QUEUE, JobQueue } from './queue/job-queue.ts';
import { LocalDiskBlobStore } from './storage/local-disk-blob-store.ts';
import { S3BlobStore } from './storage/s3-blob-store.ts';
import type { BlobStore } from './storage/blob-store.ts';
import { RequestRateLimiter } from './ratelimit/request-rate-limiter.ts';
import { RetentionSweeper, type RetentionSweepResult } from './retention/retention-sweeper.ts';
import { TaskRunner } from './tasks/task-runner.ts';
import { TaskService } from './tasks/task-service.ts';
import { InProcessWorkers } from './workers/in-process-workers.ts';
import { WorkerService } from './workers/worker-service.ts';
import { WorkerTokenStore } from './workers/worker-token-store.ts';
import { registerWorkerRoutes } from './api/routes/worker-routes.ts';
import { registerCapabilitiesRoutes } from './api/routes/capabilities-routes.ts';
import { AccountOnboarding } from './accounts/account-onboarding.ts';
import { WEBHOOK_DELIVERY_DEFAULTS, WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';
import { AddressPolicy } from './net/address-policy.ts';
import { DatabaseAvailability, retryAtBoot } from './db/database-availability.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { PrometheusMetrics } from './observability/prometheus-metrics.ts';
import { ReadinessProbe } from './observability/readiness-probe.ts';
import { countOnlineWorkers, readQueueStates } from './observability/metrics-sources.ts';
import { startMetricsListener, type MetricsListener } from './observability/metrics-listener.ts';
import { createBaseUrlResolver } from './api/public-base-url.ts';
import { SmtpMailer } from './accounts/mailer.ts';
import { startTracing } from './observability/tracing.ts';
import { WebhookStore } from './webhooks/webhook-store.ts';
import { loadStudioPriceList } from './billing/studio-prices.ts';
import { createWebContext } from './web/create-web-context.ts';

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
  /** one retention pass (the workers run it every POLYFORGE_RETENTION_SWEEP_SECONDS) */
  sweepRetentionOnce(): Promise<RetentionSweepResult>;
  createRunner(workerId?: string): TaskRunner;
  /** routing: which engine serves each task type and model_version */
  engines: EngineRegistry;
  queue: JobQueue;
  /** worker tokens for the worker protocol (/worker/v1) */
  workerTokens: WorkerTokenStore;
  workerService: WorkerService;
  startWorkers(): void;
  /** Prometheus metrics of this process (GET /metrics renders them) */
  metrics: PrometheusMetrics;
  readiness: ReadinessProbe;
  logger: Logger;
  /** serves GET /metrics on POLYFORGE_METRICS_LISTEN (a worker process's only HTTP); undefined when not set */
  startMetricsListener(): Promise<MetricsListener | undefined>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  clock?: Clock;
  /** the structured logger; default: JSON lines on stdout at POLYFORGE_LOG_LEVEL */
  logger?: Logger;
  /** name resolution of outbound requests tenants aim (tests play a rebinding DNS server with it) */
  resolveHostname?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

export async function createPlatform(
  config: Readonly<PlatformConfig>,
  options: PlatformOptions = {},
): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const log = (message: string, details?: Record<string, unknown>) => logger.warn(details ?? {}, message);
  const availability = new DatabaseAvailability(clock);
  // a process started before its database (a reboot, a container scheduled first) waits for it instead of exiting
  const db = await retryAtBoot(
    'the database',
    () => openDatabase(config.database, { onConnectionLost: () => availability.markUnavailable() }),
    {
      timeoutSeconds: config.databaseBootTimeoutSeconds,
      log,
    },
  );
  const blobs = await createBlobStore(config).catch(async (error: unknown) => {
    await db.destroy(); // a boot that fails leaves no connection (or SQLite file handle) behind
    throw error;
  });
  let inProcessRunnerCount = 0;
  const metrics = new PrometheusMetrics({
    nowMs: () => clock.nowMs(),
    queueStates: () => readQueueStates(db),
    workersOnline: async () => ({
      external: await countOnlineWorkers(db, clock.nowMs() - 2 * config.leaseSeconds * 1000),
      inProcess: inProcessRunnerCount,
    }),
  });
  const readiness = new ReadinessProbe(db, blobs, clock, log);
  const tracing = await startTracing(config.tracing);
  const mailer = config.dashboard.mail
    ? new SmtpMailer(config.dashboard.mail.smtpUrl, config.dashboard.mail.from)
    : undefined;
  const baseUrlOf = createBaseUrlResolver({ publicUrl: config.publicUrl, allowedHosts: config.allowedHosts });
  const ledger = new Ledger(clock, metrics);
  const accounts = new AccountStore(db, clock, config.defaultConcurrencyLimit);
  const onboarding = new AccountOnboarding(db, accounts, ledger, clock, config.dashboard.studioTrial);
  const queue = new JobQueue(clock, config.leaseSeconds);
  const addressPolicy = new AddressPolicy({ ...config.outbound, resolve: options.resolveHostname });
  const moderationProvider = config.moderation.provider;
  const moderation = new ContentModeration({
    // one retry: the check sits in the create request's path
    provider: moderationProvider ? new OpenAiModerationProvider({ ...moderationProvider, maxAttempts: 2 }) : undefined,
    onProviderFailure: config.moderation.onProviderFailure,
    providerChecksImages: config.moderation.providerChecksImages,
    log,
  });
  const imageInputs = new ImageInputs({
    addressPolicy,
    maxImageBytes: config.maxImageBytes,
    moderation,
    safety: new ImageSafety({ enabled: config.images.safetyEnabled, threshold: config.images.safetyThreshold }),
    urlFetchTimeoutMs: config.images.urlFetchTimeoutMs,
    urlFetchAllowPrivateAddresses: config.images.urlFetchAllowPrivate,
  });
  const files = new FileStore(
    db,
    blobs,
    clock,
    { maxUploadBytes: config.maxUploadBytes, maxImageBytes: config.maxImageBytes },
    imageInputs,
  );
  const engines = engineRegistryFromConfig(
    config,
    createBuiltinEngines({ backgroundRemover: createBackgroundRemover(config.images.backgroundRemoval) }),
  );
  const testModeEngine = new TestModeEngine();
  if (
    config.defaultImageModel.explicit &&
    !engines.engineFor('generate_image', config.defaultImageModel.modelVersion)
  ) {
    await db.destroy();
    throw new Error(
      `Invalid configuration: POLYFORGE_DEFAULT_IMAGE_MODEL: no engine serves generate_image model_version "${config.defaultImageModel.modelVersion}" on this deployment (configure its provider, or use ${EMBEDDED_DEFAULT_IMAGE_MODEL})`,
    );
  }
  const tasks = new TaskService({
    db,
    clock,
    ledger,
    queue,
    files,
    engines,
    studioPrices: loadStudioPriceList(config.dashboard.studioPricesFile),
    moderation,
    defaults: { imageModelVersion: config.defaultImageModel.modelVersion },
    telemetry: metrics,
  });
  const signer = new DownloadSigner(await loadSigningSecret(db), clock, config.downloadTtlSeconds);
  const stsSigner = new StsCredentialSigner(await loadSigningSecret(db, 'sts_signing_secret'));
  const sts = {
    uploads: new StsUploads({ files, clock, signer: stsSigner, maxUploadBytes: config.maxUploadBytes }),
    multipart: new StsMultipartUploads({ db, files, blobs, clock, maxUploadBytes: config.maxUploadBytes }),
  };
  const authenticator = new ApiKeyAuthenticator(accounts);
  const webhooks = new WebhookStore(db, clock, addressPolicy);
  const webhookDispatcher = new WebhookDispatcher(db, clock, WEBHOOK_DELIVERY_DEFAULTS, addressPolicy, log, metrics);
  const rateLimiter = new RequestRateLimiter(db, clock, log);
  const retentionSweeper = new RetentionSweeper(db, blobs, clock, { defaultRetentionDays: config.retentionDays }, log);

  const app = await createApp(
    {
      db,
      clock,
      tasks,
      cancelDependencies: { db, ledger, queue, clock },
      webhooks,
      ledger,
      files,
      sts,
      blobs,
      signer,
      authenticator,
      maxUploadBytes: config.maxUploadBytes,
      baseUrlOf,
      rateLimit: { limiter: rateLimiter, defaultPerMinute: config.rateLimitPerMinute },
      operations: { readiness, metrics, metricsToken: config.metrics.token },
    },
    {
      logLevel: config.logLevel,
      logger: config.logLevel === 'silent' ? undefined : logger,
      headersTimeoutMs: config.headersTimeoutMs,
      trustedProxies: config.trustedProxies,
      tracing,
      web: await createWebContext(
        {
          db,
          clock,
          accounts,
          onboarding,
          ledger,
          tasks,
          files,
          blobs,
          signer,
          engines,
          authenticator,
          cancelDependencies: { db, ledger, queue, clock },
          maxUploadBytes: config.maxUploadBytes,
          defaultRetentionDays: config.retentionDays,
          rateLimiter,
          publicUrl: config.publicUrl,
          baseUrlOf,
          mailer,
          log,
        },
        config.dashboard,
      ),
    },
  );

  const claimGate = engines.providerRuntime;
  const createRunner = (
    workerId = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
    claimQueues?: () => readonly string[],
    skipReclaim = false,
  ) =>
    new TaskRunner(
      {
        db,
        clock,
        ledger,
        queue,
        files,
        blobs,
        engines,
        testModeEngine,
        leaseSeconds: config.leaseSeconds,
        log,
        claimQueues,
        claimGate: claimQueues ? claimGate : undefined,
        skipReclaim,
        availability,
        telemetry: metrics,
        tracing,
      },
      workerId,
    );
  let workers: InProcessWorkers | undefined;
  // provider tasks wait on HTTP, not the CPU: their own loops, claiming only while their provider has room
  let providerWorkers: InProcessWorkers | undefined;
  let metricsListener: MetricsListener | undefined;
  let webhookTimer: NodeJS.Timeout | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;
  // the test step runs CPU and provider tasks alike
  const defaultRunner = createRunner(undefined, () => [DEFAULT_QUEUE, ...engines.claimableProviderQueues()]);
  const workerTokens = new WorkerTokenStore(db, clock);
  const workerService = new WorkerService({
    db,
    clock,
    queue,
    files,
    blobs,
    engines,
    createRunner,
    taskEvents: tasks.events,
    maxOutputBytes: config.maxUploadBytes,
    leaseSeconds: config.leaseSeconds,
  });
  tasks.events.setMaxListeners(0); // each long-polling worker listens for 'enqueued'
  await registerWorkerRoutes(app, {
    workers: workerService,
    tokens: workerTokens,
    maxOutputBytes: config.maxUploadBytes,
    baseUrlOf,
  });
  registerCapabilitiesRoutes(app, { engines, workers: workerService });

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
    engines,
    queue,
    workerTokens,
    workerService,
    metrics,
    readiness,
    logger,
    async startMetricsListener() {
      if (!config.metrics.listen || metricsListener) return metricsListener;
      metricsListener = await startMetricsListener(config.metrics.listen, () => metrics.render());
      return metricsListener;
    },
    runWorkerOnce: () => defaultRunner.runOnce(),
    dispatchWebhooksOnce: () => webhookDispatcher.runOnce(),
    sweepRetentionOnce: () => retentionSweeper.runOnce(),
    startWorkers() {
      if (workers) return;
      const runners = Array.from({ length: config.workerConcurrency }, () => createRunner());
      inProcessRunnerCount = runners.length;
      workers = new InProcessWorkers(runners, {}, log);
      tasks.events.on('enqueued', () => workers?.wake());
      workers.start();
      if (engines.providerRuntime && engines.providerRuntime.providers().length > 0) {
        const providerRunners = Array.from({ length: config.provider3d.workerConcurrency }, () =>
          createRunner(undefined, () => engines.claimableProviderQueues(), true),
        );
        // woken by new tasks and freed provider slots; the slow poll only backs those up
        const started = new InProcessWorkers(providerRunners, { pollIntervalMs: 5000 }, log);
        providerWorkers = started;
        // one idle loop per event: waking all of them would have them race for the one job
        tasks.events.on('enqueued', () => started.wake(1));
        engines.providerRuntime.onRoom(() => started.wake(1));
        started.start();
      }
      webhookTimer = startWebhookTimer(webhookDispatcher, log);
      retentionTimer = startRetentionTimer(retentionSweeper, config.retentionSweepSeconds, log);
    },
    async close() {
      readiness.startDraining();
      await metricsListener?.close();
      if (webhookTimer) clearInterval(webhookTimer);
      if (retentionTimer) clearInterval(retentionTimer);
      await app.close();
      await workers?.stop();
      await providerWorkers?.stop();
      await db.destroy();
      blobs.close?.();
      mailer?.close();
      await tracing.shutdown();
    },
  };
}

async function createBlobStore(config: Readonly<PlatformConfig>): Promise<BlobStore> {
  if (config.storage.kind === 'local') return new LocalDiskBlobStore(config.storage.rootDir);
  const store = new S3BlobStore(config.storage);
  await store.checkBucket();
  return store;
}

/** Runs retention passes on a timer in worker processes; each pass is bounded and skips if the last still runs. */
function startRetentionTimer(
  sweeper: RetentionSweeper,
  intervalSeconds: number,
  log: (message: string, details?: Record<string, unknown>) => void,
): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweeper
      .runOnce()
      .catch((error) => log('retention sweep failed', { error: String(error) }))
      .finally(() => {
        running = false;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  return timer;
}

const WEBHOOK_DISPATCH_INTERVAL_MS = 1000;

function startWebhookTimer(
  dispatcher: WebhookDispatcher,
  log: (message: string, details?: Record<string, unknown>) => void,
): NodeJS.Timeout {
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

/** One secret per deployment and purpose, kept in the database so every API process signs and checks alike. */
async function loadSigningSecret(db: Database, key = 'download_signing_secret'): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  await db
    .insertInto('settings')
    .values({ key, value: candidate })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
