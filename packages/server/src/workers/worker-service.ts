// The platform side of the worker protocol: register, lease (long poll), inputs, heartbeat, outputs, complete,
// fail. Every state change goes through TaskRunner's claim and commit paths (the same transactions as the
// in-process runner: capture on success, release on failure), with the lease id as the lease owner, so a worker
// that lost its lease commits nothing and one lease never reaches another task.
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { workerFailureNameOf } from '@polyforge/protocol';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { WORKER_POOL_QUEUE_PREFIX, type EngineRegistry } from '../engines/engine-registry.ts';
import { EngineFailure, type EngineOutputFile } from '../engines/engine.ts';
import type { FileStore } from '../files/file-store.ts';
import { newId } from '../ids.ts';
import type { ClaimedJob, JobQueue } from '../queue/job-queue.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { TaskRecord } from '../tasks/task-record.ts';
import type { TaskRunner } from '../tasks/task-runner.ts';
import { describeLeaseInputs, type LeaseInput } from './lease-inputs.ts';
import { checkOutput, dropStagedOutputs, stageOutput, STAGED_OUTPUT_TTL_MS } from './staged-outputs.ts';
import { leaseLost, leaseViewOf, requireLease, type LeaseView } from './worker-lease.ts';
import type { WorkerToken } from './worker-token-store.ts';

export type { LeaseView } from './worker-lease.ts';

export interface WorkerServiceDependencies {
  db: Database;
  clock: Clock;
  queue: JobQueue;
  files: FileStore;
  blobs: BlobStore;
  engines: EngineRegistry;
  /** a runner whose lease owner is the given lease id */
  createRunner(leaseOwner: string): TaskRunner;
  /** emits 'enqueued' when a task is created in this process (wakes long polls at once) */
  taskEvents: EventEmitter;
  maxOutputBytes: number;
  leaseSeconds: number;
}

export interface RegisteredWorker {
  workerId: string;
  name: string;
  capabilities: string[];
  taskTypes: string[] | null;
  modelVersions: string[] | null;
}

const RECLAIM_INTERVAL_MS = 1000;
const POLL_FALLBACK_MS = 500;

export class WorkerService {
  private lastReclaimMs = -Infinity;
  private readonly seenWrites = new Map<string, number>();

  constructor(private readonly deps: WorkerServiceDependencies) {}

  get leaseSeconds(): number {
    return this.deps.leaseSeconds;
  }

  async register(
    token: WorkerToken,
    body: {
      name?: string;
      capabilities?: string[];
      task_types?: string[];
      model_versions?: string[];
      version?: string;
    },
  ): Promise<RegisteredWorker> {
    const { db, clock, engines } = this.deps;
    const tokenPools = token.capabilities;
    const capabilities = body.capabilities ?? tokenPools;
    for (const pool of capabilities) {
      if (!tokenPools.includes('*') && !tokenPools.includes(pool)) {
        throw new DomainError('forbidden', `this worker token may serve ${tokenPools.join(', ')}, not ${pool}`);
      }
    }
    const knownPools = engines.workerPools();
    const unknown = capabilities.filter((pool) => pool !== '*' && !knownPools.includes(pool));
    if (unknown.length > 0) {
      throw new DomainError(
        'invalidParameter',
        `no route sends tasks to worker pool ${unknown.join(', ')}; pools of this deployment: ${knownPools.join(', ') || 'none'}`,
      );
    }
    const worker: RegisteredWorker = {
      workerId: newId(),
      name: body.name ?? token.name,
      capabilities,
      taskTypes: body.task_types ?? null,
      modelVersions: body.model_versions ?? null,
    };
    const nowMs = clock.nowMs();
    await db
      .insertInto('workers')
      .values({
        id: worker.workerId,
        tokenId: token.tokenId,
        name: worker.name,
        capabilitiesJson: JSON.stringify(capabilities),
        taskTypesJson: JSON.stringify(worker.taskTypes),
        modelVersionsJson: JSON.stringify(worker.modelVersions),
        registeredAt: nowMs,
        lastSeenAt: nowMs,
      })
      .execute();
    return worker;
  }

  /** Leases the next task the worker serves; waits up to waitSeconds for one. Undefined: nothing to do. */
  async lease(
    token: WorkerToken,
    workerId: string,
    waitSeconds: number,
    signal?: AbortSignal,
  ): Promise<LeaseView | undefined> {
    const worker = await this.requireWorker(token, workerId);
    const queueNames = this.queuesOf(worker);
    const deadlineMs = Date.now() + waitSeconds * 1000;
    this.touchWorker(workerId);
    for (;;) {
      if (signal?.aborted) return undefined;
      await this.reclaimIfDue();
      const leaseId = `lease_${randomBytes(24).toString('base64url')}`;
      const runner = this.deps.createRunner(leaseId);
      const claimed = await runner.claimNext({
        queueNames,
        taskTypes: worker.taskTypes ?? undefined,
        modelVersions: worker.modelVersions ?? undefined,
        workerId,
      });
      if (claimed && signal?.aborted) {
        await runner.returnUnstarted(claimed.job, claimed.task);
        return undefined;
      }
      if (claimed) return this.viewOf(leaseId, claimed.job, claimed.task);
      const remainingMs = deadlineMs - Date.now();
      if (remainingMs <= 0 || signal?.aborted) return undefined;
      await this.waitForWork(Math.min(remainingMs, POLL_FALLBACK_MS), signal);
    }
  }

