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
  isDemo: number;
  createdAt: number;
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
}

export interface HoldAllocationsTable {
  taskId: string;
  grantId: string;
  accountId: string;
  credits: number;
  state: string;
  createdAt: number;
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
  idempotencyKeys: IdempotencyKeysTable;
  webhookEndpoints: WebhookEndpointsTable;
  webhookDeliveries: WebhookDeliveriesTable;
}

export type Database = Kysely<DatabaseSchema>;
