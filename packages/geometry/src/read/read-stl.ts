// Reads ASCII or binary STL into a glTF-Transform Document through three's STLLoader. Sizes and counts are
// checked first (STLLoader trusts the header and falls back to ASCII on any size mismatch). STL facet normals
// are dropped: they are often wrong, and glTF viewers compute the flat normals STL means when none are given.

import { Document } from '@gltf-transform/core';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';
import { ModelInputError } from './model-input-error.ts';
import { threeGeometryToMesh } from './three-geometry-to-mesh.ts';

export interface ReadStlOptions {
  maxTriangleCount: number;
}

const BINARY_HEADER_BYTES = 84;
const BINARY_TRIANGLE_BYTES = 50;

export function readStl(bytes: Uint8Array, options: ReadStlOptions): Document {
  const stl = isAsciiStl(bytes)
    ? checkAscii(bytes, options.maxTriangleCount)
    : checkBinary(bytes, options.maxTriangleCount);
  let geometry;
  try {
    geometry = new STLLoader().parse(stl.buffer.slice(stl.byteOffset, stl.byteOffset + stl.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new ModelInputError(`The STL file could not be parsed: ${(error as Error).message}`);
  }

  const document = new Document();
  const buffer = document.createBuffer();
  const mesh = threeGeometryToMesh(document, geometry, {
    name: 'stl',
    buffer,
    materialFor: () => null,
    keepNormals: false,
  });
  if (mesh.listPrimitives().length === 0) throw new ModelInputError('The STL file contains no triangles.');
  const scene = document.createScene('Scene').addChild(document.createNode('stl').setMesh(mesh));
  document.getRoot().setDefaultScene(scene);
  return document;
}

function isAsciiStl(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  if (head.includes(0)) return false;
  return /^\s*solid/.test(new TextDecoder().decode(head.subarray(0, 256)).replace(/^\uFEFF/, ''));
}

function checkBinary(bytes: Uint8Array, maxTriangleCount: number): Uint8Array {
  if (bytes.length < BINARY_HEADER_BYTES) {
    throw new ModelInputError(
      `The STL file is truncated: a binary STL needs at least ${BINARY_HEADER_BYTES} bytes, this one has ${bytes.length}.`,
    );
  }
  const triangleCount = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
  assertTriangleBudget(triangleCount, maxTriangleCount);
  const expectedBytes = BINARY_HEADER_BYTES + BINARY_TRIANGLE_BYTES * triangleCount;
  if (bytes.length < expectedBytes) {
    throw new ModelInputError(
      `The STL file is truncated: its header declares ${triangleCount} triangles (${expectedBytes} bytes) but it has ${bytes.length} bytes.`,
    );
  }
  if (triangleCount === 0) throw new ModelInputError('The STL file contains no triangles.');
  // Trailing bytes after the last triangle are ignored; slicing makes STLLoader's own size test agree.
  return bytes.subarray(0, expectedBytes);
}

function checkAscii(bytes: Uint8Array, maxTriangleCount: number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const facetCount = count(text, /\bfacet\s+normal\b/g);
  const vertexCount = count(text, /\bvertex\s/g);
  assertTriangleBudget(facetCount, maxTriangleCount);
  if (facetCount === 0) throw new ModelInputError('The ASCII STL file contains no facets.');
  if (vertexCount !== facetCount * 3) {
    throw new ModelInputError(
      `The ASCII STL file is malformed: ${facetCount} facets need ${facetCount * 3} vertices, found ${vertexCount}.`,
    );
  }
  if (!/\bendsolid\b/.test(text.slice(-4096)))
    throw new ModelInputError('The ASCII STL file is truncated: it does not end with "endsolid".');
  return bytes;
}

function count(text: string, pattern: RegExp): number {
  let total = 0;
  while (pattern.exec(text) !== null) total++;
  return total;
}

function assertTriangleBudget(triangleCount: number, maxTriangleCount: number): void {
  if (triangleCount > maxTriangleCount) {
    throw new ModelInputError(
      `The STL file has ${triangleCount.toLocaleString('en-US')} triangles; the limit is ${maxTriangleCount.toLocaleString('en-US')}. Simplify it before uploading.`,
    );
  }
}
