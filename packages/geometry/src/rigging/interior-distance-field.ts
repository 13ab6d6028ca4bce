// Distance from every solid voxel to the nearest outside voxel, in voxels: the local thickness (medial radius)
// the limb search and the bone-visibility test read.
//
// Method: the exact Euclidean distance transform of Felzenszwalb & Huttenlocher ("Distance Transforms of
// Sampled Functions", Theory of Computing 2012): one pass per axis of the 1-D squared-distance transform as the
// lower envelope of parabolas. Linear in the number of voxels. Written here: no npm package does 3-D EDT.
import type { VoxelGrid } from './voxelize-solid.ts';

export function interiorDistanceField(grid: VoxelGrid): Float32Array {
  const [nx, ny, nz] = grid.dims;
  const squared = new Float64Array(grid.solid.length);
  const far = (nx + ny + nz) ** 2;
  for (let index = 0; index < squared.length; index++) squared[index] = grid.solid[index] ? far : 0;

  const longest = Math.max(nx, ny, nz);
  const line = new Float64Array(longest),
    result = new Float64Array(longest);
  const hull = new Int32Array(longest),
    bounds = new Float64Array(longest + 1);
  const pass = (length: number, lines: number, at: (lineIndex: number, position: number) => number) => {
    for (let lineIndex = 0; lineIndex < lines; lineIndex++) {
      for (let position = 0; position < length; position++) line[position] = squared[at(lineIndex, position)];
      transform1d(line, length, result, hull, bounds);
      for (let position = 0; position < length; position++) squared[at(lineIndex, position)] = result[position];
    }
  };
  pass(nx, ny * nz, (lineIndex, x) => x + nx * lineIndex);
  pass(ny, nx * nz, (lineIndex, y) => (lineIndex % nx) + nx * (y + ny * Math.floor(lineIndex / nx)));
  pass(nz, nx * ny, (lineIndex, z) => lineIndex + nx * ny * z);

  const distance = new Float32Array(squared.length);
  for (let index = 0; index < distance.length; index++) distance[index] = Math.sqrt(squared[index]);
  return distance;
}

/** 1-D squared distance transform of f (length n) into out: out[q] = min_p (q − p)² + f[p]. */
function transform1d(f: Float64Array, n: number, out: Float64Array, hull: Int32Array, bounds: Float64Array): void {
  let k = 0;
  hull[0] = 0;
  bounds[0] = -Infinity;
  bounds[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = (f[q] + q * q - (f[hull[k]] + hull[k] * hull[k])) / (2 * q - 2 * hull[k]);
    while (s <= bounds[k]) {
      k--;
      s = (f[q] + q * q - (f[hull[k]] + hull[k] * hull[k])) / (2 * q - 2 * hull[k]);
    }
    k++;
    hull[k] = q;
    bounds[k] = s;
    bounds[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (bounds[k + 1] < q) k++;
    out[q] = (q - hull[k]) ** 2 + f[hull[k]];
  }
}
