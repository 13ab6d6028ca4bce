// Writes a Document's default scene as a textured USDZ: one USDA text layer (a Mesh per primitive, world
// transforms baked in, normals and primvars:st per vertex, UsdPreviewSurface materials with every glTF map as a
// UsdUVTexture) plus the PNG/JPEG images, in a 64-byte aligned stored zip (write-usdz-zip.ts).
// Written by hand: three's USDZExporter needs a DOM canvas for textures in Node (geometry-stack.md §5.6),
// USD's own tools are not on npm, and USDA is a plain text format. Optional quad faces become 4-vertex faces.

import type { Document, Material, Primitive, Skin, Texture } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from '../../mesh/collect-world-triangles.ts';
import { listScenePrimitives } from '../fbx/write-fbx-scene-primitives.ts';
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

interface Faces {
  counts: Int32Array;
  indices: Uint32Array;
}

function faceList(primitive: WorldPrimitive, mirrored: boolean, quadFaces: number[][] | undefined): Faces {
  if (!quadFaces) return { counts: new Int32Array(primitive.indices.length / 3).fill(3), indices: primitive.indices };
  const vertexCount = primitive.positions.length / 3;
  const counts = new Int32Array(quadFaces.length);
  const indices = new Uint32Array(quadFaces.reduce((sum, face) => sum + face.length, 0));
  let corner = 0;
  quadFaces.forEach((face, index) => {
    counts[index] = face.length;
    for (let k = 0; k < face.length; k++) {
      const vertex = face[mirrored ? (face.length - k) % face.length : k];
      if (!(vertex >= 0 && vertex < vertexCount)) throw new Error(`writeUsdz: face vertex ${vertex} out of range`);
      indices[corner++] = vertex;
    }
  });
  return { counts, indices };
}

interface MeshSkinning {
  skeletonPath: string;
  width: number;
  indices: Int32Array;
  values: Float32Array;
}

function meshText(
  name: string,
  primitive: WorldPrimitive,
  faces: Faces,
  materialPath: string,
  skinning?: MeshSkinning,
): string {
  const { positions, normals, uvs, colors } = primitive;
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let offset = 0; offset < positions.length; offset += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], positions[offset + axis]);
      max[axis] = Math.max(max[axis], positions[offset + axis]);
    }
  }
  const lines = [
    `    def Mesh "${name}" (`,
    `        prepend apiSchemas = [${skinning ? '"SkelBindingAPI", ' : ''}"MaterialBindingAPI"]`,
    '    )',
    '    {',
    `        float3[] extent = [${tuples([...min, ...max], 3)}]`,
    `        int[] faceVertexCounts = [${Array.from(faces.counts).join(', ')}]`,
    `        int[] faceVertexIndices = [${Array.from(faces.indices).join(', ')}]`,
    `        rel material:binding = <${materialPath}>`,
    `        point3f[] points = [${tuples(positions, 3)}]`,
  ];
  if (normals) {
    lines.push(
      `        normal3f[] normals = [${tuples(normals, 3)}] (`,
      '            interpolation = "vertex"',
      '        )',
    );
  }
  if (uvs) {
    const flipped = new Float32Array(uvs.length);
    for (let index = 0; index < uvs.length; index += 2) {
      flipped[index] = uvs[index];
      flipped[index + 1] = 1 - uvs[index + 1]; // USD's st origin is bottom-left
    }
    lines.push(
      `        texCoord2f[] primvars:st = [${tuples(flipped, 2)}] (`,
      '            interpolation = "vertex"',
      '        )',
    );
  }
  if (colors) {
    const srgb = Array.from(colors, (value) => toSrgb(value)); // displayColor is authored in display (sRGB) values
    lines.push(
      `        color3f[] primvars:displayColor = [${tuples(srgb, 3)}] (`,
      '            interpolation = "vertex"',
      '        )',
    );
  }
  if (skinning) {
    lines.push(
      `        int[] primvars:skel:jointIndices = [${Array.from(skinning.indices).join(', ')}] (`,
      `            elementSize = ${skinning.width}`,
      '            interpolation = "vertex"',
      '        )',
      `        float[] primvars:skel:jointWeights = [${Array.from(skinning.values, formatNumber).join(', ')}] (`,
      `            elementSize = ${skinning.width}`,
      '            interpolation = "vertex"',
      '        )',
      '        matrix4d primvars:skel:geomBindTransform = ((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1))',
      `        rel skel:skeleton = <${skinning.skeletonPath}>`,
    );
  }
  lines.push('        uniform token subdivisionScheme = "none"', '    }');
  return lines.join('\n');
}

interface MaterialTexturePaths {
  baseColor?: string;
  normal?: string;
  emissive?: string;
  metallicRoughness?: string;
  occlusion?: string;
}

/**
 * A UsdPreviewSurface with every glTF map: one UsdUVTexture per image, the packed metallic-roughness texture read
 * twice through its blue (metallic) and green (roughness) outputs and the occlusion texture through red. The glTF
 * factors that multiply a texture become the UsdUVTexture's scale; occlusion strength k is scale k, bias 1 − k.
 */
