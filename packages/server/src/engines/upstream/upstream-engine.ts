// The upstream gateway: forwards a task to another Tripo-compatible API with the operator's key, follows it to
// the end (polling, paced by running_left_time), copies its outputs into our storage under the same output keys,
// and turns an upstream failure into ours (failed + refunded by the runner).
import { fileReferencesOf, TASK_TYPES, type TaskRequest } from '@polyforge/protocol';
import { detectFileFormat } from '@polyforge/geometry/read/detect-file-format';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineOutputFile,
  type EngineResult,
} from '../engine.ts';
import { sleep } from '../providers/provider-http.ts';
import { UpstreamApiError, UpstreamClient, type UpstreamSettings, type UpstreamTask } from './upstream-client.ts';

const FINAL_FAILURES = new Set(['failed', 'banned', 'expired', 'cancelled', 'unknown']);
const OUTPUT_KEY = /^[a-z0-9_]{1,64}$/i;
const EXTENSION = /^[a-z0-9]{1,8}$/i;

export class UpstreamEngine implements Engine {
  readonly name = 'upstream';
  readonly taskTypes: readonly string[] = TASK_TYPES;
  private readonly client: UpstreamClient;

  constructor(
    private readonly settings: UpstreamSettings,
    private readonly estimatedSeconds = 60,
  ) {
    this.client = new UpstreamClient(settings);
  }

  supports(_request: TaskRequest) {
    return { ok: true } as const;
  }

  estimateSeconds(): number {
    return this.estimatedSeconds;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    try {
      const body = await this.forwardableRequest(input, context.signal);
      const upstreamTaskId = await this.client.createTask(body, `polyforge-${input.taskId}`, context.signal);
      const finished = await this.follow(upstreamTaskId, context);
      return await this.copyOutputs(finished, context.signal);
    } catch (error) {
      if (error instanceof UpstreamApiError) {
        const failure = error.code === 2008 ? 'contentPolicyViolation' : 'engineFailed';
        throw new EngineFailure(failure, `the upstream API refused the task: ${error.message}`);
      }
      if ((error as { name?: string })?.name === 'ProviderHttpError')
        throw new EngineFailure('engineFailed', (error as Error).message);
      throw error;
    }
  }

  /** The normalised request with its file tokens and source task replaced by the upstream's own. */
  private async forwardableRequest(input: EngineInput, signal: AbortSignal): Promise<TaskRequest> {
    const body = structuredClone(input.request) as TaskRequest & Record<string, unknown>;
    const references = fileReferencesOf(body);
    for (const [index, reference] of references.entries()) {
      const file = input.files[index];
      if (!file) throw new EngineFailure('inputExpired', `input file ${index + 1} is no longer available`);
      reference.file_token = await this.client.upload(file.bytes, file.fileName, signal);
    }
    if (typeof body.original_model_task_id === 'string') {
      if (!input.sourceModel) throw new EngineFailure('inputExpired', 'the source model is no longer available');
      body.original_model_task_id = await this.importSourceModel(
        input.sourceModel.bytes,
        input.sourceModel.fileName,
        signal,
      );
    }
    for (const field of ['draft_model_task_id', 'original_task_id']) {
      if (typeof body[field] === 'string')
        throw new EngineFailure(
          'engineFailed',
          `${field} cannot be forwarded to the upstream API (its source task lives here)`,
        );
    }
    return body;
  }

  /** The upstream cannot see our tasks: hand it the source model through a (free) import_model task. */
  private async importSourceModel(bytes: Uint8Array, fileName: string, signal: AbortSignal): Promise<string> {
    const fileToken = await this.client.upload(bytes, fileName, signal);
    const format = fileName.split('.').pop()?.toLowerCase() ?? 'glb';
    const importTaskId = await this.client.createTask(
      { type: 'import_model', file: { type: format, file_token: fileToken } },
      `polyforge-import-${fileToken}`,
      signal,
    );
    const imported = await this.follow(importTaskId, { signal, reportProgress: () => undefined });
    return imported.task_id;
  }

  private async follow(upstreamTaskId: string, context: EngineContext): Promise<UpstreamTask> {
    const deadlineMs = Date.now() + this.settings.taskTimeoutMs;
    let waitMs = this.settings.minPollIntervalMs;
    try {
      for (;;) {
        const task = await this.client.getTask(upstreamTaskId, context.signal);
        if (task.status === 'success') return task;
        if (FINAL_FAILURES.has(task.status)) {
          const message = `the upstream task ended ${task.status}${task.error_msg ? `: ${task.error_msg}` : ''}`;
          if (task.status === 'banned') throw new EngineFailure('contentPolicyViolation', message);
          // the upstream's own error_code is kept: it is a Tripo-compatible API, so its codes mean what ours do
          throw task.error_code !== undefined
            ? EngineFailure.relayed(task.error_code, message)
            : new EngineFailure('engineFailed', message);
        }
        if (typeof task.progress === 'number') context.reportProgress(Math.min(99, task.progress));
        if (Date.now() > deadlineMs)
          throw new EngineFailure(
            'engineFailed',
            `the upstream task did not finish within ${Math.round(this.settings.taskTimeoutMs / 1000)} s`,
          );
        // PYSDK's rule: half the announced time left, but never hammer the upstream nor sleep past a minute.
        const leftSeconds = task.running_left_time;
        waitMs = typeof leftSeconds === 'number' && leftSeconds > 0 ? (leftSeconds * 1000) / 2 : waitMs * 1.5;
        waitMs = Math.min(60_000, Math.max(this.settings.minPollIntervalMs, waitMs));
        await sleep(waitMs, context.signal);
      }
    } catch (error) {
      if (context.signal.aborted) await this.client.cancelTask(upstreamTaskId);
      throw error;
    }
  }

  private async copyOutputs(task: UpstreamTask, signal: AbortSignal): Promise<EngineResult> {
    const files: Record<string, EngineOutputFile> = {};
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(task.output ?? {})) {
      if (!OUTPUT_KEY.test(key)) continue;
      if (isLink(value)) {
        files[key] = await this.downloadOutput(value, signal);
      } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).some(isLink)) {
        for (const [innerKey, innerValue] of Object.entries(value)) {
          if (OUTPUT_KEY.test(innerKey) && isLink(innerValue))
            files[`${key}.${innerKey}`] = await this.downloadOutput(innerValue, signal);
        }
      } else {
        result[key] = value;
      }
    }
    if (Object.keys(files).length === 0 && Object.keys(result).length === 0) {
      throw new EngineFailure('engineFailed', 'the upstream task succeeded without any output');
    }
    return { files, result };
  }

  private async downloadOutput(url: string, signal: AbortSignal): Promise<EngineOutputFile> {
    const { bytes, contentType } = await this.client.download(url, signal);
    const lastSegment = new URL(url).pathname.split('/').pop() ?? '';
    const dot = lastSegment.lastIndexOf('.');
    const extension =
      dot > 0 && EXTENSION.test(lastSegment.slice(dot + 1)) ? lastSegment.slice(dot + 1).toLowerCase() : 'bin';
    return {
      bytes,
      extension,
      mimeType: contentType?.split(';')[0] ?? detectFileFormat(bytes)?.mimeType ?? 'application/octet-stream',
    };
  }
}

function isLink(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//.test(value);
}
