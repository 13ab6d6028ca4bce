// Writes glTF skins as FBX skeletons: the joints become LimbNode Models with their local transforms, under one
// root Null that the skinned meshes share as siblings of the top bones (Blender 3.4 imports an armature only in
// that layout; reference §5.9), plus one Skin deformer per skinned mesh with a Cluster per joint and a BindPose.
// Skinned vertices are written in bind space (glTF ignores the mesh node's transform), expressed in the root's
// frame, so FBX readers deform them once: world = bone global · TransformLink⁻¹ · mesh global · vertex.
// Cluster Transform is stored in bone space (TransformLink⁻¹ · mesh global), as Blender's importer reads it.

import type { Accessor, Node, Primitive, Skin } from '@gltf-transform/core';
import { fbx, type FbxNode } from './write-fbx-binary.ts';
import { fbxName, modelNode, nodeAttributeNode, type FbxObjectSink } from './write-fbx-objects.ts';
import type { WeldKeys } from './write-fbx-weld-positions.ts';
import {
  fbxTransformFromMatrix,
  fbxTransformFromTrs,
  IDENTITY4,
  invert4,
  multiply4,
  transformPoint4,
  type FbxTransform,
  type Matrix4,
} from '../../mesh/transform-math.ts';

export interface FbxArmature {
  rootModelId: number;
  /** glTF node → Model id of every node the skeleton writes (bones, and the root when it is a scene root). */
  models: Map<Node, number>;
  /** Local transforms of those models: the defaults of their animation curves. */
  rest: Map<Node, FbxTransform>;
  rootWorld: Float64Array;
  rootInverse: Float64Array;
  /** Global bind matrix per bone (inverse bind matrix inverted; derived from the parent for other bones). */
  bindGlobal: Map<Node, Float64Array>;
}

/** Per vertex of a skinned Model: up to `width` (joint, weight) pairs; joints index the skin's joint list. */
export interface VertexInfluences {
  width: number;
  joints: Uint32Array;
  weights: Float32Array;
}

/** A mesh node is written skinned when it has a skin and every primitive carries JOINTS_0 and WEIGHTS_0. */
export function isSkinnedNode(node: Node, primitives: Primitive[]): boolean {
  return (
    Boolean(node.getSkin()) &&
    primitives.every((primitive) => primitive.getAttribute('JOINTS_0') && primitive.getAttribute('WEIGHTS_0'))
  );
}

/**
 * One armature for all skins: the bones are the joints plus the nodes between them and their lowest common
 * ancestor (kept when it is a joint itself); a non-joint common ancestor (glTF's usual "Armature" node)
 * becomes the root Null.
 */
