// The worker side of the task lifecycle: claim a queued task, run its engine, commit success (capture) or
// failure (release) together with the job, and give back tasks whose worker stopped heartbeating. A database
// outage is the platform's fault, not the task's: while one is recent, expired leases are left to their holders
// (who heartbeat again when it ends) instead of being counted as lost attempts, and a finished task's commit is
// retried until the database is back.
import { ERROR_CATALOG, fileReferencesOf, type TaskRequest } from '@polyforge/protocol';
import type { Ledger } from '../billing/ledger.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import type { EngineRegistry } from '../engines/engine-registry.ts';
import {
  EngineFailure,
  type Engine,
  type EngineInputFile,
  type EngineResult,
  type ProviderCallRecord,
} from '../engines/engine.ts';
import { recordProviderCalls } from './record-provider-calls.ts';
import { DomainError } from '../domain-error.ts';
import type { FileStore } from '../files/file-store.ts';
import { ModelInputError } from '@polyforge/geometry/read/model-input-error';
import { DEFAULT_QUEUE, type ClaimedJob, type ClaimOptions, type JobQueue } from '../queue/job-queue.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { taskFromRow, type StoredOutputFile, type TaskRecord } from './task-record.ts';
import { finishTask } from './task-transitions.ts';
import { recordTaskEvent } from '../webhooks/task-event-outbox.ts';
import type { DatabaseAvailability } from '../db/database-availability.ts';
import { isDatabaseUnavailable } from '../db/database-availability.ts';
import { NO_TELEMETRY, runWithProviderTelemetry, type PlatformTelemetry } from '../observability/telemetry.ts';
import { NO_TRACING, type SpanAttributes, type Tracing } from '../observability/tracing.ts';

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

/** How long a finished task's commit is retried while the database is unreachable (then its lease decides). */
const COMMIT_RETRY_WINDOW_MS = 120_000;

const PROGRESS_WRITE_INTERVAL_MS = 500;
const CANCEL_CHECK_INTERVAL_MS = 1000;
const CANCELLED = Symbol('cancelled');

export class TaskRunner {
  constructor(
    private readonly deps: TaskRunnerDependencies,
    readonly workerId: string,
  ) {}

  /** Reclaims lost leases, then runs at most one task. Returns whether a task was run. */
  async runOnce(): Promise<boolean> {
    let claimed;
    try {
      if (!this.deps.skipReclaim) await this.reclaimExpiredLeases();
      claimed = await this.claimNext();
    } catch (error) {
      this.deps.availability?.noteFailure(error);
      throw error;
    }
    if (!claimed) return false;
    await this.runClaimed(claimed);
    return true;
  }

  private get telemetry(): PlatformTelemetry {
    return this.deps.telemetry ?? NO_TELEMETRY;
  }

  /** Ends, unbilled, queued tasks whose start deadline passed before any worker took them. */
  async expirePastDeadlines(): Promise<number> {
    const { db, queue, ledger, clock } = this.deps;
    const overdue = await db
      .selectFrom('tasks')
      .select(['id'])
      .where('status', '=', 'queued')
      .where('startDeadlineAt', 'is not', null)
      .where('startDeadlineAt', '<', clock.nowMs())
      .limit(100)
      .execute();
    for (const { id } of overdue) {
      await db.transaction().execute(async (trx) => {
        if (!(await queue.finishQueued(trx, id))) return;
        const expired = await finishTask(trx, id, 'queued', 'expired', {
          errorCode: ERROR_CATALOG.startDeadlinePassed.code,
          errorMessage: 'the start deadline passed before the task started; nothing was charged',
          finishedAt: clock.nowMs(),
        });
        if (expired) await ledger.release(trx, id, 'start deadline passed');
      });
    }
    return overdue.length;
  }

