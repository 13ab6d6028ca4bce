// generate_image / text_to_image through a third-party image API: builds the prompt, passes the reference
// images, checks that what comes back is an image, and turns provider errors into task failures (refunded).
import type { TaskRequest } from '@polyforge/protocol';
import { detectFileFormat } from '@polyforge/geometry/read/detect-file-format';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import type { ImageProvider } from './image-provider.ts';
import { ProviderHttpError } from './provider-http.ts';

export const IMAGE_PROVIDER_TASK_TYPES = ['generate_image', 'text_to_image'] as const;

export class ImageProviderEngine implements Engine {
  readonly name: string;
  readonly taskTypes = IMAGE_PROVIDER_TASK_TYPES;

  constructor(
    private readonly provider: ImageProvider,
    /** the provider model for every request, when the route names one */
    private readonly providerModel?: string,
    private readonly estimatedSeconds = 20,
  ) {
    this.name = `provider:${provider.name}`;
  }

  supports(request: TaskRequest): EngineSupport {
    if (!(IMAGE_PROVIDER_TASK_TYPES as readonly string[]).includes(request.type))
      return { ok: false, reason: `${this.provider.displayName} serves image tasks only` };
    if (this.modelOf(request)) return { ok: true };
    return {
      ok: false,
      reason: `${this.provider.displayName} does not serve model_version ${(request as { model_version?: string }).model_version}`,
    };
  }

  estimateSeconds(): number {
    return this.estimatedSeconds;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const model = this.modelOf(input.request);
    if (!model)
      throw new EngineFailure(
        'engineFailed',
        this.supports(input.request).ok ? 'no provider model' : 'model_version not served',
      );
    const images = input.files
      .filter((file) => file.kind === 'image')
      .map((file) => ({ bytes: file.bytes, mimeType: mimeTypeOf(file.format), fileName: file.fileName }));
    context.reportProgress(5);
    let bytes: Uint8Array;
    try {
      bytes = await this.provider.generate({
        model,
        prompt: promptOf(input.request),
        images,
        signal: context.signal,
        reportProgress: context.reportProgress,
      });
    } catch (error) {
      if (error instanceof ProviderHttpError)
        throw new EngineFailure('engineFailed', `image generation failed: ${error.message}`);
      throw error;
    }
    const detected = detectFileFormat(bytes);
    if (detected?.kind !== 'image')
      throw new EngineFailure(
        'engineFailed',
        `${this.provider.displayName} returned something that is not a PNG, JPEG or WebP image`,
      );
    return {
      files: { generated_image: { bytes, extension: detected.extension, mimeType: detected.mimeType } },
      result: {},
    };
  }

  private modelOf(request: TaskRequest): string | undefined {
    if (this.providerModel) return this.providerModel;
    if (request.type === 'text_to_image') return this.provider.defaultModel;
    const modelVersion = (request as { model_version?: string }).model_version;
    return modelVersion ? this.provider.modelFor(modelVersion) : undefined;
  }
}

/** generate_image may leave the prompt out when a template and an image are given. */
function promptOf(request: TaskRequest): string {
  const fields = request as {
    prompt?: string;
    negative_prompt?: string;
    template?: string;
    t_pose?: boolean;
    sketch_to_render?: boolean;
  };
  const parts: string[] = [];
  if (fields.prompt) parts.push(fields.prompt);
  if (fields.template)
    parts.push(`Apply the "${fields.template.replace(/[-_]/g, ' ')}" treatment to the reference image.`);
  if (fields.t_pose)
    parts.push('Show the character standing in a T-pose, arms straight out to the sides, facing the viewer.');
  if (fields.sketch_to_render) parts.push('Render the sketch as a finished, shaded image, keeping its shapes.');
  if (fields.negative_prompt) parts.push(`Avoid: ${fields.negative_prompt}.`);
  return parts.join(' ') || 'An image.';
}

function mimeTypeOf(format: string): string {
  return format === 'jpeg' || format === 'jpg' ? 'image/jpeg' : `image/${format}`;
}
