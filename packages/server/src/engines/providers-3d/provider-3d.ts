// The seam between the provider chain engine and one hosted 3D generator (Meshy, Rodin, Stability, fal,
// Replicate): what a generation asks of an adapter, what comes back, and the typed failure every adapter throws.
import type { Provider3dName } from '../../config.ts';

export type { Provider3dName };

export type Provider3dTaskType = 'text_to_model' | 'image_to_model' | 'multiview_to_model' | 'texture_model';

export interface Provider3dImage {
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
}

export interface Provider3dRequest {
  taskType: Provider3dTaskType;
  /** the provider's own model (Meshy ai_model, Rodin tier, fal endpoint id, Replicate owner/name[:version], ...) */
  model: string;
  prompt?: string;
  negativePrompt?: string;
  /** image_to_model: one image; multiview_to_model: the given views, front first; texture_model: the texture_prompt images */
  images: Provider3dImage[];
  /** texture_model: the model to paint, as a glTF binary */
  sourceModel?: Uint8Array;
  texture: boolean;
  pbr: boolean;
  seed?: number;
  /** a hint the provider may honour; the chain engine enforces face_limit itself afterwards */
  faceLimit?: number;
  /** extra provider input fields the route names (fal / Replicate model inputs) */
  extraInput?: Record<string, unknown>;
  /** the model's input field names, where they differ per model (fal, Replicate) */
  inputFields?: Provider3dInputFields;
  /** our task id, for idempotency keys and request tags */
  taskId: string;
  signal: AbortSignal;
  reportProgress(percent: number): void;
}

export interface Provider3dResult {
  /** where the model can be downloaded (through the address policy), or the bytes when the API answers with them */
  model: { url: string } | { bytes: Uint8Array };
  /** the provider's own id of the task (Meshy task id, Rodin subscription uuid, fal request id, Replicate prediction id) */
  providerTaskId?: string;
  /** what the provider reported it charged, in its own unit (Meshy credits, Replicate predict seconds...) */
  reportedCost?: { amount: number; unit: ProviderCostUnit };
  /** options of the request the provider took (seed, negative prompt...), so the rest is reported as ignored */
  honoured: readonly ('seed' | 'negative_prompt' | 'face_limit' | 'pbr')[];
}

export interface Provider3dInputFields {
  /** the field of the one image (image_to_model); "name[]" sends it as a list of one */
  image?: string;
  /** the field of the list of views (multiview_to_model) */
  images?: string;
  /** the field of the prompt (text_to_model) */
  prompt?: string;
}

/** What create-time checks know of a request. */
export interface Provider3dRequestShape {
  taskType: Provider3dTaskType;
  model: string;
  prompt?: string;
  imageCount: number;
  /** texture_model: what texture_prompt gives */
  textureSource?: TextureSourceKind;
}

/** texture_model's texture_prompt: text (with or without style_image), one image, views, or nothing (re-bake the current look). */
export type TextureSourceKind = 'text' | 'text_and_style_image' | 'image' | 'views' | 'none';

export type ProviderCostUnit = 'usd' | 'provider_credits' | 'compute_seconds';

export interface Provider3dAdapter {
  readonly name: Provider3dName;
  /** how the provider is named in messages */
  readonly displayName: string;
  /** the task types the adapter can serve with this provider model */
  taskTypesOf(model: string): readonly Provider3dTaskType[];
  /** why the provider cannot take this request at all (checked at create), or undefined */
  refusal?(request: Provider3dRequestShape): string | undefined;
  /** runs one generation to its end; throws ProviderFailure */
  generate(request: Provider3dRequest): Promise<Provider3dResult>;
}

/**
 * Why a provider call failed, which decides what happens next: `content` ends the task (2008) without trying
 * another provider; `auth` and `credits` open the provider's breaker at once (the operator must act); the rest
 * count towards the breaker and move on to the next provider of the route.
 */
export const PROVIDER_FAILURE_KINDS = [
  'content',
  'auth',
  'credits',
  'rate_limited',
  'unavailable',
  'timeout',
  'rejected',
  'task_failed',
  'bad_answer',
  'download',
] as const;
export type ProviderFailureKind = (typeof PROVIDER_FAILURE_KINDS)[number];

export class ProviderFailure extends Error {
  constructor(
    readonly provider: string,
    readonly kind: ProviderFailureKind,
    message: string,
    /** the provider's task id, when it got that far */
    readonly providerTaskId?: string,
  ) {
    super(message);
    this.name = 'ProviderFailure';
  }
}

/** Base64 data URI of an image, how Meshy, fal and Replicate accept inline images. */
export function dataUriOf(image: Provider3dImage): string {
  return `data:${image.mimeType};base64,${Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64')}`;
}

/** A hosted model's JSON input (fal, Replicate): the route's extra input, then the prompt or images under the model's field names. */
export function modelInputOf(
  request: Provider3dRequest,
  defaults: Required<Provider3dInputFields>,
): Record<string, unknown> {
  const fields = { ...defaults, ...request.inputFields };
  const input: Record<string, unknown> = { ...request.extraInput };
  if (request.taskType === 'text_to_model') {
    input[fields.prompt] = request.prompt;
  } else if (request.taskType === 'image_to_model') {
    const image = dataUriOf(request.images[0]!);
    if (fields.image.endsWith('[]')) input[fields.image.slice(0, -2)] = [image];
    else input[fields.image] = image;
  } else {
    input[fields.images] = request.images.map(dataUriOf);
  }
  if (request.seed !== undefined) input.seed = request.seed;
  return input;
}
