// `polyforge task watch|list|cancel`: follow a task live, list the account's tasks, cancel one.
import type { Command } from 'commander';
import type { ActiveTaskStatus } from '@polyforge/protocol';
import type { Task, TaskPage } from '@polyforge/sdk';
import { clientFor, globalOptionsOf, printResult } from './cli-context.ts';
import { FOLLOW_TASK_DEFAULTS, failureReason, followTask } from './follow-task.ts';
import { parsePositiveInteger } from './parse-params.ts';
import { formatTaskSummary } from './task-commands.ts';

interface WatchOptions {
  poll?: boolean;
  pollIntervalMs: string;
}

interface ListOptions {
  status?: string;
  type?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
}

const CANCEL_RESULT_TEXT = {
  cancelled: 'cancelled (it had not started; its credits are released)',
  cancellation_requested: 'cancellation requested (it is running; its credits are released when it stops)',
  already_finished: 'already finished; nothing to cancel',
} as const;

export function registerTaskStatusCommands(task: Command): void {
  task
    .command('watch')
    .description('follow a task live until it finishes (progress bar on a terminal); exit code 1 unless it succeeds')
    .argument('<task_id>')
    .option('--poll', 'poll the task instead of following its live event stream')
    .option(
      '--poll-interval-ms <ms>',
      'how often to poll at least (when polling)',
      String(FOLLOW_TASK_DEFAULTS.pollIntervalMs),
    )
    .action(async (taskId: string, options: WatchOptions, command: Command) => {
      const globals = globalOptionsOf(command);
      const client = clientFor(globals);
      const pollIntervalMs = parsePositiveInteger(options.pollIntervalMs, '--poll-interval-ms');
      const finished = await followTask(client, taskId, {
        plain: globals.json,
        poll: options.poll === true,
        pollIntervalMs,
      });
      printResult(globals, finished, formatTaskSummary(finished));
      if (finished.status !== 'success') {
        process.stderr.write(`Task ${taskId} ${finished.status} (${failureReason(finished)})\n`);
        process.exitCode = 1;
      }
    });

  task
    .command('list')
    .description("list the account's tasks, newest first")
    .option('--status <status>', 'only tasks in this status (queued, running, success, failed, cancelled, ...)')
    .option('--type <type>', 'only tasks of this type, e.g. import_model')
    .option('--limit <n>', 'tasks per page, 1..100 (server default 20)')
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--all', 'follow the cursor through every page')
    .action(async (options: ListOptions, command: Command) => {
      const globals = globalOptionsOf(command);
      const client = clientFor(globals);
      const filter = {
        status: options.status,
        type: options.type,
        limit: options.limit === undefined ? undefined : parsePositiveInteger(options.limit, '--limit'),
        cursor: options.cursor,
      };
      let page: TaskPage;
      if (options.all) {
        const tasks: Task[] = [];
        for await (const each of client.listTaskPages(filter)) tasks.push(...each.tasks);
        page = { tasks, nextCursor: null };
      } else {
        page = await client.listTasks(filter);
      }
      printResult(globals, { tasks: page.tasks, next_cursor: page.nextCursor }, formatTaskTable(page.tasks));
      if (!globals.json && page.nextCursor)
        process.stderr.write(`More tasks: add --cursor ${page.nextCursor} (or --all)\n`);
    });

  task
    .command('cancel')
    .description(
      'cancel a task: a queued one at once, a running one as soon as its engine stops; or, with --all, every task a filter matches',
    )
    .argument('[task_id]')
    .option(
      '--all',
      'cancel every queued and running task (narrow it with --status, --type, --created-before, --created-after)',
    )
    .option('--status <status>', 'with --all: only queued, or only running, tasks')
    .option('--type <type>', 'with --all: only tasks of this type')
    .option('--created-after <time>', 'with --all: only tasks created at or after (ISO-8601 or unix seconds)')
    .option('--created-before <time>', 'with --all: only tasks created before (ISO-8601 or unix seconds)')
    .action(async (taskId: string | undefined, options: BulkCancelOptions, command: Command) => {
      const globals = globalOptionsOf(command);
      const client = clientFor(globals);
      if (options.all) {
        if (taskId) throw new Error('give a task id or --all, not both');
        const filter = {
          status: options.status as ActiveTaskStatus | undefined,
          type: options.type,
          createdAfter: options.createdAfter,
          createdBefore: options.createdBefore,
        };
        const total = { matched: 0, cancelled: 0, cancellationRequested: 0 };
        // a backlog larger than one call's limit takes several calls; each call's tasks are gone from the next match
        for (;;) {
          const summary = await client.cancelTasks(filter);
          total.matched += summary.matched;
          total.cancelled += summary.cancelled;
          total.cancellationRequested += summary.cancellationRequested;
          if (!summary.hasMore || summary.matched === 0) break;
        }
        printResult(
          globals,
          total,
          `Cancelled ${total.cancelled} queued task(s); asked ${total.cancellationRequested} running task(s) to stop`,
        );
        return;
      }
      if (!taskId) throw new Error('give a task id, or --all with filters');
      const result = await client.cancelTask(taskId);
      printResult(
        globals,
        result,
        `Task ${result.task_id}: ${CANCEL_RESULT_TEXT[result.result] ?? result.result} [status ${result.status}]`,
      );
    });
}

interface BulkCancelOptions {
  all?: boolean;
  status?: string;
  type?: string;
  createdAfter?: string;
  createdBefore?: string;
}

/** One line per task: id, type, status with progress, created time; "No tasks" when empty. */
export function formatTaskTable(tasks: readonly Task[]): string {
  if (tasks.length === 0) return 'No tasks';
  const rows = tasks.map((task) => [
    task.task_id,
    task.type,
    `${task.status} ${Math.round(task.progress ?? 0)}%`,
    new Date(task.create_time * 1000).toISOString(),
  ]);
  const widths = rows[0]!.map((_cell, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
    )
    .join('\n');
}
