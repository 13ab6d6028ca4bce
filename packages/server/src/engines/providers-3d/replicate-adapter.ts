// Replicate predictions API (https://replicate.com/docs/reference/http): POST /v1/predictions {version, input} for
// "owner/name:version", or POST /v1/models/<owner>/<name>/predictions {input} for a model's latest version; the
// prediction object (id, status starting | processing | succeeded | failed | canceled, output, error,
// metrics.predict_time) is polled at GET /v1/predictions/<id>; POST /v1/predictions/<id>/cancel stops it. Bearer
// token. Errors are problem details {title, detail, status}: 401, 402 (insufficient credit), 404, 422 (bad input),
// 429 "Request was throttled" with Retry-After, 5xx. The 3D models' outputs are URLs (or objects of them); the GLB
// is picked out (find-model-url.ts).
import { errorTextOf, ProviderApi, type ProviderApiSettings } from './provider-api.ts';
import {
  modelInputOf,
  ProviderFailure,
  type Provider3dAdapter,
  type Provider3dRequest,
  type Provider3dResult,
  type Provider3dTaskType,
} from './provider-3d.ts';
import { findModelUrl } from './find-model-url.ts';

interface Prediction {
  id?: unknown;
  status?: string;
  output?: unknown;
  error?: unknown;
  metrics?: { predict_time?: number };
}

const CONTENT_WORDS = /nsfw|content polic|moderat|sensitive|safety/;
const CREDIT_WORDS = /insufficient credit|billing|payment/;

export class ReplicateAdapter implements Provider3dAdapter {
  readonly name = 'replicate' as const;
  readonly displayName = 'Replicate';
  private readonly api: ProviderApi;

  constructor(private readonly settings: ProviderApiSettings) {
    this.api = new ProviderApi(
      'replicate',
      this.displayName,
      settings,
      { Authorization: `Bearer ${settings.apiKey}` },
      (status, body, text) => {
        const words = errorTextOf(body, text);
        if (status === 402 || CREDIT_WORDS.test(words)) return status === 429 ? undefined : 'credits';
        if (status === 422 && CONTENT_WORDS.test(words)) return 'content';
        return undefined;
      },
    );
  }

  taskTypesOf(): readonly Provider3dTaskType[] {
    return ['text_to_model', 'image_to_model', 'multiview_to_model'];
  }

  async generate(request: Provider3dRequest): Promise<Provider3dResult> {
    const input = modelInputOf(request, { image: 'image', images: 'images', prompt: 'prompt' });
    const [model, version] = request.model.split(':');
    const [owner, name] = (model ?? '').split('/');
    const create = version
      ? { path: '/v1/predictions', body: { version, input } }
      : {
          path: `/v1/models/${encodeURIComponent(owner ?? '')}/${encodeURIComponent(name ?? '')}/predictions`,
          body: { input },
        };
    const created = await this.api.json<Prediction>(
      create.path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(create.body) },
      { signal: request.signal, idempotent: false },
    );
    if (typeof created.id !== 'string' || !/^[\w-]{1,128}$/.test(created.id))
      throw new ProviderFailure('replicate', 'bad_answer', 'Replicate created the prediction without a usable id');
    const id = created.id;
    const deadline = this.api.deadline();
    let prediction = created;
    try {
      for (;;) {
        if (prediction.status === 'succeeded') break;
        if (prediction.status === 'failed' || prediction.status === 'canceled') {
          const message =
            typeof prediction.error === 'string' && prediction.error
              ? prediction.error
              : `the prediction ended ${prediction.status}`;
          throw new ProviderFailure(
            'replicate',
            CONTENT_WORDS.test(message.toLowerCase()) ? 'content' : 'task_failed',
            `Replicate prediction ${id} failed: ${message}`,
            id,
          );
        }
        if (prediction.status !== 'starting' && prediction.status !== 'processing') {
          throw new ProviderFailure(
            'replicate',
            'bad_answer',
            `Replicate reported an unknown status ${JSON.stringify(prediction.status)} for prediction ${id}`,
            id,
          );
        }
        request.reportProgress(prediction.status === 'processing' ? 50 : 10);
        if (Date.now() > deadline) throw this.api.timedOut(id);
        await this.api.pause(request.signal);
        prediction = await this.api.json<Prediction>(
          `/v1/predictions/${id}`,
          { method: 'GET' },
          { signal: request.signal },
        );
      }
    } catch (error) {
      // a prediction we stop following (cancelled task, timeout) would otherwise keep running, and billing
      if (request.signal.aborted || (error instanceof ProviderFailure && error.kind === 'timeout')) this.cancel(id);
      throw error;
    }
    const url = findModelUrl(prediction.output);
    if (!url)
      throw new ProviderFailure(
        'replicate',
        'bad_answer',
        `Replicate prediction ${id} succeeded without a GLB in its output`,
        id,
      );
    const seconds = prediction.metrics?.predict_time;
    return {
      model: { url },
      providerTaskId: id,
      honoured: request.seed !== undefined ? ['seed'] : [],
      ...(typeof seconds === 'number' && seconds >= 0
        ? { reportedCost: { amount: seconds, unit: 'compute_seconds' as const } }
        : {}),
    };
  }

  private cancel(id: string): void {
    fetch(this.api.url(`/v1/predictions/${id}/cancel`), {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.settings.apiKey}` },
      signal: AbortSignal.timeout(5000),
    })
      .then((response) => response.body?.cancel())
      .catch(() => undefined);
  }
}
