// image_to_model on the CPU: the photo's object found and judged (geometry/image-to-model/analyse-photo.ts), then
// silhouette inflation of it, written per the generation options (generated-model-output.ts), with a rendered_image
// preview. A photo without one clear object is refused at create and quote (checkInputs: 2002, nothing held); a
// `url` image is judged when the worker has fetched it, and the task fails unbilled. The output's `photo_object`
// says what was understood: where the object is, what was left out, and that the mesh is one closed piece.
import type { TaskRequest } from '@polyforge/protocol';
import sharp from 'sharp';
import {
  describePhotoRefusal,
  FragmentedModelError,
  PhotoObjectRefusedError,
} from '@polyforge/geometry/image-to-model/analyse-photo';
import {
  generationSettings,
  unservedGenerationOption,
  writeGeneratedModel,
} from '@polyforge/geometry/image-to-model/generated-model-output';
import { imageToModel } from '@polyforge/geometry/image-to-model/image-to-model';
import { DomainError } from '../../domain-error.ts';
import type { BackgroundRemover } from '../../images/background-remover.ts';
import { PhotoObjectCache } from '../../images/photo-object-cache.ts';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type CheckedInputFile,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { previewFiles } from './with-preview.ts';

type ImageToModelRequest = Extract<TaskRequest, { type: 'image_to_model' }>;

export class ImageToModelEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['image_to_model'];

  constructor(
    private readonly backgroundRemover: BackgroundRemover,
    private readonly photoObjects: PhotoObjectCache = new PhotoObjectCache(backgroundRemover),
  ) {}

  supports(request: TaskRequest): EngineSupport {
    const reason = unservedGenerationOption(request as Record<string, unknown>, 'image_to_model');
    return reason ? { ok: false, reason } : { ok: true };
  }

  estimateSeconds(request: TaskRequest): number {
    return (request as ImageToModelRequest).quad ? 12 : 8;
  }

  async checkInputs(_request: TaskRequest, files: CheckedInputFile[]): Promise<void> {
    const image = files[0];
    if (!image || !this.photoObjects.analysesAtCreate) return;
    const object = await this.photoObjects.analyse(image.bytes);
    if (!object.accepted)
      throw new DomainError(
        'unclearPhotoObject',
        `${image.label}: ${describePhotoRefusal(object)}; nothing was charged`,
      );
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as ImageToModelRequest;
    const image = input.files[0];
    if (!image) throw new EngineFailure('inputExpired', 'the input image is missing');
    const settings = generationSettings(request);
    const photoObject = await this.photoObjects.analyse(image.bytes);
    let model;
    try {
      model = await imageToModel(image.bytes, {
        ...settings,
        photoObject,
        backgroundRemover: this.backgroundRemover,
        sharp,
        reportProgress: (percent) => context.reportProgress(percent * 0.8),
      });
    } catch (error) {
      if (error instanceof PhotoObjectRefusedError || error instanceof FragmentedModelError)
        throw new EngineFailure('unclearPhotoObject', `${error.message}; the task was not charged`);
      throw error;
    }
    context.reportProgress(85);
    const written = await writeGeneratedModel(model.mesh, request, sharp);
    return {
      files: {
        [written.outputKey]: { bytes: written.bytes, extension: written.extension, mimeType: written.mimeType },
        ...(await previewFiles(written.document)),
      },
      result: { face_count: written.faceCount, photo_object: model.object },
    };
  }
}
