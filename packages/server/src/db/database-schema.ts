// Row types of every table, as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
// Times are integer milliseconds since the epoch; credits are integers.
import type { Generated, Kysely } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AccountsTable {
  id: string;
  email: string;
  clientId: string;
  concurrencyLimit: number;
  /** tasks queued or running; kept with the task rows in the same transactions (see tasks/task-transitions.ts) */
  activeTasks: Generated<number>;
  /** share of queue dispatches relative to other accounts with queued work (1 = normal; queue/fair-dispatch-rank.ts) */
  queuePriority: Generated<number>;
  /** dispatch rank of the account's latest enqueued job */
  queueRank: Generated<number>;
  isDemo: number;
  createdAt: number;
  /** days after which the retention sweeper deletes inputs and outputs; null = deployment default, 0 = never */
  retentionDays: Generated<number | null>;
  /** requests per minute per API key; null = deployment default */
  rateLimitPerMinute: Generated<number | null>;
  /** argon2id hash (encoded form) of the web log-in password; null = no web log-in yet */
  passwordHash: string | null;
  /** 1 for operators who may use the admin console */
  isAdmin: Generated<number>;
  /** percentage taken off the account's API prices at create and quote time (billing/volume-discount.ts) */
  volumeDiscountPercent: Generated<number>;
  /** when the account's e-mail address was verified (or vouched for by an invitation); null = not yet */
  emailVerifiedAt: Generated<number | null>;
  /** SHA-256 of the client address a web sign-up came from (accounts/signup-policy.ts) */
  signupAddressHash: Generated<string | null>;
}

export interface ApiKeysTable {
  id: string;
  accountId: string;
  keyHash: string;
  keyPrefix: string;
  name: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
  mode: Generated<string>;
}

export interface CreditGrantsTable {
  id: string;
  accountId: string;
  source: string;
  creditsGranted: number;
  creditsRemaining: number;
  expiresAt: number | null;
  createdAt: number;
  /** 'api' or 'studio' (billing/wallets.ts): credits never move between wallets */
  wallet: Generated<string>;
}

export interface LedgerEntriesTable {
  id: Generated<number>;
  accountId: string;
  entryType: string;
  credits: number;
  grantId: string | null;
  taskId: string | null;
  note: string | null;
  createdAt: number;
  wallet: Generated<string>;
}

export interface HoldAllocationsTable {
  taskId: string;
  grantId: string;
  accountId: string;
  credits: number;
  state: string;
  createdAt: number;
  wallet: Generated<string>;
}

export interface FilesTable {
  id: string;
  accountId: string;
  fileName: string;
  kind: string;
  format: string;
  mimeType: string;
  sizeBytes: number;
  blobKey: string;
  createdAt: number;
  /** images: the content classifier's Porn + Hentai probability (images/image-safety.ts); null until checked */
  unsafeScore?: number | null;
}

export interface TasksTable {
  id: string;
  accountId: string;
  type: string;
  status: string;
  inputJson: string;
  outputJson: string;
  resultJson: string;
  progress: number;
  costCredits: number;
  consumedCredits: number;
  errorCode: number | null;
  errorMessage: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  cancelRequestedAt: number | null;
  startDeadlineAt: number | null;
  /** 1 for tasks created with a test-mode key: free, deterministic sample outputs */
  isTest: number;
  /** when the retention sweeper deleted this task's inputs and outputs (it then reads `expired`) */
  dataDeletedAt?: number | null;
  /** the wallet that pays for the task: 'api' (default) or 'studio' (created from the Studio web app) */
  wallet?: string;
  /** the id of the API request that created the task (X-Request-Id), carried into worker and provider calls */
  requestId?: string | null;
}

export interface IdempotencyKeysTable {
  accountId: string;
  idempotencyKey: string;
  requestHash: string;
  taskId: string;
  createdAt: number;
}

export interface JobsTable {
  id: string;
  accountId: string;
  queueName: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  availableAt: number;
  createdAt: number;
  /** start-time fair queuing tag: claims take the lowest rank (queue/fair-dispatch-rank.ts) */
  dispatchRank: Generated<number>;
  taskType: string | null;
  modelVersion: string | null;
  /** the registered external worker holding the lease; null for in-process runners */
  workerId: string | null;
}

