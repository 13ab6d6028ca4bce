// Reads the optional create-call headers: Idempotency-Key, and a start deadline for the task.
import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../domain-error.ts';
import type { CreateTaskOptions } from '../tasks/task-service.ts';

export const START_DEADLINE_HEADER = 'x-task-start-deadline';

/** `X-Task-Start-Deadline` is an ISO-8601 time or a number of seconds from now. */
export function createOptionsOf(headers: IncomingHttpHeaders, nowMs: number): CreateTaskOptions {
  const options: CreateTaskOptions = {};
  const idempotencyKey = headers['idempotency-key'];
  if (typeof idempotencyKey === 'string') options.idempotencyKey = idempotencyKey;
  const deadline = headers[START_DEADLINE_HEADER];
  if (typeof deadline === 'string') {
    const trimmed = deadline.trim();
    const deadlineMs = /^\d+(\.\d+)?$/.test(trimmed) ? nowMs + Number(trimmed) * 1000 : Date.parse(trimmed);
    if (!Number.isFinite(deadlineMs)) {
      throw new DomainError(
        'invalidParameter',
        'X-Task-Start-Deadline must be an ISO-8601 time or a number of seconds from now',
      );
    }
    options.startDeadlineAt = deadlineMs;
  }
  return options;
}
