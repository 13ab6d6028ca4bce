// animate_retarget: plays presets from the built-in library (geometry/rigging/animation/preset-library.ts) on a
// rig made by animate_rig, one glTF animation per preset named after its id (e.g. "preset:biped:idle");
// outputs GLB (default) or FBX, with a preview posed mid-way through the first clip.
//
// Decisions: bake_animation=true writes one key per frame at 30 fps, false only the clip's authored keys;
// export_with_geometry=false keeps the skeleton and its animations without the mesh (GLB only: the FBX writer
// writes a skeleton only for skinned meshes, so that combination is refused with 2002, as is render_video).
// animate_in_place removes the root's horizontal travel. A preset that does not exist for the rig's template
// (a quadruped preset on a biped) fails the task with 1004 and refunds it. A rig stored as FBX (animate_rig with
// out_format=fbx) is read back through the FBX reader; its bone names identify the template as for GLB.
import { retargetAnimationsOf, type TaskRequest } from '@polyforge/protocol';
import { prune } from '@gltf-transform/functions';
import { Logger, type Document } from '@gltf-transform/core';
import { animateInPlace } from '@polyforge/geometry/convert/animate-in-place';
import { convertModel } from '@polyforge/geometry/convert/convert-model';
import { readModel } from '@polyforge/geometry/read/read-model';
import { applyPresetPose, bakePresetAnimation } from '@polyforge/geometry/rigging/animation/bake-preset-animation';
import { presetClip } from '@polyforge/geometry/rigging/animation/preset-library';
import type { PresetClip } from '@polyforge/geometry/rigging/animation/pose-clip';
import { readRig } from '@polyforge/geometry/rigging/read-rig';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { previewFiles } from './with-preview.ts';

type RetargetRequest = Extract<TaskRequest, { type: 'animate_retarget' }>;

export class RetargetEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['animate_retarget'];

  supports(request: TaskRequest): EngineSupport {
    const retarget = request as RetargetRequest;
    if (retarget.render_video)
      return { ok: false, reason: 'animate_retarget option render_video (no video renderer here)' };
    if (!retarget.export_with_geometry && retarget.out_format === 'fbx') {
      return {
        ok: false,
        reason:
          'animate_retarget with export_with_geometry=false and out_format=fbx (a skeleton without a mesh is written as GLB only)',
      };
    }
    return { ok: true };
  }

  estimateSeconds(request: TaskRequest): number {
    return 3 + 2 * retargetAnimationsOf(request as RetargetRequest).length;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as RetargetRequest;
    const source = input.sourceModel;
    if (!source) throw new EngineFailure('inputExpired', 'the source model is missing');
    const document = await readModel(source.bytes, source.format as 'glb' | 'fbx');
    document.setLogger(new Logger(Logger.Verbosity.WARN));
    const rig = readRig(document);
    for (const animation of document.getRoot().listAnimations()) animation.dispose();

    const presets = retargetAnimationsOf(request);
    const clips: PresetClip[] = [];
    for (const presetId of presets) {
      const found = presetClip(presetId, rig.template.name);
      if ('error' in found) throw new EngineFailure('invalidParameter', found.error);
      clips.push(found.clip);
    }
    clips.forEach((clip, index) => {
      bakePresetAnimation(document, rig, presets[index], clip, { bake: request.bake_animation });
      context.reportProgress(10 + (70 * (index + 1)) / clips.length);
    });
    if (request.animate_in_place) animateInPlace(document);

    const restore = applyPresetPose(rig, clips[0], 0.4 * clips[0].durationSeconds);
    const preview = await previewFiles(document);
    restore();
    if (!request.export_with_geometry) await removeGeometry(document);
    const model = await convertModel(
      document,
      request.out_format === 'fbx'
        ? { format: 'FBX', fbxPreset: rig.spec === 'mixamo' ? 'mixamo' : 'blender' }
        : { format: 'GLB' },
    );
    return {
      files: { model: { bytes: model.bytes, extension: model.extension, mimeType: model.mimeType }, ...preview },
      result: { animations: presets, rig_type: rig.template.name },
    };
  }
}

/** Drops meshes and skins, keeping the joint nodes and their animations. */
async function removeGeometry(document: Document): Promise<void> {
  for (const node of document.getRoot().listNodes()) {
    if (node.getMesh()) node.dispose();
  }
  for (const skin of document.getRoot().listSkins()) skin.dispose();
  await document.transform(prune({ keepLeaves: true }));
}
