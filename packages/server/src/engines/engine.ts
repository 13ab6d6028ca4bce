// The Engine seam: engines receive resolved inputs and a context, return output files; they never touch the database or ledger.
import type { TaskRequest } from '@polyforge/protocol';

export interface EngineInputFile {
  bytes: Uint8Array;
  format: string;
  kind: 'image' | 'model';
  fileName: string;
}

export interface EngineInput {
  taskId: string;
  request: TaskRequest;
  /** the request's file references, resolved, in the order fileReferencesOf gives them */
  files: EngineInputFile[];
  /** the model produced by the task named in original_model_task_id (or similar), when there is one */
  sourceModel?: EngineInputFile;
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
}

export type EngineSupport = { ok: true } | { ok: false; reason: string };

export interface Engine {
  readonly name: string;
  readonly taskTypes: readonly string[];
  supports(request: TaskRequest): EngineSupport;
  estimateSeconds(request: TaskRequest): number;
  run(input: EngineInput, context: EngineContext): Promise<EngineResult>;
}

/** A task-level failure: the task ends `failed` with this error code and message, and is refunded. */
export class EngineFailure extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'EngineFailure';
  }
}
