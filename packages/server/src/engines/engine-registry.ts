// Maps each task type to the engine that serves it on this deployment.
import type { TaskRequest } from '@polyforge/protocol';
import type { Engine, EngineSupport } from './engine.ts';

export class EngineRegistry {
  private readonly byTaskType = new Map<string, Engine>();

  constructor(engines: readonly Engine[]) {
    for (const engine of engines) {
      for (const taskType of engine.taskTypes) {
        if (!this.byTaskType.has(taskType)) this.byTaskType.set(taskType, engine);
      }
    }
  }

  find(request: TaskRequest): { engine: Engine; support: EngineSupport } | undefined {
    const engine = this.byTaskType.get(request.type);
    return engine ? { engine, support: engine.supports(request) } : undefined;
  }

  servedTaskTypes(): string[] {
    return [...this.byTaskType.keys()].sort();
  }
}
