// The model as a whole, for mesh_completion: which open edges of one part are closed by another part (the seams
// mesh_segmentation cut, where two parts meet: not holes of the model), and whether the assembled model — every
// part in world space, welded by position — is one watertight manifold (manifold-3d, check-watertight.ts).

import type { Document } from '@gltf-transform/core';
import { collectWorldTriangles } from '../mesh/collect-world-triangles.ts';
import { boundingDiagonal, weldPositions } from '../segmentation/weld-positions.ts';
import { checkWatertight, type WatertightReport } from './check-watertight.ts';

type Matrix4 = ArrayLike<number>;

/** Quantises world points so that the same point seen from two parts gets the same key. */
export class WorldPointKeys {
  constructor(private readonly cell: number) {}

  static forDocument(document: Document): WorldPointKeys {
    const all = collectWorldTriangles(document).flatMap((primitive) => Array.from(primitive.positions));
    return new WorldPointKeys(Math.max(boundingDiagonal(all) * 1e-5, 1e-9));
  }

  key(local: ArrayLike<number>, offset: number, matrix: Matrix4): string {
    const x = local[offset],
      y = local[offset + 1],
      z = local[offset + 2];
    const wx = matrix[0] * x + matrix[4] * y + matrix[8] * z + matrix[12];
    const wy = matrix[1] * x + matrix[5] * y + matrix[9] * z + matrix[13];
    const wz = matrix[2] * x + matrix[6] * y + matrix[10] * z + matrix[14];
    return `${Math.round(wx / this.cell)},${Math.round(wy / this.cell)},${Math.round(wz / this.cell)}`;
  }
}

/** Open (boundary) edges of a welded surface, as undirected world-point key pairs. */
export function openEdgeKeys(
  positions: Float64Array,
  triangles: Uint32Array,
  matrix: Matrix4,
  keys: WorldPointKeys,
): Set<string> {
  const directed = new Set<string>();
  for (let corner = 0; corner < triangles.length; corner += 3) {
    for (let k = 0; k < 3; k++) directed.add(`${triangles[corner + k]},${triangles[corner + ((k + 1) % 3)]}`);
  }
  const open = new Set<string>();
  for (const edge of directed) {
    const [a, b] = edge.split(',').map(Number);
    if (directed.has(`${b},${a}`)) continue;
    open.add(edgeKey(keys.key(positions, a * 3, matrix), keys.key(positions, b * 3, matrix)));
  }
  return open;
}

export function edgeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The whole default scene welded in world space and checked by manifold-3d. */
export async function checkAssembledModel(document: Document): Promise<WatertightReport> {
  const primitives = collectWorldTriangles(document);
  const vertexTotal = primitives.reduce((sum, primitive) => sum + primitive.positions.length / 3, 0);
  const positions = new Float32Array(vertexTotal * 3);
  const triangles = new Uint32Array(primitives.reduce((sum, primitive) => sum + primitive.indices.length, 0));
  let vertexBase = 0,
    corner = 0;
  for (const primitive of primitives) {
    positions.set(primitive.positions, vertexBase * 3);
    for (const index of primitive.indices) triangles[corner++] = vertexBase + index;
    vertexBase += primitive.positions.length / 3;
  }
  const welded = weldPositions(positions, triangles);
  return checkWatertight(welded.positions, welded.triangles);
}
