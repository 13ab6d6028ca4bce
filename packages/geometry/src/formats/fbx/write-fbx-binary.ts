// Encodes a tree of FBX nodes as a binary FBX file (7.4 or 7.5). Written by hand: binary FBX is a tree of
// records (end offset, property count, property bytes, name, typed properties, children, a null record) with
// a fixed header and footer, as documented by Blender's and assimp's readers (A. Gessler, "FBX Binary File
// Encoding", 2013); the only JS FBX writer on npm (@comfyorg/fbx-exporter-three) works from a three scene and
// writes triangles only, while convert_model needs quads. Large arrays are zlib-compressed, as the FBX SDK does,
// with Node's native zlib (1M triangles: 0.8 s against 2.5 s with fflate's JS deflate). Each deflateSync call
// costs ~0.1 ms of set-up whatever its size, and an animated model repeats many small arrays (the key times of
// every curve of a clip), so equal arrays are deflated once per file.

import { promisify } from 'node:util';
import { deflate, deflateSync } from 'node:zlib';

const deflateAsync = promisify(deflate);

export type FbxProperty =
  | { type: 'C'; value: boolean }
  | { type: 'Y' | 'I' | 'F' | 'D' | 'L'; value: number }
  | { type: 'S'; value: string }
  | { type: 'R'; value: Uint8Array }
  | { type: 'i'; value: Int32Array }
  | { type: 'l'; value: BigInt64Array }
  | { type: 'f'; value: Float32Array }
  | { type: 'd'; value: Float64Array }
  | { type: 'b'; value: Uint8Array };

export interface FbxNode {
  name: string;
  properties: FbxProperty[];
  children: FbxNode[];
}

export interface EncodeFbxOptions {
  /** 7400 (32-bit record offsets) or 7500 (64-bit offsets; FBX 2016+). */
  version?: 7400 | 7500;
  /** zlib level for arrays over 128 bytes; 0 stores them raw (faster, larger). */
  compressionLevel?: 0 | 1 | 6 | 9;
}

export const ENCODE_FBX_DEFAULTS: Required<EncodeFbxOptions> = {
  version: 7400,
  compressionLevel: 1,
};

/** Builders that keep the scene code short. */
export const fbx = {
  node: (name: string, properties: FbxProperty[] = [], children: FbxNode[] = []): FbxNode => ({
    name,
    properties,
    children,
  }),
  bool: (value: boolean): FbxProperty => ({ type: 'C', value }),
  int16: (value: number): FbxProperty => ({ type: 'Y', value }),
  int32: (value: number): FbxProperty => ({ type: 'I', value }),
  int64: (value: number): FbxProperty => ({ type: 'L', value }),
  float32: (value: number): FbxProperty => ({ type: 'F', value }),
  float64: (value: number): FbxProperty => ({ type: 'D', value }),
  string: (value: string): FbxProperty => ({ type: 'S', value }),
  raw: (value: Uint8Array): FbxProperty => ({ type: 'R', value }),
  int32s: (value: Int32Array): FbxProperty => ({ type: 'i', value }),
  float64s: (value: Float64Array): FbxProperty => ({ type: 'd', value }),
  int64s: (value: BigInt64Array): FbxProperty => ({ type: 'l', value }),
  float32s: (value: Float32Array): FbxProperty => ({ type: 'f', value }),
};

const HEADER_MAGIC = new Uint8Array([...new TextEncoder().encode('Kaydara FBX Binary  '), 0x00, 0x1a, 0x00]);
// Constants every FBX writer outside the SDK uses (the SDK derives them from the creation time).
const FOOTER_ID = new Uint8Array([
  0xfa, 0xbc, 0xab, 0x09, 0xd0, 0xc8, 0xd4, 0x66, 0xb1, 0x76, 0xfb, 0x83, 0x1c, 0xf7, 0x26, 0x7e,
]);
const FOOTER_MAGIC = new Uint8Array([
  0xf8, 0x5a, 0x8c, 0x6a, 0xde, 0xf5, 0xd9, 0x7e, 0xec, 0xe9, 0x0c, 0xe3, 0x75, 0x8f, 0x29, 0x0b,
]);
export const FBX_FILE_ID = new Uint8Array([
  0x28, 0xb3, 0x2a, 0xeb, 0xb6, 0x24, 0xcc, 0xc2, 0xbf, 0xc8, 0xb0, 0x2a, 0xa9, 0x2b, 0xfc, 0xf1,
]);
export const FBX_CREATION_TIME = '1970-01-01 10:00:00:000';

