// Derives requests from the OpenAPI document, one operation at a time: a valid request from its schemas, then
// one mutation of it (a wrong type, a missing or extra field, a boundary number, an odd string, broken JSON or
// multipart, a wrong Content-Type, another tenant's id, a bad credential).
import fc from 'fast-check';
import type { DocumentedOperation, OpenApiDocument } from '../openapi/openapi-response-validator.ts';
import {
  boundaryNumber,
  hostileString,
  malformedJsonBody,
  malformedMultipart,
  multipartFile,
  otherTypeThan,
} from './hostile-values.ts';
import { arbitraryOf, type JsonSchema, type SchemaContext } from './schema-arbitrary.ts';

export const MUTATIONS = [
  'valid',
  'wrongType',
  'missingField',
  'extraField',
  'boundaryNumber',
  'oddString',
  'malformedJson',
  'wrongContentType',
  'malformedMultipart',
  'foreignId',
  'oddPathParameter',
  'badQuery',
  'badCredential',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface FuzzRequest {
  operationId: string;
  mutation: Mutation;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface FuzzIdentity {
  apiKey: string;
  workerToken: string;
  /** ids of this tenant's tasks, files, webhooks, leases: valid targets */
  ownIds: string[];
  /** ids of another tenant's: must read as not found */
  foreignIds: string[];
  /** small valid files to upload (a PNG, a GLB) */
  sampleFiles: { fileName: string; bytes: Uint8Array }[];
}

export function fuzzRequestArbitrary(
  document: OpenApiDocument,
  operations: DocumentedOperation[],
  identity: FuzzIdentity,
): fc.Arbitrary<FuzzRequest> {
  const context: SchemaContext = {
    root: document as JsonSchema,
    knownStrings: [...identity.ownIds, ...identity.foreignIds],
  };
  return fc
    .constantFrom(...operations)
    .chain((operation) =>
      fc
        .constantFrom(...mutationsFor(operation))
        .chain((mutation) => requestOf(operation, mutation, context, identity)),
    );
}

function mutationsFor(operation: DocumentedOperation): Mutation[] {
  const content = operation.operation.requestBody?.content ?? {};
  const parameters = operation.operation.parameters ?? [];
  return MUTATIONS.filter((mutation) => {
    if (
      [
        'wrongType',
        'missingField',
        'extraField',
        'boundaryNumber',
        'oddString',
        'malformedJson',
        'wrongContentType',
      ].includes(mutation)
    )
      return Boolean(content['application/json']);
    if (mutation === 'malformedMultipart') return Boolean(content['multipart/form-data']);
    if (mutation === 'foreignId' || mutation === 'oddPathParameter')
      return parameters.some((parameter) => parameter.in === 'path');
    if (mutation === 'badQuery') return parameters.some((parameter) => parameter.in === 'query');
    if (mutation === 'badCredential') return securityOf(operation) !== undefined;
    return true;
  });
}

function securityOf(operation: DocumentedOperation): 'apiKey' | 'workerToken' | undefined {
  const security = (operation.operation as { security?: Record<string, unknown>[] }).security ?? [];
  return security.length === 0 ? undefined : (Object.keys(security[0]!)[0] as 'apiKey' | 'workerToken');
}

function requestOf(
  operation: DocumentedOperation,
  mutation: Mutation,
  context: SchemaContext,
  identity: FuzzIdentity,
): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.operation.parameters ?? [];
  const pathNames = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
  const pathValue = (): fc.Arbitrary<string> => {
    if (mutation === 'foreignId') return fc.constantFrom(...identity.foreignIds);
    if (mutation === 'oddPathParameter') return hostileString.filter((text) => text.length > 0);
    return fc.oneof(fc.constantFrom(...identity.ownIds), fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }));
  };
  const pathValues = fc.record(Object.fromEntries(pathNames.map((name) => [name, pathValue()])));
  const query = queryOf(parameters, mutation, context);
  const credential = credentialOf(securityOf(operation), mutation, identity);
  const idempotency = fc.option(fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,40}$/), fc.constant('x'.repeat(300))), {
    nil: undefined,
  });
  return fc
    .record({ pathValues, query, credential, idempotency, body: bodyOf(operation, mutation, context, identity) })
    .map(({ pathValues: values, query: search, credential: authorization, idempotency: key, body }) => {
      let path = operation.pathTemplate;
      for (const [name, value] of Object.entries(values)) path = path.replace(`{${name}}`, percentEncode(value));
      const headers: Record<string, string> = { ...body.headers };
      if (authorization !== undefined) headers.Authorization = authorization;
      if (
        key !== undefined &&
        parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key')
      )
        headers['Idempotency-Key'] = key;
      return {
        operationId: operation.operation.operationId,
        mutation,
        method: operation.method,
        path: path + (search ? `?${search}` : ''),
        headers,
        body: body.body,
      };
    });
}

/**
 * encodeURIComponent, except that a lone surrogate becomes bytes that are not UTF-8 at all (the server must cope).
 * A "." or ".." segment cannot be sent at all: URL parsing removes it even percent-encoded (WHATWG URL), so the
 * request would reach another route; such a value is sent as "..." instead, still an odd path parameter.
 */
