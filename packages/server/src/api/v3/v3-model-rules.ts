// How each /v3 creation endpoint reads `model` (or its alias `model_version`) into the V2 request's model_version,
// and the V3-only image options that depend on the image model (tripo-api.md §6.1, §6.3).
import { describeInput } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';
import { invalid } from './v3-inputs.ts';
import {
  V3_DECIMATE_DEFAULT_MODEL,
  V3_DECIMATE_MODELS,
  V3_GENERATION_MODELS,
  V3_IMAGE_MODELS,
  V3_REFUSED_RIG_MODEL,
  V3_TEXTURE_DEFAULT_MODEL,
  V3_UNAVAILABLE_GENERATION_MODELS,
  type V3Operation,
} from './v3-operations.ts';

/** `model` and `model_version` name the same thing; both may be sent if they agree. */
export function requestedModelOf(model: unknown, modelVersion: unknown): string | undefined {
  if (model !== undefined && modelVersion !== undefined && model !== modelVersion) {
    throw invalid(
      'model',
      `and model_version disagree (${describeInput(model)} vs ${describeInput(modelVersion)}); send one of them`,
    );
  }
  const value = model ?? modelVersion;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw invalid('model', `must be a model version string (got ${describeInput(value)})`);
  return value;
}

/** The V2 model_version for this endpoint, or undefined to leave the V2 default. */
export function modelVersionFor(operation: V3Operation, model: string | undefined): string | undefined {
  const endpoint = `/v3/${operation.path}`;
  switch (operation.model) {
    case 'generation':
      if (model === undefined)
        throw invalid('model', `is required on ${endpoint}: one of ${V3_GENERATION_MODELS.join(', ')}`);
      if ((V3_UNAVAILABLE_GENERATION_MODELS as readonly string[]).includes(model)) {
        throw new DomainError(
          'notAvailable',
          `model ${model} is not served by this deployment; use one of ${V3_GENERATION_MODELS.join(', ')}`,
        );
      }
      return model;
    case 'texture':
      return model ?? V3_TEXTURE_DEFAULT_MODEL;
    case 'rig':
      if (model === V3_REFUSED_RIG_MODEL) {
        throw new DomainError(
          'invalidModelVersion',
          `model ${model} is not accepted on ${endpoint}; use v2.5-20260210 (or v1.0-20240301 for bipeds)`,
        );
      }
      return model;
    case 'decimate': {
      const chosen = model ?? V3_DECIMATE_DEFAULT_MODEL;
      const mapped = V3_DECIMATE_MODELS[chosen] ?? (chosen.startsWith('P-') ? chosen : undefined);
      if (!mapped)
        throw new DomainError(
          'invalidModelVersion',
          `model must be ${Object.keys(V3_DECIMATE_MODELS).join(' or ')} on ${endpoint} (got ${describeInput(chosen)})`,
        );
      return mapped;
    }
    case 'text-to-image':
      if (model !== undefined && !(model in V3_IMAGE_MODELS)) throw unknownImageModel(model);
      return undefined;
    case 'image-to-image': {
      if (model === undefined || !(model in V3_IMAGE_MODELS)) return model; // a V2 generate_image name, checked by the V2 schema
      const v2Name = V3_IMAGE_MODELS[model];
      if (!v2Name)
        throw new DomainError(
          'notAvailable',
          `image model ${model} is not served by this deployment; nothing was charged`,
        );
      return v2Name;
    }
    case 'pass-through':
      return model;
  }
}

const QUALITY_VALUES = ['low', 'medium', 'high', 'xhigh', 'max'];
const BACKGROUND_VALUES = ['auto', 'opaque', 'transparent'];
const ASPECT_RATIOS = [
  '1:1',
  '2:3',
  '3:2',
  '3:4',
  '4:3',
  '4:5',
  '5:4',
  '9:16',
  '16:9',
  '21:9',
  '1:8',
  '1:4',
  '4:1',
  '8:1',
];
const OUTPUT_FORMATS = ['png', 'jpeg'];

/** V3 image options that have no V2 field: checked against the model here, then left out of the V2 request. */
export const V3_IMAGE_ONLY_OPTIONS = [
  'size',
  'quality',
  'background',
  'aspect_ratio',
  'output_format',
  'watermark',
] as const;

export function checkImageOptions(model: string | undefined, options: Record<string, unknown>): void {
  const name = model ?? 'the default model';
  const oneOf = (field: string, values: string[]) => {
    if (options[field] !== undefined && !values.includes(options[field] as string))
      throw invalid(field, `must be one of ${values.join(', ')} (got ${describeInput(options[field])})`);
  };
  oneOf('quality', QUALITY_VALUES);
  oneOf('background', BACKGROUND_VALUES);
  oneOf('aspect_ratio', ASPECT_RATIOS);
  oneOf('output_format', OUTPUT_FORMATS);
  if (options.size !== undefined && typeof options.size !== 'string')
    throw invalid('size', `must be a string such as "2K" or "2048x2048" (got ${describeInput(options.size)})`);
  if (options.watermark !== undefined && typeof options.watermark !== 'boolean')
    throw invalid('watermark', `must be true or false (got ${describeInput(options.watermark)})`);
  if (options.quality !== undefined && !model?.startsWith('chat_image_2'))
    throw invalid('quality', `is only accepted with chat_image_2 and chat_image_2.5 models (model is ${name})`);
  if (options.background !== undefined && !model?.startsWith('chat_image_2.5'))
    throw invalid('background', `is only accepted with chat_image_2.5 models (model is ${name})`);
  if (options.aspect_ratio !== undefined && !model?.startsWith('banana'))
    throw invalid('aspect_ratio', `is only accepted with banana models (model is ${name})`);
}

function unknownImageModel(model: string): DomainError {
  return new DomainError(
    'invalidModelVersion',
    `model must be one of ${Object.keys(V3_IMAGE_MODELS).join(', ')} (got ${describeInput(model)})`,
  );
}