export interface WorkerTokensTable {
  id: string;
  name: string;
  /** SHA-256 of the pfw_ token (256 random bits) */
  tokenHash: string;
  tokenPrefix: string;
  /** worker pool names this token may serve, or ["*"] */
  capabilitiesJson: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export interface LeaseOutputsTable {
  leaseId: string;
  outputKey: string;
  blobKey: string;
  extension: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: number;
}

export interface WorkersTable {
  id: string;
  tokenId: string;
  name: string;
  capabilitiesJson: string;
  taskTypesJson: string;
  modelVersionsJson: string;
  registeredAt: number;
  lastSeenAt: number;
}

export interface WebhookEndpointsTable {
  id: string;
  accountId: string;
  url: string;
  secret: string;
  createdAt: number;
  disabledAt: number | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpointId: string;
  accountId: string;
  eventId: string;
  eventType: string;
  payloadJson: string;
  status: string;
  attempts: number;
  nextAttemptAt: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

export interface RateLimitWindowsTable {
  keyId: string;
  windowStart: number;
  requestCount: number;
}

export interface BlobDeletionsTable {
  blobKey: string;
  createdAt: number;
}

export interface WebSessionsTable {
  /** SHA-256 of the session cookie's value; the value itself is never stored */
  tokenHash: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface CheckoutSessionsTable {
  /** the Stripe Checkout Session id (cs_...) */
  id: string;
  accountId: string;
  wallet: string;
  credits: number;
  amountCents: number;
  currency: string;
  /** open | completed */
  status: string;
  grantId: string | null;
  createdAt: number;
  completedAt: number | null;
}

export interface StripeEventsTable {
  id: string;
  eventType: string;
  receivedAt: number;
}

/** a /v3 presigned upload slot; its file row (same id) appears when the bytes arrive */
export interface PendingUploadsTable {
  id: string;
  accountId: string;
  secretHash: string;
  format: string | null;
  createdAt: number;
  expiresAt: number;
  completedAt: number | null;
}

export interface EmailTokensTable {
  /** SHA-256 of the token in the link; the token itself is only in the e-mail */
  tokenHash: string;
  purpose: 'verify_email' | 'invite';
  email: string;
  accountId: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface LogInFailuresTable {
  addressHash: string;
  failedAt: number;
}

/** a part of an S3 multipart upload to the STS upload endpoint, staged as a blob until the upload completes */
export interface StsUploadPartsTable {
  multipartId: string;
  partNumber: number;
  uploadId: string;
  sizeBytes: number;
  etag: string;
  blobKey: string;
  createdAt: number;
}

/** One call of a hosted 3D provider for a task (db/migrations/0011-provider-calls.ts). */
export interface ProviderCallsTable {
  id: string;
  taskId: string;
  accountId: string;
  provider: string;
  providerModel: string;
  providerTaskId: string | null;
  outcome: string;
  failureKind: string | null;
  message: string | null;
  reportedCostAmount: number | null;
  reportedCostUnit: string | null;
  costUsd: number | null;
  startedAt: number;
  durationMs: number;
}

export interface DatabaseSchema {
  settings: SettingsTable;
  accounts: AccountsTable;
  apiKeys: ApiKeysTable;
  creditGrants: CreditGrantsTable;
  ledgerEntries: LedgerEntriesTable;
  holdAllocations: HoldAllocationsTable;
  files: FilesTable;
  tasks: TasksTable;
  jobs: JobsTable;
  workerTokens: WorkerTokensTable;
  workers: WorkersTable;
  leaseOutputs: LeaseOutputsTable;
  idempotencyKeys: IdempotencyKeysTable;
  webhookEndpoints: WebhookEndpointsTable;
  webhookDeliveries: WebhookDeliveriesTable;
  pendingUploads: PendingUploadsTable;
  stsUploadParts: StsUploadPartsTable;
  rateLimitWindows: RateLimitWindowsTable;
  blobDeletions: BlobDeletionsTable;
  webSessions: WebSessionsTable;
  checkoutSessions: CheckoutSessionsTable;
  stripeEvents: StripeEventsTable;
  providerCalls: ProviderCallsTable;
  emailTokens: EmailTokensTable;
  logInFailures: LogInFailuresTable;
}

export type Database = Kysely<DatabaseSchema>;
