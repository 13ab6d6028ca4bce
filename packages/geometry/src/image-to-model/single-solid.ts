// The promise image_to_model makes about its mesh: one connected, closed piece. Connected pieces are counted by
// union-find over the triangles' shared vertices; specks far below the model's size (what a level set can leave
// at a pinch) are dropped and reported; anything larger fails the task rather than deliver fragments. Closedness
// is manifold-3d's own test (completion/check-watertight.ts).
import { checkWatertight } from '../completion/check-watertight.ts';
import type { TriangleMesh } from '../multiview/level-set-mesh.ts';
import { compactMesh } from '../multiview/simplify-mesh.ts';
import { FragmentedModelError } from './analyse-photo.ts';

/** Pieces with fewer than this share of the triangles are specks, dropped; a larger second piece fails the task. */
const MAX_SPECK_SHARE = 0.01;

export interface SingleSolid {
  mesh: TriangleMesh;
  /** Pieces dropped as specks and their share of the triangles. */
  droppedPieces: number;
  droppedTriangleShare: number;
  watertight: boolean;
}

export async function singleSolid(mesh: TriangleMesh): Promise<SingleSolid> {
  const pieces = meshPieces(mesh);
  const triangleCount = mesh.indices.length / 3;
  const order = pieces.triangleCounts
    .map((_, index) => index)
    .sort((a, b) => pieces.triangleCounts[b] - pieces.triangleCounts[a]);
  const largest = order[0];
  const others = order.slice(1);
  const otherTriangles = others.reduce((sum, piece) => sum + pieces.triangleCounts[piece], 0);
  if (others.some((piece) => pieces.triangleCounts[piece] > triangleCount * MAX_SPECK_SHARE))
    throw new FragmentedModelError(order.length);
  let kept = mesh;
  if (others.length > 0) {
    const indices: number[] = [];
    for (let triangle = 0; triangle < triangleCount; triangle++) {
      if (pieces.pieceOfTriangle[triangle] === largest)
        indices.push(mesh.indices[triangle * 3], mesh.indices[triangle * 3 + 1], mesh.indices[triangle * 3 + 2]);
    }
    kept = compactMesh({ positions: mesh.positions, indices: Uint32Array.from(indices) });
  }
  const report = await checkWatertight(Float64Array.from(kept.positions), kept.indices);
  return {
    mesh: kept,
    droppedPieces: others.length,
    droppedTriangleShare: triangleCount > 0 ? otherTriangles / triangleCount : 0,
    watertight: report.watertight,
  };
}

/** Connected pieces of a mesh (triangles sharing a vertex index), with each triangle's piece. */
export function meshPieces(mesh: TriangleMesh): { pieceOfTriangle: Int32Array; triangleCounts: number[] } {
  const vertexCount = mesh.positions.length / 3;
  const parent = Int32Array.from({ length: vertexCount }, (_, index) => index);
  const find = (vertex: number): number => {
    while (parent[vertex] !== vertex) {
      parent[vertex] = parent[parent[vertex]];
      vertex = parent[vertex];
    }
    return vertex;
  };
  const triangleCount = mesh.indices.length / 3;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const a = find(mesh.indices[triangle * 3]);
    for (let corner = 1; corner < 3; corner++) {
      const b = find(mesh.indices[triangle * 3 + corner]);
      if (a !== b) parent[b] = a;
    }
  }
  const pieceOfRoot = new Map<number, number>();
  const pieceOfTriangle = new Int32Array(triangleCount);
  const triangleCounts: number[] = [];
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const root = find(mesh.indices[triangle * 3]);
    let piece = pieceOfRoot.get(root);
    if (piece === undefined) {
      piece = triangleCounts.length;
      pieceOfRoot.set(root, piece);
      triangleCounts.push(0);
    }
    pieceOfTriangle[triangle] = piece;
    triangleCounts[piece]++;
  }
  return { pieceOfTriangle, triangleCounts };
}
