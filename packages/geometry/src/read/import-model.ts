// import_model's geometry core: reads any accepted upload and normalises it to one self-contained GLB, plus
// the statistics the task reports. Reading already refuses malformed or oversized input (ModelInputError).

import type { Document } from '@gltf-transform/core';
import { readModel, type ReadableModelFormat, type ReadModelOptions } from './read-model.ts';
import { modelStats, type ModelStats } from '../mesh/model-stats.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';

export interface ImportedModel {
  glb: Uint8Array;
  /** The Document the GLB was written from (for the preview render). */
  document: Document;
  stats: ModelStats;
}

export async function importModel(
  bytes: Uint8Array,
  format: ReadableModelFormat,
  options: ReadModelOptions = {},
): Promise<ImportedModel> {
  const document = await readModel(bytes, format, options);
  return { glb: await writeGlb(document), document, stats: modelStats(document) };
}
