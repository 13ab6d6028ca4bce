// Parses the environment once, at boot, into a frozen config; a bad setting fails with a message naming it.
import path from 'node:path';
import { MODEL_VERSION_TABLES } from '@polyforge/protocol';
import { z } from 'zod';
import { parseNetworkList } from './net/address-policy.ts';
import { parseTrustedProxies } from './net/trusted-proxies.ts';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** Hosted 3D generators an operator may plug in (engines/providers-3d/), with their public API's base URL. */
export const PROVIDER_3D_DEFAULT_BASE_URLS = {
  meshy: 'https://api.meshy.ai',
  rodin: 'https://api.hyper3d.com',
  stability: 'https://api.stability.ai',
  fal: 'https://queue.fal.run',
  replicate: 'https://api.replicate.com',
} as const;
export type Provider3dName = keyof typeof PROVIDER_3D_DEFAULT_BASE_URLS;
export const PROVIDER_3D_NAMES = Object.keys(PROVIDER_3D_DEFAULT_BASE_URLS) as Provider3dName[];

/** POLYFORGE_<NAME>_API_KEY, _BASE_URL, _CONCURRENCY (tasks in flight at once) and _TASKS_PER_MINUTE per 3D provider. */
const provider3dSettings = Object.fromEntries(
  PROVIDER_3D_NAMES.flatMap((name) => {
    const prefix = `POLYFORGE_${name.toUpperCase()}`;
    return [
      [`${prefix}_API_KEY`, z.string().min(1).optional()],
      [`${prefix}_BASE_URL`, z.url().default(PROVIDER_3D_DEFAULT_BASE_URLS[name])],
      [`${prefix}_CONCURRENCY`, z.coerce.number().int().min(1).max(1000).default(5)],
      [`${prefix}_TASKS_PER_MINUTE`, z.coerce.number().int().min(1).max(100_000).default(60)],
    ];
  }),
) as Record<string, z.ZodType>;

