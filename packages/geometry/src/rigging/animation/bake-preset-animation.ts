// Writes a preset clip onto a fitted rig as a glTF animation named after the preset.
//
// A clip's rotations are authored for the template's T-pose reference skeleton in the character's frame; the
// rig's rest pose is the model as it was modelled (often an A-pose) in the world frame. Per frame, each joint's
// orientation in the character frame is G = W · A, where W is the product of the clip's rotations down the
// chain and A the rest correction (the shortest rotation taking the rig's rest bone direction onto the reference
// direction; used for the arm chain, whose rest pose varies most between models). In the world that is the
// change D = F · G · F⁻¹ (F the frame's rotation) applied on top of the joint's rest orientation O, so the node's
// local rotation is O(parent)⁻¹ · D(parent)⁻¹ · D · O (O is the identity on a fresh rig; not after FBX). Grounded
// clips are then lifted or lowered so the lowest of a sample of skinned vertices stays at ground level, which
// makes crouches, kneels and sitting land on the ground without authoring hip heights per model.
import type { Animation, Document, Node } from '@gltf-transform/core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { toLocal, toWorld } from '../character-frame.ts';
import type { AnimatableRig } from '../read-rig.ts';
import { eulerToQuaternion, type PresetClip } from './pose-clip.ts';

export interface BakePresetOptions {
  /** true: one key per frame at `framesPerSecond`; false: the clip's authored key times only */
  bake?: boolean;
  framesPerSecond?: number;
}

export const BAKE_PRESET_DEFAULTS: Required<BakePresetOptions> = { bake: true, framesPerSecond: 30 };

/** Reference (T-pose) bone directions of the joints whose rest pose is corrected, character frame. */
const REFERENCE_DIRECTIONS: Record<string, { child: string; direction: [number, number, number] }> = Object.fromEntries(
  (['l', 'r'] as const).flatMap((side) => {
    const x = side === 'l' ? 1 : -1;
    return [
      [`shoulder_${side}`, { child: `upper_arm_${side}`, direction: [x, 0, 0] }],
      [`upper_arm_${side}`, { child: `lower_arm_${side}`, direction: [x, 0, 0] }],
      [`lower_arm_${side}`, { child: `hand_${side}`, direction: [x, 0, 0] }],
      [`hand_${side}`, { child: `hand_end_${side}`, direction: [x, 0, 0] }],
    ];
  }),
);

export interface PosedFrame {
  /** local rotation of each joint's node (x, y, z, w) */
  rotations: Map<string, Quaternion>;
  /** local translation of the root joint's node */
  rootTranslation: Vector3;
}

/** Evaluates clips on one rig: the per-frame joint rotations and the grounded root translation. */
export class RigPoser {
  private readonly frameRotation: Quaternion;
  private readonly frameInverse: Quaternion;
  private readonly restLocal = new Map<string, Vector3>();
  private readonly offsets = new Map<string, Vector3>();
  private readonly corrections = new Map<string, Quaternion>();
  private readonly parentInverse: Matrix4;
  private readonly parentInverseRotation = new Quaternion();
  /** rest world orientation of each joint's node */
  private readonly restOrientation = new Map<string, Quaternion>();
  private readonly samples: Vector3[] = [];

