// Public surface of @polyforge/sdk.
export {
  PolyforgeClient,
  POLYFORGE_CLIENT_DEFAULTS,
  WAIT_FOR_TASK_DEFAULTS,
  WATCH_TASK_DEFAULTS,
  type PolyforgeClientOptions,
  type CreateTaskOptions,
  type WaitForTaskOptions,
  type WatchTaskOptions,
} from './polyforge-client.ts';
export {
  TripoV3Client,
  TRIPO_V3_CLIENT_DEFAULTS,
  V3_WAIT_FOR_TASK_DEFAULTS,
  type TripoV3ClientOptions,
  type V3Task,
  type V3CreateTaskOptions,
  type V3WaitForTaskOptions,
} from './tripo-v3-client.ts';
export {
  PolyforgeApiError,
  PolyforgeNetworkError,
  PolyforgeTimeoutError,
  type PolyforgeApiErrorOptions,
} from './polyforge-api-error.ts';
export {
  TASK_STATUSES,
  TERMINAL_TASK_STATUSES,
  CANCEL_RESULTS,
  isTerminalStatus,
  type Task,
  type TaskStatus,
  type TaskBody,
  type Balance,
  type ListTasksFilter,
  type CancelTasksFilter,
  type CancelTasksSummary,
  type TaskPage,
  type CancelResult,
  type CancelTaskResult,
  type WebhookEndpoint,
  type CreatedWebhookEndpoint,
  type WebhookDelivery,
} from './types.ts';
export { collectOutputUrls, outputFileName, extensionFromUrl, type OutputUrl } from './output-files.ts';
export { nextPollDelayMs } from './poll-delay.ts';
export { readServerSentEvents, ServerSentEventParser, type ServerSentEvent } from './server-sent-events.ts';
export {
  verifyWebhookSignature,
  signWebhookPayload,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookVerification,
} from '@polyforge/protocol';
