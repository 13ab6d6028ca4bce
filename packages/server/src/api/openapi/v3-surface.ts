// The /v3 surface (tripo-api.md §6) as documented operations: one creation endpoint per V3 operation, its body
// the V3 input fields plus the options of the V2 task type it creates (the same zod fields the core validates
// with after translation), tasks by id, files and presigned uploads, balance and usage.
import {
  TASK_REQUEST_SCHEMAS,
  balanceV3Schema,
  createdTaskV3Schema,
  fileViewV3Schema,
  presignedUploadV3Schema,
  taskListV3Schema,
  taskViewV3Schema,
  uploadCredentialsV3Schema,
  usageV3Schema,
  v3Envelope,
  type ErrorName,
  type TaskType,
} from '@polyforge/protocol';
import { z } from 'zod';
import { MAX_LISTED_TASK_IDS } from '../routes/v3-task-routes.ts';
import { ACCOUNT_USAGE_DEFAULTS } from '../v3/account-usage.ts';
import {
  V3_DECIMATE_MODELS,
  V3_GENERATION_MODELS,
  V3_IMAGE_MODELS,
  V3_OPERATIONS,
  V3_UNAVAILABLE_GENERATION_MODELS,
  type V3Operation,
} from '../v3/v3-operations.ts';
import { V3_IMAGE_ONLY_OPTIONS } from '../v3/v3-model-rules.ts';
import type { ApiOperation } from './api-operation.ts';
import { binarySchema, createHeaders, multipartFileSchema, taskIdParameter } from './shared-schemas.ts';

/** One V3 input: a `file_<uuid>` token, an http(s) URL, a task id, or an object naming one of them. */
export const v3InputSchema = z.union([
  z.string().describe('A file_<uuid> token from POST /v3/files, an http(s) URL, or the id of an earlier task'),
  z.object({
    file_token: z.string().optional(),
    url: z.string().optional(),
    object: z.object({ bucket: z.string(), key: z.string() }).optional(),
    task_id: z.string().optional(),
    type: z.string().optional(),
  }),
]);

/** V2 request fields the V3 endpoint sets itself (from the path and `input`/`inputs`). */
const TRANSLATED_FIELDS = [
  'type',
  'file',
  'files',
  'original_model_task_id',
  'draft_model_task_id',
  'original_task_id',
];

const modelField: Record<V3Operation['model'], z.ZodType> = {
  generation: z.enum([...V3_GENERATION_MODELS, ...V3_UNAVAILABLE_GENERATION_MODELS]),
  texture: z.string().optional(),
  rig: z.string().optional(),
  decimate: z.enum(Object.keys(V3_DECIMATE_MODELS) as [string, ...string[]]).optional(),
  'text-to-image': z.enum(Object.keys(V3_IMAGE_MODELS) as [string, ...string[]]).optional(),
  'image-to-image': z.enum(Object.keys(V3_IMAGE_MODELS) as [string, ...string[]]).optional(),
  'pass-through': z.string().optional(),
};

const inputFields: Record<V3Operation['input'], Record<string, z.ZodType>> = {
  none: {},
  image: { input: v3InputSchema },
  images: { input: v3InputSchema.optional(), inputs: z.array(v3InputSchema).optional() },
  multiview: {
    input: v3InputSchema.optional().describe('A multiview image task id, instead of inputs'),
    inputs: z
      .array(z.union([v3InputSchema, z.record(z.string(), v3InputSchema)]))
      .optional()
      .describe('The views, front first'),
  },
  'model-file': { input: z.string().describe('The file_<uuid> token of an uploaded model') },
  task: { input: z.string().describe('The id of the task to build on') },
};

/** The body of one creation endpoint; endpoints without a task type here take any object and answer 2002. */
export function v3CreationBodyOf(operation: V3Operation): z.ZodType {
  if (operation.taskType === null) return z.record(z.string(), z.unknown());
  const options = Object.fromEntries(
    Object.entries(objectShapeOf(operation.taskType)).filter(([field]) => !TRANSLATED_FIELDS.includes(field)),
  );
  const imageOptions =
    operation.model === 'text-to-image' || operation.model === 'image-to-image'
      ? Object.fromEntries(
          V3_IMAGE_ONLY_OPTIONS.map((option) => [
            option,
            option === 'watermark' ? z.boolean().optional() : z.string().optional(),
          ]),
        )
      : {};
  return z.object({ ...options, ...imageOptions, ...inputFields[operation.input], model: modelField[operation.model] });
}

/** The field schemas of a V2 task request (its object before the normalising transform, where it has one). */
function objectShapeOf(taskType: TaskType): z.ZodRawShape {
  const schema = TASK_REQUEST_SCHEMAS[taskType] as z.ZodType;
  const object = schema instanceof z.ZodPipe ? schema.in : schema;
  if (!(object instanceof z.ZodObject)) throw new Error(`the ${taskType} request schema is not an object`);
  return object.shape;
}

const CREATION_ERRORS: readonly ErrorName[] = [
  'invalidParameter',
  'notAvailable',
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
  'insufficientCredits',
  'concurrencyLimitExceeded',
  'idempotencyKeyReused',
];
const UPLOAD_ERRORS: readonly ErrorName[] = ['unsupportedFileType', 'emptyFile', 'imageDimensionsOutOfRange'];

