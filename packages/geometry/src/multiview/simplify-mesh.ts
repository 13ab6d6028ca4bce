// Decimates a closed triangle mesh to a triangle budget with meshoptimizer's quadric edge collapse (Garland &
// Heckbert 1997) and drops the vertices no triangle uses any more. Runs before texturing, so no attribute
// seams exist yet and only positions matter.
import { MeshoptSimplifier } from 'meshoptimizer';
import type { TriangleMesh } from './level-set-mesh.ts';

export async function simplifyMesh(mesh: TriangleMesh, maxTriangles: number): Promise<TriangleMesh> {
  if (mesh.indices.length / 3 <= maxTriangles) return mesh;
  await MeshoptSimplifier.ready;
  const targetIndexCount = Math.max(3, Math.floor(maxTriangles) * 3);
  let [indices] = MeshoptSimplifier.simplify(mesh.indices, mesh.positions, 3, targetIndexCount, 0.05, []);
  if (indices.length > targetIndexCount)
    [indices] = MeshoptSimplifier.simplify(mesh.indices, mesh.positions, 3, targetIndexCount, 1, []);
  if (indices.length > targetIndexCount)
    [indices] = MeshoptSimplifier.simplifySloppy(mesh.indices, mesh.positions, 3, null, targetIndexCount, 1);
  return compactMesh({
    positions: mesh.positions,
    indices: Uint32Array.from(indices.subarray(0, Math.min(indices.length, targetIndexCount))),
  });
}

export function compactMesh(mesh: TriangleMesh): TriangleMesh {
  const remap = new Int32Array(mesh.positions.length / 3).fill(-1);
  let next = 0;
  const indices = new Uint32Array(mesh.indices.length);
  for (let corner = 0; corner < mesh.indices.length; corner++) {
    const vertex = mesh.indices[corner];
    if (remap[vertex] === -1) remap[vertex] = next++;
    indices[corner] = remap[vertex];
  }
  const positions = new Float32Array(next * 3);
  for (let vertex = 0; vertex < remap.length; vertex++) {
    if (remap[vertex] >= 0) positions.set(mesh.positions.subarray(vertex * 3, vertex * 3 + 3), remap[vertex] * 3);
  }
  return { positions, indices };
}

/** Area-weighted vertex normals, unit length. */
export function vertexNormals(mesh: TriangleMesh): Float32Array {
  const { positions, indices } = mesh;
  const normals = new Float32Array(positions.length);
  for (let corner = 0; corner < indices.length; corner += 3) {
    const a = indices[corner] * 3,
      b = indices[corner + 1] * 3,
      c = indices[corner + 2] * 3;
    const e1x = positions[b] - positions[a],
      e1y = positions[b + 1] - positions[a + 1],
      e1z = positions[b + 2] - positions[a + 2];
    const e2x = positions[c] - positions[a],
      e2y = positions[c + 1] - positions[a + 1],
      e2z = positions[c + 2] - positions[a + 2];
    const nx = e1y * e2z - e1z * e2y,
      ny = e1z * e2x - e1x * e2z,
      nz = e1x * e2y - e1y * e2x;
    for (const vertex of [a, b, c]) {
      normals[vertex] += nx;
      normals[vertex + 1] += ny;
      normals[vertex + 2] += nz;
    }
  }
  for (let vertex = 0; vertex < normals.length; vertex += 3) {
    const length = Math.hypot(normals[vertex], normals[vertex + 1], normals[vertex + 2]) || 1;
    normals[vertex] /= length;
    normals[vertex + 1] /= length;
    normals[vertex + 2] /= length;
  }
  return normals;
}
