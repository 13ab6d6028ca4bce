// generate_image on the embedded default. Tripo's default model_version (flux.1_kontext_pro) and every other
// third-party image model of the pricing sheet (flux.*, gpt_*, gemini_*, midjourney, z_image, seedream*) are
// served by providers through routing (another part of the platform); here they answer "not available" with
// nothing charged. The embedded version `polyforge_basic` must be asked for explicitly: it renders the
// prompt's object like text_to_image (5 credits), takes no image input, and honours t_pose for characters.

import type { TaskRequest, TaskRequestOf } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';
import type { Engine, EngineContext, EngineInput, EngineResult, EngineSupport } from '../engine.ts';
import { renderPromptImage } from './text-to-image-engine.ts';
import { assertGeneratablePrompt } from './text-to-model-engine.ts';

export const EMBEDDED_IMAGE_MODEL_VERSION = 'polyforge_basic';

type GenerateImageRequest = TaskRequestOf<'generate_image'>;

export class GenerateImageEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['generate_image'];
  readonly modelVersions = [EMBEDDED_IMAGE_MODEL_VERSION];

  supports(request: TaskRequest): EngineSupport {
    const version = (request as GenerateImageRequest).model_version;
    if (version !== EMBEDDED_IMAGE_MODEL_VERSION) {
      return { ok: false, reason: `generate_image model_version ${version} is a third-party image model that this deployment has no provider for (the embedded model is model_version "${EMBEDDED_IMAGE_MODEL_VERSION}")` };
    }
    const generate = request as GenerateImageRequest;
    if (generate.template !== undefined) return { ok: false, reason: `generate_image templates are not built for model_version ${EMBEDDED_IMAGE_MODEL_VERSION}` };
    return { ok: true };
  }

  validate(request: TaskRequest): void {
    const generate = request as GenerateImageRequest;
    if (generate.file !== undefined || (generate.files?.length ?? 0) > 0) {
      throw new DomainError('invalidParameter', `file and files cannot be used with model_version ${EMBEDDED_IMAGE_MODEL_VERSION}, which takes no image input; nothing was charged`);
    }
    if (generate.sketch_to_render) throw new DomainError('invalidParameter', `sketch_to_render needs an input image, which model_version ${EMBEDDED_IMAGE_MODEL_VERSION} does not take; nothing was charged`);
    if (generate.prompt === undefined) throw new DomainError('invalidParameter', `prompt is required with model_version ${EMBEDDED_IMAGE_MODEL_VERSION}; nothing was charged`);
    assertGeneratablePrompt(generate.prompt);
  }

  estimateSeconds(): number {
    return 3;
  }

  run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as GenerateImageRequest;
    return renderPromptImage({ prompt: request.prompt ?? '', tPose: request.t_pose }, context);
  }
}
