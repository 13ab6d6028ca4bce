// A worker's lease as the protocol sees it: found by its id for a worker of the caller's token (anything else is
// "lease lost"), and shown to the worker with its task, its inputs' paths and its heartbeat interval.
import type { WorkerLease, WorkerLeaseInput } from '@polyforge/protocol';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { WORKER_POOL_QUEUE_PREFIX } from '../engines/engine-registry.ts';
import type { FileStore } from '../files/file-store.ts';
import type { ClaimedJob } from '../queue/job-queue.ts';
import { taskFromRow, type TaskRecord } from '../tasks/task-record.ts';
import { describeLeaseInputs } from './lease-inputs.ts';
import type { WorkerToken } from './worker-token-store.ts';

/** A lease before the route adds each input's absolute `url` (it knows the request's base URL). */
export type LeaseView = Omit<WorkerLease, 'inputs'> & { inputs: Omit<WorkerLeaseInput, 'url'>[] };

/** The lease, its job and task, if the lease is current and was taken by a worker of this token. */
export async function requireLease(
  db: Database,
  clock: Clock,
  token: WorkerToken,
  leaseId: string,
): Promise<{ job: ClaimedJob; task: TaskRecord; workerId: string | null }> {
  if (!/^lease_[A-Za-z0-9_-]{32}$/.test(leaseId)) throw leaseLost();
  // one query: the current lease, taken by a worker of this token, on a running task of a worker pool
  const row = await db
    .selectFrom('jobs')
    .innerJoin('workers', 'workers.id', 'jobs.workerId')
    .innerJoin('tasks', 'tasks.id', 'jobs.id')
    .selectAll('tasks')
    .select([
      'jobs.attempts as jobAttempts',
      'jobs.maxAttempts as jobMaxAttempts',
      'jobs.leaseExpiresAt as jobLeaseExpiresAt',
      'jobs.workerId as jobWorkerId',
      'jobs.queueName as jobQueueName',
    ])
    .where('jobs.leaseOwner', '=', leaseId)
    .where('jobs.status', '=', 'leased')
    .where('workers.tokenId', '=', token.tokenId)
    .executeTakeFirst();
  if (
    !row ||
    (row.jobLeaseExpiresAt ?? 0) < clock.nowMs() ||
    row.status !== 'running' ||
    !row.jobQueueName.startsWith(WORKER_POOL_QUEUE_PREFIX)
  )
    throw leaseLost();
  const { jobAttempts, jobMaxAttempts, jobLeaseExpiresAt, jobWorkerId, jobQueueName: _queueName, ...taskRow } = row;
  const job: ClaimedJob = {
    id: row.id,
    accountId: row.accountId,
    attempts: jobAttempts,
    maxAttempts: jobMaxAttempts,
    leaseExpiresAt: jobLeaseExpiresAt ?? 0,
  };
  return { job, task: taskFromRow(taskRow), workerId: jobWorkerId };
}

export async function leaseViewOf(
  db: Database,
  files: FileStore,
  leaseSeconds: number,
  leaseId: string,
  job: ClaimedJob,
  task: TaskRecord,
): Promise<LeaseView> {
  const inputs = await describeLeaseInputs(db, files, task);
  const modelVersion = (task.input as { model_version?: unknown }).model_version;
  return {
    lease_id: leaseId,
    task_id: task.id,
    request_id: task.requestId ?? null,
    task_type: task.type,
    model_version: typeof modelVersion === 'string' ? modelVersion : null,
    attempt: job.attempts,
    max_attempts: job.maxAttempts,
    lease_expires_at: job.leaseExpiresAt,
    lease_seconds: leaseSeconds,
    heartbeat_interval_seconds: Math.max(1, Math.floor(leaseSeconds / 3)),
    request: task.input,
    inputs: inputs.map((input) => ({
      name: input.name,
      kind: input.kind,
      format: input.format,
      file_name: input.fileName,
      size_bytes: input.sizeBytes,
      path: `/worker/v1/leases/${leaseId}/inputs/${input.name}`,
    })),
  };
}

export function leaseLost(): DomainError {
  return new DomainError(
    'workerLeaseLost',
    'this lease expired, was given to another worker, or its task ended; stop and lease again',
  );
}