  async reclaimExpiredLeases(): Promise<number> {
    const { db, queue, ledger, clock } = this.deps;
    await this.expirePastDeadlines();
    // Leases run out during a database outage although their holders live: none could heartbeat. Holders heartbeat
    // every third of a lease, so one lease after the last failure seen, every live holder has renewed its lease.
    if (this.deps.availability?.unavailableWithin(this.deps.leaseSeconds * 1000)) return 0;
    const expired = await queue.expiredLeases(db);
    for (const job of expired) {
      await db.transaction().execute(async (trx) => {
        const [pending] = await trx
          .selectFrom('tasks')
          .select(['cancelRequestedAt'])
          .where('id', '=', job.id)
          .execute();
        if (pending?.cancelRequestedAt != null) {
          // The client cancelled while the lost worker ran it: end it cancelled rather than run it again.
          if (!(await queue.abandonExpired(trx, job.id))) return;
          const cancelled = await finishTask(trx, job.id, 'running', 'cancelled', {
            errorMessage: 'cancelled by the client while running; nothing was charged',
            finishedAt: clock.nowMs(),
          });
          if (cancelled) await ledger.release(trx, job.id, 'cancelled');
          return;
        }
        if (job.attempts < job.maxAttempts) {
          if (await queue.requeueExpired(trx, job.id)) {
            await trx
              .updateTable('tasks')
              .set({ status: 'queued', progress: 0, startedAt: null })
              .where('id', '=', job.id)
              .where('status', '=', 'running')
              .execute();
            await recordTaskEvent(trx, job.id, clock.nowMs());
            this.telemetry.leaseExpired(false);
            this.deps.log('task requeued after its worker stopped responding', {
              taskId: job.id,
              attempts: job.attempts,
            });
          }
        } else if (await queue.abandonExpired(trx, job.id)) {
          const failed = await finishTask(trx, job.id, 'running', 'failed', {
            errorCode: ERROR_CATALOG.engineFailed.code,
            errorMessage: `the worker running this task stopped responding ${job.attempts} times; the task was not charged`,
            finishedAt: clock.nowMs(),
          });
          if (failed) {
            await ledger.release(trx, job.id, 'worker lost');
            this.telemetry.leaseExpired(false);
          }
        }
      });
    }
    return expired.length;
  }

  /**
   * Leases the next queued task and marks it running, without running it (runOnce runs it). The in-process
   * runner takes the default queue; the worker protocol passes a pool's queues and the worker's task types.
   */
  async claimNext(
    options: { queueNames?: readonly string[] } & ClaimOptions = {},
  ): Promise<{ job: ClaimedJob; task: TaskRecord } | undefined> {
    const gate = this.deps.claimGate;
    if (options.queueNames || !gate) return this.claimIn(options);
    return gate.serializeClaim(async () => {
      const claimed = await this.claimIn(options);
      if (claimed?.job.queueName) gate.claimed(claimed.job.queueName);
      return claimed;
    });
  }

  private async claimIn(
    options: { queueNames?: readonly string[] } & ClaimOptions,
  ): Promise<{ job: ClaimedJob; task: TaskRecord } | undefined> {
    const { db, queue, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const queueNames = options.queueNames ?? this.deps.claimQueues?.() ?? [DEFAULT_QUEUE];
      if (queueNames.length === 0) return undefined;
      const job = await queue.claim(trx, this.workerId, queueNames, options);
      if (!job) return undefined;
      const [pending] = await trx.selectFrom('tasks').select(['startDeadlineAt']).where('id', '=', job.id).execute();
      if (pending?.startDeadlineAt != null && pending.startDeadlineAt < clock.nowMs()) {
        await queue.finish(trx, job.id, this.workerId);
        const expired = await finishTask(trx, job.id, 'queued', 'expired', {
          errorCode: ERROR_CATALOG.startDeadlinePassed.code,
          errorMessage: 'the start deadline passed before the task started; nothing was charged',
          finishedAt: clock.nowMs(),
        });
        if (expired) await this.deps.ledger.release(trx, job.id, 'start deadline passed');
        return undefined;
      }
      const started = await trx
        .updateTable('tasks')
        .set({ status: 'running', startedAt: clock.nowMs(), progress: 0 })
        .where('id', '=', job.id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (Number(started.numUpdatedRows) !== 1) {
        await queue.finish(trx, job.id, this.workerId);
        return undefined;
      }
      await recordTaskEvent(trx, job.id, clock.nowMs());
      const row = await trx.selectFrom('tasks').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
      return { job, task: taskFromRow(row) };
    });
  }

