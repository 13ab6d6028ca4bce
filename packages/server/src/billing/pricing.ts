// The price of a task in credits, from its parsed request alone (shared/spec/pricing.txt; decisions in docs/pricing.md).
import {
  CONVERT_MODEL_DEFAULTS,
  PREMIUM_IMAGE_MODEL_VERSIONS,
  defaultTextureFormat,
  isP1ModelVersion,
  retargetAnimationsOf,
  type TaskRequest,
  type TaskRequestOf,
} from '@polyforge/protocol';
import type { DeploymentModelPrices } from './model-version-prices.ts';

export interface TaskPriceLine {
  item: string;
  credits: number;
}

export interface TaskPrice {
  costCredits: number;
  lines: TaskPriceLine[];
}

type GenerationType = 'text_to_model' | 'image_to_model' | 'multiview_to_model';

/** Every credit amount in one place; rows of pricing.txt unless marked "decided" (see docs/pricing.md). */
export const PRICE_CREDITS = {
  textToImage: 5,
  generateImage: 5,
  generateImagePremium: 10,
  generateMultiviewImage: 10,
  editMultiviewImagePerView: 5,
  generation: {
    text_to_model: { hSeries: { untextured: 10, textured: 20 }, p1: { untextured: 30, textured: 40 } },
    image_to_model: { hSeries: { untextured: 20, textured: 30 }, p1: { untextured: 40, textured: 50 } },
    multiview_to_model: { hSeries: { untextured: 20, textured: 30 }, p1: { untextured: 40, textured: 50 } },
  },
  detailedTexture: 10,
  extremeTexture: 20, // decided
  smartLowPolyOption: 10,
  quadOption: 5,
  generatePartsOption: 20,
  detailedGeometry: 20, // decided
  styleOption: 5, // decided
  refineModel: 30, // decided
  textureModel: 10,
  stylizeModel: 20, // decided
  meshSegmentation: 40,
  meshCompletion: 50,
  smartLowPoly: 30,
  preRigCheck: 0,
  rig: 25,
  retargetPerAnimation: 10,
  conversion: 5,
  complexConversion: 5,
  importModel: 0,
} as const;

const P = PRICE_CREDITS;

/** The price of a request; `deploymentModels` prices the deployment's own model_version names (provider models). */
export function priceTask(request: TaskRequest, deploymentModels?: DeploymentModelPrices): TaskPrice {
  const lines = deploymentModelLines(request, deploymentModels) ?? priceLines(request);
  return { costCredits: lines.reduce((sum, line) => sum + line.credits, 0), lines };
}

function priceLines(request: TaskRequest): TaskPriceLine[] {
  switch (request.type) {
    case 'text_to_model':
    case 'image_to_model':
    case 'multiview_to_model':
      return generationLines(request);
    case 'refine_model':
      return [{ item: 'refine model', credits: P.refineModel }];
    case 'texture_model':
      return [{ item: 'texture model', credits: P.textureModel }, ...textureQualityLines(request.texture_quality)];
    case 'stylize_model':
      return [{ item: `stylize model (${request.style})`, credits: P.stylizeModel }];
    case 'text_to_image':
      return [{ item: 'basic text to image', credits: P.textToImage }];
    case 'generate_image': {
      const premium = PREMIUM_IMAGE_MODEL_VERSIONS.includes(request.model_version);
      return [
        {
          item: `advanced image generation (${request.model_version})`,
          credits: premium ? P.generateImagePremium : P.generateImage,
        },
      ];
    }
    case 'generate_multiview_image':
      return [{ item: 'generate multiview image', credits: P.generateMultiviewImage }];
    case 'edit_multiview_image': {
      const views = request.prompts.length;
      return [
        {
          item: `edit multiview image (${views} view${views === 1 ? '' : 's'})`,
          credits: P.editMultiviewImagePerView * views,
        },
      ];
    }
    case 'import_model':
      return [{ item: 'import model', credits: P.importModel }];
    case 'convert_model':
      return conversionLines(request);
    case 'mesh_segmentation':
      return [{ item: 'mesh segmentation', credits: P.meshSegmentation }];
    case 'mesh_completion':
      return [{ item: 'mesh completion', credits: P.meshCompletion }];
    case 'highpoly_to_lowpoly':
      return [{ item: 'smart low poly', credits: P.smartLowPoly }];
    case 'animate_prerigcheck':
      return [{ item: 'pre-rig check', credits: P.preRigCheck }];
    case 'animate_rig':
      return [{ item: 'rig', credits: P.rig }];
    case 'animate_retarget': {
      const count = retargetAnimationsOf(request).length;
      return [
        { item: `retarget (${count} animation${count === 1 ? '' : 's'})`, credits: P.retargetPerAnimation * count },
      ];
    }
    default:
      return assertNever(request);
  }
}

