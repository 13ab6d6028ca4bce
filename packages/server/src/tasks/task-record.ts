// A task as the domain sees it, and its conversion from and to database rows.
import type { TaskStatus } from '@polyforge/protocol';
import type { TasksTable } from '../db/database-schema.ts';

export interface StoredOutputFile {
  fileName: string;
  blobKey: string;
  mimeType: string;
  sizeBytes: number;
}

export interface TaskRecord {
  id: string;
  accountId: string;
  type: string;
  status: TaskStatus;
  input: Record<string, unknown>;
  outputFiles: Record<string, StoredOutputFile>;
  result: Record<string, unknown>;
  progress: number;
  costCredits: number;
  consumedCredits: number;
  errorCode: number | null;
  errorMessage: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  cancelRequestedAt: number | null;
  startDeadlineAt: number | null;
  isTest: boolean;
  /** the id of the API request that created it, when known */
  requestId?: string | null;
}

export function taskFromRow(row: TasksTable): TaskRecord {
  return {
    id: row.id,
    accountId: row.accountId,
    type: row.type,
    status: row.status as TaskStatus,
    input: JSON.parse(row.inputJson),
    outputFiles: JSON.parse(row.outputJson),
    result: JSON.parse(row.resultJson),
    progress: row.progress,
    costCredits: row.costCredits,
    consumedCredits: row.consumedCredits,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    cancelRequestedAt: row.cancelRequestedAt ?? null,
    startDeadlineAt: row.startDeadlineAt ?? null,
    isTest: Boolean(row.isTest),
    requestId: row.requestId ?? null,
  };
}

const ALLOWED_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  queued: ['running', 'cancelled', 'banned', 'expired', 'failed'],
  running: ['success', 'failed', 'queued', 'cancelled', 'banned'],
  success: ['expired'],
  failed: ['expired'],
  cancelled: ['expired'],
  banned: ['expired'],
  expired: [],
};

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