const v3 = { auth: 'apiKey', surface: 'v3' } as const;
const presignBody = z.object({
  format: z.string().optional().describe('The format the bytes will have (glb, png, ...); others are refused'),
});

const creationOperations: ApiOperation[] = V3_OPERATIONS.map((operation) => ({
  ...v3,
  tag: 'Tasks (V3)',
  method: 'post',
  path: `/v3/${operation.path}`,
  operationId: `v3${operation.path.replace(/(^|[/-])(\w)/g, (_match, _separator, letter: string) => letter.toUpperCase())}`,
  summary: operation.taskType
    ? `Create a ${operation.taskType} task`
    : 'Not available on this deployment (answers 2002, charges nothing)',
  params: { header: createHeaders },
  body: { kind: 'json', schema: v3CreationBodyOf(operation), required: true },
  success: {
    description: 'The task was created',
    schema: v3Envelope(createdTaskV3Schema),
    headers: { 'Idempotent-Replayed': '"true" when an earlier create with this Idempotency-Key answered' },
  },
  errors: CREATION_ERRORS,
}));

export const V3_SURFACE_OPERATIONS: readonly ApiOperation[] = [
  ...creationOperations,
  {
    ...v3,
    tag: 'Tasks (V3)',
    method: 'get',
    path: '/v3/tasks/{taskId}',
    operationId: 'v3GetTask',
    summary: 'Get a task, with freshly signed output links',
    params: taskIdParameter,
    success: { description: 'The task', schema: v3Envelope(taskViewV3Schema) },
    errors: ['taskNotFound'],
  },
  {
    ...v3,
    tag: 'Tasks (V3)',
    method: 'post',
    path: '/v3/tasks/list',
    operationId: 'v3ListTasks',
    summary: 'Several tasks by id',
    body: {
      kind: 'json',
      schema: z.object({ task_ids: z.array(z.string()).min(1).max(MAX_LISTED_TASK_IDS) }),
      required: true,
    },
    success: { description: 'The tasks found and the ids missed', schema: v3Envelope(taskListV3Schema) },
    errors: ['invalidParameter'],
  },
  {
    ...v3,
    tag: 'Files (V3)',
    method: 'post',
    path: '/v3/files',
    operationId: 'v3UploadFile',
    summary: 'Upload an image or a model',
    body: { kind: 'multipart', schema: multipartFileSchema, required: true },
    success: { description: 'The stored file', schema: v3Envelope(fileViewV3Schema) },
    errors: UPLOAD_ERRORS,
  },
  {
    ...v3,
    tag: 'Files (V3)',
    method: 'post',
    path: '/v3/files/presign',
    operationId: 'v3PresignUpload',
    summary: 'A signed URL to PUT one file to',
    body: { kind: 'json', schema: presignBody, required: false },
    success: { description: 'The upload slot', schema: v3Envelope(presignedUploadV3Schema) },
    errors: ['invalidParameter', 'unsupportedFileType'],
  },
  {
    ...v3,
    tag: 'Files (V3)',
    method: 'post',
    path: '/v3/files/upload-credentials',
    operationId: 'v3UploadCredentials',
    summary: 'A signed URL for a large file (the same signed PUT; there are no STS credentials here)',
    body: { kind: 'json', schema: presignBody, required: false },
    success: { description: 'The upload slot', schema: v3Envelope(uploadCredentialsV3Schema) },
    errors: ['invalidParameter', 'unsupportedFileType'],
  },
  {
    auth: 'none',
    surface: 'v3',
    tag: 'Files (V3)',
    method: 'put',
    path: '/v3/files/uploads/{uploadId}',
    operationId: 'v3PutUpload',
    summary: 'The bytes of a presigned upload (the URL carries its signature; no API key)',
    params: { path: z.object({ uploadId: z.string() }), query: z.object({ signature: z.string().optional() }) },
    body: { kind: 'bytes', schema: binarySchema, required: true },
    success: { description: 'The stored file', schema: v3Envelope(fileViewV3Schema) },
    errors: ['forbidden', ...UPLOAD_ERRORS],
  },
  {
    ...v3,
    tag: 'Account (V3)',
    method: 'get',
    path: '/v3/account/balance',
    operationId: 'v3GetBalance',
    summary: 'Credits spendable and held',
    success: { description: 'The balance', schema: v3Envelope(balanceV3Schema) },
    errors: [],
  },
  {
    ...v3,
    tag: 'Account (V3)',
    method: 'get',
    path: '/v3/account/usage',
    operationId: 'v3GetUsage',
    summary: "The account's tasks and what each cost, newest first",
    params: {
      query: z.object({
        limit: z
          .int()
          .min(1)
          .max(ACCOUNT_USAGE_DEFAULTS.maxLimit)
          .optional()
          .describe(`Default ${ACCOUNT_USAGE_DEFAULTS.limit}`),
        offset: z.int().min(0).optional(),
      }),
    },
    success: { description: 'Usage entries', schema: v3Envelope(usageV3Schema) },
    errors: ['invalidParameter'],
  },
];
