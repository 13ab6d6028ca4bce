// multiview_to_model's geometry: up to four views [front, left, back, right] → a closed, textured mesh.
//
// Pipeline: each view's object mask (background-remover.ts) and frame (view-frame.ts) → the visual hull as a
// signed distance (visual-hull.ts) → a closed surface by Manifold.levelSet → Taubin smoothing → quadric
// decimation to the face budget → each face textured from the view that sees it best
// (project-view-textures.ts) → scaled so the longest side is one unit, centred on the origin.
import type sharpModule from 'sharp';
import type { BackgroundRemover } from '../raster/background-remover.ts';
import { NoForegroundError } from '../raster/classical-background-remover.ts';
import { decodeImage } from '../raster/decode-image.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { levelSetMesh, type TriangleMesh } from './level-set-mesh.ts';
import { projectViewTextures, type TexturedMesh, type TextureView } from './project-view-textures.ts';
import { simplifyMesh } from './simplify-mesh.ts';
import { smoothMesh } from './smooth-mesh.ts';
import { visualHull } from './visual-hull.ts';
import { fitViewFrame, maskBoundingBox, type ViewName } from './view-frame.ts';

export interface MultiviewImage {
  view: ViewName;
  bytes: Uint8Array;
}

/** The options of both reconstructions from images: this one and image-to-model/image-to-model.ts. */
export interface MultiviewToModelOptions {
  backgroundRemover: BackgroundRemover;
  sharp: typeof sharpModule;
  /** false: geometry only (no UVs, no atlas). */
  textured: boolean;
  /** Longest side of each view's cell in the texture atlas. */
  textureCellPixels: number;
  maxTriangles: number;
  /** Level-set cells across the model's longest side. */
  gridResolution: number;
  /** Longest side the masks (and image-to-model's height field) are computed at. */
  workingSizePixels?: number;
  reportProgress?: (percent: number) => void;
}

export const MULTIVIEW_WORKING_SIZE_PIXELS = 256;

export interface MultiviewModel {
  mesh: TexturedMesh | TriangleMesh;
  /** Size of the model's bounding box, world units (the longest side is 1). */
  extent: [number, number, number];
}

export async function multiviewToModel(
  images: MultiviewImage[],
  options: MultiviewToModelOptions,
): Promise<MultiviewModel> {
  const progress = options.reportProgress ?? (() => undefined);
  const workingSize = options.workingSizePixels ?? MULTIVIEW_WORKING_SIZE_PIXELS;
  const views = await Promise.all(
    images.map(async ({ view, bytes }) => {
      const working = await decodeImage(bytes, { maxSidePixels: workingSize });
      let mask;
      try {
        mask = await options.backgroundRemover.foregroundMask(working);
      } catch (error) {
        if (error instanceof NoForegroundError)
          throw new ModelInputError(
            `No object could be separated from the background of the ${view} view; use images of one object on a plain background, or with transparency`,
          );
        throw error;
      }
      const box = maskBoundingBox(mask)!;
      // Every view's silhouette height is the object's height: one unit until the final scaling.
      return { view, bytes, working, mask, frame: fitViewFrame(view, mask, box, 1) };
    }),
  );
  progress(20);

  const hull = visualHull(views);
  const [halfX, halfY, halfZ] = hull.halfExtent;
  const longest = 2 * Math.max(halfX, halfY, halfZ);
  const raw = await levelSetMesh(hull.distance, hull.bounds, longest / options.gridResolution);
  if (raw.indices.length === 0)
    throw new ModelInputError(
      'The views do not agree on any common shape (their silhouettes do not intersect); check that they show one object in the order [front, left, back, right]',
    );
  progress(50);
  const mesh = await simplifyMesh(smoothMesh(raw), options.maxTriangles);
  progress(60);

  let result: TexturedMesh | TriangleMesh = mesh;
  if (options.textured) {
    const textureViews: TextureView[] = await Promise.all(
      views.map(async (view) => {
        const [minU, minV, maxU, maxV] = view.frame.box;
        const objectSide = Math.max(maxU - minU, maxV - minV);
        const side = Math.min(
          4096,
          Math.ceil((options.textureCellPixels * Math.max(view.working.width, view.working.height)) / objectSide),
        );
        return { frame: view.frame, mask: view.mask, image: await decodeImage(view.bytes, { maxSidePixels: side }) };
      }),
    );
    progress(70);
    result = await projectViewTextures(mesh, textureViews, {
      maxCellSizePixels: options.textureCellPixels,
      sharp: options.sharp,
    });
  }
  return { mesh: normalise(result), extent: [(2 * halfX) / longest, (2 * halfY) / longest, (2 * halfZ) / longest] };
}

/** Centres the mesh's bounding box on the origin and scales its longest side to one unit (positions only). */
function normalise<T extends TriangleMesh>(mesh: T): T {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let offset = 0; offset < mesh.positions.length; offset += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], mesh.positions[offset + axis]);
      max[axis] = Math.max(max[axis], mesh.positions[offset + axis]);
    }
  }
  const scale = 1 / Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2], 1e-9);
  const positions = new Float32Array(mesh.positions.length);
  for (let offset = 0; offset < positions.length; offset += 3) {
    for (let axis = 0; axis < 3; axis++)
      positions[offset + axis] = (mesh.positions[offset + axis] - (min[axis] + max[axis]) / 2) * scale;
  }
  return { ...mesh, positions };
}
