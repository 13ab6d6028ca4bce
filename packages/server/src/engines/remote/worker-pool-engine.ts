// A pool of external workers (any language, over the worker protocol in api/routes/worker-routes.ts): its tasks
// wait in the pool's own queue until a worker with the pool's capability leases them, so run() never runs here.
import type { TaskRequest } from '@polyforge/protocol';
import { WORKER_POOL_QUEUE_PREFIX } from '../engine-registry.ts';
import { EngineFailure, type Engine, type EngineResult } from '../engine.ts';

export class WorkerPoolEngine implements Engine {
  readonly name: string;
  readonly queueName: string;
  readonly taskTypes: readonly string[];

  constructor(
    readonly pool: string,
    taskTypes: readonly string[],
    private readonly estimatedSeconds = 60,
  ) {
    this.name = `worker_pool:${pool}`;
    this.queueName = `${WORKER_POOL_QUEUE_PREFIX}${pool}`;
    this.taskTypes = taskTypes;
  }

  supports(_request: TaskRequest) {
    return { ok: true } as const;
  }

  estimateSeconds(): number {
    return this.estimatedSeconds;
  }

  async run(): Promise<EngineResult> {
    throw new EngineFailure(
      'engineFailed',
      `tasks of worker pool ${this.pool} run on external workers, not in the platform process`,
    );
  }
}
