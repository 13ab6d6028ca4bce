// The routing of the operator's 3D providers: `provider` / `providers` routes of the routing file become provider
// chain engines, configured providers publish their default model_version names (default-provider-models.ts),
// and every deployment name is checked at boot to have both a route and a price.
import {
  DeploymentModelPrices,
  type DeploymentModelTaskType,
  type ModelPriceFile,
  type ModelVersionPriceTable,
} from '../../billing/model-version-prices.ts';
import { PROVIDER_3D_NAMES, type Provider3dName } from '../../config.ts';
import type { Route } from '../engine-registry.ts';
import { createProviderAdapter } from '../providers-3d/create-provider-adapter.ts';
import { DEFAULT_PROVIDER_MODELS } from '../providers-3d/default-provider-models.ts';
import type { FetchProviderOutputOptions } from '../providers-3d/fetch-provider-output.ts';
import type { Provider3dAdapter, Provider3dTaskType } from '../providers-3d/provider-3d.ts';
import type { ProviderApiSettings } from '../providers-3d/provider-api.ts';
import { ProviderChainEngine, type ProviderLink } from '../providers-3d/provider-chain-engine.ts';
import type { ProviderRuntime } from '../providers-3d/provider-runtime.ts';
import type { ProviderLinkRule, RouteRule } from './routing-rules.ts';

export interface Provider3dSetup {
  /** configured providers: API settings and limits */
  providers: Partial<Record<Provider3dName, ProviderApiSettings & { maxConcurrent: number; tasksPerMinute: number }>>;
  runtime: ProviderRuntime;
  download: FetchProviderOutputOptions;
  prices?: ModelPriceFile;
}

export const PROVIDER_3D_TASK_TYPES = [
  'text_to_model',
  'image_to_model',
  'multiview_to_model',
] as const satisfies readonly Provider3dTaskType[];
/** What a routing-file route may send to a provider: the generations, and texture_model (at its Tripo price). */
export const PROVIDER_3D_ROUTABLE_TASK_TYPES: readonly Provider3dTaskType[] = [
  ...PROVIDER_3D_TASK_TYPES,
  'texture_model',
];

export function isProvider3dName(name: string): name is Provider3dName {
  return (PROVIDER_3D_NAMES as readonly string[]).includes(name);
}

export class Provider3dRouting {
  private readonly adapters = new Map<Provider3dName, Provider3dAdapter>();
  /** deployment name → task type → credits: the defaults of configured providers, overridden by the price file */
  readonly priceTable: ModelVersionPriceTable;

  constructor(private readonly setup: Provider3dSetup | undefined) {
    const table: ModelVersionPriceTable = {};
    for (const entry of DEFAULT_PROVIDER_MODELS) {
      if (entry.links.some((link) => setup?.providers[link.provider])) table[entry.name] = { ...entry.prices };
    }
    for (const [name, prices] of Object.entries(setup?.prices?.modelVersions ?? {}))
      table[name] = { ...table[name], ...prices };
    this.priceTable = table;
  }

  isPriced(modelVersion: string, taskType: string): boolean {
    return this.priceTable[modelVersion]?.[taskType as DeploymentModelTaskType] !== undefined;
  }

  /** The engine of a routing-file `provider` (3D) or `providers` route. */
  engineOfRule(
    rule: Extract<RouteRule, { engine: 'provider' | 'providers' }>,
    fail: (problem: string) => never,
  ): ProviderChainEngine {
    if (rule.task_type === '*' || !(PROVIDER_3D_ROUTABLE_TASK_TYPES as readonly string[]).includes(rule.task_type)) {
      fail(`3D providers serve ${PROVIDER_3D_ROUTABLE_TASK_TYPES.join(', ')}; name one of them as task_type`);
    }
    const links: ProviderLinkRule[] =
      rule.engine === 'providers'
        ? rule.providers
        : [
            {
              provider: rule.provider as Provider3dName,
              model:
                rule.provider_model ??
                defaultModelOf(rule.provider as Provider3dName, rule.task_type, rule.model_version, fail),
            },
          ];
    return this.chain(
      rule.model_version ?? '*',
      rule.task_type as Provider3dTaskType,
      links.map((link) => this.linkOf(link, rule.task_type as Provider3dTaskType, fail)),
      rule.estimate_seconds,
    );
  }