  constructor(private readonly rig: AnimatableRig) {
    const { frame } = rig;
    this.frameRotation = new Quaternion().setFromRotationMatrix(
      new Matrix4().makeBasis(new Vector3(...frame.left), new Vector3(0, 1, 0), new Vector3(...frame.forward)),
    );
    this.frameInverse = this.frameRotation.clone().invert();
    for (const joint of rig.joints) {
      const local = new Vector3(...toLocal(frame, rig.rest.get(joint.id)!));
      this.restLocal.set(joint.id, local);
      this.offsets.set(joint.id, joint.parent ? local.clone().sub(this.restLocal.get(joint.parent)!) : local.clone());
    }
    if (rig.template.name === 'biped') {
      for (const [id, { child, direction }] of Object.entries(REFERENCE_DIRECTIONS)) {
        const from = this.restLocal.get(id),
          to = this.restLocal.get(child);
        if (!from || !to) continue;
        const restDirection = to.clone().sub(from).normalize();
        this.corrections.set(id, new Quaternion().setFromUnitVectors(restDirection, new Vector3(...direction)));
      }
    }
    for (const joint of rig.joints) {
      const world = new Matrix4().fromArray([...rig.nodes.get(joint.id)!.getWorldMatrix()]);
      const position = new Vector3(),
        scale = new Vector3(),
        rotation = new Quaternion();
      world.decompose(position, rotation, scale);
      this.restOrientation.set(joint.id, rotation);
    }
    const rootParent = rig.nodes.get(rig.joints[0].id)!.getParentNode();
    this.parentInverse = new Matrix4()
      .fromArray(rootParent ? [...rootParent.getWorldMatrix()] : new Matrix4().elements)
      .invert();
    this.parentInverse.decompose(new Vector3(), this.parentInverseRotation, new Vector3());
    const positions = rig.skinSample.positions;
    for (let offset = 0; offset < positions.length; offset += 3)
      this.samples.push(new Vector3(...toLocal(frame, positions.subarray(offset, offset + 3))));
  }

  poseAt(clip: PresetClip, timeSeconds: number): PosedFrame {
    const { rig } = this;
    const pose = clip.sample(timeSeconds);
    const world = new Map<string, Quaternion>();
    const rotations = new Map<string, Quaternion>();
    const scratch = new Quaternion();
    for (const joint of rig.joints) {
      const authored = eulerToQuaternion(pose.joints[joint.id] ?? [0, 0, 0], scratch);
      const chain = joint.parent ? world.get(joint.parent)!.clone().multiply(authored) : authored.clone();
      world.set(joint.id, chain);
    }
    const oriented = new Map<string, Quaternion>();
    for (const joint of rig.joints) {
      const correction = this.corrections.get(joint.id);
      oriented.set(
        joint.id,
        correction ? world.get(joint.id)!.clone().multiply(correction) : world.get(joint.id)!.clone(),
      );
    }
    const change = new Map<string, Quaternion>();
    for (const joint of rig.joints) {
      const delta = this.frameRotation.clone().multiply(oriented.get(joint.id)!).multiply(this.frameInverse);
      change.set(joint.id, delta.multiply(this.restOrientation.get(joint.id)!));
    }
    for (const joint of rig.joints) {
      const posedWorld = change.get(joint.id)!;
      rotations.set(
        joint.id,
        joint.parent ? change.get(joint.parent)!.clone().invert().multiply(posedWorld) : posedWorld.clone(),
      );
    }

    const root = pose.root ?? [0, 0, 0];
    const rootId = rig.joints[0].id;
    const rootLocal = this.restLocal
      .get(rootId)!
      .clone()
      .add(new Vector3(root[0], clip.grounded ? 0 : root[1], root[2]).multiplyScalar(rig.hipHeight));
    if (clip.grounded) rootLocal.y += -this.lowestPoint(oriented, rootLocal) + root[1] * rig.hipHeight;
    const rootWorld = new Vector3(...toWorld(rig.frame, [rootLocal.x, rootLocal.y, rootLocal.z]));
    rotations.set(rootId, this.parentInverseRotation.clone().multiply(rotations.get(rootId)!));
    return { rotations, rootTranslation: rootWorld.applyMatrix4(this.parentInverse) };
  }

  /** Lowest height (character frame) of the sampled skin with the root at `rootLocal`. */
  private lowestPoint(oriented: Map<string, Quaternion>, rootLocal: Vector3): number {
    const { rig } = this;
    const posed = new Map<string, Vector3>();
    for (const joint of rig.joints) {
      if (!joint.parent) {
        posed.set(joint.id, rootLocal.clone());
        continue;
      }
      posed.set(
        joint.id,
        this.offsets.get(joint.id)!.clone().applyQuaternion(oriented.get(joint.parent)!).add(posed.get(joint.parent)!),
      );
    }
    const ids = rig.joints.map((joint) => joint.id);
    const { joints, weights } = rig.skinSample;
    let lowest = Infinity;
    const point = new Vector3();
    for (let index = 0; index < this.samples.length; index++) {
      let y = 0;
      for (let k = 0; k < 4; k++) {
        const weight = weights[index * 4 + k];
        if (!weight) continue;
        const id = ids[joints[index * 4 + k]];
        point
          .copy(this.samples[index])
          .sub(this.restLocal.get(id)!)
          .applyQuaternion(oriented.get(id)!)
          .add(posed.get(id)!);
        y += weight * point.y;
      }
      if (y < lowest) lowest = y;
    }
    return Number.isFinite(lowest) ? lowest : 0;
  }
}