const environmentSchema = z.object({
  ...provider3dSettings,
  POLYFORGE_MODEL_PRICES_FILE: z.string().min(1).optional(),
  POLYFORGE_PROVIDER_POLL_SECONDS: z.coerce.number().min(0.01).max(600).default(3),
  POLYFORGE_PROVIDER_TASK_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(1)
    .max(7 * 24 * 3600)
    .default(1800),
  POLYFORGE_PROVIDER_MAX_DOWNLOAD_MB: z.coerce.number().min(0.001).max(4096).default(200),
  POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE: booleanFlag.default(false),
  POLYFORGE_PROVIDER_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(3),
  POLYFORGE_PROVIDER_BREAKER_SECONDS: z.coerce.number().min(0.01).max(86_400).default(60),
  POLYFORGE_PROVIDER_WORKERS: z.coerce.number().int().min(1).max(1000).default(16),
  POLYFORGE_ROUTING_FILE: z.string().min(1).optional(),
  POLYFORGE_OPENAI_API_KEY: z.string().min(1).optional(),
  POLYFORGE_OPENAI_BASE_URL: z.url().default('https://api.openai.com'),
  POLYFORGE_GEMINI_API_KEY: z.string().min(1).optional(),
  POLYFORGE_GEMINI_BASE_URL: z.url().default('https://generativelanguage.googleapis.com'),
  POLYFORGE_BFL_API_KEY: z.string().min(1).optional(),
  POLYFORGE_BFL_BASE_URL: z.url().default('https://api.bfl.ai'),
  POLYFORGE_PROVIDER_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  POLYFORGE_PROVIDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  POLYFORGE_UPSTREAM_URL: z.url().optional(),
  POLYFORGE_UPSTREAM_API_KEY: z.string().min(1).optional(),
  POLYFORGE_UPSTREAM_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 3600)
    .default(3600),
  POLYFORGE_UPSTREAM_POLL_SECONDS: z.coerce.number().min(0.05).max(600).default(2),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  POLYFORGE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'must be a postgres:// URL or sqlite:<path>')
    .optional(),
  POLYFORGE_WORKERS: booleanFlag.default(true),
  POLYFORGE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  POLYFORGE_DOWNLOAD_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(60),
  POLYFORGE_PUBLIC_URL: z.url().optional(),
  POLYFORGE_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  POLYFORGE_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(150),
  POLYFORGE_MAX_IMAGE_MB: z.coerce.number().int().min(1).max(2048).default(20),
  POLYFORGE_BACKGROUND_REMOVAL: z.enum(['classical', 'imgly']).default('classical'),
  POLYFORGE_IMAGE_SAFETY: booleanFlag.default(true),
  POLYFORGE_IMAGE_SAFETY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  POLYFORGE_URL_FETCH_ALLOW_PRIVATE: booleanFlag.default(false),
  POLYFORGE_OUTBOUND_ALLOW_PRIVATE: booleanFlag.default(false),
  POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: z.string().optional(),
  POLYFORGE_URL_FETCH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  POLYFORGE_DEFAULT_CONCURRENCY: z.coerce.number().int().min(1).max(100000).default(10),
  POLYFORGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
  STORAGE_URL: z
    .string()
    .regex(/^(s3:\/\/|file:)/, 'must be s3://bucket?endpoint=...&region=... or file:<directory>')
    .optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).optional(),
  POLYFORGE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  POLYFORGE_RETENTION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  POLYFORGE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(1200),
  POLYFORGE_WEB_SIGNUP: booleanFlag.default(true),
  POLYFORGE_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(168),
  POLYFORGE_STUDIO_PRICES_FILE: z.string().min(1).optional(),
  POLYFORGE_STUDIO_TRIAL_CREDITS: z.coerce.number().int().min(0).max(1_000_000).default(300),
  POLYFORGE_STUDIO_TRIAL_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  POLYFORGE_STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_... or rk_...)')
    .optional(),
  POLYFORGE_STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, 'must be a Stripe webhook signing secret (whsec_...)')
    .optional(),
  POLYFORGE_STRIPE_API_URL: z.url().optional(),
  POLYFORGE_DATABASE_BOOT_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  POLYFORGE_HEADERS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  POLYFORGE_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  POLYFORGE_METRICS_LISTEN: z
    .string()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9464')
    .optional(),
  POLYFORGE_ALLOWED_HOSTS: z.string().min(1).optional(),
  POLYFORGE_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text, context) => {
      try {
        return parseTrustedProxies(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  POLYFORGE_OTEL_ENDPOINT: z.url().optional(),
  POLYFORGE_OTEL_SERVICE_NAME: z.string().min(1).default('polyforge'),
  POLYFORGE_SIGNUP_MODE: z.enum(['open', 'verify-email', 'invite-only', 'closed']).optional(),
  POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(5),
  POLYFORGE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be smtp://[user:password@]host[:port] or smtps://...')
    .optional(),
  POLYFORGE_MAIL_FROM: z.string().min(3).default('Polyforge <no-reply@polyforge.local>'),
  POLYFORGE_LOGIN_FAILURES_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(30),
  POLYFORGE_DEFAULT_IMAGE_MODEL: z
    .string()
    .refine((value) => (MODEL_VERSION_TABLES.generate_image.accepted as readonly string[]).includes(value), {
      message: `must be a generate_image model_version: ${MODEL_VERSION_TABLES.generate_image.accepted.join(', ')}`,
    })
    .optional(),
  POLYFORGE_MODERATION_PROVIDER: z.enum(['none', 'openai']).default('none'),
  POLYFORGE_MODERATION_API_KEY: z.string().min(1).optional(),
  POLYFORGE_MODERATION_BASE_URL: z.url().default('https://api.openai.com'),
  POLYFORGE_MODERATION_MODEL: z.string().min(1).default('omni-moderation-latest'),
  POLYFORGE_MODERATION_ON_FAILURE: z.enum(['open', 'closed']).default('open'),
  POLYFORGE_MODERATION_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(5),
  POLYFORGE_MODERATION_IMAGES: booleanFlag.default(true),
});

/** The image model that serves generate_image requests naming none, unless POLYFORGE_DEFAULT_IMAGE_MODEL says otherwise. */
export const EMBEDDED_DEFAULT_IMAGE_MODEL = 'polyforge_basic';

export interface ProviderConfig {
  apiKey: string;
  baseUrl: string;
}

export interface PlatformConfig {
  /** the routing file (JSON or YAML); absent = built-in engines for their types (engines/routing/) */
  routingFile?: string;
  /** third-party image APIs the operator has keys for */
  providers: Partial<Record<'openai' | 'gemini' | 'bfl', ProviderConfig>>;
  providerTimeoutSeconds: number;
  providerMaxAttempts: number;
  /** hosted 3D generators the operator has keys for (engines/providers-3d/) */
  providers3d: Partial<Record<Provider3dName, Provider3dConfig>>;
  /** how 3D provider tasks are followed, downloaded, guarded and priced */
  provider3d: Provider3dSettings;
  /** another Tripo-compatible API that routes may forward tasks to (its V2 base URL) */
  upstream?: ProviderConfig & { taskTimeoutSeconds: number; pollSeconds: number };
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; filePath: string } | { kind: 'postgres'; url: string };
  workersEnabled: boolean;
  workerConcurrency: number;
  downloadTtlSeconds: number;
  publicUrl?: string;
  leaseSeconds: number;
  maxUploadBytes: number;
  maxImageBytes: number;
  defaultConcurrencyLimit: number;
  logLevel: string;
  /** where inputs and outputs live: the data dir's blobs/ folder (default), another folder, or an S3 bucket */
  storage: StorageConfig;
  /** deployment default of the data-retention period in days; 0 = keep forever; accounts may override */
  retentionDays: number;
  retentionSweepSeconds: number;
  /** deployment default of requests per minute per API key; 0 = no rate limit; accounts may override */
  rateLimitPerMinute: number;
  /** the web dashboard and Studio (packages/server/src/web) */
  dashboard: DashboardConfig;
  /** input images: background removal, content policy, `url` references (packages/server/src/images) */
  images: ImageInputConfig;
  /** generate_image model_version for requests that name none; `explicit` when the operator set it */
  defaultImageModel: { modelVersion: string; explicit: boolean };
  /** the content policy's moderation provider (packages/server/src/safety); the offline checks always run */
  moderation: ModerationConfig;
  /** the address policy of every outbound request a tenant can aim: webhooks, `url` inputs (net/address-policy.ts) */
  outbound: OutboundConfig;
  /** how long a process started before its database waits for it; 0 = fail at once */
  databaseBootTimeoutSeconds: number;
  headersTimeoutMs: number;
  /** /metrics: on the API port behind this token, and/or on a separate listener */
  metrics: { token?: string; listen?: { host: string; port: number } };
  /** Host headers output links may be built from when publicUrl is unset (lowercase host names, no port) */
  allowedHosts: readonly string[];
  /**
   * reverse proxies whose X-Forwarded-For/-Proto/-Host are believed (addresses, CIDR blocks, proxy-addr's named
   * ranges); empty = none: the client address is the socket's, the protocol and host the request's own
   */
  trustedProxies: readonly string[];
  /** OpenTelemetry traces over OTLP/HTTP; absent = off (the SDK is not even loaded) */
  tracing?: { endpoint: string; serviceName: string };
}

