// The one table that maps each domain error to the wire: numeric code, HTTP status, message, suggestion.
// Codes and statuses follow the Tripo error table (shared/spec/tripo-api.md §8.2).

export const ERROR_CATALOG = {
  internal: {
    code: 1000,
    httpStatus: 500,
    retryable: true,
    message: 'Unknown error on server side',
    suggestion: 'Retry later; if it persists, contact the operator with the X-Tripo-Trace-ID header.',
  },
  // A database outage or timeout: the request may not have been applied, and retrying is safe (creates with an
  // Idempotency-Key are never charged twice). 503 makes the official SDKs retry it, also for POST.
  serviceUnavailable: {
    code: 1000,
    httpStatus: 503,
    retryable: true,
    message: 'The service is temporarily unavailable',
    suggestion:
      'Retry after the number of seconds in the Retry-After header; send an Idempotency-Key with creates so a retry never charges twice.',
  },
  authenticationFailed: {
    code: 1002,
    httpStatus: 401,
    retryable: false,
    message: 'Authentication failed',
    suggestion: 'Send "Authorization: Bearer tsk_..." with an active API key.',
  },
  malformedRequest: {
    code: 1003,
    httpStatus: 400,
    retryable: false,
    message: 'The request body is malformed',
    suggestion:
      'Send a JSON object with Content-Type: application/json; refer to the API documentation for the request schema.',
  },
  invalidParameter: {
    code: 1004,
    httpStatus: 400,
    retryable: false,
    message: 'One or more of your parameter is invalid',
    suggestion: 'Refer to the API documentation for parameter requirements.',
  },
  forbidden: {
    code: 1005,
    httpStatus: 403,
    retryable: false,
    message: 'You are not allowed to access this resource',
    suggestion: 'Request a fresh download link by getting the task again; links expire quickly.',
  },
  payloadTooLarge: {
    code: 1006,
    httpStatus: 413,
    retryable: false,
    message: 'The request body or uploaded file is too large',
    suggestion: 'Stay under the size limit named in the message.',
  },
  idempotencyKeyReused: {
    code: 1008,
    httpStatus: 409,
    retryable: false,
    message: 'The Idempotency-Key was already used with a different request',
    suggestion: 'Use a new Idempotency-Key for a new request; reuse a key only to retry the exact same request.',
  },
  rateLimited: {
    code: 1007,
    httpStatus: 429,
    retryable: true,
    message: 'Rate limit exceeded',
    suggestion: 'Slow down and retry after the number of seconds in the Retry-After header.',
  },
  concurrencyLimitExceeded: {
    code: 2000,
    httpStatus: 429,
    retryable: true,
    message: 'You have exceeded the limit of generation',
    suggestion:
      'Wait for a queued or running task to finish (see Retry-After), or ask the operator for a higher concurrency limit.',
  },
  taskNotFound: {
    code: 2001,
    httpStatus: 404,
    retryable: false,
    message: 'Task not found',
    suggestion: 'Check the task id; a task can only be read with a key of the account that created it.',
  },
  unsupportedTaskType: {
    code: 2002,
    httpStatus: 400,
    retryable: false,
    message: 'The task type is unsupported',
    suggestion: 'Use one of the task types listed in the API documentation.',
  },
  notAvailable: {
    code: 2002,
    httpStatus: 400,
    retryable: false,
    message: 'Not available on this deployment',
    suggestion:
      'Nothing was charged. POST /v2/openapi/task/quote tells whether a request is available here; ask the operator which task types are served.',
  },
  emptyFile: {
    code: 2003,
    httpStatus: 400,
    retryable: false,
    message: 'The input file is empty',
    suggestion: 'Upload a non-empty file.',
  },
  unsupportedFileType: {
    code: 2004,
    httpStatus: 400,
    retryable: false,
    message: 'The file type is unsupported',
    suggestion: 'Upload a JPEG, PNG or WebP image, or a GLB, glTF, OBJ, STL or FBX model.',
  },
  invalidOriginalTask: {
    code: 2006,
    httpStatus: 400,
    retryable: false,
    message: 'The type of the input original task is invalid',
    suggestion: 'Use a source task whose type this task accepts.',
  },
  originalTaskNotSuccessful: {
    code: 2007,
    httpStatus: 400,
    retryable: false,
    message: 'The status of the original task is not success',
    suggestion: 'Wait until the source task has status "success".',
  },
  contentPolicyViolation: {
    code: 2008,
    httpStatus: 400,
    retryable: false,
    message: 'Task is rejected because the input violates our content policy',
    suggestion: 'Revise your input. If you believe it is compliant, contact support.',
  },
  insufficientCredits: {
    code: 2010,
    httpStatus: 403,
    retryable: false,
    message: "You don't have enough credits to start a new task",
    suggestion: 'Check your balance and buy or request more credits.',
  },
  deprecatedVersion: {
    code: 2015,
    httpStatus: 400,
    retryable: false,
    message: 'The version has been deprecated, please try higher version',
    suggestion: 'Use a current model_version.',
  },
  deprecatedTaskType: {
    code: 2016,
    httpStatus: 400,
    retryable: false,
    message: 'Deprecated task type',
    suggestion: 'Use animate_rig followed by animate_retarget.',
  },
  invalidModelVersion: {
    code: 2017,
    httpStatus: 400,
    retryable: false,
    message: 'Invalid model version',
    suggestion: 'Use a model_version listed in the API documentation for this task type.',
  },
  // input images outside 20–6000 px per side (tripo-api.md §3), decompression bombs included
  imageDimensionsOutOfRange: {
    code: 1004,
    httpStatus: 400,
    retryable: false,
    message: "The image's dimensions are outside the accepted range",
    suggestion:
      'Send a JPEG, PNG or WebP image of 20 to 6000 pixels per side (over 256 recommended); nothing was charged.',
  },
  fileNotFound: {
    code: 2019,
    httpStatus: 404,
    retryable: false,
    message: 'File not found',
    suggestion: 'Upload the file first and use the returned image_token as file_token.',
  },
  // task failures: a task that was accepted and then failed carries one of these in error_code (see TASK_FAILURE_NAMES);
  // the HTTP status is the one Tripo's table gives the code, used only if the entry is ever answered as a request error
  engineFailed: {
    code: 1001,
    httpStatus: 500,
    retryable: true,
    message: 'The engine failed to produce the result',
    suggestion: 'Nothing was charged. Retry the task; the message says what the engine could not do.',
  },
  unreadableModel: {
    code: 2004,
    httpStatus: 400,
    retryable: false,
    message: 'The input model could not be read',
    suggestion:
      'Nothing was charged. Send a valid GLB, glTF, OBJ, STL or FBX model; the message names what was wrong with it.',
  },
  noForegroundObject: {
    code: 2004,
    httpStatus: 400,
    retryable: false,
    message: 'No object could be separated from the background',
    suggestion: 'Nothing was charged. Use an image with one object in front of a plain, contrasting background.',
  },
  // image_to_model (and multiview views): the photo has no single clear object for the built-in reconstruction;
  // refused at create and quote, or the task fails unbilled when only the worker sees the image (a `url` input)
  unclearPhotoObject: {
    code: 2002,
    httpStatus: 400,
    retryable: false,
    message: 'The image does not show one clear object this deployment can build',
    suggestion:
      'Nothing was charged. Crop the photo to one whole object with some background around it on every side, or use a plain background or a cut-out image with transparency.',
  },
  // Tripo's own meaning of 2018; external workers may report it
  modelTooComplex: {
    code: 2018,
    httpStatus: 400,
    retryable: false,
    message: 'The model is too complex to process',
    suggestion: 'Nothing was charged. Simplify the model (fewer faces or parts) and create the task again.',
  },
  // the V3 surface reads a task that expired in the queue as failed with 2018 (tripo-api.md §6.4)
  startDeadlinePassed: {
    code: 2018,
    httpStatus: 400,
    retryable: false,
    message: 'The start deadline passed before the task started',
    suggestion: 'Nothing was charged. Create the task again when fewer tasks are queued.',
  },
  inputExpired: {
    code: 2019,
    httpStatus: 404,
    retryable: false,
    message: 'An input of the task is no longer available',
    suggestion: 'Nothing was charged. Upload the file again, or run the source task again, and create the task again.',
  },
  dataRetentionExpired: {
    code: 2019,
    httpStatus: 404,
    retryable: false,
    message: "The task's inputs and outputs were deleted at the end of the data-retention period",
    suggestion:
      'Download outputs before the retention period ends, or ask the operator for a longer period; the charge stays in the credit history.',
  },
  // worker protocol (/worker/v1): the lease named in the path is no longer held by the caller
  workerLeaseLost: {
    code: 1009,
    httpStatus: 409,
    retryable: false,
    message: 'This lease is no longer held',
    suggestion:
      'Stop working on this task: its lease expired, it was cancelled or finished, or another worker holds it now. Lease a new task.',
  },
  webhookEndpointNotFound: {
    code: 1010,
    httpStatus: 404,
    retryable: false,
    message: 'Webhook endpoint not found',
    suggestion:
      "List the endpoints of this account with GET /v2/openapi/webhooks; another account's endpoints are not visible.",
  },
  routeNotFound: {
    code: 4001,
    httpStatus: 404,
    retryable: false,
    message: 'Route not found',
    suggestion: 'Check the method and path against the API documentation.',
  },
  // the request line and headers exceed Node's parser limit (16 KB): answered before any route is found
  headersTooLarge: {
    code: 1006,
    httpStatus: 431,
    retryable: false,
    message: 'The request line or headers are too large',
    suggestion: 'Keep the URL and headers under 16 KB; send large values in the request body.',
  },
  // /v3 answers a wrong method or Content-Type with 1003 and the matching HTTP status (tripo-api.md §6.1)
  methodNotAllowed: {
    code: 1003,
    httpStatus: 405,
    retryable: false,
    message: 'Method not allowed',
    suggestion: 'Check the HTTP method against the API documentation; creation endpoints take POST with a JSON body.',
  },
  unsupportedMediaType: {
    code: 1003,
    httpStatus: 415,
    retryable: false,
    message: 'Unsupported Content-Type',
    suggestion:
      'Send JSON with Content-Type: application/json, or multipart/form-data with one part named "file" for uploads.',
  },
} as const;

