// Fetch-based client for the Polyforge (Tripo V2-compatible) API: tasks (create, quote, get, list, cancel, wait,
// watch live), uploads, downloads, balance and webhook endpoints.
import type { CancelTasksResult } from '@polyforge/protocol';
import {
  ApiTransport,
  apiErrorFromEnvelope,
  envelopeFromText,
  isObject,
  readEnvelope,
  requireArray,
  requireNumber,
  requireString,
  sleep,
} from './api-transport.ts';
import { PolyforgeApiError, PolyforgeTimeoutError } from './polyforge-api-error.ts';
import { collectOutputUrls, outputFileName } from './output-files.ts';
import { nextPollDelayMs, retryDelayMs } from './poll-delay.ts';
import { readServerSentEvents } from './server-sent-events.ts';
import {
  isTerminalStatus,
  type Balance,
  type CancelTaskResult,
  type CreatedWebhookEndpoint,
  type ListTasksFilter,
  type CancelTasksFilter,
  type CancelTasksSummary,
  type Task,
  type TaskBody,
  type TaskPage,
  type WebhookDelivery,
  type WebhookEndpoint,
} from './types.ts';

export interface PolyforgeClientOptions {
  /** Server root, e.g. `http://127.0.0.1:8080`; `/v2/openapi` is appended (and tolerated if already there). */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  /** Per-request limit (for `watchTask`: the wait for the stream to open). */
  timeoutMs?: number;
  /** Retries for GET requests on connection errors and 429/502/503/504 answers. */
  retries?: number;
}

export const POLYFORGE_CLIENT_DEFAULTS = {
  timeoutMs: 60_000,
  retries: 2,
} as const;

export interface CreateTaskOptions {
  /** Sent as the `Idempotency-Key` header, so that a retried create does not start a second task. */
  idempotencyKey?: string;
}

export interface WaitForTaskOptions {
  pollIntervalMs?: number;
  /** Upper bound for the interval when the server's `running_left_time` suggests waiting longer. */
  maxPollIntervalMs?: number;
  /** Overall limit; `PolyforgeTimeoutError` when exceeded. No limit when omitted. */
  timeoutMs?: number;
  onProgress?: (task: Task) => void;
  signal?: AbortSignal;
}

export const WAIT_FOR_TASK_DEFAULTS = {
  pollIntervalMs: 1000,
  maxPollIntervalMs: 10_000,
} as const;

export interface WatchTaskOptions {
  /** Called with every status or progress change the server pushes, the final task included. */
  onUpdate?: (task: Task) => void;
  signal?: AbortSignal;
  /** Reconnections in a row, without an event in between, after the stream breaks before `finalized`. */
  maxReconnects?: number;
}

export const WATCH_TASK_DEFAULTS = {
  maxReconnects: 3,
} as const;

const API_PREFIX = '/v2/openapi';

export class PolyforgeClient {
  readonly baseUrl: string;
  private readonly transport: ApiTransport;

