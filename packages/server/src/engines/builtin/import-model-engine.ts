// import_model: normalises an uploaded GLB, glTF, OBJ, STL or FBX into a validated GLB, with a preview render.
import type { TaskRequest } from '@polyforge/protocol';
import { importModel } from '@polyforge/geometry/read/import-model';
import { READABLE_MODEL_FORMATS, type ReadableModelFormat } from '@polyforge/geometry/read/read-model';
import { EngineFailure, type Engine, type EngineInput, type EngineResult } from '../engine.ts';
import { withPreview } from './with-preview.ts';

const IMPORTABLE_FORMATS = new Set<string>(READABLE_MODEL_FORMATS);

export class ImportModelEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['import_model'];

  supports(_request: TaskRequest) {
    return { ok: true } as const;
  }

  estimateSeconds(): number {
    return 3;
  }

  async run(input: EngineInput): Promise<EngineResult> {
    const file = input.files[0];
    if (!file) throw new EngineFailure('emptyFile', 'import_model needs one model file');
    if (!IMPORTABLE_FORMATS.has(file.format)) {
      throw new EngineFailure(
        'unsupportedFileType',
        `${file.format.toUpperCase()} files cannot be imported yet; use GLB, glTF (embedded), OBJ, STL or FBX`,
      );
    }
    const imported = await importModel(file.bytes, file.format as ReadableModelFormat);
    return withPreview(imported.document, {
      files: { model: { bytes: imported.glb, extension: 'glb', mimeType: 'model/gltf-binary' } },
      result: { model_stats: imported.stats },
    });
  }
}
