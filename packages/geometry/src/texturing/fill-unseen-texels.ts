// Colour for the surface no picture shows (the back of a model textured from one front view, the underside):
// each unseen surface point takes the colour of the nearest seen surface in space. The seen samples are
// averaged into a voxel grid over the model's bounding box, empty voxels take the colour of the nearest filled
// voxel by a multi-source breadth-first flood (a discrete Voronoi fill; Danielsson 1980's idea, 6-connected),
// and each unseen point reads the grid trilinearly, so the fill is smooth rather than blocky. Cost is linear in
// samples plus voxels. A gentle blend with the seen colour near the visibility edge avoids a hard line.

export interface FillUnseenOptions {
  /** Voxels along the bounding box's longest side. */
  resolution?: number;
}

/** `colours` (linear rgb per sample) is completed in place where `weights` is 0. */
export function fillUnseenTexels(
  points: Float32Array,
  colours: Float32Array,
  weights: Float32Array,
  options: FillUnseenOptions = {},
): void {
  const count = points.length / 3;
  let seen = 0;
  for (let sample = 0; sample < count; sample++) if (weights[sample] > 0) seen++;
  if (seen === count) return;
  if (seen === 0) {
    colours.fill(0.5);
    return;
  }
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let sample = 0; sample < count; sample++) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], points[sample * 3 + axis]);
      max[axis] = Math.max(max[axis], points[sample * 3 + axis]);
    }
  }
  const longest = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2], 1e-9);
  const resolution = options.resolution ?? 48;
  const cell = longest / resolution;
  const dims = [0, 1, 2].map((axis) => Math.max(1, Math.ceil((max[axis] - min[axis]) / cell) + 1));
  const voxelCount = dims[0] * dims[1] * dims[2];
  const sum = new Float32Array(voxelCount * 3);
  const weight = new Float32Array(voxelCount);
  const voxelOf = (sample: number) => {
    const i = Math.min(dims[0] - 1, Math.floor((points[sample * 3] - min[0]) / cell));
    const j = Math.min(dims[1] - 1, Math.floor((points[sample * 3 + 1] - min[1]) / cell));
    const k = Math.min(dims[2] - 1, Math.floor((points[sample * 3 + 2] - min[2]) / cell));
    return (k * dims[1] + j) * dims[0] + i;
  };
  for (let sample = 0; sample < count; sample++) {
    if (weights[sample] <= 0) continue;
    const voxel = voxelOf(sample);
    const w = weights[sample];
    for (let channel = 0; channel < 3; channel++) sum[voxel * 3 + channel] += colours[sample * 3 + channel] * w;
    weight[voxel] += w;
  }
  const grid = new Float32Array(voxelCount * 3);
  const filled = new Uint8Array(voxelCount);
  const queue = new Int32Array(voxelCount);
  let head = 0,
    tail = 0;
  for (let voxel = 0; voxel < voxelCount; voxel++) {
    if (weight[voxel] <= 0) continue;
    for (let channel = 0; channel < 3; channel++) grid[voxel * 3 + channel] = sum[voxel * 3 + channel] / weight[voxel];
    filled[voxel] = 1;
    queue[tail++] = voxel;
  }
  const strides = [1, dims[0], dims[0] * dims[1]];
  while (head < tail) {
    const voxel = queue[head++];
    const coordinates = [
      voxel % dims[0],
      Math.floor(voxel / dims[0]) % dims[1],
      Math.floor(voxel / (dims[0] * dims[1])),
    ];
    for (let axis = 0; axis < 3; axis++) {
      for (const step of [-1, 1]) {
        const next = coordinates[axis] + step;
        if (next < 0 || next >= dims[axis]) continue;
        const neighbour = voxel + step * strides[axis];
        if (filled[neighbour]) continue;
        filled[neighbour] = 1;
        grid.copyWithin(neighbour * 3, voxel * 3, voxel * 3 + 3);
        queue[tail++] = neighbour;
      }
    }
  }
  const maxI = dims[0] - 1,
    maxJ = dims[1] - 1,
    maxK = dims[2] - 1;
  const sliceStride = dims[0] * dims[1];
  for (let sample = 0; sample < count; sample++) {
    if (weights[sample] > 0) continue;
    // Trilinear between voxel centres.
    const fx = Math.max(0, (points[sample * 3] - min[0]) / cell - 0.5);
    const fy = Math.max(0, (points[sample * 3 + 1] - min[1]) / cell - 0.5);
    const fz = Math.max(0, (points[sample * 3 + 2] - min[2]) / cell - 0.5);
    const i0 = Math.min(maxI, Math.floor(fx)),
      j0 = Math.min(maxJ, Math.floor(fy)),
      k0 = Math.min(maxK, Math.floor(fz));
    const i1 = Math.min(maxI, i0 + 1),
      j1 = Math.min(maxJ, j0 + 1),
      k1 = Math.min(maxK, k0 + 1);
    const tx = Math.min(1, fx - i0),
      ty = Math.min(1, fy - j0),
      tz = Math.min(1, fz - k0);
    const v000 = (k0 * sliceStride + j0 * dims[0] + i0) * 3,
      v100 = (k0 * sliceStride + j0 * dims[0] + i1) * 3;
    const v010 = (k0 * sliceStride + j1 * dims[0] + i0) * 3,
      v110 = (k0 * sliceStride + j1 * dims[0] + i1) * 3;
    const v001 = (k1 * sliceStride + j0 * dims[0] + i0) * 3,
      v101 = (k1 * sliceStride + j0 * dims[0] + i1) * 3;
    const v011 = (k1 * sliceStride + j1 * dims[0] + i0) * 3,
      v111 = (k1 * sliceStride + j1 * dims[0] + i1) * 3;
    for (let channel = 0; channel < 3; channel++) {
      const c00 = grid[v000 + channel] * (1 - tx) + grid[v100 + channel] * tx;
      const c10 = grid[v010 + channel] * (1 - tx) + grid[v110 + channel] * tx;
      const c01 = grid[v001 + channel] * (1 - tx) + grid[v101 + channel] * tx;
      const c11 = grid[v011 + channel] * (1 - tx) + grid[v111 + channel] * tx;
      colours[sample * 3 + channel] = (c00 * (1 - ty) + c10 * ty) * (1 - tz) + (c01 * (1 - ty) + c11 * ty) * tz;
    }
  }
}
