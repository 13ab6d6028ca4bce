// Writes a Document's default scene as binary FBX 7.4: one FBX Model + Geometry per glTF mesh node, with
// world transforms baked into the control points (like OBJ/STL: no Euler/pivot conversion to get wrong, and
// mirrored instances come out with the right winding), normals and UVs per polygon vertex, one Material per
// glTF material and every map embedded as Video/Content, connected to the properties Blender's and assimp's
// FBX importers read for PBR: DiffuseColor (base colour), NormalMap, EmissiveColor, ReflectionFactor (metalness)
// and ShininessExponent (roughness) — the layout Blender's own FBX exporter writes — plus AmbientColor for
// occlusion, which assimp reads and Blender ignores. Skinned meshes keep their skeleton, skin weights and animations (write-fbx-skin.ts,
// write-fbx-animation.ts): their vertices stay in bind space under the armature's root instead of being baked.
// Positions are welded exactly per node, so UV seams do not split the mesh in a DCC tool.
// Written by hand (see write-fbx-binary.ts): the only JS FBX writer needs a three scene and writes triangles
// only, and convert_model's `quad` option needs polygons of 4 vertices, which FBX stores natively.

import type { Document, Material, Primitive, Skin, Texture } from '@gltf-transform/core';
import { collectWorldTriangles } from '../../mesh/collect-world-triangles.ts';
import { FBX_TICKS_PER_SECOND, takeNode, writeAnimations, type WrittenAnimation } from './write-fbx-animation.ts';
import {
  encodeFbxBinary,
  encodeFbxBinaryDeflatingAhead,
  FBX_CREATION_TIME,
  FBX_FILE_ID,
  fbx,
  type EncodeFbxOptions,
  type FbxNode,
} from './write-fbx-binary.ts';
import { geometryNode, type MeshPart } from './write-fbx-geometry.ts';
import { globalSettings, headerExtension } from './write-fbx-header.ts';
import { materialNode, textureNode, videoNode } from './write-fbx-material.ts';
import { modelNode, properties70, type FbxObjectSink } from './write-fbx-objects.ts';
import { listScenePrimitives } from './write-fbx-scene-primitives.ts';
import {
  bindPoseNode,
  bindSpaceAttributes,
  influenceKeys,
  isSkinnedNode,
  writeArmature,
  writeSkin,
  type FbxArmature,
  type VertexInfluences,
} from './write-fbx-skin.ts';
import type { MapImage, MaterialMaps } from '../textures/split-material-maps.ts';
import { FBX_PRESETS, type FbxAxes } from './fbx-presets.ts';

export interface WriteFbxOptions {
  /**
   * Polygon faces to write instead of a primitive's triangles: each face is 3 or 4 indices into the
   * primitive's vertices, in glTF's counter-clockwise order, and the list covers the whole primitive.
   */
  quadFaces?: Map<Primitive, number[][]>;
  /** Embed texture images as Video/Content; otherwise only their file names are referenced. */
  embedTextures?: boolean;
  version?: 7400 | 7500;
  /** zlib level for the geometry arrays (0 = stored). */
  compressionLevel?: 0 | 1 | 6 | 9;
  /** the frame and unit declared in GlobalSettings (see fbx-presets.ts); the geometry must already be in it */
  axes?: FbxAxes;
  /** Metallic, roughness and occlusion as separate images (split-material-maps.ts); without them only factors. */
  materialMaps?: MaterialMaps;
}

export const WRITE_FBX_DEFAULTS: Required<Omit<WriteFbxOptions, 'quadFaces' | 'materialMaps'>> = {
  axes: FBX_PRESETS.blender.axes,
  embedTextures: true,
  version: 7400,
  compressionLevel: 1,
};

const TEXTURE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export function writeFbx(document: Document, options: WriteFbxOptions = {}): Uint8Array {
  const { nodes, encoding } = fbxNodes(document, options);
  return encodeFbxBinary(nodes, encoding);
}

/** The same bytes as writeFbx; the large arrays are deflated on the zlib thread pool, side by side. */
export async function writeFbxDeflatingAhead(document: Document, options: WriteFbxOptions = {}): Promise<Uint8Array> {
  const { nodes, encoding } = fbxNodes(document, options);
  return encodeFbxBinaryDeflatingAhead(nodes, encoding);
}

