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
import { modelVersionMatcher, PROVIDER_NAMES, RoutingConfigError, type ProviderName, type RouteRule, type RoutingRules } from './routing-rules.ts';

export interface EngineRegistryOptions {
  builtinEngines: readonly Engine[];
  routing?: RoutingRules;
  /** providers the operator configured (an API key is set) */
  providers: Partial<Record<ProviderName, ProviderSettings>>;
  upstream?: UpstreamSettings;
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
  let upstreamEngine: UpstreamEngine | undefined;
  const rules = options.routing;
  rules?.routes.forEach((rule, index) => {
    const origin = `routes[${index}] (task_type ${rule.task_type})`;
    const fail = (problem: string): never => {
      throw new RoutingConfigError(`${rules.source}: ${origin}: ${problem}`);
    };
    checkTaskTypeAndVersion(rule, fail);
    const engine = engineOfRule(rule, options, fail, {
      pool: (name) => {
        const existing = pools.get(name);
        const engine = new WorkerPoolEngine(name, [...new Set([...(existing?.taskTypes ?? []), rule.task_type])], rule.estimate_seconds);
        pools.set(name, engine);
        return engine;
      },
      upstream: () => (upstreamEngine ??= new UpstreamEngine(options.upstream as UpstreamSettings, rule.estimate_seconds)),
    });
    routes.push({ taskType: rule.task_type, modelVersionPattern: rule.model_version, matches: modelVersionMatcher(rule.model_version), engine, origin });
  });
  if (rules?.useDefaults ?? true) {
    // configured providers first: they name exact model versions, the built-in defaults whole task types
    for (const name of PROVIDER_NAMES) {
      const settings = options.providers[name];
      if (!settings) continue;
      const engine = new ImageProviderEngine(PROVIDER_FACTORIES[name](settings));
      for (const modelVersion of Object.keys(PROVIDER_MODELS[name])) {
        routes.push({ taskType: 'generate_image', modelVersionPattern: modelVersion, matches: (candidate) => candidate === modelVersion, engine, origin: 'default' });
      }
    }
    routes.push(...defaultRoutes(options.builtinEngines));
  }
  return new EngineRegistry(options.builtinEngines, routes);
}

function checkTaskTypeAndVersion(rule: RouteRule, fail: (problem: string) => never): void {
  if (rule.task_type === '*') return;
  if (!(TASK_TYPES as readonly string[]).includes(rule.task_type)) fail(`"${rule.task_type}" is not a task type; use one of ${TASK_TYPES.join(', ')} or "*"`);
  if (rule.model_version === undefined || rule.model_version === '*') return;
  const table = (MODEL_VERSION_TABLES as Record<string, { accepted: readonly string[] }>)[rule.task_type];
  if (!table) fail(`${rule.task_type} has no model_version; leave model_version out`);
  const matches = modelVersionMatcher(rule.model_version);
  if (!table.accepted.some((version) => matches(version))) {
    fail(`model_version "${rule.model_version}" matches none of the versions ${rule.task_type} accepts (${table.accepted.join(', ')})`);
  }
}

function engineOfRule(
  rule: RouteRule,
  options: EngineRegistryOptions,
  fail: (problem: string) => never,
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
      if (rule.task_type === '*') fail('a worker_pool route needs a task type (add one route per type the pool serves)');
      return make.pool(rule.pool);
    case 'upstream':
      if (!options.upstream) fail('routes to the upstream API, but POLYFORGE_UPSTREAM_URL and POLYFORGE_UPSTREAM_API_KEY are not set');
      return make.upstream();
    case 'provider': {
      const settings = options.providers[rule.provider];
      if (!settings) fail(`routes to provider ${rule.provider}, but ${PROVIDER_KEY_SETTINGS[rule.provider]} is not set`);
      if (!(IMAGE_PROVIDER_TASK_TYPES as readonly string[]).includes(rule.task_type)) fail(`provider ${rule.provider} serves ${IMAGE_PROVIDER_TASK_TYPES.join(' and ')} only`);
      if (rule.task_type === 'generate_image' && !rule.provider_model) {
        const matches = modelVersionMatcher(rule.model_version);
        const unserved = MODEL_VERSION_TABLES.generate_image.accepted.filter((version) => matches(version) && !PROVIDER_MODELS[rule.provider][version]);
        if (unserved.length > 0) {
          fail(`provider ${rule.provider} does not serve model_version ${unserved.join(', ')}; narrow model_version (it serves ${Object.keys(PROVIDER_MODELS[rule.provider]).join(', ')}) or set provider_model`);
        }
      }
      return new ImageProviderEngine(PROVIDER_FACTORIES[rule.provider](settings as ProviderSettings), rule.provider_model, rule.estimate_seconds);
    }
  }
}
