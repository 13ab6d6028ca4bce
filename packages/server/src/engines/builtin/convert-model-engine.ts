// convert_model: reads the source task's model, applies the conversion options (@polyforge/geometry convert/apply-convert-options.ts)
// and writes it in the requested format.
import type { TaskRequest } from '@polyforge/protocol';
import { SUPPORTED_CONVERT_FORMATS, type SupportedConvertFormat } from '@polyforge/geometry/convert/convert-model';
import type { Engine, EngineInput, EngineResult, EngineSupport } from '../engine.ts';
import { runSourceModelPipeline } from './source-model-pipeline.ts';

type ConvertRequest = Extract<TaskRequest, { type: 'convert_model' }>;

/**
 * fbx_preset applies to FBX output only (@polyforge/geometry formats/fbx/fbx-presets.ts); other formats ignore it.
 * export_vertex_colors with another format than OBJ and GLTF/GLB is a parameter error (the request schema, 1004).
 * bake is accepted either way: the built-in engine keeps PBR maps as separate textures and never bakes.
 */

export class ConvertModelEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['convert_model'];

  supports(request: TaskRequest): EngineSupport {
    const convert = request as ConvertRequest;
    if (!(SUPPORTED_CONVERT_FORMATS as readonly string[]).includes(convert.format)) {
      return {
        ok: false,
        reason: `convert_model to ${convert.format} is not built yet (served formats: ${SUPPORTED_CONVERT_FORMATS.join(', ')})`,
      };
    }
    return { ok: true };
  }

  estimateSeconds(request: TaskRequest): number {
    return (request as ConvertRequest).quad ? 15 : 5;
  }

  run(input: EngineInput, context: { reportProgress(percent: number): void }): Promise<EngineResult> {
    const request = input.request as ConvertRequest;
    return runSourceModelPipeline(input, (percent) => context.reportProgress(percent), request, {
      format: request.format as SupportedConvertFormat,
      fbxPreset: request.fbx_preset,
    });
  }
}