  constructor(options: PolyforgeClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '').replace(/\/v2\/openapi$/, '');
    this.transport = new ApiTransport({
      baseUrl: this.baseUrl,
      apiKey: options.apiKey,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? POLYFORGE_CLIENT_DEFAULTS.timeoutMs,
      retries: options.retries ?? POLYFORGE_CLIENT_DEFAULTS.retries,
      surfaceName: 'Polyforge /v2/openapi',
    });
  }

  async createTask(body: TaskBody, options: CreateTaskOptions = {}): Promise<string> {
    const headers: Record<string, string> = {};
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const data = await this.transport.requestData('POST', `${API_PREFIX}/task`, { body, headers });
    return requireString(data, 'task_id');
  }

  async quoteTask(body: TaskBody): Promise<number> {
    const data = await this.transport.requestData('POST', `${API_PREFIX}/task/quote`, { body });
    return requireNumber(data, 'credits');
  }

  async getTask(taskId: string, options: { signal?: AbortSignal } = {}): Promise<Task> {
    const data = await this.transport.requestData('GET', `${API_PREFIX}/task/${encodeURIComponent(taskId)}`, {
      signal: options.signal,
    });
    return taskFrom(data);
  }

  /** One page of the account's tasks, newest first. */
  async listTasks(filter: ListTasksFilter = {}): Promise<TaskPage> {
    const data = await this.transport.requestData('GET', `${API_PREFIX}/tasks`, {
      query: {
        status: filter.status,
        type: filter.type,
        created_after: timeParameter(filter.createdAfter),
        created_before: timeParameter(filter.createdBefore),
        limit: filter.limit,
        cursor: filter.cursor,
      },
    });
    const tasks = requireArray(data, 'tasks').map((task) => taskFrom(isObject(task) ? task : {}));
    return {
      tasks,
      nextCursor: typeof data.next_cursor === 'string' && data.next_cursor !== '' ? data.next_cursor : null,
    };
  }

  /** Every page after `filter.cursor` (or the first), following `nextCursor`: `for await (const page of ...)`. */
  async *listTaskPages(filter: ListTasksFilter = {}): AsyncGenerator<TaskPage> {
    let cursor = filter.cursor;
    do {
      const page = await this.listTasks({ ...filter, cursor });
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** A queued task is removed at once (credits released); a running one is asked to stop. */
  async cancelTask(taskId: string): Promise<CancelTaskResult> {
    const data = await this.transport.requestData('POST', `${API_PREFIX}/task/${encodeURIComponent(taskId)}/cancel`);
    return {
      task_id: requireString(data, 'task_id'),
      result: requireString(data, 'result'),
      status: requireString(data, 'status'),
    } as CancelTaskResult;
  }

  /** Cancels every queued and running task the filter matches (at most `limit`, default 1000, per call). */
  async cancelTasks(filter: CancelTasksFilter = {}): Promise<CancelTasksSummary> {
    const body = {
      status: filter.status,
      type: filter.type,
      created_after: timeParameter(filter.createdAfter),
      created_before: timeParameter(filter.createdBefore),
      limit: filter.limit,
    };
    const data: Partial<Record<keyof CancelTasksResult, unknown>> = await this.transport.requestData(
      'POST',
      `${API_PREFIX}/tasks/cancel`,
      { body },
    );
    return {
      matched: Number(data.matched),
      cancelled: Number(data.cancelled),
      cancellationRequested: Number(data.cancellation_requested),
      taskIds: Array.isArray(data.task_ids) ? data.task_ids.map(String) : [],
      hasMore: data.has_more === true,
    };
  }

  async uploadFile(bytes: Uint8Array, fileName: string): Promise<string> {
    const form = new FormData();
    // Blob copies the bytes itself; the cast only narrows ArrayBufferLike for the DOM typings.
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);
    const data = await this.transport.requestData('POST', `${API_PREFIX}/upload`, { body: form });
    return requireString(data, 'image_token');
  }

  async getBalance(): Promise<Balance> {
    const data = await this.transport.requestData('GET', `${API_PREFIX}/user/balance`);
    return { balance: requireNumber(data, 'balance'), frozen: requireNumber(data, 'frozen') };
  }

  /** Polls until the task reaches success, failed, cancelled, banned or expired, and returns it (it does not throw on failure). */
  async waitForTask(taskId: string, options: WaitForTaskOptions = {}): Promise<Task> {
    const pollIntervalMs = options.pollIntervalMs ?? WAIT_FOR_TASK_DEFAULTS.pollIntervalMs;
    const maxPollIntervalMs = options.maxPollIntervalMs ?? WAIT_FOR_TASK_DEFAULTS.maxPollIntervalMs;
    const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
    for (;;) {
      const task = await this.getTask(taskId, { signal: options.signal });
      options.onProgress?.(task);
      if (isTerminalStatus(task.status)) return task;
      const remainingMs = deadline - Date.now();
      if (remainingMs <= 0) throw new PolyforgeTimeoutError(taskId, options.timeoutMs ?? 0);
      const delayMs = nextPollDelayMs(task.running_left_time, { pollIntervalMs, maxPollIntervalMs });
      await sleep(Math.min(delayMs, remainingMs), options.signal);
    }
  }

  /**
   * Follows the task over Server-Sent Events (`GET /task/{id}/events`) until it is final, and returns it (it does
   * not throw on failure). A stream that breaks early is reopened after checking the task; an error envelope
   * (unknown task, no such endpoint on an older server) throws `PolyforgeApiError` at once.
   */
  async watchTask(taskId: string, options: WatchTaskOptions = {}): Promise<Task> {
    const maxReconnects = options.maxReconnects ?? WATCH_TASK_DEFAULTS.maxReconnects;
    let failuresInARow = 0;
    for (;;) {
      let sawEvent = false;
      try {
        const final = await this.followEventStream(taskId, options, () => (sawEvent = true));
        if (final) return final;
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason ?? error;
        if (error instanceof PolyforgeApiError || failuresInARow >= maxReconnects) throw error;
      }
      failuresInARow = sawEvent ? 1 : failuresInARow + 1;
      if (failuresInARow > maxReconnects)
        throw new PolyforgeApiError({
          code: -1,
          httpStatus: 200,
          message: `The event stream of task ${taskId} kept ending before the task finished`,
          suggestion: 'Use waitForTask (polling) instead.',
        });
      // The final event may have been lost with the connection: ask before listening again.
      const task = await this.getTask(taskId, { signal: options.signal });
      if (isTerminalStatus(task.status)) {
        options.onUpdate?.(task);
        return task;
      }
      await sleep(retryDelayMs(failuresInARow, undefined), options.signal);
    }
  }

  async createWebhook(url: string): Promise<CreatedWebhookEndpoint> {
    const data = await this.transport.requestData('POST', `${API_PREFIX}/webhooks`, { body: { url } });
    return { ...webhookEndpointFrom(data), secret: requireString(data, 'secret') };
  }

  async listWebhooks(): Promise<WebhookEndpoint[]> {
    const data = await this.transport.requestData('GET', `${API_PREFIX}/webhooks`);
    return requireArray(data, 'webhooks').map((endpoint) => webhookEndpointFrom(isObject(endpoint) ? endpoint : {}));
  }

  async deleteWebhook(webhookId: string): Promise<void> {
    await this.transport.requestData('DELETE', `${API_PREFIX}/webhooks/${encodeURIComponent(webhookId)}`);
  }

  /** The endpoint's delivery log, newest first. */
  async listWebhookDeliveries(webhookId: string, options: { limit?: number } = {}): Promise<WebhookDelivery[]> {
    const data = await this.transport.requestData(
      'GET',
      `${API_PREFIX}/webhooks/${encodeURIComponent(webhookId)}/deliveries`,
      { query: { limit: options.limit } },
    );
    return requireArray(data, 'deliveries') as WebhookDelivery[];
  }

  /** Plain GET of a (signed) output URL. The API key is sent only to the API's own origin. */
  async downloadFile(url: string): Promise<Uint8Array> {
    return this.transport.download(url);
  }

  /** Saves every output URL of the task as `dir/<task_id>_<key><ext>`; returns the paths written. */
  async downloadOutputs(task: Task, dir: string): Promise<string[]> {
    const outputs = collectOutputUrls(task.output);
    if (outputs.length === 0) return [];
    const { mkdir, writeFile, join } = await loadNodeFileSystem();
    await mkdir(dir, { recursive: true });
    const paths: string[] = [];
    for (const { key, url } of outputs) {
      const path = join(dir, outputFileName(task.task_id, key, url));
      await writeFile(path, await this.downloadFile(url));
      paths.push(path);
    }
    return paths;
  }

  /** One connection to the event stream: the final task, or undefined when the stream ended before it. */
  private async followEventStream(
    taskId: string,
    options: WatchTaskOptions,
    onEvent: () => void,
  ): Promise<Task | undefined> {
    const url = this.transport.url(`${API_PREFIX}/task/${encodeURIComponent(taskId)}/events`);
    const headers = this.transport.authorizedHeaders(url, { Accept: 'text/event-stream' });
    const response = await this.transport.send('GET', url, { headers, signal: options.signal, streaming: true });
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok || !contentType.includes('text/event-stream') || !response.body) {
      throw apiErrorFromEnvelope(response, await readEnvelope(response), 'Polyforge /v2/openapi');
    }
    for await (const event of readServerSentEvents(response.body)) {
      if (event.event === 'error')
        throw apiErrorFromEnvelope(response, envelopeFromText(event.data), 'Polyforge /v2/openapi');
      if (event.event !== 'update' && event.event !== 'finalized') continue;
      const parsed: unknown = JSON.parse(event.data);
      const task = taskFrom(isObject(parsed) ? parsed : {});
      onEvent();
      options.onUpdate?.(task);
      if (event.event === 'finalized' || isTerminalStatus(task.status)) return task;
    }
    return undefined;
  }
}

