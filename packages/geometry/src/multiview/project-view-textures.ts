// Textures a mesh from the images it was reconstructed from: every triangle takes its colour from the one
// view that sees it best, and the atlas is made of those views' images.
//
// Method: per-face view selection, the first step of multi-view texturing as in Lempitsky & Ivanov,
// "Seamless Mosaicing of Image-Based Texture Maps" (CVPR 2007) and Waechter, Moehrle & Goesele, "Let There Be
// Color!" (ECCV 2014), simplified: the data term is the cosine between the face normal and the view
// direction, a face hidden in a view (z-buffer test with rasterize-visibility.ts, orthographic) is only
// chosen when no view sees it, and the labels are smoothed by a few majority votes over edge neighbours in
// place of their MRF. The chosen view's projection gives the UVs directly, so no UV unwrapping is needed
// (xatlas takes tens of seconds at these sizes, geometry-stack.md §3); the atlas holds each used view's
// crop around the object, with the background replaced by a pull-push extension of the object's colours
// so filtering across the outline stays on the object's colours.
import type { RgbaImage } from '../raster/decode-image.ts';
import type { ForegroundMask } from '../raster/foreground-mask.ts';
import { pushPullFill } from '../raster/push-pull-fill.ts';
import { rasterizeVisibility } from '../render/rasterize-visibility.ts';
import type { TriangleMesh } from './level-set-mesh.ts';
import { vertexNormals } from './simplify-mesh.ts';
import { projectToView, type ViewFrame } from './view-frame.ts';
import type sharpModule from 'sharp';

export interface TextureView {
  frame: ViewFrame;
  /** The view's image at texture resolution (same aspect as the mask the frame was fitted on). */
  image: RgbaImage;
  /** The object's mask at the frame's (working) resolution. */
  mask: ForegroundMask;
}

export interface ProjectViewTexturesOptions {
  /** Longest side of one view's cell in the atlas. */
  maxCellSizePixels: number;
  sharp: typeof sharpModule;
}

export interface TexturedMesh {
  positions: Float32Array;
  normals: Float32Array;
  /** glTF convention: origin top-left */
  uvs: Float32Array;
  indices: Uint32Array;
  atlas: RgbaImage;
  /** how many triangles each view textures, in the order of the views given */
  trianglesPerView: number[];
}

const VOTE_ROUNDS = 2;
const GUTTER_PIXELS = 4;

