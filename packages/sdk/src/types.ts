// V2 wire types as the SDK sees them (tripo-api.md §5): the task object, its statuses, the balance.

export const TASK_STATUSES = ['queued', 'running', 'success', 'failed', 'cancelled', 'banned', 'expired', 'unknown'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses after which a task never changes. `unknown` is deliberately absent, as in every official SDK. */
export const TERMINAL_TASK_STATUSES: readonly TaskStatus[] = ['success', 'failed', 'cancelled', 'banned', 'expired'];

export function isTerminalStatus(status: string): boolean {
  return (TERMINAL_TASK_STATUSES as readonly string[]).includes(status);
}

export interface Task {
  task_id: string;
  type: string;
  status: TaskStatus;
  input: Record<string, unknown>;
  /** Always an object; `{}` until the task succeeds. Values are signed, short-lived URLs (or objects of them). */
  output: Record<string, unknown>;
  progress: number;
  /** Unix seconds. */
  create_time: number;
  /** Seconds; -1 or null when not known. */
  running_left_time: number | null;
  /** Queue position; -1 when not queued. */
  queuing_num: number;
  consumed_credit: number;
  error_code?: number;
  error_msg?: string;
}

export interface Balance {
  balance: number;
  frozen: number;
}

/** A task creation body: the `type` plus its parameters (tripo-api.md §4). */
export type TaskBody = Record<string, unknown> & { type: string };

/** Filters of `GET /tasks`; every field optional. Times as a `Date`, ISO-8601 text or unix seconds as text. */
export interface CancelTasksFilter {
  /** queued or running; absent = both */
  status?: 'queued' | 'running';
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

export const CANCEL_RESULTS = ['cancelled', 'cancellation_requested', 'already_finished'] as const;
export type CancelResult = (typeof CANCEL_RESULTS)[number];

/** `POST /task/{id}/cancel`: `cancelled` (was queued, credits released), `cancellation_requested` (running), `already_finished`. */
export interface CancelTaskResult {
  task_id: string;
  result: CancelResult;
  status: TaskStatus;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** ISO-8601. */
  created_at: string;
}

/** Only the create call shows the signing secret (`whsec_...`). */
export interface CreatedWebhookEndpoint extends WebhookEndpoint {
  secret: string;
}

export interface WebhookDelivery {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}
