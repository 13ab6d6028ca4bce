// Hyper3D Rodin (https://developer.hyper3d.ai, API v2): POST /api/v2/rodin as multipart/form-data (images: up to
// 5 files, prompt, tier such as "Gen-2", geometry_file_format, material, mesh_mode, quality_override, seed,
// condition_mode "concat" for several views of one object) answers {uuid, jobs: {uuids, subscription_key}} or
// {error, message}; POST /api/v2/status {subscription_key} lists the jobs' statuses (Waiting, Generating, Done,
// Failed); POST /api/v2/download {task_uuid} lists the result files ({list: [{url, name}]}, links valid for
// minutes, so they are fetched at once). Bearer key.
import { errorTextOf, ProviderApi, type ProviderApiSettings } from './provider-api.ts';
import {
  ProviderFailure,
  type Provider3dAdapter,
  type Provider3dRequest,
  type Provider3dRequestShape,
  type Provider3dResult,
  type Provider3dTaskType,
} from './provider-3d.ts';

interface RodinGenerateAnswer {
  error?: string | null;
  message?: string | null;
  uuid?: string;
  jobs?: { uuids?: string[]; subscription_key?: string };
}

const CONTENT_WORDS = /nsfw|moderat|sensitive|inappropriate|content polic|violat/;
const CREDIT_WORDS = /insufficient|balance|credit|fund|quota/;
const MAX_IMAGES = 5;

function classify(text: string): 'content' | 'credits' | undefined {
  if (CONTENT_WORDS.test(text)) return 'content';
  if (CREDIT_WORDS.test(text)) return 'credits';
  return undefined;
}

export class RodinAdapter implements Provider3dAdapter {
  readonly name = 'rodin' as const;
  readonly displayName = 'Rodin';
  private readonly api: ProviderApi;

  constructor(settings: ProviderApiSettings) {
    this.api = new ProviderApi(
      'rodin',
      this.displayName,
      settings,
      { Authorization: `Bearer ${settings.apiKey}` },
      (status, body, text) =>
        status >= 400 && status < 500 && status !== 429 ? classify(errorTextOf(body, text)) : undefined,
    );
  }

  taskTypesOf(): readonly Provider3dTaskType[] {
    return ['text_to_model', 'image_to_model', 'multiview_to_model'];
  }

  refusal(request: Provider3dRequestShape): string | undefined {
    return request.imageCount > MAX_IMAGES ? `Rodin takes at most ${MAX_IMAGES} images` : undefined;
  }

  async generate(request: Provider3dRequest): Promise<Provider3dResult> {
    const form = new FormData();
    for (const image of request.images.slice(0, MAX_IMAGES))
      form.append('images', new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), image.fileName);
    if (request.prompt) form.append('prompt', request.prompt);
    if (request.images.length > 1) form.append('condition_mode', 'concat');
    form.append('tier', request.model);
    form.append('geometry_file_format', 'glb');
    form.append('material', !request.texture ? 'None' : request.pbr ? 'PBR' : 'Shaded');
    form.append('mesh_mode', 'Raw');
    if (request.faceLimit !== undefined) form.append('quality_override', String(request.faceLimit));
    if (request.seed !== undefined) form.append('seed', String(request.seed % 65536));
    const answer = await this.api.json<RodinGenerateAnswer>(
      '/api/v2/rodin',
      { method: 'POST', body: form },
      { signal: request.signal, idempotent: false },
    );
    if (answer.error) {
      const text = `${answer.error} ${answer.message ?? ''}`;
      throw new ProviderFailure(
        'rodin',
        classify(text.toLowerCase()) ?? 'rejected',
        `Rodin refused the task: ${text.trim()}`,
      );
    }
    const taskUuid = answer.uuid;
    const subscriptionKey = answer.jobs?.subscription_key;
    if (!taskUuid || !subscriptionKey)
      throw new ProviderFailure('rodin', 'bad_answer', 'Rodin accepted the task without a uuid and subscription_key');
    await this.follow(taskUuid, subscriptionKey, request);
    const files = await this.api.json<{ list?: { url?: string; name?: string }[]; error?: string | null }>(
      '/api/v2/download',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ task_uuid: taskUuid }),
      },
      { signal: request.signal },
    );
    const glb = (files.list ?? []).find(
      (file) => typeof file.url === 'string' && /\.glb$/i.test(file.name ?? new URL(file.url).pathname),
    );
    if (!glb?.url || !/^https?:\/\//.test(glb.url))
      throw new ProviderFailure(
        'rodin',
        'bad_answer',
        `Rodin task ${taskUuid} finished without a .glb file in its download list`,
        taskUuid,
      );
    return {
      model: { url: glb.url },
      providerTaskId: taskUuid,
      honoured: [
        ...(request.seed !== undefined ? (['seed'] as const) : []),
        ...(request.faceLimit !== undefined ? (['face_limit'] as const) : []),
        'pbr',
      ],
    };
  }

  private async follow(taskUuid: string, subscriptionKey: string, request: Provider3dRequest): Promise<void> {
    const deadline = this.api.deadline();
    for (;;) {
      const status = await this.api.json<{ jobs?: { uuid?: string; status?: string }[]; error?: string | null }>(
        '/api/v2/status',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ subscription_key: subscriptionKey }),
        },
        { signal: request.signal },
      );
      const jobs = status.jobs ?? [];
      if (status.error || jobs.length === 0)
        throw new ProviderFailure(
          'rodin',
          'bad_answer',
          `Rodin's status of task ${taskUuid} lists no jobs${status.error ? ` (${status.error})` : ''}`,
          taskUuid,
        );
      const failed = jobs.find((job) => job.status === 'Failed');
      if (failed)
        throw new ProviderFailure(
          'rodin',
          'task_failed',
          `Rodin job ${failed.uuid ?? ''} of task ${taskUuid} failed`,
          taskUuid,
        );
      const unknown = jobs.find((job) => !['Waiting', 'Generating', 'Done'].includes(job.status ?? ''));
      if (unknown)
        throw new ProviderFailure(
          'rodin',
          'bad_answer',
          `Rodin reported an unknown job status ${JSON.stringify(unknown.status)}`,
          taskUuid,
        );
      const done = jobs.filter((job) => job.status === 'Done').length;
      request.reportProgress((95 * done) / jobs.length);
      if (done === jobs.length) return;
      if (Date.now() > deadline) throw this.api.timedOut(taskUuid);
      await this.api.pause(request.signal);
    }
  }
}
