// Rewrites a Document as a skinned character: one joint node per fitted template joint under an "Armature"
// node (rest rotations identity, so a joint's frame is the world's and its translation the offset from its
// parent), one skin over all joints with inverse bind matrices, and every source primitive re-created in world
// space (node transforms and any previous skin baked in) with JOINTS_0 / WEIGHTS_0. Materials, textures, UVs
// and vertex colours are kept; the old node hierarchy, skins and animations are removed (they no longer apply).
// Triangles of static props (separate-character.ts) go to an unskinned "Props" node in world space instead.
import { Logger, type Accessor, type Document, type Node, type Primitive } from '@gltf-transform/core';
import { prune } from '@gltf-transform/functions';
import type { RigMeshPart } from './collect-rig-mesh.ts';
import type { SkinInfluences } from './limit-skin-influences.ts';
import { boneName, type JointPositions, type RigSpec, type RigTemplate, type TemplateJoint } from './rig-templates.ts';

export interface RiggedSkeleton {
  /** joints present in the fit, in template order (parents first) */
  joints: TemplateJoint[];
  nodes: Map<string, Node>;
}

/** The joints of `template` that the fit placed, parents first; a missing optional joint drops its subtree. */
export function presentJoints(template: RigTemplate, positions: JointPositions): TemplateJoint[] {
  const present = new Set<string>();
  return template.joints.filter((joint) => {
    const ok = positions.has(joint.id) && (joint.parent === undefined || present.has(joint.parent));
    if (ok) present.add(joint.id);
    return ok;
  });
}

export async function buildRiggedDocument(
  document: Document,
  parts: RigMeshPart[],
  /** influences per welded vertex; joints index `joints` */
  influences: SkinInfluences,
  joints: TemplateJoint[],
  positions: JointPositions,
  spec: RigSpec,
  /** 1 for welded vertices of static props: their triangles are not skinned */
  propVertex?: Uint8Array,
): Promise<RiggedSkeleton> {
  const root = document.getRoot();
  const buffer = root.listBuffers()[0] ?? document.createBuffer();
  const scene = root.getDefaultScene() ?? root.listScenes()[0] ?? document.createScene('Scene');
  const oldNodes = root.listNodes();
  for (const animation of root.listAnimations()) animation.dispose();
  for (const skin of root.listSkins()) skin.dispose();

  const armature = document.createNode('Armature');
  const nodes = new Map<string, Node>();
  for (const joint of joints) {
    const position = positions.get(joint.id)!;
    const parentPosition = joint.parent ? positions.get(joint.parent)! : [0, 0, 0];
    const node = document
      .createNode(boneName(joint, spec))
      .setTranslation([
        position[0] - parentPosition[0],
        position[1] - parentPosition[1],
        position[2] - parentPosition[2],
      ]);
    (joint.parent ? nodes.get(joint.parent)! : armature).addChild(node);
    nodes.set(joint.id, node);
  }
  const inverseBind = new Float32Array(joints.length * 16);
  joints.forEach((joint, index) => {
    const [x, y, z] = positions.get(joint.id)!;
    inverseBind.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -x, -y, -z, 1], index * 16);
  });
  const skin = document
    .createSkin('Armature')
    .setSkeleton(nodes.get(joints[0].id)!)
    .setInverseBindMatrices(
      document.createAccessor('inverseBindMatrices').setType('MAT4').setArray(inverseBind).setBuffer(buffer),
    );
  for (const joint of joints) skin.addJoint(nodes.get(joint.id)!);

  // One skinned mesh node per source mesh node, its primitives re-created in world space.
  const meshNodes = new Map<Node, Node>();
  let props: Node | undefined;
  for (const part of parts) {
    const { character, prop } = splitTriangles(part, propVertex);
    if (character.length > 0) {
      let meshNode = meshNodes.get(part.node);
      if (!meshNode) {
        const name = part.node.getName() || part.node.getMesh()?.getName() || 'mesh';
        meshNode = document
          .createNode(name)
          .setMesh(document.createMesh(part.node.getMesh()?.getName() || name))
          .setSkin(skin);
        meshNodes.set(part.node, meshNode);
      }
      meshNode.getMesh()!.addPrimitive(skinnedPrimitive(document, part, influences, joints.length, character));
    }
    if (prop.length > 0) {
      props ??= document.createNode('Props').setMesh(document.createMesh('Props'));
      props.getMesh()!.addPrimitive(skinnedPrimitive(document, part, undefined, joints.length, prop));
    }
  }

  for (const child of scene.listChildren()) scene.removeChild(child);
  scene.addChild(armature);
  for (const meshNode of meshNodes.values()) scene.addChild(meshNode);
  if (props) scene.addChild(props);
  for (const other of root.listScenes()) if (other !== scene) other.dispose();
  root.setDefaultScene(scene);
  for (const node of oldNodes) node.dispose();
  document.setLogger(new Logger(Logger.Verbosity.WARN));
  await document.transform(prune({ keepLeaves: true, keepSolidTextures: true, keepAttributes: true }));
  return { joints, nodes };
}

