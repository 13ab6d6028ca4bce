// Follows a task to its end for `task watch` and `task create --wait`: the live event stream when the server has
// one, polling otherwise (or when the stream fails), with progress on stderr and Ctrl-C leaving the task running.
import { PolyforgeApiError, type PolyforgeClient, type Task } from '@polyforge/sdk';
import { createProgressReporter } from './progress-reporter.ts';

export interface FollowTaskOptions {
  /** Plain progress lines even on a terminal (`--json`). */
  plain: boolean;
  /** Poll instead of listening to the stream. */
  poll: boolean;
  pollIntervalMs: number;
  /** Where the fallback notice goes; stderr by default. */
  stderr?: NodeJS.WritableStream;
}

export const FOLLOW_TASK_DEFAULTS = {
  pollIntervalMs: 1000,
} as const;

export async function followTask(client: PolyforgeClient, taskId: string, options: FollowTaskOptions): Promise<Task> {
  const stderr = options.stderr ?? process.stderr;
  const reporter = createProgressReporter({ plain: options.plain });
  // Ctrl-C stops the waiting, not the task: restore the terminal and say how to pick it up again.
  const onInterrupt = () => {
    reporter.stop();
    stderr.write(
      `\nStopped waiting; task ${taskId} keeps running. Follow it again with: polyforge task watch ${taskId}\n`,
    );
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  const onUpdate = (task: Task) => reporter.update(task);
  try {
    if (!options.poll) {
      try {
        return await client.watchTask(taskId, { onUpdate });
      } catch (error) {
        if (!streamProblem(error)) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        reporter.stop();
        stderr.write(`Live status unavailable (${oneLine(reason)}); polling instead\n`);
      }
    }
    return await client.waitForTask(taskId, { pollIntervalMs: options.pollIntervalMs, onProgress: onUpdate });
  } finally {
    process.off('SIGINT', onInterrupt);
    reporter.stop();
  }
}

/**
 * Whether polling may do better: a broken connection, a proxy's page, a 5xx, or a server without the stream route
 * (an older Polyforge, a plain Tripo-compatible server). An unknown task or a bad key would fail the same way polled.
 */
export function streamProblem(error: unknown): boolean {
  if (!(error instanceof PolyforgeApiError)) return true;
  if (error.code === -1 || error.httpStatus >= 500) return true;
  return (error.httpStatus === 404 || error.httpStatus === 405) && error.code !== 2001;
}

/** `error 2008: moderation`, or a note that the server gave no code. */
export function failureReason(task: Task): string {
  return task.error_code !== undefined
    ? `error ${task.error_code}: ${task.error_msg ?? ''}`.trim()
    : 'no error code given';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
