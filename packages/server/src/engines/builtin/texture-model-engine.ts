// texture_model (tripo-api.md §4.6, outputs §5.1): paints the source task's model anew
// (geometry/texturing/texture-model.ts) from texture_prompt: an image (projected from the front), images
// ([front, left, back, right], empty slots allowed), or text (a procedural material from its colour, material and
// pattern words, tinted by style_image when the text names no colour; output.texture_prompt_understood says which
// pattern, colours and material were used and which words were not); with no prompt the model's current look is
// re-baked onto the new layout. Outputs `model` (base colour texture), `pbr_model` when pbr (plus a
// metallic-roughness map) and `rendered_image`.
//
// Decisions: texture_quality standard → 1024² texels, detailed → 2048² (the CPU budget; the hosted service
// quotes 2K/4K); extreme and return_multiview are refused as not available. texture=false with pbr=false and
// detailed (v3.0-20250812 only, enforced by the schema) is the 4K upscale of the existing textures.
// texture_seed seeds the procedural noise; texture_alignment, bake and model_seed are accepted and change
// nothing (projection always fits the model's silhouette to the picture's object). compress="geometry" writes
// EXT_meshopt_compression.
import type { Document } from '@gltf-transform/core';
import { meshopt } from '@gltf-transform/functions';
import type { TaskRequest } from '@polyforge/protocol';
import { MeshoptEncoder } from 'meshoptimizer';
import sharp from 'sharp';
import { createGltfIO } from '@polyforge/geometry/read/create-gltf-io';
import { readModel, type ReadableModelFormat } from '@polyforge/geometry/read/read-model';
import { textureModel, type TextureSource } from '@polyforge/geometry/texturing/texture-model';
import { upscaleBaseTextures } from '@polyforge/geometry/texturing/upscale-base-textures';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineOutputFile,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { previewFiles } from './with-preview.ts';

type TextureRequest = Extract<TaskRequest, { type: 'texture_model' }>;

export const TEXTURE_SIZE_BY_QUALITY = { standard: 1024, detailed: 2048 } as const;
export const UPSCALE_TEXTURE_SIZE = 4096;
/** Azimuths of texture_prompt.images' slots: front, left (the model's left, +X), back, right. */
const VIEW_AZIMUTHS = [0, 90, 180, 270];

export class TextureModelEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['texture_model'];

  supports(request: TaskRequest): EngineSupport {
    const texture = request as TextureRequest;
    if (texture.texture_quality === 'extreme')
      return {
        ok: false,
        reason: 'texture_model texture_quality=extreme is not built yet (standard and detailed are)',
      };
    if (texture.return_multiview)
      return { ok: false, reason: 'texture_model option return_multiview is not built yet' };
    return { ok: true };
  }

  estimateSeconds(request: TaskRequest): number {
    return (request as TextureRequest).texture_quality === 'detailed' ? 15 : 8;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as TextureRequest;
    const source = input.sourceModel;
    if (!source) throw new EngineFailure('inputExpired', 'the source model is missing');
    context.reportProgress(5);
    const document = await readModel(source.bytes, source.format as ReadableModelFormat);
    context.reportProgress(15);
    const compress = request.compress === 'geometry';

    if (!request.texture && !request.pbr) {
      const { upscaled } = await upscaleBaseTextures(document, sharp, UPSCALE_TEXTURE_SIZE);
      return {
        files: { model: await glbFile(document, compress), ...(await previewFiles(document)) },
        result: { texture_size: UPSCALE_TEXTURE_SIZE, upscaled_textures: upscaled },
      };
    }

    const textured = await textureModel(document, {
      sharp,
      textureSize: TEXTURE_SIZE_BY_QUALITY[request.texture_quality === 'detailed' ? 'detailed' : 'standard'],
      pbr: request.pbr,
      source: textureSource(request, input),
      partNames: request.part_names,
      seed: request.texture_seed,
    });
    context.reportProgress(85);
    const files: Record<string, EngineOutputFile> = { ...(await previewFiles(textured.pbrModel ?? textured.model)) };
    files.model = await glbFile(textured.model, compress);
    if (textured.pbrModel) files.pbr_model = await glbFile(textured.pbrModel, compress);
    const { report } = textured;
    return {
      files,
      result: {
        texture_size: report.textureSize,
        ...(report.seenFraction !== undefined ? { seen_fraction: Math.round(report.seenFraction * 1000) / 1000 } : {}),
        ...(report.matchedWords ? { matched_words: report.matchedWords } : {}),
        ...(report.understood ? { texture_prompt_understood: report.understood } : {}),
        ...(report.unmatchedPartNames.length > 0 ? { unmatched_part_names: report.unmatchedPartNames } : {}),
      },
    };
  }
}

/** Maps the request's prompt and the resolved input files (in fileReferencesOf order) to a texture source. */
function textureSource(request: TextureRequest, input: EngineInput): TextureSource {
  const prompt = request.texture_prompt;
  const images = input.files.filter((file) => file.kind === 'image');
  if (prompt?.image) return { kind: 'views', views: [{ image: images[0]!.bytes, azimuthDegrees: 0 }] };
  if (prompt?.images) {
    const views: Array<{ image: Uint8Array; azimuthDegrees: number }> = [];
    let next = 0;
    prompt.images.forEach((slot, index) => {
      const filled = slot && ('file_token' in slot || 'url' in slot || 'object' in slot);
      if (filled) views.push({ image: images[next++]!.bytes, azimuthDegrees: VIEW_AZIMUTHS[index] ?? 0 });
    });
    return { kind: 'views', views };
  }
  if (prompt?.text)
    return {
      kind: 'text',
      text: prompt.text,
      styleImage: prompt.style_image ? images[images.length - 1]?.bytes : undefined,
    };
  return { kind: 'existing' };
}

async function glbFile(document: Document, compress: boolean): Promise<EngineOutputFile> {
  const io = await createGltfIO();
  let bytes: Uint8Array;
  if (compress) {
    await MeshoptEncoder.ready;
    await document.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
    bytes = await io.registerDependencies({ 'meshopt.encoder': MeshoptEncoder }).writeBinary(document);
  } else bytes = await io.writeBinary(document);
  return { bytes, extension: 'glb', mimeType: 'model/gltf-binary' };
}
