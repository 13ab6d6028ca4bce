// Bounds the cost of the skin-weight solve on dense meshes: the bone-heat system is solved on a decimated copy
// (meshoptimizer's quadric simplifier, which keeps a subset of the original vertices) and the weights are
// carried back: a kept vertex keeps its own, every other vertex takes those of the kept vertex it reaches first
// along the mesh's edges (breadth-first from all kept vertices at once), then two rounds of neighbour averaging
// smooth the small steps that leaves. Weights are smooth functions over the surface, so a few thousand
// vertices describe them as well as a few hundred thousand; the factorisation's time and memory grow faster
// than linearly with the vertex count, which is what this avoids.
import { MeshoptSimplifier } from 'meshoptimizer';

export interface WeightProxy {
  positions: Float32Array;
  triangles: Uint32Array;
  /** proxy vertex of each original vertex, −1 where it was removed */
  proxyOf: Int32Array;
}

/** A decimated copy with at most about `maxVertices` vertices, or undefined when the mesh is already that small. */
export async function buildWeightProxy(
  positions: Float32Array,
  triangles: Uint32Array,
  maxVertices: number,
): Promise<WeightProxy | undefined> {
  const vertexCount = positions.length / 3;
  if (vertexCount <= maxVertices) return undefined;
  await MeshoptSimplifier.ready;
  const target = Math.floor((triangles.length * maxVertices) / vertexCount / 3) * 3;
  const [simplified] = MeshoptSimplifier.simplify(triangles, positions, 3, target, 0.05, []);
  if (simplified.length === 0) return undefined;
  const proxyOf = new Int32Array(vertexCount).fill(-1);
  let kept = 0;
  for (const vertex of simplified) if (proxyOf[vertex] < 0) proxyOf[vertex] = kept++;
  const proxyPositions = new Float32Array(kept * 3);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const proxy = proxyOf[vertex];
    if (proxy >= 0) proxyPositions.set(positions.subarray(vertex * 3, vertex * 3 + 3), proxy * 3);
  }
  return { positions: proxyPositions, triangles: Uint32Array.from(simplified, (vertex) => proxyOf[vertex]), proxyOf };
}

/** Per-joint weights (`width` per vertex) and nearest joints on the original mesh, from those of the proxy. */
export function transferProxyWeights(
  proxy: WeightProxy,
  positions: Float32Array,
  triangles: Uint32Array,
  proxyWeights: Float32Array,
  proxyNearest: Int32Array,
  width: number,
): { weights: Float32Array; nearestJoint: Int32Array } {
  const vertexCount = positions.length / 3;
  const { start, neighbours } = adjacency(vertexCount, triangles);
  const owner = new Int32Array(vertexCount).fill(-1);
  const queue = new Int32Array(vertexCount);
  let head = 0,
    tail = 0;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    if (proxy.proxyOf[vertex] < 0) continue;
    owner[vertex] = proxy.proxyOf[vertex];
    queue[tail++] = vertex;
  }
  while (head < tail) {
    const vertex = queue[head++];
    for (let k = start[vertex]; k < start[vertex + 1]; k++) {
      const next = neighbours[k];
      if (owner[next] >= 0) continue;
      owner[next] = owner[vertex];
      queue[tail++] = next;
    }
  }
  // Pieces the simplifier removed entirely: the nearest kept vertex in space.
  for (let vertex = 0; vertex < vertexCount; vertex++)
    if (owner[vertex] < 0) owner[vertex] = nearestProxyVertex(proxy.positions, positions, vertex);

  let weights = new Float32Array(vertexCount * width);
  const nearestJoint = new Int32Array(vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    weights.set(proxyWeights.subarray(owner[vertex] * width, owner[vertex] * width + width), vertex * width);
    nearestJoint[vertex] = proxyNearest[owner[vertex]];
  }
  for (let round = 0; round < 2; round++) {
    const next = weights.slice();
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      const count = start[vertex + 1] - start[vertex];
      if (proxy.proxyOf[vertex] >= 0 || count === 0) continue;
      for (let joint = 0; joint < width; joint++) {
        let sum = weights[vertex * width + joint];
        for (let k = start[vertex]; k < start[vertex + 1]; k++) sum += weights[neighbours[k] * width + joint];
        next[vertex * width + joint] = sum / (count + 1);
      }
    }
    weights = next;
  }
  return { weights, nearestJoint };
}

/** Vertex neighbours from triangles, compressed: neighbours of v are neighbours[start[v] .. start[v + 1]]. */
function adjacency(vertexCount: number, triangles: Uint32Array): { start: Int32Array; neighbours: Int32Array } {
  const degree = new Int32Array(vertexCount + 1);
  for (let t = 0; t < triangles.length; t += 3) for (let k = 0; k < 3; k++) degree[triangles[t + k] + 1] += 2;
  for (let vertex = 0; vertex < vertexCount; vertex++) degree[vertex + 1] += degree[vertex];
  const neighbours = new Int32Array(degree[vertexCount]);
  const cursor = degree.slice(0, vertexCount);
  for (let t = 0; t < triangles.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const a = triangles[t + k],
        b = triangles[t + ((k + 1) % 3)],
        c = triangles[t + ((k + 2) % 3)];
      neighbours[cursor[a]++] = b;
      neighbours[cursor[a]++] = c;
    }
  }
  return { start: degree, neighbours };
}

function nearestProxyVertex(proxyPositions: Float32Array, positions: Float32Array, vertex: number): number {
  let best = 0,
    bestDistance = Infinity;
  const [x, y, z] = [positions[vertex * 3], positions[vertex * 3 + 1], positions[vertex * 3 + 2]];
  for (let proxy = 0; proxy < proxyPositions.length / 3; proxy++) {
    const distance =
      (proxyPositions[proxy * 3] - x) ** 2 +
      (proxyPositions[proxy * 3 + 1] - y) ** 2 +
      (proxyPositions[proxy * 3 + 2] - z) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [proxy, distance];
  }
  return best;
}
