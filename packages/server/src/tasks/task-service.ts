// The only place that orchestrates a task's creation: price + hold + insert + enqueue in one transaction.
import { EventEmitter } from 'node:events';
import { isFinalStatus } from '@polyforge/protocol';
import type { Ledger } from '../billing/ledger.ts';
import type { PlatformTelemetry } from '../observability/telemetry.ts';
import type { TaskPrice } from '../billing/pricing.ts';
import { DEFAULT_STUDIO_PRICE_LIST, studioPrice, type StudioPriceList } from '../billing/studio-prices.ts';
import { applyVolumeDiscount } from '../billing/volume-discount.ts';
import { DEFAULT_WALLET, type Wallet } from '../billing/wallets.ts';
import type { Clock } from '../clock.ts';
import type { Database, TasksTable } from '../db/database-schema.ts';
import { isPostgres } from '../db/open-database.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../domain-error.ts';
import type { CheckedInputFile, Engine } from '../engines/engine.ts';
import type { EngineRegistry } from '../engines/engine-registry.ts';
import type { FileStore } from '../files/file-store.ts';
import { newId } from '../ids.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import {
  checkIdempotencyKey,
  findIdempotentTask,
  isUniqueViolation,
  recordIdempotencyKey,
  requestHashOf,
} from './idempotency.ts';
import { prepareTask, type PreparedTask } from './prepare-task.ts';
import { applyDeploymentDefaults, type DeploymentDefaults } from './apply-deployment-defaults.ts';
import { recordTaskEvent } from '../webhooks/task-event-outbox.ts';
import { taskFromRow, UUID_PATTERN, type TaskRecord } from './task-record.ts';
import { TaskReadCache } from './task-read-cache.ts';
import { insertTask, type NewTaskRow } from './insert-task.ts';
import { GroupCommit } from '../db/group-commit.ts';
import { KeyedBatchCommit, type KeyedItem } from '../db/keyed-batch-commit.ts';
import {
  concurrencyRefusal,
  insertQueuedTaskBatch,
  lockAccountQuery,
  updateCreatingAccountQuery,
  type PendingCreate,
} from './create-task-batch.ts';
import type { ContentModeration } from '../safety/content-moderation.ts';

const taskByIdQuery = preparedQuery<TasksTable, [string, string]>((db, slot) =>
  db.selectFrom('tasks').selectAll().where('id', '=', slot(0)).where('accountId', '=', slot(1)),
);

export interface TaskServiceDependencies {
  db: Database;
  clock: Clock;
  ledger: Ledger;
  queue: JobQueue;
  files: FileStore;
  engines: EngineRegistry;
  /** the Studio wallet's price list; default: the API's prices */
  studioPrices?: StudioPriceList;
  /** metrics of created tasks (observability/telemetry.ts) */
  telemetry?: PlatformTelemetry;
  /** what the deployment fills in before the schema's defaults (the default image model) */
  defaults?: DeploymentDefaults;
  /** the content policy (safety/content-moderation.ts); default: the offline checks only */
  moderation?: ContentModeration;
}

export interface CreateTaskOptions {
  idempotencyKey?: string;
  /** epoch ms after which the task, if it has not started, ends `expired` and unbilled */
  startDeadlineAt?: number;
  /** created with a test-mode key: never charged, served by the test-mode engine whatever its type */
  testMode?: boolean;
  /** the wallet that pays: the API's (default) or the Studio's, with the Studio's own prices */
  wallet?: Wallet;
  /** the id of the HTTP request creating the task: logs, worker leases and provider calls carry it */
  requestId?: string;
}

export interface CreatedTask {
  task: TaskRecord;
  replayed: boolean;
}

export interface TaskWithQueueInfo {
  task: TaskRecord;
  queuePosition: number;
  estimatedSecondsLeft: number | null;
}

export class TaskService {
  /** Emits 'enqueued' after a task commits, so in-process workers wake without polling. */
  readonly events = new EventEmitter();
  private readonly finishedTasks = new TaskReadCache();
  /** creates share commits on SQLite (db/group-commit.ts) */
  private readonly groupCommit: GroupCommit;
  private readonly createBatches?: KeyedBatchCommit<PendingCreate, void>;

  constructor(private readonly deps: TaskServiceDependencies) {
    this.groupCommit = new GroupCommit(deps.db);
    this.createBatches = isPostgres(deps.db)
      ? new KeyedBatchCommit(deps.db, (trx, creates: readonly KeyedItem<PendingCreate>[]) =>
          insertQueuedTaskBatch({ ledger: deps.ledger, queue: deps.queue, engines: deps.engines }, trx, creates),
        )
      : undefined;
  }

