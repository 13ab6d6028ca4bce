// The orthographic cameras of the four multiview views (tripo-api.md §4.4: [front, left, back, right], the
// object turned 0°, 90°, 180°, 270°; "left" is the object's left side) and the frame that maps world points
// to a view image's normalised coordinates.
//
// World axes are glTF's: +Y up, the object faces +Z, its left is +X. Each camera looks at the origin from its
// direction, +Y up; its image's u axis is `right`, v points down. Views are framed independently (each image
// centres and scales its object as it likes), so a frame is fitted to the silhouette's bounding box: its
// vertical extent is the object's height in every view (rotation about +Y keeps it), which fixes the scale,
// and the box centre is the projection of the world origin.
import type { ForegroundMask } from '../raster/foreground-mask.ts';

export const MULTIVIEW_VIEW_NAMES = ['front', 'left', 'back', 'right'] as const;
export type ViewName = (typeof MULTIVIEW_VIEW_NAMES)[number];

type Vector3 = [number, number, number];

/** Unit vector from the object towards the camera, and the image's u axis, in world space. */
export const VIEW_AXES: Record<ViewName, { toCamera: Vector3; right: Vector3 }> = {
  front: { toCamera: [0, 0, 1], right: [1, 0, 0] },
  left: { toCamera: [1, 0, 0], right: [0, 0, -1] },
  back: { toCamera: [0, 0, -1], right: [-1, 0, 0] },
  right: { toCamera: [-1, 0, 0], right: [0, 0, 1] },
};

/** Azimuth of each view's camera for render/render-preview.ts (degrees about +Y from +Z towards +X). */
export const VIEW_AZIMUTH_DEGREES: Record<ViewName, number> = { front: 0, left: 90, back: 180, right: 270 };

export interface ViewFrame {
  view: ViewName;
  toCamera: Vector3;
  right: Vector3;
  /** Image size the frame was fitted on (the mask's), pixels. */
  widthPixels: number;
  heightPixels: number;
  /** Mask pixels per world unit. */
  pixelsPerUnit: number;
  /** Where the world origin projects, in mask pixels (continuous, pixel edges at integers). */
  centreU: number;
  centreV: number;
  /** The silhouette's bounding box in mask pixels: [minU, minV, maxU, maxV], edges. */
  box: [number, number, number, number];
}

export interface MaskBox {
  minU: number;
  minV: number;
  maxU: number;
  maxV: number;
}

export function maskBoundingBox(mask: ForegroundMask): MaskBox | undefined {
  let minU = Infinity,
    minV = Infinity,
    maxU = -Infinity,
    maxV = -Infinity;
  for (let v = 0; v < mask.height; v++) {
    for (let u = 0; u < mask.width; u++) {
      if (!mask.data[v * mask.width + u]) continue;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
  }
  return Number.isFinite(minU) ? { minU, minV, maxU: maxU + 1, maxV: maxV + 1 } : undefined;
}

/** A frame in which the silhouette's height is `worldHeight` units and its box centre is the origin. */
export function fitViewFrame(view: ViewName, mask: ForegroundMask, box: MaskBox, worldHeight: number): ViewFrame {
  const { toCamera, right } = VIEW_AXES[view];
  return {
    view,
    toCamera,
    right,
    widthPixels: mask.width,
    heightPixels: mask.height,
    pixelsPerUnit: (box.maxV - box.minV) / worldHeight,
    centreU: (box.minU + box.maxU) / 2,
    centreV: (box.minV + box.maxV) / 2,
    box: [box.minU, box.minV, box.maxU, box.maxV],
  };
}

/** Mask-pixel coordinates (continuous) of a world point. */
export function projectToView(frame: ViewFrame, x: number, y: number, z: number): [number, number] {
  const along = x * frame.right[0] + y * frame.right[1] + z * frame.right[2];
  return [frame.centreU + along * frame.pixelsPerUnit, frame.centreV - y * frame.pixelsPerUnit];
}

/** The world extent of the silhouette along the view's u axis (the object's width as this view sees it). */
export function frameWidthUnits(frame: ViewFrame): number {
  return (frame.box[2] - frame.box[0]) / frame.pixelsPerUnit;
}
