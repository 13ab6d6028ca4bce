// How a run ends, each in one transaction with its job: success + capture, cancelled + release, failed + release,
// or back to the queue (a retryable failure, or a task its worker never received). Each returns false (or 'lost')
// when this worker no longer holds the lease, and records the ended task's metrics.
import { ERROR_CATALOG, type TaskRequest } from '@polyforge/protocol';
import { EngineFailure, type EngineResult } from '../engines/engine.ts';
import { DomainError } from '../domain-error.ts';
import { ModelInputError } from '@polyforge/geometry/read/model-input-error';
import type { ClaimedJob } from '../queue/job-queue.ts';
import type { StoredOutputFile, TaskRecord } from './task-record.ts';
import { finishTask } from './task-transitions.ts';
import { recordTaskEvent } from '../webhooks/task-event-outbox.ts';
import { NO_TELEMETRY } from '../observability/telemetry.ts';
import type { TaskRunnerDependencies } from './task-runner-dependencies.ts';

/** Stores the outputs, then commits success + capture with the job; false when this runner lost the lease. */
export async function commitSuccess(
  deps: TaskRunnerDependencies,
  workerId: string,
  job: ClaimedJob,
  task: TaskRecord,
  result: EngineResult,
): Promise<boolean> {
  const { db, blobs, ledger, queue, clock } = deps;
  const outputFiles: Record<string, StoredOutputFile> = {};
  for (const [outputKey, file] of Object.entries(result.files)) {
    // Nested outputs use dotted keys (generate_multiview_image.front_view_url); file names stay flat.
    const fileName = `${outputKey.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}.${file.extension}`;
    const blobKey = `tasks/${task.id}/${fileName}`;
    await blobs.put(blobKey, file.bytes);
    outputFiles[outputKey] = { fileName, blobKey, mimeType: file.mimeType, sizeBytes: file.bytes.byteLength };
  }
  const committed = await db.transaction().execute(async (trx) => {
    if (!(await queue.finish(trx, job.id, workerId))) return false;
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
  if (committed === 'success') recordTaskFinished(deps, task, 'success');
  return committed !== false;
}

/** Commits cancelled + release with the job; false when this runner lost the lease. */
export async function commitCancelled(
  deps: TaskRunnerDependencies,
  workerId: string,
  job: ClaimedJob,
  task: TaskRecord,
): Promise<boolean> {
  const { db, ledger, queue, clock } = deps;
  const committed = await db.transaction().execute(async (trx) => {
    if (!(await queue.finish(trx, job.id, workerId))) return false;
    const cancelled = await finishTask(trx, task.id, 'running', 'cancelled', {
      errorMessage: 'cancelled by the client while running; nothing was charged',
      finishedAt: clock.nowMs(),
    });
    if (cancelled) await ledger.release(trx, task.id, 'cancelled');
    return cancelled ? ('cancelled' as const) : true;
  });
  if (committed === 'cancelled') recordTaskFinished(deps, task, 'cancelled');
  return committed !== false;
}

/** Gives back a task claimed for a worker that went away before receiving it: queued again, no attempt counted. */
export async function returnUnstarted(
  deps: TaskRunnerDependencies,
  workerId: string,
  job: ClaimedJob,
  task: TaskRecord,
): Promise<void> {
  const { db, queue, clock } = deps;
  await db.transaction().execute(async (trx) => {
    if (!(await queue.unclaim(trx, job.id, workerId))) return;
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
export async function commitRetryableFailure(
  deps: TaskRunnerDependencies,
  workerId: string,
  job: ClaimedJob,
  task: TaskRecord,
  error: EngineFailure,
): Promise<'queued' | 'failed' | 'lost'> {
  const { db, queue, clock } = deps;
  if (job.attempts >= job.maxAttempts)
    return (await commitFailure(deps, workerId, job, task, error)) ? 'failed' : 'lost';
  return db.transaction().execute(async (trx) => {
    if (!(await queue.release(trx, job.id, workerId))) return 'lost' as const;
    await trx
      .updateTable('tasks')
      .set({ status: 'queued', progress: 0, startedAt: null })
      .where('id', '=', task.id)
      .where('status', '=', 'running')
      .execute();
    await recordTaskEvent(trx, task.id, clock.nowMs());
    deps.log('task requeued after a retryable failure', {
      taskId: task.id,
      attempts: job.attempts,
      error: error.message,
    });
    return 'queued' as const;
  });
}

/** Commits failed + release with the job; false when this runner lost the lease. */
export async function commitFailure(
  deps: TaskRunnerDependencies,
  workerId: string,
  job: ClaimedJob,
  task: TaskRecord,
  error: unknown,
): Promise<boolean> {
  const { db, ledger, queue, clock } = deps;
  const { errorCode, errorMessage } = describeFailure(error);
  if (errorCode === ERROR_CATALOG.engineFailed.code) {
    deps.log('engine failed', { taskId: task.id, error: String((error as Error | undefined)?.stack ?? error) });
  }
  const committed = await db.transaction().execute(async (trx) => {
    if (!(await queue.finish(trx, job.id, workerId))) return false;
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
  if (committed === 'failed' || committed === 'banned') recordTaskFinished(deps, task, committed);
  return committed !== false;
}

/** Metrics of a task this runner ended (every commit path, also those the worker protocol drives). */
function recordTaskFinished(deps: TaskRunnerDependencies, task: TaskRecord, status: string): void {
  const engine = task.isTest
    ? deps.testModeEngine.name
    : (deps.engines.find(task.input as TaskRequest)?.engine.name ?? 'none');
  const nowMs = deps.clock.nowMs();
  const startedAtMs = task.startedAt ?? nowMs;
  (deps.telemetry ?? NO_TELEMETRY).taskFinished({
    type: task.type,
    engine,
    status,
    runSeconds: Math.max(0, (nowMs - startedAtMs) / 1000),
    queueSeconds: Math.max(0, (startedAtMs - task.createdAt) / 1000),
  });
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
