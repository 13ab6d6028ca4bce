// multiview_to_model on the CPU: the visual hull of up to four views [front, left, back, right], textured by
// projecting the views (geometry/multiview/), written per the generation options, with a rendered_image.
// With original_task_id the views are that generate/edit_multiview_image task's images, and any filled
// `files` slot replaces its view (V2's merge). Each view's object is found by the same salient-object step as
// image_to_model's; an uploaded view without one clear object is refused at create (checkInputs, 2002, free).
import type { TaskRequest } from '@polyforge/protocol';
import sharp from 'sharp';
import {
  generationSettings,
  unservedGenerationOption,
  writeGeneratedModel,
} from '@polyforge/geometry/image-to-model/generated-model-output';
import { multiviewToModel, type MultiviewImage } from '@polyforge/geometry/multiview/multiview-to-model';
import { MULTIVIEW_VIEW_NAMES } from '@polyforge/geometry/multiview/view-frame';
import { describePhotoRefusal } from '@polyforge/geometry/image-to-model/analyse-photo';
import { DomainError } from '../../domain-error.ts';
import type { BackgroundRemover } from '../../images/background-remover.ts';
import { PhotoObjectCache } from '../../images/photo-object-cache.ts';
import {
  EngineFailure,
  type CheckedInputFile,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { previewFiles } from './with-preview.ts';

type MultiviewToModelRequest = Extract<TaskRequest, { type: 'multiview_to_model' }>;

export class MultiviewToModelEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['multiview_to_model'];

  constructor(
    private readonly backgroundRemover: BackgroundRemover,
    private readonly photoObjects: PhotoObjectCache = new PhotoObjectCache(backgroundRemover),
  ) {}

  supports(request: TaskRequest): EngineSupport {
    const reason = unservedGenerationOption(request as Record<string, unknown>, 'multiview_to_model');
    return reason ? { ok: false, reason } : { ok: true };
  }

  estimateSeconds(): number {
    return 10;
  }

  async checkInputs(request: TaskRequest, files: CheckedInputFile[]): Promise<void> {
    if (!this.photoObjects.analysesAtCreate) return;
    const views = uploadedViewNames(request as MultiviewToModelRequest);
    for (const [index, file] of files.entries()) {
      const object = await this.photoObjects.analyse(file.bytes);
      // a view may show a small object (a far side view); every other reason applies to each view
      if (!object.accepted && object.refusal !== 'tooSmall') {
        throw new DomainError(
          'unclearPhotoObject',
          `${file.label}${views[index] ? ` (the ${views[index]} view)` : ''}: ${describePhotoRefusal(object)}; nothing was charged`,
        );
      }
    }
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as MultiviewToModelRequest;
    const images = viewImages(request, input);
    if (!images.some((image) => image.view === 'front'))
      throw new EngineFailure('invalidParameter', 'the front view is missing');
    if (images.length < 2)
      throw new EngineFailure('invalidParameter', 'multiview_to_model needs the front view and at least one more');
    const settings = generationSettings(request);
    const model = await multiviewToModel(images, {
      ...settings,
      backgroundRemover: this.backgroundRemover,
      sharp,
      reportProgress: (percent) => context.reportProgress(percent * 0.8),
    });
    context.reportProgress(85);
    const written = await writeGeneratedModel(model.mesh, request, sharp);
    return {
      files: {
        [written.outputKey]: { bytes: written.bytes, extension: written.extension, mimeType: written.mimeType },
        ...(await previewFiles(written.document)),
      },
      result: { face_count: written.faceCount },
    };
  }
}

/** The views whose slots hold an uploaded file (file_token), in the order the checked files come. */
function uploadedViewNames(request: MultiviewToModelRequest): string[] {
  const names: string[] = [];
  (request.files ?? []).forEach((slot, index) => {
    if ((slot as Record<string, unknown>).file_token !== undefined) names.push(MULTIVIEW_VIEW_NAMES[index]);
  });
  return names;
}

/** The views in spec order: filled `files` slots (input.files holds them in order), over the source task's images. */
function viewImages(request: MultiviewToModelRequest, input: EngineInput): MultiviewImage[] {
  const byView = new Map<string, Uint8Array>();
  for (const view of MULTIVIEW_VIEW_NAMES) {
    const source = input.sourceOutputs?.[`generate_multiview_image.${view}_view_url`];
    if (source) byView.set(view, source.bytes);
  }
  let next = 0;
  (request.files ?? []).forEach((slot, index) => {
    const filled = ['file_token', 'url', 'object'].some(
      (field) => (slot as Record<string, unknown>)[field] !== undefined,
    );
    if (!filled) return;
    const file = input.files[next++];
    if (file) byView.set(MULTIVIEW_VIEW_NAMES[index], file.bytes);
  });
  return MULTIVIEW_VIEW_NAMES.filter((view) => byView.has(view)).map((view) => ({ view, bytes: byView.get(view)! }));
}