function taskFrom(data: Record<string, unknown>): Task {
  requireString(data, 'task_id');
  requireString(data, 'status');
  const task = data as unknown as Task;
  return { ...task, output: isObject(task.output) ? task.output : {} };
}

function webhookEndpointFrom(data: Record<string, unknown>): WebhookEndpoint {
  return {
    id: requireString(data, 'id'),
    url: requireString(data, 'url'),
    created_at: requireString(data, 'created_at'),
  };
}

function timeParameter(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Node's file system, loaded only by `downloadOutputs` (the one method that writes files), so the SDK also bundles
 * and runs in browsers. The specifiers are variables so bundlers leave them for the runtime to resolve.
 */
async function loadNodeFileSystem(): Promise<{
  mkdir: typeof import('node:fs/promises').mkdir;
  writeFile: typeof import('node:fs/promises').writeFile;
  join: typeof import('node:path').join;
}> {
  const fsSpecifier = 'node:fs/promises';
  const pathSpecifier = 'node:path';
  const [fs, path] = await Promise.all([
    import(fsSpecifier) as Promise<typeof import('node:fs/promises')>,
    import(pathSpecifier) as Promise<typeof import('node:path')>,
  ]);
  return { mkdir: fs.mkdir, writeFile: fs.writeFile, join: path.join };
}
