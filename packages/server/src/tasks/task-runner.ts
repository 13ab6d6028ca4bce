// The worker side of the task lifecycle: claim a queued task, run its engine, commit success (capture) or
// failure (release) together with the job, and give back tasks whose worker stopped heartbeating. A database
// outage is the platform's fault, not the task's: while one is recent, expired leases are left to their holders
// (who heartbeat again when it ends) instead of being counted as lost attempts, and a finished task's commit is
// retried until the database is back.
import { ERROR_CATALOG, type TaskRequest } from '@polyforge/protocol';
import { EngineFailure, type EngineResult, type ProviderCallRecord } from '../engines/engine.ts';
import { recordProviderCalls } from './record-provider-calls.ts';
import { DEFAULT_QUEUE, type ClaimedJob, type ClaimOptions } from '../queue/job-queue.ts';
import { taskFromRow, type TaskRecord } from './task-record.ts';
import { finishTask } from './task-transitions.ts';
import { recordTaskEvent } from '../webhooks/task-event-outbox.ts';
import { isDatabaseUnavailable } from '../db/database-availability.ts';
import { NO_TELEMETRY, runWithProviderTelemetry, type PlatformTelemetry } from '../observability/telemetry.ts';
import { NO_TRACING, type SpanAttributes } from '../observability/tracing.ts';
import type { TaskRunnerDependencies } from './task-runner-dependencies.ts';
import { expirePastDeadlines, reclaimExpiredLeases } from './reclaim-expired-leases.ts';
import { resolveTaskInputs } from './resolve-task-inputs.ts';
import {
  commitCancelled,
  commitFailure,
  commitRetryableFailure,
  commitSuccess,
  returnUnstarted,
} from './commit-task-outcome.ts';

export type { ClaimGate, TaskRunnerDependencies } from './task-runner-dependencies.ts';

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
    return expirePastDeadlines(this.deps);
  }

  async reclaimExpiredLeases(): Promise<number> {
    return reclaimExpiredLeases(this.deps);
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
        resolved = await resolveTaskInputs(this.deps, task, request);
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

  /** Stores the outputs, then commits success + capture with the job; false when this runner lost the lease. */
  async commitSuccess(job: ClaimedJob, task: TaskRecord, result: EngineResult): Promise<boolean> {
    return commitSuccess(this.deps, this.workerId, job, task, result);
  }

  /** Commits cancelled + release with the job; false when this runner lost the lease. */
  async commitCancelled(job: ClaimedJob, task: TaskRecord): Promise<boolean> {
    return commitCancelled(this.deps, this.workerId, job, task);
  }

  /** Gives back a task claimed for a worker that went away before receiving it: queued again, no attempt counted. */
  async returnUnstarted(job: ClaimedJob, task: TaskRecord): Promise<void> {
    return returnUnstarted(this.deps, this.workerId, job, task);
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
    return commitRetryableFailure(this.deps, this.workerId, job, task, error);
  }

  /** Commits failed + release with the job; false when this runner lost the lease. */
  async commitFailure(job: ClaimedJob, task: TaskRecord, error: unknown): Promise<boolean> {
    return commitFailure(this.deps, this.workerId, job, task, error);
  }
}
