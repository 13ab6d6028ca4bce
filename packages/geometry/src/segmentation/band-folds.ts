// The fold across a cut measured at the scale of the parts rather than of the triangles. Between two faces the
// dihedral angle depends on tessellation: a smooth joint turns by the same total angle on a coarse and a fine
// mesh, but spread over more, flatter edges on the fine one. So each face on a cut is given a band: the faces of
// its own part within `bandFraction` × that part's median thickness along the surface (a bounded Dijkstra from
// all cut faces at once, never crossing into another part), and the band's area-weighted mean normal and
// centroid. The fold across a cut edge is the angle between the two bands' normals, a valley when the far band's
// centroid lies on the side the near band's normal points to — the integrated turning of the surface across
// the joint, as a mesh-independent measure.
import { otherFace, type FaceGraph } from './build-face-graph.ts';
import { MinHeap } from './min-heap.ts';

export interface BandFolds {
  /** Per dual edge between two different parts (others 0): the fold angle across it, radians. */
  angle: Float64Array;
  concave: Uint8Array;
}

export function bandFolds(
  graph: FaceGraph,
  parts: Int32Array,
  partThickness: Float64Array,
  bandFraction: number,
): BandFolds {
  const { faceCount } = graph;
  const radius = new Float64Array(faceCount);
  const distance = new Float64Array(faceCount).fill(Infinity);
  const source = new Int32Array(faceCount).fill(-1);
  const heap = new MinHeap(faceCount);
  for (let face = 0; face < faceCount; face++) {
    if (parts[face] < 0) continue;
    for (let slot = graph.adjacencyStart[face]; slot < graph.adjacencyStart[face + 1]; slot++) {
      const neighbour = otherFace(graph, graph.adjacencyEdge[slot], face);
      if (parts[neighbour] >= 0 && parts[neighbour] !== parts[face]) {
        distance[face] = 0;
        source[face] = face;
        radius[face] = bandFraction * partThickness[parts[face]];
        heap.push(0, face);
        break;
      }
    }
  }
  while (heap.size > 0) {
    const face = heap.popValue();
    const limit = radius[source[face]];
    for (let slot = graph.adjacencyStart[face]; slot < graph.adjacencyStart[face + 1]; slot++) {
      const edge = graph.adjacencyEdge[slot];
      const next = otherFace(graph, edge, face);
      if (parts[next] !== parts[face]) continue;
      const candidate = distance[face] + graph.edgeSpan[edge];
      if (candidate > limit || candidate >= distance[next]) continue;
      distance[next] = candidate;
      source[next] = source[face];
      heap.push(candidate, next);
    }
  }

  // Band sums per cut face (normal × area, centroid × area, area).
  const sums = new Map<number, Float64Array>();
  for (let face = 0; face < faceCount; face++) {
    const owner = source[face];
    if (owner < 0) continue;
    let sum = sums.get(owner);
    if (!sum) sums.set(owner, (sum = new Float64Array(7)));
    const area = graph.areas[face] + 1e-30;
    for (let axis = 0; axis < 3; axis++) {
      sum[axis] += graph.normals[face * 3 + axis] * area;
      sum[3 + axis] += graph.centroids[face * 3 + axis] * area;
    }
    sum[6] += area;
  }

  const angle = new Float64Array(graph.edgeCount);
  const concave = new Uint8Array(graph.edgeCount);
  for (let edge = 0; edge < graph.edgeCount; edge++) {
    const p = graph.edgeFaces[edge * 2],
      q = graph.edgeFaces[edge * 2 + 1];
    if (parts[p] === parts[q] || parts[p] < 0 || parts[q] < 0) continue;
    const near = sums.get(p)!,
      far = sums.get(q)!;
    const nearLength = Math.hypot(near[0], near[1], near[2]) || 1,
      farLength = Math.hypot(far[0], far[1], far[2]) || 1;
    const dot = (near[0] * far[0] + near[1] * far[1] + near[2] * far[2]) / (nearLength * farLength);
    angle[edge] = Math.acos(Math.max(-1, Math.min(1, dot)));
    let side = 0;
    for (let axis = 0; axis < 3; axis++)
      side += (far[3 + axis] / far[6] - near[3 + axis] / near[6]) * (near[axis] / nearLength);
    concave[edge] = side > 0 ? 1 : 0;
  }
  return { angle, concave };
}
