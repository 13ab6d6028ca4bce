// convert_model `animate_in_place`: removes root motion, so a walk cycle walks on the spot. For every animation
// channel that translates a root joint (a skin joint whose parent is not a joint of that skin), the horizontal
// components (x, z in glTF's Y-up frame) of every keyframe are set to the first keyframe's; vertical motion
// (a jump, a bob) stays.

import type { Document, Node } from '@gltf-transform/core';

/** Returns how many channels were changed. */
export function animateInPlace(document: Document): number {
  const root = document.getRoot();
  const rootJoints = new Set<Node>();
  for (const skin of root.listSkins()) {
    const joints = new Set(skin.listJoints());
    for (const joint of joints) {
      const parent = joint.getParentNode();
      if (!parent || !joints.has(parent)) rootJoints.add(joint);
    }
  }
  let changed = 0;
  for (const animation of root.listAnimations()) {
    for (const channel of animation.listChannels()) {
      const target = channel.getTargetNode();
      const output = channel.getSampler()?.getOutput();
      if (!target || !rootJoints.has(target) || channel.getTargetPath() !== 'translation' || !output) continue;
      // CUBICSPLINE outputs hold in-tangent, value, out-tangent per key: tangents go to zero, values to the first.
      const cubic = channel.getSampler()!.getInterpolation() === 'CUBICSPLINE';
      const element: number[] = [];
      const first = output.getElement(cubic ? 1 : 0, element).slice();
      for (let index = 0; index < output.getCount(); index++) {
        const value = output.getElement(index, element);
        const isTangent = cubic && index % 3 !== 1;
        output.setElement(index, [isTangent ? 0 : first[0], value[1], isTangent ? 0 : first[2]]);
      }
      changed++;
    }
  }
  return changed;
}
