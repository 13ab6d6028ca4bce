// Entry point of mesh segmentation (the method is described in segment-face-graph.ts). Meshes above
// `proxyFaceCount` triangles are segmented on a proxy simplified by meshoptimizer (quadric error metrics keep the
// creases that part boundaries follow): it bounds the cost, and it makes the fold angles the cut tests measure
// independent of how finely the input was tessellated (a smooth joint spreads its fold over more, flatter edges
// on a denser mesh). The proxy's parts are carried back to every face and their boundaries refined on the full
// mesh by a graph cut in a band around each.
import type { MeshoptSimplifier as MeshoptSimplifierModule } from 'meshoptimizer';
import { buildFaceGraph, labelComponents, type FaceGraph } from './build-face-graph.ts';
import { mergeWeakParts, totalArea } from './merge-weak-parts.ts';
import { refinePartBoundaries } from './refine-part-boundaries.ts';
import { cutWeights, GRANULARITY_SETTINGS, segmentFaceGraph, type SegmentFaceGraphOptions } from './segment-face-graph.ts';
import { transferProxyParts } from './transfer-proxy-parts.ts';

export interface SegmentMeshOptions extends SegmentFaceGraphOptions {
  /** meshoptimizer's simplifier (awaited `.ready`); without it, every mesh is segmented at full resolution. */
  simplifier?: typeof MeshoptSimplifierModule;
  proxyFaceCount?: number;
}

export const SEGMENT_MESH_DEFAULTS = { proxyFaceCount: 16_000 } as const;

/** A boundary carried from the proxy may move this many proxy edge lengths when it is refined. */
const BAND_PROXY_EDGES = 1.5;

export interface MeshSegmentation {
  graph: FaceGraph;
  /** Part id per face (0 = largest area). */
  partOf: Int32Array;
  partCount: number;
}

/** `positions` welded (see weld-positions.ts): parts follow the mesh's connectivity. */
export function segmentMesh(positions: Float64Array, triangles: Uint32Array, options: SegmentMeshOptions = {}): MeshSegmentation {
  const graph = buildFaceGraph(positions, triangles);
  const proxyFaceCount = options.proxyFaceCount ?? SEGMENT_MESH_DEFAULTS.proxyFaceCount;
  let partOf: Int32Array;
  if (!options.simplifier || graph.faceCount <= proxyFaceCount) {
    partOf = segmentFaceGraph(graph, options);
  } else {
    const proxyTriangles = simplifyProxy(positions, triangles, proxyFaceCount, options.simplifier);
    const proxy = buildFaceGraph(positions, proxyTriangles);
    const proxyParts = segmentFaceGraph(proxy, options);
    const carried = transferProxyParts(positions, triangles, proxyTriangles, proxyParts, graph.componentOf);
    const proxyEdgeLength = Math.sqrt((4 * totalArea(proxy)) / Math.sqrt(3) / Math.max(1, proxy.faceCount));
    const refined = refinePartBoundaries(graph, carried, cutWeights(graph), BAND_PROXY_EDGES * proxyEdgeLength);
    const regions = new Uint32Array(graph.faceCount);
    labelComponents(graph, (_edge, from, to) => refined[from] === refined[to], regions);
    const settings = GRANULARITY_SETTINGS[options.granularity ?? 'balanced'];
    partOf = mergeWeakParts(graph, Int32Array.from(regions), new Float64Array(graph.faceCount), {
      minConcaveAngle: 1,
      minThicknessContrast: 1,
      minAreaFraction: settings.minAreaFraction,
      keepComponentsApart: options.keepComponentsApart ?? false,
      mergeWeakCuts: false,
    });
  }
  let partCount = 0;
  for (const part of partOf) partCount = Math.max(partCount, part + 1);
  return { graph, partOf, partCount };
}

/** Triangles (indices into `positions`) of a simplified copy with about `targetFaceCount` faces. */
function simplifyProxy(positions: Float64Array, triangles: Uint32Array, targetFaceCount: number, simplifier: typeof MeshoptSimplifierModule): Uint32Array {
  const [indices] = simplifier.simplify(Uint32Array.from(triangles), Float32Array.from(positions), 3, targetFaceCount * 3, 0.05, []);
  return indices;
}
