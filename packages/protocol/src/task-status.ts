// Task statuses on both API generations and which of them are final: the one definition the server, the SDK and
// the OpenAPI document share.

/** V2 statuses this server stores and sends. */
export const TASK_STATUSES = ['queued', 'running', 'success', 'failed', 'cancelled', 'banned', 'expired'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * The V2 wire enum (tripo-api.md §5): the statuses above plus `unknown`, which Tripo's enum has and this server
 * never sends; clients keep polling a task in that state, as the official SDKs do.
 */
export const WIRE_TASK_STATUSES = [...TASK_STATUSES, 'unknown'] as const;
export type WireTaskStatus = (typeof WIRE_TASK_STATUSES)[number];

/** /v3 statuses (tripo-api.md §6.4): V2's `banned` and `expired` are `failed` there, with an error code. */
export const V3_TASK_STATUSES = ['queued', 'running', 'success', 'failed', 'cancelled'] as const;
export type V3TaskStatus = (typeof V3_TASK_STATUSES)[number];

/** Statuses after which a task never changes (`unknown` is deliberately absent). */
export const FINAL_TASK_STATUSES: readonly TaskStatus[] = ['success', 'failed', 'cancelled', 'banned', 'expired'];
/** Statuses a task can still be cancelled in: the bulk cancel's `status` filter. */
export const ACTIVE_TASK_STATUSES = ['queued', 'running'] as const satisfies readonly TaskStatus[];
export type ActiveTaskStatus = (typeof ACTIVE_TASK_STATUSES)[number];

/** Takes any string, so a client can ask about a status it read off the wire. */
export function isFinalStatus(status: string): boolean {
  return (FINAL_TASK_STATUSES as readonly string[]).includes(status);
}