export function writeArmature(
  skins: Skin[],
  sink: FbxObjectSink,
  claimName: (preferred: string) => string,
): FbxArmature {
  const joints = new Set(skins.flatMap((skin) => skin.listJoints()));
  const ancestry = (node: Node): Node[] => {
    const chain: Node[] = [];
    for (let current: Node | null = node; current; current = current.getParentNode()) chain.push(current);
    return chain;
  };
  let common: Node[] | undefined;
  for (const joint of joints) {
    const chain = new Set(ancestry(joint));
    common = common ? common.filter((node) => chain.has(node)) : [...chain];
  }
  const lowest = common?.[0];
  const root = lowest && !joints.has(lowest) ? lowest : (lowest?.getParentNode() ?? null);
  const bones = new Set<Node>();
  for (const joint of joints)
    for (const node of ancestry(joint)) {
      if (node === root) break;
      bones.add(node);
    }

  let rootWorld = Float64Array.from(root ? root.getWorldMatrix() : IDENTITY4);
  let rootInverse = invert4(rootWorld);
  if (!rootInverse) [rootWorld, rootInverse] = [Float64Array.from(IDENTITY4), Float64Array.from(IDENTITY4)];
  const rootModelId = sink.newId(),
    rootAttributeId = sink.newId();
  const rootName = claimName(root?.getName() || 'Armature');
  sink.add(modelNode(rootModelId, rootName, 'Null', fbxTransformFromMatrix(rootWorld)));
  sink.add(nodeAttributeNode(rootAttributeId, rootName, 'Null'));
  sink.connect(rootAttributeId, rootModelId);
  sink.connect(rootModelId, 0);

  const armature: FbxArmature = {
    rootModelId,
    models: new Map(),
    rest: new Map(),
    rootWorld,
    rootInverse,
    bindGlobal: new Map(),
  };
  if (root && !root.getParentNode()) {
    armature.models.set(root, rootModelId);
    armature.rest.set(root, fbxTransformFromTrs(root.getTranslation(), root.getRotation(), root.getScale()));
  }
  const inverseBind = new Map<Node, Float64Array>();
  for (const skin of skins) {
    const accessor = skin.getInverseBindMatrices();
    skin.listJoints().forEach((joint, index) => {
      if (accessor && !inverseBind.has(joint))
        inverseBind.set(joint, Float64Array.from(accessor.getElement(index, [])));
    });
  }

  const writeBone = (bone: Node, parentId: number, parentBind: Float64Array) => {
    const id = sink.newId(),
      attributeId = sink.newId();
    const name = claimName(bone.getName() || `bone_${armature.models.size}`);
    const rest = fbxTransformFromTrs(bone.getTranslation(), bone.getRotation(), bone.getScale());
    sink.add(modelNode(id, name, 'LimbNode', rest));
    sink.add(nodeAttributeNode(attributeId, name, 'LimbNode'));
    sink.connect(attributeId, id);
    sink.connect(id, parentId);
    const ibm = inverseBind.get(bone);
    const bind = (ibm && invert4(ibm)) || multiply4(parentBind, bone.getMatrix());
    armature.models.set(bone, id);
    armature.rest.set(bone, rest);
    armature.bindGlobal.set(bone, bind);
    for (const child of bone.listChildren()) if (bones.has(child)) writeBone(child, id, bind);
  };
  for (const bone of bones) if (!bones.has(bone.getParentNode()!)) writeBone(bone, rootModelId, rootWorld);
  return armature;
}

/** A skinned primitive's bind-space positions and normals in the root's frame, and its joint influences. */
export function bindSpaceAttributes(primitive: Primitive, armature: FbxArmature) {
  const position = primitive.getAttribute('POSITION')!;
  const count = position.getCount();
  const positions = new Float32Array(count * 3);
  const element: number[] = [];
  for (let vertex = 0; vertex < count; vertex++)
    transformPoint4(armature.rootInverse, position.getElement(vertex, element), positions, vertex * 3);
  const normal = primitive.getAttribute('NORMAL');
  let normals: Float32Array | undefined;
  if (normal) {
    // The inverse-transpose of rootInverse's 3×3 is rootWorld's 3×3 transposed.
    const m = armature.rootWorld;
    normals = new Float32Array(count * 3);
    for (let vertex = 0; vertex < count; vertex++) {
      const [x, y, z] = normal.getElement(vertex, element);
      const nx = m[0] * x + m[1] * y + m[2] * z,
        ny = m[4] * x + m[5] * y + m[6] * z,
        nz = m[8] * x + m[9] * y + m[10] * z;
      const length = Math.hypot(nx, ny, nz) || 1;
      normals.set([nx / length, ny / length, nz / length], vertex * 3);
    }
  }
  const sets: Array<[Accessor, Accessor]> = [];
  for (let set = 0; ; set++) {
    const joints = primitive.getAttribute(`JOINTS_${set}`),
      weights = primitive.getAttribute(`WEIGHTS_${set}`);
    if (!joints || !weights) break;
    sets.push([joints, weights]);
  }
  const width = sets.length * 4;
  const influences: VertexInfluences = {
    width,
    joints: new Uint32Array(count * width),
    weights: new Float32Array(count * width),
  };
  sets.forEach(([joints, weights], set) => {
    for (let vertex = 0; vertex < count; vertex++) {
      const jointValues = joints.getElement(vertex, []),
        weightValues = weights.getElement(vertex, []);
      for (let k = 0; k < 4; k++) {
        influences.joints[vertex * width + set * 4 + k] = jointValues[k] ?? 0;
        influences.weights[vertex * width + set * 4 + k] = weightValues[k] ?? 0;
      }
    }
  });
  return { positions, normals, influences };
}

