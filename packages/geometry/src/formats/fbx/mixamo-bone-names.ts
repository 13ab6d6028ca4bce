// fbx_preset `mixamo`: a skeleton that is one of the rig templates (rigging/rig-templates.ts, recognised by its
// bone names in either naming) gets Mixamo's bone names (mixamorig:Hips, mixamorig:LeftArm, ...), which Mixamo,
// game engines and retargeting tools map automatically. Other skeletons have no Mixamo equivalent and keep their
// names; the caller says so in the task's warnings.

import type { Document } from '@gltf-transform/core';
import { boneName, recogniseTemplate } from '../../rigging/rig-templates.ts';

export interface MixamoRenaming {
  /** Bones given a Mixamo name. */
  renamed: number;
  /** Skins whose skeleton matched no template (left as they were). */
  unrecognisedSkins: number;
}

export function applyMixamoBoneNames(document: Document): MixamoRenaming {
  let renamed = 0,
    unrecognisedSkins = 0;
  for (const skin of document.getRoot().listSkins()) {
    const joints = skin.listJoints();
    const match = recogniseTemplate(joints.map((joint) => joint.getName()));
    if (!match) {
      unrecognisedSkins++;
      continue;
    }
    const byId = new Map(match.template.joints.map((joint) => [joint.id, joint]));
    for (const joint of joints) {
      const id = match.jointIdByName.get(joint.getName());
      const template = id === undefined ? undefined : byId.get(id);
      if (!template) continue;
      const name = boneName(template, 'mixamo');
      if (joint.getName() !== name) renamed++;
      joint.setName(name);
    }
  }
  return { renamed, unrecognisedSkins };
}
