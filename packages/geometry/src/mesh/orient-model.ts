// convert_model `export_orientation`: turns the model about the vertical axis so its front faces the requested
// axis. The values name Blender's Z-up axes (+x is the default, Tripo's native facing); in glTF's Y-up frame
// Blender's +y is −z, so +y is a 90° turn about +Y, −x 180°, −y −90°.

import type { Document } from '@gltf-transform/core';
import { rotationAboutY, transformSceneRoots } from './transform-scene-roots.ts';

export const EXPORT_ORIENTATION_DEGREES = { '+x': 0, '+y': 90, '-x': 180, '-y': -90 } as const;
export type ExportOrientation = keyof typeof EXPORT_ORIENTATION_DEGREES;

export function orientModel(document: Document, orientation: ExportOrientation): void {
  const degrees = EXPORT_ORIENTATION_DEGREES[orientation];
  if (degrees !== 0) transformSceneRoots(document, { rotation: rotationAboutY(degrees) });
}
