// Smooths a level-set mesh's grid steps without shrinking it: Taubin's λ|μ smoothing (Taubin, "A Signal
// Processing Approach to Fair Surface Design", SIGGRAPH 1995): alternating umbrella-operator steps with a
// positive and a slightly larger negative factor, a low-pass filter on the surface. Topology never changes,
// so a closed mesh stays closed. Hand-written: it is a loop over a vertex-neighbour list.
import type { TriangleMesh } from './level-set-mesh.ts';

export interface SmoothMeshOptions {
  iterations?: number;
  lambda?: number;
  mu?: number;
}

export const SMOOTH_MESH_DEFAULTS: Required<SmoothMeshOptions> = { iterations: 6, lambda: 0.5, mu: -0.53 };

export function smoothMesh(mesh: TriangleMesh, options: SmoothMeshOptions = {}): TriangleMesh {
  const { iterations, lambda, mu } = { ...SMOOTH_MESH_DEFAULTS, ...options };
  const vertexCount = mesh.positions.length / 3;
  const { offsets, neighbours } = vertexNeighbours(mesh.indices, vertexCount);
  let current = Float32Array.from(mesh.positions);
  let next = new Float32Array(current.length);
  for (let iteration = 0; iteration < iterations * 2; iteration++) {
    const factor = iteration % 2 === 0 ? lambda : mu;
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      const start = offsets[vertex];
      const end = offsets[vertex + 1];
      const count = end - start;
      for (let axis = 0; axis < 3; axis++) {
        const own = current[vertex * 3 + axis];
        if (count === 0) {
          next[vertex * 3 + axis] = own;
          continue;
        }
        let sum = 0;
        for (let index = start; index < end; index++) sum += current[neighbours[index] * 3 + axis];
        next[vertex * 3 + axis] = own + factor * (sum / count - own);
      }
    }
    [current, next] = [next, current];
  }
  return { positions: current, indices: mesh.indices };
}

/** Each vertex's distinct edge neighbours, as CSR arrays. */
export function vertexNeighbours(
  indices: Uint32Array,
  vertexCount: number,
): { offsets: Int32Array; neighbours: Int32Array } {
  const sets: number[][] = Array.from({ length: vertexCount }, () => []);
  for (let corner = 0; corner < indices.length; corner += 3) {
    for (let side = 0; side < 3; side++) {
      const a = indices[corner + side];
      const b = indices[corner + ((side + 1) % 3)];
      if (!sets[a].includes(b)) sets[a].push(b);
      if (!sets[b].includes(a)) sets[b].push(a);
    }
  }
  const offsets = new Int32Array(vertexCount + 1);
  for (let vertex = 0; vertex < vertexCount; vertex++) offsets[vertex + 1] = offsets[vertex] + sets[vertex].length;
  const neighbours = new Int32Array(offsets[vertexCount]);
  for (let vertex = 0; vertex < vertexCount; vertex++) neighbours.set(sets[vertex], offsets[vertex]);
  return { offsets, neighbours };
}
