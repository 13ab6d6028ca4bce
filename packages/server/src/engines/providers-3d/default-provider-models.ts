// The model_version names a deployment publishes as soon as the operator sets a provider's key (one step), with
// their default credit prices and the provider models behind them in failover order. The price file overrides
// prices; the routing file adds names or reorders providers (docs/providers-3d.md).
import type { DeploymentModelTaskType, ModelVersionPrice } from '../../billing/model-version-prices.ts';
import type { Provider3dName } from '../../config.ts';
import type { Provider3dInputFields } from './provider-3d.ts';

export interface DefaultProviderLink {
  provider: Provider3dName;
  /** the provider's model per task type it serves under this name */
  models: Partial<Record<DeploymentModelTaskType, string>>;
  inputFields?: Provider3dInputFields;
}

export interface DefaultModelVersion {
  name: string;
  prices: Partial<Record<DeploymentModelTaskType, ModelVersionPrice>>;
  links: DefaultProviderLink[];
}

const flat = (credits: number): ModelVersionPrice => ({ textured: credits, untextured: credits });

export const DEFAULT_PROVIDER_MODELS: readonly DefaultModelVersion[] = [
  {
    name: 'meshy-6',
    prices: {
      text_to_model: { textured: 40, untextured: 30 },
      image_to_model: { textured: 50, untextured: 40 },
      multiview_to_model: { textured: 50, untextured: 40 },
    },
    links: [
      {
        provider: 'meshy',
        models: { text_to_model: 'meshy-6', image_to_model: 'meshy-6', multiview_to_model: 'meshy-6' },
      },
    ],
  },
  {
    name: 'rodin-gen2',
    prices: {
      text_to_model: { textured: 50, untextured: 40 },
      image_to_model: { textured: 60, untextured: 50 },
      multiview_to_model: { textured: 60, untextured: 50 },
    },
    links: [
      { provider: 'rodin', models: { text_to_model: 'Gen-2', image_to_model: 'Gen-2', multiview_to_model: 'Gen-2' } },
    ],
  },
  {
    name: 'sf3d',
    prices: { image_to_model: flat(20) },
    links: [{ provider: 'stability', models: { image_to_model: 'stable-fast-3d' } }],
  },
  {
    name: 'spar3d',
    prices: { image_to_model: flat(25) },
    links: [{ provider: 'stability', models: { image_to_model: 'stable-point-aware-3d' } }],
  },
  {
    name: 'trellis',
    prices: { image_to_model: flat(30), multiview_to_model: flat(40) },
    links: [
      { provider: 'fal', models: { image_to_model: 'fal-ai/trellis', multiview_to_model: 'fal-ai/trellis/multi' } },
      {
        provider: 'replicate',
        models: { image_to_model: 'firtoz/trellis', multiview_to_model: 'firtoz/trellis' },
        inputFields: { image: 'images[]', images: 'images' },
      },
    ],
  },
  {
    name: 'hunyuan3d-2.1',
    prices: { image_to_model: flat(40) },
    links: [{ provider: 'fal', models: { image_to_model: 'fal-ai/hunyuan3d-v21' } }],
  },
];
