// text_to_image on the embedded default: the prompt's object is built by the text_to_model generator library
// and rendered as a studio image (geometry/generators/render-studio-image.ts) → `generated_image` (PNG).
// The subject is checked at create time like text_to_model's; negative_prompt works the same way; the 3D
// model_version values V2 tolerated here change nothing. Seeds are random (the request has none).

import type { TaskRequest, TaskRequestOf } from '@polyforge/protocol';
import sharp from 'sharp';
import { generateModel } from '@polyforge/geometry/generators/generate-model';
import { renderStudioImage } from '@polyforge/geometry/render/render-studio-image';
import type { Engine, EngineContext, EngineInput, EngineResult, EngineSupport } from '../engine.ts';
import { assertGeneratablePrompt, dominantColour, seedOrRandom } from './text-to-model-engine.ts';

export const GENERATED_IMAGE_OUTPUT_KEY = 'generated_image';

export interface PromptImageRequest {
  prompt: string;
  negativePrompt?: string;
  styleImage?: Uint8Array;
  tPose?: boolean;
}

/** prompt → textured model → studio PNG; shared by text_to_image and generate_image's embedded version. */
export async function renderPromptImage(request: PromptImageRequest, context: EngineContext): Promise<EngineResult> {
  context.reportProgress(5);
  const { document, summary } = await generateModel(
    {
      prompt: request.prompt,
      negativePrompt: request.negativePrompt,
      modelSeed: seedOrRandom(undefined),
      textureSeed: seedOrRandom(undefined),
      textured: true,
      pbr: false,
      textureQuality: 'standard',
      geometryQuality: 'standard',
      autoSize: true,
      generateParts: false,
      lowPolyModelVersion: false,
      smartLowPoly: false,
      styleColour: await dominantColour(request.styleImage),
      tPose: request.tPose,
    },
    sharp,
  );
  context.reportProgress(50);
  const png = await renderStudioImage(document, sharp);
  return {
    files: { [GENERATED_IMAGE_OUTPUT_KEY]: { bytes: png, extension: 'png', mimeType: 'image/png' } },
    result: { generation: summary },
  };
}

export class TextToImageEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['text_to_image'];

  supports(_request: TaskRequest): EngineSupport {
    return { ok: true };
  }

  validate(request: TaskRequest): void {
    assertGeneratablePrompt((request as TaskRequestOf<'text_to_image'>).prompt);
  }

  estimateSeconds(): number {
    return 3;
  }

  run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as TaskRequestOf<'text_to_image'>;
    return renderPromptImage(
      { prompt: request.prompt, negativePrompt: request.negative_prompt, styleImage: input.files[0]?.bytes },
      context,
    );
  }
}
