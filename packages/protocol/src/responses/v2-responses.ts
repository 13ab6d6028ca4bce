// The `data` of each /v2/openapi response beside the task object: created task, quote, task pages, cancel,
// balance, uploads, webhooks and their deliveries, capabilities.
import { z } from 'zod';
import { WIRE_TASK_STATUSES } from '../task-status.ts';
import { taskViewV2Schema } from './task-views.ts';

export const createdTaskV2Schema = z.object({ task_id: z.string() });

export const taskQuoteSchema = z.object({
  credits: z.number().describe('What the task would hold and, on success, charge'),
  available: z
    .boolean()
    .describe('Whether this deployment serves the request (false: a create answers 2002 and charges nothing)'),
  lines: z.array(z.object({ item: z.string(), credits: z.number() })),
});
export type TaskQuote = z.output<typeof taskQuoteSchema>;

export const taskPageV2Schema = z.object({
  tasks: z.array(taskViewV2Schema),
  next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});

export const CANCEL_RESULTS = ['cancelled', 'cancellation_requested', 'already_finished'] as const;
export type CancelResult = (typeof CANCEL_RESULTS)[number];

export const cancelTaskResultSchema = z.object({
  task_id: z.string(),
  result: z
    .enum(CANCEL_RESULTS)
    .describe('cancelled: was queued, credits released; cancellation_requested: running; already_finished'),
  status: z.enum(WIRE_TASK_STATUSES),
});
export type CancelTaskResult = z.output<typeof cancelTaskResultSchema>;

/** POST /v2/openapi/tasks/cancel: how many tasks matched and what happened to them */
export const cancelTasksResultSchema = z.object({
  matched: z.int(),
  cancelled: z.int().describe('queued tasks released, their holds refunded'),
  cancellation_requested: z.int().describe('running tasks asked to stop'),
  already_finished: z.int(),
  task_ids: z.array(z.string()),
  has_more: z.boolean().describe('more matching tasks remain: call again'),
});
export type CancelTasksResult = z.output<typeof cancelTasksResultSchema>;

export const balanceSchema = z.object({
  balance: z.number().describe('Spendable credits'),
  frozen: z.number().describe('Credits held by queued and running tasks'),
});
export type Balance = z.output<typeof balanceSchema>;

export const uploadResultV2Schema = z.object({
  image_token: z.string().describe('Use as `file_token` in a task request'),
  file_token: z.string(),
  type: z.string().describe('The format read from the bytes (jpg, png, webp, glb, ...)'),
});

/** POST /v2/openapi/upload/sts/token: temporary S3 credentials for one object key (tripo-api.md §3). */
export const stsUploadGrantSchema = z.object({
  s3_host: z.string().describe('Host (and path) of the S3-compatible upload endpoint; clients prefix https://'),
  resource_bucket: z.string().describe('The bucket to PUT into (path-style)'),
  resource_uri: z
    .string()
    .describe('The one object key these credentials may write; reference it as {"object": {"bucket", "key"}}'),
  session_token: z.string(),
  sts_ak: z.string().describe('Access key id'),
  sts_sk: z.string().describe('Secret access key'),
});

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  created_at: z.string().describe('ISO-8601'),
});
export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;

/** Only the create call shows the signing secret. */
export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({
  secret: z.string().describe('whsec_...; shown once'),
});
export type CreatedWebhookEndpoint = z.output<typeof createdWebhookEndpointSchema>;

export const webhookListSchema = z.object({ webhooks: z.array(webhookEndpointSchema) });
export const deletedWebhookSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.int(),
  last_status_code: z.int().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  created_at: z.string(),
  delivered_at: z.string().nullable(),
});
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });

const servedModelVersionSchema = z.object({
  model_version: z.string(),
  served: z.boolean(),
  engine: z.string().optional(),
  deployment_model: z
    .literal(true)
    .optional()
    .describe("A name this deployment publishes itself (an operator's hosted 3D provider model), not a Tripo version"),
  credits: z
    .object({ textured: z.int().min(0), untextured: z.int().min(0) })
    .optional()
    .describe('Deployment names: credits per task'),
  degraded: z
    .literal(true)
    .optional()
    .describe("The engine's third-party provider is failing and skipped for now (circuit breaker open)"),
  degraded_detail: z.string().optional(),
});

export const taskTypeCapabilitySchema = z.object({
  type: z.string(),
  served: z.boolean(),
  engine: z
    .string()
    .optional()
    .describe('The engine, when the type has no model_version or one engine serves all of them'),
  model_versions: z.array(servedModelVersionSchema).optional(),
});
export type TaskTypeCapability = z.output<typeof taskTypeCapabilitySchema>;
export type ServedModelVersion = z.output<typeof servedModelVersionSchema>;

export const providerHealthSchema = z.object({
  provider: z.string(),
  status: z.enum(['ok', 'degraded']),
  breaker: z.enum(['closed', 'open', 'half_open']),
  retry_at: z.string().optional().describe('When an open breaker lets a trial request through'),
  in_flight: z.int().min(0),
  waiting: z.int().min(0),
  max_concurrent: z.int().min(1),
  tasks_per_minute: z.int().min(1),
});

export const capabilitiesSchema = z.object({
  task_types: z.array(taskTypeCapabilitySchema),
  worker_pools: z.array(z.object({ pool: z.string(), workers_online: z.int().min(0) })),
  providers: z.array(providerHealthSchema).describe('Hosted 3D providers configured on this deployment'),
});
