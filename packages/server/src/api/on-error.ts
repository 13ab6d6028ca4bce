// The one edge where errors become wire responses: domain errors via the catalog, framework errors mapped
// to the nearest catalog entry, anything else a 1000 with no stack trace. The envelope follows the surface:
// V2 `{code, message, suggestion, request_id}`, V3 adds `status: "error"`; `request_id` is the X-Request-Id and
// X-Tripo-Trace-ID headers, and the reqId of the request's log lines.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOG, type ErrorName, type V3WireErrorBody, type WireErrorBody } from '@polyforge/protocol';
import { isDatabaseUnavailable } from '../db/database-availability.ts';
import { DomainError } from '../domain-error.ts';

export type { V3WireErrorBody, WireErrorBody };

export type ApiSurface = 'v2' | 'v3';

export function surfaceOf(url: string): ApiSurface {
  return url === '/v3' || url.startsWith('/v3/') || url.startsWith('/v3?') ? 'v3' : 'v2';
}

/** Where /v3 answers with another catalog entry than /v2 (tripo-api.md §6.1, §8.2). */
const V3_ERROR_NAMES: Partial<Record<ErrorName, ErrorName>> = {
  // V3 reports an unknown or not-yet-uploaded file token as an invalid parameter
  fileNotFound: 'invalidParameter',
};

/** The catalogue entry an error answers with on a surface (the OpenAPI document lists the same). */
export function wireErrorNameOf(errorName: ErrorName, surface: ApiSurface): ErrorName {
  return surface === 'v3' ? (V3_ERROR_NAMES[errorName] ?? errorName) : errorName;
}

/** The status and the body without the request id (sendError adds it; a refused unread request has none). */
export function toWireError(
  error: unknown,
  surface: ApiSurface = 'v2',
): { httpStatus: number; body: Omit<WireErrorBody, 'request_id'>; retryAfterSeconds?: number } {
  const classified = classify(error, surface);
  const { detail, retryAfterSeconds } = classified;
  const errorName = wireErrorNameOf(classified.errorName, surface);
  const entry = ERROR_CATALOG[errorName];
  const message = detail && detail !== entry.message ? `${entry.message}: ${detail}` : entry.message;
  return {
    httpStatus: entry.httpStatus,
    body: { code: entry.code, message, suggestion: entry.suggestion },
    retryAfterSeconds,
  };
}

export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const surface = surfaceOf(reply.request.url);
  const wire = toWireError(error, surface);
  if (wire.retryAfterSeconds !== undefined) reply.header('Retry-After', String(wire.retryAfterSeconds));
  // V2 clients parse the three fields of tripo-api.md §2 and ignore others: request_id is one more, as on V3
  const requestId = String(reply.request.id);
  const body: WireErrorBody | V3WireErrorBody =
    surface === 'v3'
      ? { ...wire.body, status: 'error', request_id: requestId }
      : { ...wire.body, request_id: requestId };
  return reply.status(wire.httpStatus).type('application/json').send(body);
}

/** The V2 error body that a request's task event stream (Server-Sent Events, WebSocket) ends with. */
export function v2ErrorBodyOf(error: unknown, request: FastifyRequest): WireErrorBody {
  return { ...toWireError(error, 'v2').body, request_id: String(request.id) };
}

export function onError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const wire = toWireError(error);
  if (wire.httpStatus >= 500) request.log.error({ err: error, requestId: request.id }, 'request failed');
  return sendError(reply, error);
}

/**
 * Fastify's `frameworkErrors`: a path with broken percent-encoding or a path parameter over the router's length
 * limit, found before any route (so before the error handler).
 */
export function onFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendError(
      reply,
      new DomainError('invalidParameter', `a path parameter is longer than ${MAX_PATH_PARAMETER_LENGTH} characters`),
    );
  return sendError(reply, new DomainError('malformedRequest', 'the path is not valid percent-encoded UTF-8'));
}

/** Longest path parameter the router accepts (Fastify's maxParamLength): ids are far shorter. */
export const MAX_PATH_PARAMETER_LENGTH = 100;

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request (headers over 16 KB, bytes that are not
 * HTTP). There is no request to route, so the answer is written to the socket, in the V2 envelope without a
 * request id (none was given).
 */
export function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const wire = toWireError(
    new DomainError(
      error.code === 'HPE_HEADER_OVERFLOW' ? 'headersTooLarge' : 'malformedRequest',
      error.code === 'HPE_HEADER_OVERFLOW' ? undefined : 'the request is not valid HTTP/1.1',
    ),
  );
  const body = JSON.stringify(wire.body);
  socket.end(
    `HTTP/1.1 ${wire.httpStatus} ${STATUS_CODES[wire.httpStatus]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function classify(
  error: unknown,
  surface: ApiSurface,
): { errorName: ErrorName; detail?: string; retryAfterSeconds?: number } {
  if (error instanceof DomainError)
    return { errorName: error.errorName, detail: error.message, retryAfterSeconds: error.retryAfterSeconds };
  const frameworkError = error as Partial<FastifyError> | undefined;
  switch (frameworkError?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { errorName: 'malformedRequest', detail: 'the body is not valid JSON' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      if (surface === 'v3')
        return {
          errorName: 'unsupportedMediaType',
          detail: 'send application/json (or multipart/form-data to POST /v3/files)',
        };
      return {
        errorName: 'malformedRequest',
        detail: 'unsupported Content-Type; send application/json (or multipart/form-data for uploads)',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        errorName: 'malformedRequest',
        detail: 'unsupported Content-Type; send application/json (or multipart/form-data for uploads)',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return { errorName: 'payloadTooLarge', detail: frameworkError.message };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        errorName: 'malformedRequest',
        detail: 'uploads must be multipart/form-data with one part named "file"',
      };
    default:
      break;
  }
  if (
    typeof frameworkError?.statusCode === 'number' &&
    frameworkError.statusCode >= 400 &&
    frameworkError.statusCode < 500
  ) {
    return { errorName: 'malformedRequest', detail: frameworkError.message };
  }
  if (isDatabaseUnavailable(error))
    return { errorName: 'serviceUnavailable', detail: 'the database is not reachable right now', retryAfterSeconds: 2 };
  return { errorName: 'internal' };
}