export interface OutboundConfig {
  /** reach loopback and private networks too (POLYFORGE_OUTBOUND_ALLOW_PRIVATE, or the older POLYFORGE_URL_FETCH_ALLOW_PRIVATE) */
  allowPrivateAddresses: boolean;
  /** CIDR blocks opened although not public (POLYFORGE_OUTBOUND_ALLOWED_NETWORKS=10.1.0.0/16,fd00::/8) */
  allowedNetworks: readonly string[];
}

export interface ModerationConfig {
  /** absent = offline checks only (lexicon, image classifier) */
  provider?: { kind: 'openai'; apiKey: string; baseUrl: string; model: string; timeoutMs: number };
  /** a provider that fails: `open` = the offline checks decide (default); `closed` = creates answer 503 */
  onProviderFailure: 'open' | 'closed';
  /** send input images to the provider as well as texts */
  providerChecksImages: boolean;
}

export interface Provider3dConfig extends ProviderConfig {
  /** provider tasks of this deployment in flight at once; more wait, queued, in our fair queue */
  maxConcurrent: number;
  /** provider tasks started per minute at most */
  tasksPerMinute: number;
}

export interface Provider3dSettings {
  /** the operator's model_version names and their credit prices (billing/model-version-prices.ts); absent = defaults */
  pricesFile?: string;
  pollIntervalMs: number;
  /** longest time one provider task may take before the next provider is tried */
  taskTimeoutMs: number;
  /** largest output file accepted from a provider */
  maxDownloadBytes: number;
  /** download provider outputs from loopback and private addresses too (tests, on-premises mirrors) */
  downloadAllowPrivate: boolean;
  /** consecutive failures that open a provider's circuit breaker */
  breakerFailures: number;
  /** how long an open breaker skips the provider before one trial request */
  breakerOpenMs: number;
  /** in-process loops that follow provider tasks (I/O-bound, apart from the CPU workers) */
  workerConcurrency: number;
}