export async function projectViewTextures(
  mesh: TriangleMesh,
  views: TextureView[],
  options: ProjectViewTexturesOptions,
): Promise<TexturedMesh> {
  const triangleCount = mesh.indices.length / 3;
  const { normals: faceNormals, centroids } = faceGeometry(mesh);
  const scores = new Float32Array(triangleCount * views.length);
  const visible = new Uint8Array(triangleCount * views.length);
  views.forEach((view, viewIndex) =>
    scoreView(mesh, view, viewIndex, views.length, faceNormals, centroids, scores, visible),
  );

  const labels = new Int32Array(triangleCount);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let viewIndex = 0; viewIndex < views.length; viewIndex++) {
      // a hidden view only wins when no view sees the face
      const score =
        scores[triangle * views.length + viewIndex] - (visible[triangle * views.length + viewIndex] ? 0 : 4);
      if (score > bestScore) {
        bestScore = score;
        best = viewIndex;
      }
    }
    labels[triangle] = best;
  }
  smoothLabels(mesh.indices, labels, scores, visible, views.length);

  const cells = await Promise.all(views.map((view) => buildCell(view, options)));
  const layout = layoutCells(cells.map((cell) => [cell.width, cell.height]));
  const atlas: RgbaImage = {
    width: layout.width,
    height: layout.height,
    data: new Uint8Array(layout.width * layout.height * 4),
  };
  const trianglesPerView = views.map(() => 0);
  for (const label of labels) trianglesPerView[label]++;
  cells.forEach((cell, index) => {
    const [left, top] = layout.positions[index];
    for (let y = 0; y < cell.height; y++)
      atlas.data.set(
        cell.rgba.subarray(y * cell.width * 4, (y + 1) * cell.width * 4),
        ((top + y) * layout.width + left) * 4,
      );
  });
  // Gutters take the colour of the nearest cell.
  const known = new Uint8Array(layout.width * layout.height);
  cells.forEach((cell, index) => {
    const [left, top] = layout.positions[index];
    for (let y = 0; y < cell.height; y++)
      known.fill(1, (top + y) * layout.width + left, (top + y) * layout.width + left + cell.width);
  });
  pushPullFill(atlas.data, known, layout.width, layout.height);

  // Split vertices per (vertex, view) and give each corner its projection in the chosen view's cell.
  const normals = vertexNormals(mesh);
  const vertexOf = new Map<number, number>();
  const outPositions: number[] = [];
  const outNormals: number[] = [];
  const outUvs: number[] = [];
  const outIndices = new Uint32Array(mesh.indices.length);
  for (let corner = 0; corner < mesh.indices.length; corner++) {
    const vertex = mesh.indices[corner];
    const viewIndex = labels[Math.floor(corner / 3)];
    const key = vertex * views.length + viewIndex;
    let index = vertexOf.get(key);
    if (index === undefined) {
      index = outPositions.length / 3;
      vertexOf.set(key, index);
      const x = mesh.positions[vertex * 3],
        y = mesh.positions[vertex * 3 + 1],
        z = mesh.positions[vertex * 3 + 2];
      outPositions.push(x, y, z);
      outNormals.push(normals[vertex * 3], normals[vertex * 3 + 1], normals[vertex * 3 + 2]);
      const cell = cells[viewIndex];
      const [left, top] = layout.positions[viewIndex];
      const [u, v] = projectToView(views[viewIndex].frame, x, y, z);
      const cellX = clamp((u * cell.imagePerMaskX - cell.imageLeft) * cell.cellPerImageX, 0.5, cell.width - 0.5);
      const cellY = clamp((v * cell.imagePerMaskY - cell.imageTop) * cell.cellPerImageY, 0.5, cell.height - 0.5);
      outUvs.push((left + cellX) / layout.width, (top + cellY) / layout.height);
    }
    outIndices[corner] = index;
  }
  return {
    positions: Float32Array.from(outPositions),
    normals: Float32Array.from(outNormals),
    uvs: Float32Array.from(outUvs),
    indices: outIndices,
    atlas,
    trianglesPerView,
  };
}

function faceGeometry(mesh: TriangleMesh): { normals: Float32Array; centroids: Float32Array } {
  const { positions, indices } = mesh;
  const triangleCount = indices.length / 3;
  const normals = new Float32Array(triangleCount * 3);
  const centroids = new Float32Array(triangleCount * 3);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const a = indices[triangle * 3] * 3,
      b = indices[triangle * 3 + 1] * 3,
      c = indices[triangle * 3 + 2] * 3;
    const e1x = positions[b] - positions[a],
      e1y = positions[b + 1] - positions[a + 1],
      e1z = positions[b + 2] - positions[a + 2];
    const e2x = positions[c] - positions[a],
      e2y = positions[c + 1] - positions[a + 1],
      e2z = positions[c + 2] - positions[a + 2];
    const nx = e1y * e2z - e1z * e2y,
      ny = e1z * e2x - e1x * e2z,
      nz = e1x * e2y - e1y * e2x;
    const length = Math.hypot(nx, ny, nz) || 1;
    normals[triangle * 3] = nx / length;
    normals[triangle * 3 + 1] = ny / length;
    normals[triangle * 3 + 2] = nz / length;
    for (let axis = 0; axis < 3; axis++)
      centroids[triangle * 3 + axis] = (positions[a + axis] + positions[b + axis] + positions[c + axis]) / 3;
  }
  return { normals, centroids };
}

