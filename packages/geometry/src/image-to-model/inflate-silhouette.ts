// Single-image shape: a height field over the silhouette that makes it a rounded solid, used for both the
// front and the mirrored back half of image_to_model (and as the depth prior of multiview_to_model when no
// side view is given).
//
// Method: Poisson inflation as in "Ink-and-Ray" (Sýkora et al., ACM TOG 2014) and Lumo (Johnston 2002), in
// the line of Teddy (Igarashi et al., SIGGRAPH 1999): solve ∇²f = −4 inside the silhouette with f = 0 outside
// (conjugate gradients on the pixel grid), then h = √f, which is exactly a hemisphere of radius r over a disc
// of radius r and a rounded tube over a strip; `thickness` scales it (elongated parts come out √2 fuller than
// a circular section, so the default flattens a little). Hand-written: a masked 5-point Laplacian and CG are
// short, and no npm solver takes a mask.
import type { ForegroundMask } from '../raster/foreground-mask.ts';
import { sampleBilinear, type ScalarGrid } from '../multiview/sample-grid.ts';

export interface InflateSilhouetteOptions {
  thickness?: number;
  /** Relative residual at which CG stops. */
  tolerance?: number;
  maxIterations?: number;
}

export const INFLATE_SILHOUETTE_DEFAULTS: Required<InflateSilhouetteOptions> = {
  thickness: 0.8,
  tolerance: 1e-4,
  maxIterations: 2000,
};

/** Above this many pixels on the longest side the system is solved at half resolution and upsampled. */
const DIRECT_SOLVE_MAX_SIDE = 160;

/** Heights in pixels (0 outside the silhouette). */
export function inflateSilhouette(mask: ForegroundMask, options: InflateSilhouetteOptions = {}): ScalarGrid {
  if (Math.max(mask.width, mask.height) <= DIRECT_SOLVE_MAX_SIDE) return solveHeights(mask, options);
  // CG needs about as many iterations as the grid is wide, so a half-size solve is ~8× cheaper; heights are
  // smooth, and the outline itself stays exact because the surface is also cut by the full-size signed distance.
  const halfWidth = Math.ceil(mask.width / 2);
  const halfHeight = Math.ceil(mask.height / 2);
  const half = new Uint8Array(halfWidth * halfHeight);
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) if (mask.data[y * mask.width + x]) half[(y >> 1) * halfWidth + (x >> 1)] = 1;
  }
  const coarse = solveHeights({ width: halfWidth, height: halfHeight, data: half }, options);
  const values = new Float32Array(mask.width * mask.height);
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (!mask.data[y * mask.width + x]) continue;
      values[y * mask.width + x] = 2 * sampleBilinear(coarse, (x + 0.5) / 2, (y + 0.5) / 2);
    }
  }
  return { width: mask.width, height: mask.height, values };
}

function solveHeights(mask: ForegroundMask, options: InflateSilhouetteOptions): ScalarGrid {
  const { thickness, tolerance, maxIterations } = { ...INFLATE_SILHOUETTE_DEFAULTS, ...options };
  const { width, height, data } = mask;
  // unknowns: the object's pixels; each row of the system is 4·f_p − Σ f_neighbour = 4
  const unknownOf = new Int32Array(width * height).fill(-1);
  const pixelOf: number[] = [];
  for (let pixel = 0; pixel < data.length; pixel++) {
    const x = pixel % width;
    const y = (pixel - x) / width;
    // the outermost ring is boundary, so every unknown has four neighbours in the grid
    if (data[pixel] && x > 0 && y > 0 && x < width - 1 && y < height - 1) {
      unknownOf[pixel] = pixelOf.length;
      pixelOf.push(pixel);
    }
  }
  const count = pixelOf.length;
  const neighbours = new Int32Array(count * 4);
  for (let unknown = 0; unknown < count; unknown++) {
    const pixel = pixelOf[unknown];
    neighbours[unknown * 4] = unknownOf[pixel - 1];
    neighbours[unknown * 4 + 1] = unknownOf[pixel + 1];
    neighbours[unknown * 4 + 2] = unknownOf[pixel - width];
    neighbours[unknown * 4 + 3] = unknownOf[pixel + width];
  }
  const applyLaplacian = (input: Float64Array, output: Float64Array) => {
    for (let unknown = 0; unknown < count; unknown++) {
      let sum = 4 * input[unknown];
      for (let side = 0; side < 4; side++) {
        const neighbour = neighbours[unknown * 4 + side];
        if (neighbour >= 0) sum -= input[neighbour];
      }
      output[unknown] = sum;
    }
  };
  const solution = new Float64Array(count);
  const residual = new Float64Array(count).fill(4);
  const direction = Float64Array.from(residual);
  const product = new Float64Array(count);
  let residualNorm = 16 * count;
  const stopAt = residualNorm * tolerance * tolerance;
  for (let iteration = 0; iteration < maxIterations && residualNorm > stopAt; iteration++) {
    applyLaplacian(direction, product);
    let curvature = 0;
    for (let unknown = 0; unknown < count; unknown++) curvature += direction[unknown] * product[unknown];
    const step = residualNorm / curvature;
    let nextNorm = 0;
    for (let unknown = 0; unknown < count; unknown++) {
      solution[unknown] += step * direction[unknown];
      residual[unknown] -= step * product[unknown];
      nextNorm += residual[unknown] * residual[unknown];
    }
    const ratio = nextNorm / residualNorm;
    for (let unknown = 0; unknown < count; unknown++)
      direction[unknown] = residual[unknown] + ratio * direction[unknown];
    residualNorm = nextNorm;
  }
  const values = new Float32Array(width * height);
  for (let unknown = 0; unknown < count; unknown++)
    values[pixelOf[unknown]] = thickness * Math.sqrt(Math.max(0, solution[unknown]));
  return { width, height, values };
}
