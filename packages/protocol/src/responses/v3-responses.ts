// The `data` of each /v3 response beside the task object: created task, tasks by id, files and presigned
// uploads, balance and usage (tripo-api.md §6).
import { z } from 'zod';
import { V3_TASK_STATUSES } from '../task-status.ts';
import { taskViewV3Schema } from './task-views.ts';

export const createdTaskV3Schema = z.object({
  task_id: z.string(),
  type: z.string(),
  status: z.enum(V3_TASK_STATUSES),
});

export const taskListV3Schema = z.object({
  tasks: z.record(z.string(), taskViewV3Schema).describe('The tasks found, by id'),
  missed: z.array(z.string()).describe('Ids that name no task of this account'),
});

export const fileViewV3Schema = z.object({
  file_token: z.string().describe('file_<uuid>: use as `input`'),
  type: z.string().describe('The format read from the bytes'),
  size: z.int().min(0).describe('Bytes'),
});

export const presignedUploadV3Schema = z.object({
  file_token: z.string(),
  presigned_url: z.string().describe('PUT the bytes here; the URL carries its own signature'),
  upload_url: z.string(),
  method: z.literal('PUT'),
  expires_in: z.int().describe('Seconds'),
});

export const uploadCredentialsV3Schema = z.object({
  file_token: z.string(),
  upload_url: z.string(),
  method: z.literal('PUT'),
  expires_at: z.string().describe('ISO-8601 UTC'),
  expires_in: z.int().describe('Seconds'),
});

export const balanceV3Schema = z.object({
  balance: z.number().describe('Spendable credits, two decimals'),
  frozen: z.number(),
});

export const usageEntryV3Schema = z.object({
  task_id: z.string(),
  type: z.string(),
  status: z.enum(V3_TASK_STATUSES),
  credits_consumed: z.number(),
  created_at: z.string(),
});
export type UsageEntryV3 = z.output<typeof usageEntryV3Schema>;

export const usageV3Schema = z.array(usageEntryV3Schema);