/** Weld keys that keep vertices with different influences apart when positions are welded. */
export function influenceKeys({ width, joints, weights }: VertexInfluences): WeldKeys {
  const words = new Uint32Array(joints.length * 2);
  const weightBits = new Uint32Array(weights.buffer, weights.byteOffset, weights.length);
  for (let index = 0; index < joints.length; index++) {
    words[index * 2] = joints[index];
    words[index * 2 + 1] = weightBits[index];
  }
  return { words, width: width * 2 };
}

/** Skin deformer for one skinned Model; `controlPoint` maps the Model's vertices to the geometry's control points. */
export function writeSkin(
  sink: FbxObjectSink,
  armature: FbxArmature,
  skin: Skin,
  name: string,
  geometryId: number,
  influences: VertexInfluences,
  controlPoint: Uint32Array,
): void {
  const skinId = sink.newId();
  sink.add(
    fbx.node(
      'Deformer',
      [fbx.int64(skinId), fbxName(name, 'Deformer'), fbx.string('Skin')],
      [fbx.node('Version', [fbx.int32(101)]), fbx.node('Link_DeformAcuracy', [fbx.float64(50)])],
    ),
  );
  sink.connect(skinId, geometryId);
  const joints = skin.listJoints();
  const perJoint = joints.map(() => new Map<number, number>());
  const { width } = influences;
  for (let vertex = 0; vertex < controlPoint.length; vertex++) {
    for (let k = 0; k < width; k++) {
      const weight = influences.weights[vertex * width + k];
      const weights = perJoint[influences.joints[vertex * width + k]];
      if (weight > 0 && weights && !weights.has(controlPoint[vertex])) weights.set(controlPoint[vertex], weight);
    }
  }
  joints.forEach((joint, index) => {
    const clusterId = sink.newId();
    const link = armature.bindGlobal.get(joint)!;
    const entries = [...perJoint[index]].sort((a, b) => a[0] - b[0]);
    sink.add(
      fbx.node(
        'Deformer',
        [fbx.int64(clusterId), fbxName(joint.getName() || `bone_${index}`, 'SubDeformer'), fbx.string('Cluster')],
        [
          fbx.node('Version', [fbx.int32(100)]),
          fbx.node('UserData', [fbx.string(''), fbx.string('')]),
          fbx.node('Indexes', [fbx.int32s(Int32Array.from(entries, ([point]) => point))]),
          fbx.node('Weights', [fbx.float64s(Float64Array.from(entries, ([, weight]) => weight))]),
          fbx.node('Transform', [fbx.float64s(multiply4(invert4(link) ?? IDENTITY4, armature.rootWorld))]),
          fbx.node('TransformLink', [fbx.float64s(Float64Array.from(link))]),
          fbx.node('TransformAssociateModel', [fbx.float64s(Float64Array.from(armature.rootWorld))]),
        ],
      ),
    );
    sink.connect(clusterId, skinId);
    sink.connect(armature.models.get(joint)!, clusterId);
  });
}

/** The BindPose: global matrices of the root, the bones and the skinned Models at bind time. */
export function bindPoseNode(id: number, armature: FbxArmature, meshModelIds: number[]): FbxNode {
  const entries: Array<[number, Matrix4]> = [
    [armature.rootModelId, armature.rootWorld],
    ...[...armature.bindGlobal].map(([bone, matrix]): [number, Matrix4] => [armature.models.get(bone)!, matrix]),
    ...meshModelIds.map((modelId): [number, Matrix4] => [modelId, armature.rootWorld]),
  ];
  return fbx.node(
    'Pose',
    [fbx.int64(id), fbxName('BIND_POSES', 'Pose'), fbx.string('BindPose')],
    [
      fbx.node('Type', [fbx.string('BindPose')]),
      fbx.node('Version', [fbx.int32(100)]),
      fbx.node('NbPoseNodes', [fbx.int32(entries.length)]),
      ...entries.map(([modelId, matrix]) =>
        fbx.node(
          'PoseNode',
          [],
          [fbx.node('Node', [fbx.int64(modelId)]), fbx.node('Matrix', [fbx.float64s(Float64Array.from(matrix))])],
        ),
      ),
    ],
  );
}
