// Splits a triangle mesh (its face graph) into meaningful parts: a chair into legs, seat and back; a figure into
// head, torso and limbs. Rationale: no segmentation package exists on npm, so the method is assembled from
// published ones.
//  1. Cues: the Shape Diameter Function per face (Shapira, Shamir & Cohen-Or, "Consistent mesh partitioning and
//     skeletonisation using the shape diameter function", 2008; shape-diameter-function.ts) for thickness, and
//     the signed fold angle per dual edge (valleys are where parts meet).
//  2. Fuzzy clustering (Katz & Tal, "Hierarchical mesh decomposition using fuzzy clustering and cuts",
//     SIGGRAPH 2003): face distances mix geodesic length, an angular term that is large across valleys and small
//     across ridges, and the change in log thickness; seeds are the centre and the extremities of each connected
//     piece (choose-part-seeds.ts); a face belongs to its nearest seed, and faces about as near to a second one
//     stay undecided between the two.
//  3. Graph-cut boundaries: α-expansion (alpha-expansion.ts) over the undecided faces with Shapira et al.'s cut
//     cost −log(θ/π)·edge length, so each boundary runs along the cheapest valley or narrowest neck.
//  4. Keep meaningful cuts only (cut-strength.ts: along a valley, or between different thicknesses): weak cuts
//     and too-small parts are merged bottom-up (merge-weak-parts.ts), then every part is tried for one more
//     meaningful binary split top-down (split-strong-parts.ts), and small pieces merged again.
// Parts are connected regions of one label; separate pieces of the mesh never share a part.
import { labelComponents, type FaceGraph } from './build-face-graph.ts';
import { alphaExpansion } from './alpha-expansion.ts';
import { choosePartSeeds } from './choose-part-seeds.ts';
import { faceGraphDistances } from './face-graph-distances.ts';
import { mergeWeakParts } from './merge-weak-parts.ts';
import { shapeDiameterFunction } from './shape-diameter-function.ts';
import { splitStrongParts } from './split-strong-parts.ts';
import { boundingDiagonal } from './weld-positions.ts';

export const SEGMENTATION_GRANULARITIES = ['simple', 'balanced', 'detailed'] as const;
export type SegmentationGranularity = (typeof SEGMENTATION_GRANULARITIES)[number];

interface GranularitySettings {
  maxSeedsPerComponent: number;
  minSpreadRatio: number;
  minConcaveAngleDegrees: number;
  minThicknessContrast: number;
  minAreaFraction: number;
}

export const GRANULARITY_SETTINGS: Record<SegmentationGranularity, GranularitySettings> = {
  simple: {
    maxSeedsPerComponent: 8,
    minSpreadRatio: 0.3,
    minConcaveAngleDegrees: 18,
    minThicknessContrast: 0.45,
    minAreaFraction: 0.03,
  },
  balanced: {
    maxSeedsPerComponent: 16,
    minSpreadRatio: 0.15,
    minConcaveAngleDegrees: 16,
    minThicknessContrast: 0.4,
    minAreaFraction: 0.012,
  },
  detailed: {
    maxSeedsPerComponent: 32,
    minSpreadRatio: 0.07,
    minConcaveAngleDegrees: 10,
    minThicknessContrast: 0.4,
    minAreaFraction: 0.005,
  },
};

/** Membership distance: weight of the geodesic term against the angular one (Katz & Tal's δ), and of thickness change. */
const GEODESIC_WEIGHT = 0.4;
const THICKNESS_WEIGHT = 0.5;
/** Seed distance: cost of crossing a right-angled valley, as a fraction of the model's size. */
const VALLEY_CROSSING_FRACTION = 0.2;
/** Ridges cost this fraction of a valley of the same angle to cross (Katz & Tal's η). */
const RIDGE_ANGULAR_FACTOR = 0.1;
/** Connected pieces with fewer faces are not split further. */
const MIN_FACES_TO_SPLIT = 64;
/** A face is undecided when its second-nearest seed is less than this many times farther than its nearest. */
const UNDECIDED_DISTANCE_RATIO = 1.6;
/**
 * Shapira et al. scale convex angles by 0.08 before the −log(θ/π) cut cost, which still makes a sharp ridge
 * cheaper to cut than a flat surface, so cuts wander along box edges; ridges here cost as much as flat edges.
 */
const RIDGE_CUT_FACTOR = 0;

export interface SegmentFaceGraphOptions {
  granularity?: SegmentationGranularity;
  /** Keep every separate piece of the mesh as its own part, however small (split_by_connectivity). */
  keepComponentsApart?: boolean;
  seed?: number;
}

