// Writes a Document's default scene as Wavefront OBJ + MTL + texture files, in world space. Written by hand:
// OBJ and MTL are line-based text formats that take a page to write, and three's OBJExporter would need a
// glTF→three scene adapter and still not write the MTL or the textures. One `o` per node, one `usemtl` per
// material change; UVs are flipped to OBJ's bottom-left origin; colours go out in sRGB, as MTL readers expect.

import type { Document, Material, Primitive, Texture } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from '../../mesh/collect-world-triangles.ts';
import { listScenePrimitives } from '../fbx/write-fbx-scene-primitives.ts';
import { AsciiWriter, LETTER_F, SLASH } from './obj-ascii-writer.ts';
import type { MapImage, MaterialMaps } from '../textures/split-material-maps.ts';
import { textureFileExtension } from '../textures/texture-file-extension.ts';

export interface ObjFiles {
  objText: string;
  /** Empty when no primitive has a material; then objText has no `mtllib` line. */
  mtlText: string;
  textures: Array<{ name: string; bytes: Uint8Array }>;
}

export interface WriteObjOptions {
  /** Name the OBJ's `mtllib` line refers to. */
  mtlFileName?: string;
  /** Polygon faces (3 or 4 vertex indices, glTF winding) to write instead of a primitive's triangles. */
  quadFaces?: Map<Primitive, number[][]>;
  /** Metallic, roughness and occlusion as separate images (split-material-maps.ts), for map_Pm / map_Pr / map_Ka. */
  materialMaps?: MaterialMaps;
}

export interface WriteObjChunksOptions extends WriteObjOptions {
  /** The OBJ text is handed out in pieces of about this many bytes, each ending at a line end. */
  chunkBytes: number;
  /** Receives each piece as it is written; the writer never touches a piece again once handed out. */
  onChunk: (chunk: Uint8Array) => void;
}

export const WRITE_OBJ_DEFAULTS: Required<Omit<WriteObjOptions, 'quadFaces' | 'materialMaps'>> = {
  mtlFileName: 'model.mtl',
};

export function writeObj(document: Document, options: WriteObjOptions = {}): ObjFiles {
  const { objBytes, ...rest } = writeObjFiles(document, options);
  return { objText: new TextDecoder().decode(objBytes), ...rest };
}

/** writeObj with the OBJ as bytes: what convert-model.ts zips, without a round trip through a JS string. */
export function writeObjFiles(
  document: Document,
  options: WriteObjOptions = {},
): Omit<ObjFiles, 'objText'> & { objBytes: Uint8Array } {
  const chunks: Uint8Array[] = [];
  const files = writeObjChunks(document, {
    ...options,
    chunkBytes: Number.POSITIVE_INFINITY,
    onChunk: (chunk) => chunks.push(chunk),
  });
  return { objBytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), ...files };
}

/**
 * Writes the OBJ text in pieces through `onChunk`, so a caller can compress one piece on another thread while the
 * next is being written; returns the MTL and the textures.
 */
export function writeObjChunks(document: Document, options: WriteObjChunksOptions): Omit<ObjFiles, 'objText'> {
  const { mtlFileName, quadFaces, chunkBytes, onChunk, materialMaps } = { ...WRITE_OBJ_DEFAULTS, ...options };
  const primitives = collectWorldTriangles(document);
  const sources = quadFaces ? listScenePrimitives(document) : [];
  const materials = nameMaterials(primitives);
  const textures = nameTextures(
    document,
    [...materials.keys()].filter((material): material is Material => material !== null),
    materialMaps,
  );
  const mtlText = materials.size > 0 ? writeMtl(materials, textures, materialMaps) : '';

  const out = new AsciiWriter(Math.min(estimateBytes(primitives), chunkBytes + CHUNK_SLACK_BYTES), chunkBytes, onChunk);
  out.text('# Wavefront OBJ written by Polyforge\n');
  if (mtlText) out.text(`mtllib ${mtlFileName}\n`);
  let positionBase = 1,
    uvBase = 1,
    normalBase = 1;
  let previousNode: string | undefined;
  let previousMaterial: string | undefined;
  for (const [primitiveIndex, primitive] of primitives.entries()) {
    if (primitive.nodeName !== previousNode) {
      out.text(`o ${sanitiseName(primitive.nodeName || 'mesh')}\n`);
      previousNode = primitive.nodeName;
      previousMaterial = undefined;
    }
    writeVertices(out, primitive);
    const materialName = materials.get(primitive.material);
    if (materialName && materialName !== previousMaterial) {
      out.text(`usemtl ${materialName}\n`);
      previousMaterial = materialName;
    }
    const source = sources[primitiveIndex];
    const faces = source && quadFaces?.get(source.primitive);
    writeFaces(
      out,
      faces ? polygonList(faces, source.mirrored, primitive.positions.length / 3) : primitive.indices,
      positionBase,
      primitive.uvs ? uvBase : 0,
      primitive.normals ? normalBase : 0,
    );
    const vertexCount = primitive.positions.length / 3;
    positionBase += vertexCount;
    if (primitive.uvs) uvBase += vertexCount;
    if (primitive.normals) normalBase += vertexCount;
  }
  out.finish();
  return {
    mtlText,
    textures: [...textures.values()].map(({ name, texture }) => ({
      name,
      bytes: 'bytes' in texture ? texture.bytes : texture.getImage()!,
    })),
  };
}

