// Gemini API: POST /v1beta/models/{model}:generateContent with text and `inlineData` image parts, asking for
// the IMAGE response modality; the answer's image is an `inlineData` part of the first candidate.
import { EngineFailure } from '../engine.ts';
import {
  base64Of,
  PROVIDER_MODELS,
  type ImageGenerationRequest,
  type ImageProvider,
  type ProviderSettings,
} from './image-provider.ts';
import { fetchWithRetries } from './provider-http.ts';

interface InlineData {
  mimeType?: string;
  mime_type?: string;
  data?: string;
}

interface GenerateContentResponse {
  candidates?: {
    content?: { parts?: { text?: string; inlineData?: InlineData; inline_data?: InlineData }[] };
    finishReason?: string;
  }[];
  promptFeedback?: { blockReason?: string };
}

const BLOCKED_FINISH_REASONS = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'IMAGE_SAFETY',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_PROHIBITED_CONTENT',
]);

export class GeminiImageProvider implements ImageProvider {
  readonly name = 'gemini' as const;
  readonly displayName = 'Gemini';
  readonly defaultModel = 'gemini-2.5-flash-image-preview';

  constructor(private readonly settings: ProviderSettings) {}

  modelFor(modelVersion: string): string | undefined {
    return PROVIDER_MODELS.gemini[modelVersion];
  }

  async generate(request: ImageGenerationRequest): Promise<Uint8Array> {
    const parts: Record<string, unknown>[] = [{ text: request.prompt }];
    for (const image of request.images)
      parts.push({ inlineData: { mimeType: image.mimeType, data: base64Of(image.bytes) } });
    const body = { contents: [{ role: 'user', parts }], generationConfig: { responseModalities: ['TEXT', 'IMAGE'] } };
    const response = await fetchWithRetries(
      `${this.settings.baseUrl}/v1beta/models/${encodeURIComponent(request.model)}:generateContent`,
      {
        method: 'POST',
        headers: { 'x-goog-api-key': this.settings.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
      { providerName: this.displayName, signal: request.signal, ...this.settings },
    );
    const answer = (await response.json().catch(() => undefined)) as GenerateContentResponse | undefined;
    if (answer?.promptFeedback?.blockReason)
      throw new EngineFailure(
        'contentPolicyViolation',
        `${this.displayName} blocked the prompt (${answer.promptFeedback.blockReason})`,
      );
    const candidate = answer?.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      const inline = part.inlineData ?? part.inline_data;
      if (inline?.data && (inline.mimeType ?? inline.mime_type ?? '').startsWith('image/'))
        return new Uint8Array(Buffer.from(inline.data, 'base64'));
    }
    if (candidate?.finishReason && BLOCKED_FINISH_REASONS.has(candidate.finishReason)) {
      throw new EngineFailure(
        'contentPolicyViolation',
        `${this.displayName} refused to make this image (${candidate.finishReason})`,
      );
    }
    throw new EngineFailure(
      'engineFailed',
      `${this.displayName} answered without an image part${candidate?.finishReason ? ` (finishReason ${candidate.finishReason})` : ''}`,
    );
  }
}
