// The HTTP layer both clients share (V2 `PolyforgeClient`, `TripoV3Client`): auth, timeouts, GET retries, the
// `{code, data}` envelope and its mapping to `PolyforgeApiError`.
import { PolyforgeApiError, PolyforgeNetworkError } from './polyforge-api-error.ts';
import { retryDelayMs } from './poll-delay.ts';

export interface ApiTransportOptions {
  /** Server root without the API prefix. */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs: number;
  retries: number;
  /** Named in the suggestion of a "not an envelope" error. */
  surfaceName: string;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface SendInit {
  headers: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
  /** The timeout covers only the wait for the response headers, not the body: for event streams that stay open. */
  streaming?: boolean;
}

export interface RequestOptions {
  /** JSON-encoded unless it is `FormData`. */
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

const RETRYABLE_HTTP_STATUSES = new Set([429, 502, 503, 504]);

export class ApiTransport {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly fetchFunction: typeof globalThis.fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly surfaceName: string;

  constructor(options: ApiTransportOptions) {
    this.baseUrl = options.baseUrl;
    this.apiKey = options.apiKey;
    this.fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs;
    this.retries = options.retries;
    this.surfaceName = options.surfaceName;
  }

  /** A URL under the server root, with the query parameters that are set. */
  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  /** Headers with the API key, sent only to the API's own origin (downloads may point at a CDN). */
  authorizedHeaders(url: string, headers: Record<string, string> = {}): Record<string, string> {
    return sameOrigin(url, this.baseUrl) && this.apiKey
      ? { ...headers, Authorization: `Bearer ${this.apiKey}` }
      : { ...headers };
  }

  /** One API call: sends the body, reads the envelope, returns its `data` object or throws `PolyforgeApiError`. */
  async requestData(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<Record<string, unknown>> {
    const url = this.url(path, options.query);
    const headers = this.authorizedHeaders(url, { Accept: 'application/json', ...options.headers });
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await this.send(method, url, { headers, body, signal: options.signal });
    const envelope = await readEnvelope(response);
    if (!response.ok || envelope.code !== 0) throw apiErrorFromEnvelope(response, envelope, this.surfaceName);
    return isObject(envelope.data) ? envelope.data : {};
  }

  /** Plain GET of a (signed) output URL. */
  async download(url: string): Promise<Uint8Array> {
    const response = await this.send('GET', url, { headers: this.authorizedHeaders(url) });
    if (!response.ok) throw apiErrorFromEnvelope(response, await readEnvelope(response), this.surfaceName);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** One fetch with the per-request timeout; GETs are retried on connection errors and 429/5xx gateway answers. */
  async send(method: string, url: string, init: SendInit): Promise<Response> {
    const maxAttempts = method === 'GET' ? this.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      const timeout = startTimeout(this.timeoutMs, init.streaming === true);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
      let response: Response;
      try {
        response = await this.fetchFunction(url, { method, headers: init.headers, body: init.body, signal });
      } catch (error) {
        if (init.signal?.aborted) throw init.signal.reason ?? error;
        const timedOut = timeout.signal.aborted;
        const networkError = new PolyforgeNetworkError(url, {
          cause: error,
          timedOut,
          message: timedOut ? `no answer within ${this.timeoutMs} ms` : undefined,
        });
        if (attempt >= maxAttempts) throw networkError;
        await sleep(retryDelayMs(attempt, undefined), init.signal);
        continue;
      } finally {
        timeout.headersArrived();
      }
      if (attempt < maxAttempts && RETRYABLE_HTTP_STATUSES.has(response.status)) {
        response.body?.cancel().catch(() => undefined);
        await sleep(retryDelayMs(attempt, parseRetryAfter(response)), init.signal);
        continue;
      }
      return response;
    }
  }
}

/**
 * A whole-request timeout (it also covers reading the body), or for streams one that ends when the headers arrive.
 * Both timers are unref'd, so a finished CLI command never waits for them.
 */
function startTimeout(timeoutMs: number, headersOnly: boolean): { signal: AbortSignal; headersArrived(): void } {
  if (!headersOnly) return { signal: AbortSignal.timeout(timeoutMs), headersArrived() {} };
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
    timeoutMs,
  );
  timer.unref();
  return { signal: controller.signal, headersArrived: () => clearTimeout(timer) };
}

export interface Envelope {
  code?: unknown;
  data?: unknown;
  message?: unknown;
  suggestion?: unknown;
  request_id?: unknown;
  rawText: string;
}

export async function readEnvelope(response: Response): Promise<Envelope> {
  const rawText = await response.text();
  return envelopeFromText(rawText);
}

export function envelopeFromText(rawText: string): Envelope {
  try {
    const parsed: unknown = JSON.parse(rawText);
    if (isObject(parsed)) return { ...parsed, rawText };
  } catch {
    // not JSON: reported by apiErrorFromEnvelope with the HTTP status
  }
  return { rawText };
}

/**
 * V2 `{code, message, suggestion}` (Polyforge adds `request_id`) and V3 `{code, status: "error", message,
 * suggestion, request_id}` alike.
 */
export function apiErrorFromEnvelope(
  response: Pick<Response, 'status' | 'statusText' | 'ok' | 'headers'>,
  envelope: Envelope,
  surfaceName: string,
): PolyforgeApiError {
  const retryAfterSeconds = parseRetryAfter(response);
  const requestId =
    typeof envelope.request_id === 'string'
      ? envelope.request_id
      : (response.headers.get('x-tripo-trace-id') ?? undefined);
  if (typeof envelope.code === 'number' && envelope.code !== 0) {
    return new PolyforgeApiError({
      code: envelope.code,
      httpStatus: response.status,
      message: typeof envelope.message === 'string' ? envelope.message : `HTTP ${response.status}`,
      suggestion: typeof envelope.suggestion === 'string' ? envelope.suggestion : '',
      retryAfterSeconds,
      requestId,
    });
  }
  // Not a Polyforge envelope (a proxy's HTML page, an empty body): code -1 says so.
  const snippet = envelope.rawText.trim().slice(0, 200);
  const what = response.ok
    ? 'The server answered without a valid {code, data} envelope'
    : `HTTP ${response.status} ${response.statusText}`.trim();
  return new PolyforgeApiError({
    code: -1,
    httpStatus: response.status,
    message: snippet ? `${what}: ${snippet}` : what,
    suggestion: `Check that --base-url points at a server root with the ${surfaceName} API (e.g. http://127.0.0.1:8080).`,
    retryAfterSeconds,
    requestId,
  });
}

export function parseRetryAfter(response: Pick<Response, 'headers'>): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function requireString(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (typeof value !== 'string') throw malformed(key);
  return value;
}

export function requireNumber(data: Record<string, unknown>, key: string): number {
  const value = data[key];
  if (typeof value !== 'number') throw malformed(key);
  return value;
}

export function requireArray(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  if (!Array.isArray(value)) throw malformed(key);
  return value;
}

function malformed(key: string): PolyforgeApiError {
  return new PolyforgeApiError({
    code: -1,
    httpStatus: 200,
    message: `The server's answer lacks data.${key}`,
    suggestion: 'Check that --base-url points at a Polyforge or Tripo-compatible server.',
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameOrigin(url: string, baseUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
