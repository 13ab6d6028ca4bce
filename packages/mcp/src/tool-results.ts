// How tool answers read: a task as text plus structured content, and every failure as a tool error (isError) whose
// text carries the platform's own code, message and suggestion, so that an agent can act on it.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  PolyforgeApiError,
  PolyforgeNetworkError,
  PolyforgeTimeoutError,
  collectOutputUrls,
  type Task,
} from '@polyforge/sdk';
import { InputFileError } from './input-files.ts';
import { OutputPathError } from './output-directory.ts';

const UNSUCCESSFUL_STATUSES: readonly string[] = ['failed', 'banned', 'expired', 'cancelled'];

export const PREVIEW_URI_PREFIX = 'polyforge://tasks/';

export function previewUri(taskId: string): string {
  return `${PREVIEW_URI_PREFIX}${encodeURIComponent(taskId)}/preview`;
}

/** The key of the task's preview picture among its outputs, if it has one. */
export function previewOutputKey(task: Task): string | undefined {
  const keys = collectOutputUrls(task.output).map((output) => output.key);
  return ['rendered_image', 'generated_image', 'front_view_url'].find((key) => keys.includes(key));
}

export function textResult(text: string, structuredContent?: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], ...(structuredContent ? { structuredContent } : {}) };
}

export function errorResult(text: string, structuredContent?: Record<string, unknown>): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }], ...(structuredContent ? { structuredContent } : {}) };
}

/** A thrown error as the tool's error answer; anything unexpected keeps its message (never a stack). */
export function errorResultFrom(error: unknown, baseUrl: string): CallToolResult {
  if (error instanceof PolyforgeApiError) {
    const suggestion = error.suggestion ? ` ${error.suggestion}` : '';
    return errorResult(
      `Polyforge refused the request (error ${error.code}): ${error.message.replace(/\.$/, '')}.${suggestion}`,
      { error_code: error.code, message: error.message },
    );
  }
  if (error instanceof PolyforgeNetworkError)
    return errorResult(`Cannot reach the Polyforge server at ${baseUrl}: ${error.message}`);
  if (error instanceof PolyforgeTimeoutError || error instanceof InputFileError || error instanceof OutputPathError)
    return errorResult(error.message);
  return errorResult(error instanceof Error ? error.message : String(error));
}

/** The task in a few lines; a task that did not succeed is a tool error naming its code and the platform's message. */
export function taskResult(task: Task): CallToolResult {
  const structured = taskStructure(task);
  if (UNSUCCESSFUL_STATUSES.includes(task.status)) {
    const code = task.error_code === undefined ? '' : ` (error ${task.error_code})`;
    const charged = task.consumed_credit > 0 ? `${task.consumed_credit} credits were charged` : 'nothing was charged';
    return errorResult(
      `Task ${task.task_id} (${task.type}) ${task.status}${code}: ${task.error_msg ?? 'no reason given'}; ${charged}.`,
      structured,
    );
  }
  return textResult(describeTask(task), structured);
}

export function describeTask(task: Task): string {
  const lines = [
    `Task ${task.task_id} (${task.type}): ${task.status}${task.status === 'success' ? '' : ` ${task.progress}%`}, ${task.consumed_credit} credits.`,
  ];
  const files = collectOutputUrls(task.output).map((output) => output.key);
  const facts = Object.fromEntries(
    Object.entries(task.output).filter(([key, value]) => !files.includes(key) && typeof value !== 'object'),
  );
  const details = Object.fromEntries(
    Object.entries(task.output).filter(
      ([key, value]) => !files.includes(key) && value !== null && typeof value === 'object' && !isUrlObject(value),
    ),
  );
  if (Object.keys(facts).length > 0) lines.push(`Result: ${JSON.stringify(facts)}`);
  for (const [key, value] of Object.entries(details)) lines.push(`${key}: ${JSON.stringify(value)}`);
  if (files.length > 0)
    lines.push(`Output files: ${files.join(', ')}. Save them with download_outputs {"task_id": "${task.task_id}"}.`);
  if (previewOutputKey(task)) lines.push(`Preview image: resource ${previewUri(task.task_id)}`);
  return lines.join('\n');
}

function taskStructure(task: Task): Record<string, unknown> {
  const structured: Record<string, unknown> = {
    task_id: task.task_id,
    type: task.type,
    status: task.status,
    progress: task.progress,
    consumed_credit: task.consumed_credit,
    output: task.output,
  };
  if (task.error_code !== undefined) structured.error_code = task.error_code;
  if (task.error_msg !== undefined) structured.error_msg = task.error_msg;
  return structured;
}

/** Nested output objects made only of URLs (multiview views) are listed as files, not as details. */
function isUrlObject(value: object): boolean {
  const values = Object.values(value);
  return values.length > 0 && values.every((item) => typeof item === 'string' && /^https?:\/\//i.test(item));
}
