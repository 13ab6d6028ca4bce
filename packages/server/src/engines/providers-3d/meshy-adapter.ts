// Meshy (https://docs.meshy.ai/api): text_to_model is POST /openapi/v2/text-to-3d with mode "preview" (untextured
// mesh), then mode "refine" with preview_task_id (textures); image_to_model is POST /openapi/v1/image-to-3d
// (image_url as a data URI); multiview_to_model is POST /openapi/v1/multi-image-to-3d (image_urls, 1 to 4 views).
// Each create answers {"result": "<task id>"}; GET <endpoint>/<id> is the task object, polled until its status
// (PENDING, IN_PROGRESS) becomes SUCCEEDED (model_urls.glb), FAILED (task_error.message) or CANCELED. Errors are
// {"message"} with 400/401/402 (insufficient funds)/403/404/429 (Retry-After on rate_limit_exceeded)/5xx
// (docs.meshy.ai/api/errors, /api/rate-limits). `moderation: true` asks Meshy to screen the prompt and images.
// texture_model is POST /openapi/v1/retexture (docs.meshy.ai/api/retexture): the model as model_url (a base64 data
// URI of the GLB, MIME type application/octet-stream, so nothing of ours has to be reachable from Meshy), the
// style as text_style_prompt (at most 600 characters) or image_style_url (one image; Meshy prefers it over a text
// given beside it), enable_pbr; polled at GET /openapi/v1/retexture/<id> like the others, the textured GLB in
// model_urls.glb (texture_urls lists the maps, which the GLB already embeds).
import type { ProviderApiSettings } from './provider-api.ts';
import { errorTextOf, formatBytes, ProviderApi } from './provider-api.ts';
import {
  dataUriOf,
  ProviderFailure,
  type Provider3dAdapter,
  type Provider3dRequest,
  type Provider3dRequestShape,
  type Provider3dResult,
  type Provider3dTaskType,
} from './provider-3d.ts';

interface MeshyTask {
  id?: string;
  status?: string;
  progress?: number;
  model_urls?: { glb?: string };
  task_error?: { message?: string } | null;
  consumed_credits?: number;
}

const MODERATION_WORDS = /moderat|inappropriate|nsfw|content polic|sensitive|violat/;
const MESHY_PROMPT_MAX_LENGTH = 600;
/** The largest model Meshy takes as a data URI (its retexture reference: 100 MB). */
const MESHY_MODEL_DATA_URI_MAX_BYTES = 100 * 1024 * 1024;

export class MeshyAdapter implements Provider3dAdapter {
  readonly name = 'meshy' as const;
  readonly displayName = 'Meshy';
  private readonly api: ProviderApi;

  constructor(settings: ProviderApiSettings) {
    this.api = new ProviderApi(
      'meshy',
      this.displayName,
      settings,
      { Authorization: `Bearer ${settings.apiKey}` },
      (status, body, text) => {
        if ((status === 400 || status === 403 || status === 422) && MODERATION_WORDS.test(errorTextOf(body, text)))
          return 'content';
        return undefined;
      },
    );
  }

  taskTypesOf(): readonly Provider3dTaskType[] {
    return ['text_to_model', 'image_to_model', 'multiview_to_model', 'texture_model'];
  }

  refusal(request: Provider3dRequestShape): string | undefined {
    if (request.taskType === 'texture_model') return retextureRefusal(request);
    if (request.taskType === 'text_to_model' && (request.prompt?.length ?? 0) > MESHY_PROMPT_MAX_LENGTH)
      return `Meshy takes prompts of at most ${MESHY_PROMPT_MAX_LENGTH} characters`;
    if (request.taskType === 'multiview_to_model' && request.imageCount > 4) return 'Meshy takes at most 4 views';
    return undefined;
  }

