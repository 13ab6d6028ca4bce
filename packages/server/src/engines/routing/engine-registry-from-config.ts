// The engine registry this deployment's settings describe: built-in engines, the routing file, configured
// providers and upstream. Used by the platform and by the ops commands, so both see the same routing.
import type { PlatformConfig } from '../../config.ts';
import type { EngineRegistry } from '../engine-registry.ts';
import type { Engine } from '../engine.ts';
import type { ProviderSettings } from '../providers/image-provider.ts';
import { buildEngineRegistry } from './build-engine-registry.ts';
import { loadModelPriceFile } from '../../billing/model-version-prices.ts';
import { PROVIDER_3D_NAMES } from '../../config.ts';
import { ProviderRuntime } from '../providers-3d/provider-runtime.ts';
import type { Provider3dSetup } from './provider-3d-routes.ts';
import { loadRoutingFile, PROVIDER_NAMES, type ProviderName } from './routing-rules.ts';

export function engineRegistryFromConfig(
  config: Readonly<PlatformConfig>,
  builtinEngines: readonly Engine[],
): EngineRegistry {
  const providers: Partial<Record<ProviderName, ProviderSettings>> = {};
  for (const name of PROVIDER_NAMES) {
    const provider = config.providers[name];
    if (provider)
      providers[name] = {
        ...provider,
        timeoutMs: config.providerTimeoutSeconds * 1000,
        maxAttempts: config.providerMaxAttempts,
      };
  }
  const upstream = config.upstream && {
    baseUrl: config.upstream.baseUrl,
    apiKey: config.upstream.apiKey,
    timeoutMs: config.providerTimeoutSeconds * 1000,
    maxAttempts: config.providerMaxAttempts,
    minPollIntervalMs: config.upstream.pollSeconds * 1000,
    taskTimeoutMs: config.upstream.taskTimeoutSeconds * 1000,
    download: {
      maxBytes: config.provider3d.maxDownloadBytes,
      timeoutMs: config.providerTimeoutSeconds * 1000,
      allowPrivateAddresses: config.provider3d.downloadAllowPrivate,
    },
  };
  return buildEngineRegistry({
    builtinEngines,
    routing: config.routingFile ? loadRoutingFile(config.routingFile) : undefined,
    providers,
    upstream,
    providers3d: provider3dSetupOf(config),
  });
}

function provider3dSetupOf(config: Readonly<PlatformConfig>): Provider3dSetup {
  const settings = config.provider3d;
  const providers: Provider3dSetup['providers'] = {};
  for (const name of PROVIDER_3D_NAMES) {
    const provider = config.providers3d[name];
    if (!provider) continue;
    providers[name] = {
      ...provider,
      timeoutMs: config.providerTimeoutSeconds * 1000,
      maxAttempts: config.providerMaxAttempts,
      pollIntervalMs: settings.pollIntervalMs,
      taskTimeoutMs: settings.taskTimeoutMs,
      maxDownloadBytes: settings.maxDownloadBytes,
    };
  }
  return {
    providers,
    runtime: new ProviderRuntime({ breakerFailures: settings.breakerFailures, breakerOpenMs: settings.breakerOpenMs }),
    download: {
      maxBytes: settings.maxDownloadBytes,
      timeoutMs: config.providerTimeoutSeconds * 1000,
      allowPrivateAddresses: settings.downloadAllowPrivate,
    },
    prices: loadModelPriceFile(settings.pricesFile),
  };
}
