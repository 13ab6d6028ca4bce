// Bilinear lookups in per-pixel grids (signed distances, heights) at continuous image coordinates, where
// pixel centres sit at i + 0.5. Outside the grid a signed distance keeps falling with the distance travelled.

export interface ScalarGrid {
  width: number;
  height: number;
  values: Float32Array;
}

export function sampleBilinear(grid: ScalarGrid, u: number, v: number): number {
  const x = Math.min(grid.width - 1, Math.max(0, u - 0.5));
  const y = Math.min(grid.height - 1, Math.max(0, v - 0.5));
  const x0 = Math.floor(x),
    y0 = Math.floor(y);
  const x1 = Math.min(grid.width - 1, x0 + 1),
    y1 = Math.min(grid.height - 1, y0 + 1);
  const fx = x - x0,
    fy = y - y0;
  const row0 = y0 * grid.width,
    row1 = y1 * grid.width;
  const top = grid.values[row0 + x0] * (1 - fx) + grid.values[row0 + x1] * fx;
  const bottom = grid.values[row1 + x0] * (1 - fx) + grid.values[row1 + x1] * fx;
  return top * (1 - fy) + bottom * fy;
}

/** A signed distance (positive inside) sampled anywhere: beyond the grid's edge it decreases by the overshoot. */
export function sampleSignedDistance(grid: ScalarGrid, u: number, v: number): number {
  const clampedU = Math.min(grid.width - 0.5, Math.max(0.5, u));
  const clampedV = Math.min(grid.height - 0.5, Math.max(0.5, v));
  const overshoot = Math.hypot(u - clampedU, v - clampedV);
  return sampleBilinear(grid, clampedU, clampedV) - overshoot;
}
