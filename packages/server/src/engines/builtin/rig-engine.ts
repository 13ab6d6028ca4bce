// animate_rig: fits a biped or quadruped template skeleton to the source model and skins it with bone-heat
// weights (geometry/rigging/rig-model.ts); outputs a skinned GLB (default) or FBX with the source's materials
// and textures, and a preview.
//
// Decisions: the rig is always the rig_type asked for (biped by default), never another one, so the presets
// of that type retarget onto it; when the shape analysis finds the other type, the output's notes say so (send
// the rig_type animate_prerigcheck found; a non-biped rig_type with no model_version gets a model that rigs it).
// Other rig types are refused with 2002 before anything is charged. spec=mixamo names bones as Mixamo does and
// writes FBX in the mixamo preset (centimetres); every model_version runs the same rigger.
// A model the pre-rig check rejects is rigged only when a riggable character separates from the rest (a pedestal,
// a base: left static, reported as `static_props`); otherwise the task fails with the check's reasons (2004,
// refunded). The check needs the model's geometry, which create does not read, so the refusal comes at run time.
import type { TaskRequest } from '@polyforge/protocol';
import { convertModel } from '@polyforge/geometry/convert/convert-model';
import { readModel } from '@polyforge/geometry/read/read-model';
import { rigModel } from '@polyforge/geometry/rigging/rig-model';
import { RIG_TEMPLATE_NAMES, type RigTemplateName } from '@polyforge/geometry/rigging/rig-templates';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { withPreview } from './with-preview.ts';

type RigRequest = Extract<TaskRequest, { type: 'animate_rig' }>;

export class RigEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['animate_rig'];

  supports(request: TaskRequest): EngineSupport {
    const rigType = (request as RigRequest).rig_type;
    if (!(RIG_TEMPLATE_NAMES as readonly string[]).includes(rigType)) {
      return {
        ok: false,
        reason: `animate_rig with rig_type "${rigType}" (the built-in rigger fits ${RIG_TEMPLATE_NAMES.join(' and ')} skeletons)`,
      };
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
    const rigged = await rigModel(document, { template: requested, spec: request.spec });
    context.reportProgress(80);
    const model = await convertModel(
      document,
      request.out_format === 'fbx'
        ? { format: 'FBX', fbxPreset: request.spec === 'mixamo' ? 'mixamo' : 'blender' }
        : { format: 'GLB' },
    );
    const found = rigged.analysis.riggable ? rigged.analysis.rigType : undefined;
    const notes =
      found !== undefined && found !== requested && (RIG_TEMPLATE_NAMES as readonly string[]).includes(found)
        ? [
            `rigged as the requested ${requested}, but the shape looks like a ${found}: send rig_type "${found}" (what animate_prerigcheck reports) for a ${found} rig`,
          ]
        : [];
    if (rigged.staticPropCount > 0) {
      notes.push(
        `the pre-rig check rejects the whole model; the character was rigged and ${rigged.staticPropCount} separate part(s) (a base or prop) left static`,
      );
    }
    return withPreview(document, {
      files: { model: { bytes: model.bytes, extension: model.extension, mimeType: model.mimeType } },
      result: {
        rig_type: rigged.template,
        spec: request.spec,
        bone_count: rigged.skeleton.joints.length,
        ...(rigged.staticPropCount > 0 ? { static_props: rigged.staticPropCount } : {}),
        ...(rigged.fallbacks.length + notes.length > 0
          ? {
              notes: [
                ...notes,
                ...rigged.fallbacks.map((part) => `${part} placed by proportion: the shape did not show it`),
              ],
            }
          : {}),
      },
    });
  }
}