/** Cosine score and z-buffer visibility of every face in one view. */
function scoreView(
  mesh: TriangleMesh,
  view: TextureView,
  viewIndex: number,
  viewCount: number,
  faceNormals: Float32Array,
  centroids: Float32Array,
  scores: Float32Array,
  visible: Uint8Array,
): void {
  const { frame } = view;
  const { positions, indices } = mesh;
  const vertexCount = positions.length / 3;
  const [dx, dy, dz] = frame.toCamera;
  let reach = 0;
  for (let offset = 0; offset < positions.length; offset++) reach = Math.max(reach, Math.abs(positions[offset]));
  const depthOffset = 2 * reach * Math.sqrt(3) + 1;
  const screen = new Float32Array(vertexCount * 3);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const x = positions[vertex * 3],
      y = positions[vertex * 3 + 1],
      z = positions[vertex * 3 + 2];
    const [u, v] = projectToView(frame, x, y, z);
    screen[vertex * 3] = u;
    screen[vertex * 3 + 1] = v;
    screen[vertex * 3 + 2] = x * dx + y * dy + z * dz + depthOffset;
  }
  const buffer = rasterizeVisibility(
    [{ screen, indices, cullBackFaces: true, firstTriangleId: 0 }],
    frame.widthPixels,
    frame.heightPixels,
  );
  const tolerance = 2 / frame.pixelsPerUnit;
  const triangleCount = indices.length / 3;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const cosine =
      faceNormals[triangle * 3] * dx + faceNormals[triangle * 3 + 1] * dy + faceNormals[triangle * 3 + 2] * dz;
    scores[triangle * viewCount + viewIndex] = cosine;
    if (cosine <= 0) continue;
    const x = centroids[triangle * 3],
      y = centroids[triangle * 3 + 1],
      z = centroids[triangle * 3 + 2];
    const [u, v] = projectToView(frame, x, y, z);
    const column = Math.floor(u);
    const row = Math.floor(v);
    if (column < 0 || row < 0 || column >= frame.widthPixels || row >= frame.heightPixels) continue;
    const depth = x * dx + y * dy + z * dz + depthOffset;
    let nearest = 0;
    // the nearest surface around the centroid's pixel, so faces on a silhouette edge are not lost to sampling
    for (let offsetV = -1; offsetV <= 1; offsetV++) {
      for (let offsetU = -1; offsetU <= 1; offsetU++) {
        const sampleU = column + offsetU,
          sampleV = row + offsetV;
        if (sampleU < 0 || sampleV < 0 || sampleU >= frame.widthPixels || sampleV >= frame.heightPixels) continue;
        const value = buffer.inverseDepth[sampleV * frame.widthPixels + sampleU];
        if (value > 0 && (nearest === 0 || value < nearest)) nearest = value;
      }
    }
    if (nearest === 0 || depth >= nearest - tolerance) visible[triangle * viewCount + viewIndex] = 1;
  }
}

/** Majority votes over edge neighbours: a face joins the label most of its neighbours have, when that view sees it nearly as well. */
function smoothLabels(
  indices: Uint32Array,
  labels: Int32Array,
  scores: Float32Array,
  visible: Uint8Array,
  viewCount: number,
): void {
  const triangleCount = indices.length / 3;
  const edgeOwner = new Map<number, number>();
  const neighbours = new Int32Array(triangleCount * 3).fill(-1);
  const maxVertex = indices.reduce((max, value) => Math.max(max, value), 0) + 1;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    for (let side = 0; side < 3; side++) {
      const a = indices[triangle * 3 + side];
      const b = indices[triangle * 3 + ((side + 1) % 3)];
      const key = Math.min(a, b) * maxVertex + Math.max(a, b);
      const other = edgeOwner.get(key);
      if (other === undefined) {
        edgeOwner.set(key, triangle * 3 + side);
      } else {
        neighbours[triangle * 3 + side] = Math.floor(other / 3);
        neighbours[other] = triangle;
      }
    }
  }
  for (let round = 0; round < VOTE_ROUNDS; round++) {
    const next = Int32Array.from(labels);
    for (let triangle = 0; triangle < triangleCount; triangle++) {
      const own = labels[triangle];
      const counts = new Map<number, number>();
      for (let side = 0; side < 3; side++) {
        const neighbour = neighbours[triangle * 3 + side];
        if (neighbour >= 0) counts.set(labels[neighbour], (counts.get(labels[neighbour]) ?? 0) + 1);
      }
      for (const [label, count] of counts) {
        if (label === own || count < 2) continue;
        const index = triangle * viewCount + label;
        if (visible[index] && scores[index] >= scores[triangle * viewCount + own] - 0.35 && scores[index] > 0.05)
          next[triangle] = label;
      }
    }
    labels.set(next);
  }
}

interface Cell {
  width: number;
  height: number;
  rgba: Uint8Array;
  /** The crop's top-left corner in image pixels; image pixels per mask pixel; cell pixels per image pixel. */
  imageLeft: number;
  imageTop: number;
  imagePerMaskX: number;
  imagePerMaskY: number;
  cellPerImageX: number;
  cellPerImageY: number;
}

