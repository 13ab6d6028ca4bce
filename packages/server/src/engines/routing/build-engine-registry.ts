// Turns the routing rules and the operator's provider/upstream settings into the engine registry, checking at
// boot that every route can be served (known task type, a matching model_version, a configured provider...).
import { MODEL_VERSION_TABLES, TASK_TYPES } from '@polyforge/protocol';
import { defaultRoutes, EngineRegistry, type Route } from '../engine-registry.ts';
import type { Engine } from '../engine.ts';
import { BflImageProvider } from '../providers/bfl-image-provider.ts';
import { GeminiImageProvider } from '../providers/gemini-image-provider.ts';
import { PROVIDER_MODELS, type ImageProvider, type ProviderSettings } from '../providers/image-provider.ts';
import { IMAGE_PROVIDER_TASK_TYPES, ImageProviderEngine } from '../providers/image-provider-engine.ts';
import { OpenAiImageProvider } from '../providers/openai-image-provider.ts';
import { WorkerPoolEngine } from '../remote/worker-pool-engine.ts';
import type { UpstreamSettings } from '../upstream/upstream-client.ts';
import { UpstreamEngine } from '../upstream/upstream-engine.ts';
import {
  modelVersionMatcher,
  PROVIDER_NAMES,
  RoutingConfigError,
  type ProviderName,
  type RouteRule,
  type RoutingRules,
} from './routing-rules.ts';
import { isProvider3dName, Provider3dRouting, type Provider3dSetup } from './provider-3d-routes.ts';

export interface EngineRegistryOptions {
  builtinEngines: readonly Engine[];
  routing?: RoutingRules;
  /** providers the operator configured (an API key is set) */
  providers: Partial<Record<ProviderName, ProviderSettings>>;
  upstream?: UpstreamSettings;
  /** hosted 3D providers, their runtime state and the operator's model prices (absent: none configured) */
  providers3d?: Provider3dSetup;
}

const PROVIDER_KEY_SETTINGS: Record<ProviderName, string> = {
  openai: 'POLYFORGE_OPENAI_API_KEY',
  gemini: 'POLYFORGE_GEMINI_API_KEY',
  bfl: 'POLYFORGE_BFL_API_KEY',
};

const PROVIDER_FACTORIES: Record<ProviderName, (settings: ProviderSettings) => ImageProvider> = {
  openai: (settings) => new OpenAiImageProvider(settings),
  gemini: (settings) => new GeminiImageProvider(settings),
  bfl: (settings) => new BflImageProvider(settings),
};

export function buildEngineRegistry(options: EngineRegistryOptions): EngineRegistry {
  const routes: Route[] = [];
  const pools = new Map<string, WorkerPoolEngine>();
  const providers3d = new Provider3dRouting(options.providers3d);
  let upstreamEngine: UpstreamEngine | undefined;
  const rules = options.routing;
  rules?.routes.forEach((rule, index) => {
    const origin = `routes[${index}] (task_type ${rule.task_type})`;
    const fail = (problem: string): never => {
      throw new RoutingConfigError(`${rules.source}: ${origin}: ${problem}`);
    };
    checkTaskTypeAndVersion(rule, fail, providers3d);
    const engine = engineOfRule(rule, options, fail, providers3d, {
      pool: (name) => {
        const existing = pools.get(name);
        const engine = new WorkerPoolEngine(
          name,
          [...new Set([...(existing?.taskTypes ?? []), rule.task_type])],
          rule.estimate_seconds,
        );
        pools.set(name, engine);
        return engine;
      },
      upstream: () =>
        (upstreamEngine ??= new UpstreamEngine(options.upstream as UpstreamSettings, rule.estimate_seconds)),
    });
    routes.push({
      taskType: rule.task_type,
      modelVersionPattern: rule.model_version,
      matches: modelVersionMatcher(rule.model_version),
      engine,
      origin,
    });
  });
  if (rules?.useDefaults ?? true) {
    // configured providers first: they name exact model versions, the built-in defaults whole task types
    routes.push(...providers3d.defaultRoutes());
    for (const name of PROVIDER_NAMES) {
      const settings = options.providers[name];
      if (!settings) continue;
      const engine = new ImageProviderEngine(PROVIDER_FACTORIES[name](settings));
      for (const modelVersion of Object.keys(PROVIDER_MODELS[name])) {
        routes.push({
          taskType: 'generate_image',
          modelVersionPattern: modelVersion,
          matches: (candidate) => candidate === modelVersion,
          engine,
          origin: 'default',
        });
      }
    }
    routes.push(...defaultRoutes(options.builtinEngines));
  }
  return new EngineRegistry(options.builtinEngines, routes, {
    deploymentModels: providers3d.published(routes),
    providerRuntime: options.providers3d?.runtime,
  });
}

