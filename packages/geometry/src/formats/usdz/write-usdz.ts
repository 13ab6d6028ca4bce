// Writes a Document's default scene as a textured USDZ: one USDA text layer (a Mesh per primitive, world
// transforms baked in, normals and primvars:st per vertex, UsdPreviewSurface materials with UsdUVTexture
// base-colour and normal maps) plus the PNG/JPEG images, in a 64-byte aligned stored zip (write-usdz-zip.ts).
// Written by hand: three's USDZExporter needs a DOM canvas for textures in Node (geometry-stack.md §5.6),
// USD's own tools are not on npm, and USDA is a plain text format. Optional quad faces become 4-vertex faces.

import type { Document, Material, Primitive, Texture } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from '../../mesh/collect-world-triangles.ts';
import { listScenePrimitives } from '../fbx/write-fbx-scene-primitives.ts';
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
  if (sources.length !== world.length) throw new Error('writeUsdz: scene traversal out of step with collectWorldTriangles');

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
    materialBlocks.push(materialText(name, material, texturePath(material?.getBaseColorTexture() ?? null), texturePath(material?.getNormalTexture() ?? null)));
  }

  const meshBlocks = world.map((primitive, index) => {
    const name = uniqueIdentifier(primitive.nodeName || 'mesh', usedNames);
    return meshText(name, primitive, faceList(primitive, sources[index].mirrored, options.quadFaces?.get(sources[index].primitive)), materialPaths.get(primitive.material)!);
  });

  const text = [
    '#usda 1.0',
    '(',
    '    customLayerData = {',
    '        string creator = "Polyforge"',
    '    }',
    '    defaultPrim = "Root"',
    '    metersPerUnit = 1',
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

function meshText(name: string, primitive: WorldPrimitive, faces: Faces, materialPath: string): string {
  const { positions, normals, uvs } = primitive;
  const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
  for (let offset = 0; offset < positions.length; offset += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], positions[offset + axis]);
      max[axis] = Math.max(max[axis], positions[offset + axis]);
    }
  }
  const lines = [
    `    def Mesh "${name}" (`,
    '        prepend apiSchemas = ["MaterialBindingAPI"]',
    '    )',
    '    {',
    `        float3[] extent = [${tuples([...min, ...max], 3)}]`,
    `        int[] faceVertexCounts = [${Array.from(faces.counts).join(', ')}]`,
    `        int[] faceVertexIndices = [${Array.from(faces.indices).join(', ')}]`,
    `        rel material:binding = <${materialPath}>`,
    `        point3f[] points = [${tuples(positions, 3)}]`,
  ];
  if (normals) {
    lines.push(`        normal3f[] normals = [${tuples(normals, 3)}] (`, '            interpolation = "vertex"', '        )');
  }
  if (uvs) {
    const flipped = new Float32Array(uvs.length);
    for (let index = 0; index < uvs.length; index += 2) {
      flipped[index] = uvs[index];
      flipped[index + 1] = 1 - uvs[index + 1]; // USD's st origin is bottom-left
    }
    lines.push(`        texCoord2f[] primvars:st = [${tuples(flipped, 2)}] (`, '            interpolation = "vertex"', '        )');
  }
  lines.push('        uniform token subdivisionScheme = "none"', '    }');
  return lines.join('\n');
}

function materialText(name: string, material: Material | null, baseColorPath: string | undefined, normalPath: string | undefined): string {
  const path = `/Root/Materials/${name}`;
  const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [0.8, 0.8, 0.8, 1];
  const emissive = material?.getEmissiveFactor() ?? [0, 0, 0];
  const surface = [
    `            uniform token info:id = "UsdPreviewSurface"`,
    baseColorPath
      ? `            color3f inputs:diffuseColor.connect = <${path}/BaseColor.outputs:rgb>`
      : `            color3f inputs:diffuseColor = (${formatNumbers([r, g, b])})`,
    baseColorPath && material?.getAlphaMode() === 'BLEND'
      ? `            float inputs:opacity.connect = <${path}/BaseColor.outputs:a>`
      : `            float inputs:opacity = ${formatNumber(alpha)}`,
    `            color3f inputs:emissiveColor = (${formatNumbers(emissive)})`,
    `            float inputs:metallic = ${formatNumber(material?.getMetallicFactor() ?? 0)}`,
    `            float inputs:roughness = ${formatNumber(material?.getRoughnessFactor() ?? 1)}`,
    ...(normalPath ? [`            normal3f inputs:normal.connect = <${path}/Normal.outputs:rgb>`] : []),
    '            token outputs:surface',
  ];
  const textureShader = (shaderName: string, file: string, colorSpace: string, scale: number[], bias: number[], outputs: string[]) => [
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
  if (baseColorPath || normalPath) {
    lines.push(
      '        def Shader "TexCoordReader"',
      '        {',
      '            uniform token info:id = "UsdPrimvarReader_float2"',
      '            string inputs:varname = "st"',
      '            float2 outputs:result',
      '        }',
    );
  }
  // The glTF base colour factor multiplies the texture, which is what UsdUVTexture's scale does.
  if (baseColorPath) lines.push(...textureShader('BaseColor', baseColorPath, 'sRGB', [r, g, b, alpha], [0, 0, 0, 0], ['float3 outputs:rgb', 'float outputs:a']));
  if (normalPath) lines.push(...textureShader('Normal', normalPath, 'raw', [2, 2, 2, 1], [-1, -1, -1, 0], ['normal3f outputs:rgb']));
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
