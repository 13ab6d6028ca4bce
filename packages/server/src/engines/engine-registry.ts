// Maps each task type and model_version to the engine that serves it on this deployment, through routes
// tried in order (the routing file's, then the defaults: built-in engines for the types they serve).
import {
  MODEL_VERSION_TABLES,
  TASK_TYPES,
  type ServedModelVersion,
  type TaskRequest,
  type TaskTypeCapability,
} from '@polyforge/protocol';
import { DEFAULT_QUEUE } from '../queue/job-queue.ts';
import type { Engine, EngineSupport } from './engine.ts';
import { DeploymentModelPrices } from '../billing/model-version-prices.ts';
import type { ProviderHealth, ProviderRuntime } from './providers-3d/provider-runtime.ts';

export interface Route {
  /** a task type, or '*' for every type */
  taskType: string;
  /** the model_version pattern as written (`*` wildcards), absent = any */
  modelVersionPattern?: string;
  matches(modelVersion: string | undefined): boolean;
  /** null: explicitly not served here */
  engine: Engine | null;
  /** where the route comes from: "routes[2]" of the routing file, or "default" */
  origin: string;
}

export type { ServedModelVersion, TaskTypeCapability };

export interface EngineRegistryExtras {
  /** the deployment's own model_version names that a route serves, with their prices */
  deploymentModels?: DeploymentModelPrices;
  /** live state of the 3D providers (breakers, limits) */
  providerRuntime?: ProviderRuntime;
}

export interface JobRoute {
  queueName: string;
  taskType: string;
  modelVersion?: string;
}

export class EngineRegistry {
  private readonly routes: readonly Route[];
  /** the deployment's own model_version names and their prices */
  readonly deploymentModels: DeploymentModelPrices;
  readonly providerRuntime?: ProviderRuntime;

  constructor(engines: readonly Engine[], routes?: readonly Route[], extras: EngineRegistryExtras = {}) {
    this.routes = routes ?? defaultRoutes(engines);
    this.deploymentModels = extras.deploymentModels ?? new DeploymentModelPrices();
    this.providerRuntime = extras.providerRuntime;
  }

  /** The provider queues an in-process runner may claim from now (their provider has room). */
  claimableProviderQueues(): string[] {
    return this.providerRuntime?.claimableQueues() ?? [];
  }

  providerHealth(): ProviderHealth[] {
    return this.providerRuntime?.health() ?? [];
  }

  /** The first route that matches the request's type and model_version decides; no route = not served. */
  find(request: TaskRequest): { engine: Engine; support: EngineSupport } | undefined {
    const engine = this.engineFor(request.type, modelVersionOf(request));
    return engine ? { engine, support: engine.supports(request) } : undefined;
  }

  /** Which queue a new task's job goes to: a worker pool's, or the default one that in-process runners take. */
  jobRouteOf(request: TaskRequest, testMode: boolean): JobRoute {
    const modelVersion = modelVersionOf(request);
    const queueName = testMode
      ? DEFAULT_QUEUE
      : (this.engineFor(request.type, modelVersion)?.queueName ?? DEFAULT_QUEUE);
    return { queueName, taskType: request.type, ...(modelVersion === undefined ? {} : { modelVersion }) };
  }

  engineFor(taskType: string, modelVersion: string | undefined): Engine | undefined {
    for (const route of this.routes) {
      if (route.taskType !== '*' && route.taskType !== taskType) continue;
      if (!route.matches(modelVersion)) continue;
      return route.engine ?? undefined;
    }
    return undefined;
  }

  servedTaskTypes(): string[] {
    return this.capabilities()
      .filter((capability) => capability.served)
      .map((capability) => capability.type)
      .sort();
  }

  /** What this deployment serves, per task type and, where the type has them, per model_version. */
  capabilities(): TaskTypeCapability[] {
    return TASK_TYPES.map((type) => {
      const versions = (
        MODEL_VERSION_TABLES as Record<string, { accepted: readonly string[]; defaultVersion?: string }>
      )[type];
      // a type whose model_version has no default (text_to_image) tolerates the field without using it
      if (!versions || versions.defaultVersion === undefined) {
        const engine = this.engineFor(type, undefined);
        return engine ? { type, served: true, engine: engine.name } : { type, served: false };
      }
      const modelVersions: ServedModelVersion[] = versions.accepted.map((modelVersion) => {
        const engine = this.engineFor(type, modelVersion);
        const serves = engine && (!engine.modelVersions || engine.modelVersions.includes(modelVersion));
        return serves
          ? { model_version: modelVersion, served: true, engine: engine.name, ...healthOf(engine) }
          : { model_version: modelVersion, served: false };
      });
      for (const modelVersion of this.deploymentModels.namesByTaskType()[type as 'text_to_model'] ?? []) {
        const engine = this.engineFor(type, modelVersion);
        const credits = this.deploymentModels.priceOf(modelVersion, type);
        if (engine)
          modelVersions.push({
            model_version: modelVersion,
            served: true,
            engine: engine.name,
            deployment_model: true,
            ...(credits ? { credits } : {}),
            ...healthOf(engine),
          });
      }
      const servedVersions = modelVersions.filter((entry) => entry.served);
      const engineNames = new Set(servedVersions.map((entry) => entry.engine));
      const capability: TaskTypeCapability = { type, served: servedVersions.length > 0, model_versions: modelVersions };
      if (engineNames.size === 1 && servedVersions.length === modelVersions.length)
        capability.engine = [...engineNames][0];
      return capability;
    });
  }

  /** The worker pools some route sends tasks to. */
  workerPools(): string[] {
    const pools = new Set<string>();
    for (const route of this.routes) {
      const queueName = route.engine?.queueName;
      if (queueName?.startsWith(WORKER_POOL_QUEUE_PREFIX)) pools.add(queueName.slice(WORKER_POOL_QUEUE_PREFIX.length));
    }
    return [...pools].sort();
  }
}

export const WORKER_POOL_QUEUE_PREFIX = 'pool:';

/** Built-in engines for the task types they declare, first engine wins. */
export function defaultRoutes(engines: readonly Engine[]): Route[] {
  const routes: Route[] = [];
  const seen = new Set<string>();
  for (const engine of engines) {
    for (const taskType of engine.taskTypes) {
      if (seen.has(taskType)) continue;
      seen.add(taskType);
      routes.push({ taskType, matches: () => true, engine, origin: 'default' });
    }
  }
  return routes;
}

function healthOf(engine: Engine): Pick<ServedModelVersion, 'degraded' | 'degraded_detail'> {
  const health = engine.health?.();
  return health?.degraded ? { degraded: true, ...(health.detail ? { degraded_detail: health.detail } : {}) } : {};
}

function modelVersionOf(request: TaskRequest): string | undefined {
  const modelVersion = (request as { model_version?: unknown }).model_version;
  return typeof modelVersion === 'string' ? modelVersion : undefined;
}
