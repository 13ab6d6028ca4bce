// Turns parsed OBJ content (parse-obj.ts) into a glTF-Transform Document: one mesh and node per object, one
// indexed triangle primitive per material group. A glTF vertex is a distinct v/vt/vn combination, and two
// combinations whose values are bitwise equal are the same vertex, so the result is what gltf-transform's weld()
// made of the un-indexed corners before (same vertices, same order: first use in face order, 16-bit indices
// when they fit), without building the corners first. UVs are flipped to glTF's top-left origin and normals
// made unit length. Files without any `vn` get no NORMAL here: read-model.ts welds by position and smooths them.

import type { Buffer, Document, Material, Mesh } from '@gltf-transform/core';
import { weldPrimitive } from '@gltf-transform/functions';
import { hypot3 } from '../mesh/hypot3.ts';
import { ModelInputError } from './model-input-error.ts';
import type { ObjContent, ObjGroup } from './parse-obj.ts';
import { IntegerTripleTable } from '../mesh/integer-triple-table.ts';

export interface BuildObjDocumentOptions {
  /** The material of a `usemtl` name ('' = none: null). */
  materialFor: (name: string) => Material | null;
}

/** The pools with their values as written to glTF, and each entry's first bitwise-equal entry. */
interface Pools {
  positions: Float32Array;
  /** rgb per position (white for a `v` without colour), or null. */
  colours: Float32Array | null;
  hasColour: (position: number) => boolean;
  /** Per position: the first position with the same xyz (and colour). */
  positionIds: Int32Array;
  /** Flipped uv per `vt`, plus (0, 1) at the end: the UV of a corner without vt. */
  uvs: Float32Array;
  uvIds: Int32Array;
  /** Unit normals per `vn`; normalIds is -1 for a zero or unreadable normal (the corner takes its face's). */
  normals: Float32Array;
  normalIds: Int32Array;
  hasNormals: boolean;
}

export function buildObjDocument(document: Document, content: ObjContent, options: BuildObjDocumentOptions): void {
  const buffer = document.getRoot().listBuffers()[0] ?? document.createBuffer();
  const scene = document.getRoot().getDefaultScene() ?? document.createScene('Scene');
  document.getRoot().setDefaultScene(scene);
  const pools = preparePools(content);
  for (const object of content.objects) {
    const mesh = document.createMesh(object.name || 'mesh');
    for (const group of object.groups) buildPrimitive(document, buffer, mesh, group, pools, options);
    scene.addChild(document.createNode(mesh.getName()).setMesh(mesh));
  }
}

function preparePools(content: ObjContent): Pools {
  const { positions, colours } = content;
  const positionCount = positions.length / 3;
  let positionIds: Int32Array;
  let colourValues: Float32Array | null = null;
  if (colours) {
    // Positions and colours are one vertex identity; a `v` without colour is white where others have one.
    colourValues = colours.map((value) => (value < 0 ? 1 : value));
    const combined = new Float32Array(positionCount * 6);
    for (let vertex = 0; vertex < positionCount; vertex++) {
      combined.set(positions.subarray(vertex * 3, vertex * 3 + 3), vertex * 6);
      combined.set(colourValues.subarray(vertex * 3, vertex * 3 + 3), vertex * 6 + 3);
    }
    positionIds = firstEqualEntries(combined, 6);
  } else {
    positionIds = firstEqualEntries(positions, 3);
  }

  const uvCount = content.uvs.length / 2;
  const uvs = new Float32Array((uvCount + 1) * 2);
  for (let index = 0; index < uvCount * 2; index += 2) {
    const u = content.uvs[index],
      v = content.uvs[index + 1];
    uvs[index] = Number.isFinite(u) ? u : 0;
    uvs[index + 1] = 1 - (Number.isFinite(v) ? v : 0);
  }
  uvs[uvCount * 2 + 1] = 1;

  const normals = new Float32Array(content.normals.length);
  const valid = new Uint8Array(normals.length / 3);
  for (let index = 0; index < normals.length; index += 3) {
    const x = content.normals[index],
      y = content.normals[index + 1],
      z = content.normals[index + 2];
    const length = hypot3(x, y, z);
    if (!(length > 1e-12) || !Number.isFinite(length)) continue;
    normals[index] = x / length;
    normals[index + 1] = y / length;
    normals[index + 2] = z / length;
    valid[index / 3] = 1;
  }
  const normalIds = firstEqualEntries(normals, 3);
  for (let index = 0; index < valid.length; index++) if (!valid[index]) normalIds[index] = -1;

  return {
    positions,
    colours: colourValues,
    hasColour: (position) => colours !== null && colours[position * 3] >= 0,
    positionIds,
    uvs,
    uvIds: firstEqualEntries(uvs, 2),
    normals,
    normalIds,
    hasNormals: content.normals.length > 0,
  };
}

