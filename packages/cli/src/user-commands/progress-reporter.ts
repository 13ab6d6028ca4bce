// Shows a waiting task's progress on stderr: a cli-progress bar on a terminal, plain lines otherwise (or with --json).
import cliProgress from 'cli-progress';
import type { Task } from '@polyforge/sdk';

export interface ProgressReporter {
  update(task: Task): void;
  stop(): void;
}

export interface ProgressReporterOptions {
  /** Forces plain lines even on a terminal. */
  plain: boolean;
  stream?: NodeJS.WriteStream;
}

export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  return !options.plain && stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

/** `queued (position 2)`, `running 40% (~12 s left)`, `success 100%`. */
export function describeProgress(
  task: Pick<Task, 'status' | 'progress' | 'queuing_num' | 'running_left_time'>,
): string {
  if (task.status === 'queued') return task.queuing_num >= 0 ? `queued (position ${task.queuing_num})` : 'queued';
  const progress = `${task.status} ${Math.round(task.progress ?? 0)}%`;
  if (task.status === 'running' && typeof task.running_left_time === 'number' && task.running_left_time > 0) {
    return `${progress} (~${task.running_left_time} s left)`;
  }
  return progress;
}

function lineReporter(stream: NodeJS.WritableStream): ProgressReporter {
  let lastLine = '';
  return {
    update(task) {
      const line = `${task.task_id} ${describeProgress(task)}`;
      if (line === lastLine) return;
      lastLine = line;
      stream.write(`${line}\n`);
    },
    stop() {},
  };
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {state}', stream, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(task) {
      const payload = { state: describeProgress(task) };
      const value = Math.max(0, Math.min(100, Math.round(task.progress ?? 0)));
      if (!started) {
        bar.start(100, value, payload);
        started = true;
      } else {
        bar.update(value, payload);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