  /** Runs a task taken with claimNext() to its end. */
  async runClaimed({ job, task }: { job: ClaimedJob; task: TaskRecord }): Promise<void> {
    const { db, queue, engines, leaseSeconds } = this.deps;
    const request = task.input as TaskRequest;
    const abort = new AbortController();
    let lastProgressWriteMs = 0;
    const heartbeat = setInterval(
      () => {
        queue.heartbeat(db, job.id, this.workerId).then(
          (stillLeased) => stillLeased || abort.abort(new Error('lease lost')),
          (error) => {
            this.deps.availability?.noteFailure(error);
            this.deps.log('heartbeat failed', { taskId: task.id, requestId: task.requestId, error: String(error) });
          },
        );
      },
      Math.max(1000, (leaseSeconds * 1000) / 3),
    );
    heartbeat.unref();
    const cancelWatch = setInterval(() => {
      db.selectFrom('tasks')
        .select(['cancelRequestedAt'])
        .where('id', '=', task.id)
        .executeTakeFirst()
        .then(
          (row) => row?.cancelRequestedAt != null && abort.abort(CANCELLED),
          () => undefined,
        );
    }, CANCEL_CHECK_INTERVAL_MS);
    cancelWatch.unref();
    const span = (this.deps.tracing ?? NO_TRACING).startSpan('task.run', {
      'polyforge.task_id': task.id,
      'polyforge.task_type': task.type,
      'polyforge.request_id': task.requestId ?? undefined,
      'polyforge.attempt': job.attempts,
    });
    const providerCalls: ProviderCallRecord[] = [];

    try {
      const served = task.isTest
        ? { engine: this.deps.testModeEngine, support: { ok: true as const } }
        : engines.find(request);
      if (!served || !served.support.ok) {
        throw new EngineFailure(
          'engineFailed',
          served && !served.support.ok ? served.support.reason : `no engine serves ${task.type} any more`,
        );
      }
      let resolved;
      try {
        resolved = await this.resolveInputs(task, request);
      } catch (error) {
        // inputs are read from the database and the blob store: an outage there is the platform's fault, so the
        // task goes back to the queue uncounted once the database answers again (engine errors are judged below)
        if (this.deps.availability?.noteFailure(error) ?? isDatabaseUnavailable(error)) {
          await this.commitDespiteOutage(task, () => this.returnUnstarted(job, task));
          this.deps.log(
            "the database was unreachable while reading a task's inputs; the task was given back uncounted",
            { taskId: task.id, requestId: task.requestId },
          );
          return;
        }
        throw error;
      }
      const input = { taskId: task.id, request, ...resolved };
      span.setAttributes({ 'polyforge.engine': served.engine.name });
      const telemetry = {
        ...this.telemetry.providerTelemetry(task.requestId ?? undefined),
        startCallSpan: (name: string, attributes: SpanAttributes) =>
          (this.deps.tracing ?? NO_TRACING).startSpan(name, attributes, span),
      };
      const engine = served.engine;
      const result = await runWithProviderTelemetry(telemetry, () =>
        engine.run(input, {
          signal: abort.signal,
          telemetry,
          recordProviderCall: (call) => providerCalls.push(call),
          reportProgress: (percent) => {
            const nowMs = Date.now();
            if (nowMs - lastProgressWriteMs < PROGRESS_WRITE_INTERVAL_MS) return;
            lastProgressWriteMs = nowMs;
            const progress = Math.max(0, Math.min(99, Math.round(percent)));
            db.updateTable('tasks')
              .set({ progress })
              .where('id', '=', task.id)
              .where('status', '=', 'running')
              .execute()
              .catch(() => undefined);
          },
        }),
      );
      if (abort.signal.reason === CANCELLED || (await this.cancelRequested(task.id))) {
        await this.commitDespiteOutage(task, () => this.commitCancelled(job, task));
        return;
      }
      if (abort.signal.aborted) return;
      try {
        await this.commitDespiteOutage(task, () => this.commitSuccess(job, task, result));
      } catch (error) {
        // The engine succeeded but the commit did not, even after waiting out an outage: committing a failure now
        // would refund a task that worked. Leave the lease to expire; the task is then run again, or failed after
        // its last attempt.
        this.deps.log('committing a finished task failed; it will be retried when its lease expires', {
          taskId: task.id,
          requestId: task.requestId,
          error: String(error),
        });
      }
    } catch (error) {
      if (abort.signal.reason === CANCELLED || (await this.cancelRequested(task.id))) {
        await this.commitDespiteOutage(task, () => this.commitCancelled(job, task));
        return;
      }
      if (abort.signal.aborted) return;
      await this.commitDespiteOutage(task, () => this.commitFailure(job, task, error));
    } finally {
      span.end();
      clearInterval(heartbeat);
      clearInterval(cancelWatch);
      await recordProviderCalls(db, task, providerCalls).catch((error) =>
        this.deps.log('recording provider calls failed', { taskId: task.id, error: String(error) }),
      );
    }
  }

