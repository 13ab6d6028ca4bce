// Parses the environment once, at boot, into a frozen config; a bad setting fails with a message naming it.
// The settings themselves are declared in config/environment-schema.ts; the areas with rules of their own are
// read by config/*-settings.ts.
import path from 'node:path';
import { environmentSchema, pickDefined, PROVIDER_3D_NAMES } from './config/environment-schema.ts';
import type { PlatformConfig } from './config/platform-config.ts';
import { parseDashboardSettings } from './config/dashboard-settings.ts';
import { parseModerationSettings } from './config/moderation-settings.ts';
import { parseStorageUrl } from './config/storage-settings.ts';
import { parseAllowedHosts, parseListen, parseNetworks } from './config/network-settings.ts';

export { PROVIDER_3D_DEFAULT_BASE_URLS, PROVIDER_3D_NAMES, type Provider3dName } from './config/environment-schema.ts';
export type {
  DashboardConfig,
  ImageInputConfig,
  ModerationConfig,
  OutboundConfig,
  PlatformConfig,
  Provider3dConfig,
  Provider3dSettings,
  ProviderConfig,
  SignupMode,
  StorageConfig,
} from './config/platform-config.ts';

/** The image model that serves generate_image requests naming none, unless POLYFORGE_DEFAULT_IMAGE_MODEL says otherwise. */
export const EMBEDDED_DEFAULT_IMAGE_MODEL = 'polyforge_basic';

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Readonly<PlatformConfig> {
  const parsed = environmentSchema.safeParse(pickDefined(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  const dataDir = path.resolve(settings.POLYFORGE_DATA_DIR);
  const databaseUrl = settings.DATABASE_URL;
  const database: PlatformConfig['database'] =
    databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)
      ? { kind: 'postgres', url: databaseUrl }
      : {
          kind: 'sqlite',
          filePath: databaseUrl ? databaseUrl.replace(/^(sqlite:|file:)/, '') : path.join(dataDir, 'polyforge.sqlite'),
        };
  if ((settings.POLYFORGE_UPSTREAM_URL === undefined) !== (settings.POLYFORGE_UPSTREAM_API_KEY === undefined)) {
    throw new Error(
      'Invalid configuration: POLYFORGE_UPSTREAM_URL and POLYFORGE_UPSTREAM_API_KEY go together; set both or neither',
    );
  }
  const provider = (apiKey: string | undefined, baseUrl: string) =>
    apiKey ? { apiKey, baseUrl: baseUrl.replace(/\/$/, '') } : undefined;
  const providers: PlatformConfig['providers'] = {};
  const openai = provider(settings.POLYFORGE_OPENAI_API_KEY, settings.POLYFORGE_OPENAI_BASE_URL);
  const gemini = provider(settings.POLYFORGE_GEMINI_API_KEY, settings.POLYFORGE_GEMINI_BASE_URL);
  const bfl = provider(settings.POLYFORGE_BFL_API_KEY, settings.POLYFORGE_BFL_BASE_URL);
  if (openai) providers.openai = openai;
  if (gemini) providers.gemini = gemini;
  if (bfl) providers.bfl = bfl;
  const providers3d: PlatformConfig['providers3d'] = {};
  const setting = (name: string) => (settings as Record<string, unknown>)[name];
  for (const name of PROVIDER_3D_NAMES) {
    const prefix = `POLYFORGE_${name.toUpperCase()}`;
    const apiKey = setting(`${prefix}_API_KEY`) as string | undefined;
    if (!apiKey) continue;
    providers3d[name] = {
      apiKey,
      baseUrl: (setting(`${prefix}_BASE_URL`) as string).replace(/\/$/, ''),
      maxConcurrent: setting(`${prefix}_CONCURRENCY`) as number,
      tasksPerMinute: setting(`${prefix}_TASKS_PER_MINUTE`) as number,
    };
  }
  return Object.freeze({
    routingFile: settings.POLYFORGE_ROUTING_FILE ? path.resolve(settings.POLYFORGE_ROUTING_FILE) : undefined,
    providers,
    providers3d,
    provider3d: Object.freeze({
      pricesFile: settings.POLYFORGE_MODEL_PRICES_FILE ? path.resolve(settings.POLYFORGE_MODEL_PRICES_FILE) : undefined,
      pollIntervalMs: settings.POLYFORGE_PROVIDER_POLL_SECONDS * 1000,
      taskTimeoutMs: settings.POLYFORGE_PROVIDER_TASK_TIMEOUT_SECONDS * 1000,
      maxDownloadBytes: Math.round(settings.POLYFORGE_PROVIDER_MAX_DOWNLOAD_MB * 1024 * 1024),
      downloadAllowPrivate: settings.POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE,
      breakerFailures: settings.POLYFORGE_PROVIDER_BREAKER_FAILURES,
      breakerOpenMs: settings.POLYFORGE_PROVIDER_BREAKER_SECONDS * 1000,
      workerConcurrency: settings.POLYFORGE_PROVIDER_WORKERS,
    }),
    providerTimeoutSeconds: settings.POLYFORGE_PROVIDER_TIMEOUT_SECONDS,
    providerMaxAttempts: settings.POLYFORGE_PROVIDER_MAX_ATTEMPTS,
    upstream:
      settings.POLYFORGE_UPSTREAM_URL && settings.POLYFORGE_UPSTREAM_API_KEY
        ? {
            apiKey: settings.POLYFORGE_UPSTREAM_API_KEY,
            baseUrl: settings.POLYFORGE_UPSTREAM_URL.replace(/\/$/, ''),
            taskTimeoutSeconds: settings.POLYFORGE_UPSTREAM_TIMEOUT_SECONDS,
            pollSeconds: settings.POLYFORGE_UPSTREAM_POLL_SECONDS,
          }
        : undefined,
    port: settings.PORT,
    host: settings.HOST,
    dataDir,
    database,
    workersEnabled: settings.POLYFORGE_WORKERS,
    workerConcurrency: settings.POLYFORGE_WORKER_CONCURRENCY,
    downloadTtlSeconds: settings.POLYFORGE_DOWNLOAD_TTL_SECONDS,
    publicUrl: settings.POLYFORGE_PUBLIC_URL?.replace(/\/$/, ''),
    leaseSeconds: settings.POLYFORGE_LEASE_SECONDS,
    maxUploadBytes: settings.POLYFORGE_MAX_UPLOAD_MB * 1024 * 1024,
    maxImageBytes: settings.POLYFORGE_MAX_IMAGE_MB * 1024 * 1024,
    defaultConcurrencyLimit: settings.POLYFORGE_DEFAULT_CONCURRENCY,
    logLevel: settings.POLYFORGE_LOG_LEVEL,
    storage: parseStorageUrl(settings, dataDir),
    retentionDays: settings.POLYFORGE_RETENTION_DAYS,
    retentionSweepSeconds: settings.POLYFORGE_RETENTION_SWEEP_SECONDS,
    rateLimitPerMinute: settings.POLYFORGE_RATE_LIMIT_PER_MINUTE,
    dashboard: parseDashboardSettings(settings),
    defaultImageModel: Object.freeze({
      modelVersion: settings.POLYFORGE_DEFAULT_IMAGE_MODEL ?? EMBEDDED_DEFAULT_IMAGE_MODEL,
      explicit: settings.POLYFORGE_DEFAULT_IMAGE_MODEL !== undefined,
    }),
    images: Object.freeze({
      backgroundRemoval: settings.POLYFORGE_BACKGROUND_REMOVAL,
      safetyEnabled: settings.POLYFORGE_IMAGE_SAFETY,
      safetyThreshold: settings.POLYFORGE_IMAGE_SAFETY_THRESHOLD,
      urlFetchAllowPrivate: settings.POLYFORGE_URL_FETCH_ALLOW_PRIVATE || settings.POLYFORGE_OUTBOUND_ALLOW_PRIVATE,
      urlFetchTimeoutMs: settings.POLYFORGE_URL_FETCH_TIMEOUT_SECONDS * 1000,
    }),
    databaseBootTimeoutSeconds: settings.POLYFORGE_DATABASE_BOOT_TIMEOUT_SECONDS,
    headersTimeoutMs: settings.POLYFORGE_HEADERS_TIMEOUT_SECONDS * 1000,
    metrics: Object.freeze({
      token: settings.POLYFORGE_METRICS_TOKEN,
      listen: parseListen(settings.POLYFORGE_METRICS_LISTEN),
    }),
    allowedHosts: Object.freeze(parseAllowedHosts(settings.POLYFORGE_ALLOWED_HOSTS)),
    trustedProxies: Object.freeze(settings.POLYFORGE_TRUST_PROXY),
    tracing: settings.POLYFORGE_OTEL_ENDPOINT
      ? { endpoint: settings.POLYFORGE_OTEL_ENDPOINT, serviceName: settings.POLYFORGE_OTEL_SERVICE_NAME }
      : undefined,
    outbound: Object.freeze({
      allowPrivateAddresses: settings.POLYFORGE_OUTBOUND_ALLOW_PRIVATE || settings.POLYFORGE_URL_FETCH_ALLOW_PRIVATE,
      allowedNetworks: Object.freeze(parseNetworks(settings.POLYFORGE_OUTBOUND_ALLOWED_NETWORKS)),
    }),
    moderation: parseModerationSettings(settings),
  });
}
