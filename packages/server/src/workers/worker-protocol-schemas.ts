// Request bodies of the worker protocol (/worker/v1), validated with zod; a bad body is error 1004 naming the field.
import { ERROR_CATALOG, TASK_TYPES, WORKER_FAILURE_CODES } from '@polyforge/protocol';
import { z } from 'zod';
import { DomainError } from '../domain-error.ts';

const poolName = z.string().regex(/^([a-z0-9][a-z0-9_.-]{0,63}|\*)$/, 'must be a worker pool name or "*"');

export const registerBodySchema = z
  .object({
    name: z.string().min(1).max(100).optional(),
    /** pools this worker serves; default: every pool its token may serve */
    capabilities: z.array(poolName).min(1).max(50).optional(),
    /** narrows leases to these task types; default: any type the pools serve */
    task_types: z.array(z.enum(TASK_TYPES)).min(1).max(TASK_TYPES.length).optional(),
    /** narrows leases to these model_version values (e.g. one checkpoint per worker) */
    model_versions: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
    version: z.string().max(100).optional(),
  })
  .strict();

export const leaseBodySchema = z
  .object({
    worker_id: z.uuid('must be the worker_id that register returned'),
    /** long poll: wait up to this long for a task before answering "no task" */
    wait_seconds: z.number().min(0).max(30).default(0),
  })
  .strict();

export const heartbeatBodySchema = z
  .object({
    progress: z.number().min(0).max(100).optional(),
  })
  .strict();

export const completeBodySchema = z
  .object({
    /** non-file outputs merged into task.output, e.g. {"riggable": true, "rig_type": "biped"} */
    result: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'result keys are snake_case names'), z.unknown())
      .optional(),
  })
  .strict();

export const failBodySchema = z
  .object({
    retryable: z.boolean(),
    error_code: z
      .number()
      .int()
      // the catalogue's worker failures (WORKER_FAILURE_NAMES; docs/errors.md, "Task failures")
      .refine((code) => WORKER_FAILURE_CODES.includes(code), `must be one of ${WORKER_FAILURE_CODES.join(', ')}`)
      .default(ERROR_CATALOG.engineFailed.code),
    message: z.string().min(1).max(1000),
  })
  .strict();

export function parseWorkerBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
  });
  throw new DomainError('invalidParameter', problems.join('; '));
}