function checkTaskTypeAndVersion(
  rule: RouteRule,
  fail: (problem: string) => never,
  providers3d: Provider3dRouting,
): void {
  if (rule.task_type === '*') return;
  if (!(TASK_TYPES as readonly string[]).includes(rule.task_type))
    fail(`"${rule.task_type}" is not a task type; use one of ${TASK_TYPES.join(', ')} or "*"`);
  if (rule.model_version === undefined || rule.model_version === '*') return;
  const table = (MODEL_VERSION_TABLES as Record<string, { accepted: readonly string[] }>)[rule.task_type];
  if (!table) fail(`${rule.task_type} has no model_version; leave model_version out`);
  const matches = modelVersionMatcher(rule.model_version);
  // a name of the deployment's own (no wildcard, not a Tripo version) needs a price
  if (!rule.model_version.includes('*') && !table.accepted.includes(rule.model_version)) {
    if (providers3d.isPriced(rule.model_version, rule.task_type)) return;
    fail(
      `model_version "${rule.model_version}" is not a Tripo version of ${rule.task_type} (${table.accepted.join(', ')}); to publish it as this deployment's own name, give it a price for ${rule.task_type} in POLYFORGE_MODEL_PRICES_FILE`,
    );
  }
  if (!table.accepted.some((version) => matches(version))) {
    fail(
      `model_version "${rule.model_version}" matches none of the versions ${rule.task_type} accepts (${table.accepted.join(', ')})`,
    );
  }
}

function engineOfRule(
  rule: RouteRule,
  options: EngineRegistryOptions,
  fail: (problem: string) => never,
  providers3d: Provider3dRouting,
  make: { pool: (name: string) => WorkerPoolEngine; upstream: () => UpstreamEngine },
): Engine | null {
  switch (rule.engine) {
    case 'none':
      return null;
    case 'builtin': {
      if (rule.task_type === '*') fail('a builtin route needs a task type');
      const engine = options.builtinEngines.find((candidate) => candidate.taskTypes.includes(rule.task_type));
      if (!engine) fail(`no built-in engine serves ${rule.task_type}`);
      return engine as Engine;
    }
    case 'worker_pool':
      if (rule.task_type === '*')
        fail('a worker_pool route needs a task type (add one route per type the pool serves)');
      return make.pool(rule.pool);
    case 'upstream':
      if (!options.upstream)
        fail('routes to the upstream API, but POLYFORGE_UPSTREAM_URL and POLYFORGE_UPSTREAM_API_KEY are not set');
      return make.upstream();
    case 'providers':
      return providers3d.engineOfRule(rule, fail);
    case 'provider': {
      if (isProvider3dName(rule.provider)) return providers3d.engineOfRule(rule, fail);
      const imageProvider = rule.provider as ProviderName;
      const settings = options.providers[imageProvider];
      if (!settings)
        fail(`routes to provider ${imageProvider}, but ${PROVIDER_KEY_SETTINGS[imageProvider]} is not set`);
      if (!(IMAGE_PROVIDER_TASK_TYPES as readonly string[]).includes(rule.task_type))
        fail(`provider ${imageProvider} serves ${IMAGE_PROVIDER_TASK_TYPES.join(' and ')} only`);
      if (rule.task_type === 'generate_image' && !rule.provider_model) {
        const matches = modelVersionMatcher(rule.model_version);
        const unserved = MODEL_VERSION_TABLES.generate_image.accepted.filter(
          (version) => matches(version) && !PROVIDER_MODELS[imageProvider][version],
        );
        if (unserved.length > 0) {
          fail(
            `provider ${imageProvider} does not serve model_version ${unserved.join(', ')}; narrow model_version (it serves ${Object.keys(PROVIDER_MODELS[imageProvider]).join(', ')}) or set provider_model`,
          );
        }
      }
      return new ImageProviderEngine(
        PROVIDER_FACTORIES[imageProvider](settings as ProviderSettings),
        rule.provider_model,
        rule.estimate_seconds,
      );
    }
  }
}
