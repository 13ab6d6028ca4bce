// image_to_model on the CPU: silhouette inflation of the input image's object (geometry/image-to-model/),
// written per the generation options (generated-model-output.ts), with a rendered_image preview.
import type { TaskRequest } from '@polyforge/protocol';
import sharp from 'sharp';
import { generationSettings, unservedGenerationOption, writeGeneratedModel } from '@polyforge/geometry/image-to-model/generated-model-output';
import { imageToModel } from '@polyforge/geometry/image-to-model/image-to-model';
import type { BackgroundRemover } from '../../images/background-remover.ts';
import { EngineFailure, type Engine, type EngineContext, type EngineInput, type EngineResult, type EngineSupport } from '../engine.ts';
import { previewFiles } from './with-preview.ts';

type ImageToModelRequest = Extract<TaskRequest, { type: 'image_to_model' }>;

export class ImageToModelEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['image_to_model'];

  constructor(private readonly backgroundRemover: BackgroundRemover) {}

  supports(request: TaskRequest): EngineSupport {
    const reason = unservedGenerationOption(request as Record<string, unknown>, 'image_to_model');
    return reason ? { ok: false, reason } : { ok: true };
  }

  estimateSeconds(request: TaskRequest): number {
    return (request as ImageToModelRequest).quad ? 12 : 8;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as ImageToModelRequest;
    const image = input.files[0];
    if (!image) throw new EngineFailure('inputExpired', 'the input image is missing');
    const settings = generationSettings(request);
    const model = await imageToModel(image.bytes, { ...settings, backgroundRemover: this.backgroundRemover, sharp, reportProgress: (percent) => context.reportProgress(percent * 0.8) });
    context.reportProgress(85);
    const written = await writeGeneratedModel(model.mesh, request, sharp);
    return {
      files: { [written.outputKey]: { bytes: written.bytes, extension: written.extension, mimeType: written.mimeType }, ...(await previewFiles(written.document)) },
      result: { face_count: written.faceCount },
    };
  }
}
