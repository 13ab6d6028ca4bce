// Runs one task tool: build the body (uploading local inputs), quote it, refuse above max_credits, create, and by
// default wait for the end while sending MCP progress notifications.
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { PolyforgeClient, Task } from '@polyforge/sdk';
import type { InputFiles } from './input-files.ts';
import type { TaskToolDefinition } from './task-tools.ts';
import { errorResult, taskResult, textResult } from './tool-results.ts';

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface TaskRunContext {
  client: PolyforgeClient;
  inputs: InputFiles;
  /** The least time between two polls of a running task. */
  pollIntervalMs: number;
}

export async function runTaskTool(
  context: TaskRunContext,
  tool: TaskToolDefinition,
  args: Record<string, unknown>,
  extra: ToolExtra,
): Promise<CallToolResult> {
  const body = await tool.buildBody(args, context.inputs);
  const credits = await context.client.quoteTask(body);
  if (typeof args.max_credits === 'number' && credits > args.max_credits) {
    return errorResult(
      `${tool.name} would cost ${credits} credits, more than max_credits ${args.max_credits}; no task was created and nothing was charged.`,
      { credits },
    );
  }
  const taskId = await context.client.createTask(body);
  if (args.wait === false) {
    return textResult(
      `Task ${taskId} (${body.type}) created, ${credits} credits held. Follow it with get_task {"task_id": "${taskId}"}.`,
      { task_id: taskId, type: body.type, status: 'queued', credits },
    );
  }
  const reportProgress = progressNotifier(extra);
  const task = await context.client.waitForTask(taskId, {
    pollIntervalMs: context.pollIntervalMs,
    signal: extra.signal,
    onProgress: reportProgress,
  });
  await reportProgress.settled();
  return taskResult(task);
}

export interface ProgressNotifier {
  (task: Task): void;
  /** Resolves once every notification sent so far is out: the last one must precede the tool's answer. */
  settled(): Promise<void>;
}

/**
 * Sends `notifications/progress` when the client asked for them (a progress token on the call). MCP wants the
 * value to grow with each notification, so a repeated or lower percentage is not sent again.
 */
export function progressNotifier(extra: ToolExtra): ProgressNotifier {
  const progressToken = extra._meta?.progressToken;
  let lastSent = -1;
  let pending: Promise<void> = Promise.resolve();
  const notify = (task: Task) => {
    if (progressToken === undefined) return;
    const progress = Math.max(0, Math.min(100, Math.round(task.progress)));
    if (progress <= lastSent) return;
    lastSent = progress;
    const position =
      task.status === 'queued' && task.queuing_num >= 0 ? `, position ${task.queuing_num} in the queue` : '';
    const params = { progressToken, progress, total: 100, message: `${task.type} ${task.status}${position}` };
    // A notification that cannot be delivered (client gone) must not fail the task's answer.
    pending = pending.then(() =>
      extra.sendNotification({ method: 'notifications/progress', params }).catch(() => undefined),
    );
  };
  return Object.assign(notify, { settled: () => pending });
}
