// Solid voxelisation of a triangle mesh: the grid the rigging analysis measures shapes on (limbs, thickness,
// visibility of bones from the surface).
//
// Method: surface voxels are marked by sampling every triangle at half a voxel's spacing (consecutive samples
// are < 1 voxel apart, so the marked shell is 26-connected and blocks a 6-connected flood); the outside is then
// flood-filled from the padded border, and everything the flood does not reach is solid. A mesh with holes
// lets the flood in and leaves a hollow shell; when that happens (little interior beyond the shell) the shell is
// first thickened by one voxel (a morphological closing), which seals holes up to about two voxels wide.
// Written here: no npm package voxelises meshes into a solid grid.

export interface VoxelGrid {
  /** world position of the centre of voxel (0, 0, 0) */
  origin: [number, number, number];
  /** edge length of one voxel, world units */
  voxelSize: number;
  dims: [number, number, number];
  /** 1 where the voxel is inside the model (or on its surface), 0 outside; index x + nx·(y + ny·z) */
  solid: Uint8Array;
}

export interface VoxelizeOptions {
  /** voxels along the longest side of the model's bounding box */
  resolution?: number;
  /** empty voxels added around the bounding box on every side */
  padding?: number;
  /**
   * A bulky model that fills more voxels than this is voxelised again, coarser, so the path searches over the
   * grid stay fast (thin limbs keep the full resolution; a blob does not need it).
   */
  maxSolidVoxels?: number;
}

export const VOXELIZE_DEFAULTS: Required<VoxelizeOptions> = { resolution: 96, padding: 2, maxSolidVoxels: 120_000 };

export function voxelizeSolid(
  positions: Float32Array,
  triangles: Uint32Array,
  options: VoxelizeOptions = {},
): VoxelGrid {
  const resolved = { ...VOXELIZE_DEFAULTS, ...options };
  const grid = voxelizeAt(positions, triangles, resolved.resolution, resolved.padding);
  const solidCount = count(grid.solid);
  if (solidCount <= resolved.maxSolidVoxels) return grid;
  const coarser = Math.max(16, Math.floor(resolved.resolution * Math.cbrt(resolved.maxSolidVoxels / solidCount)));
  return voxelizeAt(positions, triangles, coarser, resolved.padding);
}

function voxelizeAt(positions: Float32Array, triangles: Uint32Array, resolution: number, padding: number): VoxelGrid {
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let index = 0; index < positions.length; index += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], positions[index + axis]);
      max[axis] = Math.max(max[axis], positions[index + axis]);
    }
  }
  const extent = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2]) || 1;
  const voxelSize = extent / resolution;
  const dims = [0, 1, 2].map((axis) => Math.ceil((max[axis] - min[axis]) / voxelSize) + 1 + 2 * padding) as [
    number,
    number,
    number,
  ];
  const origin = [0, 1, 2].map((axis) => min[axis] - padding * voxelSize) as [number, number, number];
  const [nx, ny, nz] = dims;
  const surface = new Uint8Array(nx * ny * nz);

  const mark = (x: number, y: number, z: number) => {
    const vx = Math.round((x - origin[0]) / voxelSize),
      vy = Math.round((y - origin[1]) / voxelSize),
      vz = Math.round((z - origin[2]) / voxelSize);
    surface[vx + nx * (vy + ny * vz)] = 1;
  };
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t] * 3,
      b = triangles[t + 1] * 3,
      c = triangles[t + 2] * 3;
    const ax = positions[a],
      ay = positions[a + 1],
      az = positions[a + 2];
    const abx = positions[b] - ax,
      aby = positions[b + 1] - ay,
      abz = positions[b + 2] - az;
    const acx = positions[c] - ax,
      acy = positions[c + 1] - ay,
      acz = positions[c + 2] - az;
    const longest = Math.max(
      Math.hypot(abx, aby, abz),
      Math.hypot(acx, acy, acz),
      Math.hypot(abx - acx, aby - acy, abz - acz),
    );
    const steps = Math.max(1, Math.ceil(longest / (0.5 * voxelSize)));
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; i + j <= steps; j++) {
        const u = i / steps,
          v = j / steps;
        mark(ax + u * abx + v * acx, ay + u * aby + v * acy, az + u * abz + v * acz);
      }
    }
  }

  let solid = fillInside(surface, dims);
  const shellCount = count(surface),
    solidCount = count(solid);
  if (solidCount < shellCount * 1.25) solid = fillInside(dilate(surface, dims), dims);
  return { origin, voxelSize, dims, solid };
}

