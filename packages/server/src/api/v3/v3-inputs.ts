// Reads one V3 input value (tripo-api.md §6.3): a `file_<uuid>` token, an http(s) URL, a bare task UUID
// (an earlier task's output), or an object {file_token | url | object | task_id, type?}; a bare UUID is a task
// id in every form, `{file_token: "<uuid>"}` included.
import { describeInput, isHttpUrl, isPlainObject } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';

export const V3_FILE_TOKEN_PREFIX = 'file_';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_PATTERN = new RegExp(`^${UUID}$`, 'i');
const FILE_TOKEN_PATTERN = new RegExp(`^${V3_FILE_TOKEN_PREFIX}(${UUID})$`, 'i');

/** A V2 file object as parseTaskRequest reads it; file_token is the bare file id. */
export interface V2FileObject {
  type?: string;
  file_token?: string;
  url?: string;
  object?: unknown;
}

export type V3Input = { kind: 'file'; file: V2FileObject } | { kind: 'task'; taskId: string } | { kind: 'empty' };

export function fileTokenOf(fileId: string): string {
  return `${V3_FILE_TOKEN_PREFIX}${fileId}`;
}

/** The file id inside a `file_<uuid>` token, or undefined. */
export function fileIdOfToken(token: string): string | undefined {
  return FILE_TOKEN_PATTERN.exec(token)?.[1]?.toLowerCase();
}

export function isTaskId(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function parseV3Input(value: unknown, field: string): V3Input {
  if (typeof value === 'string') return parseInputString(value, field);
  if (isPlainObject(value)) return parseInputObject(value, field);
  throw invalid(
    field,
    `must be a file token, an http(s) URL, a task id or a file object (got ${describeInput(value)})`,
  );
}

function parseInputString(value: string, field: string): V3Input {
  const text = value.trim();
  if (text === '') return { kind: 'empty' };
  const fileId = fileIdOfToken(text);
  if (fileId) return { kind: 'file', file: { file_token: fileId } };
  if (/^data:/i.test(text))
    throw invalid(field, 'cannot be a data: URI; upload the file with POST /v3/files and pass its file_token');
  if (/^https?:\/\//i.test(text)) {
    if (!isHttpUrl(text)) throw invalid(field, `is not a valid http(s) URL (got ${describeInput(value)})`);
    return { kind: 'file', file: { url: text } };
  }
  if (UUID_PATTERN.test(text)) return { kind: 'task', taskId: text.toLowerCase() };
  if (/^task_/i.test(text)) throw invalid(field, 'names a task with a "task_" prefix; task ids are bare UUIDs');
  throw invalid(
    field,
    `must be a file_<uuid> token from POST /v3/files, an http(s) URL or a task id (got ${describeInput(value)})`,
  );
}

function parseInputObject(value: Record<string, unknown>, field: string): V3Input {
  if ('data' in value)
    throw invalid(field, 'cannot carry base64 "data"; upload the file with POST /v3/files and pass its file_token');
  if (value.task_id !== undefined) {
    if (!isTaskId(value.task_id))
      throw invalid(`${field}.task_id`, `must be a task id (a UUID) (got ${describeInput(value.task_id)})`);
    return { kind: 'task', taskId: value.task_id.toLowerCase() };
  }
  const sources = ['file_token', 'url', 'object'].filter((key) => value[key] !== undefined);
  if (sources.length === 0) return { kind: 'empty' };
  if (sources.length > 1)
    throw invalid(field, `must have exactly one of file_token, url or object (got ${sources.join(' and ')})`);
  const file: V2FileObject = {};
  if (typeof value.type === 'string') file.type = value.type;
  if (value.file_token !== undefined) {
    const token = typeof value.file_token === 'string' ? value.file_token.trim() : value.file_token;
    // the official JS SDK (0.1) wraps every input string as {file_token: ...}, task ids included (§6.3)
    if (isTaskId(token)) return { kind: 'task', taskId: token.toLowerCase() };
    const fileId = typeof token === 'string' ? fileIdOfToken(token) : undefined;
    if (!fileId)
      throw invalid(
        `${field}.file_token`,
        `must be a file_<uuid> token from POST /v3/files or a task id (got ${describeInput(token)})`,
      );
    file.file_token = fileId;
  } else if (value.url !== undefined) {
    if (typeof value.url !== 'string' || !isHttpUrl(value.url))
      throw invalid(`${field}.url`, `must be an http(s) URL (got ${describeInput(value.url)})`);
    file.url = value.url;
  } else {
    file.object = value.object;
  }
  return { kind: 'file', file };
}

export function invalid(field: string, problem: string): DomainError {
  return new DomainError('invalidParameter', `${field} ${problem}`);
}
