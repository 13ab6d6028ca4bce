// animate_rig: fits a biped or quadruped template skeleton to the source model and skins it with bone-heat
// weights (geometry/rigging/rig-model.ts); outputs a skinned GLB (default) or FBX with the source's materials
// and textures, and a preview.
//
// Decisions: rig_type is honoured for biped and quadruped; the default (biped) yields to the shape analysis
// when it finds a four-legged model, and the output's `rig_type` says which template was used. Other rig types
// are refused with 2002 before anything is charged. spec=mixamo names bones as Mixamo does and writes FBX in
// the mixamo preset (centimetres); every model_version runs the same rigger.
import type { TaskRequest } from '@polyforge/protocol';
import { convertModel } from '@polyforge/geometry/convert/convert-model';
import { readModel } from '@polyforge/geometry/read/read-model';
import { rigModel } from '@polyforge/geometry/rigging/rig-model';
import { RIG_TEMPLATE_NAMES, type RigTemplateName } from '@polyforge/geometry/rigging/rig-templates';
import { EngineFailure, type Engine, type EngineContext, type EngineInput, type EngineResult, type EngineSupport } from '../engine.ts';
import { withPreview } from './with-preview.ts';

type RigRequest = Extract<TaskRequest, { type: 'animate_rig' }>;

export class RigEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['animate_rig'];

  supports(request: TaskRequest): EngineSupport {
    const rigType = (request as RigRequest).rig_type;
    if (!(RIG_TEMPLATE_NAMES as readonly string[]).includes(rigType)) {
      return { ok: false, reason: `animate_rig with rig_type "${rigType}" (the built-in rigger fits ${RIG_TEMPLATE_NAMES.join(' and ')} skeletons)` };
    }
    return { ok: true };
  }

  estimateSeconds(): number {
    return 8;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as RigRequest;
    const source = input.sourceModel;
    if (!source) throw new EngineFailure('inputExpired', 'the source model is missing');
    const document = await readModel(source.bytes, source.format as 'glb');
    context.reportProgress(10);
    const requested = request.rig_type as RigTemplateName;
    const rigged = await rigModel(document, { template: requested === 'quadruped' ? 'quadruped' : undefined, spec: request.spec });
    context.reportProgress(80);
    const model = await convertModel(document, request.out_format === 'fbx' ? { format: 'FBX', fbxPreset: request.spec === 'mixamo' ? 'mixamo' : 'blender' } : { format: 'GLB' });
    const notes = rigged.template !== requested ? [`rig_type ${requested} was requested (the default) but the model has four legs: rigged as ${rigged.template}`] : [];
    return withPreview(document, {
      files: { model: { bytes: model.bytes, extension: model.extension, mimeType: model.mimeType } },
      result: {
        rig_type: rigged.template,
        spec: request.spec,
        bone_count: rigged.skeleton.joints.length,
        ...(rigged.fallbacks.length + notes.length > 0 ? { notes: [...notes, ...rigged.fallbacks.map((part) => `${part} placed by proportion: the shape did not show it`)] } : {}),
      },
    });
  }
}
