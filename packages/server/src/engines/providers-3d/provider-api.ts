// One hosted 3D provider's HTTP API as the adapters use it: the operator's key, a timeout per request, retries of
// 429 / 5xx / dropped connections honouring Retry-After (providers/provider-http.ts), bounded answers, and every
// failure turned into a ProviderFailure whose kind decides failover (provider-3d.ts).
import {
  fetchWithRetries,
  ProviderHttpError,
  readBytesUpTo,
  ResponseTooLargeError,
  sleep,
} from '../providers/provider-http.ts';
import { ProviderFailure, type Provider3dName, type ProviderFailureKind } from './provider-3d.ts';

export interface ProviderApiSettings {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  maxAttempts: number;
  /** first retry backoff when the provider sends no Retry-After */
  retryBaseMs?: number;
  pollIntervalMs: number;
  /** longest time one provider task may take */
  taskTimeoutMs: number;
  /** the largest model the provider may answer inline (Stability's synchronous GLB) */
  maxDownloadBytes: number;
}

/** A JSON answer larger than this is not an API answer we expect (a task object is a few KB). */
const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** Adapter-specific reading of an error answer: content refusals, exhausted credits... (undefined: the default). */
export type ErrorClassifier = (status: number, body: unknown, bodyText: string) => ProviderFailureKind | undefined;

export interface ProviderCall {
  signal: AbortSignal;
  /** false for creates that must not run twice: only answers saying the request was not taken are retried */
  idempotent?: boolean;
}

export class ProviderApi {
  constructor(
    readonly provider: Provider3dName,
    readonly displayName: string,
    readonly settings: ProviderApiSettings,
    private readonly authHeaders: Record<string, string>,
    private readonly classify: ErrorClassifier = () => undefined,
  ) {}

  url(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.settings.baseUrl}${path}`;
  }

  /** Sends the request with the key and parses a bounded JSON answer; a malformed answer is `bad_answer`. */
  async json<T>(path: string, init: RequestInit, call: ProviderCall): Promise<T> {
    const response = await this.send(
      path,
      { ...init, headers: { Accept: 'application/json', ...(init.headers as Record<string, string>) } },
      call,
    );
    let bytes: Uint8Array;
    try {
      bytes = await readBytesUpTo(response, MAX_JSON_BYTES);
    } catch (error) {
      throw this.readFailure(error, call.signal, 'answer');
    }
    try {
      const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      if (parsed === null || typeof parsed !== 'object') throw new Error('not an object');
      return parsed as T;
    } catch {
      throw new ProviderFailure(
        this.provider,
        'bad_answer',
        `${this.displayName} answered ${response.status} with something that is not a JSON object`,
      );
    }
  }

  /** Sends the request and reads a bounded binary answer (a model file). */
  async bytes(
    path: string,
    init: RequestInit,
    call: ProviderCall,
  ): Promise<{ bytes: Uint8Array; contentType: string | null }> {
    const response = await this.send(path, init, call);
    try {
      return {
        bytes: await readBytesUpTo(response, this.settings.maxDownloadBytes),
        contentType: response.headers.get('content-type'),
      };
    } catch (error) {
      throw this.readFailure(error, call.signal, 'model');
    }
  }

  /** Waits the poll interval (the task's signal cancels the wait). */
  pause(signal: AbortSignal): Promise<void> {
    return sleep(this.settings.pollIntervalMs, signal);
  }

  /** The moment after which a provider task counts as hanging. */
  deadline(): number {
    return Date.now() + this.settings.taskTimeoutMs;
  }

  timedOut(providerTaskId: string | undefined): ProviderFailure {
    return new ProviderFailure(
      this.provider,
      'timeout',
      `${this.displayName} did not finish the task within ${Math.round(this.settings.taskTimeoutMs / 1000)} s`,
      providerTaskId,
    );
  }

  private async send(path: string, init: RequestInit, call: ProviderCall): Promise<Response> {
    try {
      return await fetchWithRetries(
        this.url(path),
        { ...init, headers: { ...(init.headers as Record<string, string>), ...this.authHeaders } },
        {
          providerName: this.displayName,
          timeoutMs: this.settings.timeoutMs,
          maxAttempts: this.settings.maxAttempts,
          retryBaseMs: this.settings.retryBaseMs,
          signal: call.signal,
          idempotent: call.idempotent,
        },
      );
    } catch (error) {
      if (call.signal.aborted) throw error;
      if (error instanceof ProviderHttpError) throw this.failureOf(error);
      throw error;
    }
  }

  private failureOf(error: ProviderHttpError): ProviderFailure {
    if (error.status === 0) {
      const kind = /did not answer/.test(error.message) ? 'timeout' : 'unavailable';
      return new ProviderFailure(this.provider, kind, error.message);
    }
    const kind = this.classify(error.status, error.body, error.bodyText) ?? defaultKindOf(error.status);
    return new ProviderFailure(this.provider, kind, error.message);
  }

  private readFailure(error: unknown, signal: AbortSignal, what: string): unknown {
    if (signal.aborted) return error;
    if (error instanceof ResponseTooLargeError) {
      return new ProviderFailure(
        this.provider,
        'bad_answer',
        `${this.displayName}'s ${what} is larger than ${formatBytes(error.maxBytes)}, the limit`,
      );
    }
    const timedOut = (error as Error)?.name === 'TimeoutError';
    return new ProviderFailure(
      this.provider,
      timedOut ? 'timeout' : 'unavailable',
      `${this.displayName}'s ${what} ${timedOut ? 'did not arrive in time' : 'broke off'}`,
    );
  }
}

export function defaultKindOf(status: number): ProviderFailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'credits';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'unavailable';
  return 'rejected';
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** The text of an error answer's likely message fields, lower-cased, for keyword checks. */
export function errorTextOf(body: unknown, bodyText: string): string {
  return (typeof body === 'object' && body !== null ? JSON.stringify(body) : bodyText).toLowerCase();
}
