// Flattens what a viewer would draw from a Document's default scene into world-space triangle lists: node
// transforms baked in, skinned meshes posed by their joints' current transforms (the rest pose unless a
// caller moved them), strips and fans unrolled, winding flipped under mirroring transforms. Formats without a
// scene graph (OBJ, STL) and the model statistics are computed from this.

import type { Accessor, Document, Material, Node, Primitive } from '@gltf-transform/core';
import { IDENTITY4, multiply4 } from './transform-math.ts';

export interface WorldPrimitive {
  nodeName: string;
  material: Material | null;
  /** xyz per vertex, world space. */
  positions: Float32Array;
  /** Unit xyz per vertex, world space. */
  normals?: Float32Array;
  /** uv per vertex in glTF's convention (origin top-left), from the set the base colour texture uses. */
  uvs?: Float32Array;
  /** Linear rgb per vertex. */
  colors?: Float32Array;
  /** Three vertex indices per triangle. */
  indices: Uint32Array;
}

type Matrix4 = ArrayLike<number>;

const MODE_TRIANGLES = 4;
const MODE_TRIANGLE_FAN = 6;
const FLOAT = 5126;

export function collectWorldTriangles(document: Document): WorldPrimitive[] {
  const result: WorldPrimitive[] = [];
  for (const root of listRenderRoots(document)) {
    root.traverse((node) => {
      const mesh = node.getMesh();
      if (!mesh) return;
      for (const primitive of mesh.listPrimitives()) {
        const world = worldPrimitive(node, primitive);
        if (world) result.push(world);
      }
    });
  }
  return result;
}

function listRenderRoots(document: Document): Node[] {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (scene) return scene.listChildren();
  return root.listNodes().filter((node) => !node.getParentNode());
}

function worldPrimitive(node: Node, primitive: Primitive): WorldPrimitive | undefined {
  const mode = primitive.getMode();
  const position = primitive.getAttribute('POSITION');
  if (!position || mode < MODE_TRIANGLES || mode > MODE_TRIANGLE_FAN) return undefined;
  const vertexCount = position.getCount();
  const skin = node.getSkin();
  const jointMatrices = skin ? skinJointMatrices(skin.listJoints(), skin.getInverseBindMatrices()) : undefined;
  const joints = primitive.getAttribute('JOINTS_0');
  const weights = primitive.getAttribute('WEIGHTS_0');

  const positions = new Float32Array(toFloat32(position, 3));
  const normalAccessor = primitive.getAttribute('NORMAL');
  const normals = normalAccessor ? new Float32Array(toFloat32(normalAccessor, 3)) : undefined;
  let mirrored: boolean;
  if (jointMatrices && joints && weights) {
    // glTF: the skinned mesh node's own transform is ignored; joints alone place the vertices.
    applySkin(positions, normals, toFloat32(joints, 4), toFloat32(weights, 4), jointMatrices);
    mirrored = false;
  } else {
    const matrix = node.getWorldMatrix();
    transformPoints(positions, matrix);
    if (normals) transformNormals(normals, normalMatrix(matrix));
    mirrored = determinant3(matrix) < 0;
  }

  const material = primitive.getMaterial();
  const texCoord = material?.getBaseColorTextureInfo()?.getTexCoord() ?? 0;
  const uvAccessor = primitive.getAttribute(`TEXCOORD_${texCoord}`) ?? primitive.getAttribute('TEXCOORD_0');
  const colorAccessor = primitive.getAttribute('COLOR_0');
  return {
    nodeName: node.getName() || node.getMesh()?.getName() || '',
    material,
    positions,
    normals,
    uvs: uvAccessor ? toFloat32(uvAccessor, 2) : undefined,
    colors: colorAccessor ? toFloat32(colorAccessor, 3) : undefined,
    indices: triangleList(primitive.getIndices(), vertexCount, mode, mirrored),
  };
}

/** The accessor's values as floats, `width` components per element (extra components are dropped). */
function toFloat32(accessor: Accessor, width: number): Float32Array {
  const size = accessor.getElementSize();
  const array = accessor.getArray();
  if (size === width && accessor.getComponentType() === FLOAT && array instanceof Float32Array) return array;
  const count = accessor.getCount();
  const out = new Float32Array(count * width);
  const element: number[] = [];
  for (let index = 0; index < count; index++) {
    accessor.getElement(index, element); // decodes normalised integers
    for (let component = 0; component < width; component++) out[index * width + component] = element[component] ?? 0;
  }
  return out;
}

