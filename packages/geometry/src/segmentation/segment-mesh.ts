// Entry point of mesh segmentation (the method is described in segment-face-graph.ts). Meshes above
// `proxyFaceCount` triangles are segmented on a proxy simplified by meshoptimizer (quadric error metrics keep the
// creases that part boundaries follow): it bounds the cost, and it makes the fold angles the cut tests measure
// independent of how finely the input was tessellated (a smooth joint spreads its fold over more, flatter edges
// on a denser mesh). The proxy's parts are carried back to every face and their boundaries refined on the full
// mesh by a graph cut in a band around each.
// Characters and animals the pre-rig analysis recognises are segmented by their fitted skeleton instead
// (segment-by-skeleton.ts: head, body, tail, limbs); on other models small separate pieces that touch a bigger
// part join it (merge-touching-pieces.ts), so hard-surface models built of many shells are not shattered.
import type { MeshoptSimplifier as MeshoptSimplifierModule } from 'meshoptimizer';
import { buildFaceGraph, labelComponents, type FaceGraph } from './build-face-graph.ts';
import { mergeWeakParts, totalArea } from './merge-weak-parts.ts';
import { refinePartBoundaries } from './refine-part-boundaries.ts';
import {
  cutWeights,
  GRANULARITY_SETTINGS,
  segmentFaceGraph,
  type SegmentFaceGraphOptions,
} from './segment-face-graph.ts';
import { mergeTouchingPieces } from './merge-touching-pieces.ts';
import { segmentBySkeleton } from './segment-by-skeleton.ts';
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
  /** Body part name per part id, when the model was segmented by its skeleton. */
  labels?: string[];
}

/** Hard-surface pieces under this share of the area join the part they touch, per granularity. */
const TOUCHING_PIECE_AREA_SHARE = { simple: 0.08, balanced: 0.04, detailed: 0.01 } as const;

/** `positions` welded (see weld-positions.ts): parts follow the mesh's connectivity. */
export function segmentMesh(
  positions: Float64Array,
  triangles: Uint32Array,
  options: SegmentMeshOptions = {},
): MeshSegmentation {
  const graph = buildFaceGraph(positions, triangles);
  const proxyFaceCount = options.proxyFaceCount ?? SEGMENT_MESH_DEFAULTS.proxyFaceCount;
  const granularity = options.granularity ?? 'balanced';
  let partOf: Int32Array;
  let labels: string[] | undefined;
  if (!options.simplifier || graph.faceCount <= proxyFaceCount) {
    const creature = options.keepComponentsApart ? undefined : segmentBySkeleton(graph, granularity);
    partOf = creature?.partOf ?? segmentFaceGraph(graph, options);
    labels = creature?.labels;
  } else {
    const proxyTriangles = simplifyProxy(positions, triangles, proxyFaceCount, options.simplifier);
    const proxy = buildFaceGraph(positions, proxyTriangles);
    const creature = options.keepComponentsApart ? undefined : segmentBySkeleton(proxy, granularity);
    const proxyParts = creature?.partOf ?? segmentFaceGraph(proxy, options);
    labels = creature?.labels;
    const carried = transferProxyParts(positions, triangles, proxyTriangles, proxyParts, graph.componentOf);
    const proxyEdgeLength = Math.sqrt((4 * totalArea(proxy)) / Math.sqrt(3) / Math.max(1, proxy.faceCount));
    const refined = refinePartBoundaries(graph, carried, cutWeights(graph), BAND_PROXY_EDGES * proxyEdgeLength);
    const regions = new Uint32Array(graph.faceCount);
    labelComponents(graph, (_edge, from, to) => refined[from] === refined[to], regions);
    const settings = GRANULARITY_SETTINGS[options.granularity ?? 'balanced'];
    partOf = creature
      ? relabelByArea(graph, refined, creature.labels, (names) => (labels = names))
      : mergeWeakParts(graph, Int32Array.from(regions), new Float64Array(graph.faceCount), {
          minConcaveAngle: 1,
          minThicknessContrast: 1,
          minAreaFraction: settings.minAreaFraction,
          keepComponentsApart: options.keepComponentsApart ?? false,
          mergeWeakCuts: false,
        });
  }
  if (!labels && !options.keepComponentsApart)
    partOf = mergeTouchingPieces(graph, partOf, { minAreaShare: TOUCHING_PIECE_AREA_SHARE[granularity] });
  let partCount = 0;
  for (const part of partOf) partCount = Math.max(partCount, part + 1);
  return { graph, partOf, partCount, ...(labels ? { labels } : {}) };
}

/** Parts renumbered by decreasing area, their names following; a label absent after refinement is dropped. */
function relabelByArea(
  graph: FaceGraph,
  parts: Int32Array,
  names: string[],
  setNames: (names: string[]) => void,
): Int32Array {
  const area = new Map<number, number>();
  for (let face = 0; face < graph.faceCount; face++)
    area.set(parts[face], (area.get(parts[face]) ?? 0) + graph.areas[face]);
  const order = [...area.keys()].sort((a, b) => area.get(b)! - area.get(a)!);
  setNames(order.map((part) => names[part]));
  const rank = new Map(order.map((part, index) => [part, index]));
  return Int32Array.from(parts, (part) => rank.get(part)!);
}

/** Triangles (indices into `positions`) of a simplified copy with about `targetFaceCount` faces. */
function simplifyProxy(
  positions: Float64Array,
  triangles: Uint32Array,
  targetFaceCount: number,
  simplifier: typeof MeshoptSimplifierModule,
): Uint32Array {
  const [indices] = simplifier.simplify(
    Uint32Array.from(triangles),
    Float32Array.from(positions),
    3,
    targetFaceCount * 3,
    0.05,
    [],
  );
  return indices;
}
