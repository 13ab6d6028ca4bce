// The top-down half of the segmentation (Katz & Tal 2003's hierarchical decomposition): each part is tried for
// one more binary split between its two farthest faces (a double sweep of farthest-point search), with the same
// fuzzy membership and graph cut as the first pass, and the split is kept only when the new cut is meaningful
// (cut-strength.ts) and both halves are large enough; kept halves are tried again. This finds cuts the first
// pass's seeds missed, such as a chair's back standing on its seat once the legs are off.
import { alphaExpansion } from './alpha-expansion.ts';
import { labelComponents, type FaceGraph } from './build-face-graph.ts';
import { cutStrength, partStats, valleyAngleOf, type CutCriteria } from './cut-strength.ts';
import { faceGraphDistances } from './face-graph-distances.ts';
import { totalArea } from './merge-weak-parts.ts';

export interface SplitStrongPartsOptions extends CutCriteria {
  minAreaFraction: number;
  maxParts: number;
  seedWeights: Float64Array;
  membershipWeights: Float64Array;
  cutWeights: Float64Array;
  undecidedDistanceRatio: number;
}

export function splitStrongParts(
  graph: FaceGraph,
  initialParts: Int32Array,
  logThickness: Float64Array,
  options: SplitStrongPartsOptions,
): Int32Array {
  const parts = Int32Array.from(initialParts);
  let partCount = 0;
  for (const part of parts) partCount = Math.max(partCount, part + 1);
  const minArea = options.minAreaFraction * totalArea(graph);
  const queue = Array.from({ length: partCount }, (_, part) => part);
  while (queue.length > 0 && partCount < options.maxParts) {
    const part = queue.shift()!;
    const halves = trySplit(graph, parts, part, logThickness, minArea, options);
    if (!halves) continue;
    for (const face of halves) parts[face] = partCount;
    queue.push(part, partCount++);
  }
  return parts;
}

/** The faces of the second half when `part` splits meaningfully, else undefined. */
function trySplit(
  graph: FaceGraph,
  parts: Int32Array,
  part: number,
  logThickness: Float64Array,
  minArea: number,
  options: SplitStrongPartsOptions,
): number[] | undefined {
  const faces: number[] = [];
  let area = 0;
  const within = new Uint8Array(graph.faceCount);
  for (let face = 0; face < graph.faceCount; face++) {
    if (parts[face] !== part) continue;
    faces.push(face);
    within[face] = 1;
    area += graph.areas[face];
  }
  if (area < 2 * minArea) return undefined;
  const farthest = (distance: Float64Array) =>
    faces.reduce((best, face) => (distance[face] > distance[best] ? face : best), faces[0]);
  const first = farthest(faceGraphDistances(graph, options.seedWeights, [faces[0]], within).distance);
  const second = farthest(faceGraphDistances(graph, options.seedWeights, [first], within).distance);
  if (first === second) return undefined;
  const toFirst = faceGraphDistances(graph, options.membershipWeights, [first], within).distance;
  const toSecond = faceGraphDistances(graph, options.membershipWeights, [second], within).distance;

  // Labels 0 and 1 for the two sides; every face outside the part is fixed to label 2, which is neither, so its
  // cut terms are the same whichever side a neighbour takes.
  const allowedFirst = new Int32Array(graph.faceCount).fill(2);
  const allowedSecond = new Int32Array(graph.faceCount).fill(-1);
  for (const face of faces) {
    const [near, far] = toFirst[face] <= toSecond[face] ? [0, 1] : [1, 0];
    const dNear = Math.min(toFirst[face], toSecond[face]),
      dFar = Math.max(toFirst[face], toSecond[face]);
    allowedFirst[face] = near;
    if (dFar < options.undecidedDistanceRatio * dNear) allowedSecond[face] = far;
  }
  const labels = alphaExpansion({
    graph,
    labels: allowedFirst,
    allowedFirst,
    allowedSecond,
    costFirst: new Float64Array(graph.faceCount),
    costSecond: new Float64Array(graph.faceCount),
    edgeWeights: options.cutWeights,
  });

  // Islands (a side's pieces other than its largest) go to the side that surrounds them.
  const pieces = new Uint32Array(graph.faceCount);
  labelComponents(
    graph,
    (_edge, from, to) => within[from] === 1 && within[to] === 1 && labels[from] === labels[to],
    pieces,
  );
  const pieceArea = new Map<number, number>();
  for (const face of faces) pieceArea.set(pieces[face], (pieceArea.get(pieces[face]) ?? 0) + graph.areas[face]);
  const largest = [-1, -1],
    largestArea = [0, 0];
  for (const face of faces) {
    const side = labels[face],
      piece = pieces[face];
    if (pieceArea.get(piece)! > largestArea[side]) {
      largestArea[side] = pieceArea.get(piece)!;
      largest[side] = piece;
    }
  }
  if (largest[0] < 0 || largest[1] < 0 || largestArea[0] < minArea || largestArea[1] < minArea) return undefined;
  const sides = new Int32Array(graph.faceCount).fill(-1);
  for (const face of faces) sides[face] = pieces[face] === largest[labels[face]] ? labels[face] : 1 - labels[face];
  const stats = partStats(graph, sides, logThickness, 2, valleyAngleOf(options));
  if (stats.area[0] < minArea || stats.area[1] < minArea || cutStrength(stats, 0, 1, options) < 1) return undefined;
  return faces.filter((face) => sides[face] === 1);
}