  async getLease(token: WorkerToken, leaseId: string): Promise<LeaseView> {
    const { job, task } = await this.requireLease(token, leaseId);
    return this.viewOf(leaseId, job, task);
  }

  async readInput(
    token: WorkerToken,
    leaseId: string,
    name: string,
  ): Promise<{ bytes: Uint8Array; input: LeaseInput }> {
    const { task } = await this.requireLease(token, leaseId);
    const input = (await describeLeaseInputs(this.deps.db, this.deps.files, task)).find(
      (candidate) => candidate.name === name,
    );
    if (!input) throw new DomainError('fileNotFound', `this task has no input "${name}"`);
    const bytes = await this.deps.blobs.get(input.blobKey);
    if (!bytes) throw new DomainError('fileNotFound', `input "${name}" is no longer stored`);
    return { bytes, input };
  }

  async heartbeat(
    token: WorkerToken,
    leaseId: string,
    progress: number | undefined,
  ): Promise<{ lease_expires_at: number; cancel_requested: boolean }> {
    const { db, queue, clock } = this.deps;
    const { job, task, workerId } = await this.requireLease(token, leaseId);
    // one transaction, one commit: the lease and the progress move together
    const extended = await db.transaction().execute(async (trx) => {
      if (!(await queue.heartbeat(trx, job.id, leaseId))) return false;
      if (progress !== undefined) {
        await trx
          .updateTable('tasks')
          .set({ progress: Math.max(0, Math.min(99, Math.round(progress))) })
          .where('id', '=', task.id)
          .where('status', '=', 'running')
          .execute();
      }
      return true;
    });
    if (!extended) throw leaseLost();
    if (workerId) this.touchWorker(workerId);
    return {
      lease_expires_at: clock.nowMs() + this.deps.leaseSeconds * 1000,
      cancel_requested: task.cancelRequestedAt !== null,
    };
  }

  /** Stages one output under the lease; complete publishes the staged outputs. Re-uploading a key replaces it. */
  async putOutput(
    token: WorkerToken,
    leaseId: string,
    outputKey: string,
    extension: string,
    bytes: Uint8Array,
    contentType: string | undefined,
  ) {
    const checked = checkOutput(outputKey, extension, bytes, this.deps.maxOutputBytes);
    await this.requireLease(token, leaseId);
    return stageOutput(this.deps, leaseId, outputKey, bytes, contentType, checked);
  }

  /** Publishes the staged outputs and commits success + capture (or cancelled + release if the client cancelled). */
  async complete(
    token: WorkerToken,
    leaseId: string,
    result: Record<string, unknown> | undefined,
  ): Promise<{ status: 'success' | 'cancelled' }> {
    const { job, task } = await this.requireLease(token, leaseId);
    const runner = this.deps.createRunner(leaseId);
    if (task.cancelRequestedAt !== null) {
      if (!(await runner.commitCancelled(job, task))) throw leaseLost();
      await this.dropStaged(leaseId);
      return { status: 'cancelled' };
    }
    const staged = await this.deps.db.selectFrom('leaseOutputs').selectAll().where('leaseId', '=', leaseId).execute();
    if (staged.length === 0 && (!result || Object.keys(result).length === 0)) {
      throw new DomainError(
        'invalidParameter',
        'nothing to complete with: upload at least one output (PUT .../outputs/{key}) or send a result',
      );
    }
    const files: Record<string, EngineOutputFile> = {};
    for (const output of staged) {
      const bytes = await this.deps.blobs.get(output.blobKey);
      if (!bytes)
        throw new DomainError('fileNotFound', `the staged output ${output.outputKey} is missing; upload it again`);
      files[output.outputKey] = { bytes, extension: output.extension, mimeType: output.mimeType };
    }
    if (!(await runner.commitSuccess(job, task, { files, result: result ?? {} }))) throw leaseLost();
    await this.dropStaged(
      leaseId,
      staged.map((output) => output.blobKey),
    );
    return { status: 'success' };
  }

