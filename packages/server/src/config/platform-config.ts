// The platform's configuration as loadConfig (config.ts) returns it: one slice per area, passed down to the modules
// that use it (domain code never reads process.env).
import type { Provider3dName } from './environment-schema.ts';

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
