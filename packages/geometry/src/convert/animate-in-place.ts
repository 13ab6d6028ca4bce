// convert_model / animate_retarget `animate_in_place`: removes root travel, so a walk cycle walks on the spot.
// The root-motion channel of a clip is the translation channel on the topmost animated node of the skeleton
// (skin joints and the non-joint nodes above them: glTF exporters put root motion on the hips, on a root joint
// or on the armature node). Its net horizontal travel (x, z in glTF's Y-up frame) is removed linearly over the
// clip, so the last key lands where the first is while side-to-side sway and vertical motion (a bob, a jump)
// stay. Clips whose root already ends where it starts are left alone.

import type { AnimationChannel, Document, Node } from '@gltf-transform/core';

/** Below this net horizontal travel (in model units) a clip counts as already in place. */
const TRAVEL_EPSILON = 1e-6;

/** Returns how many channels were changed (0: nothing travelled). */
export function animateInPlace(document: Document): number {
  const root = document.getRoot();
  const skeletonNodes = new Set<Node>();
  for (const skin of root.listSkins()) {
    for (const joint of skin.listJoints()) {
      for (let node: Node | null = joint; node; node = node.getParentNode()) skeletonNodes.add(node);
    }
  }
  let changed = 0;
  for (const animation of root.listAnimations()) {
    const translations = animation.listChannels().filter((channel) => {
      const target = channel.getTargetNode();
      return (
        target &&
        skeletonNodes.has(target) &&
        channel.getTargetPath() === 'translation' &&
        channel.getSampler()?.getOutput() &&
        channel.getSampler()?.getInput()
      );
    });
    const animated = new Set(translations.map((channel) => channel.getTargetNode()!));
    const topmost = translations.filter((channel) => {
      for (let node = channel.getTargetNode()!.getParentNode(); node; node = node.getParentNode())
        if (animated.has(node)) return false;
      return true;
    });
    for (const channel of topmost) if (removeTravel(channel)) changed++;
  }
  return changed;
}

function removeTravel(channel: AnimationChannel): boolean {
  const sampler = channel.getSampler()!;
  const input = sampler.getInput()!.getArray()!;
  const output = sampler.getOutput()!;
  // CUBICSPLINE outputs hold in-tangent, value, out-tangent per key.
  const cubic = sampler.getInterpolation() === 'CUBICSPLINE';
  const keyCount = input.length;
  if (keyCount < 2) return false;
  const valueAt = (key: number) => output.getElement(cubic ? key * 3 + 1 : key, []);
  const first = valueAt(0),
    last = valueAt(keyCount - 1);
  const travel = [last[0] - first[0], last[2] - first[2]];
  if (Math.hypot(travel[0], travel[1]) < TRAVEL_EPSILON) return false;
  const start = input[0],
    duration = input[keyCount - 1] - input[0] || 1;
  for (let key = 0; key < keyCount; key++) {
    const share = (input[key] - start) / duration;
    const index = cubic ? key * 3 + 1 : key;
    const value = output.getElement(index, []);
    output.setElement(index, [value[0] - travel[0] * share, value[1], value[2] - travel[1] * share]);
    if (cubic) {
      // Tangents are velocities (per second): take the constant travel velocity out of them too.
      for (const tangent of [index - 1, index + 1]) {
        const slope = output.getElement(tangent, []);
        output.setElement(tangent, [slope[0] - travel[0] / duration, slope[1], slope[2] - travel[1] / duration]);
      }
    }
  }
  return true;
}