  async generate(request: Provider3dRequest): Promise<Provider3dResult> {
    if (request.taskType === 'texture_model') return this.retexture(request);
    const geometry: Record<string, unknown> = {
      ai_model: request.model,
      moderation: true,
      ...(request.faceLimit !== undefined
        ? { should_remesh: true, topology: 'triangle', target_polycount: clamp(request.faceLimit, 100, 300_000) }
        : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
    };
    const honoured = [
      ...(request.seed !== undefined ? (['seed'] as const) : []),
      ...(request.faceLimit !== undefined ? (['face_limit'] as const) : []),
      'pbr' as const,
    ];
    if (request.taskType === 'text_to_model') {
      const preview = await this.run(
        '/openapi/v2/text-to-3d',
        { mode: 'preview', prompt: request.prompt ?? '', ...geometry },
        request,
        [0, request.texture ? 50 : 95],
      );
      if (!request.texture) return this.resultOf(preview, [preview], honoured);
      const refined = await this.run(
        '/openapi/v2/text-to-3d',
        { mode: 'refine', preview_task_id: preview.id, enable_pbr: request.pbr },
        request,
        [50, 95],
      );
      return this.resultOf(refined, [preview, refined], honoured);
    }
    const texturing = { should_texture: request.texture, ...(request.texture ? { enable_pbr: request.pbr } : {}) };
    if (request.taskType === 'image_to_model') {
      const task = await this.run(
        '/openapi/v1/image-to-3d',
        { image_url: dataUriOf(request.images[0]!), ...geometry, ...texturing },
        request,
        [0, 95],
      );
      return this.resultOf(task, [task], honoured);
    }
    const task = await this.run(
      '/openapi/v1/multi-image-to-3d',
      { image_urls: request.images.slice(0, 4).map(dataUriOf), ...geometry, ...texturing },
      request,
      [0, 95],
    );
    return this.resultOf(task, [task], honoured);
  }

  private async retexture(request: Provider3dRequest): Promise<Provider3dResult> {
    const model = request.sourceModel;
    if (!model) throw new Error('texture_model reached Meshy without its source model');
    if (model.byteLength > MESHY_MODEL_DATA_URI_MAX_BYTES) {
      throw new ProviderFailure(
        'meshy',
        'rejected',
        `the model to texture is ${formatBytes(model.byteLength)}; Meshy takes at most ${formatBytes(MESHY_MODEL_DATA_URI_MAX_BYTES)} inline`,
      );
    }
    const style =
      request.images.length > 0
        ? { image_style_url: dataUriOf(request.images[0]!) }
        : { text_style_prompt: request.prompt ?? '' };
    const body = {
      model_url: `data:application/octet-stream;base64,${Buffer.from(model.buffer, model.byteOffset, model.byteLength).toString('base64')}`,
      ...style,
      ai_model: request.model,
      enable_pbr: request.pbr,
    };
    const task = await this.run('/openapi/v1/retexture', body, request, [0, 95]);
    return this.resultOf(task, [task], ['pbr']);
  }

  /** Creates one Meshy task and follows it until it ends; returns the finished task object. */
  private async run(
    endpoint: string,
    body: Record<string, unknown>,
    request: Provider3dRequest,
    [from, to]: [number, number],
  ): Promise<MeshyTask & { id: string }> {
    const created = await this.api.json<{ result?: unknown }>(
      endpoint,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      { signal: request.signal, idempotent: false },
    );
    if (typeof created.result !== 'string' || created.result === '')
      throw new ProviderFailure('meshy', 'bad_answer', 'Meshy accepted the task without a task id ("result")');
    const id = created.result;
    const deadline = this.api.deadline();
    for (;;) {
      const task = await this.api.json<MeshyTask>(
        `${endpoint}/${encodeURIComponent(id)}`,
        { method: 'GET' },
        { signal: request.signal },
      );
      if (typeof task.progress === 'number')
        request.reportProgress(from + ((to - from) * Math.min(100, task.progress)) / 100);
      if (task.status === 'SUCCEEDED') return { ...task, id };
      if (task.status === 'FAILED' || task.status === 'CANCELED') {
        const message = task.task_error?.message || `the task ended ${task.status}`;
        throw new ProviderFailure(
          'meshy',
          MODERATION_WORDS.test(message.toLowerCase()) ? 'content' : 'task_failed',
          `Meshy task ${id} failed: ${message}`,
          id,
        );
      }
      if (task.status !== 'PENDING' && task.status !== 'IN_PROGRESS')
        throw new ProviderFailure(
          'meshy',
          'bad_answer',
          `Meshy reported an unknown status ${JSON.stringify(task.status)} for task ${id}`,
          id,
        );
      if (Date.now() > deadline) throw this.api.timedOut(id);
      await this.api.pause(request.signal);
    }
  }

  private resultOf(
    task: MeshyTask & { id: string },
    all: MeshyTask[],
    honoured: Provider3dResult['honoured'],
  ): Provider3dResult {
    const url = task.model_urls?.glb;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url))
      throw new ProviderFailure(
        'meshy',
        'bad_answer',
        `Meshy task ${task.id} succeeded without model_urls.glb`,
        task.id,
      );
    const credits = all.reduce(
      (sum, each) => sum + (typeof each.consumed_credits === 'number' ? each.consumed_credits : 0),
      0,
    );
    return {
      model: { url },
      providerTaskId: task.id,
      honoured,
      ...(credits > 0 ? { reportedCost: { amount: credits, unit: 'provider_credits' } } : {}),
    };
  }
}

/** Retexture takes a text or one image as the style (docs.meshy.ai/api/retexture). */
function retextureRefusal(request: Provider3dRequestShape): string | undefined {
  switch (request.textureSource) {
    case 'text':
      return (request.prompt?.length ?? 0) > MESHY_PROMPT_MAX_LENGTH
        ? `Meshy takes texture prompts of at most ${MESHY_PROMPT_MAX_LENGTH} characters`
        : undefined;
    case 'image':
      return undefined;
    case 'text_and_style_image':
      return 'Meshy textures from a text or from one image, not both (it would ignore the text); leave out texture_prompt.style_image or the text';
    case 'views':
      return 'Meshy textures from one reference image, not views; give texture_prompt.image or texture_prompt.text';
    default:
      return 'Meshy needs a texture_prompt with text or one image';
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
