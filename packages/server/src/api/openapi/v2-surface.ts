// The /v2/openapi surface (tripo-api.md §4–5 and Polyforge's additions) as documented operations: tasks, uploads,
// balance, webhooks, capabilities and signed downloads, with the request schemas the server validates with.
import {
  ACTIVE_TASK_STATUSES,
  TASK_REQUEST_SCHEMAS,
  TASK_STATUSES,
  TASK_TYPES,
  balanceSchema,
  cancelTaskResultSchema,
  cancelTasksResultSchema,
  capabilitiesSchema,
  createdTaskV2Schema,
  createdWebhookEndpointSchema,
  deletedWebhookSchema,
  taskPageV2Schema,
  taskQuoteSchema,
  taskViewV2Schema,
  stsUploadGrantSchema,
  uploadResultV2Schema,
  v2Envelope,
  webhookDeliveryListSchema,
  webhookListSchema,
  type ErrorName,
} from '@polyforge/protocol';
import { z } from 'zod';
import { CANCEL_TASKS_DEFAULTS } from '../../tasks/cancel-tasks.ts';
import { LIST_TASKS_DEFAULTS } from '../../tasks/list-tasks.ts';
import { OUTPUT_CONTENT_TYPES } from '../routes/download-routes.ts';
import type { ApiOperation } from './api-operation.ts';
import { binarySchema, createHeaders, multipartFileSchema, taskIdParameter } from './shared-schemas.ts';

/** Every V2 task request, one schema per `type`, each a named component (TextToModelRequest, ...). */
export const v2TaskRequestSchema = z.union(
  TASK_TYPES.map((type) => (TASK_REQUEST_SCHEMAS[type] as z.ZodType).meta({ id: `${pascalCase(type)}Request` })) as [
    z.ZodType,
    ...z.ZodType[],
  ],
);

function pascalCase(name: string): string {
  return name.replace(/(^|_)(\w)/g, (_match, _separator, letter: string) => letter.toUpperCase());
}

/** What prepareTask can refuse before anything is charged. */
const TASK_REQUEST_ERRORS: readonly ErrorName[] = [
  'invalidParameter',
  'unsupportedTaskType',
  'notAvailable',
  'deprecatedTaskType',
  'deprecatedVersion',
  'invalidModelVersion',
  'fileNotFound',
  'taskNotFound',
  'invalidOriginalTask',
  'originalTaskNotSuccessful',
  'contentPolicyViolation',
  'unsupportedFileType',
  'emptyFile',
  'imageDimensionsOutOfRange',
];

const UPLOAD_ERRORS: readonly ErrorName[] = ['unsupportedFileType', 'emptyFile', 'imageDimensionsOutOfRange'];

const v2 = { tag: 'Tasks (V2)', auth: 'apiKey', surface: 'v2' } as const;
const webhookIdParameter = { path: z.object({ webhookId: z.string() }) };

