// What a task runner is given: the stores it commits to, the engines it runs, and how it claims.
import type { Ledger } from '../billing/ledger.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import type { EngineRegistry } from '../engines/engine-registry.ts';
import type { Engine } from '../engines/engine.ts';
import type { FileStore } from '../files/file-store.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { DatabaseAvailability } from '../db/database-availability.ts';
import type { PlatformTelemetry } from '../observability/telemetry.ts';
import type { Tracing } from '../observability/tracing.ts';

export interface TaskRunnerDependencies {
  db: Database;
  clock: Clock;
  ledger: Ledger;
  queue: JobQueue;
  files: FileStore;
  blobs: BlobStore;
  engines: EngineRegistry;
  /** serves every task created with a test-mode key */
  testModeEngine: Engine;
  leaseSeconds: number;
  log: (message: string, details?: Record<string, unknown>) => void;
  /** this process's record of database outages (shared by its runners and its connection pool) */
  availability?: DatabaseAvailability;
  telemetry?: PlatformTelemetry;
  /** OpenTelemetry: a span per task run, parent of its provider calls' spans */
  tracing?: Tracing;
  /** the queues this runner claims from when the caller names none (default: the default queue) */
  claimQueues?: () => readonly string[];
  /** set when those queues include provider queues: claims run one at a time and report what they claimed */
  claimGate?: ClaimGate;
  /** leave lost leases and start deadlines to the other runners (the provider loops: many, and woken often) */
  skipReclaim?: boolean;
}

/** Serialises claims that are limited outside the database (3D provider slots) and reports each claim's queue. */
export interface ClaimGate {
  serializeClaim<T>(claim: () => Promise<T>): Promise<T>;
  claimed(queueName: string): void;
}