export interface ImageInputConfig {
  /** `classical` (default, built in) or `imgly` (@imgly/background-removal-node, AGPL-3.0, installed by the operator) */
  backgroundRemoval: 'classical' | 'imgly';
  safetyEnabled: boolean;
  /** an image whose classifier Porn + Hentai probability reaches this is refused (2008) */
  safetyThreshold: number;
  /** fetch `url` references from loopback and private addresses too (off: SSRF guard) */
  urlFetchAllowPrivate: boolean;
  urlFetchTimeoutMs: number;
}

export type SignupMode = 'open' | 'verify-email' | 'invite-only' | 'closed';

export interface DashboardConfig {
  signupOpen: boolean;
  /**
   * open: trial credits at sign-up; verify-email: trial credits once the address is verified (needs SMTP);
   * invite-only: sign-up only with an operator's invitation; closed: no sign-up
   */
  signupMode: SignupMode;
  signupsPerAddressPerHour: number;
  loginFailuresPerAddressPerHour: number;
  /** the operator's SMTP server (nodemailer); absent = no e-mail is sent */
  mail?: { smtpUrl: string; from: string };
  sessionTtlSeconds: number;
  /** JSON price list of the Studio wallet (billing/studio-prices.ts); absent = the API's prices */
  studioPricesFile?: string;
  /** Studio's free trial for each new account (credits 0 = none), granted with the API trial */
  studioTrial: { credits: number; days: number };
  /** absent = buying credits is off; the billing page says how an admin grants them */
  stripe?: { secretKey: string; webhookSecret: string; apiUrl?: string };
}

export type StorageConfig =
  | { kind: 'local'; rootDir: string }
  | {
      kind: 's3';
      bucket: string;
      /** S3-compatible endpoint (MinIO, R2, ...); absent = AWS */
      endpoint?: string;
      region: string;
      forcePathStyle: boolean;
      /** key prefix inside the bucket, e.g. "polyforge/" */
      prefix: string;
      /** absent = the AWS SDK's default credential chain (instance role, ~/.aws, ...) */
      credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
      /** how the signed download route serves an object: a 302 to a presigned S3 URL, or streamed through */
      downloadMode: 'redirect' | 'proxy';
    };

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

