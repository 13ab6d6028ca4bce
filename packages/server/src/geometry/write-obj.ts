// Writes a Document's default scene as Wavefront OBJ + MTL + texture files, in world space. Written by hand:
// OBJ and MTL are line-based text formats that take a page to write, and three's OBJExporter would need a
// glTF→three scene adapter and still not write the MTL or the textures. One `o` per node, one `usemtl` per
// material change; UVs are flipped to OBJ's bottom-left origin; colours go out in sRGB, as MTL readers expect.

import type { Document, Material, Primitive, Texture } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from './collect-world-triangles.ts';
import { listScenePrimitives } from './write-fbx-scene-primitives.ts';
import { textureFileExtension } from './texture-file-extension.ts';

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
}

export interface WriteObjChunksOptions extends WriteObjOptions {
  /** The OBJ text is handed out in pieces of about this many bytes, each ending at a line end. */
  chunkBytes: number;
  /** Receives each piece as it is written; the writer never touches a piece again once handed out. */
  onChunk: (chunk: Uint8Array) => void;
}

export const WRITE_OBJ_DEFAULTS: Required<Omit<WriteObjOptions, 'quadFaces'>> = {
  mtlFileName: 'model.mtl',
};

export function writeObj(document: Document, options: WriteObjOptions = {}): ObjFiles {
  const { objBytes, ...rest } = writeObjFiles(document, options);
  return { objText: new TextDecoder().decode(objBytes), ...rest };
}

/** writeObj with the OBJ as bytes: what convert-model.ts zips, without a round trip through a JS string. */
export function writeObjFiles(document: Document, options: WriteObjOptions = {}): Omit<ObjFiles, 'objText'> & { objBytes: Uint8Array } {
  const chunks: Uint8Array[] = [];
  const files = writeObjChunks(document, { ...options, chunkBytes: Number.POSITIVE_INFINITY, onChunk: (chunk) => chunks.push(chunk) });
  return { objBytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), ...files };
}

/**
 * Writes the OBJ text in pieces through `onChunk`, so a caller can compress one piece on another thread while the
 * next is being written; returns the MTL and the textures.
 */
export function writeObjChunks(document: Document, options: WriteObjChunksOptions): Omit<ObjFiles, 'objText'> {
  const { mtlFileName, quadFaces, chunkBytes, onChunk } = { ...WRITE_OBJ_DEFAULTS, ...options };
  const primitives = collectWorldTriangles(document);
  const sources = quadFaces ? listScenePrimitives(document) : [];
  const materials = nameMaterials(primitives);
  const textures = nameTextures(document, [...materials.keys()].filter((material): material is Material => material !== null));
  const mtlText = materials.size > 0 ? writeMtl(materials, textures) : '';

  const out = new AsciiWriter(Math.min(estimateBytes(primitives), chunkBytes + CHUNK_SLACK_BYTES), chunkBytes, onChunk);
  out.text('# Wavefront OBJ written by Polyforge\n');
  if (mtlText) out.text(`mtllib ${mtlFileName}\n`);
  let positionBase = 1, uvBase = 1, normalBase = 1;
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
    writeFaces(out, faces ? polygonList(faces, source.mirrored, primitive.positions.length / 3) : primitive.indices, positionBase, primitive.uvs ? uvBase : 0, primitive.normals ? normalBase : 0);
    const vertexCount = primitive.positions.length / 3;
    positionBase += vertexCount;
    if (primitive.uvs) uvBase += vertexCount;
    if (primitive.normals) normalBase += vertexCount;
  }
  out.finish();
  return {
    mtlText,
    textures: [...textures.values()].map(({ name, texture }) => ({ name, bytes: texture.getImage()! })),
  };
}

/** Room past chunkBytes for the line that crosses it (lines are short; the writer grows if one is not). */
const CHUNK_SLACK_BYTES = 64 * 1024;

