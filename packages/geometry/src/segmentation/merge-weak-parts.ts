// Keeps only meaningful cuts (cut-strength.ts): the weakest cut below strength 1 is merged first, again and
// again, as in the bottom-up merging of hierarchical face clustering (Garland, Willmott & Heckbert,
// "Hierarchical face clustering on polygonal surfaces", I3D 2001). Before that, parts smaller than
// `minAreaFraction` of the model join the neighbour they share the longest boundary with, and so do parts whose
// area is small against the square of their own thickness: the end cap of a prism, whose rays run the prism's
// length, looks thick but has almost no extent. A small piece with no neighbour (a separate component) joins the
// nearest part in space unless `keepComponentsApart`.
import type { FaceGraph } from './build-face-graph.ts';
import { cutStrength, partStats, valleyAngleOf, type CutCriteria } from './cut-strength.ts';

export interface MergeWeakPartsOptions extends CutCriteria {
  minAreaFraction: number;
  keepComponentsApart: boolean;
  /** False merges only parts that are too small (the cuts were judged already, on another mesh). */
  mergeWeakCuts?: boolean;
}

/** A part with less area than this times its squared (median) thickness is an end cap, not a part. */
const END_CAP_AREA_RATIO = 0.5;

/** Returns part ids renumbered 0..n-1 by decreasing area. */
export function mergeWeakParts(
  graph: FaceGraph,
  initialParts: Int32Array,
  logThickness: Float64Array,
  options: MergeWeakPartsOptions,
): Int32Array {
  const parts = Int32Array.from(initialParts);
  let partCount = 0;
  for (const part of parts) partCount = Math.max(partCount, part + 1);
  const parent = Int32Array.from({ length: partCount }, (_, index) => index);
  const find = (part: number): number => {
    while (parent[part] !== part) part = parent[part] = parent[parent[part]];
    return part;
  };
  const minArea = options.minAreaFraction * totalArea(graph);

  for (;;) {
    for (let face = 0; face < graph.faceCount; face++) parts[face] = find(parts[face]);
    const stats = partStats(graph, parts, logThickness, partCount, valleyAngleOf(options));
    const live = [...new Set(parts)];
    if (live.length <= 1) break;

    const longestNeighbour = new Map<number, { other: number; length: number }>();
    for (const [key, boundary] of stats.boundaries) {
      const low = Math.floor(key / partCount),
        high = key % partCount;
      for (const [part, other] of [
        [low, high],
        [high, low],
      ]) {
        const known = longestNeighbour.get(part);
        if (!known || boundary.length > known.length) longestNeighbour.set(part, { other, length: boundary.length });
      }
    }

    const endCap = (part: number) =>
      options.mergeWeakCuts !== false && stats.area[part] < END_CAP_AREA_RATIO * Math.exp(2 * stats.thickness[part]);
    const tooSmall = (part: number) => stats.area[part] < minArea || endCap(part);
    const smallest = live
      .filter((part) => tooSmall(part) && longestNeighbour.has(part))
      .sort((a, b) => stats.area[a] - stats.area[b])[0];
    if (smallest !== undefined) {
      parent[smallest] = longestNeighbour.get(smallest)!.other;
      continue;
    }

    let weakest: { low: number; high: number; strength: number } | undefined;
    for (const key of options.mergeWeakCuts === false ? [] : stats.boundaries.keys()) {
      const low = Math.floor(key / partCount),
        high = key % partCount;
      const strength = cutStrength(stats, low, high, options);
      if (strength < 1 && (!weakest || strength < weakest.strength)) weakest = { low, high, strength };
    }
    if (weakest) {
      const [from, to] =
        stats.area[weakest.low] < stats.area[weakest.high] ? [weakest.low, weakest.high] : [weakest.high, weakest.low];
      parent[from] = to;
      continue;
    }

    if (!options.keepComponentsApart) {
      const isolated = live
        .filter((part) => stats.area[part] < minArea && !longestNeighbour.has(part))
        .sort((a, b) => stats.area[a] - stats.area[b])[0];
      if (isolated !== undefined) {
        parent[isolated] = nearestPartInSpace(graph, parts, isolated);
        continue;
      }
    }
    break;
  }
  return renumberByArea(graph, parts);
}

export function totalArea(graph: FaceGraph): number {
  let sum = 0;
  for (let face = 0; face < graph.faceCount; face++) sum += graph.areas[face];
  return sum;
}

function nearestPartInSpace(graph: FaceGraph, parts: Int32Array, part: number): number {
  const own: number[] = [],
    others: number[] = [];
  for (let face = 0; face < graph.faceCount; face++) (parts[face] === part ? own : others).push(face);
  const ownStride = Math.max(1, Math.floor(own.length / 1500)),
    otherStride = Math.max(1, Math.floor(others.length / 1500));
  let best = -1,
    bestDistance = Infinity;
  for (let i = 0; i < own.length; i += ownStride) {
    const a = own[i] * 3;
    for (let j = 0; j < others.length; j += otherStride) {
      const b = others[j] * 3;
      const distance =
        (graph.centroids[a] - graph.centroids[b]) ** 2 +
        (graph.centroids[a + 1] - graph.centroids[b + 1]) ** 2 +
        (graph.centroids[a + 2] - graph.centroids[b + 2]) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = parts[others[j]];
      }
    }
  }
  return best;
}

export function renumberByArea(graph: FaceGraph, parts: Int32Array): Int32Array {
  const area = new Map<number, number>();
  for (let face = 0; face < graph.faceCount; face++)
    area.set(parts[face], (area.get(parts[face]) ?? 0) + graph.areas[face]);
  const order = [...area.keys()].sort((a, b) => area.get(b)! - area.get(a)! || a - b);
  const newId = new Map(order.map((part, index) => [part, index]));
  return parts.map((part) => newId.get(part)!);
}