  async quoteTask(
    accountId: string,
    body: unknown,
    options: { wallet?: Wallet } = {},
  ): Promise<{ credits: number; available: boolean; lines: { item: string; credits: number }[] }> {
    const prepared = await prepareTask(
      this.deps.db,
      this.deps.files,
      accountId,
      applyDeploymentDefaults(body, this.deps.defaults ?? {}),
      undefined,
      this.deps.moderation,
      this.deps.engines.deploymentModels,
    );
    const served = this.deps.engines.find(prepared.request);
    if (served?.support.ok) {
      served.engine.validate?.(prepared.request);
      await this.checkEngineInputs(served.engine, prepared);
    }
    const wallet = options.wallet ?? DEFAULT_WALLET;
    const discount =
      wallet === 'api'
        ? await this.deps.db
            .selectFrom('accounts')
            .select('volumeDiscountPercent')
            .where('id', '=', accountId)
            .executeTakeFirst()
        : undefined;
    const price = this.priceOf(prepared, wallet, discount?.volumeDiscountPercent ?? 0);
    return { credits: price.costCredits, available: Boolean(served?.support.ok), lines: price.lines };
  }

  /** The engine's own look at the uploaded inputs (a photo without one clear object), before anything is held. */
  private async checkEngineInputs(engine: Engine, prepared: PreparedTask): Promise<void> {
    if (!engine.checkInputs || prepared.inputFiles.length === 0) return;
    const files: CheckedInputFile[] = await Promise.all(
      prepared.inputFiles.map(async (file) => ({
        bytes: await this.deps.files.readBytes(file),
        format: file.format,
        kind: file.kind,
        fileName: file.fileName,
        label: `file_token ${file.id}`,
      })),
    );
    await engine.checkInputs(prepared.request, files);
  }

  /** The API price less the account's volume discount, or the Studio price (Studio has its own list, no discount). */
  private priceOf(prepared: PreparedTask, wallet: Wallet, volumeDiscountPercent: number): TaskPrice {
    if (wallet === 'studio')
      return studioPrice(prepared.request, prepared.price, this.deps.studioPrices ?? DEFAULT_STUDIO_PRICE_LIST);
    return applyVolumeDiscount(prepared.price, volumeDiscountPercent);
  }