/** Room past chunkBytes for the line that crosses it (lines are short; the writer grows if one is not). */
const CHUNK_SLACK_BYTES = 64 * 1024;

function writeVertices(out: AsciiWriter, { positions, normals, uvs, colors }: WorldPrimitive): void {
  const vertexCount = positions.length / 3;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const p = vertex * 3;
    out.text('v ');
    out.decimal(positions[p]);
    out.space();
    out.decimal(positions[p + 1]);
    out.space();
    out.decimal(positions[p + 2]);
    if (colors) {
      out.space();
      out.decimal(toSrgb(colors[p]));
      out.space();
      out.decimal(toSrgb(colors[p + 1]));
      out.space();
      out.decimal(toSrgb(colors[p + 2]));
    }
    out.newline();
    out.handOffIfFull();
  }
  if (uvs) {
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      out.text('vt ');
      out.decimal(uvs[vertex * 2]);
      out.space();
      out.decimal(1 - uvs[vertex * 2 + 1]);
      out.newline();
      out.handOffIfFull();
    }
  }
  if (normals) {
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      const n = vertex * 3;
      out.text('vn ');
      out.decimal(normals[n]);
      out.space();
      out.decimal(normals[n + 1]);
      out.space();
      out.decimal(normals[n + 2]);
      out.newline();
      out.handOffIfFull();
    }
  }
}

/** Polygons as a flat index list with each polygon's size before its indices: [n, i0, …, i(n−1), n, …]. */
interface PolygonList {
  polygons: Uint32Array;
}

function polygonList(faces: number[][], mirrored: boolean, vertexCount: number): PolygonList {
  const polygons = new Uint32Array(faces.reduce((sum, face) => sum + face.length + 1, 0));
  let at = 0;
  for (const face of faces) {
    polygons[at++] = face.length;
    for (let k = 0; k < face.length; k++) {
      const vertex = face[mirrored ? (face.length - k) % face.length : k];
      if (!(vertex >= 0 && vertex < vertexCount)) throw new Error(`writeObj: face vertex ${vertex} out of range`);
      polygons[at++] = vertex;
    }
  }
  return { polygons };
}

/** Triangles (three indices each) or a PolygonList. */
function writeFaces(
  out: AsciiWriter,
  faces: Uint32Array | PolygonList,
  positionBase: number,
  uvBase: number,
  normalBase: number,
): void {
  const indices = faces instanceof Uint32Array ? faces : faces.polygons;
  const sized = !(faces instanceof Uint32Array);
  // With UVs and normals, the three indices of a corner are usually the same number: format it once.
  const sameIndices = uvBase === positionBase && normalBase === positionBase;
  if (sameIndices && !sized) {
    for (let index = 0; index < indices.length; index += 3) {
      out.triangleOfSameCorners(
        positionBase + indices[index],
        positionBase + indices[index + 1],
        positionBase + indices[index + 2],
      );
      out.handOffIfFull();
    }
    return;
  }
  for (let index = 0; index < indices.length;) {
    const size = sized ? indices[index++] : 3;
    out.byte(LETTER_F);
    for (let corner = 0; corner < size; corner++) {
      const vertex = indices[index + corner];
      out.space();
      if (sameIndices) {
        out.integerTimesThree(positionBase + vertex, SLASH);
        continue;
      }
      out.integer(positionBase + vertex);
      if (uvBase || normalBase) {
        out.byte(SLASH);
        if (uvBase) out.integer(uvBase + vertex);
        if (normalBase) {
          out.byte(SLASH);
          out.integer(normalBase + vertex);
        }
      }
    }
    index += size;
    out.newline();
    out.handOffIfFull();
  }
}

/** Rough upper bound of the OBJ size, so the writer rarely has to grow its buffer. */
function estimateBytes(primitives: WorldPrimitive[]): number {
  let bytes = 4096;
  for (const { positions, uvs, normals, colors, indices } of primitives) {
    const vertexCount = positions.length / 3;
    bytes += vertexCount * (40 + (colors ? 30 : 0) + (uvs ? 24 : 0) + (normals ? 34 : 0)) + (indices.length / 3) * 64;
  }
  return bytes;
}

