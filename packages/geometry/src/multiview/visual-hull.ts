// multiview_to_model's shape: the visual hull of the views' silhouettes (Laurentini, "The Visual Hull Concept
// for Silhouette-Based Image Understanding", PAMI 1994), as a signed distance for Manifold.levelSet.
//
// Each view's silhouette gets an exact 2D signed distance (distance-transform.ts); a world point's distance to
// the hull is bounded by the smallest of its views' distances (the intersection of the extruded silhouettes),
// which is the usual SDF of an intersection and what voxel carving computes on a grid, but continuous, so the
// surface comes out smooth at any grid size. Views are orthographic (view-frame.ts). When neither side view is
// given, depth is unconstrained; the inflated front silhouette (inflate-silhouette.ts) bounds it.
import { signedDistance } from '../raster/distance-transform.ts';
import type { ForegroundMask } from '../raster/foreground-mask.ts';
import { inflateSilhouette } from '../image-to-model/inflate-silhouette.ts';
import type { LevelSetBounds } from './level-set-mesh.ts';
import { sampleBilinear, sampleSignedDistance, type ScalarGrid } from './sample-grid.ts';
import { frameWidthUnits, projectToView, type ViewFrame } from './view-frame.ts';

export interface SilhouetteView {
  frame: ViewFrame;
  mask: ForegroundMask;
}

export interface VisualHull {
  /** Positive inside, world units. */
  distance(x: number, y: number, z: number): number;
  bounds: LevelSetBounds;
  /** Half extents of the hull's box along x, y, z. */
  halfExtent: [number, number, number];
}

export function visualHull(views: SilhouetteView[]): VisualHull {
  const prepared = views.map((view) => ({
    frame: view.frame,
    signed: { width: view.mask.width, height: view.mask.height, values: signedDistance(view.mask) } as ScalarGrid,
  }));
  const alongX = prepared.filter(({ frame }) => frame.view === 'front' || frame.view === 'back');
  const alongZ = prepared.filter(({ frame }) => frame.view === 'left' || frame.view === 'right');
  const halfHeight = 0.5;
  const halfX = Math.max(...alongX.map(({ frame }) => frameWidthUnits(frame) / 2), 0);
  let halfZ = Math.max(...alongZ.map(({ frame }) => frameWidthUnits(frame) / 2), 0);

  let depthPrior: ((x: number, y: number, z: number) => number) | undefined;
  if (alongZ.length === 0) {
    const front = views.find((view) => view.frame.view === 'front') ?? views[0];
    const heights = inflateSilhouette(front.mask);
    let maxHeight = 0;
    for (const value of heights.values) maxHeight = Math.max(maxHeight, value);
    const scale = front.frame.pixelsPerUnit;
    halfZ = maxHeight / scale;
    depthPrior = (x, y, z) => {
      const [u, v] = projectToView(front.frame, x, y, z);
      return sampleBilinear(heights, u, v) / scale - Math.abs(z);
    };
  }
  const distance = (x: number, y: number, z: number): number => {
    let nearest = depthPrior ? depthPrior(x, y, z) : Infinity;
    for (const { frame, signed } of prepared) {
      const [u, v] = projectToView(frame, x, y, z);
      const value = sampleSignedDistance(signed, u, v) / frame.pixelsPerUnit;
      if (value < nearest) nearest = value;
    }
    return nearest;
  };
  const margin = 0.02;
  return {
    distance,
    halfExtent: [halfX, halfHeight, halfZ],
    bounds: {
      min: [-halfX - margin, -halfHeight - margin, -halfZ - margin],
      max: [halfX + margin, halfHeight + margin, halfZ + margin],
    },
  };
}