export function voxelIndex(grid: VoxelGrid, x: number, y: number, z: number): number {
  return x + grid.dims[0] * (y + grid.dims[1] * z);
}

/** The voxel containing a world point, or -1 outside the grid. */
export function voxelAt(grid: VoxelGrid, point: ArrayLike<number>): number {
  const coordinates = [0, 1, 2].map((axis) => Math.round((point[axis] - grid.origin[axis]) / grid.voxelSize));
  if (coordinates.some((value, axis) => value < 0 || value >= grid.dims[axis])) return -1;
  return voxelIndex(grid, coordinates[0], coordinates[1], coordinates[2]);
}

/** World centre of a voxel. */
export function voxelCentre(grid: VoxelGrid, index: number): [number, number, number] {
  const [nx, ny] = grid.dims;
  const x = index % nx,
    y = Math.floor(index / nx) % ny,
    z = Math.floor(index / (nx * ny));
  return [
    grid.origin[0] + x * grid.voxelSize,
    grid.origin[1] + y * grid.voxelSize,
    grid.origin[2] + z * grid.voxelSize,
  ];
}

function count(cells: Uint8Array): number {
  let total = 0;
  for (let index = 0; index < cells.length; index++) total += cells[index];
  return total;
}

/** Everything a 6-connected flood from the border does not reach. */
function fillInside(surface: Uint8Array, [nx, ny, nz]: [number, number, number]): Uint8Array {
  const outside = new Uint8Array(surface.length);
  const queue = new Int32Array(surface.length);
  let head = 0,
    tail = 0;
  const push = (index: number) => {
    if (surface[index] || outside[index]) return;
    outside[index] = 1;
    queue[tail++] = index;
  };
  push(0);
  const strideY = nx,
    strideZ = nx * ny;
  while (head < tail) {
    const index = queue[head++];
    const x = index % nx,
      y = Math.floor(index / nx) % ny,
      z = Math.floor(index / strideZ);
    if (x > 0) push(index - 1);
    if (x < nx - 1) push(index + 1);
    if (y > 0) push(index - strideY);
    if (y < ny - 1) push(index + strideY);
    if (z > 0) push(index - strideZ);
    if (z < nz - 1) push(index + strideZ);
  }
  const solid = new Uint8Array(surface.length);
  for (let index = 0; index < solid.length; index++) solid[index] = outside[index] ? 0 : 1;
  return solid;
}

/** The shell grown by one voxel in every direction (26-neighbourhood). */
function dilate(cells: Uint8Array, [nx, ny, nz]: [number, number, number]): Uint8Array {
  const out = new Uint8Array(cells.length);
  for (let z = 1; z < nz - 1; z++) {
    for (let y = 1; y < ny - 1; y++) {
      for (let x = 1; x < nx - 1; x++) {
        if (!cells[x + nx * (y + ny * z)]) continue;
        for (let dz = -1; dz <= 1; dz++)
          for (let dy = -1; dy <= 1; dy++)
            for (let dx = -1; dx <= 1; dx++) out[x + dx + nx * (y + dy + ny * (z + dz))] = 1;
      }
    }
  }
  return out;
}

/**
 * Whether the straight segment stays in solid voxels, sampled every half voxel. The first voxel's length is
 * forgiven: `from` is usually a surface vertex, which may round to the empty voxel just outside.
 */
export function segmentInsideSolid(grid: VoxelGrid, from: ArrayLike<number>, to: ArrayLike<number>): boolean {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]);
  const steps = Math.ceil(length / (0.5 * grid.voxelSize));
  const point = [0, 0, 0];
  for (let step = 0; step <= steps; step++) {
    const t = steps === 0 ? 1 : step / steps;
    if (t * length < grid.voxelSize) continue;
    for (let axis = 0; axis < 3; axis++) point[axis] = from[axis] + (to[axis] - from[axis]) * t;
    const voxel = voxelAt(grid, point);
    if (voxel < 0 || !grid.solid[voxel]) return false;
  }
  return true;
}
