// image_to_model's geometry: one image → a closed, textured mesh of one piece.
//
// Pipeline: the photo's object found and judged (analyse-photo.ts: the image's alpha, or salient-object
// segmentation; a photo without one clear object is refused) → the photo cropped to the object and its mask
// made crisp there (object-silhouette.ts) → a height field
// by Poisson inflation of the silhouette (inflate-silhouette.ts), mirrored for the back: the solid
// |z| ≤ h(x, y) inside the outline, as a signed distance → a closed surface by Manifold.levelSet
// (level-set-mesh.ts) → Taubin smoothing → quadric decimation to the face budget → the front texture
// projected from the image and the back from a plausible stand-in (project-view-textures.ts). The mesh is
// checked to be one closed piece (single-solid.ts) before it is textured; fragments are never delivered.
//
// The back is not seen, so it is filled with the front image mirrored left-right and low-pass filtered: the
// object's colours continue around it (a red shirt stays red on its back) without copying the front's fine
// detail (eyes, print) onto the back. The model's front faces +Z (glTF's front), so `orientation`'s
// `default` and `align_image` give the same model: the image's view is the canonical front.
import type sharpModule from 'sharp';
import { decodeImage, type RgbaImage } from '../raster/decode-image.ts';
import { signedDistance } from '../raster/distance-transform.ts';
import type { ForegroundMask } from '../raster/foreground-mask.ts';
import { pushPullFill } from '../raster/push-pull-fill.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { levelSetMesh } from '../multiview/level-set-mesh.ts';
import type { MultiviewModel, MultiviewToModelOptions } from '../multiview/multiview-to-model.ts';
import { projectViewTextures, type TextureView } from '../multiview/project-view-textures.ts';
import { sampleBilinear, sampleSignedDistance, type ScalarGrid } from '../multiview/sample-grid.ts';
import { simplifyMesh } from '../multiview/simplify-mesh.ts';
import { smoothMesh } from '../multiview/smooth-mesh.ts';
import { fitViewFrame, maskBoundingBox, projectToView, type ViewFrame } from '../multiview/view-frame.ts';
import {
  analysePhoto,
  PhotoObjectRefusedError,
  summarisePhotoObject,
  type PhotoObjectSummary,
} from './analyse-photo.ts';
import type { PhotoObject } from './find-photo-object.ts';
import { inflateSilhouette } from './inflate-silhouette.ts';
import { objectSilhouette, type ImageRegion } from './object-silhouette.ts';
import { singleSolid } from './single-solid.ts';

export interface ImageToModelOptions extends MultiviewToModelOptions {
  /** The photo's analysis when it was already made (the server's create-time check caches it). */
  photoObject?: PhotoObject;
}

export const IMAGE_TO_MODEL_WORKING_SIZE_PIXELS = 256;

/** What the task output reports: the object found, and that the mesh is one closed piece. */
export interface ImageObjectReport extends PhotoObjectSummary {
  /** Connected pieces of the delivered mesh: always 1. */
  pieces: 1;
  watertight: boolean;
  /** Share of the object's silhouette dropped as parts too thin to build, and specks dropped from the mesh. */
  thin_parts_dropped_share: number;
  specks_dropped: number;
}

export interface SingleImageModel extends MultiviewModel {
  object: ImageObjectReport;
}

