// The Engine seam: engines receive resolved inputs and a context, return output files; they never touch the database or ledger.
import { ERROR_CATALOG, type TaskFailureName, type TaskRequest } from '@polyforge/protocol';
import type { ProviderTelemetry } from '../observability/telemetry.ts';

export interface EngineInputFile {
  bytes: Uint8Array;
  format: string;
  kind: 'image' | 'model';
  fileName: string;
}

/** An uploaded input file at create time, with how messages name it (`file_token …`). */
export interface CheckedInputFile extends EngineInputFile {
  label: string;
}

export interface EngineInput {
  taskId: string;
  request: TaskRequest;
  /** the request's file references, resolved, in the order fileReferencesOf gives them */
  files: EngineInputFile[];
  /** the model produced by the task named in original_model_task_id (or similar), when there is one */
  sourceModel?: EngineInputFile;
  /** the output files, by output key, of the task named in original_task_id (multiview image tasks) */
  sourceOutputs?: Record<string, EngineInputFile>;
}

export interface EngineOutputFile {
  bytes: Uint8Array;
  extension: string;
  mimeType: string;
}

export interface EngineResult {
  /** output key (model, pbr_model, rendered_image, ...) → file */
  files: Record<string, EngineOutputFile>;
  /** non-file outputs merged into task.output (e.g. riggable, rig_type) */
  result?: Record<string, unknown>;
}

export interface EngineContext {
  reportProgress(percent: number): void;
  signal: AbortSignal;
  /**
   * The creating request's id and the provider-call recorder (observability/telemetry.ts). Calls made through
   * providers/provider-http.ts report by themselves; an adapter with its own HTTP client records here.
   */
  telemetry?: ProviderTelemetry;
  /** engines that call paid third-party APIs report each call here; the runner records it with the task */
  recordProviderCall?(call: ProviderCallRecord): void;
}

/** One call of a third-party generation API on behalf of a task (which provider, its task id, what it cost). */
export interface ProviderCallRecord {
  provider: string;
  providerModel: string;
  providerTaskId?: string;
  outcome: 'success' | 'failed' | 'skipped' | 'cancelled';
  /** provider-3d.ts ProviderFailureKind for failed calls */
  failureKind?: string;
  message?: string;
  /** what the provider reported, in its own unit */
  reportedCost?: { amount: number; unit: string };
  /** the cost in US dollars: reported and converted, or the operator's estimate per task */
  costUsd?: number;
  startedAtMs: number;
  durationMs: number;
}

export type EngineSupport = { ok: true } | { ok: false; reason: string };

export interface Engine {
  readonly name: string;
  readonly taskTypes: readonly string[];
  /** set by engines whose tasks run outside this process (external worker pools): their jobs go to this queue */
  readonly queueName?: string;
  /**
   * When set, the model_versions this engine can serve of the task types it is routed (absent: all of them).
   * Capability listings use it; a request for another version still reaches supports(), which explains the refusal.
   */
  readonly modelVersions?: readonly string[];
  supports(request: TaskRequest): EngineSupport;
  /** optional create/quote-time check of what the engine alone can judge (a prompt naming nothing it can make); throws a DomainError */
  validate?(request: TaskRequest): void;
  /**
   * optional create/quote-time check of the uploaded input files that only the engine can judge (a photo without one
   * clear object to build); throws a DomainError, so nothing is held or charged. `url` inputs are not fetched then:
   * the engine judges them in run() and fails the task unbilled.
   */
  checkInputs?(request: TaskRequest, files: CheckedInputFile[]): Promise<void>;
  estimateSeconds(request: TaskRequest): number;
  /** engines over third-party APIs: whether they currently run degraded (a provider's circuit breaker is open) */
  health?(): { degraded: boolean; detail?: string };
  run(input: EngineInput, context: EngineContext): Promise<EngineResult>;
}

/**
 * A task-level failure: the task ends `failed` with the code of a task-failure entry of the error catalogue and is
 * refunded. The message defaults to the entry's and may instead say what exactly went wrong in this task.
 */
export class EngineFailure extends Error {
  readonly errorCode: number;

  constructor(
    readonly errorName: TaskFailureName,
    detail?: string,
    options: { relayedErrorCode?: number } = {},
  ) {
    super(detail ?? ERROR_CATALOG[errorName].message);
    this.name = 'EngineFailure';
    this.errorCode = options.relayedErrorCode ?? ERROR_CATALOG[errorName].code;
  }

  /** A failure another Tripo-compatible API reported with its own error_code, which the task keeps as it is. */
  static relayed(errorCode: number, message: string): EngineFailure {
    return new EngineFailure('engineFailed', message, { relayedErrorCode: errorCode });
  }
}
