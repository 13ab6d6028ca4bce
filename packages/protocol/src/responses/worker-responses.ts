// The `data` of each worker-protocol response (/worker/v1, docs/worker-protocol.md): registration, leases,
// heartbeats, staged outputs, completion and failure.
import { z } from 'zod';

export const registeredWorkerSchema = z.object({
  worker_id: z.string(),
  name: z.string(),
  capabilities: z.array(z.string()).describe('The worker pools it serves'),
  task_types: z.array(z.string()).nullable(),
  model_versions: z.array(z.string()).nullable(),
  lease_seconds: z.int(),
  heartbeat_interval_seconds: z.int(),
});

export const workerLeaseInputSchema = z.object({
  name: z.string(),
  kind: z.enum(['image', 'model']),
  format: z.string(),
  file_name: z.string(),
  size_bytes: z.int(),
  path: z.string().describe("The input's download under the worker API, relative to its base URL"),
  url: z.string().describe('The same download as an absolute URL'),
});

export const workerLeaseSchema = z.object({
  lease_id: z.string(),
  task_id: z.string(),
  request_id: z
    .string()
    .nullable()
    .describe('The X-Request-Id of the API request that created the task: log it, send it on to providers'),
  task_type: z.string(),
  model_version: z.string().nullable(),
  attempt: z.int(),
  max_attempts: z.int(),
  lease_expires_at: z.number().describe('Unix milliseconds'),
  lease_seconds: z.int(),
  heartbeat_interval_seconds: z.int(),
  request: z.record(z.string(), z.unknown()),
  inputs: z.array(workerLeaseInputSchema),
});

/** POST /lease: `lease` is null when no task came within the wait. */
export const leaseResultSchema = z.object({ lease: workerLeaseSchema.nullable() });
export const leaseViewSchema = z.object({ lease: workerLeaseSchema });

export const heartbeatResultSchema = z.object({
  lease_expires_at: z.number(),
  cancel_requested: z.boolean().describe('The client cancelled: stop and call fail or complete'),
});

export const storedOutputSchema = z.object({ output_key: z.string(), size_bytes: z.int(), mime_type: z.string() });
export const completeResultSchema = z.object({ status: z.enum(['success', 'cancelled']) });
export const failResultSchema = z.object({ status: z.enum(['queued', 'failed', 'cancelled']) });
