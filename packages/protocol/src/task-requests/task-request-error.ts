// Why a task request was refused; each maps to one error-catalog entry (1003, 1004, 2002, 2015, 2016, 2017).

export const TASK_REQUEST_ERRORS = [
  'unsupportedTaskType',
  'deprecatedTaskType',
  'invalidParameter',
  'invalidModelVersion',
  'deprecatedVersion',
  'malformedRequest',
] as const;

export type TaskRequestError = (typeof TASK_REQUEST_ERRORS)[number];

export function isTaskRequestError(value: unknown): value is TaskRequestError {
  return typeof value === 'string' && (TASK_REQUEST_ERRORS as readonly string[]).includes(value);
}
