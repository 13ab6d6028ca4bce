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
import { collectWorldTriangles, type WorldPrimitive } from '../../mesh/collect-world-triangles.ts';
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
import { materialNode, textureNode, videoNode } from './write-fbx-material.ts';
import { modelNode, number, properties70, type FbxObjectSink, type Property70 } from './write-fbx-objects.ts';
import { listScenePrimitives, type ScenePrimitive } from './write-fbx-scene-primitives.ts';
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
import { weldExactPositions, type WeldKeys } from './write-fbx-weld-positions.ts';
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

interface Part extends ScenePrimitive {
  world: WorldPrimitive;
}

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
  const groups: Part[][] = [];
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
function bindSpaceParts(parts: Part[], armature: FbxArmature): { parts: Part[]; influences: VertexInfluences } {
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

function geometryNode(
  id: number,
  name: string,
  parts: Part[],
  materials: Array<Material | null>,
  quadFaces?: Map<Primitive, number[][]>,
  weldKeys?: WeldKeys,
): { node: FbxNode; controlPoint: Uint32Array } {
  const vertexCount = parts.reduce((sum, part) => sum + part.world.positions.length / 3, 0);
  const positions = new Float32Array(vertexCount * 3);
  const hasNormals = parts.every((part) => part.world.normals);
  const hasUvs = parts.some((part) => part.world.uvs);
  const normals = hasNormals ? new Float64Array(vertexCount * 3) : undefined;
  const uvs = hasUvs ? new Float64Array(vertexCount * 2) : undefined;
  const faceLists = parts.map((part) => quadFaces?.get(part.primitive));
  const cornerCount = parts.reduce(
    (sum, part, index) =>
      sum + (faceLists[index]?.reduce((count, face) => count + face.length, 0) ?? part.world.indices.length),
    0,
  );
  const faceCount = parts.reduce(
    (sum, part, index) => sum + (faceLists[index]?.length ?? part.world.indices.length / 3),
    0,
  );
  const corners = new Int32Array(cornerCount); // group vertex per corner; becomes UVIndex / NormalsIndex
  const polygonVertexIndex = new Int32Array(cornerCount);
  const faceMaterials = new Int32Array(faceCount);

  let vertexBase = 0,
    corner = 0,
    face = 0;
  parts.forEach((part, partIndex) => {
    const { positions: partPositions, normals: partNormals, uvs: partUvs, indices } = part.world;
    positions.set(partPositions, vertexBase * 3);
    if (normals && partNormals)
      for (let index = 0; index < partNormals.length; index++) normals[vertexBase * 3 + index] = partNormals[index];
    if (uvs && partUvs) {
      for (let index = 0; index < partUvs.length; index += 2) {
        uvs[vertexBase * 2 + index] = partUvs[index];
        uvs[vertexBase * 2 + index + 1] = 1 - partUvs[index + 1]; // FBX's UV origin is bottom-left
      }
    }
    const materialIndex = materials.indexOf(part.world.material);
    const faces = faceLists[partIndex];
    if (faces) {
      const partVertexCount = partPositions.length / 3;
      for (const polygon of faces) {
        if (polygon.length < 3) throw new Error('writeFbx: a face needs at least 3 vertices');
        for (let k = 0; k < polygon.length; k++) {
          const vertex = polygon[part.mirrored ? (polygon.length - k) % polygon.length : k];
          if (!(vertex >= 0 && vertex < partVertexCount))
            throw new Error(`writeFbx: face vertex ${vertex} out of range`);
          corners[corner++] = vertexBase + vertex;
        }
        polygonVertexIndex[corner - 1] = -1; // marks the polygon's last corner, filled in below
        faceMaterials[face++] = materialIndex;
      }
    } else {
      for (let index = 0; index < indices.length; index += 3) {
        corners[corner++] = vertexBase + indices[index];
        corners[corner++] = vertexBase + indices[index + 1];
        corners[corner++] = vertexBase + indices[index + 2];
        polygonVertexIndex[corner - 1] = -1;
        faceMaterials[face++] = materialIndex;
      }
    }
    vertexBase += partPositions.length / 3;
  });

  const { points, remap } = weldExactPositions(positions, weldKeys);
  for (let index = 0; index < cornerCount; index++) {
    const point = remap[corners[index]];
    polygonVertexIndex[index] = polygonVertexIndex[index] === -1 ? ~point : point; // last corner: -(index + 1)
  }

  const layerElements: FbxNode[] = [];
  const layerTypes: string[] = [];
  if (normals) {
    layerTypes.push('LayerElementNormal');
    layerElements.push(
      fbx.node(
        'LayerElementNormal',
        [fbx.int32(0)],
        [
          fbx.node('Version', [fbx.int32(102)]),
          fbx.node('Name', [fbx.string('')]),
          fbx.node('MappingInformationType', [fbx.string('ByPolygonVertex')]),
          fbx.node('ReferenceInformationType', [fbx.string('IndexToDirect')]),
          fbx.node('Normals', [fbx.float64s(normals)]),
          fbx.node('NormalsIndex', [fbx.int32s(corners)]),
        ],
      ),
    );
  }
  if (uvs) {
    layerTypes.push('LayerElementUV');
    layerElements.push(
      fbx.node(
        'LayerElementUV',
        [fbx.int32(0)],
        [
          fbx.node('Version', [fbx.int32(101)]),
          fbx.node('Name', [fbx.string('UVMap')]),
          fbx.node('MappingInformationType', [fbx.string('ByPolygonVertex')]),
          fbx.node('ReferenceInformationType', [fbx.string('IndexToDirect')]),
          fbx.node('UV', [fbx.float64s(uvs)]),
          fbx.node('UVIndex', [fbx.int32s(corners)]),
        ],
      ),
    );
  }
  layerTypes.push('LayerElementMaterial');
  const allSame = materials.length === 1;
  layerElements.push(
    fbx.node(
      'LayerElementMaterial',
      [fbx.int32(0)],
      [
        fbx.node('Version', [fbx.int32(101)]),
        fbx.node('Name', [fbx.string('')]),
        fbx.node('MappingInformationType', [fbx.string(allSame ? 'AllSame' : 'ByPolygon')]),
        fbx.node('ReferenceInformationType', [fbx.string('IndexToDirect')]),
        fbx.node('Materials', [fbx.int32s(allSame ? new Int32Array(1) : faceMaterials)]),
      ],
    ),
  );

  const node = fbx.node(
    'Geometry',
    [fbx.int64(id), fbx.string(`${name}\x00\x01Geometry`), fbx.string('Mesh')],
    [
      fbx.node('Properties70'),
      fbx.node('GeometryVersion', [fbx.int32(124)]),
      fbx.node('Vertices', [fbx.float64s(points)]),
      fbx.node('PolygonVertexIndex', [fbx.int32s(polygonVertexIndex)]),
      ...layerElements,
      fbx.node(
        'Layer',
        [fbx.int32(0)],
        [
          fbx.node('Version', [fbx.int32(100)]),
          ...layerTypes.map((type) =>
            fbx.node(
              'LayerElement',
              [],
              [fbx.node('Type', [fbx.string(type)]), fbx.node('TypedIndex', [fbx.int32(0)])],
            ),
          ),
        ],
      ),
    ],
  );
  return { node, controlPoint: remap };
}

function headerExtension(version: number): FbxNode {
  const timeStamp = [
    ['Version', 1000],
    ['Year', 1970],
    ['Month', 1],
    ['Day', 1],
    ['Hour', 10],
    ['Minute', 0],
    ['Second', 0],
    ['Millisecond', 0],
  ] as const;
  return fbx.node(
    'FBXHeaderExtension',
    [],
    [
      fbx.node('FBXHeaderVersion', [fbx.int32(1003)]),
      fbx.node('FBXVersion', [fbx.int32(version)]),
      fbx.node('EncryptionType', [fbx.int32(0)]),
      fbx.node(
        'CreationTimeStamp',
        [],
        timeStamp.map(([key, value]) => fbx.node(key, [fbx.int32(value)])),
      ),
      fbx.node('Creator', [fbx.string('Polyforge')]),
    ],
  );
}

/** The declared frame (default glTF's: Y up, Z front, X right, metres; UnitScaleFactor counts centimetres). */
function globalSettings(stopTicks: number, axes: FbxAxes): FbxNode {
  const integer = (name: string, value: number): Property70 => [name, 'int', 'Integer', '', fbx.int32(value)];
  const double = (name: string, value: number): Property70 => [name, 'double', 'Number', '', number(value)];
  return fbx.node(
    'GlobalSettings',
    [],
    [
      fbx.node('Version', [fbx.int32(1000)]),
      properties70([
        integer('UpAxis', axes.upAxis),
        integer('UpAxisSign', axes.upAxisSign),
        integer('FrontAxis', axes.frontAxis),
        integer('FrontAxisSign', axes.frontAxisSign),
        integer('CoordAxis', axes.coordAxis),
        integer('CoordAxisSign', axes.coordAxisSign),
        integer('OriginalUpAxis', axes.upAxis),
        integer('OriginalUpAxisSign', axes.upAxisSign),
        double('UnitScaleFactor', axes.unitScaleFactor),
        double('OriginalUnitScaleFactor', axes.unitScaleFactor),
        ['AmbientColor', 'ColorRGB', 'Color', '', number(0), number(0), number(0)],
        ['DefaultCamera', 'KString', '', '', fbx.string('Producer Perspective')],
        ['TimeMode', 'enum', '', '', fbx.int32(11)],
        ['TimeSpanStart', 'KTime', 'Time', '', fbx.int64(0)],
        ['TimeSpanStop', 'KTime', 'Time', '', fbx.int64(stopTicks)],
        double('CustomFrameRate', -1),
      ]),
    ],
  );
}
