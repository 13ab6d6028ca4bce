// Adapter from a three.js BufferGeometry (what three's STLLoader produces) to a glTF-Transform Mesh: one
// primitive per geometry group, UVs flipped to glTF's top-left origin, normals made unit length so the result
// passes the Khronos validator. The output is non-indexed; read-model.ts welds and smooths it afterwards.

import type { Buffer, Document, Material, Mesh } from '@gltf-transform/core';
import type { BufferAttribute, BufferGeometry, InterleavedBufferAttribute } from 'three';
import { ModelInputError } from './model-input-error.ts';

export interface ThreeGeometryToMeshOptions {
  name: string;
  buffer: Buffer;
  /** Material for a geometry group's materialIndex; null leaves the primitive without one. */
  materialFor: (materialIndex: number) => Material | null;
  keepNormals: boolean;
}

type Attribute = BufferAttribute | InterleavedBufferAttribute;

export function threeGeometryToMesh(
  document: Document,
  geometry: BufferGeometry,
  options: ThreeGeometryToMeshOptions,
): Mesh {
  const position = geometry.getAttribute('position') as Attribute | undefined;
  if (!position) throw new ModelInputError(`Mesh "${options.name}" has no vertex positions.`);
  const normal = options.keepNormals ? (geometry.getAttribute('normal') as Attribute | undefined) : undefined;
  const uv = geometry.getAttribute('uv') as Attribute | undefined;
  const color = geometry.getAttribute('color') as Attribute | undefined;
  const groups = geometry.groups.length > 0 ? geometry.groups : [{ start: 0, count: position.count, materialIndex: 0 }];

  const mesh = document.createMesh(options.name);
  for (const group of groups) {
    const start = Math.min(group.start, position.count);
    const end = Math.min(start + Math.min(group.count, position.count - start), position.count);
    const vertexCount = Math.floor((end - start) / 3) * 3;
    if (vertexCount === 0) continue;
    const positions = sliceAttribute(position, start, vertexCount, 3);
    assertFinite(positions, options.name);
    const primitive = document
      .createPrimitive()
      .setAttribute('POSITION', accessor(document, options.buffer, positions, 'VEC3'));
    if (normal)
      primitive.setAttribute(
        'NORMAL',
        accessor(
          document,
          options.buffer,
          unitNormals(sliceAttribute(normal, start, vertexCount, 3), positions),
          'VEC3',
        ),
      );
    if (uv)
      primitive.setAttribute(
        'TEXCOORD_0',
        accessor(document, options.buffer, flipV(sliceAttribute(uv, start, vertexCount, 2)), 'VEC2'),
      );
    if (color)
      primitive.setAttribute(
        'COLOR_0',
        accessor(document, options.buffer, clampUnit(sliceAttribute(color, start, vertexCount, 3)), 'VEC3'),
      );
    primitive.setMaterial(options.materialFor(group.materialIndex ?? 0));
    mesh.addPrimitive(primitive);
  }
  return mesh;
}

function accessor(document: Document, buffer: Buffer, array: Float32Array, type: 'VEC2' | 'VEC3') {
  return document.createAccessor().setType(type).setArray(array).setBuffer(buffer);
}

function sliceAttribute(attribute: Attribute, start: number, count: number, itemSize: number): Float32Array {
  const out = new Float32Array(count * itemSize);
  if ('array' in attribute && attribute.itemSize === itemSize && !('isInterleavedBufferAttribute' in attribute)) {
    out.set(
      (attribute.array as ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }).subarray(
        start * itemSize,
        (start + count) * itemSize,
      ),
    );
    return out;
  }
  for (let vertex = 0; vertex < count; vertex++) {
    for (let component = 0; component < itemSize; component++) {
      out[vertex * itemSize + component] = attribute.getComponent(start + vertex, component);
    }
  }
  return out;
}

function assertFinite(positions: Float32Array, meshName: string): void {
  for (let index = 0; index < positions.length; index++) {
    if (!Number.isFinite(positions[index])) {
      throw new ModelInputError(
        `Mesh "${meshName}" has a face that refers to a vertex that does not exist, or a coordinate that is not a number.`,
      );
    }
  }
}

/** Normalises normals in place; a zero or non-finite normal takes its triangle's face normal. */
function unitNormals(normals: Float32Array, positions: Float32Array): Float32Array {
  for (let vertex = 0; vertex < normals.length / 3; vertex++) {
    const offset = vertex * 3;
    let x = normals[offset],
      y = normals[offset + 1],
      z = normals[offset + 2];
    let length = Math.hypot(x, y, z);
    if (!(length > 1e-12) || !Number.isFinite(length)) {
      [x, y, z] = faceNormal(positions, offset - (offset % 9));
      length = 1;
    }
    normals[offset] = x / length;
    normals[offset + 1] = y / length;
    normals[offset + 2] = z / length;
  }
  return normals;
}

function faceNormal(positions: Float32Array, triangleOffset: number): [number, number, number] {
  const p = positions,
    o = triangleOffset;
  const ax = p[o + 3] - p[o],
    ay = p[o + 4] - p[o + 1],
    az = p[o + 5] - p[o + 2];
  const bx = p[o + 6] - p[o],
    by = p[o + 7] - p[o + 1],
    bz = p[o + 8] - p[o + 2];
  const x = ay * bz - az * by,
    y = az * bx - ax * bz,
    z = ax * by - ay * bx;
  const length = Math.hypot(x, y, z);
  return length > 1e-20 ? [x / length, y / length, z / length] : [0, 0, 1];
}

function flipV(uvs: Float32Array): Float32Array {
  for (let index = 1; index < uvs.length; index += 2) uvs[index] = 1 - uvs[index];
  return uvs;
}

function clampUnit(colors: Float32Array): Float32Array {
  for (let index = 0; index < colors.length; index++) colors[index] = Math.min(1, Math.max(0, colors[index] || 0));
  return colors;
}