  /**
   * Creates a task: validation, price, concurrency check, hold, insert and enqueue; the last four in one
   * transaction. With an idempotency key, a retry returns the original task (`replayed`) and charges nothing more.
   */
  async createTask(accountId: string, body: unknown, options: CreateTaskOptions = {}): Promise<CreatedTask> {
    const { db, clock, engines } = this.deps;
    const { idempotencyKey } = options;
    const requestHash = idempotencyKey === undefined ? '' : requestHashOf(body);
    if (idempotencyKey !== undefined) {
      checkIdempotencyKey(idempotencyKey);
      const replay = await this.replayOf(accountId, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    // the source task of a convert must be finished, so it usually comes from the task cache
    const prepared = await prepareTask(
      db,
      this.deps.files,
      accountId,
      applyDeploymentDefaults(body, this.deps.defaults ?? {}),
      (owner, taskId) => this.findTask(owner, taskId),
      this.deps.moderation,
      this.deps.engines.deploymentModels,
    );
    const served = engines.find(prepared.request);
    if (!options.testMode && !served) {
      throw new DomainError('notAvailable', `no engine on this deployment serves ${prepared.request.type} yet`);
    }
    if (!options.testMode && served && !served.support.ok) {
      throw new DomainError('notAvailable', served.support.reason);
    }
    if (!options.testMode && served?.support.ok) {
      served.engine.validate?.(prepared.request);
      await this.checkEngineInputs(served.engine, prepared);
    }
    if (options.startDeadlineAt !== undefined && options.startDeadlineAt <= clock.nowMs()) {
      throw new DomainError('invalidParameter', 'the start deadline is already in the past');
    }
    const wallet = options.wallet ?? DEFAULT_WALLET;
    // the discount is read under the account lock, so the cost is set in the transaction (insertQueuedTask)
    const costOf = (volumeDiscountPercent: number) =>
      options.testMode ? 0 : this.priceOf(prepared, wallet, volumeDiscountPercent).costCredits;

    const row: NewTaskRow = {
      id: newId(),
      accountId,
      type: prepared.request.type,
      status: 'queued',
      inputJson: JSON.stringify(prepared.request),
      outputJson: '{}',
      resultJson: '{}',
      progress: 0,
      costCredits: 0,
      consumedCredits: 0,
      errorCode: null,
      errorMessage: null,
      createdAt: clock.nowMs(),
      startedAt: null,
      finishedAt: null,
      cancelRequestedAt: null,
      startDeadlineAt: options.startDeadlineAt ?? null,
      isTest: options.testMode ? 1 : 0,
      wallet,
      requestId: options.requestId ?? null,
    };
    try {
      // PostgreSQL: concurrent creates, of one account or many, are batched: one lock per account and one commit
      // per batch (create-task-batch.ts); with an idempotency key, or on SQLite (group-commit.ts), a create is its
      // own unit
      if (this.createBatches && idempotencyKey === undefined) await this.createBatches.add(accountId, { row, costOf });
      else
        await this.groupCommit.run(
          (trx) => this.insertQueuedTask(trx, row, idempotencyKey, requestHash, costOf),
          accountId,
        );
    } catch (error) {
      // A concurrent retry with the same key committed first: answer with its task.
      if (idempotencyKey !== undefined && isUniqueViolation(error)) {
        const replay = await this.replayOf(accountId, idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
    this.events.emit('enqueued', row.id);
    this.deps.telemetry?.taskCreated({ type: row.type, wallet });
    return { task: taskFromRow(row), replayed: false };
  }

  private async insertQueuedTask(
    trx: Database,
    row: NewTaskRow,
    idempotencyKey: string | undefined,
    requestHash: string,
    costOf: (volumeDiscountPercent: number) => number,
  ): Promise<void> {
    const { ledger, queue } = this.deps;
    const [account] = await lockAccountQuery(trx, row.accountId);
    row.costCredits = costOf(account.volumeDiscountPercent);
    if (idempotencyKey !== undefined)
      await recordIdempotencyKey(trx, row.accountId, idempotencyKey, requestHash, row.id, row.createdAt);
    if (account.activeTasks >= account.concurrencyLimit) throw concurrencyRefusal(account.concurrencyLimit);
    await ledger.hold(trx, row.accountId, row.id, row.costCredits, row.wallet as Wallet);
    await insertTask(trx, row);
    const job = {
      id: row.id,
      accountId: row.accountId,
      ...this.deps.engines.jobRouteOf(JSON.parse(row.inputJson), row.isTest === 1),
    };
    const queueRank = await queue.enqueueForLockedAccount(trx, job, account);
    await updateCreatingAccountQuery(trx, Number(account.activeTasks) + 1, queueRank, row.accountId);
    await recordTaskEvent(trx, row.id, row.createdAt, row.accountId);
  }

  private async replayOf(
    accountId: string,
    idempotencyKey: string,
    requestHash: string,
  ): Promise<CreatedTask | undefined> {
    const taskId = await findIdempotentTask(this.deps.db, accountId, idempotencyKey, requestHash);
    if (!taskId) return undefined;
    const [row] = await taskByIdQuery(this.deps.db, taskId, accountId);
    return row ? { task: taskFromRow(row), replayed: true } : undefined;
  }

  /** A task of the account with its queue position; finished tasks come from a short-lived cache (task-read-cache.ts). */
  async getTask(accountId: string, taskId: string): Promise<TaskWithQueueInfo> {
    const { db, queue, engines, clock } = this.deps;
    const found = await this.findTaskWithInfo(accountId, taskId);
    if (!found) throw new DomainError('taskNotFound', `task ${taskId} not found`);
    if (isFinalStatus(found.task.status)) return found;
    const { task } = found;
    const queuePosition = task.status === 'queued' ? await queue.positionOf(db, task.id) : -1;
    let estimatedSecondsLeft: number | null = null;
    if (task.status === 'running') {
      const served = engines.find(task.input as never);
      const estimate = served ? served.engine.estimateSeconds(task.input as never) : 10;
      const elapsedSeconds = (clock.nowMs() - (task.startedAt ?? clock.nowMs())) / 1000;
      estimatedSecondsLeft = Math.max(1, Math.round(estimate - elapsedSeconds));
    }
    return { task, queuePosition, estimatedSecondsLeft };
  }

  private async findTask(accountId: string, taskId: string): Promise<TaskRecord | undefined> {
    return (await this.findTaskWithInfo(accountId, taskId))?.task;
  }

  /** The task from the cache of finished tasks, else from the database (finished ones are then cached). */
  private async findTaskWithInfo(accountId: string, taskId: string): Promise<TaskWithQueueInfo | undefined> {
    if (!UUID_PATTERN.test(taskId)) return undefined;
    const id = taskId.toLowerCase();
    const nowMs = this.deps.clock.nowMs();
    const cached = this.finishedTasks.get(accountId, id, nowMs);
    if (cached) return cached;
    const [row] = await taskByIdQuery(this.deps.db, id, accountId);
    if (!row) return undefined;
    const info: TaskWithQueueInfo = { task: taskFromRow(row), queuePosition: -1, estimatedSecondsLeft: null };
    this.finishedTasks.remember(info, nowMs);
    return info;
  }
}