export async function imageToModel(imageBytes: Uint8Array, options: ImageToModelOptions): Promise<SingleImageModel> {
  const progress = options.reportProgress ?? (() => undefined);
  const photoObject =
    options.photoObject ?? (await analysePhoto(imageBytes, { backgroundRemover: options.backgroundRemover }));
  if (!photoObject.accepted) throw new PhotoObjectRefusedError(photoObject);
  const silhouette = await objectSilhouette(imageBytes, photoObject, {
    workingSizePixels: options.workingSizePixels ?? IMAGE_TO_MODEL_WORKING_SIZE_PIXELS,
    gridResolution: options.gridResolution,
  });
  const { working, mask, region } = silhouette;
  const box = maskBoundingBox(mask);
  if (!box) throw new PhotoObjectRefusedError({ ...photoObject, accepted: false, refusal: 'noObject' });
  const boxWidth = box.maxU - box.minU;
  const boxHeight = box.maxV - box.minV;
  // The longest side of the silhouette is one world unit.
  const frame = fitViewFrame('front', mask, box, boxHeight / Math.max(boxWidth, boxHeight));
  progress(15);

  const signed: ScalarGrid = { width: mask.width, height: mask.height, values: signedDistance(mask) };
  const heights = inflateSilhouette(mask);
  let maxHeight = 0;
  for (const value of heights.values) maxHeight = Math.max(maxHeight, value);
  const scale = frame.pixelsPerUnit;
  progress(30);

  const halfWidth = boxWidth / scale / 2;
  const halfHeight = boxHeight / scale / 2;
  const halfDepth = maxHeight / scale;
  const margin = 2 / options.gridResolution;
  const raw = await levelSetMesh(
    (x, y, z) => {
      const [u, v] = projectToView(frame, x, y, z);
      const inside = sampleSignedDistance(signed, u, v) / scale;
      return Math.min(inside, sampleBilinear(heights, u, v) / scale - Math.abs(z));
    },
    {
      min: [-halfWidth - margin, -halfHeight - margin, -halfDepth - margin],
      max: [halfWidth + margin, halfHeight + margin, halfDepth + margin],
    },
    1 / options.gridResolution,
  );
  if (raw.indices.length === 0) throw new ModelInputError('The object in the image is too thin to build a model from.');
  progress(50);
  const solid = await singleSolid(await simplifyMesh(smoothMesh(raw), options.maxTriangles));
  const mesh = solid.mesh;
  progress(60);
  const extent: [number, number, number] = [2 * halfWidth, 2 * halfHeight, 2 * halfDepth];
  const object: ImageObjectReport = {
    ...summarisePhotoObject(photoObject),
    pieces: 1,
    watertight: solid.watertight,
    thin_parts_dropped_share: Math.round(silhouette.openedShare * 1000) / 1000,
    specks_dropped: solid.droppedPieces,
  };
  if (!options.textured) return { mesh, extent, object };

  const views = await frontAndBackViews(imageBytes, region, working, mask, frame, options);
  progress(75);
  const textured = await projectViewTextures(mesh, views, {
    maxCellSizePixels: options.textureCellPixels,
    sharp: options.sharp,
  });
  return { mesh: textured, extent, object };
}

/** The image as the front view, and its mirrored, blurred, background-filled copy as the back view. */
async function frontAndBackViews(
  imageBytes: Uint8Array,
  region: ImageRegion,
  working: RgbaImage,
  mask: ForegroundMask,
  frame: ViewFrame,
  options: ImageToModelOptions,
): Promise<TextureView[]> {
  const { sharp } = options;
  const [minU, minV, maxU, maxV] = frame.box;
  const objectSide = Math.max(maxU - minU, maxV - minV);
  // Decode so the object's crop is about one atlas cell across (never above the source's own size).
  const textureSide = Math.min(
    4096,
    Math.ceil((options.textureCellPixels * Math.max(working.width, working.height)) / objectSide),
  );
  const image = await decodeImage(imageBytes, { maxSidePixels: textureSide, region });

  const fullMask = await upscaleMask(mask, image.width, image.height, sharp);
  const filled = { ...image, data: image.data.slice() };
  pushPullFill(filled.data, fullMask, image.width, image.height);
  const blurSigma = Math.max(1, 0.015 * Math.max(image.width, image.height));
  const backBuffer = await sharp(filled.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .flop()
    .blur(blurSigma)
    .raw()
    .toBuffer();
  const backImage: RgbaImage = {
    width: image.width,
    height: image.height,
    data: new Uint8Array(backBuffer.buffer, backBuffer.byteOffset, backBuffer.byteLength),
  };

  const mirroredData = new Uint8Array(mask.data.length);
  for (let v = 0; v < mask.height; v++) {
    for (let u = 0; u < mask.width; u++)
      mirroredData[v * mask.width + u] = mask.data[v * mask.width + (mask.width - 1 - u)];
  }
  const mirroredMask: ForegroundMask = { width: mask.width, height: mask.height, data: mirroredData };
  const worldHeight = (maxV - minV) / frame.pixelsPerUnit;
  const backFrame = fitViewFrame(
    'back',
    mirroredMask,
    { minU: mask.width - maxU, minV, maxU: mask.width - minU, maxV },
    worldHeight,
  );
  return [
    { frame, image, mask },
    { frame: backFrame, image: backImage, mask: mirroredMask },
  ];
}

/** The working mask at another resolution (linear, thresholded at half), as 0/1 bytes. */
export async function upscaleMask(
  mask: ForegroundMask,
  width: number,
  height: number,
  sharp: typeof sharpModule,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(mask.data.length);
  for (let pixel = 0; pixel < bytes.length; pixel++) bytes[pixel] = mask.data[pixel] * 255;
  const resized = await sharp(bytes, { raw: { width: mask.width, height: mask.height, channels: 1 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const out = new Uint8Array(width * height);
  for (let pixel = 0; pixel < out.length; pixel++) out[pixel] = resized[pixel] >= 128 ? 1 : 0;
  return out;
}
