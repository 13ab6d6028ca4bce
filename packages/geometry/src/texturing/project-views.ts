// Projective texturing of the atlas from one or more pictures of the object (texture_prompt.image, or images
// from the front, left, back and right): each view is an orthographic camera circling the model's vertical axis
// (0° looks at the front, +Z; 90° at the model's left, +X), and the model's silhouette extent in that view is
// fitted, aspect kept and centred, onto the picture's foreground box (prepare-view-image.ts). A texel takes a
// view's colour only where its surface point is visible: a depth map of the whole model is rasterised per view
// (rasterize-visibility.ts; for an orthographic camera depth is affine on screen, so the buffer's linear
// interpolation is exact) and the point must be within a small tolerance of the nearest depth there, facing the
// camera, and on the picture's foreground. Views blend with weight cos²(angle to the view), in linear light
// (Debevec, Taylor & Malik, "Modeling and rendering architecture from photographs", SIGGRAPH 1996, view-dependent
// blending, used here once per texel). Texels no view sees keep weight 0 for the unseen-area fill.
import { rasterizeVisibility } from '../render/rasterize-visibility.ts';
import { SRGB_TO_LINEAR } from '../render/sample-texture.ts';
import type { ViewImage } from './prepare-view-image.ts';

export interface ProjectionView {
  image: ViewImage;
  azimuthDegrees: number;
}

export interface Occluders {
  positions: Float32Array;
  indices: Uint32Array;
}

export interface ProjectedColours {
  /** Linear rgb per surface sample. */
  colours: Float32Array;
  /** Blend weight per sample; 0 where no view saw it. */
  weights: Float32Array;
}

const MIN_FACING_COSINE = 0.1;
/** Depth tolerance, as a fraction of the model's depth range, plus a few depth-map pixels' worth of slope. */
const DEPTH_TOLERANCE_FRACTION = 0.01;

export function projectViews(
  points: Float32Array,
  normals: Float32Array,
  occluders: Occluders,
  views: ProjectionView[],
): ProjectedColours {
  const count = points.length / 3;
  const colours = new Float32Array(count * 3);
  const weights = new Float32Array(count);
  for (const view of views) projectOne(points, normals, occluders, view, colours, weights);
  for (let sample = 0; sample < count; sample++) {
    if (weights[sample] <= 0) continue;
    for (let channel = 0; channel < 3; channel++) colours[sample * 3 + channel] /= weights[sample];
  }
  return { colours, weights };
}

function projectOne(
  points: Float32Array,
  normals: Float32Array,
  occluders: Occluders,
  view: ProjectionView,
  colours: Float32Array,
  weights: Float32Array,
): void {
  const angle = (view.azimuthDegrees * Math.PI) / 180;
  const toCamera = [Math.sin(angle), 0, Math.cos(angle)];
  const right = [Math.cos(angle), 0, -Math.sin(angle)];
  const { image } = view;

  // View-space extent of the whole model: x along `right`, y up, depth towards the camera.
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity,
    minDepth = Infinity,
    maxDepth = -Infinity;
  const vertexCount = occluders.positions.length / 3;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const px = occluders.positions[vertex * 3],
      py = occluders.positions[vertex * 3 + 1],
      pz = occluders.positions[vertex * 3 + 2];
    const x = px * right[0] + pz * right[2],
      depth = px * toCamera[0] + pz * toCamera[2];
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
    minDepth = Math.min(minDepth, depth);
    maxDepth = Math.max(maxDepth, depth);
  }
  const [boxMinX, boxMinY, boxMaxX, boxMaxY] = image.bounds;
  const scale = Math.min(
    (boxMaxX - boxMinX) / Math.max(maxX - minX, 1e-9),
    (boxMaxY - boxMinY) / Math.max(maxY - minY, 1e-9),
  );
  const centreX = (minX + maxX) / 2,
    centreY = (minY + maxY) / 2;
  const imageCentreX = (boxMinX + boxMaxX) / 2,
    imageCentreY = (boxMinY + boxMaxY) / 2;
  const depthRange = Math.max(maxDepth - minDepth, 1e-9);
  const nearness = (depth: number) => depth - minDepth + 0.05 * depthRange; // > 0, larger is nearer
  const toImageX = (x: number) => imageCentreX + (x - centreX) * scale;
  const toImageY = (y: number) => imageCentreY - (y - centreY) * scale;

  const screen = new Float32Array(vertexCount * 3);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const px = occluders.positions[vertex * 3],
      py = occluders.positions[vertex * 3 + 1],
      pz = occluders.positions[vertex * 3 + 2];
    screen[vertex * 3] = toImageX(px * right[0] + pz * right[2]);
    screen[vertex * 3 + 1] = toImageY(py);
    screen[vertex * 3 + 2] = nearness(px * toCamera[0] + pz * toCamera[2]);
  }
  const depthMap = rasterizeVisibility(
    [{ screen, indices: occluders.indices, cullBackFaces: false, firstTriangleId: 0 }],
    image.width,
    image.height,
  );
  const tolerance = DEPTH_TOLERANCE_FRACTION * depthRange + 3 / scale;

  const count = points.length / 3;
  for (let sample = 0; sample < count; sample++) {
    const facing = normals[sample * 3] * toCamera[0] + normals[sample * 3 + 2] * toCamera[2];
    if (facing < MIN_FACING_COSINE) continue;
    const px = points[sample * 3],
      py = points[sample * 3 + 1],
      pz = points[sample * 3 + 2];
    const x = toImageX(px * right[0] + pz * right[2]),
      y = toImageY(py);
    const column = Math.floor(x),
      row = Math.floor(y);
    if (column < 0 || row < 0 || column >= image.width || row >= image.height) continue;
    const pixel = row * image.width + column;
    if (!image.foreground[pixel]) continue;
    const nearest = depthMap.inverseDepth[pixel];
    if (nearest > 0 && nearness(px * toCamera[0] + pz * toCamera[2]) < nearest - tolerance) continue;
    const weight = facing * facing;
    sampleLinear(image, x, y, colours, sample * 3, weight);
    weights[sample] += weight;
  }
}

/** Adds weight × the bilinear linear-light colour at pixel coordinates (x, y) to out[offset..offset + 2]. */
function sampleLinear(image: ViewImage, x: number, y: number, out: Float32Array, offset: number, weight: number): void {
  const fx = x - 0.5,
    fy = y - 0.5;
  const x0 = Math.max(0, Math.min(image.width - 1, Math.floor(fx))),
    y0 = Math.max(0, Math.min(image.height - 1, Math.floor(fy)));
  const x1 = Math.min(image.width - 1, x0 + 1),
    y1 = Math.min(image.height - 1, y0 + 1);
  const tx = Math.max(0, Math.min(1, fx - x0)),
    ty = Math.max(0, Math.min(1, fy - y0));
  const { data, width } = image;
  for (let channel = 0; channel < 3; channel++) {
    const top =
      SRGB_TO_LINEAR[data[(y0 * width + x0) * 4 + channel]] * (1 - tx) +
      SRGB_TO_LINEAR[data[(y0 * width + x1) * 4 + channel]] * tx;
    const bottom =
      SRGB_TO_LINEAR[data[(y1 * width + x0) * 4 + channel]] * (1 - tx) +
      SRGB_TO_LINEAR[data[(y1 * width + x1) * 4 + channel]] * tx;
    out[offset + channel] += weight * (top * (1 - ty) + bottom * ty);
  }
}
