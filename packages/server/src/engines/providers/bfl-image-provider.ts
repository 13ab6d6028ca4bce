// Black Forest Labs API (FLUX): POST /v1/<model> answers {id, polling_url}; GET polling_url until status
// "Ready", then download result.sample (a signed, short-lived URL, fetched without the key).
import { EngineFailure } from '../engine.ts';
import {
  base64Of,
  PROVIDER_MODELS,
  type ImageGenerationRequest,
  type ImageProvider,
  type ProviderSettings,
} from './image-provider.ts';
import { fetchWithRetries, sleep } from './provider-http.ts';

const MODERATED_STATUSES = new Set(['Request Moderated', 'Content Moderated']);
const KONTEXT_IMAGE_FIELDS = ['input_image', 'input_image_2', 'input_image_3', 'input_image_4'];

interface BflResult {
  status?: string;
  result?: { sample?: string } | null;
  progress?: number | null;
}

export class BflImageProvider implements ImageProvider {
  readonly name = 'bfl' as const;
  readonly displayName = 'BFL';
  readonly defaultModel = 'flux-dev';

  constructor(private readonly settings: ProviderSettings) {}

  modelFor(modelVersion: string): string | undefined {
    return PROVIDER_MODELS.bfl[modelVersion];
  }

  async generate(request: ImageGenerationRequest): Promise<Uint8Array> {
    const { apiKey, baseUrl } = this.settings;
    const http = { providerName: this.displayName, signal: request.signal, ...this.settings };
    const body: Record<string, unknown> = { prompt: request.prompt, output_format: 'png' };
    if (request.model.startsWith('flux-kontext')) {
      request.images
        .slice(0, KONTEXT_IMAGE_FIELDS.length)
        .forEach((image, index) => (body[KONTEXT_IMAGE_FIELDS[index]] = base64Of(image.bytes)));
    } else if (request.images.length > 0) {
      throw new EngineFailure(
        'engineFailed',
        `${request.model} takes no input image; route image inputs to flux.1_kontext_pro`,
      );
    } else {
      Object.assign(body, { width: 1024, height: 1024 });
    }
    const submitted = await fetchWithRetries(
      `${baseUrl}/v1/${encodeURIComponent(request.model)}`,
      {
        method: 'POST',
        headers: { 'x-key': apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      },
      http,
    );
    const { id, polling_url: pollingUrl } = ((await submitted.json().catch(() => ({}))) ?? {}) as {
      id?: string;
      polling_url?: string;
    };
    if (!id && !pollingUrl)
      throw new EngineFailure('engineFailed', `${this.displayName} accepted the request without a request id`);
    const resultUrl =
      pollingUrl && /^https?:\/\//.test(pollingUrl)
        ? pollingUrl
        : `${baseUrl}/v1/get_result?id=${encodeURIComponent(id ?? '')}`;
    const deadlineMs = Date.now() + this.settings.timeoutMs * 5;
    let intervalMs = this.settings.pollIntervalMs ?? 500;
    while (Date.now() < deadlineMs) {
      await sleep(intervalMs, request.signal);
      intervalMs = Math.min(intervalMs * 1.5, 4000);
      const polled = await fetchWithRetries(
        resultUrl,
        { headers: { 'x-key': apiKey, Accept: 'application/json' } },
        http,
      );
      const state = ((await polled.json().catch(() => ({}))) ?? {}) as BflResult;
      if (typeof state.progress === 'number') request.reportProgress(Math.min(95, state.progress));
      if (state.status === 'Ready') {
        const sample = state.result?.sample;
        if (!sample || !/^https?:\/\//.test(sample))
          throw new EngineFailure('engineFailed', `${this.displayName} reported Ready without a result.sample URL`);
        const image = await fetchWithRetries(sample, {}, http);
        return new Uint8Array(await image.arrayBuffer());
      }
      if (state.status && MODERATED_STATUSES.has(state.status))
        throw new EngineFailure('contentPolicyViolation', `${this.displayName} refused this image (${state.status})`);
      if (state.status === 'Error' || state.status === 'Failed' || state.status === 'Task not found') {
        throw new EngineFailure(
          'engineFailed',
          `${this.displayName} reported "${state.status}" for request ${id ?? ''}`,
        );
      }
    }
    throw new EngineFailure(
      'engineFailed',
      `${this.displayName} did not finish the image within ${Math.round((this.settings.timeoutMs * 5) / 1000)} s`,
    );
  }
}
