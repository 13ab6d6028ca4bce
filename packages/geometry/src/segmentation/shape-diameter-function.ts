// The Shape Diameter Function (Shapira, Shamir & Cohen-Or, "Consistent mesh partitioning and skeletonisation
// using the shape diameter function", The Visual Computer 2008): at each face, the local thickness of the
// volume behind it, measured by a cone of rays cast inwards (opposite the normal) to where they leave the
// shape; the rays whose length is within one standard deviation of the median are averaged, weighted towards
// the cone's axis. It is pose-invariant and separates thin limbs from a thick body, which is why segmentation
// uses it as one of its cues.
//
// Cost: rays are cast with three-mesh-bvh (~0.2 M rays/s here), so only an area-weighted sample of faces is
// measured (by default at most 4,000, 24 rays each) and every other face takes the value of its nearest
// sampled face along the surface, then one neighbourhood average smooths the steps. Rays that hit a surface
// from its front (the shape is open or self-intersecting there) or nothing at all are discarded; faces with no
// valid ray take their neighbours' values, and a mesh with none at all gets a constant (it then carries no cue).
import { BufferAttribute, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import { otherFace, type FaceGraph } from './build-face-graph.ts';
import { faceGraphDistances } from './face-graph-distances.ts';
import { seededRandom } from './seeded-random.ts';

export interface ShapeDiameterOptions {
  maxSampledFaces?: number;
  raysPerFace?: number;
  /** Half the opening angle of the cone of rays (the paper uses a 120° cone). */
  coneHalfAngleDegrees?: number;
  seed?: number;
}

export const SHAPE_DIAMETER_DEFAULTS: Required<ShapeDiameterOptions> = {
  maxSampledFaces: 4000,
  raysPerFace: 24,
  coneHalfAngleDegrees: 60,
  seed: 1,
};

/** Thickness per face, in model units (always > 0). */
export function shapeDiameterFunction(graph: FaceGraph, options: ShapeDiameterOptions = {}): Float64Array {
  const settings = { ...SHAPE_DIAMETER_DEFAULTS, ...options };
  const random = seededRandom(settings.seed);
  const sampled = sampleFaces(graph, settings.maxSampledFaces, random);

  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(Float32Array.from(graph.positions), 3));
  geometry.setIndex(new BufferAttribute(Uint32Array.from(graph.triangles), 1));
  const bvh = new MeshBVH(geometry);
  const directions = coneDirections(settings.raysPerFace, (settings.coneHalfAngleDegrees * Math.PI) / 180);

  const measured: number[] = [];
  const measuredFaces: number[] = [];
  const ray = new Ray();
  const tangent = new Vector3(),
    bitangent = new Vector3(),
    axis = new Vector3();
  const lengths: number[] = [],
    weights: number[] = [];
  for (const face of sampled) {
    const nx = graph.normals[face * 3],
      ny = graph.normals[face * 3 + 1],
      nz = graph.normals[face * 3 + 2];
    if (nx === 0 && ny === 0 && nz === 0) continue;
    axis.set(-nx, -ny, -nz);
    orthonormalBasis(axis, tangent, bitangent);
    const spin = random() * Math.PI * 2;
    const cosSpin = Math.cos(spin),
      sinSpin = Math.sin(spin);
    const offset = 1e-5 * Math.sqrt(graph.areas[face]) + 1e-9;
    lengths.length = 0;
    weights.length = 0;
    for (let index = 0; index < directions.length; index += 3) {
      const lx = directions[index] * cosSpin - directions[index + 1] * sinSpin;
      const ly = directions[index] * sinSpin + directions[index + 1] * cosSpin;
      const lz = directions[index + 2];
      ray.direction.set(
        tangent.x * lx + bitangent.x * ly + axis.x * lz,
        tangent.y * lx + bitangent.y * ly + axis.y * lz,
        tangent.z * lx + bitangent.z * ly + axis.z * lz,
      );
      ray.origin.set(
        graph.centroids[face * 3] - nx * offset,
        graph.centroids[face * 3 + 1] - ny * offset,
        graph.centroids[face * 3 + 2] - nz * offset,
      );
      const hit = bvh.raycastFirst(ray, DoubleSide);
      if (!hit || !hit.face || hit.distance <= offset) continue;
      // Leaving the volume means hitting the far surface from behind: its outward normal points along the ray.
      if (hit.face.normal.dot(ray.direction) <= 0) continue;
      lengths.push(hit.distance);
      weights.push(lz); // cosine of the angle to the cone's axis
    }
    const thickness = robustMean(lengths, weights);
    if (thickness !== undefined) {
      measured.push(thickness);
      measuredFaces.push(face);
    }
  }
  geometry.dispose();
  return spreadToAllFaces(graph, measuredFaces, measured);
}

