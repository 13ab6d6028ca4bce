// The worker loop: register once, then lease (long poll), run the handler while a timer heartbeats the lease,
// upload the outputs, complete; a thrown TaskError fails the task (retryable or not). A cancel requested by the
// customer or a lost lease aborts the handler's signal.
import { ERROR_CATALOG, type WorkerFailureName } from '@polyforge/protocol';
import {
  WorkerApiClient,
  WorkerApiError,
  type Lease,
  type LeaseInput,
  type Registration,
} from './worker-api-client.ts';

export interface OutputFile {
  bytes: Uint8Array;
  /** e.g. "glb", "png"; part of the download link clients see */
  extension: string;
  contentType?: string;
}

export interface TaskOutput {
  /** output key (model, pbr_model, rendered_image, generated_image, ...) → file */
  files?: Record<string, OutputFile>;
  /** non-file outputs merged into the task's output */
  result?: Record<string, unknown>;
}

export interface LeasedTask {
  leaseId: string;
  taskId: string;
  taskType: string;
  modelVersion: string | null;
  /** the normalised request, with the platform's defaults applied */
  request: Record<string, unknown>;
  inputs: LeaseInput[];
  attempt: number;
  /** aborted when the customer cancels or the lease is lost: stop as soon as you can */
  signal: AbortSignal;
  reportProgress(percent: number): void;
  readInput(name: string): Promise<Uint8Array>;
}

export type TaskHandler = (task: LeasedTask) => Promise<TaskOutput>;

/**
 * Throw from a handler to fail the task; retryable failures go back to the queue while attempts remain. `failure`
 * names the error catalogue's worker failure the task ends with (docs/errors.md; engineFailed when absent).
 */
export class TaskError extends Error {
  readonly retryable: boolean;
  readonly errorCode?: number;

  constructor(message: string, options: { retryable?: boolean; failure?: WorkerFailureName } = {}) {
    super(message);
    this.name = 'TaskError';
    this.retryable = options.retryable ?? false;
    this.errorCode = options.failure ? ERROR_CATALOG[options.failure].code : undefined;
  }
}

export interface PolyforgeWorkerOptions {
  baseUrl: string;
  token: string;
  handler: TaskHandler;
  name?: string;
  /** worker pools to serve; default: every pool the token may serve */
  capabilities?: string[];
  taskTypes?: string[];
  /** only tasks of these model_version values */
  modelVersions?: string[];
  /** tasks run at once (default 1) */
  concurrency?: number;
  /** long-poll length of each lease call (default 20 s) */
  waitSeconds?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
  fetch?: typeof fetch;
}

const RETRY_DELAY_MS = 1000;

export class PolyforgeWorker {
  private readonly client: WorkerApiClient;
  private readonly stopController = new AbortController();
  private registration?: Registration;

  constructor(private readonly options: PolyforgeWorkerOptions) {
    this.client = new WorkerApiClient(options.baseUrl, options.token, options.fetch);
  }

  /** Registers and runs `concurrency` lease loops until stop(). */
  async run(): Promise<void> {
    this.registration = await this.client.register({
      name: this.options.name,
      capabilities: this.options.capabilities,
      task_types: this.options.taskTypes,
      model_versions: this.options.modelVersions,
      version: 'worker-sdk-ts/0.1.0',
    });
    this.log('registered', { workerId: this.registration.worker_id, capabilities: this.registration.capabilities });
    const loops = Array.from({ length: this.options.concurrency ?? 1 }, () => this.loop());
    await Promise.all(loops);
  }

  stop(): void {
    this.stopController.abort();
  }

  get workerId(): string | undefined {
    return this.registration?.worker_id;
  }

  private async loop(): Promise<void> {
    const stopped = this.stopController.signal;
    while (!stopped.aborted) {
      let lease: Lease | null;
      try {
        lease = await this.client.lease(this.registration!.worker_id, this.options.waitSeconds ?? 20, stopped);
      } catch (error) {
        if (stopped.aborted) return;
        this.log('lease failed; retrying', { error: String(error) });
        await delay(RETRY_DELAY_MS);
        continue;
      }
      if (lease) await this.runLease(lease);
    }
  }

  private async runLease(lease: Lease): Promise<void> {
    const abort = new AbortController();
    let progress: number | undefined;
    let lost = false;
    let cancelled = false;
    const beat = async () => {
      try {
        const answer = await this.client.heartbeat(lease.lease_id, progress);
        if (answer.cancel_requested && !cancelled) {
          cancelled = true;
          abort.abort(new TaskError('cancelled by the customer'));
        }
      } catch (error) {
        if (error instanceof WorkerApiError && error.leaseLost) {
          lost = true;
          abort.abort(new TaskError('lease lost'));
        } else {
          this.log('heartbeat failed', { taskId: lease.task_id, error: String(error) });
        }
      }
    };
    const timer = setInterval(beat, lease.heartbeat_interval_seconds * 1000);
    const task: LeasedTask = {
      leaseId: lease.lease_id,
      taskId: lease.task_id,
      taskType: lease.task_type,
      modelVersion: lease.model_version,
      request: lease.request,
      inputs: lease.inputs,
      attempt: lease.attempt,
      signal: abort.signal,
      reportProgress: (percent) => {
        progress = percent;
      },
      readInput: (name) => this.client.readInput(lease.lease_id, name),
    };
    try {
      const output = await this.options.handler(task);
      if (lost) return;
      if (cancelled) {
        await this.client.fail(lease.lease_id, { retryable: false, message: 'stopped: cancelled by the customer' });
        return;
      }
      for (const [outputKey, file] of Object.entries(output.files ?? {})) {
        await this.client.uploadOutput(lease.lease_id, outputKey, file.bytes, file.extension, file.contentType);
      }
      await this.client.complete(lease.lease_id, output.result);
      this.log('completed', { taskId: lease.task_id });
    } catch (error) {
      if (lost || (error instanceof WorkerApiError && error.leaseLost)) {
        this.log('lease lost; the task was given back', { taskId: lease.task_id });
        return;
      }
      const taskError = error instanceof TaskError ? error : undefined;
      // Unexpected exceptions (out of memory, a driver fault) are worth a second attempt elsewhere.
      const retryable = taskError ? taskError.retryable : !(error instanceof WorkerApiError);
      const message = error instanceof Error ? error.message : String(error);
      try {
        await this.client.fail(lease.lease_id, {
          retryable,
          message: message.slice(0, 1000) || 'the worker failed',
          ...(taskError?.errorCode ? { error_code: taskError.errorCode } : {}),
        });
      } catch (failError) {
        this.log('could not report the failure; the lease will expire', {
          taskId: lease.task_id,
          error: String(failError),
        });
      }
    } finally {
      clearInterval(timer);
    }
  }

  private log(message: string, details?: Record<string, unknown>): void {
    this.options.log?.(message, details);
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