function fbxNodes(document: Document, options: WriteFbxOptions): { nodes: FbxNode[]; encoding: EncodeFbxOptions } {
  const { quadFaces, embedTextures, version, compressionLevel, axes, materialMaps } = {
    ...WRITE_FBX_DEFAULTS,
    ...options,
  };
  const world = collectWorldTriangles(document);
  const sources = listScenePrimitives(document);
  if (sources.length !== world.length)
    throw new Error('writeFbx: scene traversal out of step with collectWorldTriangles');

  let nextId = 1_000_000;
  const objects: FbxNode[] = [];
  const connections: FbxNode[] = [];
  const connect = (child: number, parent: number, property?: string) =>
    connections.push(
      fbx.node('C', [
        fbx.string(property ? 'OP' : 'OO'),
        fbx.int64(child),
        fbx.int64(parent),
        ...(property ? [fbx.string(property)] : []),
      ]),
    );
  const sink: FbxObjectSink = { newId: () => nextId++, add: (object) => objects.push(object), connect };
  const usedModelNames = new Set<string>();
  const claimName = (preferred: string) => {
    let name = preferred;
    for (let suffix = 2; usedModelNames.has(name); suffix++) name = `${preferred}_${suffix}`;
    usedModelNames.add(name);
    return name;
  };

  const materialIds = new Map<Material | null, number>();
  const textureIds = new Map<Texture | MapImage, number>();
  const usedFileNames = new Set<string>();
  const textureId = (texture: Texture | MapImage): number => {
    const known = textureIds.get(texture);
    if (known !== undefined) return known;
    const isMap = 'bytes' in texture;
    const extension = isMap ? texture.extension : (TEXTURE_EXTENSIONS[texture.getMimeType()] ?? 'png');
    const stem = (
      isMap
        ? texture.stem
        : texture.getName() ||
          texture
            .getURI()
            .split(/[\\/]/)
            .pop()
            ?.replace(/\.[^.]*$/, '') ||
          'texture'
    ).replace(/[^\w.-]+/g, '_');
    let fileName = `${stem}.${extension}`;
    for (let suffix = 2; usedFileNames.has(fileName); suffix++) fileName = `${stem}_${suffix}.${extension}`;
    usedFileNames.add(fileName);
    const id = nextId++,
      videoId = nextId++;
    objects.push(
      textureNode(id, stem, fileName),
      videoNode(videoId, stem, fileName, embedTextures ? (isMap ? texture.bytes : texture.getImage()) : null),
    );
    connect(videoId, id);
    textureIds.set(texture, id);
    return id;
  };
  const materialId = (material: Material | null): number => {
    const known = materialIds.get(material);
    if (known !== undefined) return known;
    const id = nextId++;
    objects.push(materialNode(id, material));
    const maps = material ? materialMaps?.get(material) : undefined;
    const slots: Array<[Texture | MapImage | null | undefined, string]> = [
      [material?.getBaseColorTexture(), 'DiffuseColor'],
      [material?.getNormalTexture(), 'NormalMap'],
      [material?.getEmissiveTexture(), 'EmissiveColor'],
      [maps?.metallic, 'ReflectionFactor'],
      [maps?.roughness, 'ShininessExponent'],
      [maps?.occlusion, 'AmbientColor'],
    ];
    for (const [texture, property] of slots) {
      if (texture && ('bytes' in texture || texture.getImage())) connect(textureId(texture), id, property);
    }
    materialIds.set(material, id);
    return id;
  };

  // Consecutive primitives of one node become one Model + Geometry with a material per primitive.
  const groups: MeshPart[][] = [];
  sources.forEach((source, index) => {
    const part = { ...source, world: world[index] };
    const last = groups[groups.length - 1];
    if (last && last[0].node === source.node) last.push(part);
    else groups.push([part]);
  });
  const skinnedGroups = new Set(
    groups.filter((parts) =>
      isSkinnedNode(
        parts[0].node,
        parts.map((part) => part.primitive),
      ),
    ),
  );
  const skins = [...new Set([...skinnedGroups].map((parts) => parts[0].node.getSkin()!))];
  // Bones claim their names first: animation tracks and retargeting find bones by name.
  const armature: FbxArmature | undefined = skins.length > 0 ? writeArmature(skins, sink, claimName) : undefined;
  const skinnedModelIds: number[] = [];
  for (const parts of groups) {
    const modelId = nextId++,
      geometryId = nextId++;
    const name = claimName(parts[0].node.getName() || parts[0].node.getMesh()?.getName() || 'mesh');
    const materials = [...new Set(parts.map((part) => part.world.material))];
    const skinned = armature && skinnedGroups.has(parts);
    const bound = skinned ? bindSpaceParts(parts, armature) : undefined;
    const geometry = geometryNode(
      geometryId,
      name,
      bound?.parts ?? parts,
      materials,
      quadFaces,
      bound && influenceKeys(bound.influences),
    );
    objects.push(modelNode(modelId, name), geometry.node);
    connect(modelId, skinned ? armature.rootModelId : 0);
    connect(geometryId, modelId);
    for (const material of materials) connect(materialId(material), modelId);
    if (skinned && bound) {
      writeSkin(
        sink,
        armature,
        parts[0].node.getSkin() as Skin,
        name,
        geometryId,
        bound.influences,
        geometry.controlPoint,
      );
      skinnedModelIds.push(modelId);
    }
  }
  let animations: WrittenAnimation[] = [];
  if (armature) {
    objects.push(bindPoseNode(nextId++, armature, skinnedModelIds));
    animations = writeAnimations(document.getRoot().listAnimations(), armature, sink);
  }
  const stopTicks = Math.max(FBX_TICKS_PER_SECOND, ...animations.map((animation) => animation.stopTicks));

  const counts = new Map<string, number>([['GlobalSettings', 1]]);
  for (const object of objects) counts.set(object.name, (counts.get(object.name) ?? 0) + 1);
  return {
    nodes: [
      headerExtension(version),
      fbx.node('FileId', [fbx.raw(FBX_FILE_ID)]),
      fbx.node('CreationTime', [fbx.string(FBX_CREATION_TIME)]),
      fbx.node('Creator', [fbx.string('Polyforge')]),
      globalSettings(stopTicks, axes),
      fbx.node(
        'Documents',
        [],
        [
          fbx.node('Count', [fbx.int32(1)]),
          fbx.node(
            'Document',
            [fbx.int64(nextId++), fbx.string('Scene'), fbx.string('Scene')],
            [
              properties70([
                ['SourceObject', 'object', '', ''],
                ['ActiveAnimStackName', 'KString', '', '', fbx.string(animations[0]?.name ?? '')],
              ]),
              fbx.node('RootNode', [fbx.int64(0)]),
            ],
          ),
        ],
      ),
      fbx.node('References'),
      fbx.node(
        'Definitions',
        [],
        [
          fbx.node('Version', [fbx.int32(100)]),
          fbx.node('Count', [fbx.int32([...counts.values()].reduce((sum, count) => sum + count, 0))]),
          ...[...counts].map(([type, count]) =>
            fbx.node('ObjectType', [fbx.string(type)], [fbx.node('Count', [fbx.int32(count)])]),
          ),
        ],
      ),
      fbx.node('Objects', [], objects),
      fbx.node('Connections', [], connections),
      fbx.node(
        'Takes',
        [],
        [fbx.node('Current', [fbx.string(animations[0]?.name ?? '')]), ...animations.map(takeNode)],
      ),
    ],
    encoding: { version, compressionLevel },
  };
}

/** A skinned node's parts with bind-space positions and normals, and their influences in part order. */
function bindSpaceParts(parts: MeshPart[], armature: FbxArmature): { parts: MeshPart[]; influences: VertexInfluences } {
  const bound = parts.map((part) => ({ part, ...bindSpaceAttributes(part.primitive, armature) }));
  const width = Math.max(...bound.map(({ influences }) => influences.width));
  const vertexCount = bound.reduce((sum, { positions }) => sum + positions.length / 3, 0);
  const influences: VertexInfluences = {
    width,
    joints: new Uint32Array(vertexCount * width),
    weights: new Float32Array(vertexCount * width),
  };
  let base = 0;
  for (const { influences: own, positions } of bound) {
    for (let vertex = 0; vertex < positions.length / 3; vertex++) {
      for (let k = 0; k < own.width; k++) {
        influences.joints[(base + vertex) * width + k] = own.joints[vertex * own.width + k];
        influences.weights[(base + vertex) * width + k] = own.weights[vertex * own.width + k];
      }
    }
    base += positions.length / 3;
  }
  return {
    parts: bound.map(({ part, positions, normals }) => ({ ...part, world: { ...part.world, positions, normals } })),
    influences,
  };
}
