// convert_model `pivot_to_center_bottom`: translates the scene so the centre of the bottom face of its world
// bounding box (skinned meshes posed, as model-stats.ts measures) sits at the origin. Same result as
// glTF-Transform's center({pivot: 'below'}), whose bounds ignore skinning.

import type { Document } from '@gltf-transform/core';
import { modelStats } from './model-stats.ts';
import { transformSceneRoots } from './transform-scene-roots.ts';

export function pivotToCenterBottom(document: Document): void {
  const { min, max } = modelStats(document).boundingBox;
  transformSceneRoots(document, { translation: [-(min[0] + max[0]) / 2, -min[1], -(min[2] + max[2]) / 2] });
}
