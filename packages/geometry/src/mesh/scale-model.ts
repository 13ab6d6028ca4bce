// convert_model `scale_factor`: scales the whole scene uniformly about the origin (the bounds scale by the factor).

import type { Document } from '@gltf-transform/core';
import { transformSceneRoots } from './transform-scene-roots.ts';

export function scaleModel(document: Document, scaleFactor: number): void {
  if (!(scaleFactor > 0) || !Number.isFinite(scaleFactor))
    throw new Error(`scaleModel: scale factor must be a positive number (got ${scaleFactor})`);
  if (scaleFactor !== 1) transformSceneRoots(document, { scale: scaleFactor });
}
