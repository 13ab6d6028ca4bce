// Adds the `rendered_image` output (a WebP still from @polyforge/geometry render/render-preview.ts) to the result of any engine
// that outputs a model. A model with nothing to draw (no triangles: points, lines, an empty scene) gets no
// preview rather than a failed task; any other rendering error is a bug and propagates.
import type { Document } from '@gltf-transform/core';
import { ModelInputError } from '@polyforge/geometry/read/model-input-error';
import { renderPreview, type RenderPreviewOptions } from '@polyforge/geometry/render/render-preview';
import type { EngineOutputFile, EngineResult } from '../engine.ts';

export const RENDERED_IMAGE_OUTPUT_KEY = 'rendered_image';

/** `{ rendered_image: <webp> }`, or `{}` when the model has no triangles; spread it into an engine's `files`. */
export async function previewFiles(
  document: Document,
  options?: RenderPreviewOptions,
): Promise<Record<string, EngineOutputFile>> {
  try {
    const bytes = await renderPreview(document, options);
    return { [RENDERED_IMAGE_OUTPUT_KEY]: { bytes, extension: 'webp', mimeType: 'image/webp' } };
  } catch (error) {
    if (error instanceof ModelInputError) return {};
    throw error;
  }
}

/** The same result with `rendered_image` rendered from `document` (the model the engine wrote) added to its files. */
export async function withPreview(
  document: Document,
  result: EngineResult,
  options?: RenderPreviewOptions,
): Promise<EngineResult> {
  return { ...result, files: { ...result.files, ...(await previewFiles(document, options)) } };
}