function buildPrimitive(
  document: Document,
  buffer: Buffer,
  mesh: Mesh,
  group: ObjGroup,
  pools: Pools,
  options: BuildObjDocumentOptions,
): void {
  const { corners, cornerCount } = group;
  const defaultUv = pools.uvs.length / 2 - 1;
  let hasUvs = false,
    hasColours = false;
  for (let corner = 0; corner < cornerCount; corner++) {
    if (corners[corner * 3 + 1] >= 0) hasUvs = true;
    if (pools.hasColour(corners[corner * 3])) hasColours = true;
  }

  // One vertex per distinct (position, uv, normal) identity, numbered in order of first use.
  const table = new IntegerTripleTable(cornerCount);
  const vertexPosition = new Int32Array(cornerCount);
  const vertexUv = new Int32Array(cornerCount);
  const vertexNormal = new Int32Array(cornerCount);
  /** Per vertex without a usable vn in a file with normals: the corner whose face normal it takes, else -1. */
  const flatCorner = new Int32Array(cornerCount).fill(-1);
  const indices = new Uint32Array(cornerCount);
  let vertexCount = 0;
  let hasFlatCorners = false;
  for (let corner = 0; corner < cornerCount; corner++) {
    const position = pools.positionIds[corners[corner * 3]];
    const uvIndex = corners[corner * 3 + 1];
    const uv = hasUvs ? pools.uvIds[uvIndex >= 0 ? uvIndex : defaultUv] : -1;
    const normalIndex = corners[corner * 3 + 2];
    const normal = pools.hasNormals && normalIndex >= 0 ? pools.normalIds[normalIndex] : -1;
    let vertex: number;
    if (pools.hasNormals && normal < 0) {
      // Its normal is its face's: a vertex of its own, merged with equal ones by weldPrimitive below.
      vertex = vertexCount++;
      flatCorner[vertex] = corner;
      hasFlatCorners = true;
    } else {
      vertex = table.idOf(position, uv, normal, vertexCount);
      if (vertex === vertexCount) vertexCount++;
    }
    vertexPosition[vertex] = position;
    vertexUv[vertex] = uv;
    vertexNormal[vertex] = normal;
    indices[corner] = vertex;
  }

  // Created in the order weld() created them (indices first), so written GLBs lay out as before.
  const indexAccessor = document
    .createAccessor()
    .setType('SCALAR')
    .setArray(vertexCount <= 65534 ? Uint16Array.from(indices) : indices)
    .setBuffer(buffer);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', vec(document, buffer, gather(pools.positions, vertexPosition, vertexCount, 3), 'VEC3'));
  assertFinite(primitive.getAttribute('POSITION')!.getArray() as Float32Array);
  if (pools.hasNormals) {
    const normals = gather(pools.normals, vertexNormal, vertexCount, 3);
    if (hasFlatCorners) {
      for (let vertex = 0; vertex < vertexCount; vertex++) {
        if (flatCorner[vertex] >= 0) faceNormal(pools.positions, corners, flatCorner[vertex], normals, vertex * 3);
      }
    }
    primitive.setAttribute('NORMAL', vec(document, buffer, normals, 'VEC3'));
  }
  if (hasUvs)
    primitive.setAttribute('TEXCOORD_0', vec(document, buffer, gather(pools.uvs, vertexUv, vertexCount, 2), 'VEC2'));
  if (hasColours && pools.colours)
    primitive.setAttribute(
      'COLOR_0',
      vec(document, buffer, gather(pools.colours, vertexPosition, vertexCount, 3), 'VEC3'),
    );
  primitive.setIndices(indexAccessor).setMaterial(options.materialFor(group.materialName));
  mesh.addPrimitive(primitive);
  if (hasFlatCorners) weldPrimitive(primitive);
}

