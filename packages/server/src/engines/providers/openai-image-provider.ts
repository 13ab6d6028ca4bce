// OpenAI Images API: POST /v1/images/generations (text only, JSON) or /v1/images/edits (with reference
// images, multipart `image[]`), answer `data[0].b64_json`.
import { EngineFailure } from '../engine.ts';
import {
  PROVIDER_MODELS,
  type ImageGenerationRequest,
  type ImageProvider,
  type ProviderSettings,
} from './image-provider.ts';
import { fetchWithRetries, ProviderHttpError } from './provider-http.ts';

const CONTENT_POLICY_CODES = new Set(['moderation_blocked', 'content_policy_violation']);

export class OpenAiImageProvider implements ImageProvider {
  readonly name = 'openai' as const;
  readonly displayName = 'OpenAI';
  readonly defaultModel = 'gpt-image-1';

  constructor(private readonly settings: ProviderSettings) {}

  modelFor(modelVersion: string): string | undefined {
    return PROVIDER_MODELS.openai[modelVersion];
  }

  async generate(request: ImageGenerationRequest): Promise<Uint8Array> {
    const { apiKey, baseUrl } = this.settings;
    const headers = { Authorization: `Bearer ${apiKey}` };
    let init: RequestInit;
    let endpoint: string;
    if (request.images.length === 0) {
      endpoint = `${baseUrl}/v1/images/generations`;
      init = {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: request.model, prompt: request.prompt, n: 1 }),
      };
    } else {
      endpoint = `${baseUrl}/v1/images/edits`;
      const form = new FormData();
      form.append('model', request.model);
      form.append('prompt', request.prompt);
      form.append('n', '1');
      for (const image of request.images)
        form.append('image[]', new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), image.fileName);
      init = { method: 'POST', headers, body: form };
    }
    let response: Response;
    try {
      response = await fetchWithRetries(endpoint, init, {
        providerName: this.displayName,
        signal: request.signal,
        ...this.settings,
      });
    } catch (error) {
      const code =
        (error instanceof ProviderHttpError
          ? (error.body as { error?: { code?: string } } | undefined)?.error?.code
          : undefined) ?? '';
      if (CONTENT_POLICY_CODES.has(code))
        throw new EngineFailure(
          'contentPolicyViolation',
          `${this.displayName} refused the prompt or image under its content policy`,
        );
      throw error;
    }
    const body = (await response.json().catch(() => undefined)) as { data?: { b64_json?: string }[] } | undefined;
    const encoded = body?.data?.[0]?.b64_json;
    if (typeof encoded !== 'string' || encoded.length === 0)
      throw new EngineFailure('engineFailed', `${this.displayName} answered without an image (no data[0].b64_json)`);
    return new Uint8Array(Buffer.from(encoded, 'base64'));
  }
}
