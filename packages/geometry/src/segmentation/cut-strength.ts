// How meaningful the cut between two parts is, the one test merging and splitting share. A cut counts when it
// runs along a valley or when it separates parts of clearly different thickness.
//  - Valley: the length-weighted mean fold across the cut (valleys positive, ridges negative; measured between
//    bands on either side at the scale of the parts, band-folds.ts) reaches `minConcaveAngle`, and at least
//    MIN_VALLEY_SHARE of its length folds inwards by half that. A cut round a flat face of a box follows ridges;
//    a cut that follows a crease for a stretch and then crosses open surface (an armpit down to a hip) is not a
//    joint, however deep that crease.
//  - Thickness: area-weighted median log shape diameters differing by `minThicknessContrast`. The flat end of a
//    prism measures thick (its rays run down the prism) but is no part of its own, so a thickness change does not
//    count across a cut that follows a sharp ridge.
import { bandFolds } from './band-folds.ts';
import type { FaceGraph } from './build-face-graph.ts';

export interface CutCriteria {
  minConcaveAngle: number;
  minThicknessContrast: number;
}

/** Share of a cut's length that must fold inwards by at least half of minConcaveAngle. */
const MIN_VALLEY_SHARE = 0.6;

/** Half the valley criterion: the fold at which an edge counts towards a cut's valley share. */
export function valleyAngleOf(criteria: CutCriteria): number {
  return criteria.minConcaveAngle / 2;
}

/** Folds are measured between bands of this fraction of the part's thickness on either side (band-folds.ts). */
const BAND_THICKNESS_FRACTION = 0.5;

/** Mean convex fold angle along a cut above which a thickness change does not make the cut meaningful. */
const MAX_RIDGE_ANGLE = (30 * Math.PI) / 180;

export interface Boundary {
  length: number;
  /** Σ length × fold angle over the valley edges, and over the ridge edges. */
  concaveSum: number;
  convexSum: number;
  /** Length of the cut folding inwards by at least `valleyAngle` (partStats' argument). */
  valleyLength: number;
}

export interface PartStats {
  partCount: number;
  area: Float64Array;
  /** Area-weighted median log thickness per part. */
  thickness: Float64Array;
  /** key low * partCount + high (low < high) → the boundary between the two parts. */
  boundaries: Map<number, Boundary>;
}

/** Statistics of a labelling; faces labelled < 0 are ignored. `valleyAngle`: the fold that counts an edge as valley. */
export function partStats(
  graph: FaceGraph,
  parts: Int32Array,
  logThickness: Float64Array,
  partCount: number,
  valleyAngle = 0,
): PartStats {
  const area = new Float64Array(partCount);
  for (let face = 0; face < graph.faceCount; face++) if (parts[face] >= 0) area[parts[face]] += graph.areas[face];
  const thickness = areaWeightedMedians(graph, parts, logThickness, partCount, area);
  const folds = bandFolds(graph, parts, thickness.map(Math.exp), BAND_THICKNESS_FRACTION);
  const boundaries = new Map<number, Boundary>();
  for (let edge = 0; edge < graph.edgeCount; edge++) {
    const a = parts[graph.edgeFaces[edge * 2]],
      b = parts[graph.edgeFaces[edge * 2 + 1]];
    if (a === b || a < 0 || b < 0) continue;
    const key = a < b ? a * partCount + b : b * partCount + a;
    let entry = boundaries.get(key);
    if (!entry) boundaries.set(key, (entry = { length: 0, concaveSum: 0, convexSum: 0, valleyLength: 0 }));
    const length = graph.edgeLength[edge] + 1e-12;
    entry.length += length;
    if (folds.concave[edge]) {
      entry.concaveSum += length * folds.angle[edge];
      if (folds.angle[edge] >= valleyAngle) entry.valleyLength += length;
    } else entry.convexSum += length * folds.angle[edge];
  }
  return { partCount, area, thickness, boundaries };
}

/** ≥ 1 for a meaningful cut between parts `a` and `b`. */
export function cutStrength(stats: PartStats, a: number, b: number, criteria: CutCriteria): number {
  const boundary = stats.boundaries.get(a < b ? a * stats.partCount + b : b * stats.partCount + a);
  if (!boundary) return 0;
  const concave = Math.min(
    (boundary.concaveSum - boundary.convexSum) / boundary.length / criteria.minConcaveAngle,
    boundary.valleyLength / boundary.length / MIN_VALLEY_SHARE,
  );
  const alongRidge = boundary.convexSum / boundary.length >= MAX_RIDGE_ANGLE;
  const contrast = alongRidge ? 0 : Math.abs(stats.thickness[a] - stats.thickness[b]) / criteria.minThicknessContrast;
  return Math.max(concave, contrast);
}

/**
 * Area-weighted median of each part's log thickness, from a 256-bin histogram over the value range: a median
 * ignores the rims and end caps whose shape diameter says little about the part.
 */
function areaWeightedMedians(
  graph: FaceGraph,
  parts: Int32Array,
  values: Float64Array,
  partCount: number,
  area: Float64Array,
): Float64Array {
  const binCount = 256;
  let low = Infinity,
    high = -Infinity;
  for (let face = 0; face < graph.faceCount; face++) {
    low = Math.min(low, values[face]);
    high = Math.max(high, values[face]);
  }
  const width = (high - low) / binCount || 1;
  const histogram = new Float64Array(partCount * binCount);
  for (let face = 0; face < graph.faceCount; face++) {
    if (parts[face] < 0) continue;
    const bin = Math.min(binCount - 1, Math.floor((values[face] - low) / width));
    histogram[parts[face] * binCount + bin] += graph.areas[face];
  }
  const medians = new Float64Array(partCount);
  for (let part = 0; part < partCount; part++) {
    if (area[part] === 0) continue;
    let sum = 0,
      bin = 0;
    for (; bin < binCount - 1; bin++) {
      sum += histogram[part * binCount + bin];
      if (sum >= area[part] / 2) break;
    }
    medians[part] = low + (bin + 0.5) * width;
  }
  return medians;
}