function percentEncode(text: string): string {
  if (text === '.' || text === '..') return '...';
  return Array.from(text, (character) => {
    try {
      return encodeURIComponent(character);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

function queryOf(
  parameters: NonNullable<DocumentedOperation['operation']['parameters']>,
  mutation: Mutation,
  context: SchemaContext,
): fc.Arbitrary<string> {
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  if (queryParameters.length === 0) return fc.constant('');
  const values = queryParameters.map((parameter) => {
    const valid = arbitraryOf(parameter.schema as JsonSchema, context).map(String);
    const value =
      mutation === 'badQuery' ? fc.oneof(hostileString, boundaryNumber.map(String), fc.constant('')) : valid;
    return fc.option(
      value.map((text) => [parameter.name, text] as const),
      { nil: undefined },
    );
  });
  return fc
    .tuple(...values)
    .map((pairs) =>
      new URLSearchParams(
        pairs.filter((pair): pair is readonly [string, string] => pair !== undefined) as [string, string][],
      ).toString(),
    );
}

function credentialOf(
  security: 'apiKey' | 'workerToken' | undefined,
  mutation: Mutation,
  identity: FuzzIdentity,
): fc.Arbitrary<string | undefined> {
  if (security === undefined) return fc.constant(undefined);
  const good = security === 'apiKey' ? identity.apiKey : identity.workerToken;
  if (mutation !== 'badCredential') return fc.constant(`Bearer ${good}`);
  const wrongKind = security === 'apiKey' ? identity.workerToken : identity.apiKey;
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `bearer ${good}x`,
      `Bearer ${good.slice(0, -2)}`,
      `Bearer ${wrongKind}`,
      `Bearer tsk_${'0'.repeat(64)}`,
      `Bearer pfw_${'0'.repeat(64)}`,
    ),
    fc.stringMatching(/^Bearer [\x21-\x7e]{0,300}$/),
  );
}

interface BodyParts {
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function bodyOf(
  operation: DocumentedOperation,
  mutation: Mutation,
  context: SchemaContext,
  identity: FuzzIdentity,
): fc.Arbitrary<BodyParts> {
  const content = operation.operation.requestBody?.content ?? {};
  if (content['multipart/form-data']) {
    if (mutation === 'malformedMultipart')
      return malformedMultipart.map((raw) => ({ headers: { 'Content-Type': raw.contentType }, body: raw.body }));
    const file = fc.oneof(
      fc.constantFrom(...identity.sampleFiles),
      fc.record({
        fileName: hostileString.map((name) => name.slice(0, 200)),
        bytes: fc.uint8Array({ maxLength: 512 }),
      }),
    );
    return file.map(({ fileName, bytes }) => {
      const raw = multipartFile(fileName, bytes);
      return { headers: { 'Content-Type': raw.contentType }, body: raw.body };
    });
  }
  if (content['application/octet-stream']) {
    const bytes = fc.oneof(
      fc.constantFrom(...identity.sampleFiles.map((file) => file.bytes)),
      fc.uint8Array({ maxLength: 2048 }),
    );
    return fc
      .record({
        bytes,
        contentType: fc.constantFrom(
          'application/octet-stream',
          'model/gltf-binary',
          'image/png',
          'text/plain',
          'application/json',
        ),
      })
      .map(({ bytes, contentType }) => ({ headers: { 'Content-Type': contentType }, body: bytes }));
  }
  const schema = content['application/json']?.schema as JsonSchema | undefined;
  if (!schema) {
    if (operation.method === 'GET') return fc.constant({ headers: {} });
    // no body documented: sometimes send one anyway
    return fc
      .option(
        fc
          .jsonValue({ maxDepth: 2 })
          .map((value) => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) ?? 'null' })),
        { nil: { headers: {} } },
      )
      .map((parts) => parts);
  }
  if (mutation === 'malformedJson')
    return malformedJsonBody.map((text) => ({ headers: { 'Content-Type': 'application/json' }, body: text }));
  const valid = arbitraryOf(schema, context);
  const mutated = valid.chain((value) => mutateValue(value, mutation));
  if (mutation === 'wrongContentType') {
    return fc
      .record({
        value: valid,
        contentType: fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
          'image/png',
          '',
        ),
      })
      .map(({ value, contentType }): BodyParts => ({
        headers: contentType ? { 'Content-Type': contentType } : {},
        body: JSON.stringify(value),
      }));
  }
  return mutated.map((value) => ({
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value) ?? 'null',
  }));
}

/** One change to a valid top-level object (or the value itself when it is not an object). */
function mutateValue(value: unknown, mutation: Mutation): fc.Arbitrary<unknown> {
  if (
    mutation === 'valid' ||
    mutation === 'foreignId' ||
    mutation === 'oddPathParameter' ||
    mutation === 'badQuery' ||
    mutation === 'badCredential'
  )
    return fc.constant(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return otherTypeThan(value);
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  const pickKey = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('type');
  switch (mutation) {
    case 'wrongType':
      return pickKey.chain((key) =>
        otherTypeThan(object[key]).map((replacement) => ({ ...object, [key]: replacement })),
      );
    case 'missingField':
      return pickKey.map((key) => Object.fromEntries(Object.entries(object).filter(([name]) => name !== key)));
    case 'extraField':
      return fc
        .record({
          key: fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'extra')),
          extra: fc.jsonValue({ maxDepth: 2 }),
        })
        .map(({ key, extra }) => ({ ...object, [key]: extra }));
    case 'boundaryNumber':
      return fc
        .record({ key: pickKey, number: boundaryNumber })
        .map(({ key, number }) => ({ ...object, [key]: number }));
    case 'oddString':
      return fc.record({ key: pickKey, text: hostileString }).map(({ key, text }) => ({ ...object, [key]: text }));
    default:
      return fc.constant(value);
  }
}
