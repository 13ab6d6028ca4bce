// The first pass of the preview renderer (render-preview.ts): rasterises screen-space triangles into a
// visibility buffer, i.e. per pixel the nearest triangle's id and its depth, so the second pass shades each
// pixel exactly once however many triangles overlap it.
//
// Method: half-space (edge-function) rasterisation (Pineda, "A Parallel Algorithm for Polygon Rasterization",
// SIGGRAPH 1988) over each triangle's pixel bounding box, sampling pixel centres, with a z-buffer on 1/w,
// which is affine in screen space and so exact under linear interpolation; the visibility-buffer split
// follows Burns & Hunt, "The Visibility Buffer: A Cache-Friendly Approach to Deferred Shading" (JCGT 2013).
// Why by hand: three's WebGLRenderer needs a WebGL context (a GPU or a headless browser), and no maintained
// npm package rasterises on the CPU at this speed; the loop is ~100 lines. Sub-pixel triangles (most of a
// 1M-triangle mesh at 1024²) are rejected after the bounding-box test, before any per-pixel work.

export interface ScreenTriangles {
  /** x, y (pixels, y down, pixel centres at +0.5) and 1/w per vertex. */
  screen: Float32Array;
  /** Three vertex indices per triangle; counter-clockwise (glTF) winding is front-facing. */
  indices: Uint32Array;
  /** Skip triangles facing away from the camera (glTF single-sided materials). */
  cullBackFaces: boolean;
  /** Id of this list's first triangle in the visibility buffer. */
  firstTriangleId: number;
}

export interface VisibilityBuffer {
  width: number;
  height: number;
  /** Nearest triangle id per pixel, -1 where nothing was drawn. */
  triangleIds: Int32Array;
  /** 1/w of the nearest surface per pixel, 0 where nothing was drawn (larger is nearer). */
  inverseDepth: Float32Array;
}

/** Thrown when the triangles' pixel bounding boxes add up to more than the work budget (heavy overdraw). */
export class RasterBudgetExceeded extends Error {
  constructor(readonly maxPixelTests: number) {
    super(`rasterising would test more than ${maxPixelTests} pixels`);
    this.name = 'RasterBudgetExceeded';
  }
}

/**
 * `maxPixelTests` bounds the work: every triangle costs the pixels of its bounding box, so a model of many large,
 * overlapping triangles (a hostile file, or an n-gon fanned into thousands of slivers) could otherwise take
 * minutes; past the budget the pass stops with RasterBudgetExceeded.
 */
export function rasterizeVisibility(
  lists: ScreenTriangles[],
  width: number,
  height: number,
  maxPixelTests = Number.POSITIVE_INFINITY,
): VisibilityBuffer {
  const triangleIds = new Int32Array(width * height).fill(-1);
  const inverseDepth = new Float32Array(width * height);
  const budget = { remaining: maxPixelTests, max: maxPixelTests };
  for (const list of lists) rasterizeList(list, width, height, triangleIds, inverseDepth, budget);
  return { width, height, triangleIds, inverseDepth };
}

function rasterizeList(
  list: ScreenTriangles,
  width: number,
  height: number,
  ids: Int32Array,
  depth: Float32Array,
  budget: { remaining: number; max: number },
): void {
  const { screen, indices, cullBackFaces, firstTriangleId } = list;
  const triangleCount = indices.length / 3;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const i0 = indices[triangle * 3] * 3;
    let i1 = indices[triangle * 3 + 1] * 3;
    let i2 = indices[triangle * 3 + 2] * 3;
    const x0 = screen[i0],
      y0 = screen[i0 + 1];
    let x1 = screen[i1],
      y1 = screen[i1 + 1];
    let x2 = screen[i2],
      y2 = screen[i2 + 1];

    // Pixel centres i + 0.5 inside [min, max]: reject triangles that fall between centres before anything else.
    const minX = Math.max(0, Math.ceil(Math.min(x0, x1, x2) - 0.5));
    const maxX = Math.min(width - 1, Math.floor(Math.max(x0, x1, x2) - 0.5));
    if (!(minX <= maxX)) continue;
    const minY = Math.max(0, Math.ceil(Math.min(y0, y1, y2) - 0.5));
    const maxY = Math.min(height - 1, Math.floor(Math.max(y0, y1, y2) - 0.5));
    if (!(minY <= maxY)) continue;

    // Twice the signed area; with y pointing down, a counter-clockwise (front) triangle comes out negative.
    let area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
    if (!(area !== 0)) continue;
    if (area > 0) {
      if (cullBackFaces) continue;
    } else {
      // Reorder to positive area so "inside" is "all three edge functions ≥ 0".
      [i1, i2] = [i2, i1];
      [x1, x2] = [x2, x1];
      [y1, y2] = [y2, y1];
      area = -area;
    }
    budget.remaining -= (maxX - minX + 1) * (maxY - minY + 1);
    if (budget.remaining < 0) throw new RasterBudgetExceeded(budget.max);
    const w0 = screen[i0 + 2],
      w1 = screen[i1 + 2],
      w2 = screen[i2 + 2];

    // Edge function of edge a→b: E(x, y) = (xb - xa)(y - ya) - (yb - ya)(x - xa) = A·x + B·y + C.
    const a12 = y1 - y2,
      b12 = x2 - x1; // opposite vertex 0
    const a20 = y2 - y0,
      b20 = x0 - x2; // opposite vertex 1
    const a01 = y0 - y1,
      b01 = x1 - x0; // opposite vertex 2
    const startX = minX + 0.5,
      startY = minY + 0.5;
    let row12 = b12 * (startY - y1) + a12 * (startX - x1);
    let row20 = b20 * (startY - y2) + a20 * (startX - x2);
    let row01 = b01 * (startY - y0) + a01 * (startX - x0);
    const inverseArea = 1 / area;
    const depthStepX = (w0 * a12 + w1 * a20 + w2 * a01) * inverseArea;
    const depthStepY = (w0 * b12 + w1 * b20 + w2 * b01) * inverseArea;
    let rowDepth = (w0 * row12 + w1 * row20 + w2 * row01) * inverseArea;
    const id = firstTriangleId + triangle;

    for (let y = minY; y <= maxY; y++) {
      let e12 = row12,
        e20 = row20,
        e01 = row01,
        z = rowDepth;
      let pixel = y * width + minX;
      for (let x = minX; x <= maxX; x++, pixel++) {
        if (e12 >= 0 && e20 >= 0 && e01 >= 0 && z > depth[pixel]) {
          depth[pixel] = z;
          ids[pixel] = id;
        }
        e12 += a12;
        e20 += a20;
        e01 += a01;
        z += depthStepX;
      }
      row12 += b12;
      row20 += b20;
      row01 += b01;
      rowDepth += depthStepY;
    }
  }
}
