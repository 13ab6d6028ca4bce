// V2 wire types as the SDK sees them (tripo-api.md §5): the task object, its statuses, the balance; the shapes
// and statuses are defined once in @polyforge/protocol (the server presents the same ones).
import type { ActiveTaskStatus, TaskViewV2, WireTaskStatus } from '@polyforge/protocol';

export {
  WIRE_TASK_STATUSES as TASK_STATUSES,
  FINAL_TASK_STATUSES as TERMINAL_TASK_STATUSES,
  isFinalStatus as isTerminalStatus,
  CANCEL_RESULTS,
  type CancelResult,
  type CancelTaskResult,
  type Balance,
  type WebhookEndpoint,
  type CreatedWebhookEndpoint,
  type WebhookDelivery,
} from '@polyforge/protocol';

/** Any status the V2 wire may carry, `unknown` included (a client keeps polling it). */
export type TaskStatus = WireTaskStatus;

/** The V2 task object; `output` values are signed, short-lived URLs (or objects of them), `{}` until success. */
export type Task = TaskViewV2;

/** A task creation body: the `type` plus its parameters (tripo-api.md §4). */
export type TaskBody = Record<string, unknown> & { type: string };

/** Filters of `GET /tasks`; every field optional. Times as a `Date`, ISO-8601 text or unix seconds as text. */
export interface CancelTasksFilter {
  /** queued or running; absent = both */
  status?: ActiveTaskStatus;
  type?: string;
  createdAfter?: Date | string;
  createdBefore?: Date | string;
  /** tasks per call, 1..10000 (server default 1000) */
  limit?: number;
}

export interface CancelTasksSummary {
  matched: number;
  cancelled: number;
  cancellationRequested: number;
  taskIds: string[];
  hasMore: boolean;
}

export interface ListTasksFilter {
  status?: string;
  type?: string;
  createdAfter?: Date | string;
  createdBefore?: Date | string;
  /** 1..100; the server's default is 20. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** One page of tasks, newest first; `nextCursor` is null on the last page. */
export interface TaskPage {
  tasks: Task[];
  nextCursor: string | null;
}
