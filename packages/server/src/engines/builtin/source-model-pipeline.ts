// The pipeline shared by the engines that rework a source task's model (convert_model, highpoly_to_lowpoly):
// read it, apply the conversion options, write the output format, render its preview.
import {
  applyConvertOptions,
  loadGeometryCodecs,
  type ConvertOptionsRequest,
  type GeometryCodecs,
} from '@polyforge/geometry/convert/apply-convert-options';
import { conversionDropsAnimation } from '@polyforge/geometry/convert/conversion-drops-animation';
import { convertModel, type ConvertOptions } from '@polyforge/geometry/convert/convert-model';
import { readModel } from '@polyforge/geometry/read/read-model';
import { EngineFailure, type EngineInput, type EngineResult } from '../engine.ts';
import { previewFiles } from './with-preview.ts';

let codecs: Promise<GeometryCodecs> | undefined;

export async function runSourceModelPipeline(
  input: EngineInput,
  reportProgress: (percent: number) => void,
  optionsRequest: ConvertOptionsRequest,
  output: Omit<ConvertOptions, 'quadFaces'>,
): Promise<EngineResult> {
  const source = input.sourceModel;
  if (!source) throw new EngineFailure('inputExpired', 'the source model is missing');
  reportProgress(10);
  // An output without animation does not need the clips read (the Fox's are four fifths of reading it).
  const document = await readModel(source.bytes, source.format as 'glb', {
    skipAnimations: conversionDropsAnimation(optionsRequest),
  });
  reportProgress(30);
  codecs ??= loadGeometryCodecs();
  const applied = await applyConvertOptions(document, optionsRequest, await codecs);
  reportProgress(70);
  const converted = await convertModel(document, {
    ...output,
    quadFaces: applied.quadFaces,
    materialMaps: applied.materialMaps,
  });
  return {
    files: {
      model: { bytes: converted.bytes, extension: converted.extension, mimeType: converted.mimeType },
      ...(await previewFiles(document)),
    },
    // What the options or the format could not keep is named, never dropped silently.
    result: { face_count: applied.faceCount, warnings: [...applied.warnings, ...converted.warnings] },
  };
}
