// generate_multiview_image on the CPU: the model image_to_model makes of the input image (silhouette
// inflation, front texture from the image), rendered from the four sides [front, left, back, right] with the
// preview renderer, level and nearly orthographic (a 1° field of view), so multiview_to_model can rebuild it.
import type { TaskRequest } from '@polyforge/protocol';
import sharp from 'sharp';
import { GENERATION_DEFAULTS } from '@polyforge/geometry/image-to-model/generated-model-output';
import { imageToModel } from '@polyforge/geometry/image-to-model/image-to-model';
import { reconstructedModelDocument } from '@polyforge/geometry/multiview/reconstructed-model-document';
import { MULTIVIEW_VIEW_NAMES, VIEW_AZIMUTH_DEGREES } from '@polyforge/geometry/multiview/view-frame';
import { renderPreview } from '@polyforge/geometry/render/render-preview';
import type { BackgroundRemover } from '../../images/background-remover.ts';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineOutputFile,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';

export const MULTIVIEW_IMAGE_SIZE_PIXELS = 512;
export const MULTIVIEW_BACKGROUND: [number, number, number] = [246, 246, 244];

/** The output key of each view (tripo-api.md §4.9): generate_multiview_image.{front,left,back,right}_view_url. */
export function multiviewOutputKey(view: (typeof MULTIVIEW_VIEW_NAMES)[number]): string {
  return `generate_multiview_image.${view}_view_url`;
}

export class GenerateMultiviewImageEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['generate_multiview_image'];

  constructor(private readonly backgroundRemover: BackgroundRemover) {}

  supports(_request: TaskRequest): EngineSupport {
    return { ok: true };
  }

  estimateSeconds(): number {
    return 8;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const image = input.files[0];
    if (!image) throw new EngineFailure('inputExpired', 'the input image is missing');
    const model = await imageToModel(image.bytes, {
      backgroundRemover: this.backgroundRemover,
      sharp,
      textured: true,
      textureCellPixels: GENERATION_DEFAULTS.textureCellPixels.standard,
      maxTriangles: 20_000,
      gridResolution: GENERATION_DEFAULTS.gridResolution,
      reportProgress: (percent) => context.reportProgress(percent * 0.7),
    });
    const document = await reconstructedModelDocument(model.mesh, {
      name: 'model',
      material: { metallic: 0, roughness: 1 },
      sharp,
    });
    const files: Record<string, EngineOutputFile> = {};
    for (const view of MULTIVIEW_VIEW_NAMES) {
      const bytes = await renderPreview(document, {
        sizePixels: MULTIVIEW_IMAGE_SIZE_PIXELS,
        azimuthDegrees: VIEW_AZIMUTH_DEGREES[view],
        elevationDegrees: 0,
        fieldOfViewDegrees: 1,
        fillFraction: 0.85,
        backgroundColor: MULTIVIEW_BACKGROUND,
        sharp,
      });
      files[multiviewOutputKey(view)] = { bytes, extension: 'webp', mimeType: 'image/webp' };
    }
    return { files };
  }
}