  private async resolveInputs(
    task: TaskRecord,
    request: TaskRequest,
  ): Promise<{
    files: EngineInputFile[];
    sourceModel?: EngineInputFile;
    sourceOutputs?: Record<string, EngineInputFile>;
  }> {
    const { files, db, blobs } = this.deps;
    const inputFiles: EngineInputFile[] = [];
    for (const reference of fileReferencesOf(request)) {
      // an image `url` is fetched now, with every input check (a content-policy hit ends the task `banned`)
      if (reference.url !== undefined && reference.file_token === undefined) {
        inputFiles.push(await files.fetchReferencedImage(reference.url));
        continue;
      }
      const stored = reference.file_token ? await files.findFile(task.accountId, reference.file_token) : undefined;
      if (!stored)
        throw new EngineFailure('inputExpired', `input file ${reference.file_token ?? ''} is no longer available`);
      inputFiles.push({
        bytes: await files.readBytes(stored),
        format: stored.format,
        kind: stored.kind,
        fileName: stored.fileName,
      });
    }
    const outputsTaskId = (request as { original_task_id?: string }).original_task_id;
    if (outputsTaskId)
      return { files: inputFiles, sourceOutputs: await this.outputsOfTask(task.accountId, outputsTaskId) };
    const sourceTaskId = (request as { original_model_task_id?: string }).original_model_task_id;
    if (!sourceTaskId) return { files: inputFiles };
    const sourceRow = await db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', sourceTaskId)
      .where('accountId', '=', task.accountId)
      .executeTakeFirst();
    const sourceFiles = sourceRow ? taskFromRow(sourceRow).outputFiles : {};
    const sourceFile = sourceModelFileOf(sourceFiles);
    const bytes = sourceFile ? await blobs.get(sourceFile.blobKey) : undefined;
    if (!sourceFile || !bytes)
      throw new EngineFailure('inputExpired', `the model of source task ${sourceTaskId} is no longer available`);
    const format = sourceFile.fileName.split('.').pop() ?? 'glb';
    return { files: inputFiles, sourceModel: { bytes, format, kind: 'model', fileName: sourceFile.fileName } };
  }

  private async outputsOfTask(accountId: string, taskId: string): Promise<Record<string, EngineInputFile>> {
    const row = await this.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', taskId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    const outputs: Record<string, EngineInputFile> = {};
    for (const [key, file] of Object.entries(row ? taskFromRow(row).outputFiles : {})) {
      const bytes = await this.deps.blobs.get(file.blobKey);
      if (!bytes)
        throw new EngineFailure('inputExpired', `the outputs of source task ${taskId} are no longer available`);
      const format = file.fileName.split('.').pop() ?? '';
      outputs[key] = {
        bytes,
        format,
        kind: file.mimeType.startsWith('image/') ? 'image' : 'model',
        fileName: file.fileName,
      };
    }
    return outputs;
  }

