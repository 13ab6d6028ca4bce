// GET /v2/openapi/capabilities: what this deployment serves, per task type and model_version, and the worker
// pools with how many workers were seen lately. Same auth as the rest of /v2/openapi (an account's key).
import type { FastifyInstance } from 'fastify';
import type { EngineRegistry } from '../../engines/engine-registry.ts';
import type { WorkerService } from '../../workers/worker-service.ts';

export interface CapabilitiesContext {
  engines: EngineRegistry;
  workers: WorkerService;
}

export async function describeCapabilities(context: CapabilitiesContext) {
  const online = await context.workers.onlineWorkers();
  return {
    task_types: context.engines.capabilities(),
    worker_pools: context.engines
      .workerPools()
      .map((pool) => ({ pool, workers_online: (online[pool] ?? 0) + (online['*'] ?? 0) })),
    // hosted 3D providers: `degraded` while their circuit breaker skips them
    providers: context.engines.providerHealth().map((health) => ({
      provider: health.provider,
      status: health.status,
      breaker: health.breaker.state,
      ...(health.breaker.retryAtMs ? { retry_at: new Date(health.breaker.retryAtMs).toISOString() } : {}),
      in_flight: health.in_flight,
      waiting: health.waiting,
      max_concurrent: health.max_concurrent,
      tasks_per_minute: health.tasks_per_minute,
    })),
  };
}

export function registerCapabilitiesRoutes(app: FastifyInstance, context: CapabilitiesContext): void {
  app.get('/v2/openapi/capabilities', async () => ({ code: 0, data: await describeCapabilities(context) }));
}
