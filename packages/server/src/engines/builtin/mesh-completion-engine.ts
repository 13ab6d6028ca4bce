// mesh_completion (tripo-api.md §4.12): makes the parts of a mesh_segmentation result watertight
// (geometry/completion/complete-model.ts: Liepa hole filling, checked with manifold-3d) and returns the GLB with
// holes_filled and watertight in the task output, plus the same per part. `watertight` is the assembled model's
// verdict; without part_names seams between parts are left shared rather than capped twice (seams_left_open).
//
// part_names restricts the work to those parts (all by default); names that match no part are listed in
// unmatched_part_names, and a task where none matches fails (refunded). completion_mode (V3) ai_completion, the
// default, refines and fairs each patch; quick_cap stops at the minimum-weight triangulation of each hole.
import type { TaskRequest } from '@polyforge/protocol';
import { completeModel } from '@polyforge/geometry/completion/complete-model';
import { readModel, type ReadableModelFormat } from '@polyforge/geometry/read/read-model';
import { writeGlb } from '@polyforge/geometry/formats/glb/write-glb';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { withPreview } from './with-preview.ts';

type CompletionRequest = Extract<TaskRequest, { type: 'mesh_completion' }>;

export class MeshCompletionEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['mesh_completion'];

  supports(_request: TaskRequest): EngineSupport {
    return { ok: true };
  }

  estimateSeconds(): number {
    return 5;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as CompletionRequest;
    const source = input.sourceModel;
    if (!source) throw new EngineFailure('inputExpired', 'the source model is missing');
    context.reportProgress(5);
    const document = await readModel(source.bytes, source.format as ReadableModelFormat);
    context.reportProgress(15);
    const report = await completeModel(document, {
      partNames: request.part_names,
      mode: request.completion_mode === 'quick_cap' ? 'cap' : 'fair',
    });
    context.reportProgress(80);
    const bytes = await writeGlb(document);
    return withPreview(document, {
      files: { model: { bytes, extension: 'glb', mimeType: 'model/gltf-binary' } },
      result: {
        holes_filled: report.holesFilled,
        watertight: report.watertight,
        ...(report.problem ? { problem: report.problem } : {}),
        parts: report.parts.map((part) => ({
          name: part.name,
          holes_filled: part.holesFilled,
          seams_left_open: part.seamsLeftOpen,
          watertight: part.watertight,
          ...(part.problem ? { problem: part.problem } : {}),
        })),
        ...(report.unmatchedPartNames.length > 0 ? { unmatched_part_names: report.unmatchedPartNames } : {}),
      },
    });
  }
}
