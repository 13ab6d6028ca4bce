// Removes the animations from a parsed glTF JSON before glTF-Transform reads it, with the accessors that only
// they use, renumbering the others: for the Khronos Fox (3 clips, 63 channels, 66 of its 71 accessors) that is
// four fifths of reading it. The accessor references renumbered are every one glTF-Transform reads besides the
// animations': mesh attributes, indices and morph targets, skins' inverse bind matrices, and
// EXT_mesh_gpu_instancing's attributes (Draco's decoder goes through the primitives' attributes).

import type { UnreadAnimations } from './unread-animations.ts';

type AccessorMap = Record<string, number>;

interface GltfJsonWithAnimations {
  accessors?: unknown[];
  animations?: Array<{ channels?: Array<{ target?: { node?: number } }> }>;
  meshes?: Array<{ primitives?: Array<{ attributes?: AccessorMap; indices?: number; targets?: AccessorMap[] }> }>;
  skins?: Array<{ inverseBindMatrices?: number; joints?: number[] }>;
  nodes?: Array<{ extensions?: { EXT_mesh_gpu_instancing?: { attributes?: AccessorMap } } }>;
}

/** Drops json.animations (in place) and the accessors only they used; says what was dropped, for the warnings. */
export function dropGltfAnimations(json: GltfJsonWithAnimations): UnreadAnimations | undefined {
  const animations = json.animations;
  if (!animations || animations.length === 0) return undefined;
  const joints = new Set((json.skins ?? []).flatMap((skin) => skin.joints ?? []));
  const unread: UnreadAnimations = { clipCount: animations.length, skeletalChannelCount: 0, nodeChannelCount: 0 };
  for (const animation of animations) {
    for (const channel of animation.channels ?? []) {
      const node = channel.target?.node;
      if (node === undefined) continue;
      if (joints.has(node)) unread.skeletalChannelCount++;
      else unread.nodeChannelCount++;
    }
  }
  delete json.animations;
  dropUnreferencedAccessors(json);
  return unread;
}

function dropUnreferencedAccessors(json: GltfJsonWithAnimations): void {
  const accessors = json.accessors ?? [];
  const references: Array<{ owner: Record<string, unknown>; key: string }> = [];
  const refer = (owner: object | undefined, key: string) => {
    if (owner && typeof (owner as Record<string, unknown>)[key] === 'number')
      references.push({ owner: owner as Record<string, unknown>, key });
  };
  const referMap = (map: AccessorMap | undefined) => {
    for (const semantic of Object.keys(map ?? {})) refer(map, semantic);
  };
  for (const mesh of json.meshes ?? []) {
    for (const primitive of mesh.primitives ?? []) {
      referMap(primitive.attributes);
      refer(primitive, 'indices');
      for (const target of primitive.targets ?? []) referMap(target);
    }
  }
  for (const skin of json.skins ?? []) refer(skin, 'inverseBindMatrices');
  for (const node of json.nodes ?? []) referMap(node.extensions?.EXT_mesh_gpu_instancing?.attributes);

  const newIndexOf = new Map<number, number>();
  for (const { owner, key } of references) newIndexOf.set(owner[key] as number, -1);
  const kept = [...newIndexOf.keys()].filter((index) => index >= 0 && index < accessors.length).sort((a, b) => a - b);
  // An out-of-range reference is left as it is, for glTF-Transform to report as before.
  if (kept.length !== newIndexOf.size) return;
  kept.forEach((index, position) => newIndexOf.set(index, position));
  for (const { owner, key } of references) owner[key] = newIndexOf.get(owner[key] as number);
  json.accessors = kept.map((index) => accessors[index]);
}