function triangleList(indices: Accessor | null, vertexCount: number, mode: number, mirrored: boolean): Uint32Array {
  const source = indices ? indices.getArray()! : undefined;
  const length = source ? source.length : vertexCount;
  const at = (index: number): number => (source ? source[index] : index);
  let triangles: Uint32Array;
  if (mode === MODE_TRIANGLES) {
    triangles = new Uint32Array(length - (length % 3));
    for (let index = 0; index < triangles.length; index++) triangles[index] = at(index);
  } else {
    const count = Math.max(0, length - 2);
    triangles = new Uint32Array(count * 3);
    for (let index = 0; index < count; index++) {
      const [a, b, c] =
        mode === MODE_TRIANGLE_FAN
          ? [at(0), at(index + 1), at(index + 2)]
          : index % 2 === 0
            ? [at(index), at(index + 1), at(index + 2)]
            : [at(index + 1), at(index), at(index + 2)];
      triangles.set([a, b, c], index * 3);
    }
  }
  if (mirrored) {
    for (let index = 0; index < triangles.length; index += 3) {
      const swap = triangles[index + 1];
      triangles[index + 1] = triangles[index + 2];
      triangles[index + 2] = swap;
    }
  }
  return triangles;
}

function skinJointMatrices(joints: Node[], inverseBindMatrices: Accessor | null): Float64Array[] {
  const element: number[] = [];
  return joints.map((joint, index) => {
    const inverseBind = inverseBindMatrices ? inverseBindMatrices.getElement(index, element) : IDENTITY4;
    return multiply4(joint.getWorldMatrix(), inverseBind);
  });
}

function applySkin(
  positions: Float32Array,
  normals: Float32Array | undefined,
  joints: Float32Array,
  weights: Float32Array,
  matrices: Float64Array[],
): void {
  const blended = new Float64Array(16);
  for (let vertex = 0; vertex < positions.length / 3; vertex++) {
    blended.fill(0);
    for (let influence = 0; influence < 4; influence++) {
      const weight = weights[vertex * 4 + influence];
      const matrix = matrices[joints[vertex * 4 + influence]];
      if (!weight || !matrix) continue;
      for (let cell = 0; cell < 16; cell++) blended[cell] += weight * matrix[cell];
    }
    transformPoint(positions, vertex * 3, blended);
    if (normals) transformDirection(normals, vertex * 3, blended);
  }
}

function transformPoints(positions: Float32Array, m: Matrix4): void {
  for (let offset = 0; offset < positions.length; offset += 3) transformPoint(positions, offset, m);
}

function transformPoint(p: Float32Array, offset: number, m: Matrix4): void {
  const x = p[offset],
    y = p[offset + 1],
    z = p[offset + 2];
  p[offset] = m[0] * x + m[4] * y + m[8] * z + m[12];
  p[offset + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
  p[offset + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
}

function transformNormals(normals: Float32Array, m: Matrix4): void {
  for (let offset = 0; offset < normals.length; offset += 3) transformDirection(normals, offset, m);
}

/** Multiplies by the upper 3×3 of a column-major 4×4 (or a 3×3 padded to 4×4) and renormalises. */
function transformDirection(n: Float32Array, offset: number, m: Matrix4): void {
  const x = n[offset],
    y = n[offset + 1],
    z = n[offset + 2];
  const nx = m[0] * x + m[4] * y + m[8] * z;
  const ny = m[1] * x + m[5] * y + m[9] * z;
  const nz = m[2] * x + m[6] * y + m[10] * z;
  const length = Math.hypot(nx, ny, nz) || 1;
  n[offset] = nx / length;
  n[offset + 1] = ny / length;
  n[offset + 2] = nz / length;
}

/** Inverse-transpose of the upper 3×3, laid out as a 4×4 so transformDirection can use it. */
function normalMatrix(m: Matrix4): Float64Array {
  const [a, b, c, d, e, f, g, h, i] = [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]];
  const det = a * (e * i - f * h) - d * (b * i - c * h) + g * (b * f - c * e) || 1;
  // Cofactor matrix / det is the inverse-transpose.
  const out = new Float64Array(16);
  out[0] = (e * i - f * h) / det;
  out[1] = (g * f - d * i) / det;
  out[2] = (d * h - g * e) / det;
  out[4] = (h * c - b * i) / det;
  out[5] = (a * i - g * c) / det;
  out[6] = (g * b - a * h) / det;
  out[8] = (b * f - e * c) / det;
  out[9] = (d * c - a * f) / det;
  out[10] = (a * e - d * b) / det;
  return out;
}

function determinant3(m: Matrix4): number {
  return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[4] * (m[1] * m[10] - m[2] * m[9]) + m[8] * (m[1] * m[6] - m[2] * m[5]);
}
