// `polyforge task create|get|quote`: build a task body from --param/--file, create or price it, wait and download.
// (`task watch|list|cancel` are in task-status-commands.ts.)
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { PolyforgeClient, Task, TaskBody } from '@polyforge/sdk';
import { CliUsageError } from '../cli-usage-error.ts';
import { clientFor, globalOptionsOf, printResult, type GlobalOptions } from './cli-context.ts';
import { collectRepeated, parseParamAssignments, parsePositiveInteger } from './parse-params.ts';
import { failureReason, followTask } from './follow-task.ts';

/** The task type whose uploads go into `files` (one slot per view, in order) rather than `file`. */
const MULTI_FILE_TASK_TYPE = 'multiview_to_model';

export interface FileReference {
  type: string;
  file_token: string;
}

interface CreateOptions {
  param?: string[];
  file?: string[];
  wait?: boolean;
  out?: string;
  idempotencyKey?: string;
  poll?: boolean;
  pollIntervalMs: string;
}

/** Adds `task create|get|quote`; returns the `task` command for the others to join. */
export function registerTaskCommands(program: Command): Command {
  const task = program.command('task').description('create, inspect and price tasks');

  task
    .command('create')
    .description('create a task; with --wait, follow it to the end and download its outputs')
    .argument('<type>', 'task type, e.g. text_to_model, import_model, convert_model')
    .option(
      '-p, --param <key=value>',
      'task parameter (repeatable); JSON values parse, dotted keys nest',
      collectRepeated,
    )
    .option(
      '-f, --file <path>',
      'upload a file and pass it as "file" (repeat for multiview_to_model "files")',
      collectRepeated,
    )
    .option('-w, --wait', 'wait until the task finishes, then download its outputs')
    .option('-o, --out <dir>', 'where --wait saves outputs; implies --wait (default: the current directory)')
    .option('--idempotency-key <key>', 'sent as Idempotency-Key, so a repeated create returns the same task')
    .option('--poll', 'with --wait, poll the task instead of following its live event stream')
    .option('--poll-interval-ms <ms>', 'how often --wait polls at least (when it polls)', '1000')
    .action(async (type: string, options: CreateOptions, command: Command) => {
      const globals = globalOptionsOf(command);
      const client = clientFor(globals);
      const params = parseParamAssignments(options.param ?? []);
      const fileReferences = await uploadFiles(client, options.file ?? []);
      const body = buildTaskBody(type, params, fileReferences);
      const taskId = await client.createTask(body, { idempotencyKey: options.idempotencyKey });
      if (!options.wait && options.out === undefined) {
        printResult(globals, { task_id: taskId }, taskId);
        return;
      }
      const pollIntervalMs = parsePositiveInteger(options.pollIntervalMs, '--poll-interval-ms');
      await waitAndDownload(client, globals, taskId, options.out ?? '.', {
        poll: options.poll === true,
        pollIntervalMs,
      });
    });

  task
    .command('get')
    .description('show a task')
    .argument('<task_id>')
    .action(async (taskId: string, _options: unknown, command: Command) => {
      const globals = globalOptionsOf(command);
      const found = await clientFor(globals).getTask(taskId);
      printResult(globals, found, formatTaskSummary(found));
    });

  task
    .command('quote')
    .description('price a task without creating it')
    .argument('<type>', 'task type')
    .option(
      '-p, --param <key=value>',
      'task parameter (repeatable); JSON values parse, dotted keys nest',
      collectRepeated,
    )
    .action(async (type: string, options: { param?: string[] }, command: Command) => {
      const globals = globalOptionsOf(command);
      const credits = await clientFor(globals).quoteTask(
        buildTaskBody(type, parseParamAssignments(options.param ?? []), []),
      );
      printResult(globals, { credits }, `${credits} credits`);
    });
  return task;
}

/** `{type, ...params}`, with uploaded files as `file` (one) or, for multiview, `files` (in order). */
export function buildTaskBody(
  type: string,
  params: Record<string, unknown>,
  fileReferences: readonly FileReference[],
): TaskBody {
  const body: TaskBody = { type, ...params };
  body.type = type;
  if (fileReferences.length === 0) return body;
  if (type === MULTI_FILE_TASK_TYPE) {
    body.files = [...fileReferences];
  } else if (fileReferences.length === 1) {
    body.file = fileReferences[0];
  } else {
    throw new CliUsageError(`only ${MULTI_FILE_TASK_TYPE} takes several --file; ${type} takes one`);
  }
  return body;
}

/** The file reference `type` is the extension (`glb`, `png`); servers sniff the bytes anyway. */
export function fileTypeOf(path: string): string {
  return extname(path).slice(1).toLowerCase() || 'jpg';
}

async function uploadFiles(client: PolyforgeClient, paths: readonly string[]): Promise<FileReference[]> {
  const references: FileReference[] = [];
  for (const path of paths) {
    const bytes = await readLocalFile(path);
    const token = await client.uploadFile(bytes, basename(path));
    references.push({ type: fileTypeOf(path), file_token: token });
  }
  return references;
}

async function readLocalFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliUsageError(
      code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
}

async function waitAndDownload(
  client: PolyforgeClient,
  globals: GlobalOptions,
  taskId: string,
  outDir: string,
  follow: { poll: boolean; pollIntervalMs: number },
): Promise<void> {
  const finished = await followTask(client, taskId, { plain: globals.json, ...follow });
  if (finished.status !== 'success') {
    if (globals.json) process.stdout.write(`${JSON.stringify({ task: finished, files: [] })}\n`);
    process.stderr.write(`Task ${taskId} ${finished.status} (${failureReason(finished)})\n`);
    process.exitCode = 1;
    return;
  }
  const files = await client.downloadOutputs(finished, outDir);
  printResult(
    globals,
    { task: finished, files },
    files.length > 0 ? files.join('\n') : `Task ${taskId} succeeded without downloadable outputs`,
  );
}

/** A few aligned lines: id, type, status, credits, error and each output. */
export function formatTaskSummary(task: Task): string {
  const lines: Array<[string, string]> = [
    ['task_id', task.task_id],
    ['type', task.type],
    ['status', `${task.status} (${task.progress}%)`],
  ];
  if (task.status === 'queued' && task.queuing_num >= 0) lines.push(['queue', String(task.queuing_num)]);
  if (typeof task.running_left_time === 'number' && task.running_left_time > 0)
    lines.push(['left', `${task.running_left_time} s`]);
  lines.push(['credits', String(task.consumed_credit)]);
  lines.push(['created', new Date(task.create_time * 1000).toISOString()]);
  if (task.error_code !== undefined) lines.push(['error', `${task.error_code} ${task.error_msg ?? ''}`.trim()]);
  for (const [key, value] of Object.entries(task.output)) {
    lines.push([`output.${key}`, typeof value === 'string' ? value : JSON.stringify(value)]);
  }
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
