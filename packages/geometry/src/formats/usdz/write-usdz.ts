// Writes a Document's default scene as a textured USDZ: one USDA text layer (a Mesh per primitive, world
// transforms baked in, normals and primvars:st per vertex, UsdPreviewSurface materials with every glTF map as a
// UsdUVTexture) plus the PNG/JPEG images, in a 64-byte aligned stored zip (write-usdz-zip.ts).
// Written by hand: three's USDZExporter needs a DOM canvas for textures in Node (geometry-stack.md §5.6),
// USD's own tools are not on npm, and USDA is a plain text format. Optional quad faces become 4-vertex faces.

import type { Document, Material, Primitive, Skin, Texture } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from '../../mesh/collect-world-triangles.ts';
import { listScenePrimitives } from '../fbx/write-fbx-scene-primitives.ts';
import { uniqueIdentifier } from './usda-values.ts';
import { materialText } from './write-usd-material.ts';
import { faceList, meshText } from './write-usd-mesh.ts';
import {
  buildUsdSkeleton,
  sampleSkelAnimations,
  skelAnimationText,
  skeletonText,
  skinPrimvars,
  USD_TIME_CODES_PER_SECOND,
  type UsdSkeleton,
} from './write-usd-skel.ts';
import { writeUsdzZip, type UsdzEntry } from './write-usdz-zip.ts';

export interface WriteUsdzOptions {
  /** Polygon faces to write instead of a primitive's triangles (3 or 4 vertex indices each, glTF winding). */
  quadFaces?: Map<Primitive, number[][]>;
  /** Name of the root layer inside the package. */
  layerName?: string;
}

export const WRITE_USDZ_DEFAULTS: Required<Omit<WriteUsdzOptions, 'quadFaces'>> = {
  layerName: 'model.usda',
};

/** The image types USDZ allows; others (WebP, KTX2) are left out and the material keeps its factors. */
const USDZ_IMAGE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

export function writeUsdz(document: Document, options: WriteUsdzOptions = {}): Uint8Array {
  const { layerName } = { ...WRITE_USDZ_DEFAULTS, ...options };
  const { text, textures } = writeUsda(document, options);
  return writeUsdzZip([{ name: layerName, bytes: new TextEncoder().encode(text) }, ...textures]);
}