  /** Routes of the default model names whose providers are configured, one per (name, task type). */
  defaultRoutes(): Route[] {
    const routes: Route[] = [];
    for (const entry of DEFAULT_PROVIDER_MODELS) {
      for (const taskType of PROVIDER_3D_TASK_TYPES) {
        const links = entry.links
          .filter((link) => this.setup?.providers[link.provider] && link.models[taskType])
          .map((link) =>
            this.linkOf(
              { provider: link.provider, model: link.models[taskType]!, input_fields: link.inputFields },
              taskType,
              () => undefined as never,
            ),
          );
        if (links.length === 0 || !this.isPriced(entry.name, taskType)) continue;
        const engine = this.chain(entry.name, taskType, links);
        routes.push({
          taskType,
          modelVersionPattern: entry.name,
          matches: (candidate) => candidate === entry.name,
          engine,
          origin: 'default',
        });
      }
    }
    return routes;
  }

  /**
   * The deployment names a route explicitly serves (pattern naming them, engine set), with their prices; a priced name
   * nothing serves is a configuration error unless it is a default whose provider is not configured.
   */
  published(routes: readonly Route[]): DeploymentModelPrices {
    const table: ModelVersionPriceTable = {};
    const unserved: string[] = [];
    for (const [name, prices] of Object.entries(this.priceTable)) {
      for (const [taskType, price] of Object.entries(prices) as [
        DeploymentModelTaskType,
        { textured: number; untextured: number },
      ][]) {
        const route = routes.find(
          (candidate) => (candidate.taskType === '*' || candidate.taskType === taskType) && candidate.matches(name),
        );
        if (route?.engine && route.modelVersionPattern !== undefined && route.modelVersionPattern !== '*') {
          (table[name] ??= {})[taskType] = price;
        } else if (
          this.setup?.prices?.modelVersions[name]?.[taskType] !== undefined &&
          !DEFAULT_PROVIDER_MODELS.some((entry) => entry.name === name)
        ) {
          unserved.push(`${name} (${taskType})`);
        }
      }
    }
    if (unserved.length > 0) {
      throw new Error(
        `Invalid configuration: POLYFORGE_MODEL_PRICES_FILE (${this.setup?.prices?.source}): no route serves ${unserved.join(', ')}; add a route naming it in POLYFORGE_ROUTING_FILE or remove its price`,
      );
    }
    return new DeploymentModelPrices(table);
  }

  private chain(
    modelVersion: string,
    taskType: Provider3dTaskType,
    links: ProviderLink[],
    estimatedSeconds?: number,
  ): ProviderChainEngine {
    const setup = this.setup!;
    return new ProviderChainEngine({
      modelVersion,
      taskTypes: [taskType],
      links,
      runtime: setup.runtime,
      download: setup.download,
      estimatedSeconds,
    });
  }

  private linkOf(rule: ProviderLinkRule, taskType: Provider3dTaskType, fail: (problem: string) => never): ProviderLink {
    const settings = this.setup?.providers[rule.provider];
    if (!settings || !this.setup)
      return fail(
        `routes to provider ${rule.provider}, but POLYFORGE_${rule.provider.toUpperCase()}_API_KEY is not set`,
      );
    let adapter = this.adapters.get(rule.provider);
    if (!adapter) {
      adapter = createProviderAdapter(rule.provider, settings);
      this.adapters.set(rule.provider, adapter);
      this.setup.runtime.register(rule.provider, {
        maxConcurrent: settings.maxConcurrent,
        tasksPerMinute: settings.tasksPerMinute,
      });
    }
    if (!adapter.taskTypesOf(rule.model).includes(taskType))
      fail(`${adapter.displayName} model ${rule.model} does not serve ${taskType}`);
    const costs = this.setup.prices?.providerCosts[rule.provider];
    return {
      adapter,
      model: rule.model,
      extraInput: rule.input,
      inputFields: rule.input_fields,
      cost: costs ? { usdPerTask: costs.usd_per_task, usdPerUnit: costs.usd_per_unit } : undefined,
    };
  }
}

/** A `provider` route without provider_model: the default model of that provider under the route's model name. */
function defaultModelOf(
  provider: Provider3dName,
  taskType: string,
  modelVersion: string | undefined,
  fail: (problem: string) => never,
): string {
  const entry = DEFAULT_PROVIDER_MODELS.find((candidate) => candidate.name === modelVersion);
  const model = entry?.links.find((link) => link.provider === provider)?.models[taskType as DeploymentModelTaskType];
  return model ?? fail(`set provider_model: the ${provider} model to run for ${taskType}`);
}
