// What an output format cannot carry of a given model, named for the task output's `warnings` (the platform's
// rule: what an engine understood and could not keep is said, not silently dropped). The table below is what the
// writers in formats/ actually write; a writer that learns something new must change its row here too.

import type { Document, Material } from '@gltf-transform/core';
import type { MaterialMaps } from '../formats/textures/split-material-maps.ts';
import { unreadAnimationsOf } from '../read/unread-animations.ts';

type Feature =
  | 'textures'
  | 'occlusionMap'
  | 'materials'
  | 'vertexColors'
  | 'skins'
  | 'skeletalAnimation'
  | 'nodeAnimation'
  | 'morphTargets'
  | 'materialExtensions'
  | 'severalAnimations';

/** Per format: features lost (true) or kept only partly (a sentence saying how). Absent: kept. */
const LOSSES: Record<string, Partial<Record<Feature, true | string>>> = {
  GLB: {},
  GLTF: {},
  FBX: {
    occlusionMap: 'the occlusion map is written as AmbientColor, which assimp reads and Blender ignores',
    vertexColors: true,
    nodeAnimation: 'animation of nodes that are not bones is not written (FBX animation is written for the skeleton)',
    morphTargets: true,
    materialExtensions: true,
  },
  OBJ: {
    occlusionMap: 'the occlusion map is written as map_Ka (ambient), which Blender ignores',
    skins: true,
    skeletalAnimation: true,
    nodeAnimation: true,
    morphTargets: true,
    materialExtensions: true,
  },
  USDZ: {
    nodeAnimation: 'animation of nodes that are not joints is not written (transforms are baked into the meshes)',
    morphTargets: true,
    materialExtensions: true,
    severalAnimations:
      'USD binds one SkelAnimation per skeleton: the first animation is bound, the others are written unbound',
  },
  STL: {
    textures: true,
    materials: true,
    vertexColors: true,
    skins: true,
    skeletalAnimation: true,
    nodeAnimation: true,
    morphTargets: true,
    materialExtensions: true,
  },
  '3MF': {
    textures: '3MF core has no textures: each material keeps its base colour factor only',
    vertexColors: true,
    skins: true,
    skeletalAnimation: true,
    nodeAnimation: true,
    morphTargets: true,
    materialExtensions: true,
  },
};

const NAMES: Record<Feature, string> = {
  textures: 'textures',
  occlusionMap: 'occlusion map',
  materials: 'materials',
  vertexColors: 'vertex colours',
  skins: 'skeleton and skin weights',
  skeletalAnimation: 'skeletal animation',
  nodeAnimation: 'node animation',
  morphTargets: 'morph targets (blend shapes)',
  materialExtensions: 'material extensions',
  severalAnimations: 'several animations',
};

/** Whether `format` writes no animation at all (neither of skeletons nor of other nodes). */
export function formatDropsAnimation(format: string): boolean {
  const losses = LOSSES[format.toUpperCase()];
  return losses?.skeletalAnimation === true && losses.nodeAnimation === true;
}

export function listConversionWarnings(document: Document, format: string, materialMaps?: MaterialMaps): string[] {
  const losses = LOSSES[format.toUpperCase()] ?? {};
  const present = presentFeatures(document, materialMaps);
  const warnings: string[] = [];
  for (const [feature, detail] of present) {
    const loss = losses[feature];
    if (loss === undefined) continue;
    const what = `${NAMES[feature]}${detail ? ` (${detail})` : ''}`;
    warnings.push(loss === true ? `${format} cannot carry ${what}: not written` : `${what}: ${loss}`);
  }
  return warnings;
}

/** Features the model has, each with a short description (counts, names). */
function presentFeatures(document: Document, materialMaps?: MaterialMaps): Array<[Feature, string]> {
  const root = document.getRoot();
  const features: Array<[Feature, string]> = [];
  const materials = root.listMaterials();
  const textures = root.listTextures().filter((texture) => texture.getImage());
  if (textures.length > 0) features.push(['textures', `${textures.length}`]);
  if (
    materials.some((material) => material.getOcclusionTexture()) &&
    (!materialMaps || [...materialMaps.values()].some((maps) => maps.occlusion))
  ) {
    features.push(['occlusionMap', '']);
  }
  if (materials.length > 0) features.push(['materials', `${materials.length}`]);
  const primitives = root.listMeshes().flatMap((mesh) => mesh.listPrimitives());
  if (primitives.some((primitive) => primitive.getAttribute('COLOR_0'))) features.push(['vertexColors', '']);
  if (primitives.some((primitive) => primitive.listTargets().length > 0)) features.push(['morphTargets', '']);
  const skins = root.listSkins();
  if (skins.length > 0) features.push(['skins', `${skins.length}`]);
  const { clipCount, skeletal, onNodes } = animationCounts(document);
  if (skeletal > 0) features.push(['skeletalAnimation', `${clipCount} clip${clipCount === 1 ? '' : 's'}`]);
  if (onNodes > 0) features.push(['nodeAnimation', `${onNodes} channel${onNodes === 1 ? '' : 's'}`]);
  if (skeletal > 0 && clipCount > 1) features.push(['severalAnimations', `${clipCount}`]);
  const extensions = new Set(
    materials.flatMap((material: Material) => material.listExtensions().map((extension) => extension.extensionName)),
  );
  if (extensions.size > 0) features.push(['materialExtensions', [...extensions].join(', ')]);
  return features;
}

/** Clips and channels (on skin joints, on other nodes) in the Document, or left unread by readModel. */
function animationCounts(document: Document): { clipCount: number; skeletal: number; onNodes: number } {
  const unread = unreadAnimationsOf(document);
  if (unread)
    return { clipCount: unread.clipCount, skeletal: unread.skeletalChannelCount, onNodes: unread.nodeChannelCount };
  const root = document.getRoot();
  const joints = new Set(root.listSkins().flatMap((skin) => skin.listJoints()));
  const animations = root.listAnimations();
  const channels = animations.flatMap((animation) => animation.listChannels());
  const skeletal = channels.filter((channel) => joints.has(channel.getTargetNode()!)).length;
  const onNodes = channels.filter((channel) => channel.getTargetNode() && !joints.has(channel.getTargetNode()!)).length;
  return { clipCount: animations.length, skeletal, onNodes };
}
