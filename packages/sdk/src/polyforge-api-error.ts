// Errors the SDK throws: one for error envelopes from the server, one for requests that never got an answer.

export interface PolyforgeApiErrorOptions {
  code: number;
  httpStatus: number;
  message: string;
  suggestion?: string;
  retryAfterSeconds?: number;
  /** V3 `request_id` (or the `X-Tripo-Trace-ID` header): quote it when reporting a problem. */
  requestId?: string;
}

/** The server answered with a non-2xx status or with `code != 0`. */
export class PolyforgeApiError extends Error {
  readonly code: number;
  readonly httpStatus: number;
  readonly suggestion: string;
  /** From the `Retry-After` header, when the server sent one (429 answers). */
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(options: PolyforgeApiErrorOptions) {
    super(options.message);
    this.name = 'PolyforgeApiError';
    this.code = options.code;
    this.httpStatus = options.httpStatus;
    this.suggestion = options.suggestion ?? '';
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.requestId = options.requestId;
  }
}

/** The request did not get an HTTP answer: connection refused, DNS failure, reset, or the client timeout. */
export class PolyforgeNetworkError extends Error {
  readonly url: string;
  readonly timedOut: boolean;

  constructor(url: string, options: { cause?: unknown; timedOut?: boolean; message?: string }) {
    const reason = options.message ?? describeCause(options.cause);
    super(`Could not reach ${url}: ${reason}`, { cause: options.cause });
    this.name = 'PolyforgeNetworkError';
    this.url = url;
    this.timedOut = options.timedOut ?? false;
  }
}

/** `waitForTask` gave up before the task reached a terminal status. */
export class PolyforgeTimeoutError extends Error {
  readonly taskId: string;

  constructor(taskId: string, timeoutMs: number) {
    super(`Task ${taskId} did not finish within ${timeoutMs} ms`);
    this.name = 'PolyforgeTimeoutError';
    this.taskId = taskId;
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici wraps the socket error: "fetch failed" with cause ECONNREFUSED etc.
  const inner = (cause as Error & { cause?: unknown }).cause;
  if (inner instanceof Error) {
    const code = (inner as Error & { code?: string }).code;
    return code ? `${code} (${inner.message})` : inner.message;
  }
  return cause.message;
}
