// Boot-time checks of the 3D provider routing: every deployment name needs a route and a price, a route needs its
// provider's key, and providers serve the generation types (and texture_model where the provider has it) only; defaults publish names per configured provider.
import { describe, expect, it } from 'vitest';
import { parseModelPriceFile } from '../../billing/model-version-prices.ts';
import { ProviderRuntime } from '../providers-3d/provider-runtime.ts';
import { buildEngineRegistry } from './build-engine-registry.ts';
import type { Provider3dSetup } from './provider-3d-routes.ts';
import { parseRoutingRules } from './routing-rules.ts';

const settings = {
  apiKey: 'key',
  baseUrl: 'http://127.0.0.1:9',
  timeoutMs: 1000,
  maxAttempts: 1,
  pollIntervalMs: 10,
  taskTimeoutMs: 1000,
  maxDownloadBytes: 1024,
  maxConcurrent: 2,
  tasksPerMinute: 10,
};

function setup(providers: string[], prices?: unknown): Provider3dSetup {
  return {
    providers: Object.fromEntries(providers.map((name) => [name, settings])),
    runtime: new ProviderRuntime({ breakerFailures: 3, breakerOpenMs: 1000 }),
    download: { maxBytes: 1024, timeoutMs: 1000, allowPrivateAddresses: false },
    prices: prices === undefined ? undefined : parseModelPriceFile(prices, 'prices.json'),
  };
}

function build(providers: string[], routes?: unknown[], prices?: unknown) {
  return buildEngineRegistry({
    builtinEngines: [],
    providers: {},
    routing: routes ? parseRoutingRules({ routes }, 'routing.json') : undefined,
    providers3d: setup(providers, prices),
  });
}

describe('3D provider routing at boot', () => {
  it('publishes the default names of the configured providers only, with their default prices', () => {
    const registry = build(['fal', 'stability']);
    expect(registry.deploymentModels.namesByTaskType()).toEqual({
      image_to_model: ['sf3d', 'spar3d', 'trellis', 'hunyuan3d-2.1'],
      multiview_to_model: ['trellis'],
    });
    expect(registry.deploymentModels.priceOf('trellis', 'multiview_to_model')).toEqual({
      textured: 40,
      untextured: 40,
    });
    expect(registry.engineFor('image_to_model', 'trellis')?.name).toBe('provider:fal');
    expect(registry.engineFor('image_to_model', 'trellis')?.queueName).toBe('provider:fal');
    expect(build([]).deploymentModels.names()).toEqual([]);
  });

  it("orders a name's providers as the defaults list them, when several are configured", () => {
    expect(build(['replicate', 'fal']).engineFor('image_to_model', 'trellis')?.name).toBe('provider:fal>replicate');
  });

  it.each([
    [
      ['meshy'],
      [
        {
          task_type: 'text_to_model',
          model_version: 'house-model',
          engine: 'provider',
          provider: 'meshy',
          provider_model: 'meshy-6',
        },
      ],
      undefined,
      /model_version "house-model" is not a Tripo version of text_to_model .* give it a price for text_to_model in POLYFORGE_MODEL_PRICES_FILE/,
    ],
    [
      ['meshy'],
      undefined,
      { model_versions: { 'house-model': { text_to_model: 30 } } },
      /POLYFORGE_MODEL_PRICES_FILE \(prices.json\): no route serves house-model \(text_to_model\)/,
    ],
    [
      [],
      [
        {
          task_type: 'image_to_model',
          model_version: 'sf3d',
          engine: 'provider',
          provider: 'stability',
          provider_model: 'stable-fast-3d',
        },
      ],
      { model_versions: { sf3d: { image_to_model: 20 } } },
      /routes to provider stability, but POLYFORGE_STABILITY_API_KEY is not set/,
    ],
    [
      ['meshy'],
      [{ task_type: 'convert_model', engine: 'provider', provider: 'meshy', provider_model: 'meshy-6' }],
      undefined,
      /3D providers serve text_to_model, image_to_model, multiview_to_model, texture_model/,
    ],
    [
      ['stability'],
      [{ task_type: 'texture_model', engine: 'provider', provider: 'stability', provider_model: 'stable-fast-3d' }],
      undefined,
      /Stability model stable-fast-3d does not serve texture_model/,
    ],
    [
      ['meshy'],
      [{ task_type: 'texture_model', model_version: 'v3.0-*', engine: 'provider', provider: 'meshy' }],
      undefined,
      /set provider_model: the meshy model to run for texture_model/,
    ],
    [
      ['stability'],
      [
        {
          task_type: 'text_to_model',
          model_version: 'v3.1-*',
          engine: 'provider',
          provider: 'stability',
          provider_model: 'stable-fast-3d',
        },
      ],
      undefined,
      /Stability model stable-fast-3d does not serve text_to_model/,
    ],
    [
      ['fal'],
      [{ task_type: 'image_to_model', model_version: 'x', engine: 'providers', providers: [] }],
      { model_versions: { x: { image_to_model: 1 } } },
      /providers: must list at least one provider/,
    ],
  ])('refuses a configuration that cannot be served (%#)', (providers, routes, prices, message) => {
    expect(() => build(providers, routes, prices)).toThrow(message);
  });

  it('routes texture_model to Meshy at the Tripo versions the route names, publishing no name of its own', () => {
    const registry = build(
      ['meshy'],
      [
        {
          task_type: 'texture_model',
          model_version: 'v3.0-*',
          engine: 'provider',
          provider: 'meshy',
          provider_model: 'meshy-6',
        },
      ],
    );
    expect(registry.engineFor('texture_model', 'v3.0-20250812')?.name).toBe('provider:meshy');
    expect(registry.engineFor('texture_model', 'v2.5-20250123')).toBeUndefined();
    expect(registry.deploymentModels.namesByTaskType()).not.toHaveProperty('texture_model');
  });

  it('lets a route serve a Tripo version with providers, and a price file rename prices', () => {
    const registry = build(
      ['meshy'],
      [
        {
          task_type: 'text_to_model',
          model_version: 'v2.5-*',
          engine: 'provider',
          provider: 'meshy',
          provider_model: 'meshy-5',
        },
      ],
      { model_versions: { 'meshy-6': { text_to_model: { textured: 45, untextured: 30 } } } },
    );
    expect(registry.engineFor('text_to_model', 'v2.5-20250123')?.name).toBe('provider:meshy');
    expect(registry.deploymentModels.priceOf('meshy-6', 'text_to_model')).toEqual({ textured: 45, untextured: 30 });
    expect(registry.deploymentModels.priceOf('meshy-6', 'image_to_model')).toEqual({ textured: 50, untextured: 40 });
  });
});