  /** Retryable: back to the queue while attempts remain, else failed + refund. Not retryable: failed + refund. */
  async fail(
    token: WorkerToken,
    leaseId: string,
    failure: { retryable: boolean; error_code: number; message: string },
  ): Promise<{ status: 'queued' | 'failed' | 'cancelled' }> {
    const { job, task } = await this.requireLease(token, leaseId);
    const runner = this.deps.createRunner(leaseId);
    let status: 'queued' | 'failed' | 'cancelled' | 'lost';
    if (task.cancelRequestedAt !== null) {
      status = (await runner.commitCancelled(job, task)) ? 'cancelled' : 'lost';
    } else {
      const error = new EngineFailure(
        workerFailureNameOf(failure.error_code) ?? 'engineFailed',
        `the worker reported: ${failure.message}`,
      );
      status = failure.retryable
        ? await runner.commitRetryableFailure(job, task, error)
        : (await runner.commitFailure(job, task, error))
          ? 'failed'
          : 'lost';
    }
    await this.dropStaged(leaseId);
    if (status === 'lost') throw leaseLost();
    return { status };
  }

  /** Registered workers seen in the last `withinSeconds`, per pool. */
  async onlineWorkers(withinSeconds = 120): Promise<Record<string, number>> {
    const rows = await this.deps.db
      .selectFrom('workers')
      .select(['capabilitiesJson'])
      .where('lastSeenAt', '>=', this.deps.clock.nowMs() - withinSeconds * 1000)
      .execute();
    const counts: Record<string, number> = {};
    for (const row of rows)
      for (const pool of JSON.parse(row.capabilitiesJson) as string[]) counts[pool] = (counts[pool] ?? 0) + 1;
    return counts;
  }

  private async requireWorker(token: WorkerToken, workerId: string): Promise<RegisteredWorker> {
    const row = await this.deps.db
      .selectFrom('workers')
      .selectAll()
      .where('id', '=', workerId)
      .where('tokenId', '=', token.tokenId)
      .executeTakeFirst();
    if (!row)
      throw new DomainError(
        'invalidParameter',
        `worker ${workerId} is not registered with this token; call POST /worker/v1/register first`,
      );
    return {
      workerId: row.id,
      name: row.name,
      capabilities: JSON.parse(row.capabilitiesJson),
      taskTypes: JSON.parse(row.taskTypesJson),
      modelVersions: JSON.parse(row.modelVersionsJson),
    };
  }

  private requireLease(
    token: WorkerToken,
    leaseId: string,
  ): Promise<{ job: ClaimedJob; task: TaskRecord; workerId: string | null }> {
    return requireLease(this.deps.db, this.deps.clock, token, leaseId);
  }

  private queuesOf(worker: RegisteredWorker): string[] {
    const pools = worker.capabilities.includes('*') ? this.deps.engines.workerPools() : worker.capabilities;
    return pools.map((pool) => `${WORKER_POOL_QUEUE_PREFIX}${pool}`);
  }

  private viewOf(leaseId: string, job: ClaimedJob, task: TaskRecord): Promise<LeaseView> {
    return leaseViewOf(this.deps.db, this.deps.files, this.deps.leaseSeconds, leaseId, job, task);
  }

  /** Lost leases of every queue go back (or fail and refund) here too, so API-only processes serve external workers. */
  private async reclaimIfDue(): Promise<void> {
    const nowMs = this.deps.clock.nowMs();
    if (nowMs - this.lastReclaimMs < RECLAIM_INTERVAL_MS) return;
    this.lastReclaimMs = nowMs;
    await this.deps.createRunner('worker-protocol-reclaimer').reclaimExpiredLeases();
    const staleBefore = nowMs - STAGED_OUTPUT_TTL_MS;
    const stale = await this.deps.db
      .selectFrom('leaseOutputs')
      .select(['leaseId'])
      .where('createdAt', '<', staleBefore)
      .limit(100)
      .execute();
    for (const { leaseId } of stale) await this.dropStaged(leaseId);
  }

  /** Deletes a lease's staged outputs (pass their blob keys when already known, to save a read). */
  private dropStaged(leaseId: string, knownBlobKeys?: string[]): Promise<void> {
    return dropStagedOutputs(this.deps.db, this.deps.blobs, leaseId, knownBlobKeys);
  }

  private waitForWork(milliseconds: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.deps.taskEvents.off('enqueued', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, milliseconds);
      this.deps.taskEvents.on('enqueued', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private touchWorker(workerId: string): void {
    const nowMs = this.deps.clock.nowMs();
    if (nowMs - (this.seenWrites.get(workerId) ?? -Infinity) < 10_000) return;
    if (this.seenWrites.size > 10_000) this.seenWrites.clear();
    this.seenWrites.set(workerId, nowMs);
    this.deps.db
      .updateTable('workers')
      .set({ lastSeenAt: nowMs })
      .where('id', '=', workerId)
      .execute()
      .catch(() => undefined);
  }
}
