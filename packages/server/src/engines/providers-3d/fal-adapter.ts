// fal queue API (https://docs.fal.ai/model-apis/model-endpoints/queue): POST https://queue.fal.run/<model id>
// with the model's JSON input answers {request_id, status_url, response_url}; GET <app>/requests/<id>/status gives
// IN_QUEUE (queue_position), IN_PROGRESS or COMPLETED; GET <app>/requests/<id> is the result (for the 3D models:
// a file object such as model_mesh / model_glb {url, content_type}). <app> is the model id's owner/name without a
// sub-path. Auth header `Authorization: Key <key>`. Errors carry {detail}: 401, 403 (a locked user: exhausted
// balance), 422 (validation; content_policy_violation), 429, 5xx. The URLs are built from our base URL, never
// taken from the answer, so the key only goes to the configured host.
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

interface FalStatus {
  status?: string;
  queue_position?: number;
  error?: unknown;
  error_type?: unknown;
}

const CONTENT_WORDS = /content_policy_violation|nsfw|content polic|moderat/;
const CREDIT_WORDS = /exhausted balance|insufficient|locked|billing/;

export class FalAdapter implements Provider3dAdapter {
  readonly name = 'fal' as const;
  readonly displayName = 'fal';
  private readonly api: ProviderApi;

  constructor(settings: ProviderApiSettings) {
    this.api = new ProviderApi(
      'fal',
      this.displayName,
      settings,
      { Authorization: `Key ${settings.apiKey}` },
      (status, body, text) => {
        const words = errorTextOf(body, text);
        if (CONTENT_WORDS.test(words)) return 'content';
        if ((status === 403 || status === 402) && CREDIT_WORDS.test(words)) return 'credits';
        return undefined;
      },
    );
  }

  taskTypesOf(): readonly Provider3dTaskType[] {
    return ['text_to_model', 'image_to_model', 'multiview_to_model'];
  }

  async generate(request: Provider3dRequest): Promise<Provider3dResult> {
    const input = modelInputOf(request, { image: 'image_url', images: 'image_urls', prompt: 'prompt' });
    const modelPath = request.model.split('/').map(encodeURIComponent).join('/');
    const submitted = await this.api.json<{ request_id?: unknown }>(
      `/${modelPath}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) },
      { signal: request.signal, idempotent: false },
    );
    if (typeof submitted.request_id !== 'string' || !/^[\w-]{1,128}$/.test(submitted.request_id))
      throw new ProviderFailure('fal', 'bad_answer', 'fal queued the request without a usable request_id');
    const requestId = submitted.request_id;
    const app = request.model.split('/').slice(0, 2).map(encodeURIComponent).join('/');
    const deadline = this.api.deadline();
    for (;;) {
      const status = await this.api.json<FalStatus>(
        `/${app}/requests/${requestId}/status`,
        { method: 'GET' },
        { signal: request.signal },
      );
      if (status.status === 'COMPLETED') {
        if (status.error)
          throw this.failed(
            requestId,
            `${status.error_type ? `${String(status.error_type)}: ` : ''}${String(status.error)}`,
          );
        break;
      }
      if (status.status !== 'IN_QUEUE' && status.status !== 'IN_PROGRESS')
        throw new ProviderFailure(
          'fal',
          'bad_answer',
          `fal reported an unknown status ${JSON.stringify(status.status)} for request ${requestId}`,
          requestId,
        );
      request.reportProgress(status.status === 'IN_PROGRESS' ? 50 : 10);
      if (Date.now() > deadline) throw this.api.timedOut(requestId);
      await this.api.pause(request.signal);
    }
    let result: Record<string, unknown>;
    try {
      result = await this.api.json<Record<string, unknown>>(
        `/${app}/requests/${requestId}`,
        { method: 'GET' },
        { signal: request.signal },
      );
    } catch (error) {
      // a request that failed on fal's runner answers its result with the error
      if (error instanceof ProviderFailure && (error.kind === 'rejected' || error.kind === 'content'))
        throw new ProviderFailure(
          'fal',
          error.kind === 'content' ? 'content' : 'task_failed',
          error.message,
          requestId,
        );
      throw error;
    }
    const url = findModelUrl(result);
    if (!url)
      throw new ProviderFailure(
        'fal',
        'bad_answer',
        `fal request ${requestId} completed without a GLB in its result`,
        requestId,
      );
    return { model: { url }, providerTaskId: requestId, honoured: request.seed !== undefined ? ['seed'] : [] };
  }

  private failed(requestId: string, message: string): ProviderFailure {
    return new ProviderFailure(
      'fal',
      CONTENT_WORDS.test(message.toLowerCase()) ? 'content' : 'task_failed',
      `fal request ${requestId} failed: ${message}`,
      requestId,
    );
  }
}
