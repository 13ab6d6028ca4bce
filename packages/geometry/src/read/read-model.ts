// Reads an uploaded model (GLB, self-contained glTF, OBJ, STL, FBX) into a glTF-Transform Document. Every failure on
// bad input is a ModelInputError with a message for the uploader; work is capped by a triangle budget.

import type { Document } from '@gltf-transform/core';
import { smoothUnweldedPrimitives } from '../mesh/smooth-unwelded-primitives.ts';
import { asModelInputError, ModelInputError } from './model-input-error.ts';
import { readFbx } from './read-fbx.ts';
import { readGlb, readGltfJson } from './read-gltf.ts';
import { readObj } from './read-obj.ts';
import { readStl } from './read-stl.ts';

export const READABLE_MODEL_FORMATS = ['glb', 'gltf', 'obj', 'stl', 'fbx'] as const;
export type ReadableModelFormat = (typeof READABLE_MODEL_FORMATS)[number];

export interface ReadModelOptions {
  /** Models with more triangles than this are refused before they are decoded. */
  maxTriangleCount?: number;
  /**
   * GLB and glTF: leave the animations unread, for an output that keeps none (convert/conversion-drops-animation.ts
   * says when). Skins stay. What was left is recorded for the conversion warnings (unread-animations.ts).
   */
  skipAnimations?: boolean;
}

export const READ_MODEL_DEFAULTS: Required<ReadModelOptions> = {
  maxTriangleCount: 5_000_000,
  skipAnimations: false,
};

export async function readModel(
  bytes: Uint8Array,
  format: ReadableModelFormat,
  options: ReadModelOptions = {},
): Promise<Document> {
  const resolved = { ...READ_MODEL_DEFAULTS, ...options };
  if (bytes.byteLength === 0) throw new ModelInputError('The model file is empty.');
  switch (format) {
    case 'glb':
      return readGlb(bytes, resolved);
    case 'gltf':
      return readGltfJson(bytes, resolved);
    case 'obj':
      return smoothWithoutNormals(readObj(bytes, resolved));
    case 'stl':
      return smoothWithoutNormals(readStl(bytes, resolved));
    case 'fbx':
      return readFbx(bytes, resolved);
    default:
      throw new ModelInputError(`Unknown model format "${String(format)}".`);
  }
}

/**
 * Meshes without normals (every STL, OBJ without `vn`) are welded by position and given crease-aware smooth
 * normals, so a scanned model is not faceted and a box keeps its hard edges. The OBJ reader already shares the
 * vertices the file shares (exactly equal ones too), and the smoothing outputs welded vertices, so no weld()
 * pass follows.
 */
async function smoothWithoutNormals(document: Document): Promise<Document> {
  return asModelInputError('The model could not be indexed', () => {
    smoothUnweldedPrimitives(document);
    return document;
  });
}
