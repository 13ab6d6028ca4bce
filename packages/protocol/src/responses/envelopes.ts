// The success and error envelopes of both API generations (tripo-api.md §2, §6.1): wrappers around each
// response's data, and the error bodies the server's one error mapper writes.
import { z } from 'zod';

/** V2 (and the worker protocol): `{"code": 0, "data": ...}`. */
export function v2Envelope<T extends z.ZodType>(data: T) {
  return z.object({ code: z.literal(0), data });
}

/** V3: `{"code": 0, "status": "success", "data": ...}`. */
export function v3Envelope<T extends z.ZodType>(data: T) {
  return z.object({ code: z.literal(0), status: z.literal('success'), data });
}

/**
 * Every error answer on V2 and the worker protocol: the catalogue's code, its message plus detail, how to fix it,
 * and the request's id. Tripo's V2 clients read the first three and ignore other keys.
 */
export const wireErrorBodySchema = z.object({
  code: z.int().describe('The error code from the error catalogue (docs/errors.md)'),
  message: z.string().min(1).describe("The catalogue's message, then what exactly was wrong"),
  suggestion: z.string().describe('How to fix the request'),
  request_id: z
    .string()
    .describe('Equals the X-Request-Id (and X-Tripo-Trace-ID) response header: quote it when reporting a problem'),
});
export type WireErrorBody = z.output<typeof wireErrorBodySchema>;

/**
 * The answer to a request Node's HTTP parser refused before any route (headers too large, bytes that are not
 * HTTP): there is no request, so no request id.
 */
export const unreadRequestErrorBodySchema = wireErrorBodySchema.omit({ request_id: true });
export type UnreadRequestErrorBody = z.output<typeof unreadRequestErrorBodySchema>;

/** /v3 errors add `status: "error"`. */
export const v3WireErrorBodySchema = wireErrorBodySchema.extend({
  status: z.literal('error'),
  request_id: z.string().describe('Equals the X-Tripo-Trace-ID response header'),
});
export type V3WireErrorBody = z.output<typeof v3WireErrorBodySchema>;