function materialText(name: string, material: Material | null, paths: MaterialTexturePaths): string {
  const path = `/Root/Materials/${name}`;
  const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [0.8, 0.8, 0.8, 1];
  const emissive = material?.getEmissiveFactor() ?? [0, 0, 0];
  const metallic = material?.getMetallicFactor() ?? 0;
  const roughness = material?.getRoughnessFactor() ?? 1;
  const occlusionStrength = material?.getOcclusionStrength() ?? 1;
  const surface = [
    `            uniform token info:id = "UsdPreviewSurface"`,
    paths.baseColor
      ? `            color3f inputs:diffuseColor.connect = <${path}/BaseColor.outputs:rgb>`
      : `            color3f inputs:diffuseColor = (${formatNumbers([r, g, b])})`,
    paths.baseColor && material?.getAlphaMode() !== 'OPAQUE'
      ? `            float inputs:opacity.connect = <${path}/BaseColor.outputs:a>`
      : `            float inputs:opacity = ${formatNumber(alpha)}`,
    ...(material?.getAlphaMode() === 'MASK'
      ? [`            float inputs:opacityThreshold = ${formatNumber(material.getAlphaCutoff())}`]
      : []),
    paths.emissive
      ? `            color3f inputs:emissiveColor.connect = <${path}/Emissive.outputs:rgb>`
      : `            color3f inputs:emissiveColor = (${formatNumbers(emissive)})`,
    paths.metallicRoughness
      ? `            float inputs:metallic.connect = <${path}/MetallicRoughness.outputs:b>`
      : `            float inputs:metallic = ${formatNumber(metallic)}`,
    paths.metallicRoughness
      ? `            float inputs:roughness.connect = <${path}/MetallicRoughness.outputs:g>`
      : `            float inputs:roughness = ${formatNumber(roughness)}`,
    ...(paths.occlusion ? [`            float inputs:occlusion.connect = <${path}/Occlusion.outputs:r>`] : []),
    ...(paths.normal ? [`            normal3f inputs:normal.connect = <${path}/Normal.outputs:rgb>`] : []),
    '            int inputs:useSpecularWorkflow = 0',
    '            token outputs:surface',
  ];
  const textureShader = (
    shaderName: string,
    file: string,
    colorSpace: string,
    scale: number[],
    bias: number[],
    outputs: string[],
  ) => [
    `        def Shader "${shaderName}"`,
    '        {',
    '            uniform token info:id = "UsdUVTexture"',
    `            asset inputs:file = @${file}@`,
    `            float2 inputs:st.connect = <${path}/TexCoordReader.outputs:result>`,
    `            token inputs:sourceColorSpace = "${colorSpace}"`,
    '            token inputs:wrapS = "repeat"',
    '            token inputs:wrapT = "repeat"',
    `            float4 inputs:scale = (${formatNumbers(scale)})`,
    `            float4 inputs:bias = (${formatNumbers(bias)})`,
    ...outputs.map((output) => `            ${output}`),
    '        }',
  ];
  const lines = [
    `        def Material "${name}"`,
    '        {',
    `            token outputs:surface.connect = <${path}/PreviewSurface.outputs:surface>`,
    '        def Shader "PreviewSurface"',
    '        {',
    ...surface,
    '        }',
  ];
  if (Object.values(paths).some(Boolean)) {
    lines.push(
      '        def Shader "TexCoordReader"',
      '        {',
      '            uniform token info:id = "UsdPrimvarReader_float2"',
      '            string inputs:varname = "st"',
      '            float2 outputs:result',
      '        }',
    );
  }
  if (paths.baseColor)
    lines.push(
      ...textureShader(
        'BaseColor',
        paths.baseColor,
        'sRGB',
        [r, g, b, alpha],
        [0, 0, 0, 0],
        ['float3 outputs:rgb', 'float outputs:a'],
      ),
    );
  if (paths.emissive)
    lines.push(
      ...textureShader('Emissive', paths.emissive, 'sRGB', [...emissive, 1], [0, 0, 0, 0], ['float3 outputs:rgb']),
    );
  if (paths.metallicRoughness) {
    lines.push(
      ...textureShader(
        'MetallicRoughness',
        paths.metallicRoughness,
        'raw',
        [1, roughness, metallic, 1],
        [0, 0, 0, 0],
        ['float outputs:g', 'float outputs:b'],
      ),
    );
  }
  if (paths.occlusion) {
    lines.push(
      ...textureShader(
        'Occlusion',
        paths.occlusion,
        'raw',
        [occlusionStrength, occlusionStrength, occlusionStrength, 1],
        [1 - occlusionStrength, 1 - occlusionStrength, 1 - occlusionStrength, 0],
        ['float outputs:r'],
      ),
    );
  }
  if (paths.normal)
    lines.push(
      ...textureShader('Normal', paths.normal, 'raw', [2, 2, 2, 1], [-1, -1, -1, 0], ['normal3f outputs:rgb']),
    );
  lines.push('        }');
  return lines.join('\n');
}

/** `(x, y, z), (x, y, z), ...` with six decimals, built in chunks to keep large meshes fast. */
function tuples(values: ArrayLike<number>, width: number): string {
  const parts: string[] = new Array(values.length / width);
  for (let index = 0, offset = 0; offset < values.length; index++, offset += width) {
    let part = `(${formatNumber(values[offset])}`;
    for (let component = 1; component < width; component++) part += `, ${formatNumber(values[offset + component])}`;
    parts[index] = `${part})`;
  }
  return parts.join(', ');
}

function formatNumbers(values: ArrayLike<number>): string {
  return Array.from(values, formatNumber).join(', ');
}

function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Number.isFinite(rounded) ? String(rounded === 0 ? 0 : rounded) : '0';
}

/** A USD prim name: letters, digits and underscores, not starting with a digit, unique in the layer. */
function uniqueIdentifier(name: string, used: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=\d)/, '_') || '_';
  let candidate = base;
  for (let suffix = 2; used.has(candidate); suffix++) candidate = `${base}_${suffix}`;
  used.add(candidate);
  return candidate;
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

function toSrgb(linear: number): number {
  const value = Math.min(1, Math.max(0, linear));
  return value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055;
}
