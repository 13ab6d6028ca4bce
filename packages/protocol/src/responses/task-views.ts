// The task object as each API generation presents it: V2 (tripo-api.md §5) and V3 (§6.4).
import { z } from 'zod';
import { V3_TASK_STATUSES, WIRE_TASK_STATUSES } from '../task-status.ts';

const jsonObject = () => z.record(z.string(), z.unknown());

export const taskViewV2Schema = z.object({
  task_id: z.string(),
  type: z.string().describe('The task type (POST /v2/openapi/task `type`)'),
  status: z
    .enum(WIRE_TASK_STATUSES)
    .describe('`unknown` is in the wire enum for compatibility; this server never sends it'),
  input: jsonObject().describe('The request as validated, defaults filled in'),
  output: jsonObject().describe(
    'Signed, short-lived download URLs (or objects of them) and non-file results; `{}` until success',
  ),
  progress: z.int().min(0).max(100),
  create_time: z.int().describe('Unix seconds'),
  running_left_time: z.number().nullable().describe('Estimated seconds left; null when not known'),
  queuing_num: z.int().describe('Queue position; -1 when not queued'),
  consumed_credit: z.number(),
  error_code: z.int().optional().describe('Why the task failed (docs/errors.md, task failures)'),
  error_msg: z.string().optional(),
  result: jsonObject(),
  test_mode: z.literal(true).optional().describe('Present only on tasks created with a test-mode key'),
});
export type TaskViewV2 = z.output<typeof taskViewV2Schema>;

export const taskViewV3Schema = z.object({
  task_id: z.string(),
  type: z.string(),
  status: z.enum(V3_TASK_STATUSES),
  progress: z.int().min(0).max(100),
  input: jsonObject(),
  output: jsonObject().describe('`model_url`, `<key>_url` download links and non-file results; `{}` until success'),
  credits_consumed: z.number().describe('Two decimals; 0 unless the task succeeded'),
  created_at: z.string().describe('ISO-8601 UTC'),
  completed_at: z.string().nullable(),
  error_code: z.int().optional(),
  error_message: z.string().optional(),
  test_mode: z.literal(true).optional().describe('Present only on tasks created with a test-mode key'),
  generation: jsonObject()
    .optional()
    .describe(
      'Polyforge extension: what the embedded generator made of the prompt (subject, materials, seeds); kept out of `output`',
    ),
});
export type TaskViewV3 = z.output<typeof taskViewV3Schema>;
