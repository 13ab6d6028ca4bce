// The primitives texture_model repaints: every triangle-list primitive the default scene draws (only those of the
// nodes or meshes named in `partNames`, when given), each once even if instanced, with its geometry in world
// space (the first node drawing it places it; a skinned mesh is taken in its bind pose) for unwrapping and
// projection. Strips and fans are left as they are.
import type { Document, Node, Primitive } from '@gltf-transform/core';
import { listSceneRoots } from '../mesh/list-primitive-uses.ts';
import { ModelInputError } from '../read/model-input-error.ts';

export interface TextureTarget {
  primitive: Primitive;
  /** World-space xyz and unit normals (when the primitive has normals) per vertex. */
  positions: Float32Array;
  normals?: Float32Array;
  indices: Uint32Array;
  /** The node mirrors the mesh, so `indices` were flipped to face outwards in world space. */
  flippedWinding: boolean;
}

const MODE_TRIANGLES = 4;

export function collectTextureTargets(
  document: Document,
  partNames?: readonly string[],
): { targets: TextureTarget[]; unmatchedPartNames: string[] } {
  const wanted = partNames && partNames.length > 0 ? new Set(partNames) : undefined;
  const matched = new Set<string>();
  const seen = new Set<Primitive>();
  const targets: TextureTarget[] = [];
  for (const root of listSceneRoots(document)) {
    root.traverse((node: Node) => {
      const mesh = node.getMesh();
      if (!mesh) return;
      if (wanted) {
        const hit = [node.getName(), mesh.getName()].find((name) => wanted.has(name));
        if (hit === undefined) return;
        matched.add(hit);
      }
      const matrix = node.getSkin() ? undefined : node.getWorldMatrix();
      for (const primitive of mesh.listPrimitives()) {
        const position = primitive.getAttribute('POSITION');
        if (seen.has(primitive) || primitive.getMode() !== MODE_TRIANGLES || !position) continue;
        seen.add(primitive);
        targets.push(worldTarget(primitive, matrix));
      }
    });
  }
  const unmatchedPartNames = [...(wanted ?? [])].filter((name) => !matched.has(name));
  if (wanted && matched.size === 0)
    throw new ModelInputError(`None of part_names (${[...wanted].join(', ')}) names a part of this model.`);
  if (targets.length === 0) throw new ModelInputError('The model has no triangles to texture.');
  return { targets, unmatchedPartNames };
}

function worldTarget(primitive: Primitive, matrix: ArrayLike<number> | undefined): TextureTarget {
  const position = primitive.getAttribute('POSITION')!;
  const count = position.getCount();
  const positions = new Float32Array(count * 3);
  const element: number[] = [];
  for (let vertex = 0; vertex < count; vertex++) {
    position.getElement(vertex, element);
    if (matrix) {
      const [x, y, z] = element;
      positions.set(
        [
          matrix[0] * x + matrix[4] * y + matrix[8] * z + matrix[12],
          matrix[1] * x + matrix[5] * y + matrix[9] * z + matrix[13],
          matrix[2] * x + matrix[6] * y + matrix[10] * z + matrix[14],
        ],
        vertex * 3,
      );
    } else positions.set(element.slice(0, 3), vertex * 3);
  }
  const normalAccessor = primitive.getAttribute('NORMAL');
  let normals: Float32Array | undefined;
  if (normalAccessor) {
    normals = new Float32Array(count * 3);
    for (let vertex = 0; vertex < count; vertex++) {
      normalAccessor.getElement(vertex, element);
      let [x, y, z] = element;
      if (matrix) {
        // Rigid and uniformly scaled transforms (the usual case) keep normals under the upper 3×3; renormalised.
        [x, y, z] = [
          matrix[0] * x + matrix[4] * y + matrix[8] * z,
          matrix[1] * x + matrix[5] * y + matrix[9] * z,
          matrix[2] * x + matrix[6] * y + matrix[10] * z,
        ];
      }
      const length = Math.hypot(x, y, z) || 1;
      normals.set([x / length, y / length, z / length], vertex * 3);
    }
  }
  const indexArray = primitive.getIndices()?.getArray();
  const indices = indexArray
    ? Uint32Array.from(indexArray.subarray(0, indexArray.length - (indexArray.length % 3)))
    : Uint32Array.from({ length: count - (count % 3) }, (_, index) => index);
  const flippedWinding = matrix !== undefined && determinant3(matrix) < 0;
  if (flippedWinding) {
    for (let corner = 0; corner < indices.length; corner += 3)
      [indices[corner + 1], indices[corner + 2]] = [indices[corner + 2], indices[corner + 1]];
  }
  return { primitive, positions, normals, indices, flippedWinding };
}

function determinant3(m: ArrayLike<number>): number {
  return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[4] * (m[1] * m[10] - m[2] * m[9]) + m[8] * (m[1] * m[6] - m[2] * m[5]);
}
