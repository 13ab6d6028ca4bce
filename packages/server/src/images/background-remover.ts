// Background removal for image inputs: the object's mask in an RGBA image.
//
// An image that uses transparency is already cut out: its alpha is the mask, whatever method is configured.
// Otherwise the operator's POLYFORGE_BACKGROUND_REMOVAL decides:
// - `classical` (default): @polyforge/geometry's raster/classical-background-remover.ts, training-free graph cuts. The npm registry was
//   searched for a permissively licensed segmentation model that ships its weights and runs offline
//   (U²-Net/u2netp, MODNet, BiRefNet, IS-Net, RMBG exports): `rembg-node` (MIT) downloads its weights from a
//   file host at run time, `@bunnio/rembg-web` (MIT) fetches them in a browser, `@mediapipe/selfie_segmentation`
//   (Apache-2.0) ships weights but segments people only, in a browser; none fits, so the default is classical.
// - `imgly`: @imgly/background-removal-node (an ISNet-based model with bundled weights). It is AGPL-3.0, so
//   it is never a dependency of this MIT project: the operator installs it, and it is loaded by name.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  backgroundRemoverFrom,
  createClassicalBackgroundRemover,
  type BackgroundRemover,
} from '@polyforge/geometry/raster/background-remover';
import type { RgbaImage } from '@polyforge/geometry/raster/decode-image';
import { cleanMask, maskFromAlpha, type ForegroundMask } from '@polyforge/geometry/raster/foreground-mask';
import sharp from 'sharp';

export const BACKGROUND_REMOVAL_METHODS = ['classical', 'imgly'] as const;
export type BackgroundRemovalMethod = (typeof BACKGROUND_REMOVAL_METHODS)[number];

export type { BackgroundRemover };

export function createBackgroundRemover(
  method: BackgroundRemovalMethod = 'classical',
): BackgroundRemover & { readonly method: BackgroundRemovalMethod } {
  return method === 'imgly' ? backgroundRemoverFrom('imgly', imglyMask) : createClassicalBackgroundRemover();
}

/** The opt-in's package name, kept in a variable so neither TypeScript nor a bundler resolves it at build time. */
const IMGLY_PACKAGE = '@imgly/background-removal-node';

interface ImglyModule {
  removeBackground(input: Blob, config: Record<string, unknown>): Promise<Blob>;
}

let imgly: Promise<{ module: ImglyModule; publicPath: string }> | undefined;

async function imglyMask(image: RgbaImage): Promise<ForegroundMask> {
  imgly ??= loadImgly().catch((error) => {
    imgly = undefined;
    throw error;
  });
  const { module, publicPath } = await imgly;
  const png = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png()
    .toBuffer();
  const cutOut = await module.removeBackground(new Blob([new Uint8Array(png)], { type: 'image/png' }), {
    publicPath,
    model: 'medium',
    output: { format: 'image/png' },
  });
  const { data, info } = await sharp(new Uint8Array(await cutOut.arrayBuffer()))
    .resize(image.width, image.height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return cleanMask(
    maskFromAlpha({
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    }),
  );
}

async function loadImgly(): Promise<{ module: ImglyModule; publicPath: string }> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(IMGLY_PACKAGE);
  } catch {
    throw new Error(
      `POLYFORGE_BACKGROUND_REMOVAL=imgly needs the package ${IMGLY_PACKAGE} (AGPL-3.0), which is not installed; install it next to the server (npm install ${IMGLY_PACKAGE}) or use the default, classical`,
    );
  }
  const module = (await import(pathToFileURL(entry).href)) as ImglyModule;
  // Its default publicPath is relative to the working directory (geometry-stack.md §5.3): pass its own dist folder.
  return { module, publicPath: `${pathToFileURL(path.dirname(entry)).href}/` };
}