  /** Stores the outputs, then commits success + capture with the job; false when this runner lost the lease. */
  async commitSuccess(job: ClaimedJob, task: TaskRecord, result: EngineResult): Promise<boolean> {
    const { db, blobs, ledger, queue, clock } = this.deps;
    const outputFiles: Record<string, StoredOutputFile> = {};
    for (const [outputKey, file] of Object.entries(result.files)) {
      // Nested outputs use dotted keys (generate_multiview_image.front_view_url); file names stay flat.
      const fileName = `${outputKey.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}.${file.extension}`;
      const blobKey = `tasks/${task.id}/${fileName}`;
      await blobs.put(blobKey, file.bytes);
      outputFiles[outputKey] = { fileName, blobKey, mimeType: file.mimeType, sizeBytes: file.bytes.byteLength };
    }
    const committed = await db.transaction().execute(async (trx) => {
      if (!(await queue.finish(trx, job.id, this.workerId))) return false;
      const succeeded = await finishTask(trx, task.id, 'running', 'success', {
        progress: 100,
        outputJson: JSON.stringify(outputFiles),
        resultJson: JSON.stringify(result.result ?? {}),
        finishedAt: clock.nowMs(),
      });
      if (!succeeded) return true;
      const captured = await ledger.capture(trx, task.id);
      await trx.updateTable('tasks').set({ consumedCredits: captured }).where('id', '=', task.id).execute();
      return 'success' as const;
    });
    if (committed === 'success') this.finished(task, 'success');
    return committed !== false;
  }

  /** Whether the client asked to cancel; false while the database cannot say (the commit that follows waits for it). */
  async cancelRequested(taskId: string): Promise<boolean> {
    try {
      const row = await this.deps.db
        .selectFrom('tasks')
        .select(['cancelRequestedAt'])
        .where('id', '=', taskId)
        .executeTakeFirst();
      return row?.cancelRequestedAt != null;
    } catch (error) {
      if (this.deps.availability?.noteFailure(error) ?? isDatabaseUnavailable(error)) return false;
      throw error;
    }
  }

