// Finds the limbs of a voxelised shape as branches of a curve skeleton: which extremities stick out of the
// body (feet, hands, head, tail, wings), where they join it, and a centred path along each.
//
// Method: a greedy geodesic curve skeleton, in the spirit of the discrete medial graph Pinocchio embeds its
// template into (Baran & Popović, "Automatic Rigging and Animation of 3D Characters", SIGGRAPH 2007) and of
// farthest-point skeleton extraction (e.g. Verroust & Lazarus 2000). Start from the thickest voxel near the
// centroid; repeatedly take the voxel geodesically farthest from the skeleton so far (inside the solid), keep it
// as a limb if it sticks out by more than the body is thick where it joins (and by a share of the model's size),
// and add the centred path back to the skeleton: a second shortest-path field whose step cost grows as
// 1/thickness² keeps paths on the medial axis instead of hugging the surface.
import { interiorDistanceField } from './interior-distance-field.ts';
import { VoxelGeodesics } from './voxel-geodesics.ts';
import { voxelCentre, type VoxelGrid } from './voxelize-solid.ts';

export type Point3 = [number, number, number];

export interface LimbBranch {
  /** centred path, world units, from the extremity (first) to where it joins the skeleton (last), smoothed */
  points: Point3[];
  /** medial radius (distance to the surface) at each point, world units */
  radii: number[];
  extremity: Point3;
  junction: Point3;
  /** how far the extremity is from the skeleton it joins, world units (geodesic, inside the solid) */
  length: number;
  /** medial radius at the junction, world units */
  junctionRadius: number;
}

export interface CurveSkeleton {
  grid: VoxelGrid;
  /** medial radius per voxel, in voxels */
  distanceField: Float32Array;
  core: Point3;
  coreRadius: number;
  /** in the order they were found: longest first */
  branches: LimbBranch[];
}

export interface ExtractLimbBranchesOptions {
  maxBranches?: number;
  /** a branch must stick out by more than this many times the medial radius where it joins */
  junctionRadiusFactor?: number;
  /** ... and by more than this share of the bounding box's longest side */
  minimumLengthShare?: number;
}

export const EXTRACT_LIMB_BRANCHES_DEFAULTS: Required<ExtractLimbBranchesOptions> = {
  maxBranches: 16,
  junctionRadiusFactor: 1.5,
  minimumLengthShare: 0.07,
};

export function extractLimbBranches(grid: VoxelGrid, options: ExtractLimbBranchesOptions = {}): CurveSkeleton {
  const { maxBranches, junctionRadiusFactor, minimumLengthShare } = { ...EXTRACT_LIMB_BRANCHES_DEFAULTS, ...options };
  const distanceField = interiorDistanceField(grid);
  const { solid, voxelSize } = grid;
  const core = findCore(grid, distanceField);
  const extentVoxels = Math.max(...grid.dims) - 4;

  const medialCost = new Float32Array(solid.length);
  for (let index = 0; index < solid.length; index++)
    if (solid[index]) medialCost[index] = 1 + (4 / Math.max(distanceField[index], 0.5)) ** 2;
  const metric = new VoxelGeodesics(grid);
  const medial = new VoxelGeodesics(grid, medialCost);
  metric.addSources([core]);
  medial.addSources([core]);

  const branches: LimbBranch[] = [];
  while (branches.length < maxBranches) {
    let farthest = -1,
      farthestDistance = 0;
    for (let index = 0; index < solid.length; index++) {
      const distance = metric.distance[index];
      if (distance > farthestDistance && distance !== Infinity) {
        farthest = index;
        farthestDistance = distance;
      }
    }
    if (farthest < 0) break;
    const path = medial.pathFrom(farthest);
    const junction = path[path.length - 1];
    const threshold = junctionRadiusFactor * distanceField[junction] + minimumLengthShare * extentVoxels;
    if (farthestDistance < threshold) break;
    branches.push(branchOf(grid, distanceField, path, farthestDistance));
    metric.addSources(path);
    medial.addSources(path);
  }
  return { grid, distanceField, core: voxelCentre(grid, core), coreRadius: distanceField[core] * voxelSize, branches };
}

/** The thickest voxel within a third of the model's size from the centroid of the solid. */
function findCore(grid: VoxelGrid, distanceField: Float32Array): number {
  const [nx, ny] = grid.dims;
  let sx = 0,
    sy = 0,
    sz = 0,
    total = 0;
  for (let index = 0; index < grid.solid.length; index++) {
    if (!grid.solid[index]) continue;
    sx += index % nx;
    sy += Math.floor(index / nx) % ny;
    sz += Math.floor(index / (nx * ny));
    total++;
  }
  if (total === 0) throw new Error('extractLimbBranches: the grid has no solid voxel');
  const [cx, cy, cz] = [sx / total, sy / total, sz / total];
  const radius = Math.max(...grid.dims) / 3;
  let best = -1,
    bestScore = -Infinity;
  for (let index = 0; index < grid.solid.length; index++) {
    if (!grid.solid[index]) continue;
    const x = index % nx,
      y = Math.floor(index / nx) % ny,
      z = Math.floor(index / (nx * ny));
    const away = Math.hypot(x - cx, y - cy, z - cz);
    const score = away <= radius ? distanceField[index] - 0.05 * away : -Infinity;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best >= 0 ? best : grid.solid.indexOf(1);
}

function branchOf(grid: VoxelGrid, distanceField: Float32Array, path: number[], lengthVoxels: number): LimbBranch {
  const raw = path.map((voxel) => voxelCentre(grid, voxel));
  const radii = path.map((voxel) => distanceField[voxel] * grid.voxelSize);
  const window = 2;
  const points = raw.map((_, index) => {
    const sum: Point3 = [0, 0, 0];
    let used = 0;
    for (let k = Math.max(0, index - window); k <= Math.min(raw.length - 1, index + window); k++) {
      for (let axis = 0; axis < 3; axis++) sum[axis] += raw[k][axis];
      used++;
    }
    return sum.map((value) => value / used) as Point3;
  });
  // The ends stay where they are: the extremity touches the surface, the junction lies on the skeleton.
  points[0] = raw[0];
  points[points.length - 1] = raw[raw.length - 1];
  return {
    points,
    radii,
    extremity: raw[0],
    junction: raw[raw.length - 1],
    length: lengthVoxels * grid.voxelSize,
    junctionRadius: radii[radii.length - 1],
  };
}