/** Adds the clip to the document as an animation named `name`, animating every joint that has children. */
export function bakePresetAnimation(
  document: Document,
  rig: AnimatableRig,
  name: string,
  clip: PresetClip,
  options: BakePresetOptions = {},
): Animation {
  const { bake, framesPerSecond } = { ...BAKE_PRESET_DEFAULTS, ...options };
  const poser = new RigPoser(rig);
  const frameCount = Math.max(1, Math.round(clip.durationSeconds * framesPerSecond));
  const times = bake
    ? Array.from({ length: frameCount + 1 }, (_, index) => (index / frameCount) * clip.durationSeconds)
    : clip.keyTimes;
  const animated = rig.joints.filter((joint) => rig.joints.some((child) => child.parent === joint.id));
  const rotationKeys = new Map(animated.map((joint) => [joint.id, new Float32Array(times.length * 4)]));
  const rootKeys = new Float32Array(times.length * 3);
  const previous = new Map<string, Quaternion>();
  times.forEach((time, frame) => {
    const posed = poser.poseAt(clip, time);
    for (const joint of animated) {
      const rotation = posed.rotations.get(joint.id)!;
      const last = previous.get(joint.id);
      if (last && last.dot(rotation) < 0) rotation.set(-rotation.x, -rotation.y, -rotation.z, -rotation.w);
      previous.set(joint.id, rotation);
      rotationKeys.get(joint.id)!.set([rotation.x, rotation.y, rotation.z, rotation.w], frame * 4);
    }
    rootKeys.set([posed.rootTranslation.x, posed.rootTranslation.y, posed.rootTranslation.z], frame * 3);
  });

  const buffer = document.getRoot().listBuffers()[0];
  const input = document
    .createAccessor(`${name} time`)
    .setType('SCALAR')
    .setArray(Float32Array.from(times))
    .setBuffer(buffer);
  const animation = document.createAnimation(name);
  const channel = (node: Node, path: 'rotation' | 'translation', output: Float32Array) => {
    const sampler = document
      .createAnimationSampler()
      .setInput(input)
      .setOutput(
        document
          .createAccessor()
          .setType(path === 'rotation' ? 'VEC4' : 'VEC3')
          .setArray(output)
          .setBuffer(buffer),
      )
      .setInterpolation('LINEAR');
    animation
      .addSampler(sampler)
      .addChannel(document.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
  };
  for (const joint of animated) channel(rig.nodes.get(joint.id)!, 'rotation', rotationKeys.get(joint.id)!);
  channel(rig.nodes.get(rig.joints[0].id)!, 'translation', rootKeys);
  return animation;
}

/** Sets the rig's nodes to the clip's pose at `timeSeconds` (for a preview still); returns a function that restores the rest pose. */
export function applyPresetPose(rig: AnimatableRig, clip: PresetClip, timeSeconds: number): () => void {
  const posed = new RigPoser(rig).poseAt(clip, timeSeconds);
  const saved = rig.joints.map((joint) => {
    const node = rig.nodes.get(joint.id)!;
    return { node, rotation: node.getRotation(), translation: node.getTranslation() };
  });
  for (const joint of rig.joints) {
    const rotation = posed.rotations.get(joint.id)!;
    rig.nodes.get(joint.id)!.setRotation([rotation.x, rotation.y, rotation.z, rotation.w]);
  }
  const root = posed.rootTranslation;
  rig.nodes.get(rig.joints[0].id)!.setTranslation([root.x, root.y, root.z]);
  return () => {
    for (const { node, rotation, translation } of saved) node.setRotation(rotation).setTranslation(translation);
  };
}