function sampleFaces(graph: FaceGraph, maxCount: number, random: () => number): number[] {
  if (graph.faceCount <= maxCount) return Array.from({ length: graph.faceCount }, (_, face) => face);
  const cumulative = new Float64Array(graph.faceCount);
  let total = 0;
  for (let face = 0; face < graph.faceCount; face++) cumulative[face] = total += graph.areas[face];
  const chosen = new Set<number>();
  // Stratified: one sample in each of maxCount equal slices of the total area.
  for (let index = 0; index < maxCount; index++) {
    const target = ((index + random()) / maxCount) * total;
    let low = 0,
      high = graph.faceCount - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    chosen.add(low);
  }
  return [...chosen];
}

/** Unit directions (x, y, z with z along the cone's axis) spread evenly over the cone by a golden-angle spiral. */
function coneDirections(count: number, halfAngle: number): Float64Array {
  const out = new Float64Array(count * 3);
  const minCos = Math.cos(halfAngle);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let index = 0; index < count; index++) {
    const z = 1 - ((index + 0.5) / count) * (1 - minCos);
    const radius = Math.sqrt(Math.max(0, 1 - z * z));
    out.set([Math.cos(golden * index) * radius, Math.sin(golden * index) * radius, z], index * 3);
  }
  return out;
}

function orthonormalBasis(axis: Vector3, tangent: Vector3, bitangent: Vector3): void {
  if (Math.abs(axis.x) < 0.9) tangent.set(1, 0, 0);
  else tangent.set(0, 1, 0);
  tangent.sub(axis.clone().multiplyScalar(tangent.dot(axis))).normalize();
  bitangent.crossVectors(axis, tangent);
}

/** Weighted mean of the values within one standard deviation of the median (the paper's outlier rule). */
function robustMean(values: number[], weights: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const deviation = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
  let sum = 0,
    weightSum = 0;
  for (let index = 0; index < values.length; index++) {
    if (Math.abs(values[index] - median) > deviation + 1e-12) continue;
    sum += values[index] * weights[index];
    weightSum += weights[index];
  }
  return weightSum > 0 ? sum / weightSum : median;
}

function spreadToAllFaces(graph: FaceGraph, faces: number[], values: number[]): Float64Array {
  const result = new Float64Array(graph.faceCount);
  if (faces.length === 0) return result.fill(1);
  const { nearestSource } = faceGraphDistances(graph, graph.edgeSpan, faces);
  const fallback = [...values].sort((a, b) => a - b)[values.length >> 1];
  for (let face = 0; face < graph.faceCount; face++)
    result[face] = nearestSource[face] >= 0 ? values[nearestSource[face]] : fallback;
  // One area-weighted neighbourhood average softens the steps between sampled faces' cells.
  const smoothed = new Float64Array(graph.faceCount);
  for (let face = 0; face < graph.faceCount; face++) {
    let sum = result[face] * (graph.areas[face] + 1e-30),
      weight = graph.areas[face] + 1e-30;
    for (let slot = graph.adjacencyStart[face]; slot < graph.adjacencyStart[face + 1]; slot++) {
      const next = otherFace(graph, graph.adjacencyEdge[slot], face);
      sum += result[next] * (graph.areas[next] + 1e-30);
      weight += graph.areas[next] + 1e-30;
    }
    smoothed[face] = sum / weight;
  }
  const floor = fallback * 1e-3 || 1e-9;
  for (let face = 0; face < graph.faceCount; face++) smoothed[face] = Math.max(smoothed[face], floor);
  return smoothed;
}
