// One outbound HTTP(S) request to a URL a tenant chose, under the address policy: the URL's host is checked first
// (IP literals skip DNS, so the connect-time check would not see them), then the connection resolves through the
// policy's look-up. Bounded in time and response size; redirects are returned, not followed, so each caller
// decides whether to follow one (and the next hop is checked again). Errors say what kind of failure it was and
// never the address that was refused or dialled, so a tenant cannot map the operator's network through them.
import http from 'node:http';
import https from 'node:https';
import { AddressRefusedError, type AddressPolicy } from './address-policy.ts';

export interface GuardedRequestOptions {
  policy: AddressPolicy;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs: number;
  /** the response body is read up to this many bytes; more fails with kind 'too-large' */
  maxResponseBytes: number;
  /** do not read the body (a webhook only needs the status) */
  discardBody?: boolean;
}

export interface GuardedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** set for 3xx answers with a Location */
  redirectTo?: string;
  body: Uint8Array;
}

export type OutboundFailureKind = 'refused' | 'unreachable' | 'timeout' | 'too-large' | 'broken';

export class OutboundRequestError extends Error {
  constructor(
    readonly kind: OutboundFailureKind,
    message: string,
    /** for the operator's log only: the underlying error, which may name addresses */
    readonly detail?: string,
  ) {
    super(message);
  }
}

const FAILURE_MESSAGES: Record<OutboundFailureKind, string> = {
  refused: 'the target is not at an allowed public address',
  unreachable: 'the target could not be reached',
  timeout: 'the target did not answer in time',
  'too-large': 'the answer was larger than allowed',
  broken: 'the connection broke off',
};

export function guardedHttpRequest(url: URL, options: GuardedRequestOptions): Promise<GuardedResponse> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new OutboundRequestError('refused', 'only http and https URLs are allowed'));
  const refusal = options.policy.refusalOf(url);
  if (refusal) return Promise.reject(new OutboundRequestError('refused', FAILURE_MESSAGES.refused, refusal));
  const transport = url.protocol === 'https:' ? https : http;
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  return new Promise<GuardedResponse>((resolve, reject) => {
    let settled = false;
    let deadline: NodeJS.Timeout | undefined;
    const fail = (kind: OutboundFailureKind, detail?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      reject(new OutboundRequestError(kind, FAILURE_MESSAGES[kind], detail));
    };
    const succeed = (response: GuardedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(response);
    };
    const headers = { ...options.headers, ...(body ? { 'content-length': String(body.byteLength) } : {}) };
    // agent: false = a fresh connection each time, so no pooled socket skips the look-up's check
    const request = transport.request(
      url,
      { method: options.method, headers, lookup: options.policy.lookup, agent: false },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = status >= 300 && status < 400 ? response.headers.location : undefined;
        if (options.discardBody || location !== undefined) {
          response.resume();
          response.on('end', () =>
            succeed({ status, headers: response.headers, redirectTo: location, body: new Uint8Array(0) }),
          );
          response.on('error', (error) => fail('broken', error.message));
          return;
        }
        const declared = Number(response.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > options.maxResponseBytes) {
          response.destroy();
          return fail('too-large');
        }
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.byteLength;
          if (received > options.maxResponseBytes) {
            response.destroy();
            fail('too-large');
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          const joined = Buffer.concat(chunks);
          succeed({
            status,
            headers: response.headers,
            body: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength),
          });
        });
        response.on('error', (error) => fail('broken', error.message));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof AddressRefusedError || (error as { code?: string }).code === 'EADDRREFUSED_POLICY')
        return fail('refused', error.message);
      // an unresolvable name reads the same as a refused one: otherwise the answer would tell internal names apart
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return fail('refused', error.message);
      fail('unreachable', error.message);
    });
    // a whole-request deadline: a socket timeout alone would let a target that drips one byte a second hold on
    deadline = setTimeout(() => {
      fail('timeout');
      request.destroy();
    }, options.timeoutMs);
    request.end(body);
  });
}
