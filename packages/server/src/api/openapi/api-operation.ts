// One documented endpoint as the surface files declare it (method, path, auth, body, success, the catalogue
// errors it can answer), and its conversion to an OpenAPI operation: the errors grouped by HTTP status, each
// status with the exact codes it may carry, in the envelope of its surface.
import {
  ERROR_CATALOG,
  unreadRequestErrorBodySchema,
  v3WireErrorBodySchema,
  wireErrorBodySchema,
  type ErrorName,
} from '@polyforge/protocol';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiParameters, ZodOpenApiResponsesObject } from 'zod-openapi';
import type { ApiSurface } from '../on-error.ts';
import { wireErrorNameOf } from '../on-error.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export type Authentication = 'apiKey' | 'workerToken' | 'none';
export type BodyKind = 'json' | 'multipart' | 'bytes';

export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI path template, `{name}` for a parameter */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: Authentication;
  /** which error envelope the answers use */
  surface: ApiSurface;
  params?: ZodOpenApiParameters;
  body?: { kind: BodyKind; schema: z.ZodType; required: boolean; description?: string };
  success: {
    status?: number;
    description: string;
    contentType?: string | readonly string[];
    schema?: z.ZodType;
    headers?: Record<string, string>;
  };
  /** catalogue errors this endpoint answers, besides those every endpoint of its kind may (commonErrorsOf) */
  errors: readonly ErrorName[];
}

/** Errors any request may meet: an unreachable database, a bug, a URL or headers over the parser's limit. */
const ALWAYS: readonly ErrorName[] = ['internal', 'serviceUnavailable', 'headersTooLarge'];
/** A path parameter with broken percent-encoding, or longer than the router takes (api/on-error.ts). */
const PATH_PARAMETERS: readonly ErrorName[] = ['malformedRequest', 'invalidParameter'];
const API_KEY: readonly ErrorName[] = ['authenticationFailed', 'rateLimited'];
const BODY: Record<BodyKind, readonly ErrorName[]> = {
  json: ['malformedRequest', 'payloadTooLarge'],
  multipart: ['malformedRequest', 'payloadTooLarge'],
  bytes: ['payloadTooLarge'],
};

export function commonErrorsOf(
  operation: Pick<ApiOperation, 'auth' | 'body' | 'surface' | 'method' | 'path'>,
): ErrorName[] {
  const names: ErrorName[] = [...ALWAYS];
  if (operation.path.includes('{')) names.push(...PATH_PARAMETERS);
  if (operation.auth === 'apiKey') names.push(...API_KEY);
  if (operation.auth === 'workerToken') names.push('authenticationFailed');
  // a POST or PUT may carry a body whatever the endpoint expects: unparseable JSON, a wrong Content-Type
  if (operation.method === 'post' || operation.method === 'put') names.push(...BODY[operation.body?.kind ?? 'json']);
  if (
    operation.surface === 'v3' &&
    (operation.method === 'post' || operation.method === 'put') &&
    operation.body?.kind !== 'bytes'
  ) {
    names.push('unsupportedMediaType');
  }
  return names;
}

/** The error names an operation documents, as the wire will show them (V3 renames some). */
export function documentedErrorsOf(operation: ApiOperation): ErrorName[] {
  const names = new Set(
    [...commonErrorsOf(operation), ...operation.errors].map((name) => wireErrorNameOf(name, operation.surface)),
  );
  return [...names];
}

const CONTENT_TYPES: Record<BodyKind, string> = {
  json: 'application/json',
  multipart: 'multipart/form-data',
  bytes: 'application/octet-stream',
};

export function toOpenApiOperation(operation: ApiOperation): ZodOpenApiOperationObject {
  const { success } = operation;
  const responses: ZodOpenApiResponsesObject = {
    [String(success.status ?? 200)]: {
      description: success.description,
      ...(success.headers && {
        headers: Object.fromEntries(
          Object.entries(success.headers).map(([name, description]) => [
            name,
            { description, schema: { type: 'string' } },
          ]),
        ),
      }),
      ...(success.schema && {
        content: Object.fromEntries(
          [success.contentType ?? 'application/json']
            .flat()
            .map((contentType) => [contentType, { schema: success.schema }]),
        ),
      }),
    },
    ...errorResponses(documentedErrorsOf(operation), operation.surface),
  };
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description && { description: operation.description }),
    tags: [operation.tag],
    security: operation.auth === 'none' ? [] : [{ [operation.auth]: [] }],
    ...(operation.params && { requestParams: operation.params }),
    ...(operation.body && {
      requestBody: {
        required: operation.body.required,
        ...(operation.body.description && { description: operation.body.description }),
        content: { [CONTENT_TYPES[operation.body.kind]]: { schema: operation.body.schema } },
      },
    }),
    responses,
  };
}

function errorResponses(names: ErrorName[], surface: ApiSurface): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorName[]>();
  for (const name of names) {
    const status = ERROR_CATALOG[name].httpStatus;
    byStatus.set(status, [...(byStatus.get(status) ?? []), name]);
  }
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, statusNames] of [...byStatus].sort(([a], [b]) => a - b)) {
    // Node's parser refuses oversized headers before a route (or its surface, or a request id) is known: always
    // the V2 envelope, without request_id
    const envelope =
      status === ERROR_CATALOG.headersTooLarge.httpStatus
        ? unreadRequestErrorBodySchema
        : surface === 'v3'
          ? v3WireErrorBodySchema
          : wireErrorBodySchema;
    const codes = [...new Set(statusNames.map((name) => ERROR_CATALOG[name].code))].sort((a, b) => a - b);
    const lines = statusNames.map((name) => `${ERROR_CATALOG[name].code} ${ERROR_CATALOG[name].message}`);
    const codeSchema = codes.length === 1 ? z.literal(codes[0]!) : z.literal(codes as [number, ...number[]]);
    responses[String(status) as `${4 | 5}${string}`] = {
      description: [...new Set(lines)].join('; '),
      content: { 'application/json': { schema: envelope.extend({ code: codeSchema }) } },
    };
  }
  return responses;
}

/** Fastify's `/a/:id` → OpenAPI's `/a/{id}`. */
export function openApiPathOf(fastifyUrl: string): string {
  return fastifyUrl.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