const UTF8 = new TextEncoder();

interface EncodedNode {
  name: Uint8Array;
  propertyCount: number;
  properties: Uint8Array[];
  propertyBytes: number;
  children: EncodedNode[];
  /** Whether a null record follows the node's properties (children present, or no properties at all). */
  sentinel: boolean;
  size: number;
}

export function encodeFbxBinary(nodes: FbxNode[], options: EncodeFbxOptions = {}): Uint8Array {
  return encodeWith(nodes, options, new DeflateOnce(options.compressionLevel ?? ENCODE_FBX_DEFAULTS.compressionLevel));
}

/**
 * The same bytes as encodeFbxBinary, with the arrays too large to be repeated deflated first, all at once on
 * the zlib thread pool (a mesh's vertices, indices, normals and UVs on every core instead of one after another).
 */
export async function encodeFbxBinaryDeflatingAhead(
  nodes: FbxNode[],
  options: EncodeFbxOptions = {},
): Promise<Uint8Array> {
  const deflater = new DeflateOnce(options.compressionLevel ?? ENCODE_FBX_DEFAULTS.compressionLevel);
  if (deflater.level > 0) {
    const large: ArrayBufferView[] = [];
    const visit = (node: FbxNode) => {
      for (const property of node.properties) {
        if (ArrayBuffer.isView(property.value) && property.type !== 'R' && property.value.byteLength > REUSE_MAX_BYTES)
          large.push(property.value);
      }
      node.children.forEach(visit);
    };
    nodes.forEach(visit);
    await Promise.all(large.map((values) => deflater.deflateAhead(values)));
  }
  return encodeWith(nodes, options, deflater);
}

function encodeWith(nodes: FbxNode[], options: EncodeFbxOptions, deflater: DeflateOnce): Uint8Array {
  const { version } = { ...ENCODE_FBX_DEFAULTS, ...options };
  const headerBytes = version >= 7500 ? 24 : 12;
  const sentinelBytes = headerBytes + 1;
  const propertyEncoder = new PropertyEncoder(deflater);
  const names = new Map<string, Uint8Array>();
  const encode = (node: FbxNode): EncodedNode => {
    let name = names.get(node.name);
    if (!name) names.set(node.name, (name = UTF8.encode(node.name)));
    if (name.length > 255) throw new Error(`FBX node name too long: ${node.name}`);
    const properties: Uint8Array[] = new Array(node.properties.length);
    let propertyBytes = 0;
    for (let index = 0; index < properties.length; index++) {
      properties[index] = propertyEncoder.encode(node.properties[index]);
      propertyBytes += properties[index].length;
    }
    const children: EncodedNode[] = new Array(node.children.length);
    let childBytes = 0;
    for (let index = 0; index < children.length; index++) {
      children[index] = encode(node.children[index]);
      childBytes += children[index].size;
    }
    const sentinel = children.length > 0 || properties.length === 0;
    const size = headerBytes + 1 + name.length + propertyBytes + childBytes + (sentinel ? sentinelBytes : 0);
    return { name, propertyCount: properties.length, properties, propertyBytes, children, sentinel, size };
  };
  const encoded = nodes.map(encode);

  const bodyBytes = encoded.reduce((sum, node) => sum + node.size, 0) + sentinelBytes;
  const footerStart = HEADER_MAGIC.length + 4 + bodyBytes + FOOTER_ID.length + 4;
  const padding = 16 - (footerStart % 16) || 16; // readers expect 1..16 bytes of alignment padding
  const total = footerStart + padding + 4 + 120 + FOOTER_MAGIC.length;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  bytes.set(HEADER_MAGIC, offset);
  offset += HEADER_MAGIC.length;
  view.setUint32(offset, version, true);
  offset += 4;

  const writeUint = (value: number) => {
    if (headerBytes === 24) view.setBigUint64(offset, BigInt(value), true);
    else view.setUint32(offset, value, true);
    offset += headerBytes / 3;
  };
  const write = (node: EncodedNode) => {
    const end = offset + node.size;
    writeUint(end);
    writeUint(node.propertyCount);
    writeUint(node.propertyBytes);
    bytes[offset++] = node.name.length;
    bytes.set(node.name, offset);
    offset += node.name.length;
    for (const property of node.properties) {
      bytes.set(property, offset);
      offset += property.length;
    }
    for (const child of node.children) write(child);
    if (node.sentinel) offset += sentinelBytes; // zeros
    if (offset !== end) throw new Error(`FBX encoder: ${new TextDecoder().decode(node.name)} size mismatch`);
  };
  for (const node of encoded) write(node);
  offset += sentinelBytes; // the top-level list ends with a null record too
  bytes.set(FOOTER_ID, offset);
  offset += FOOTER_ID.length + 4 + padding;
  view.setUint32(offset, version, true);
  offset += 4 + 120;
  bytes.set(FOOTER_MAGIC, offset);
  return bytes;
}