export const V2_SURFACE_OPERATIONS: readonly ApiOperation[] = [
  {
    ...v2,
    method: 'post',
    path: '/v2/openapi/task',
    operationId: 'createTask',
    summary: 'Create a task',
    description: 'Validates the request, prices it, holds the credits and queues the task, in one transaction.',
    params: { header: createHeaders },
    body: {
      kind: 'json',
      schema: v2TaskRequestSchema,
      required: true,
      description: 'The task `type` and its parameters',
    },
    success: {
      description: 'The task was created (or replayed for a repeated Idempotency-Key)',
      schema: v2Envelope(createdTaskV2Schema),
      headers: { 'Idempotent-Replayed': '"true" when an earlier create with this Idempotency-Key answered' },
    },
    errors: [...TASK_REQUEST_ERRORS, 'insufficientCredits', 'concurrencyLimitExceeded', 'idempotencyKeyReused'],
  },
  {
    ...v2,
    method: 'post',
    path: '/v2/openapi/task/quote',
    operationId: 'quoteTask',
    summary: 'Price a task request without creating it',
    body: { kind: 'json', schema: v2TaskRequestSchema, required: true },
    success: { description: 'The price and whether this deployment serves it', schema: v2Envelope(taskQuoteSchema) },
    errors: TASK_REQUEST_ERRORS,
  },
  {
    ...v2,
    method: 'get',
    path: '/v2/openapi/task/{taskId}',
    operationId: 'getTask',
    summary: 'Get a task, with freshly signed output links',
    params: taskIdParameter,
    success: { description: 'The task', schema: v2Envelope(taskViewV2Schema) },
    errors: ['taskNotFound'],
  },
  {
    ...v2,
    method: 'get',
    path: '/v2/openapi/tasks',
    operationId: 'listTasks',
    summary: "List the account's tasks, newest first",
    params: {
      query: z.object({
        status: z.enum(TASK_STATUSES).optional(),
        type: z.enum(TASK_TYPES).optional(),
        created_after: z.string().optional().describe('Unix seconds or ISO-8601'),
        created_before: z.string().optional().describe('Unix seconds or ISO-8601'),
        limit: z
          .int()
          .min(1)
          .max(LIST_TASKS_DEFAULTS.maxLimit)
          .optional()
          .describe(`Default ${LIST_TASKS_DEFAULTS.limit}`),
        cursor: z.string().optional().describe('`next_cursor` of the previous page'),
      }),
    },
    success: { description: 'One page of tasks', schema: v2Envelope(taskPageV2Schema) },
    errors: ['invalidParameter'],
  },
  {
    ...v2,
    method: 'post',
    path: '/v2/openapi/tasks/cancel',
    operationId: 'cancelTasks',
    summary: 'Cancel every task matching the list filters (a backlog in one call)',
    body: {
      kind: 'json',
      required: false,
      schema: z.object({
        status: z.enum(ACTIVE_TASK_STATUSES).optional().describe('Only tasks in this status; both when left out'),
        type: z.enum(TASK_TYPES).optional(),
        created_after: z.string().optional().describe('Unix seconds or ISO-8601'),
        created_before: z.string().optional().describe('Unix seconds or ISO-8601'),
        limit: z
          .int()
          .min(1)
          .max(CANCEL_TASKS_DEFAULTS.maxLimit)
          .optional()
          .describe(`Default ${CANCEL_TASKS_DEFAULTS.limit}`),
      }),
    },
    success: {
      description: 'How many tasks matched and what happened to each',
      schema: v2Envelope(cancelTasksResultSchema),
    },
    errors: ['invalidParameter'],
  },
  {
    ...v2,
    method: 'post',
    path: '/v2/openapi/task/{taskId}/cancel',
    operationId: 'cancelTask',
    summary: 'Cancel a task (a queued one at once, a running one when its engine returns)',
    params: taskIdParameter,
    success: { description: 'What the cancellation did', schema: v2Envelope(cancelTaskResultSchema) },
    errors: ['taskNotFound'],
  },
  {
    ...v2,
    method: 'get',
    path: '/v2/openapi/task/{taskId}/events',
    operationId: 'streamTaskEvents',
    summary: 'Follow a task as Server-Sent Events',
    description:
      "An `update` event per change and `finalized` with the final state; each event's data is the task object. `error` carries a wire error.",
    params: taskIdParameter,
    success: { description: 'The event stream', contentType: 'text/event-stream', schema: z.string() },
    errors: ['taskNotFound'],
  },
  {
    ...v2,
    method: 'get',
    path: '/v2/openapi/task/watch/{taskId}',
    operationId: 'watchTask',
    summary: 'Follow a task over a WebSocket',
    description:
      'Upgrade to a WebSocket; each message is `{"event": "update" | "finalized", "data": <task>}`, or a wire error before the socket closes.',
    params: taskIdParameter,
    success: { status: 101, description: 'Switching to the WebSocket protocol' },
    errors: ['taskNotFound', 'malformedRequest'],
  },
  {
    ...v2,
    tag: 'Files (V2)',
    method: 'post',
    path: '/v2/openapi/upload',
    operationId: 'uploadFile',
    summary: 'Upload an image or a model',
    body: { kind: 'multipart', schema: multipartFileSchema, required: true },
    success: { description: 'The stored file and its token', schema: v2Envelope(uploadResultV2Schema) },
    errors: UPLOAD_ERRORS,
  },
  {
    ...v2,
    tag: 'Files (V2)',
    method: 'post',
    path: '/v2/openapi/upload/sts',
    operationId: 'uploadFileSts',
    summary: 'Upload an image or a model (the path some SDKs use; same as /upload)',
    body: { kind: 'multipart', schema: multipartFileSchema, required: true },
    success: { description: 'The stored file and its token', schema: v2Envelope(uploadResultV2Schema) },
    errors: UPLOAD_ERRORS,
  },
  {
    ...v2,
    tag: 'Files (V2)',
    method: 'post',
    path: '/v2/openapi/upload/sts/token',
    operationId: 'getStsUploadToken',
    summary: 'Temporary S3 credentials for one upload (the STS flow of the Python SDK)',
    description:
      'PUT the file (PutObject, or multipart above 8 MB) to https://<s3_host>/<resource_bucket>/<resource_uri> with AWS Signature V4 and these credentials, then reference it as {"object": {"bucket": resource_bucket, "key": resource_uri}}. The S3-compatible endpoint answers in S3\'s XML (docs/compatibility.md).',
    body: {
      kind: 'json',
      schema: z.object({
        format: z
          .enum(['jpeg', 'jpg', 'png', 'webp', 'glb', 'gltf', 'obj', 'fbx', 'stl'])
          .describe('Names the key; the bytes are typed by content'),
      }),
      required: true,
    },
    success: { description: "The credentials, in Tripo's shape", schema: v2Envelope(stsUploadGrantSchema) },
    errors: ['invalidParameter'],
  },
  {
    ...v2,
    tag: 'Account (V2)',
    method: 'get',
    path: '/v2/openapi/user/balance',
    operationId: 'getBalance',
    summary: 'Credits spendable and held',
    success: { description: 'The balance', schema: v2Envelope(balanceSchema) },
    errors: [],
  },
  {
    ...v2,
    tag: 'Account (V2)',
    method: 'get',
    path: '/v2/openapi/user/wallet/balance',
    operationId: 'getWalletBalance',
    summary: 'Credits spendable and held (alias)',
    success: { description: 'The balance', schema: v2Envelope(balanceSchema) },
    errors: [],
  },
  {
    ...v2,
    tag: 'Account (V2)',
    method: 'get',
    path: '/v2/openapi/capabilities',
    operationId: 'getCapabilities',
    summary: 'What this deployment serves, per task type and model_version, and its worker pools',
    success: { description: 'The capabilities', schema: v2Envelope(capabilitiesSchema) },
    errors: [],
  },
  {
    ...v2,
    tag: 'Webhooks',
    method: 'post',
    path: '/v2/openapi/webhooks',
    operationId: 'createWebhook',
    summary: 'Register a webhook endpoint (the signing secret is shown once)',
    body: { kind: 'json', schema: z.object({ url: z.string().describe('An absolute http(s) URL') }), required: true },
    success: { description: 'The endpoint', schema: v2Envelope(createdWebhookEndpointSchema) },
    errors: ['invalidParameter'],
  },
  {
    ...v2,
    tag: 'Webhooks',
    method: 'get',
    path: '/v2/openapi/webhooks',
    operationId: 'listWebhooks',
    summary: "The account's webhook endpoints",
    success: { description: 'The endpoints', schema: v2Envelope(webhookListSchema) },
    errors: [],
  },
  {
    ...v2,
    tag: 'Webhooks',
    method: 'delete',
    path: '/v2/openapi/webhooks/{webhookId}',
    operationId: 'deleteWebhook',
    summary: 'Remove a webhook endpoint',
    params: webhookIdParameter,
    success: { description: 'Removed', schema: v2Envelope(deletedWebhookSchema) },
    errors: ['webhookEndpointNotFound'],
  },
  {
    ...v2,
    tag: 'Webhooks',
    method: 'get',
    path: '/v2/openapi/webhooks/{webhookId}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'The delivery log of one endpoint, newest first',
    params: {
      ...webhookIdParameter,
      query: z.object({ limit: z.int().min(1).max(200).optional().describe('Default 50') }),
    },
    success: { description: 'The deliveries', schema: v2Envelope(webhookDeliveryListSchema) },
    errors: ['webhookEndpointNotFound', 'invalidParameter'],
  },
  {
    tag: 'Downloads',
    auth: 'none',
    surface: 'v2',
    method: 'get',
    path: '/v2/openapi/downloads/{taskId}/{fileName}',
    operationId: 'downloadOutput',
    summary: 'Download a task output through its signed link',
    description:
      'The signature is the credential (an Authorization header is ignored). With S3 storage in redirect mode the answer is 302 to a presigned S3 URL.',
    params: {
      path: z.object({ taskId: z.string(), fileName: z.string() }),
      query: z.object({ expires: z.string().optional().describe('Unix seconds'), signature: z.string().optional() }),
    },
    success: {
      description: 'The file',
      contentType: [...new Set(Object.values(OUTPUT_CONTENT_TYPES))],
      schema: binarySchema,
    },
    errors: ['forbidden', 'fileNotFound'],
  },
];
