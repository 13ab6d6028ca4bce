// text_to_model on the embedded default: the parametric generator library (geometry/generators/) builds the
// model the prompt names, then the generation options run over it: face_limit (meshoptimizer), quad (FBX
// output), compress=geometry (EXT_meshopt_compression). Serves every current model_version (GPU workers take
// versions over through routing); the prompt is read at create time (validate): a prompt naming an object the
// library cannot make, or cannot make for certain ("a bear trap", "a sea lion"), is refused with 2002 "not
// available" and the nearest things it can make, before anything is charged. output.generation says what was
// understood (each object, the words used) and which words were ignored, and why.
//
// Decisions (the spec is silent): the model is `pbr_model` when pbr, `model` when textured without PBR maps and
// `base_model` when untextured; seeds omitted are drawn at random and reported in output.generation, so a
// result can be reproduced; smart_low_poly builds with fewer segments and decimates to face_limit (10000 when
// omitted, as highpoly_to_lowpoly); render_video, render_sequence, return_multiview and check_printable are
// not built here and answer "not available".

import { randomInt } from 'node:crypto';
import type { Document } from '@gltf-transform/core';
import { meshopt } from '@gltf-transform/functions';
import { isP1ModelVersion, type TaskRequest, type TaskRequestOf } from '@polyforge/protocol';
import { MeshoptEncoder } from 'meshoptimizer';
import sharp from 'sharp';
import { DomainError } from '../../domain-error.ts';
import {
  applyConvertOptions,
  loadGeometryCodecs,
  type GeometryCodecs,
} from '@polyforge/geometry/convert/apply-convert-options';
import { convertModel } from '@polyforge/geometry/convert/convert-model';
import { createGltfIO } from '@polyforge/geometry/read/create-gltf-io';
import { generationRefusal } from '@polyforge/geometry/generators/generator-catalog';
import { generateModel, type GenerateModelRequest } from '@polyforge/geometry/generators/generate-model';
import type { Rgb } from '@polyforge/geometry/generators/materials/colour-names';
import type { Engine, EngineContext, EngineInput, EngineOutputFile, EngineResult, EngineSupport } from '../engine.ts';
import { previewFiles } from './with-preview.ts';

type TextToModelRequest = TaskRequestOf<'text_to_model'>;

/** face_limit for smart_low_poly when the client gives none (the highpoly_to_lowpoly default). */
export const GENERATED_SMART_LOW_POLY_FACE_LIMIT = 10_000;

const UNBUILT_OPTIONS = ['render_video', 'render_sequence', 'return_multiview', 'check_printable'] as const;

/**
 * Refuses with 2002 (not available on this deployment: the request is valid, this engine cannot make it) a prompt
 * whose object the generator cannot make for certain, naming the nearest things it can make.
 */
export function assertGeneratablePrompt(prompt: string, field = 'prompt', negativePrompt?: string): void {
  const refusal = generationRefusal(prompt, negativePrompt);
  if (!refusal) return;
  throw new DomainError(
    'notAvailable',
    `${field} "${prompt.slice(0, 80)}": ${refusal.reason}; nearest things the built-in generator can make: ${refusal.nearest.join(', ')} (docs/text-generation.md lists them all); nothing was charged`,
  );
}

/** A seed the client gave, or a fresh random one. */
export function seedOrRandom(seed: number | undefined): number {
  return seed ?? randomInt(0, 2 ** 31);
}

/** The dominant colour of a style image (sharp's histogram mode), used as the model's main colour. */
export async function dominantColour(bytes: Uint8Array | undefined): Promise<Rgb | undefined> {
  if (!bytes) return undefined;
  const { dominant } = await sharp(bytes).stats();
  return [dominant.r, dominant.g, dominant.b];
}

let codecs: Promise<GeometryCodecs> | undefined;

export class TextToModelEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['text_to_model'];

  supports(request: TaskRequest): EngineSupport {
    const textToModel = request as TextToModelRequest;
    for (const option of UNBUILT_OPTIONS) {
      if (textToModel[option])
        return { ok: false, reason: `text_to_model option ${option}=true is not built on this deployment` };
    }
    return { ok: true };
  }

  validate(request: TaskRequest): void {
    const textToModel = request as TextToModelRequest;
    assertGeneratablePrompt(textToModel.prompt, 'prompt', textToModel.negative_prompt);
  }

  estimateSeconds(request: TaskRequest): number {
    const quality = (request as TextToModelRequest).texture_quality;
    return quality === 'extreme' ? 12 : quality === 'detailed' ? 5 : 3;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as TextToModelRequest;
    context.reportProgress(5);
    const generated = await generateModel(
      generationRequestOf(request, await dominantColour(input.files[0]?.bytes)),
      sharp,
    );
    context.reportProgress(60);
    const { document } = generated;
    const quad = Boolean(request.quad);
    const faceLimit = request.face_limit ?? (request.smart_low_poly ? GENERATED_SMART_LOW_POLY_FACE_LIMIT : null);
    codecs ??= loadGeometryCodecs();
    const applied = await applyConvertOptions(
      document,
      { format: quad ? 'FBX' : 'GLB', quad, face_limit: faceLimit },
      await codecs,
    );
    context.reportProgress(80);
    const preview = await previewFiles(document);
    const model = quad
      ? await convertModel(document, { format: 'FBX', quadFaces: applied.quadFaces })
      : {
          bytes: await writeModelGlb(document, request.compress === 'geometry'),
          extension: 'glb' as const,
          mimeType: 'model/gltf-binary',
        };
    const outputKey = !request.texture ? 'base_model' : request.pbr ? 'pbr_model' : 'model';
    const files: Record<string, EngineOutputFile> = {
      [outputKey]: { bytes: model.bytes, extension: model.extension, mimeType: model.mimeType },
      ...preview,
    };
    return { files, result: { generation: { ...generated.summary, face_count: applied.faceCount } } };
  }
}

/** The generator's view of a text_to_model request: seeds filled, P-series versions built low-poly. */
export function generationRequestOf(request: TextToModelRequest, styleColour: Rgb | undefined): GenerateModelRequest {
  return {
    prompt: request.prompt,
    negativePrompt: request.negative_prompt,
    modelSeed: seedOrRandom(request.model_seed),
    textureSeed: seedOrRandom(request.texture_seed),
    textured: request.texture,
    pbr: Boolean(request.pbr),
    textureQuality: request.texture_quality,
    geometryQuality: request.geometry_quality ?? 'standard',
    autoSize: request.auto_size,
    generateParts: Boolean(request.generate_parts),
    requestStyle: request.style,
    lowPolyModelVersion: isP1ModelVersion(request.model_version),
    smartLowPoly: Boolean(request.smart_low_poly),
    styleColour,
  };
}

async function writeModelGlb(document: Document, compress: boolean): Promise<Uint8Array> {
  const io = await createGltfIO();
  if (!compress) return io.writeBinary(document);
  await MeshoptEncoder.ready;
  await document.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  return io.registerDependencies({ 'meshopt.encoder': MeshoptEncoder }).writeBinary(document);
}