function generationLines(request: TaskRequestOf<GenerationType>): TaskPriceLine[] {
  const isP1 = isP1ModelVersion(request.model_version);
  // the parser already forced texture=true when pbr=true
  const textured = request.texture || request.pbr;
  const family = isP1 ? 'p1' : 'hSeries';
  const base = P.generation[request.type][family][textured ? 'textured' : 'untextured'];
  const lines: TaskPriceLine[] = [
    {
      item: `${request.type.replaceAll('_', ' ')} (${isP1 ? 'P1' : 'H-series'}, ${textured ? 'textured' : 'no texture'})`,
      credits: base,
    },
  ];
  // pricing.txt lists additional parameters for H2/H3 only; a P1 price is flat
  if (isP1) return lines;
  if (textured) lines.push(...textureQualityLines(request.texture_quality));
  if (request.geometry_quality === 'detailed')
    lines.push({ item: 'geometry_quality=detailed', credits: P.detailedGeometry });
  if (request.smart_low_poly) lines.push({ item: 'smart_low_poly=true', credits: P.smartLowPolyOption });
  if (request.quad) lines.push({ item: 'quad=true', credits: P.quadOption });
  if (request.generate_parts) lines.push({ item: 'generate_parts=true', credits: P.generatePartsOption });
  if (request.style !== undefined) lines.push({ item: `style=${request.style}`, credits: P.styleOption });
  return lines;
}

/**
 * A generation with one of the deployment's own model names: its price from the price file, plus the option
 * surcharges our geometry engine applies afterwards at the H-series rates (quad, smart_low_poly).
 */
function deploymentModelLines(
  request: TaskRequest,
  deploymentModels: DeploymentModelPrices | undefined,
): TaskPriceLine[] | undefined {
  if (
    !deploymentModels ||
    (request.type !== 'text_to_model' && request.type !== 'image_to_model' && request.type !== 'multiview_to_model')
  )
    return undefined;
  const price = deploymentModels.priceOf(request.model_version, request.type);
  if (!price) return undefined;
  const textured = request.texture || request.pbr;
  const lines: TaskPriceLine[] = [
    {
      item: `${request.type.replaceAll('_', ' ')} (${request.model_version}, ${textured ? 'textured' : 'no texture'})`,
      credits: textured ? price.textured : price.untextured,
    },
  ];
  if (request.smart_low_poly) lines.push({ item: 'smart_low_poly=true', credits: P.smartLowPolyOption });
  if (request.quad) lines.push({ item: 'quad=true', credits: P.quadOption });
  return lines;
}

function textureQualityLines(quality: 'standard' | 'detailed' | 'extreme'): TaskPriceLine[] {
  if (quality === 'detailed') return [{ item: 'texture_quality=detailed', credits: P.detailedTexture }];
  if (quality === 'extreme') return [{ item: 'texture_quality=extreme', credits: P.extremeTexture }];
  return [];
}

/**
 * The parser fills every omitted option with its default, so "set by the client" is read as
 * "differs from the default": a client that sends a default value explicitly pays no surcharge.
 */
export function complexConversionOptions(request: TaskRequestOf<'convert_model'>): string[] {
  const defaults = CONVERT_MODEL_DEFAULTS;
  const options: [boolean, string][] = [
    [request.quad, 'quad=true'],
    [request.face_limit !== defaults.face_limit, 'face_limit'],
    [request.flatten_bottom, 'flatten_bottom=true'],
    [request.flatten_bottom_threshold !== defaults.flatten_bottom_threshold, 'flatten_bottom_threshold'],
    [request.texture_size !== defaults.texture_size, 'texture_size'],
    [request.texture_format !== defaultTextureFormat(request.format), 'texture_format'],
    [request.pivot_to_center_bottom, 'pivot_to_center_bottom=true'],
    [request.scale_factor !== defaults.scale_factor, 'scale_factor'],
  ];
  return options.filter(([isSet]) => isSet).map(([, name]) => name);
}

function conversionLines(request: TaskRequestOf<'convert_model'>): TaskPriceLine[] {
  const lines: TaskPriceLine[] = [{ item: `conversion to ${request.format}`, credits: P.conversion }];
  const options = complexConversionOptions(request);
  // one surcharge however many options are set
  if (options.length > 0)
    lines.push({ item: `complex conversion (${options.join(', ')})`, credits: P.complexConversion });
  return lines;
}

function assertNever(value: never): never {
  throw new Error(`no price for task type ${JSON.stringify((value as { type?: unknown }).type)}`);
}
