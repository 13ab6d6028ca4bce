// V2 task statuses and which of them are final. `unknown` is part of the wire enum but never emitted.
export const TASK_STATUSES = ['queued', 'running', 'success', 'failed', 'cancelled', 'banned', 'expired'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINAL_TASK_STATUSES: readonly TaskStatus[] = ['success', 'failed', 'cancelled', 'banned', 'expired'];
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ['queued', 'running'];

export function isFinalStatus(status: TaskStatus): boolean {
  return FINAL_TASK_STATUSES.includes(status);
}
