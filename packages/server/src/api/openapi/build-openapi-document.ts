// Assembles the OpenAPI 3.1 document from the surface files (zod schemas → JSON Schema 2020-12 through
// zod-openapi): every surface together, or one of them; built once per process and surface.
import {
  balanceSchema,
  taskViewV2Schema,
  taskViewV3Schema,
  wireErrorBodySchema,
  workerLeaseSchema,
} from '@polyforge/protocol';
import { createDocument, type oas31, type ZodOpenApiPathsObject } from 'zod-openapi';
import { toOpenApiOperation, type ApiOperation } from './api-operation.ts';
import { PUBLIC_SURFACE_OPERATIONS } from './public-surface.ts';
import { V2_SURFACE_OPERATIONS } from './v2-surface.ts';
import { V3_SURFACE_OPERATIONS } from './v3-surface.ts';
import { WORKER_SURFACE_OPERATIONS } from './worker-surface.ts';

export type DocumentSurface = 'all' | 'v2' | 'v3' | 'worker';

const SURFACE_TITLES: Record<DocumentSurface, string> = {
  all: 'Polyforge API',
  v2: 'Polyforge API: /v2/openapi (Tripo V2 compatible)',
  v3: 'Polyforge API: /v3 (Tripo V3 compatible)',
  worker: 'Polyforge worker protocol (/worker/v1)',
};

export function operationsOf(surface: DocumentSurface): readonly ApiOperation[] {
  switch (surface) {
    case 'v2':
      return V2_SURFACE_OPERATIONS;
    case 'v3':
      return V3_SURFACE_OPERATIONS;
    case 'worker':
      return WORKER_SURFACE_OPERATIONS;
    case 'all':
      return [
        ...PUBLIC_SURFACE_OPERATIONS,
        ...V2_SURFACE_OPERATIONS,
        ...V3_SURFACE_OPERATIONS,
        ...WORKER_SURFACE_OPERATIONS,
      ];
  }
}

/** Named response components; the task requests are named where they are declared (v2-surface.ts). */
function namedSchemas() {
  return {
    TaskV2: taskViewV2Schema,
    TaskV3: taskViewV3Schema,
    WorkerLease: workerLeaseSchema,
    Balance: balanceSchema,
    WireError: wireErrorBodySchema,
  };
}

const built = new Map<DocumentSurface, { document: oas31.OpenAPIObject; json: string }>();

export function buildOpenApiDocument(surface: DocumentSurface = 'all'): oas31.OpenAPIObject {
  return builtDocument(surface).document;
}

/** The document as JSON text, serialised once. */
export function openApiDocumentJson(surface: DocumentSurface = 'all'): string {
  return builtDocument(surface).json;
}

function builtDocument(surface: DocumentSurface) {
  let entry = built.get(surface);
  if (!entry) {
    const document = createDocumentOf(surface);
    entry = { document, json: JSON.stringify(document) };
    built.set(surface, entry);
  }
  return entry;
}

function createDocumentOf(surface: DocumentSurface): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operationsOf(surface)) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: toOpenApiOperation(operation) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: SURFACE_TITLES[surface],
      version: '1',
      description:
        'Generated from the zod schemas the server validates requests with and presents responses with. Errors answer with a non-2xx status and `{code, message, suggestion, request_id}` (on /v3 also `status: "error"`; `request_id` equals the X-Request-Id header); each operation lists the codes it may answer. docs/errors.md describes every code.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: tsk_... (tsk_test_... for test mode)' },
        workerToken: { type: 'http', scheme: 'bearer', description: 'A worker token: pfw_...' },
      },
      schemas: namedSchemas(),
    },
    paths,
  });
}
