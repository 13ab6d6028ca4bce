// convert_model `with_animation=false`: removes animations and skins (the skeleton), leaving static meshes in
// their bind pose: skin references, JOINTS_n/WEIGHTS_n attributes and joint nodes that hold nothing else go.

import type { Document, Node } from '@gltf-transform/core';
import { forgetUnreadAnimations } from '../read/unread-animations.ts';

export function removeAnimation(document: Document): void {
  forgetUnreadAnimations(document);
  const root = document.getRoot();
  for (const animation of root.listAnimations()) {
    for (const sampler of animation.listSamplers()) sampler.dispose();
    for (const channel of animation.listChannels()) channel.dispose();
    animation.dispose();
  }
  const joints = new Set<Node>();
  for (const skin of root.listSkins()) {
    for (const joint of skin.listJoints()) joints.add(joint);
    skin.dispose();
  }
  for (const mesh of root.listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      for (const semantic of primitive.listSemantics()) {
        if (/^(JOINTS|WEIGHTS)_\d+$/.test(semantic)) primitive.setAttribute(semantic, null);
      }
    }
  }
  // Deepest first, so a chain of bare joints disappears bottom-up.
  const removable = [...joints].filter((joint) => !joint.getMesh() && !joint.getCamera());
  for (const joint of removable.sort((a, b) => depth(b) - depth(a))) {
    if (joint.listChildren().length === 0) joint.dispose();
  }
  for (const accessor of root.listAccessors()) if (accessor.listParents().length === 1) accessor.dispose();
}

function depth(node: Node): number {
  let count = 0;
  for (let parent = node.getParentNode(); parent; parent = parent.getParentNode()) count++;
  return count;
}
