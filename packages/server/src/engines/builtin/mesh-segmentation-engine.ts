// mesh_segmentation (tripo-api.md §4.11): splits the source task's model into named parts
// (geometry/segmentation/segment-model.ts) and returns one GLB with a node per part, plus part_count and
// part_names in the task output (and part_labels — head, body, tail, left_arm, ... — for characters and animals,
// which are segmented by their fitted skeleton); the preview shows each part in its own colour.
//
// Versions: v1.0-20250506 (the default) segments at "balanced" granularity and never keeps tiny separate pieces
// apart; v2.0-20260430 honours segmentation_granularity (simple | balanced | detailed, default balanced) and
// split_by_connectivity (true keeps every separate piece of the mesh as its own part, however small; false, the
// default, lets tiny pieces join the nearest part). ref_image is refused with "not available": nothing here can
// read a reference image.
import type { TaskRequest } from '@polyforge/protocol';
import { MeshoptSimplifier } from 'meshoptimizer';
import { readModel, type ReadableModelFormat } from '@polyforge/geometry/read/read-model';
import { colourPartsForPreview } from '@polyforge/geometry/segmentation/colour-parts-for-preview';
import { segmentModel } from '@polyforge/geometry/segmentation/segment-model';
import { writeGlb } from '@polyforge/geometry/formats/glb/write-glb';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { previewFiles } from './with-preview.ts';

type SegmentationRequest = Extract<TaskRequest, { type: 'mesh_segmentation' }>;

export const SEGMENTATION_V2 = 'v2.0-20260430';

export class MeshSegmentationEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['mesh_segmentation'];

  supports(request: TaskRequest): EngineSupport {
    if ((request as SegmentationRequest).ref_image !== undefined) {
      return {
        ok: false,
        reason: 'mesh_segmentation option ref_image is not built yet (segmentation here works from the geometry alone)',
      };
    }
    return { ok: true };
  }

  estimateSeconds(): number {
    return 10;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as SegmentationRequest;
    const source = input.sourceModel;
    if (!source) throw new EngineFailure('inputExpired', 'the source model is missing');
    context.reportProgress(5);
    const document = await readModel(source.bytes, source.format as ReadableModelFormat);
    context.reportProgress(15);
    await MeshoptSimplifier.ready;
    const v2 = request.model_version === SEGMENTATION_V2;
    const report = await segmentModel(document, {
      granularity: v2 ? (request.segmentation_granularity ?? 'balanced') : 'balanced',
      splitByConnectivity: v2 ? (request.split_by_connectivity ?? false) : false,
      simplifier: MeshoptSimplifier,
    });
    context.reportProgress(80);
    const bytes = await writeGlb(document);
    return {
      files: {
        model: { bytes, extension: 'glb', mimeType: 'model/gltf-binary' },
        ...(await previewFiles(colourPartsForPreview(document))),
      },
      result: {
        part_count: report.partCount,
        part_names: report.partNames,
        ...(report.partLabels ? { part_labels: report.partLabels } : {}),
      },
    };
  }
}