/** The USDA layer and the texture files it refers to (paths relative to the package root). */
export function writeUsda(document: Document, options: WriteUsdzOptions = {}): { text: string; textures: UsdzEntry[] } {
  const world = collectWorldTriangles(document);
  const sources = listScenePrimitives(document);
  if (sources.length !== world.length)
    throw new Error('writeUsdz: scene traversal out of step with collectWorldTriangles');

  const usedNames = new Set<string>(['Root', 'Materials']);
  const materialPaths = new Map<Material | null, string>();
  const texturePaths = new Map<Texture, string>();
  const usedTextureNames = new Set<string>();
  const textures: UsdzEntry[] = [];
  const texturePath = (texture: Texture | null): string | undefined => {
    const extension = texture && USDZ_IMAGE_EXTENSIONS[texture.getMimeType()];
    if (!texture || !extension || !texture.getImage()) return undefined;
    if (!texturePaths.has(texture)) {
      const path = `textures/${uniqueIdentifier(texture.getName() || 'texture', usedTextureNames)}.${extension}`;
      texturePaths.set(texture, path);
      textures.push({ name: path, bytes: texture.getImage()! });
    }
    return texturePaths.get(texture);
  };

  const materialBlocks: string[] = [];
  for (const { material } of world) {
    if (materialPaths.has(material)) continue;
    const name = uniqueIdentifier(material?.getName() || 'default', usedNames);
    materialPaths.set(material, `/Root/Materials/${name}`);
    materialBlocks.push(
      materialText(name, material, {
        baseColor: texturePath(material?.getBaseColorTexture() ?? null),
        normal: texturePath(material?.getNormalTexture() ?? null),
        emissive: texturePath(material?.getEmissiveTexture() ?? null),
        metallicRoughness: texturePath(material?.getMetallicRoughnessTexture() ?? null),
        occlusion: texturePath(material?.getOcclusionTexture() ?? null),
      }),
    );
  }

  // Skinned primitives go under one SkelRoot per skin, in bind space (write-usd-skel.ts); the rest are baked.
  const skeletons = new Map<Skin, { skeleton: UsdSkeleton; meshes: string[] }>();
  const meshBlocks: string[] = [];
  world.forEach((primitive, index) => {
    const { node, primitive: source, mirrored } = sources[index];
    const name = uniqueIdentifier(primitive.nodeName || 'mesh', usedNames);
    const skin = node.getSkin();
    const joints = source.getAttribute('JOINTS_0'),
      weights = source.getAttribute('WEIGHTS_0');
    if (!skin || !joints || !weights) {
      meshBlocks.push(
        meshText(
          name,
          primitive,
          faceList(primitive, mirrored, options.quadFaces?.get(source)),
          materialPaths.get(primitive.material)!,
        ),
      );
      return;
    }
    let group = skeletons.get(skin);
    if (!group) skeletons.set(skin, (group = { skeleton: buildUsdSkeleton(skin), meshes: [] }));
    const skelRootPath = `/Root/${skelRootName(skeletons.size - 1)}`;
    const influences = readInfluences(source);
    const bound: WorldPrimitive = {
      ...primitive,
      positions: floatValues(source, 'POSITION'),
      normals: source.getAttribute('NORMAL') ? floatValues(source, 'NORMAL') : undefined,
    };
    group.meshes.push(
      meshText(
        name,
        bound,
        faceList(bound, false, options.quadFaces?.get(source)),
        materialPaths.get(primitive.material)!,
        {
          skeletonPath: `${skelRootPath}/Skeleton`,
          ...skinPrimvars(group.skeleton, influences.joints, influences.weights),
        },
      ),
    );
  });
  let endTimeCode = 0;
  [...skeletons.values()].forEach(({ skeleton, meshes }, index) => {
    const skelRootPath = `/Root/${skelRootName(index)}`;
    const animations = sampleSkelAnimations(document, skeleton);
    const used = new Set<string>(['Skeleton']);
    const names = animations.map((animation) => uniqueIdentifier(animation.name, used));
    for (const animation of animations)
      endTimeCode = Math.max(endTimeCode, ...animation.frames.map((frame) => frame.time));
    meshBlocks.push(
      [
        `    def SkelRoot "${skelRootName(index)}" (`,
        '        prepend apiSchemas = ["SkelBindingAPI"]',
        '    )',
        '    {',
        skeletonText(
          skeleton,
          names.map((name) => `${skelRootPath}/${name}`),
          '        ',
        ),
        ...animations.map((animation, k) => skelAnimationText(names[k], skeleton, animation, '        ')),
        ...meshes.map((mesh) => mesh.replace(/^/gm, '    ')),
        '    }',
      ].join('\n'),
    );
  });

  const text = [
    '#usda 1.0',
    '(',
    '    customLayerData = {',
    '        string creator = "Polyforge"',
    '    }',
    '    defaultPrim = "Root"',
    '    metersPerUnit = 1',
    ...(endTimeCode > 0
      ? [
          `    timeCodesPerSecond = ${USD_TIME_CODES_PER_SECOND}`,
          '    startTimeCode = 0',
          `    endTimeCode = ${endTimeCode}`,
        ]
      : []),
    '    upAxis = "Y"',
    ')',
    '',
    'def Xform "Root" (',
    '    kind = "component"',
    ')',
    '{',
    '    def Scope "Materials"',
    '    {',
    materialBlocks.join('\n'),
    '    }',
    '',
    meshBlocks.join('\n'),
    '}',
    '',
  ].join('\n');
  return { text, textures };
}

function skelRootName(index: number): string {
  return index === 0 ? 'Character' : `Character_${index + 1}`;
}

/** An attribute's values as floats (normalised integers decoded), normals made unit length. */
function floatValues(primitive: Primitive, semantic: 'POSITION' | 'NORMAL'): Float32Array {
  const accessor = primitive.getAttribute(semantic)!;
  const out = new Float32Array(accessor.getCount() * 3);
  const element: number[] = [];
  for (let vertex = 0; vertex < accessor.getCount(); vertex++) {
    accessor.getElement(vertex, element);
    const length = semantic === 'NORMAL' ? Math.hypot(element[0], element[1], element[2]) || 1 : 1;
    for (let axis = 0; axis < 3; axis++) out[vertex * 3 + axis] = element[axis] / length;
  }
  return out;
}

/** JOINTS_0/WEIGHTS_0 (and JOINTS_1/WEIGHTS_1 when present) per vertex. */
function readInfluences(primitive: Primitive): { joints: number[][]; weights: number[][] } {
  const sets = [0, 1]
    .map((set) => [primitive.getAttribute(`JOINTS_${set}`), primitive.getAttribute(`WEIGHTS_${set}`)] as const)
    .filter(([joints, weights]) => joints && weights);
  const count = primitive.getAttribute('POSITION')!.getCount();
  const joints: number[][] = [],
    weights: number[][] = [];
  for (let vertex = 0; vertex < count; vertex++) {
    joints.push(sets.flatMap(([accessor]) => accessor!.getElement(vertex, []).slice(0, 4)));
    weights.push(sets.flatMap(([, accessor]) => accessor!.getElement(vertex, []).slice(0, 4)));
  }
  return { joints, weights };
}
