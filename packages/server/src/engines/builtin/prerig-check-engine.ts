// animate_prerigcheck (free): says whether the source model can be rigged and as what (tripo-api.md §4.14:
// `riggable`, `rig_type`, legacy `topology`), with the reasons the shape analysis found
// (geometry/rigging/analyse-rig-shape.ts) and what it counted. A false result does not forbid rigging.
import type { TaskRequest } from '@polyforge/protocol';
import { readModel } from '@polyforge/geometry/read/read-model';
import { analyseRigShape } from '@polyforge/geometry/rigging/analyse-rig-shape';
import { collectRigMesh } from '@polyforge/geometry/rigging/collect-rig-mesh';
import { RIG_TEMPLATE_NAMES } from '@polyforge/geometry/rigging/rig-templates';
import { EngineFailure, type Engine, type EngineContext, type EngineInput, type EngineResult } from '../engine.ts';

const LEGACY_TOPOLOGY: Partial<Record<string, string>> = { biped: 'bip', quadruped: 'quad' };

export class PrerigCheckEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['animate_prerigcheck'];

  supports(_request: TaskRequest) {
    return { ok: true } as const;
  }

  estimateSeconds(): number {
    return 3;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const source = input.sourceModel;
    if (!source) throw new EngineFailure('inputExpired', 'the source model is missing');
    const document = await readModel(source.bytes, source.format as 'glb');
    context.reportProgress(20);
    const analysis = analyseRigShape(collectRigMesh(document), { riggableTypes: RIG_TEMPLATE_NAMES });
    const topology = LEGACY_TOPOLOGY[analysis.rigType];
    return {
      files: {},
      result: {
        riggable: analysis.riggable,
        rig_type: analysis.rigType,
        ...(topology ? { topology } : {}),
        reasons: analysis.reasons,
        limbs: {
          legs: analysis.legs.length,
          arms: Number(Boolean(analysis.arms.left)) + Number(Boolean(analysis.arms.right)),
          head: Boolean(analysis.head),
          tail: Boolean(analysis.tail),
        },
      },
    };
  }
}
