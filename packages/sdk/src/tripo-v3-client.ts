// A small client for the current Tripo API generation (`/v3`, tripo-api.md §6): one endpoint per operation,
// file tokens from `/v3/files`, ISO timestamps, and the `{code, status, data}` / `{..., request_id}` envelopes.
import { ApiTransport, isObject, requireNumber, requireString, sleep } from './api-transport.ts';
import { PolyforgeTimeoutError } from './polyforge-api-error.ts';
import type { TaskViewV3 } from '@polyforge/protocol';
import { isTerminalStatus, type Balance } from './types.ts';

export interface TripoV3ClientOptions {
  /** Server root, e.g. `http://127.0.0.1:8080`; `/v3` is appended (and tolerated if already there). */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Retries for GET requests on connection errors and 429/502/503/504 answers. */
  retries?: number;
}

export const TRIPO_V3_CLIENT_DEFAULTS = {
  timeoutMs: 60_000,
  retries: 2,
} as const;

/** The V3 task object (§6.4); `output` holds `model_url`, `rendered_image_url`, ..., `{}` until the task succeeds. */
export type V3Task = TaskViewV3;

export interface V3CreateTaskOptions {
  /** Sent as the `Idempotency-Key` header: a retried create returns the original task and charges once. */
  idempotencyKey?: string;
}

export interface V3WaitForTaskOptions {
  pollIntervalMs?: number;
  /** Overall limit; `PolyforgeTimeoutError` when exceeded. No limit when omitted. */
  timeoutMs?: number;
  onProgress?: (task: V3Task) => void;
  signal?: AbortSignal;
}

export const V3_WAIT_FOR_TASK_DEFAULTS = {
  pollIntervalMs: 2000,
} as const;

const API_PREFIX = '/v3';
const SURFACE_NAME = 'Tripo /v3';

export class TripoV3Client {
  readonly baseUrl: string;
  private readonly transport: ApiTransport;

  constructor(options: TripoV3ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '').replace(/\/v3$/, '');
    this.transport = new ApiTransport({
      baseUrl: this.baseUrl,
      apiKey: options.apiKey,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? TRIPO_V3_CLIENT_DEFAULTS.timeoutMs,
      retries: options.retries ?? TRIPO_V3_CLIENT_DEFAULTS.retries,
      surfaceName: SURFACE_NAME,
    });
  }

  /**
   * `POST /v3/<path>` with the operation's body, e.g. `createTask('generation/text-to-model', {prompt, model})`
   * or `createTask('models/import', {input: fileToken})`; returns the task id.
   */
  async createTask(path: string, body: Record<string, unknown>, options: V3CreateTaskOptions = {}): Promise<string> {
    const headers: Record<string, string> = {};
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const data = await this.transport.requestData('POST', operationPath(path), { body, headers });
    return requireString(data, 'task_id');
  }

  async getTask(taskId: string, options: { signal?: AbortSignal } = {}): Promise<V3Task> {
    const data = await this.transport.requestData('GET', `${API_PREFIX}/tasks/${encodeURIComponent(taskId)}`, {
      signal: options.signal,
    });
    requireString(data, 'task_id');
    requireString(data, 'status');
    const task = data as unknown as V3Task;
    return { ...task, output: isObject(task.output) ? task.output : {} };
  }

  /** `POST /v3/files` (multipart `file`); returns the `file_<uuid>` token to pass as `input`. */
  async uploadFile(bytes: Uint8Array, fileName: string): Promise<string> {
    const form = new FormData();
    // Blob copies the bytes itself; the cast only narrows ArrayBufferLike for the DOM typings.
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);
    const data = await this.transport.requestData('POST', `${API_PREFIX}/files`, { body: form });
    return requireString(data, 'file_token');
  }

  async getBalance(): Promise<Balance> {
    const data = await this.transport.requestData('GET', `${API_PREFIX}/account/balance`);
    return { balance: requireNumber(data, 'balance'), frozen: requireNumber(data, 'frozen') };
  }

  /** Polls until the task is final (success, failed, cancelled, and the legacy banned/expired) and returns it. */
  async waitForTask(taskId: string, options: V3WaitForTaskOptions = {}): Promise<V3Task> {
    const pollIntervalMs = options.pollIntervalMs ?? V3_WAIT_FOR_TASK_DEFAULTS.pollIntervalMs;
    const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
    for (;;) {
      const task = await this.getTask(taskId, { signal: options.signal });
      options.onProgress?.(task);
      if (isTerminalStatus(task.status)) return task;
      const remainingMs = deadline - Date.now();
      if (remainingMs <= 0) throw new PolyforgeTimeoutError(taskId, options.timeoutMs ?? 0);
      await sleep(Math.min(pollIntervalMs, remainingMs), options.signal);
    }
  }

  /** Plain GET of a (signed) output URL such as `output.model_url`. The API key is sent only to the API's own origin. */
  async downloadFile(url: string): Promise<Uint8Array> {
    return this.transport.download(url);
  }
}

/** `generation/text-to-model`, `/generation/text-to-model` and `/v3/generation/text-to-model` all name one operation. */
function operationPath(path: string): string {
  const trimmed = path.replace(/^\/+/, '').replace(/^v3\//, '');
  return `${API_PREFIX}/${trimmed}`;
}