/** A unique MTL name per material; primitives without one share "default" when others have one. */
function nameMaterials(primitives: WorldPrimitive[]): Map<Material | null, string> {
  const names = new Map<Material | null, string>();
  const used = new Set<string>();
  for (const { material } of primitives) {
    if (material && !names.has(material))
      names.set(material, uniqueName(sanitiseName(material.getName() || 'material'), used));
  }
  if (names.size > 0 && primitives.some((primitive) => !primitive.material))
    names.set(null, uniqueName('default', used));
  return names;
}

/** A file name per texture image the MTL refers to: the material's own textures and the split scalar maps. */
function nameTextures(
  document: Document,
  materials: Material[],
  materialMaps?: MaterialMaps,
): Map<Texture | MapImage, { name: string; texture: Texture | MapImage }> {
  const textures = new Map<Texture | MapImage, { name: string; texture: Texture | MapImage }>();
  const used = new Set<string>();
  const indexOf = new Map(
    document
      .getRoot()
      .listTextures()
      .map((texture, index) => [texture, index]),
  );
  for (const material of materials) {
    for (const texture of [
      material.getBaseColorTexture(),
      material.getNormalTexture(),
      material.getEmissiveTexture(),
    ]) {
      if (!texture || textures.has(texture) || !texture.getImage()) continue;
      const extension = textureFileExtension(texture);
      const stem = sanitiseName(
        texture.getName() || baseName(texture.getURI()) || `texture_${indexOf.get(texture) ?? textures.size}`,
      );
      textures.set(texture, { name: uniqueName(`${stem}.${extension}`, used), texture });
    }
    const maps = materialMaps?.get(material);
    for (const image of [maps?.metallic, maps?.roughness, maps?.occlusion]) {
      if (!image || textures.has(image)) continue;
      textures.set(image, { name: uniqueName(`${sanitiseName(image.stem)}.${image.extension}`, used), texture: image });
    }
  }
  return textures;
}

/**
 * MTL with the PBR extension (Pr/Pm/Ke, map_Pr/map_Pm/map_Ke, norm) that Blender ≥ 3.5 and assimp read, plus the
 * older spellings Blender 3.4's importer maps to the same inputs (map_refl → metallic, map_Ns → roughness,
 * map_Bump → normal). MTL has no occlusion slot: it goes to map_Ka (ambient), which some readers ignore.
 */
function writeMtl(
  materials: Map<Material | null, string>,
  textures: Map<Texture | MapImage, { name: string }>,
  materialMaps?: MaterialMaps,
): string {
  const lines = ['# Wavefront MTL written by Polyforge'];
  for (const [material, name] of materials) {
    const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [1, 1, 1, 1];
    lines.push(
      '',
      `newmtl ${name}`,
      `Kd ${num(toSrgb(r))} ${num(toSrgb(g))} ${num(toSrgb(b))}`,
      'Ka 0 0 0',
      'Ks 0 0 0',
    );
    if (alpha < 1) lines.push(`d ${num(alpha)}`);
    if (!material) continue;
    const emissive = material.getEmissiveFactor();
    if (emissive.some((value) => value > 0)) lines.push(`Ke ${emissive.map((value) => num(toSrgb(value))).join(' ')}`);
    lines.push(`Pm ${num(material.getMetallicFactor())}`, `Pr ${num(material.getRoughnessFactor())}`, 'illum 2');
    const textureName = (texture: Texture | MapImage | null | undefined) =>
      texture ? textures.get(texture)?.name : undefined;
    const maps = materialMaps?.get(material);
    const baseColor = textureName(material.getBaseColorTexture());
    const normal = textureName(material.getNormalTexture());
    const emission = textureName(material.getEmissiveTexture());
    const metallic = textureName(maps?.metallic);
    const roughness = textureName(maps?.roughness);
    const occlusion = textureName(maps?.occlusion);
    if (baseColor) lines.push(`map_Kd ${baseColor}`);
    if (normal) lines.push(`map_Bump ${normal}`, `norm ${normal}`);
    if (emission) lines.push(`map_Ke ${emission}`);
    if (metallic) lines.push(`map_Pm ${metallic}`, `map_refl ${metallic}`);
    if (roughness) lines.push(`map_Pr ${roughness}`, `map_Ns ${roughness}`);
    if (occlusion) lines.push(`map_Ka ${occlusion}`);
  }
  return `${lines.join('\n')}\n`;
}

/** MTL numbers: same six-decimal rounding as the OBJ. */
function num(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function toSrgb(linear: number): number {
  const value = Math.min(1, Math.max(0, linear));
  return value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055;
}

function sanitiseName(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 64) || 'unnamed'
  );
}

function baseName(uri: string): string {
  return (uri.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let suffix = 2; used.has(candidate.toLowerCase()); suffix++)
    candidate = name.replace(/(\.[^.]*)?$/, `_${suffix}$1`);
  used.add(candidate.toLowerCase());
  return candidate;
}