export type ErrorName = keyof typeof ERROR_CATALOG;
export type ErrorEntry = (typeof ERROR_CATALOG)[ErrorName];

export interface WireError {
  code: number;
  message: string;
  suggestion: string;
}

/**
 * The entries a finished task may carry in `error_code` (a failed task is data, not an HTTP error). Engines fail
 * with one of these names, never a bare number; request errors of an input fetched when the task runs (an image
 * `url`) end the task with their own entry, so those are listed too.
 */
export const TASK_FAILURE_NAMES = [
  'engineFailed',
  'invalidParameter',
  'emptyFile',
  'unsupportedFileType',
  'unreadableModel',
  'noForegroundObject',
  'unclearPhotoObject',
  'payloadTooLarge',
  'imageDimensionsOutOfRange',
  'forbidden',
  'fileNotFound',
  'contentPolicyViolation',
  'modelTooComplex',
  'startDeadlinePassed',
  'inputExpired',
  'dataRetentionExpired',
] as const satisfies readonly ErrorName[];
export type TaskFailureName = (typeof TASK_FAILURE_NAMES)[number];

/** The task failures an external worker may report over the worker protocol (POST .../fail `error_code`). */
export const WORKER_FAILURE_NAMES = [
  'engineFailed',
  'emptyFile',
  'unreadableModel',
  'contentPolicyViolation',
  'modelTooComplex',
] as const satisfies readonly TaskFailureName[];
export type WorkerFailureName = (typeof WORKER_FAILURE_NAMES)[number];

/** The numeric codes of WORKER_FAILURE_NAMES, each once, ascending. */
export const WORKER_FAILURE_CODES: readonly number[] = [
  ...new Set(WORKER_FAILURE_NAMES.map((name) => ERROR_CATALOG[name].code)),
].sort((a, b) => a - b);

/** The worker failure entry a reported code stands for (the first entry with that code), or undefined. */
export function workerFailureNameOf(code: number): WorkerFailureName | undefined {
  return WORKER_FAILURE_NAMES.find((name) => ERROR_CATALOG[name].code === code);
}
