// What the HTTP layer needs from the platform, passed in by platform.ts.
import type { FastifyRequest } from 'fastify';
import type { ApiKeyAuthenticator } from '../accounts/api-key-authenticator.ts';
import type { Ledger } from '../billing/ledger.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import type { DownloadSigner } from '../files/download-signer.ts';
import type { FileStore } from '../files/file-store.ts';
import type { StsMultipartUploads } from '../files/sts/sts-multipart-uploads.ts';
import type { StsUploads } from '../files/sts/sts-uploads.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { TaskService } from '../tasks/task-service.ts';
import type { WebhookStore } from '../webhooks/webhook-store.ts';
import type { RateLimitHookOptions } from './rate-limit-hook.ts';
import type { cancelTask } from '../tasks/cancel-task.ts';
import type { PrometheusMetrics } from '../observability/prometheus-metrics.ts';
import type { ReadinessProbe } from '../observability/readiness-probe.ts';

export interface ApiContext {
  db: Database;
  clock: Clock;
  tasks: TaskService;
  cancelDependencies: Parameters<typeof cancelTask>[0];
  ledger: Ledger;
  webhooks: WebhookStore;
  files: FileStore;
  /** STS credentials and the S3-compatible upload endpoint they sign for */
  sts: { uploads: StsUploads; multipart: StsMultipartUploads };
  blobs: BlobStore;
  signer: DownloadSigner;
  authenticator: ApiKeyAuthenticator;
  maxUploadBytes: number;
  baseUrlOf(request: FastifyRequest): string;
  /** requests per minute per API key; absent = not limited */
  rateLimit?: RateLimitHookOptions;
  /** /ready, /metrics and the request metrics; absent = /health only */
  operations?: OperationsContext;
}

export interface OperationsContext {
  readiness: ReadinessProbe;
  metrics: PrometheusMetrics;
  /** /metrics on the API port answers only with `Authorization: Bearer <token>`; absent = not on the API port */
  metricsToken?: string;
}
