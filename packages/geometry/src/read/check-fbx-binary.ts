// Walks a binary FBX file's node records without decoding them, before the real parser runs: arrays in FBX are
// zlib-compressed, so a small file can declare gigabytes (a zip bomb), and a truncated or garbled record tree would
// otherwise surface as an obscure parser error. Hand-written because no library offers a bounded pre-scan; the
// layout is the documented FBX 7.x binary record format (offset/count/length header, typed properties).

import { ModelInputError } from './model-input-error.ts';

const BINARY_MAGIC = 'Kaydara FBX Binary  \0';
const HEADER_BYTES = 27;
const ARRAY_ELEMENT_BYTES: Record<string, number> = { f: 4, d: 8, l: 8, i: 4, b: 1 };
const SCALAR_BYTES: Record<string, number> = { Y: 2, C: 1, I: 4, F: 4, D: 8, L: 8 };
const MAX_NESTING = 64;

export interface FbxBinaryLimits {
  /** Decoded bytes that the arrays of the whole file may declare. */
  maxDecodedBytes: number;
  maxTriangleCount: number;
}

export const FBX_BINARY_LIMITS: FbxBinaryLimits = {
  maxDecodedBytes: 2 * 1024 ** 3,
  maxTriangleCount: 5_000_000,
};

export function isBinaryFbx(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= BINARY_MAGIC.length &&
    new TextDecoder('latin1').decode(bytes.subarray(0, BINARY_MAGIC.length)) === BINARY_MAGIC
  );
}

/** Throws a ModelInputError when the record tree is malformed or declares more than the limits allow. */
export function checkFbxBinary(bytes: Uint8Array, limits: FbxBinaryLimits = FBX_BINARY_LIMITS): void {
  if (bytes.byteLength < HEADER_BYTES + 13) throw new ModelInputError('The FBX file is truncated.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(23, true);
  if (version < 7000 || version >= 8000)
    throw new ModelInputError(`FBX version ${version} is not supported; export FBX 7.x (2011 or newer).`);
  const wide = version >= 7500;
  const totals = { decodedBytes: 0, polygonVertexIndices: 0 };

  const readOffset = (at: number) => (wide ? Number(view.getBigUint64(at, true)) : view.getUint32(at, true));
  const recordHeaderBytes = wide ? 25 : 13;

  const walk = (start: number, end: number, depth: number): void => {
    if (depth > MAX_NESTING) throw new ModelInputError('The FBX file nests its records too deeply.');
    let at = start;
    while (at + recordHeaderBytes <= end) {
      const recordEnd = readOffset(at);
      if (recordEnd === 0) return; // the null record that closes a nested list
      const propertyCount = readOffset(at + (wide ? 8 : 4));
      const propertyBytes = readOffset(at + (wide ? 16 : 8));
      const nameLength = view.getUint8(at + (wide ? 24 : 12));
      const nameStart = at + recordHeaderBytes;
      const propertiesStart = nameStart + nameLength;
      if (recordEnd <= at || recordEnd > end || propertiesStart + propertyBytes > recordEnd) {
        throw new ModelInputError('The FBX file is truncated or corrupt: a record runs past its end.');
      }
      const name = new TextDecoder('latin1').decode(bytes.subarray(nameStart, propertiesStart));
      checkProperties(propertiesStart, propertiesStart + propertyBytes, propertyCount, name);
      if (propertiesStart + propertyBytes < recordEnd) walk(propertiesStart + propertyBytes, recordEnd, depth + 1);
      at = recordEnd;
    }
  };

  const checkProperties = (start: number, end: number, count: number, recordName: string): void => {
    let at = start;
    for (let index = 0; index < count; index++) {
      if (at >= end)
        throw new ModelInputError(
          'The FBX file is truncated or corrupt: a record has fewer properties than it declares.',
        );
      const type = String.fromCharCode(view.getUint8(at));
      at += 1;
      if (type in SCALAR_BYTES) {
        at += SCALAR_BYTES[type]!;
      } else if (type in ARRAY_ELEMENT_BYTES) {
        if (at + 12 > end)
          throw new ModelInputError('The FBX file is truncated or corrupt: an array header is cut short.');
        const length = view.getUint32(at, true);
        const storedBytes = view.getUint32(at + 8, true);
        totals.decodedBytes += length * ARRAY_ELEMENT_BYTES[type]!;
        if (recordName === 'PolygonVertexIndex') totals.polygonVertexIndices += length;
        at += 12 + storedBytes;
      } else if (type === 'S' || type === 'R') {
        if (at + 4 > end)
          throw new ModelInputError('The FBX file is truncated or corrupt: a string header is cut short.');
        at += 4 + view.getUint32(at, true);
      } else {
        throw new ModelInputError(`The FBX file is corrupt: unknown property type "${type}".`);
      }
      if (at > end) throw new ModelInputError('The FBX file is truncated or corrupt: a property runs past its record.');
    }
  };

  walk(HEADER_BYTES, bytes.byteLength, 0);
  if (totals.decodedBytes > limits.maxDecodedBytes) {
    throw new ModelInputError(
      `The FBX file declares ${Math.round(totals.decodedBytes / 1024 ** 2).toLocaleString('en-US')} MB of decompressed data; the limit is ${Math.round(limits.maxDecodedBytes / 1024 ** 2).toLocaleString('en-US')} MB.`,
    );
  }
  // Every polygon has at least 3 corners and yields (corners - 2) triangles, so corners / 3 is a lower bound.
  const minimumTriangles = Math.floor(totals.polygonVertexIndices / 3);
  if (minimumTriangles > limits.maxTriangleCount) {
    throw new ModelInputError(
      `The model has at least ${minimumTriangles.toLocaleString('en-US')} triangles; the limit is ${limits.maxTriangleCount.toLocaleString('en-US')}. Simplify it before uploading.`,
    );
  }
}
