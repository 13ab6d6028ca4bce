// Schemas several surfaces' operations share: raw bytes, a multipart upload, the task id parameter, the create
// headers (Idempotency-Key, X-Task-Start-Deadline).
import { z } from 'zod';

/** A file's bytes (downloads, uploads, worker inputs and outputs). */
export const binarySchema = z.string().meta({ format: 'binary' });

export const multipartFileSchema = z.object({
  file: binarySchema.describe('The file; its type is read from the bytes'),
});

export const taskIdParameter = { path: z.object({ taskId: z.string() }) };

export const createHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .max(255)
    .optional()
    .describe('A retry with the same key and body returns the first task and charges once'),
  'X-Task-Start-Deadline': z
    .string()
    .optional()
    .describe('ISO-8601 time or seconds from now: fail (refunded) if the task has not started by then'),
});