function writeVertices(out: AsciiWriter, { positions, normals, uvs, colors }: WorldPrimitive): void {
  const vertexCount = positions.length / 3;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const p = vertex * 3;
    out.text('v ');
    out.decimal(positions[p]); out.space(); out.decimal(positions[p + 1]); out.space(); out.decimal(positions[p + 2]);
    if (colors) {
      out.space(); out.decimal(toSrgb(colors[p])); out.space(); out.decimal(toSrgb(colors[p + 1])); out.space(); out.decimal(toSrgb(colors[p + 2]));
    }
    out.newline();
    out.handOffIfFull();
  }
  if (uvs) {
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      out.text('vt '); out.decimal(uvs[vertex * 2]); out.space(); out.decimal(1 - uvs[vertex * 2 + 1]); out.newline();
      out.handOffIfFull();
    }
  }
  if (normals) {
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      const n = vertex * 3;
      out.text('vn '); out.decimal(normals[n]); out.space(); out.decimal(normals[n + 1]); out.space(); out.decimal(normals[n + 2]); out.newline();
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
function writeFaces(out: AsciiWriter, faces: Uint32Array | PolygonList, positionBase: number, uvBase: number, normalBase: number): void {
  const indices = faces instanceof Uint32Array ? faces : faces.polygons;
  const sized = !(faces instanceof Uint32Array);
  // With UVs and normals, the three indices of a corner are usually the same number: format it once.
  const sameIndices = uvBase === positionBase && normalBase === positionBase;
  if (sameIndices && !sized) {
    for (let index = 0; index < indices.length; index += 3) {
      out.triangleOfSameCorners(positionBase + indices[index], positionBase + indices[index + 1], positionBase + indices[index + 2]);
      out.handOffIfFull();
    }
    return;
  }
  for (let index = 0; index < indices.length; ) {
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
    if (material && !names.has(material)) names.set(material, uniqueName(sanitiseName(material.getName() || 'material'), used));
  }
  if (names.size > 0 && primitives.some((primitive) => !primitive.material)) names.set(null, uniqueName('default', used));
  return names;
}

function nameTextures(document: Document, materials: Material[]): Map<Texture, { name: string; texture: Texture }> {
  const textures = new Map<Texture, { name: string; texture: Texture }>();
  const used = new Set<string>();
  const indexOf = new Map(document.getRoot().listTextures().map((texture, index) => [texture, index]));
  for (const material of materials) {
    for (const texture of [material.getBaseColorTexture(), material.getNormalTexture(), material.getEmissiveTexture()]) {
      if (!texture || textures.has(texture) || !texture.getImage()) continue;
      const extension = textureFileExtension(texture);
      const stem = sanitiseName(texture.getName() || baseName(texture.getURI()) || `texture_${indexOf.get(texture) ?? textures.size}`);
      textures.set(texture, { name: uniqueName(`${stem}.${extension}`, used), texture });
    }
  }
  return textures;
}

function writeMtl(materials: Map<Material | null, string>, textures: Map<Texture, { name: string }>): string {
  const lines = ['# Wavefront MTL written by Polyforge'];
  for (const [material, name] of materials) {
    const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [1, 1, 1, 1];
    lines.push('', `newmtl ${name}`, `Kd ${num(toSrgb(r))} ${num(toSrgb(g))} ${num(toSrgb(b))}`, 'Ka 0 0 0', 'Ks 0 0 0');
    if (alpha < 1) lines.push(`d ${num(alpha)}`);
    if (!material) continue;
    const emissive = material.getEmissiveFactor();
    if (emissive.some((value) => value > 0)) lines.push(`Ke ${emissive.map((value) => num(toSrgb(value))).join(' ')}`);
    lines.push(`Pm ${num(material.getMetallicFactor())}`, `Pr ${num(material.getRoughnessFactor())}`, 'illum 2');
    const textureName = (texture: Texture | null) => (texture ? textures.get(texture)?.name : undefined);
    const baseColor = textureName(material.getBaseColorTexture());
    const normal = textureName(material.getNormalTexture());
    const emission = textureName(material.getEmissiveTexture());
    if (baseColor) lines.push(`map_Kd ${baseColor}`);
    if (normal) lines.push(`map_Bump ${normal}`, `norm ${normal}`);
    if (emission) lines.push(`map_Ke ${emission}`);
  }
  return `${lines.join('\n')}\n`;
}

const UTF8 = new TextEncoder();
const SLASH = 0x2f;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const LETTER_F = 0x66;

/**
 * Writes ASCII straight into a growing byte buffer. Formatting numbers ourselves (fixed point, six decimals,
 * trailing zeros dropped) is several times faster than String(number) and template strings for the
 * millions of numbers a large OBJ holds.
 */
class AsciiWriter {
  private bytes: Uint8Array;
  private length = 0;
  private readonly digits = new Uint8Array(24);

  constructor(
    private readonly initialBytes: number,
    private readonly chunkBytes: number,
    private readonly onChunk: (chunk: Uint8Array) => void,
  ) {
    this.bytes = new Uint8Array(Math.max(1024, initialBytes));
  }

  /** Hands the text written so far to onChunk once it reaches chunkBytes, and continues in a fresh buffer. */
  handOffIfFull(): void {
    if (this.length < this.chunkBytes) return;
    this.onChunk(this.bytes.subarray(0, this.length));
    // Not zero-filled: every byte handed out is written first.
    this.bytes = Buffer.allocUnsafeSlow(Math.max(1024, this.initialBytes));
    this.length = 0;
  }

  text(value: string): void {
    this.reserve(value.length * 3);
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code >= 0x80) {
        this.length += UTF8.encodeInto(value.slice(index), this.bytes.subarray(this.length)).written;
        return;
      }
      this.bytes[this.length++] = code;
    }
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  space(): void {
    this.byte(SPACE);
  }

  newline(): void {
    this.byte(NEWLINE);
  }

  /** A non-negative integer below 2^53. */
  integer(value: number): void {
    let count = 0;
    do {
      const quotient = Math.floor(value / 10);
      this.digits[count++] = ZERO + (value - quotient * 10);
      value = quotient;
    } while (value > 0);
    this.reserve(count);
    while (count > 0) this.bytes[this.length++] = this.digits[--count];
  }

  /** `value<separator>value<separator>value`, the digits formatted once (an OBJ face corner `v/vt/vn`). */
  integerTimesThree(value: number, separator: number): void {
    let count = 0;
    const small = value < 0x7fffffff;
    do {
      const quotient = small ? (value / 10) | 0 : Math.floor(value / 10);
      this.digits[count++] = ZERO + (value - quotient * 10);
      value = quotient;
    } while (value > 0);
    this.reserve(count * 3 + 2);
    const bytes = this.bytes;
    let at = this.length;
    for (let copy = 0; copy < 3; copy++) {
      if (copy > 0) bytes[at++] = separator;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = this.digits[digit];
    }
    this.length = at;
  }

  /**
   * The line `f a/a/a b/b/b c/c/c\n`: most of a large textured OBJ's faces, written into one reserved stretch of the
   * buffer (twice as fast as a call per corner, each reserving on its own).
   */
  triangleOfSameCorners(a: number, b: number, c: number): void {
    if (!(a < 0x7fffffff && b < 0x7fffffff && c < 0x7fffffff)) {
      this.byte(LETTER_F);
      for (const value of [a, b, c]) {
        this.space();
        this.integerTimesThree(value, SLASH);
      }
      this.newline();
      return;
    }
    this.reserve(3 * (3 * 10 + 3) + 2);
    const bytes = this.bytes;
    const digits = this.digits;
    let at = this.length;
    bytes[at++] = LETTER_F;
    for (let corner = 0; corner < 3; corner++) {
      let value = corner === 0 ? a : corner === 1 ? b : c;
      let count = 0;
      do {
        const quotient = (value / 10) | 0;
        digits[count++] = ZERO + value - quotient * 10;
        value = quotient;
      } while (value > 0);
      bytes[at++] = SPACE;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = digits[digit];
      bytes[at++] = SLASH;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = digits[digit];
      bytes[at++] = SLASH;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = digits[digit];
    }
    bytes[at++] = NEWLINE;
    this.length = at;
  }

  /** Six decimals is below float32 precision for unit-scale models and keeps the text short. */
  decimal(value: number): void {
    // Fast path: |value| < 2000 keeps value·10⁶ inside int32, so every digit step is integer arithmetic on one
    // reserved stretch of the buffer (the bulk of a large OBJ's numbers; the general path below is 1.6× slower).
    if (value > -2000 && value < 2000) {
      this.reserve(20);
      const bytes = this.bytes;
      let at = this.length;
      const scaled = Math.round(Math.abs(value) * 1e6);
      if (value < 0 && scaled !== 0) bytes[at++] = MINUS;
      let whole = (scaled / 1e6) | 0;
      let fraction = scaled - whole * 1e6;
      if (whole < 10) bytes[at++] = ZERO + whole;
      else {
        const start = at;
        while (whole > 0) {
          const quotient = (whole / 10) | 0;
          bytes[at++] = ZERO + whole - quotient * 10;
          whole = quotient;
        }
        bytes.subarray(start, at).reverse();
      }
      if (fraction !== 0) {
        bytes[at++] = DOT;
        let places = 6;
        while (fraction % 10 === 0) {
          fraction = (fraction / 10) | 0;
          places--;
        }
        for (let place = places - 1; place >= 0; place--) {
          const quotient = (fraction / 10) | 0;
          bytes[at + place] = ZERO + fraction - quotient * 10;
          fraction = quotient;
        }
        at += places;
      }
      this.length = at;
      return;
    }
    const scaled = Math.round(Math.abs(value) * 1e6);
    if (!Number.isFinite(value) || scaled > Number.MAX_SAFE_INTEGER) return this.text(Number.isFinite(value) ? String(value) : '0');
    if (value < 0 && scaled !== 0) this.byte(MINUS);
    const whole = Math.floor(scaled / 1e6);
    let fraction = scaled - whole * 1e6;
    this.integer(whole);
    if (fraction === 0) return;
    this.byte(DOT);
    let places = 6;
    while (fraction % 10 === 0) {
      fraction /= 10;
      places--;
    }
    this.reserve(places);
    for (let place = places - 1; place >= 0; place--) {
      const quotient = Math.floor(fraction / 10);
      this.bytes[this.length + place] = ZERO + (fraction - quotient * 10);
      fraction = quotient;
    }
    this.length += places;
  }

  /** Hands out the rest. */
  finish(): void {
    if (this.length > 0) this.onChunk(this.bytes.subarray(0, this.length));
    this.length = 0;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
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
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 64) || 'unnamed';
}

function baseName(uri: string): string {
  return (uri.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let suffix = 2; used.has(candidate.toLowerCase()); suffix++) candidate = name.replace(/(\.[^.]*)?$/, `_${suffix}$1`);
  used.add(candidate.toLowerCase());
  return candidate;
}