function parseModerationSettings(settings: z.infer<typeof environmentSchema>): ModerationConfig {
  const apiKey = settings.POLYFORGE_MODERATION_API_KEY ?? settings.POLYFORGE_OPENAI_API_KEY;
  if (settings.POLYFORGE_MODERATION_PROVIDER === 'openai' && !apiKey) {
    throw new Error(
      'Invalid configuration: POLYFORGE_MODERATION_PROVIDER=openai needs POLYFORGE_MODERATION_API_KEY (or POLYFORGE_OPENAI_API_KEY)',
    );
  }
  return Object.freeze({
    provider:
      settings.POLYFORGE_MODERATION_PROVIDER === 'openai' && apiKey
        ? {
            kind: 'openai' as const,
            apiKey,
            baseUrl: settings.POLYFORGE_MODERATION_BASE_URL.replace(/\/$/, ''),
            model: settings.POLYFORGE_MODERATION_MODEL,
            timeoutMs: Math.round(settings.POLYFORGE_MODERATION_TIMEOUT_SECONDS * 1000),
          }
        : undefined,
    onProviderFailure: settings.POLYFORGE_MODERATION_ON_FAILURE,
    providerChecksImages: settings.POLYFORGE_MODERATION_IMAGES,
  });
}

function parseDashboardSettings(settings: z.infer<typeof environmentSchema>): DashboardConfig {
  const secretKey = settings.POLYFORGE_STRIPE_SECRET_KEY;
  const webhookSecret = settings.POLYFORGE_STRIPE_WEBHOOK_SECRET;
  if ((secretKey === undefined) !== (webhookSecret === undefined)) {
    throw new Error(
      'Invalid configuration: POLYFORGE_STRIPE_SECRET_KEY and POLYFORGE_STRIPE_WEBHOOK_SECRET go together (purchases are credited by the signed webhook)',
    );
  }
  const mail = settings.POLYFORGE_SMTP_URL
    ? { smtpUrl: settings.POLYFORGE_SMTP_URL, from: settings.POLYFORGE_MAIL_FROM }
    : undefined;
  // unset: closed when POLYFORGE_WEB_SIGNUP=0, verify-email when the operator gave an SMTP server, else open
  const signupMode: SignupMode =
    settings.POLYFORGE_SIGNUP_MODE ?? (!settings.POLYFORGE_WEB_SIGNUP ? 'closed' : mail ? 'verify-email' : 'open');
  if (signupMode === 'verify-email' && !mail) {
    throw new Error(
      'Invalid configuration: POLYFORGE_SIGNUP_MODE=verify-email needs POLYFORGE_SMTP_URL (the verification links are e-mailed)',
    );
  }
  return Object.freeze({
    signupOpen: signupMode !== 'closed',
    signupMode,
    signupsPerAddressPerHour: settings.POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR,
    loginFailuresPerAddressPerHour: settings.POLYFORGE_LOGIN_FAILURES_PER_ADDRESS_PER_HOUR,
    mail,
    sessionTtlSeconds: settings.POLYFORGE_SESSION_TTL_HOURS * 3600,
    studioPricesFile: settings.POLYFORGE_STUDIO_PRICES_FILE
      ? path.resolve(settings.POLYFORGE_STUDIO_PRICES_FILE)
      : undefined,
    studioTrial: Object.freeze({
      credits: settings.POLYFORGE_STUDIO_TRIAL_CREDITS,
      days: settings.POLYFORGE_STUDIO_TRIAL_DAYS,
    }),
    stripe:
      secretKey && webhookSecret
        ? { secretKey, webhookSecret, apiUrl: settings.POLYFORGE_STRIPE_API_URL?.replace(/\/$/, '') }
        : undefined,
  });
}

