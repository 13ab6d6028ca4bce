// The seam between the image-provider engine and one third-party API (OpenAI, Gemini, BFL).
import type { ProviderName } from '../routing/routing-rules.ts';

export interface ProviderSettings {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  maxAttempts: number;
  /** first retry backoff when the provider sends no Retry-After */
  retryBaseMs?: number;
  /** between polls of asynchronous providers (BFL) */
  pollIntervalMs?: number;
}

export interface ImageInput {
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
}

export interface ImageGenerationRequest {
  /** the provider's model name */
  model: string;
  prompt: string;
  images: ImageInput[];
  signal: AbortSignal;
  reportProgress(percent: number): void;
}

export interface ImageProvider {
  readonly name: ProviderName;
  /** How the provider is named in messages. */
  readonly displayName: string;
  /** The provider's model for a generate_image model_version it serves, or undefined. */
  modelFor(modelVersion: string): string | undefined;
  /** The model used for text_to_image (which has no provider model_version) unless the route names one. */
  readonly defaultModel: string;
  /** Returns the image bytes; throws EngineFailure (content policy, bad answer) or ProviderHttpError. */
  generate(request: ImageGenerationRequest): Promise<Uint8Array>;
}

/** Exported for tests and docs: which generate_image model_version each provider serves, and as what model. */
export const PROVIDER_MODELS: Record<ProviderName, Record<string, string>> = {
  openai: { 'gpt_image_1.5': 'gpt-image-1.5', gpt_image_2: 'gpt-image-2', gpt_4o: 'gpt-image-1' },
  gemini: {
    'gemini_2.5_flash_image_preview': 'gemini-2.5-flash-image-preview',
    gemini_3_pro_image_preview: 'gemini-3-pro-image-preview',
    'gemini_3.1_flash_image_preview': 'gemini-3.1-flash-image-preview',
  },
  bfl: { 'flux.1_kontext_pro': 'flux-kontext-pro', 'flux.1_dev': 'flux-dev' },
};

export function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