  /**
   * Runs a commit, retrying it while the database is unreachable (an outage is not the task's fault; the lease
   * holds meanwhile because reclaims wait out recent outages). Other errors, or an outage longer than the retry
   * window, are thrown.
   */
  private async commitDespiteOutage<T>(task: TaskRecord, commit: () => Promise<T>): Promise<T> {
    const giveUpAtMs = Date.now() + COMMIT_RETRY_WINDOW_MS;
    for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 2000)) {
      try {
        return await commit();
      } catch (error) {
        const outage = this.deps.availability?.noteFailure(error) ?? isDatabaseUnavailable(error);
        if (!outage || Date.now() + delayMs > giveUpAtMs) throw error;
        this.deps.log('the database is unreachable; retrying the commit of a finished task', {
          taskId: task.id,
          requestId: task.requestId,
          retryInMs: delayMs,
        });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  /** Metrics of a task this runner ended (every commit path, also those the worker protocol drives). */
  private finished(task: TaskRecord, status: string): void {
    const engine = task.isTest
      ? this.deps.testModeEngine.name
      : (this.deps.engines.find(task.input as TaskRequest)?.engine.name ?? 'none');
    const nowMs = this.deps.clock.nowMs();
    const startedAtMs = task.startedAt ?? nowMs;
    this.telemetry.taskFinished({
      type: task.type,
      engine,
      status,
      runSeconds: Math.max(0, (nowMs - startedAtMs) / 1000),
      queueSeconds: Math.max(0, (startedAtMs - task.createdAt) / 1000),
    });
  }

  /** Commits cancelled + release with the job; false when this runner lost the lease. */
  async commitCancelled(job: ClaimedJob, task: TaskRecord): Promise<boolean> {
    const { db, ledger, queue, clock } = this.deps;
    const committed = await db.transaction().execute(async (trx) => {
      if (!(await queue.finish(trx, job.id, this.workerId))) return false;
      const cancelled = await finishTask(trx, task.id, 'running', 'cancelled', {
        errorMessage: 'cancelled by the client while running; nothing was charged',
        finishedAt: clock.nowMs(),
      });
      if (cancelled) await ledger.release(trx, task.id, 'cancelled');
      return cancelled ? ('cancelled' as const) : true;
    });
    if (committed === 'cancelled') this.finished(task, 'cancelled');
    return committed !== false;
  }

  /** Gives back a task claimed for a worker that went away before receiving it: queued again, no attempt counted. */
  async returnUnstarted(job: ClaimedJob, task: TaskRecord): Promise<void> {
    const { db, queue, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      if (!(await queue.unclaim(trx, job.id, this.workerId))) return;
      await trx
        .updateTable('tasks')
        .set({ status: 'queued', progress: 0, startedAt: null })
        .where('id', '=', task.id)
        .where('status', '=', 'running')
        .execute();
      await recordTaskEvent(trx, task.id, clock.nowMs());
    });
  }

  /**
   * A retryable failure: the task goes back to the queue (keeping its place) while attempts remain, else it
   * fails and is refunded. Returns what happened, or 'lost' when this runner no longer holds the lease.
   */
  async commitRetryableFailure(
    job: ClaimedJob,
    task: TaskRecord,
    error: EngineFailure,
  ): Promise<'queued' | 'failed' | 'lost'> {
    const { db, queue, clock } = this.deps;
    if (job.attempts >= job.maxAttempts) return (await this.commitFailure(job, task, error)) ? 'failed' : 'lost';
    return db.transaction().execute(async (trx) => {
      if (!(await queue.release(trx, job.id, this.workerId))) return 'lost' as const;
      await trx
        .updateTable('tasks')
        .set({ status: 'queued', progress: 0, startedAt: null })
        .where('id', '=', task.id)
        .where('status', '=', 'running')
        .execute();
      await recordTaskEvent(trx, task.id, clock.nowMs());
      this.deps.log('task requeued after a retryable failure', {
        taskId: task.id,
        attempts: job.attempts,
        error: error.message,
      });
      return 'queued' as const;
    });
  }

  /** Commits failed + release with the job; false when this runner lost the lease. */
  async commitFailure(job: ClaimedJob, task: TaskRecord, error: unknown): Promise<boolean> {
    const { db, ledger, queue, clock } = this.deps;
    const { errorCode, errorMessage } = describeFailure(error);
    if (errorCode === ERROR_CATALOG.engineFailed.code) {
      this.deps.log('engine failed', { taskId: task.id, error: String((error as Error | undefined)?.stack ?? error) });
    }
    const committed = await db.transaction().execute(async (trx) => {
      if (!(await queue.finish(trx, job.id, this.workerId))) return false;
      // an input found to violate the content policy only now (a fetched `url` image) ends the task `banned`
      const status = error instanceof DomainError && error.errorName === 'contentPolicyViolation' ? 'banned' : 'failed';
      const failed = await finishTask(trx, task.id, 'running', status, {
        errorCode,
        errorMessage,
        finishedAt: clock.nowMs(),
      });
      if (failed) await ledger.release(trx, task.id, `failed: ${errorCode}`);
      return failed ? status : true;
    });
    if (committed === 'failed' || committed === 'banned') this.finished(task, committed);
    return committed !== false;
  }
}

function describeFailure(error: unknown): { errorCode: number; errorMessage: string } {
  if (error instanceof EngineFailure)
    return { errorCode: error.errorCode, errorMessage: `${error.message}; the task was not charged` };
  if (error instanceof ModelInputError)
    return {
      errorCode: ERROR_CATALOG.unreadableModel.code,
      errorMessage: `${error.message}; the task was not charged`,
    };
  if (error instanceof DomainError)
    return {
      errorCode: ERROR_CATALOG[error.errorName].code,
      errorMessage: `${error.message}; the task was not charged`,
    };
  return {
    errorCode: ERROR_CATALOG.engineFailed.code,
    errorMessage: 'the engine failed with an internal error; the task was not charged',
  };
}

/** The model a task hands to the tasks built on it: the PBR model, else the model, else the untextured base. */
export function sourceModelFileOf(outputFiles: Record<string, StoredOutputFile>): StoredOutputFile | undefined {
  return outputFiles.pbr_model ?? outputFiles.model ?? outputFiles.base_model;
}