function vec(document: Document, buffer: Buffer, array: Float32Array, type: 'VEC2' | 'VEC3') {
  return document.createAccessor().setType(type).setArray(array).setBuffer(buffer);
}

function gather(pool: Float32Array, entryOf: Int32Array, count: number, size: number): Float32Array {
  const out = new Float32Array(count * size);
  for (let vertex = 0; vertex < count; vertex++) {
    const from = entryOf[vertex] * size;
    if (from < 0) continue;
    for (let component = 0; component < size; component++) out[vertex * size + component] = pool[from + component];
  }
  return out;
}

function assertFinite(positions: Float32Array): void {
  for (let index = 0; index < positions.length; index++) {
    if (!Number.isFinite(positions[index])) {
      throw new ModelInputError('The OBJ file has a face whose vertex has a coordinate that is not a number.');
    }
  }
}

/** The unit normal of the triangle that `corner` belongs to, written at out[offset]; +Z for a degenerate one. */
function faceNormal(positions: Float32Array, corners: Int32Array, corner: number, out: Float32Array, offset: number) {
  const first = corner - (corner % 3);
  const a = corners[first * 3] * 3,
    b = corners[(first + 1) * 3] * 3,
    c = corners[(first + 2) * 3] * 3;
  const ax = positions[b] - positions[a],
    ay = positions[b + 1] - positions[a + 1],
    az = positions[b + 2] - positions[a + 2];
  const bx = positions[c] - positions[a],
    by = positions[c + 1] - positions[a + 1],
    bz = positions[c + 2] - positions[a + 2];
  const x = ay * bz - az * by,
    y = az * bx - ax * bz,
    z = ax * by - ay * bx;
  const length = hypot3(x, y, z);
  if (length > 1e-20) {
    out[offset] = x / length;
    out[offset + 1] = y / length;
    out[offset + 2] = z / length;
  } else {
    out[offset] = 0;
    out[offset + 1] = 0;
    out[offset + 2] = 1;
  }
}

/** For each entry of `size` floats, the index of the first entry with the same bits (itself if none before). */
function firstEqualEntries(values: Float32Array, size: number): Int32Array {
  const count = values.length / size;
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  let tableSize = 16;
  while (tableSize < count * 2) tableSize *= 2;
  const table = new Int32Array(tableSize).fill(-1);
  const firstOf = new Int32Array(count);
  for (let entry = 0; entry < count; entry++) {
    let hash = 0x811c9dc5;
    for (let component = 0; component < size; component++)
      hash = Math.imul(hash ^ bits[entry * size + component], 0x01000193);
    let slot = (hash ^ (hash >>> 16)) & (tableSize - 1);
    for (;;) {
      const found = table[slot];
      if (found < 0) {
        table[slot] = entry;
        firstOf[entry] = entry;
        break;
      }
      let same = true;
      for (let component = 0; component < size && same; component++)
        same = bits[found * size + component] === bits[entry * size + component];
      if (same) {
        firstOf[entry] = found;
        break;
      }
      slot = (slot + 1) & (tableSize - 1);
    }
  }
  return firstOf;
}