/** Largest array whose deflated bytes are remembered for reuse: small arrays are the ones that repeat. */
const REUSE_MAX_BYTES = 64 * 1024;

/**
 * zlib at one level, with the result for equal small inputs computed once (same bytes as deflating each), and
 * large arrays possibly deflated ahead, off the main thread.
 */
class DeflateOnce {
  private readonly known = new Map<string, Uint8Array>();
  private readonly ahead = new Map<ArrayBufferView, Uint8Array>();
  constructor(readonly level: number) {}

  async deflateAhead(values: ArrayBufferView): Promise<void> {
    this.ahead.set(values, await deflateAsync(bytesOf(values), { level: this.level }));
  }

  deflate(values: ArrayBufferView): Uint8Array {
    const raw = bytesOf(values);
    if (raw.length > REUSE_MAX_BYTES) return this.ahead.get(values) ?? deflateSync(raw, { level: this.level });
    const key = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
    let data = this.known.get(key);
    if (!data) this.known.set(key, (data = deflateSync(raw, { level: this.level })));
    return data;
  }
}

/**
 * Property records, with the set-up kept across a file: equal strings (property names, types, flags repeat on
 * every object) are encoded once, and scalars go through one scratch view instead of a view per value.
 */
class PropertyEncoder {
  private readonly strings = new Map<string, Uint8Array>();
  private readonly scratch = new Uint8Array(8);
  private readonly scratchView = new DataView(this.scratch.buffer);
  constructor(private readonly deflated: DeflateOnce) {}

  /** The returned bytes may be shared between properties: callers copy them, never change them. */
  encode(property: FbxProperty): Uint8Array {
    const typeCode = property.type.charCodeAt(0);
    const view = this.scratchView;
    switch (property.type) {
      case 'C':
        return new Uint8Array([typeCode, property.value ? 1 : 0]);
      case 'Y':
        view.setInt16(0, property.value, true);
        return this.scalar(typeCode, 2);
      case 'I':
        view.setInt32(0, property.value, true);
        return this.scalar(typeCode, 4);
      case 'F':
        view.setFloat32(0, property.value, true);
        return this.scalar(typeCode, 4);
      case 'D':
        view.setFloat64(0, property.value, true);
        return this.scalar(typeCode, 8);
      case 'L':
        view.setBigInt64(0, BigInt(property.value), true);
        return this.scalar(typeCode, 8);
      case 'S': {
        let bytes = this.strings.get(property.value);
        if (!bytes) this.strings.set(property.value, (bytes = lengthPrefixed(typeCode, UTF8.encode(property.value))));
        return bytes;
      }
      case 'R':
        return lengthPrefixed(typeCode, property.value);
      default: {
        const values = property.value;
        const raw = bytesOf(values);
        const compress = this.deflated.level > 0 && raw.length > 128;
        const data = compress ? this.deflated.deflate(values) : raw;
        const bytes = new Uint8Array(13 + data.length);
        bytes[0] = typeCode;
        const header = new DataView(bytes.buffer);
        header.setUint32(1, values.length, true);
        header.setUint32(5, compress ? 1 : 0, true);
        header.setUint32(9, data.length, true);
        bytes.set(data, 13);
        return bytes;
      }
    }
  }

  private scalar(typeCode: number, size: number): Uint8Array {
    const bytes = new Uint8Array(1 + size);
    bytes[0] = typeCode;
    for (let index = 0; index < size; index++) bytes[1 + index] = this.scratch[index];
    return bytes;
  }
}

/** Typed arrays are little-endian on every platform Node runs on: their bytes are FBX's. */
function bytesOf(values: ArrayBufferView): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function lengthPrefixed(typeCode: number, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(5 + data.length);
  bytes[0] = typeCode;
  new DataView(bytes.buffer).setUint32(1, data.length, true);
  bytes.set(data, 5);
  return bytes;
}
