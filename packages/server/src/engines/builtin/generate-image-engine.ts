// generate_image on the embedded model `polyforge_basic`, the deployment's default image model unless the operator
// names another (POLYFORGE_DEFAULT_IMAGE_MODEL). Tripo's third-party models (flux.*, gpt_*, gemini_*, midjourney,
// z_image, seedream*) are served by providers through routing; without one they answer "not available".
//
// What the embedded model does with each part of a request (and says so in the task's notes):
// - a prompt: its object is built by the text_to_model generator library and rendered as a studio image;
// - one reference image (`file`, or `files` with one entry): its dominant colour tints the object, as
//   text_to_image's style_image does; it does not edit the picture, and takes no more than one;
// - template `t_pose` (also `t-pose`): the character in T-pose, like `t_pose: true`;
// - template `asset_extraction`: the reference image's main object cut out on transparency (the prompt is not used);
// - any other template, and sketch_to_render, are refused at create (2002 / 1004), nothing charged.
import type { TaskRequest, TaskRequestOf } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';
import { createBackgroundRemover, type BackgroundRemover } from '../../images/background-remover.ts';
import type { Engine, EngineContext, EngineInput, EngineResult, EngineSupport } from '../engine.ts';
import { extractImageAsset } from './extract-image-asset.ts';
import { GENERATED_IMAGE_OUTPUT_KEY, renderPromptImage } from './text-to-image-engine.ts';
import { assertGeneratablePrompt } from './text-to-model-engine.ts';

export const EMBEDDED_IMAGE_MODEL_VERSION = 'polyforge_basic';

/** The templates the embedded model builds, by their canonical (V3) name. */
const BUILT_TEMPLATES = ['t_pose', 'asset_extraction'] as const;
type BuiltTemplate = (typeof BUILT_TEMPLATES)[number];

type GenerateImageRequest = TaskRequestOf<'generate_image'>;

/** `t-pose` and `t_pose` name one template (V2 examples use dashes, V3 underscores). */
function templateOf(request: GenerateImageRequest): string | undefined {
  return request.template?.trim().toLowerCase().replace(/-/g, '_');
}

function referenceImageCount(request: GenerateImageRequest): number {
  return (request.file ? 1 : 0) + (request.files?.length ?? 0);
}

export class GenerateImageEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['generate_image'];
  readonly modelVersions = [EMBEDDED_IMAGE_MODEL_VERSION];

  constructor(private readonly backgroundRemover: BackgroundRemover = createBackgroundRemover()) {}

  supports(request: TaskRequest): EngineSupport {
    const generate = request as GenerateImageRequest;
    if (generate.model_version !== EMBEDDED_IMAGE_MODEL_VERSION) {
      return {
        ok: false,
        reason: `generate_image model_version ${generate.model_version} is a third-party image model that this deployment has no provider for (the embedded model is model_version "${EMBEDDED_IMAGE_MODEL_VERSION}")`,
      };
    }
    const template = templateOf(generate);
    if (template !== undefined && !(BUILT_TEMPLATES as readonly string[]).includes(template)) {
      return {
        ok: false,
        reason: `generate_image template "${generate.template}" with model_version ${EMBEDDED_IMAGE_MODEL_VERSION} (built templates: ${BUILT_TEMPLATES.join(', ')})`,
      };
    }
    return { ok: true };
  }

  validate(request: TaskRequest): void {
    const generate = request as GenerateImageRequest;
    const images = referenceImageCount(generate);
    const template = templateOf(generate) as BuiltTemplate | undefined;
    if (generate.sketch_to_render)
      throw new DomainError(
        'invalidParameter',
        `sketch_to_render needs an image generator, which model_version ${EMBEDDED_IMAGE_MODEL_VERSION} is not; nothing was charged`,
      );
    if (template === 'asset_extraction') {
      if (images !== 1)
        throw new DomainError(
          'invalidParameter',
          `template asset_extraction takes exactly one reference image (file) with model_version ${EMBEDDED_IMAGE_MODEL_VERSION} (got ${images}); nothing was charged`,
        );
      return;
    }
    if (images > 1) {
      throw new DomainError(
        'invalidParameter',
        `model_version ${EMBEDDED_IMAGE_MODEL_VERSION} takes at most one reference image, used for its colour (got ${images}); nothing was charged`,
      );
    }
    if (generate.prompt === undefined)
      throw new DomainError(
        'invalidParameter',
        `prompt is required with model_version ${EMBEDDED_IMAGE_MODEL_VERSION}: it draws the prompt's object; nothing was charged`,
      );
    assertGeneratablePrompt(generate.prompt);
  }

  estimateSeconds(): number {
    return 3;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as GenerateImageRequest;
    const template = templateOf(request) as BuiltTemplate | undefined;
    const reference = input.files[0];
    if (template === 'asset_extraction') {
      context.reportProgress(10);
      const cutOut = await extractImageAsset(reference!.bytes, this.backgroundRemover);
      const notes = [
        `asset_extraction: the main object of the reference image, cut out (background removal: ${this.backgroundRemover.method})`,
      ];
      if (request.prompt !== undefined) notes.push('the prompt is not used by asset_extraction on this model');
      return { files: { [GENERATED_IMAGE_OUTPUT_KEY]: cutOut }, result: { template: 'asset_extraction', notes } };
    }
    const tPose = request.t_pose || template === 't_pose';
    const rendered = await renderPromptImage(
      { prompt: request.prompt ?? '', tPose, styleImage: reference?.bytes },
      context,
    );
    const notes = [
      `model_version ${EMBEDDED_IMAGE_MODEL_VERSION} draws the prompt's object from a parametric library and renders it`,
    ];
    if (reference)
      notes.push(
        "the reference image sets the object's colour (its dominant colour); the picture itself is not edited",
      );
    return { ...rendered, result: { ...rendered.result, ...(template ? { template } : {}), notes } };
  }
}
