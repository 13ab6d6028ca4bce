// Picks the adapter class of a 3D provider name (the platform's composition of engines/providers-3d/).
import type { Provider3dName } from '../../config.ts';
import { FalAdapter } from './fal-adapter.ts';
import { MeshyAdapter } from './meshy-adapter.ts';
import type { Provider3dAdapter } from './provider-3d.ts';
import type { ProviderApiSettings } from './provider-api.ts';
import { ReplicateAdapter } from './replicate-adapter.ts';
import { RodinAdapter } from './rodin-adapter.ts';
import { StabilityAdapter } from './stability-adapter.ts';

const ADAPTERS: Record<Provider3dName, new (settings: ProviderApiSettings) => Provider3dAdapter> = {
  meshy: MeshyAdapter,
  rodin: RodinAdapter,
  stability: StabilityAdapter,
  fal: FalAdapter,
  replicate: ReplicateAdapter,
};

export function createProviderAdapter(name: Provider3dName, settings: ProviderApiSettings): Provider3dAdapter {
  return new ADAPTERS[name](settings);
}
