// HTTP calls to third-party APIs: a timeout per request, retries of what is worth retrying (429, 408, 5xx,
// network errors) with exponential backoff that honours Retry-After, and a typed error for the rest. Every attempt
// is reported to the running task's telemetry (latency, outcome) and carries its creating request's X-Request-Id.
import { currentProviderTelemetry, type ProviderCallRecord } from '../../observability/telemetry.ts';

export interface ProviderHttpOptions {
  /** how the provider is named in error messages, e.g. "OpenAI" */
  providerName: string;
  timeoutMs: number;
  maxAttempts: number;
  /** first backoff when the provider gives no Retry-After; doubles per attempt */
  retryBaseMs?: number;
  /** the task's signal: aborts waits and requests when the task is cancelled or its lease lost */
  signal?: AbortSignal;
  /**
   * false for requests that must not run twice (creating an upstream task without idempotency): then only
   * answers that say the request was not taken (429, 503) and refused connections are retried.
   */
  idempotent?: boolean;
}

/** Error answers are read this far only: a provider (or a proxy before it) answering megabytes of HTML is cut. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** The longest Retry-After honoured; a provider asking for more is treated as failing now. */
const MAX_RETRY_AFTER_MS = 60_000;

export class ProviderHttpError extends Error {
  constructor(
    readonly providerName: string,
    /** 0 when no HTTP answer came (timeout, connection refused) */
    readonly status: number,
    readonly bodyText: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderHttpError';
  }

  /** The JSON body, when there is one. */
  get body(): unknown {
    try {
      return JSON.parse(this.bodyText);
    } catch {
      return undefined;
    }
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Sends the request until it answers 2xx, a non-retryable status, or the attempts run out. */
export async function fetchWithRetries(
  url: string,
  init: RequestInit,
  options: ProviderHttpOptions,
): Promise<Response> {
  const telemetry = currentProviderTelemetry();
  const provider = providerSlug(options.providerName);
  const operation = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (telemetry.requestId && !headers.has('x-request-id')) headers.set('x-request-id', telemetry.requestId);
  const span = telemetry.startCallSpan?.(`${provider} ${operation}`, {
    'polyforge.provider': provider,
    'http.request.method': operation,
    'polyforge.request_id': telemetry.requestId,
  });
  const traceparent = span?.traceparent();
  if (traceparent) headers.set('traceparent', traceparent);
  const record = (startedAtMs: number, status: number, outcome: ProviderCallRecord['outcome']) => {
    telemetry.recordProviderCall({
      provider,
      operation,
      durationSeconds: (performance.now() - startedAtMs) / 1000,
      status,
      outcome,
    });
    span?.setAttributes({ 'http.response.status_code': status, 'polyforge.outcome': outcome });
  };
  try {
    const response = await sendWithRetries(url, { ...init, headers }, options, record);
    span?.end('ok');
    return response;
  } catch (error) {
    span?.end('error', String((error as Error)?.message ?? error));
    throw error;
  }
}

async function sendWithRetries(
  url: string,
  init: RequestInit,
  options: ProviderHttpOptions,
  record: (startedAtMs: number, status: number, outcome: ProviderCallRecord['outcome']) => void,
): Promise<Response> {
  const retryBaseMs = options.retryBaseMs ?? 500;
  let lastError: ProviderHttpError | undefined;
  for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
    options.signal?.throwIfAborted();
    let waitMs = retryBaseMs * 2 ** (attempt - 1);
    const startedAtMs = performance.now();
    try {
      const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
      const response = await fetch(url, { ...init, signal: AbortSignal.any(signals) });
      record(startedAtMs, response.status, response.ok ? 'success' : 'http_error');
      if (response.ok) return response;
      const bodyText = await readTextUpTo(response, MAX_ERROR_BODY_BYTES).catch(() => '');
      lastError = new ProviderHttpError(
        options.providerName,
        response.status,
        bodyText,
        `${options.providerName} answered HTTP ${response.status}${describeBody(bodyText)}`,
      );
      if (
        !isRetryableStatus(response.status) ||
        (options.idempotent === false && response.status !== 429 && response.status !== 503)
      ) {
        throw Object.assign(lastError, { final: true });
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfterMs !== undefined) {
        if (retryAfterMs > MAX_RETRY_AFTER_MS) throw lastError;
        waitMs = retryAfterMs;
      }
    } catch (error) {
      if (error instanceof ProviderHttpError && (error as { final?: boolean }).final) throw error;
      if (options.signal?.aborted) throw options.signal.reason;
      if (!(error instanceof ProviderHttpError)) {
        const timedOut = (error as Error)?.name === 'TimeoutError';
        record(startedAtMs, 0, timedOut ? 'timeout' : 'network_error');
        const refused = /ECONNREFUSED/.test(String((error as { cause?: unknown })?.cause ?? ''));
        lastError = new ProviderHttpError(
          options.providerName,
          0,
          '',
          timedOut
            ? `${options.providerName} did not answer within ${Math.round(options.timeoutMs / 1000)} s`
            : `${options.providerName} could not be reached (${(error as Error)?.message ?? error})`,
        );
        if (options.idempotent === false && !refused) throw lastError;
      }
    }
    if (attempt < options.maxAttempts) await sleep(waitMs, options.signal);
  }
  throw lastError ?? new ProviderHttpError(options.providerName, 0, '', `${options.providerName} request failed`);
}

/** "OpenAI" → "openai", "the upstream API" → "upstream_api": a bounded metrics label. */
function providerSlug(providerName: string): string {
  return (
    providerName
      .toLowerCase()
      .replace(/^the /, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'provider'
  );
}

/** The body as text, at most `maxBytes` of it (the rest is not read; the connection is released). */
export async function readTextUpTo(response: Response, maxBytes: number): Promise<string> {
  const bytes = await readBytesUpTo(response, maxBytes, false);
  return new TextDecoder().decode(bytes);
}

/**
 * The body's bytes, refusing (or, with `truncate`, cutting) a body over `maxBytes`: a Content-Length over the limit
 * is refused before reading, a body without one is counted while it streams.
 */
export async function readBytesUpTo(response: Response, maxBytes: number, refuseLarger = true): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (refuseLarger && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (refuseLarger) throw new ResponseTooLargeError(maxBytes);
      chunks.push(value.subarray(0, maxBytes - total));
      total = maxBytes;
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), in milliseconds from now. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const dateMs = Date.parse(trimmed);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - Date.now());
}

export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describeBody(bodyText: string): string {
  if (!bodyText) return '';
  try {
    const body = JSON.parse(bodyText) as {
      error?: { message?: unknown } | string;
      message?: unknown;
      detail?: unknown;
      errors?: unknown;
    };
    // OpenAI / Gemini {error: {message}}, BFL / Replicate {detail}, Meshy {message}, Stability {name, errors: [...]}
    const firstError = Array.isArray(body.errors) && typeof body.errors[0] === 'string' ? body.errors[0] : undefined;
    const message =
      typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message ?? body.detail ?? firstError);
    if (typeof message === 'string' && message) return `: ${message.slice(0, 300)}`;
  } catch {
    // not JSON
  }
  return `: ${bodyText.slice(0, 200)}`;
}
