// Stability AI 3D (https://platform.stability.ai/docs/api-reference, v2beta): Stable Fast 3D (POST
// /v2beta/3d/stable-fast-3d) and Stable Point Aware 3D (POST /v2beta/3d/stable-point-aware-3d) are synchronous:
// multipart/form-data with `image` (+ texture_resolution, foreground_ratio, remesh; SPAR3D also seed) answers 200
// with the GLB bytes (model/gltf-binary). Errors are JSON {id, name, errors: [...]}: 400 bad_request, 401, 402
// (out of credits), 403 content_moderation, 413 payload_too_large, 429 rate_limit_exceeded, 500 internal_error.
import { errorTextOf, ProviderApi, type ProviderApiSettings } from './provider-api.ts';
import {
  ProviderFailure,
  type Provider3dAdapter,
  type Provider3dRequest,
  type Provider3dResult,
  type Provider3dTaskType,
} from './provider-3d.ts';

export const STABILITY_MODELS = ['stable-fast-3d', 'stable-point-aware-3d'] as const;

export class StabilityAdapter implements Provider3dAdapter {
  readonly name = 'stability' as const;
  readonly displayName = 'Stability';
  private readonly api: ProviderApi;

  constructor(settings: ProviderApiSettings) {
    this.api = new ProviderApi(
      'stability',
      this.displayName,
      settings,
      { Authorization: `Bearer ${settings.apiKey}` },
      (status, body, text) => {
        const name = (body as { name?: unknown } | undefined)?.name;
        if (name === 'content_moderation' || (status === 403 && /moderation/.test(errorTextOf(body, text))))
          return 'content';
        if (status === 402 || /insufficient.*credit|payment_required/.test(errorTextOf(body, text))) return 'credits';
        return undefined;
      },
    );
  }

  taskTypesOf(model: string): readonly Provider3dTaskType[] {
    return (STABILITY_MODELS as readonly string[]).includes(model) ? ['image_to_model'] : [];
  }

  async generate(request: Provider3dRequest): Promise<Provider3dResult> {
    const image = request.images[0];
    if (!image) throw new ProviderFailure('stability', 'rejected', 'Stability 3D needs an image');
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), image.fileName);
    form.append('texture_resolution', '1024');
    form.append('foreground_ratio', '0.85');
    form.append('remesh', 'none');
    const takesSeed = request.model === 'stable-point-aware-3d' && request.seed !== undefined;
    if (takesSeed) form.append('seed', String(request.seed));
    for (const [field, value] of Object.entries(request.extraInput ?? {})) form.set(field, String(value));
    request.reportProgress(10);
    const answer = await this.api.bytes(
      `/v2beta/3d/${encodeURIComponent(request.model)}`,
      { method: 'POST', body: form, headers: { Accept: 'model/gltf-binary, application/json' } },
      { signal: request.signal, idempotent: false },
    );
    if (answer.contentType?.startsWith('application/json')) {
      throw new ProviderFailure('stability', 'bad_answer', 'Stability answered 200 with JSON instead of the model');
    }
    return { model: { bytes: answer.bytes }, honoured: takesSeed ? ['seed'] : [] };
  }
}
