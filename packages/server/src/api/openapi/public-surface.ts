// The public routes beside the API surfaces as documented operations: health, the OpenAPI documents themselves
// and the rendered reference under /docs.
import { z } from 'zod';
import type { ApiOperation } from './api-operation.ts';

/** Where each document is served; the API-key hook lets these through (api/create-app.ts). */
export const OPENAPI_DOCUMENT_PATHS = {
  all: '/openapi.json',
  v2: '/v2/openapi/openapi.json',
  v3: '/v3/openapi.json',
  worker: '/worker/v1/openapi.json',
} as const;

export const DOCS_PATH = '/docs';
export const DOCS_ASSETS_PREFIX = '/docs/assets';

const publicRoute = { tag: 'Public', auth: 'none', surface: 'v2', errors: [] } as const;
const openApiObject = z
  .object({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string() }).loose(),
    paths: z.record(z.string(), z.unknown()),
  })
  .loose();

const documentOperation = (path: string, operationId: string, summary: string): ApiOperation => ({
  ...publicRoute,
  method: 'get',
  path,
  operationId,
  summary,
  success: { description: 'An OpenAPI 3.1 document', schema: openApiObject },
});

export const PUBLIC_SURFACE_OPERATIONS: readonly ApiOperation[] = [
  {
    ...publicRoute,
    method: 'get',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness: the process answers',
    success: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) },
  },
  {
    ...publicRoute,
    method: 'get',
    path: '/ready',
    operationId: 'readiness',
    summary: 'Readiness: the database and storage answer too (503 with the failing checks otherwise)',
    success: {
      description: 'Ready',
      schema: z.object({ status: z.enum(['ready', 'not_ready']), checks: z.record(z.string(), z.unknown()) }).loose(),
    },
  },
  {
    ...publicRoute,
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics, behind Authorization: Bearer <POLYFORGE_METRICS_TOKEN> (docs/operations.md)',
    success: { description: 'Prometheus text exposition format', contentType: 'text/plain', schema: z.string() },
    errors: ['forbidden', 'authenticationFailed'],
  },
  documentOperation(OPENAPI_DOCUMENT_PATHS.all, 'openApiDocument', 'This document: every surface'),
  documentOperation(OPENAPI_DOCUMENT_PATHS.v2, 'openApiDocumentV2', 'The /v2/openapi surface alone'),
  documentOperation(OPENAPI_DOCUMENT_PATHS.v3, 'openApiDocumentV3', 'The /v3 surface alone'),
  documentOperation(OPENAPI_DOCUMENT_PATHS.worker, 'openApiDocumentWorker', 'The worker protocol alone'),
  {
    ...publicRoute,
    method: 'get',
    path: DOCS_PATH,
    operationId: 'apiReference',
    summary: 'The rendered API reference (works offline)',
    success: { description: 'An HTML page', contentType: 'text/html', schema: z.string() },
  },
  {
    ...publicRoute,
    method: 'get',
    path: `${DOCS_ASSETS_PREFIX}/{fileName}`,
    operationId: 'apiReferenceAsset',
    summary: "The reference page's scripts and styles (gzip or brotli when accepted)",
    params: { path: z.object({ fileName: z.string() }) },
    success: {
      description: 'A script or style sheet',
      contentType: ['application/javascript', 'text/css'],
      schema: z.string(),
    },
    errors: ['routeNotFound'],
  },
];
