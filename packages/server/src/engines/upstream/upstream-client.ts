// The few calls of a Tripo-compatible V2 API (the real one or another Polyforge) that the gateway needs:
// upload, create, get, cancel, download; with the operator's key, timeouts and retries of retryable answers.
import { DomainError } from '../../domain-error.ts';
import { fetchImageUrl } from '../../images/fetch-image-url.ts';
import { EngineFailure } from '../engine.ts';
import { fetchWithRetries, ProviderHttpError, type ProviderHttpOptions } from '../providers/provider-http.ts';

export interface UpstreamSettings {
  /** base of the V2 surface, e.g. https://api.tripo3d.ai/v2/openapi */
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxAttempts: number;
  /** shortest wait between two polls of a task */
  minPollIntervalMs: number;
  /** longest time one forwarded task may take */
  taskTimeoutMs: number;
  retryBaseMs?: number;
  /** output downloads go through the address policy (images/fetch-image-url.ts), bounded in size and time */
  download?: { maxBytes: number; timeoutMs: number; allowPrivateAddresses: boolean };
}

export interface UpstreamTask {
  task_id: string;
  status: string;
  progress?: number;
  output?: Record<string, unknown>;
  running_left_time?: number | null;
  error_code?: number;
  error_msg?: string;
}

/** An answer of the upstream API with a V2 error envelope ({code, message}). */
export class UpstreamApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamApiError';
  }
}

export class UpstreamClient {
  constructor(private readonly settings: UpstreamSettings) {}

  async upload(bytes: Uint8Array, fileName: string, signal: AbortSignal): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const data = await this.call<{ image_token?: string }>('/upload', { method: 'POST', body: form }, signal);
    if (!data.image_token)
      throw new UpstreamApiError(200, undefined, 'the upstream upload answered without an image_token');
    return data.image_token;
  }

  /** Creates the task; the idempotency key makes a retried forward (after a lost worker) create it once. */
  async createTask(body: unknown, idempotencyKey: string, signal: AbortSignal): Promise<string> {
    const data = await this.call<{ task_id?: string }>(
      '/task',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body),
      },
      signal,
      false,
    );
    if (!data.task_id) throw new UpstreamApiError(200, undefined, 'the upstream create answered without a task_id');
    return data.task_id;
  }

  getTask(taskId: string, signal: AbortSignal): Promise<UpstreamTask> {
    return this.call<UpstreamTask>(`/task/${encodeURIComponent(taskId)}`, { method: 'GET' }, signal);
  }

  /** Best effort: the Tripo API has no cancel endpoint; Polyforge upstreams do. */
  async cancelTask(taskId: string): Promise<void> {
    await fetch(`${this.settings.baseUrl}/task/${encodeURIComponent(taskId)}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.settings.apiKey}` },
      signal: AbortSignal.timeout(5000),
    }).catch(() => undefined);
  }

  /**
   * Downloads an output link (signed; no key is sent with it) through the one address policy: the upstream names
   * the URL, so it is an outbound request like a tenant's image `url`.
   */
  async download(url: string, signal: AbortSignal): Promise<{ bytes: Uint8Array; contentType: string | null }> {
    signal.throwIfAborted();
    const limits = this.settings.download ?? {
      maxBytes: 200 * 1024 * 1024,
      timeoutMs: this.settings.timeoutMs,
      allowPrivateAddresses: false,
    };
    try {
      const fetched = await fetchImageUrl(url, { ...limits, maxRedirects: 3 });
      return { bytes: fetched.bytes, contentType: null };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new EngineFailure(
        'engineFailed',
        `an output of the upstream task could not be downloaded: ${error.message.replace(/^file url /, '')}`,
      );
    }
  }

  private async call<T>(path: string, init: RequestInit, signal: AbortSignal, idempotent = true): Promise<T> {
    const headers = {
      ...(init.headers as Record<string, string> | undefined),
      Authorization: `Bearer ${this.settings.apiKey}`,
    };
    let response: Response;
    try {
      response = await fetchWithRetries(
        `${this.settings.baseUrl}${path}`,
        { ...init, headers },
        { ...this.httpOptions(signal), idempotent },
      );
    } catch (error) {
      if (error instanceof ProviderHttpError && error.status > 0) {
        const body = error.body as { code?: number; message?: string } | undefined;
        throw new UpstreamApiError(
          error.status,
          body?.code,
          `the upstream API answered HTTP ${error.status}${body?.code !== undefined ? ` (code ${body.code})` : ''}: ${body?.message ?? error.bodyText.slice(0, 200)}`,
        );
      }
      throw error;
    }
    const envelope = (await response.json().catch(() => undefined)) as
      { code?: number; data?: T; message?: string } | undefined;
    if (!envelope || envelope.code !== 0 || envelope.data === undefined) {
      throw new UpstreamApiError(
        response.status,
        envelope?.code,
        `the upstream API answered code ${envelope?.code ?? '?'}: ${envelope?.message ?? 'no data'}`,
      );
    }
    return envelope.data;
  }

  private httpOptions(signal: AbortSignal): ProviderHttpOptions {
    return {
      providerName: 'the upstream API',
      timeoutMs: this.settings.timeoutMs,
      maxAttempts: this.settings.maxAttempts,
      retryBaseMs: this.settings.retryBaseMs,
      signal,
    };
  }
}
