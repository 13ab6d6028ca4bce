// Runs task runners inside the API process (the embedded default): wakes on new tasks, polls as a fallback.
import type { TaskRunner } from '../tasks/task-runner.ts';

export interface InProcessWorkersOptions {
  pollIntervalMs?: number;
}

export class InProcessWorkers {
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private wakeWaiters: (() => void)[] = [];

  constructor(
    private readonly runners: readonly TaskRunner[],
    private readonly options: InProcessWorkersOptions = {},
    private readonly log: (message: string, details?: Record<string, unknown>) => void = () => undefined,
  ) {}

  start(): void {
    for (const runner of this.runners) this.loops.push(this.loop(runner));
  }

  /** Call when a task was enqueued so an idle worker picks it up at once; `count` wakes only that many idle ones. */
  wake(count = Infinity): void {
    const waking = this.wakeWaiters.splice(0, count);
    for (const resolve of waking) resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.loops);
  }

  private async loop(runner: TaskRunner): Promise<void> {
    const pollIntervalMs = this.options.pollIntervalMs ?? 1000;
    while (!this.stopped) {
      let ranTask = false;
      try {
        ranTask = await runner.runOnce();
      } catch (error) {
        this.log('worker step failed', { workerId: runner.workerId, error: String(error) });
      }
      if (!ranTask && !this.stopped) await this.sleep(pollIntervalMs);
    }
  }

  private sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), milliseconds);
      timer.unref();
      const waiters = this.wakeWaiters;
      const done = () => {
        clearTimeout(timer);
        // a loop woken by its timer leaves the list, so wake(1) never spends itself on a loop already awake
        const index = this.wakeWaiters.indexOf(done);
        if (index >= 0) this.wakeWaiters.splice(index, 1);
        resolve();
      };
      waiters.push(done);
    });
  }
}
