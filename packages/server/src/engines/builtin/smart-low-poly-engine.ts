// highpoly_to_lowpoly ("smart low poly", §4.13): decimates the source model to face_limit with meshoptimizer,
// keeping UV seams, borders, normals and so the texture's appearance (apply-convert-options.ts), with
// quad-dominant faces on request.
//
// Decisions: face_limit defaults to 10000 when omitted (the V2 convert default; the spec gives none for this
// task). Output is GLB, except with quad=true: glTF cannot store quads, so the model is FBX (the spec's
// "quad=true ⇒ FBX" for generation tasks). bake=true (the default) is accepted but does not bake a normal map
// from the high-poly surface: the textures stay as they are, mapped through the kept UVs.
import type { TaskRequest } from '@polyforge/protocol';
import type { Engine, EngineInput, EngineResult, EngineSupport } from '../engine.ts';
import { runSourceModelPipeline } from './source-model-pipeline.ts';

type SmartLowPolyRequest = Extract<TaskRequest, { type: 'highpoly_to_lowpoly' }>;

export const SMART_LOW_POLY_DEFAULT_FACE_LIMIT = 10_000;

export class SmartLowPolyEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['highpoly_to_lowpoly'];

  supports(_request: TaskRequest): EngineSupport {
    return { ok: true };
  }

  estimateSeconds(request: TaskRequest): number {
    return (request as SmartLowPolyRequest).quad ? 20 : 10;
  }

  run(input: EngineInput, context: { reportProgress(percent: number): void }): Promise<EngineResult> {
    const request = input.request as SmartLowPolyRequest;
    const format = request.quad ? 'FBX' : 'GLB';
    const options = {
      format,
      quad: request.quad,
      face_limit: request.face_limit ?? SMART_LOW_POLY_DEFAULT_FACE_LIMIT,
      part_names: request.part_names,
    };
    return runSourceModelPipeline(input, (percent) => context.reportProgress(percent), options, { format });
  }
}
