// The worker protocol (/worker/v1, docs/worker-protocol.md) as documented operations, with the request schemas
// the worker routes validate with.
import {
  completeResultSchema,
  failResultSchema,
  heartbeatResultSchema,
  leaseResultSchema,
  leaseViewSchema,
  registeredWorkerSchema,
  storedOutputSchema,
  v2Envelope,
} from '@polyforge/protocol';
import { z } from 'zod';
import {
  completeBodySchema,
  failBodySchema,
  heartbeatBodySchema,
  leaseBodySchema,
  registerBodySchema,
} from '../../workers/worker-protocol-schemas.ts';
import type { ApiOperation } from './api-operation.ts';
import { binarySchema } from './shared-schemas.ts';

const worker = { tag: 'Worker protocol', auth: 'workerToken', surface: 'v2' } as const;
const leaseParameter = { path: z.object({ leaseId: z.string() }) };

export const WORKER_SURFACE_OPERATIONS: readonly ApiOperation[] = [
  {
    ...worker,
    method: 'post',
    path: '/worker/v1/register',
    operationId: 'workerRegister',
    summary: 'Register a worker and the pools, task types and model versions it serves',
    body: { kind: 'json', schema: registerBodySchema, required: false },
    success: { description: 'The registered worker', schema: v2Envelope(registeredWorkerSchema) },
    errors: ['invalidParameter', 'forbidden'],
  },
  {
    ...worker,
    method: 'post',
    path: '/worker/v1/lease',
    operationId: 'workerLease',
    summary: 'Lease the next task (long poll up to wait_seconds)',
    body: { kind: 'json', schema: leaseBodySchema, required: true },
    success: {
      description: 'A lease, or null when no task came within the wait',
      schema: v2Envelope(leaseResultSchema),
    },
    errors: ['invalidParameter'],
  },
  {
    ...worker,
    method: 'get',
    path: '/worker/v1/leases/{leaseId}',
    operationId: 'workerGetLease',
    summary: 'A lease this worker holds',
    params: leaseParameter,
    success: { description: 'The lease', schema: v2Envelope(leaseViewSchema) },
    errors: ['workerLeaseLost'],
  },
  {
    ...worker,
    method: 'get',
    path: '/worker/v1/leases/{leaseId}/inputs/{name}',
    operationId: 'workerReadInput',
    summary: "One of the leased task's input files",
    params: { path: z.object({ leaseId: z.string(), name: z.string() }) },
    success: {
      description: 'The bytes, with the media type of their format',
      contentType: '*/*',
      schema: binarySchema,
    },
    errors: ['workerLeaseLost', 'fileNotFound'],
  },
  {
    ...worker,
    method: 'post',
    path: '/worker/v1/leases/{leaseId}/heartbeat',
    operationId: 'workerHeartbeat',
    summary: 'Extend the lease and report progress',
    params: leaseParameter,
    body: { kind: 'json', schema: heartbeatBodySchema, required: false },
    success: {
      description: 'The new expiry, and whether the client cancelled',
      schema: v2Envelope(heartbeatResultSchema),
    },
    errors: ['invalidParameter', 'workerLeaseLost'],
  },
  {
    ...worker,
    method: 'put',
    path: '/worker/v1/leases/{leaseId}/outputs/{outputKey}',
    operationId: 'workerPutOutput',
    summary: 'Stage one output file (complete publishes it)',
    params: {
      path: z.object({ leaseId: z.string(), outputKey: z.string() }),
      query: z.object({ extension: z.string().optional().describe('Default: from the Content-Type') }),
    },
    body: { kind: 'bytes', schema: binarySchema, required: true },
    success: { description: 'The staged output', schema: v2Envelope(storedOutputSchema) },
    errors: ['invalidParameter', 'emptyFile', 'unsupportedFileType', 'workerLeaseLost'],
  },
  {
    ...worker,
    method: 'post',
    path: '/worker/v1/leases/{leaseId}/complete',
    operationId: 'workerComplete',
    summary: 'Publish the staged outputs and finish the task (success, charged)',
    params: leaseParameter,
    body: { kind: 'json', schema: completeBodySchema, required: false },
    success: { description: 'The final status', schema: v2Envelope(completeResultSchema) },
    errors: ['invalidParameter', 'workerLeaseLost', 'fileNotFound'],
  },
  {
    ...worker,
    method: 'post',
    path: '/worker/v1/leases/{leaseId}/fail',
    operationId: 'workerFail',
    summary: 'Report a failure (retried while attempts are left, else failed and refunded)',
    params: leaseParameter,
    body: { kind: 'json', schema: failBodySchema, required: true },
    success: { description: 'The status after the failure', schema: v2Envelope(failResultSchema) },
    errors: ['invalidParameter', 'workerLeaseLost'],
  },
];