/** The view's object crop at atlas resolution, background replaced by the pull-push fill. */
async function buildCell(view: TextureView, options: ProjectViewTexturesOptions): Promise<Cell> {
  const { frame, image, mask } = view;
  const toImage = image.width / mask.width;
  const toImageY = image.height / mask.height;
  const [minU, minV, maxU, maxV] = frame.box;
  const margin = Math.max(2, Math.round(0.03 * Math.max(maxU - minU, maxV - minV)));
  const cropLeft = Math.max(0, minU - margin),
    cropTop = Math.max(0, minV - margin);
  const cropRight = Math.min(mask.width, maxU + margin),
    cropBottom = Math.min(mask.height, maxV + margin);
  const imageLeft = Math.floor(cropLeft * toImage),
    imageTop = Math.floor(cropTop * toImageY);
  const imageWidth = Math.max(1, Math.min(image.width - imageLeft, Math.ceil((cropRight - cropLeft) * toImage)));
  const imageHeight = Math.max(1, Math.min(image.height - imageTop, Math.ceil((cropBottom - cropTop) * toImageY)));
  const fit = Math.min(1, options.maxCellSizePixels / Math.max(imageWidth, imageHeight));
  const width = Math.max(1, Math.round(imageWidth * fit));
  const height = Math.max(1, Math.round(imageHeight * fit));
  const { sharp } = options;
  const rgbaBuffer = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .extract({ left: imageLeft, top: imageTop, width: imageWidth, height: imageHeight })
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  const maskBytes = new Uint8Array(mask.data.length);
  for (let pixel = 0; pixel < maskBytes.length; pixel++) maskBytes[pixel] = mask.data[pixel] * 255;
  const maskLeft = Math.floor(cropLeft),
    maskTop = Math.floor(cropTop);
  const maskBuffer = await sharp(maskBytes, { raw: { width: mask.width, height: mask.height, channels: 1 } })
    .extract({
      left: maskLeft,
      top: maskTop,
      width: Math.max(1, Math.ceil(cropRight) - maskLeft),
      height: Math.max(1, Math.ceil(cropBottom) - maskTop),
    })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const rgba = new Uint8Array(rgbaBuffer.buffer, rgbaBuffer.byteOffset, rgbaBuffer.byteLength).slice();
  // Keep only pixels well inside the outline: its fringe mixes in the old background.
  const inside = new Uint8Array(width * height);
  for (let pixel = 0; pixel < inside.length; pixel++)
    inside[pixel] = maskBuffer[pixel] >= 250 && rgba[pixel * 4 + 3] >= 128 ? 1 : 0;
  const known = erode(inside, width, height, Math.max(1, Math.round(Math.max(width, height) / 300)));
  pushPullFill(rgba, known, width, height);
  return {
    width,
    height,
    rgba,
    imageLeft,
    imageTop,
    imagePerMaskX: toImage,
    imagePerMaskY: toImageY,
    cellPerImageX: width / imageWidth,
    cellPerImageY: height / imageHeight,
  };
}

function erode(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  let current = mask;
  for (let step = 0; step < radius; step++) {
    const next = new Uint8Array(current.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const pixel = y * width + x;
        next[pixel] =
          current[pixel] &&
          (x === 0 || current[pixel - 1]) &&
          (x === width - 1 || current[pixel + 1]) &&
          (y === 0 || current[pixel - width]) &&
          (y === height - 1 || current[pixel + width])
            ? 1
            : 0;
      }
    }
    // an over-eroded thin part keeps its pixels rather than vanish
    current = next.some((value) => value) ? next : current;
  }
  return current;
}

/** Two columns of cells with gutters; returns each cell's top-left corner and the atlas size. */
function layoutCells(sizes: [number, number][]): { width: number; height: number; positions: [number, number][] } {
  const columns = sizes.length <= 1 ? 1 : 2;
  const positions: [number, number][] = [];
  let top = 0;
  let width = 0;
  for (let row = 0; row * columns < sizes.length; row++) {
    let left = 0;
    let rowHeight = 0;
    for (let column = 0; column < columns && row * columns + column < sizes.length; column++) {
      const [cellWidth, cellHeight] = sizes[row * columns + column];
      positions.push([left, top]);
      left += cellWidth + GUTTER_PIXELS;
      rowHeight = Math.max(rowHeight, cellHeight);
    }
    width = Math.max(width, left - GUTTER_PIXELS);
    top += rowHeight + GUTTER_PIXELS;
  }
  return { width: Math.max(1, width), height: Math.max(1, top - GUTTER_PIXELS), positions };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