/** Part id per face, 0 = largest area. */
export function segmentFaceGraph(graph: FaceGraph, options: SegmentFaceGraphOptions = {}): Int32Array {
  const settings = GRANULARITY_SETTINGS[options.granularity ?? 'balanced'];
  if (graph.faceCount === 0) return new Int32Array(0);

  const thickness = shapeDiameterFunction(graph, { seed: options.seed ?? 1 });
  const logThickness = thickness.map(Math.log);
  const { seedWeights, membershipWeights } = faceDistanceWeights(graph, logThickness);
  const cuts = cutWeights(graph);

  // Seeds and distances per connected piece; labels are global seed numbers.
  const componentFaces: number[][] = Array.from({ length: graph.componentCount }, () => []);
  for (let face = 0; face < graph.faceCount; face++) componentFaces[graph.componentOf[face]].push(face);
  const allowedFirst = new Int32Array(graph.faceCount);
  const allowedSecond = new Int32Array(graph.faceCount).fill(-1);
  let labelCount = 0;
  for (const faces of componentFaces) {
    const seeds = choosePartSeeds(graph, seedWeights, faces, {
      // A small separate piece (a button, an eye) is one part: it is not worth a search for extremities.
      maxSeeds: faces.length < MIN_FACES_TO_SPLIT ? 1 : settings.maxSeedsPerComponent,
      minSpreadRatio: settings.minSpreadRatio,
      seed: options.seed,
    });
    const distances = seeds.faces.map((face) => faceGraphDistances(graph, membershipWeights, [face]).distance);
    for (const face of faces) {
      let best = -1,
        second = -1;
      for (let seed = 0; seed < seeds.faces.length; seed++) {
        const distance = distances[seed][face];
        if (best < 0 || distance < distances[best][face]) {
          second = best;
          best = seed;
        } else if (second < 0 || distance < distances[second][face]) {
          second = seed;
        }
      }
      allowedFirst[face] = labelCount + Math.max(best, 0);
      if (second >= 0 && distances[second][face] < UNDECIDED_DISTANCE_RATIO * distances[best][face])
        allowedSecond[face] = labelCount + second;
    }
    labelCount += Math.max(1, seeds.faces.length);
  }

  const labels = alphaExpansion({
    graph,
    labels: allowedFirst,
    allowedFirst,
    allowedSecond,
    costFirst: new Float64Array(graph.faceCount),
    costSecond: new Float64Array(graph.faceCount),
    edgeWeights: cuts,
  });

  const regions = new Uint32Array(graph.faceCount);
  labelComponents(graph, (_edge, from, to) => labels[from] === labels[to], regions);
  const criteria = {
    minConcaveAngle: (settings.minConcaveAngleDegrees * Math.PI) / 180,
    minThicknessContrast: settings.minThicknessContrast,
    minAreaFraction: settings.minAreaFraction,
    keepComponentsApart: options.keepComponentsApart ?? false,
  };
  const merged = mergeWeakParts(graph, Int32Array.from(regions), logThickness, criteria);
  const split = splitStrongParts(graph, merged, logThickness, {
    ...criteria,
    maxParts: settings.maxSeedsPerComponent * 2 + graph.componentCount,
    seedWeights,
    membershipWeights,
    cutWeights: cuts,
    undecidedDistanceRatio: UNDECIDED_DISTANCE_RATIO,
  });
  return mergeWeakParts(graph, split, logThickness, criteria);
}

/**
 * Two dual-edge lengths, both after Katz & Tal: a geodesic step plus an angular term η·(1 − cos θ) (η = 1
 * across valleys, RIDGE_ANGULAR_FACTOR across ridges) plus the change in log thickness.
 * - Membership (Katz & Tal's own form): each term over its mean on the mesh, geodesic weighted δ. On a smooth
 *   mesh with sharp creases the angular mean is tiny, so crossing a crease costs more than any path along a
 *   part: valleys act as walls and clusters stop at them.
 * - Seeds: no thickness term (its noise adds up along long paths) and the angular term in units of the model's
 *   size (a right-angled valley costs VALLEY_CROSSING_FRACTION of the bounding diagonal), so that path length
 *   dominates and farthest-point sampling finds the extremities instead of faces trapped in crease corners.
 */
function faceDistanceWeights(
  graph: FaceGraph,
  logThickness: Float64Array,
): { seedWeights: Float64Array; membershipWeights: Float64Array } {
  const { edgeCount } = graph;
  const angular = new Float64Array(edgeCount);
  const thicknessStep = new Float64Array(edgeCount);
  let spanSum = 0,
    angularSum = 0,
    thicknessSum = 0;
  for (let edge = 0; edge < edgeCount; edge++) {
    angular[edge] = (graph.edgeConcave[edge] ? 1 : RIDGE_ANGULAR_FACTOR) * (1 - Math.cos(graph.edgeAngle[edge]));
    thicknessStep[edge] = Math.abs(
      logThickness[graph.edgeFaces[edge * 2]] - logThickness[graph.edgeFaces[edge * 2 + 1]],
    );
    spanSum += graph.edgeSpan[edge];
    angularSum += angular[edge];
    thicknessSum += thicknessStep[edge];
  }
  const spanMean = spanSum / edgeCount || 1,
    angularMean = angularSum / edgeCount || 1,
    thicknessMean = thicknessSum / edgeCount || 1;
  const diagonal = boundingDiagonal(graph.positions);
  const seedWeights = new Float64Array(edgeCount);
  const membershipWeights = new Float64Array(edgeCount);
  for (let edge = 0; edge < edgeCount; edge++) {
    const span = graph.edgeSpan[edge];
    seedWeights[edge] = span + diagonal * VALLEY_CROSSING_FRACTION * angular[edge];
    membershipWeights[edge] =
      GEODESIC_WEIGHT * (span / spanMean) +
      (1 - GEODESIC_WEIGHT) * (angular[edge] / angularMean) +
      THICKNESS_WEIGHT * (thicknessStep[edge] / thicknessMean);
  }
  return { seedWeights, membershipWeights };
}

/** Shapira et al.'s cut cost per dual edge: −log(θ/π) × shared edge length, ridges' θ scaled down first. */
export function cutWeights(graph: FaceGraph): Float64Array {
  const weights = new Float64Array(graph.edgeCount);
  for (let edge = 0; edge < graph.edgeCount; edge++) {
    const angle = graph.edgeAngle[edge] * (graph.edgeConcave[edge] ? 1 : RIDGE_CUT_FACTOR);
    weights[edge] = -Math.log(Math.max(angle / Math.PI, 1e-3)) * graph.edgeLength[edge];
  }
  return weights;
}