/** STORAGE_URL=s3://bucket?endpoint=http://127.0.0.1:9000&region=us-east-1&force_path_style=true[&prefix=p/][&download=proxy] */
function parseStorageUrl(settings: z.infer<typeof environmentSchema>, dataDir: string): StorageConfig {
  const storageUrl = settings.STORAGE_URL;
  if (!storageUrl) return { kind: 'local', rootDir: path.join(dataDir, 'blobs') };
  if (storageUrl.startsWith('file:'))
    return { kind: 'local', rootDir: path.resolve(storageUrl.replace(/^file:(\/\/)?/, '')) };
  const fail = (problem: string): never => {
    throw new Error(`Invalid configuration: STORAGE_URL: ${problem}`);
  };
  let url: URL;
  try {
    url = new URL(storageUrl);
  } catch {
    return fail('not a URL; expected s3://bucket?endpoint=...&region=...');
  }
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) fail(`"${bucket}" is not a valid bucket name`);
  const known = new Set([
    'endpoint',
    'region',
    'force_path_style',
    'prefix',
    'download',
    'access_key_id',
    'secret_access_key',
    'session_token',
  ]);
  for (const name of url.searchParams.keys())
    if (!known.has(name)) fail(`unknown setting "${name}" (known: ${[...known].join(', ')})`);
  const parameter = (name: string) => url.searchParams.get(name) ?? undefined;
  const endpoint = parameter('endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) fail('endpoint must be an http(s):// URL');
  const forcePathStyle = parameter('force_path_style') ?? 'false';
  if (!['true', 'false', '1', '0'].includes(forcePathStyle)) fail('force_path_style must be true or false');
  const downloadMode = parameter('download') ?? 'redirect';
  if (downloadMode !== 'redirect' && downloadMode !== 'proxy') fail('download must be redirect or proxy');
  const prefix = parameter('prefix') ?? '';
  if (prefix !== '' && !/^[A-Za-z0-9][A-Za-z0-9._/-]*\/$/.test(prefix))
    fail('prefix must be letters, digits, . _ - / and end with /');
  // Credentials in the URL win over the usual AWS variables; percent-encode "+" and "/" of a secret in the URL.
  const accessKeyId = parameter('access_key_id') ?? settings.AWS_ACCESS_KEY_ID;
  const secretAccessKey = parameter('secret_access_key') ?? settings.AWS_SECRET_ACCESS_KEY;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    fail('give both an access key id and a secret access key, or neither');
  const sessionToken = parameter('session_token') ?? settings.AWS_SESSION_TOKEN;
  return {
    kind: 's3',
    bucket,
    endpoint: endpoint?.replace(/\/$/, ''),
    region: parameter('region') ?? settings.AWS_REGION ?? 'us-east-1',
    forcePathStyle: forcePathStyle === 'true' || forcePathStyle === '1',
    prefix,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }
        : undefined,
    downloadMode: downloadMode as 'redirect' | 'proxy',
  };
}

function parseListen(text: string | undefined): { host: string; port: number } | undefined {
  if (!text) return undefined;
  const separator = text.lastIndexOf(':');
  return { host: text.slice(0, separator).replace(/^\[|\]$/g, ''), port: Number(text.slice(separator + 1)) };
}

/** Loopback names are always allowed, so a local install's links work without any setting. */
function parseAllowedHosts(text: string | undefined): string[] {
  const listed = (text ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(['localhost', '127.0.0.1', '[::1]', ...listed])];
}

function parseNetworks(text: string | undefined): string[] {
  try {
    return text ? parseNetworkList(text) : [];
  } catch (error) {
    throw new Error(`Invalid configuration: POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: ${(error as Error).message}`);
  }
}

function pickDefined(environment: NodeJS.ProcessEnv): Record<string, string> {
  const keys = Object.keys(environmentSchema.shape);
  return Object.fromEntries(
    keys
      .filter((key) => environment[key] !== undefined && environment[key] !== '')
      .map((key) => [key, environment[key] as string]),
  );
}
