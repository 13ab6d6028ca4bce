// Part representatives for one connected component, chosen as in Katz & Tal, "Hierarchical mesh decomposition
// using fuzzy clustering and cuts" (SIGGRAPH 2003): the first is the component's centre (the face with the
// smallest summed distance to a few sampled faces, standing in for all), each next one is the face farthest
// from all chosen so far (farthest-point sampling), which lands on the extremities: limb tips, chair feet, the
// top of a chair back. Sampling stops when the next face is closer to the chosen ones than `minSpreadRatio`
// times the first extremity's distance, or at `maxSeeds`. Surplus seeds are cheap: weak cuts between their
// regions are merged away afterwards (merge-weak-parts.ts).
import type { FaceGraph } from './build-face-graph.ts';
import { faceGraphDistances } from './face-graph-distances.ts';
import { seededRandom } from './seeded-random.ts';

export interface PartSeeds {
  faces: number[];
  /** Distance from each seed to every face (Infinity outside the component). */
  distances: Float64Array[];
}

export interface ChoosePartSeedsOptions {
  maxSeeds: number;
  minSpreadRatio: number;
  centreSamples?: number;
  seed?: number;
}

export function choosePartSeeds(
  graph: FaceGraph,
  edgeWeights: Float64Array,
  componentFaces: number[],
  options: ChoosePartSeedsOptions,
): PartSeeds {
  if (componentFaces.length === 0) return { faces: [], distances: [] };
  const random = seededRandom(options.seed ?? 7);
  const sampleCount = Math.min(options.centreSamples ?? 4, componentFaces.length);
  const summed = new Float64Array(graph.faceCount);
  for (let sample = 0; sample < sampleCount; sample++) {
    const start = componentFaces[Math.floor(random() * componentFaces.length)];
    const { distance } = faceGraphDistances(graph, edgeWeights, [start]);
    for (const face of componentFaces) summed[face] += distance[face];
  }
  let centre = componentFaces[0];
  for (const face of componentFaces) if (summed[face] < summed[centre]) centre = face;

  const faces = [centre];
  const distances = [faceGraphDistances(graph, edgeWeights, [centre]).distance];
  const nearest = Float64Array.from(distances[0]);
  let firstSpread = 0;
  while (faces.length < options.maxSeeds) {
    let farthest = -1;
    for (const face of componentFaces)
      if (Number.isFinite(nearest[face]) && (farthest < 0 || nearest[face] > nearest[farthest])) farthest = face;
    if (farthest < 0 || nearest[farthest] <= 0) break;
    if (faces.length === 1) firstSpread = nearest[farthest];
    else if (nearest[farthest] < options.minSpreadRatio * firstSpread) break;
    const { distance } = faceGraphDistances(graph, edgeWeights, [farthest]);
    faces.push(farthest);
    distances.push(distance);
    for (const face of componentFaces) if (distance[face] < nearest[face]) nearest[face] = distance[face];
  }
  return { faces, distances };
}
