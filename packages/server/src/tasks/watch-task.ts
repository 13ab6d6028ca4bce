// Follows one task until it ends: yields its state whenever status, progress or outputs change. Reads the
// database (rather than in-process events) so it works whichever process runs the task.
import { isFinalStatus } from '@polyforge/protocol';
import type { TaskService, TaskWithQueueInfo } from './task-service.ts';

export const WATCH_POLL_INTERVAL_MS = 500;

export async function* watchTask(
  tasks: TaskService,
  accountId: string,
  taskId: string,
  signal: AbortSignal,
): AsyncGenerator<TaskWithQueueInfo> {
  let lastFingerprint = '';
  while (!signal.aborted) {
    const info = await tasks.getTask(accountId, taskId);
    const { task } = info;
    const fingerprint = `${task.status}|${task.progress}|${info.queuePosition}|${Object.keys(task.outputFiles).join(',')}`;
    if (fingerprint !== lastFingerprint) {
      lastFingerprint = fingerprint;
      yield info;
    }
    if (isFinalStatus(task.status)) return;
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, WATCH_POLL_INTERVAL_MS);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve(undefined);
        },
        { once: true },
      );
    });
  }
}
