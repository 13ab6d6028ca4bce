// Meshy (https://docs.meshy.ai/api): text_to_model is POST /openapi/v2/text-to-3d with mode "preview" (untextured
// mesh), then mode "refine" with preview_task_id (textures); image_to_model is POST /openapi/v1/image-to-3d
// (image_url as a data URI); multiview_to_model is POST /openapi/v1/multi-image-to-3d (image_urls, 1 to 4 views).
// Each create answers {"result": "<task id>"}; GET <endpoint>/<id> is the task object, polled until its status
// (PENDING, IN_PROGRESS) becomes SUCCEEDED (model_urls.glb), FAILED (task_error.message) or CANCELED. Errors are
// {"message"} with 400/401/402 (insufficient funds)/403/404/429 (Retry-After on rate_limit_exceeded)/5xx
// (docs.meshy.ai/api/errors, /api/rate-limits). `moderation: true` asks Meshy to screen the prompt and images.
import type { ProviderApiSettings } from './provider-api.ts';
import { errorTextOf, ProviderApi } from './provider-api.ts';
import { dataUriOf, ProviderFailure, type Provider3dAdapter, type Provider3dRequest, type Provider3dRequestShape, type Provider3dResult, type Provider3dTaskType } from './provider-3d.ts';

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

export class MeshyAdapter implements Provider3dAdapter {
  readonly name = 'meshy' as const;
  readonly displayName = 'Meshy';
  private readonly api: ProviderApi;

  constructor(settings: ProviderApiSettings) {
    this.api = new ProviderApi('meshy', this.displayName, settings, { Authorization: `Bearer ${settings.apiKey}` }, (status, body, text) => {
      if ((status === 400 || status === 403 || status === 422) && MODERATION_WORDS.test(errorTextOf(body, text))) return 'content';
      return undefined;
    });
  }

  taskTypesOf(): readonly Provider3dTaskType[] {
    return ['text_to_model', 'image_to_model', 'multiview_to_model'];
  }

  refusal(request: Provider3dRequestShape): string | undefined {
    if (request.taskType === 'text_to_model' && (request.prompt?.length ?? 0) > MESHY_PROMPT_MAX_LENGTH) return `Meshy takes prompts of at most ${MESHY_PROMPT_MAX_LENGTH} characters`;
    if (request.taskType === 'multiview_to_model' && request.imageCount > 4) return 'Meshy takes at most 4 views';
    return undefined;
  }

  async generate(request: Provider3dRequest): Promise<Provider3dResult> {
    const geometry: Record<string, unknown> = {
      ai_model: request.model,
      moderation: true,
      ...(request.faceLimit !== undefined ? { should_remesh: true, topology: 'triangle', target_polycount: clamp(request.faceLimit, 100, 300_000) } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
    };
    const honoured = [...(request.seed !== undefined ? (['seed'] as const) : []), ...(request.faceLimit !== undefined ? (['face_limit'] as const) : []), 'pbr' as const];
    if (request.taskType === 'text_to_model') {
      const preview = await this.run('/openapi/v2/text-to-3d', { mode: 'preview', prompt: request.prompt ?? '', ...geometry }, request, [0, request.texture ? 50 : 95]);
      if (!request.texture) return this.resultOf(preview, [preview], honoured);
      const refined = await this.run('/openapi/v2/text-to-3d', { mode: 'refine', preview_task_id: preview.id, enable_pbr: request.pbr }, request, [50, 95]);
      return this.resultOf(refined, [preview, refined], honoured);
    }
    const texturing = { should_texture: request.texture, ...(request.texture ? { enable_pbr: request.pbr } : {}) };
    if (request.taskType === 'image_to_model') {
      const task = await this.run('/openapi/v1/image-to-3d', { image_url: dataUriOf(request.images[0]!), ...geometry, ...texturing }, request, [0, 95]);
      return this.resultOf(task, [task], honoured);
    }
    const task = await this.run('/openapi/v1/multi-image-to-3d', { image_urls: request.images.slice(0, 4).map(dataUriOf), ...geometry, ...texturing }, request, [0, 95]);
    return this.resultOf(task, [task], honoured);
  }

  /** Creates one Meshy task and follows it until it ends; returns the finished task object. */
  private async run(endpoint: string, body: Record<string, unknown>, request: Provider3dRequest, [from, to]: [number, number]): Promise<MeshyTask & { id: string }> {
    const created = await this.api.json<{ result?: unknown }>(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, { signal: request.signal, idempotent: false });
    if (typeof created.result !== 'string' || created.result === '') throw new ProviderFailure('meshy', 'bad_answer', 'Meshy accepted the task without a task id ("result")');
    const id = created.result;
    const deadline = this.api.deadline();
    for (;;) {
      const task = await this.api.json<MeshyTask>(`${endpoint}/${encodeURIComponent(id)}`, { method: 'GET' }, { signal: request.signal });
      if (typeof task.progress === 'number') request.reportProgress(from + ((to - from) * Math.min(100, task.progress)) / 100);
      if (task.status === 'SUCCEEDED') return { ...task, id };
      if (task.status === 'FAILED' || task.status === 'CANCELED') {
        const message = task.task_error?.message || `the task ended ${task.status}`;
        throw new ProviderFailure('meshy', MODERATION_WORDS.test(message.toLowerCase()) ? 'content' : 'task_failed', `Meshy task ${id} failed: ${message}`, id);
      }
      if (task.status !== 'PENDING' && task.status !== 'IN_PROGRESS') throw new ProviderFailure('meshy', 'bad_answer', `Meshy reported an unknown status ${JSON.stringify(task.status)} for task ${id}`, id);
      if (Date.now() > deadline) throw this.api.timedOut(id);
      await this.api.pause(request.signal);
    }
  }

  private resultOf(task: MeshyTask & { id: string }, all: MeshyTask[], honoured: Provider3dResult['honoured']): Provider3dResult {
    const url = task.model_urls?.glb;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new ProviderFailure('meshy', 'bad_answer', `Meshy task ${task.id} succeeded without model_urls.glb`, task.id);
    const credits = all.reduce((sum, each) => sum + (typeof each.consumed_credits === 'number' ? each.consumed_credits : 0), 0);
    return { model: { url }, providerTaskId: task.id, honoured, ...(credits > 0 ? { reportedCost: { amount: credits, unit: 'provider_credits' } } : {}) };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