/** The part's triangles (vertex indices) split by whether their first vertex belongs to a static prop. */
function splitTriangles(part: RigMeshPart, propVertex?: Uint8Array): { character: number[]; prop: number[] } {
  const indices = part.world.indices;
  if (!propVertex) return { character: Array.from(indices), prop: [] };
  const character: number[] = [],
    prop: number[] = [];
  for (let corner = 0; corner < indices.length; corner += 3) {
    (propVertex[part.weldedIndex[indices[corner]]] ? prop : character).push(
      indices[corner],
      indices[corner + 1],
      indices[corner + 2],
    );
  }
  return { character, prop };
}

/** The part re-created in world space over `triangles`; skinned when influences are given, else static. */
function skinnedPrimitive(
  document: Document,
  part: RigMeshPart,
  influences: SkinInfluences | undefined,
  jointCount: number,
  triangles: number[],
): Primitive {
  const { primitive: source, world, weldedIndex } = part;
  const buffer = document.getRoot().listBuffers()[0];
  const accessor = (
    name: string,
    type: 'VEC3' | 'VEC4' | 'SCALAR',
    array: Float32Array | Uint8Array | Uint16Array | Uint32Array,
  ) => document.createAccessor(name).setType(type).setArray(array).setBuffer(buffer);
  const primitive = document.createPrimitive().setMaterial(source.getMaterial()).setMode(4);
  const count = world.positions.length / 3;
  for (const semantic of source.listSemantics()) {
    if (/^(TEXCOORD|COLOR)_\d+$/.test(semantic))
      primitive.setAttribute(semantic, source.getAttribute(semantic) as Accessor);
  }
  primitive.setAttribute('POSITION', accessor('POSITION', 'VEC3', world.positions));
  if (world.normals) primitive.setAttribute('NORMAL', accessor('NORMAL', 'VEC3', world.normals));
  if (influences) {
    const joints = jointCount <= 256 ? new Uint8Array(count * 4) : new Uint16Array(count * 4);
    const weights = new Float32Array(count * 4);
    for (let vertex = 0; vertex < count; vertex++) {
      const welded = weldedIndex[vertex];
      for (let k = 0; k < 4; k++) {
        joints[vertex * 4 + k] = influences.joints[welded * 4 + k];
        weights[vertex * 4 + k] = influences.weights[welded * 4 + k];
      }
    }
    primitive.setAttribute('JOINTS_0', accessor('JOINTS_0', 'VEC4', joints));
    primitive.setAttribute('WEIGHTS_0', accessor('WEIGHTS_0', 'VEC4', weights));
  }
  const indices = count > 65535 ? Uint32Array.from(triangles) : Uint16Array.from(triangles);
  primitive.setIndices(accessor('indices', 'SCALAR', indices));
  return primitive;
}
