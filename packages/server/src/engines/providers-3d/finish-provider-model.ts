// Turns the model a provider made into our task's outputs: checks it is a readable glTF binary with triangles
// (the same reader and limits as uploads: geometry/read-model.ts), applies what the provider did not (no texture,
// no PBR maps, face_limit, quad → FBX, smart_low_poly, compress=geometry) with our geometry code, writes it with
// our writer and renders our `rendered_image` preview. texture_model's outputs follow Tripo's: `pbr_model` and
// `model` (base colour only), or `model` alone with pbr=false.
import type { Document } from '@gltf-transform/core';
import { cloneDocument, meshopt, prune } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import {
  applyConvertOptions,
  loadGeometryCodecs,
  type GeometryCodecs,
} from '@polyforge/geometry/convert/apply-convert-options';
import { convertModel } from '@polyforge/geometry/convert/convert-model';
import { createGltfIO } from '@polyforge/geometry/read/create-gltf-io';
import { detectFileFormat } from '@polyforge/geometry/read/detect-file-format';
import { sceneTriangleCount } from '@polyforge/geometry/mesh/list-primitive-uses';
import { ModelInputError } from '@polyforge/geometry/read/model-input-error';
import { readModel } from '@polyforge/geometry/read/read-model';
import { previewFiles } from '../builtin/with-preview.ts';
import type { EngineOutputFile, EngineResult } from '../engine.ts';
import { ProviderFailure, type Provider3dName } from './provider-3d.ts';

/** The options our geometry engine applies after the provider (what the request asked, resolved). */
export interface FinishOptions {
  texture: boolean;
  pbr: boolean;
  /** triangles (polygons with quad); undefined = keep the provider's count */
  faceLimit?: number;
  quad: boolean;
  compressGeometry: boolean;
}

let codecs: Promise<GeometryCodecs> | undefined;

/** Reads and checks the provider's bytes; a model that is not valid glTF is the provider's failure (next provider). */
export async function readProviderModel(
  bytes: Uint8Array,
  provider: Provider3dName,
  displayName: string,
  providerTaskId?: string,
): Promise<Document> {
  const format = detectFileFormat(bytes);
  if (format?.extension !== 'glb') {
    throw new ProviderFailure(
      provider,
      'bad_answer',
      `${displayName}'s model is not a glTF binary (GLB)${format ? ` but ${format.extension}` : ''}`,
      providerTaskId,
    );
  }
  try {
    const document = await readModel(bytes, 'glb');
    if (sceneTriangleCount(document) === 0) throw new ModelInputError('it has no triangles to draw');
    return document;
  } catch (error) {
    if (error instanceof ModelInputError)
      throw new ProviderFailure(
        provider,
        'bad_answer',
        `${displayName}'s model is not a valid glTF model: ${error.message}`,
        providerTaskId,
      );
    throw error;
  }
}

/** Applies the options and writes the outputs; returns the files and what was applied here. */
export async function finishProviderModel(
  document: Document,
  options: FinishOptions,
): Promise<{ result: EngineResult; appliedHere: string[]; faceCount: number }> {
  const appliedHere: string[] = [];
  const stripped = !options.texture
    ? stripTextures(document, 'all')
    : !options.pbr && stripTextures(document, 'pbr-maps');
  if (stripped) {
    appliedHere.push(options.texture ? 'pbr=false' : 'texture=false');
    await document.transform(prune({ propertyTypes: ['Texture'] }));
  }
  codecs ??= loadGeometryCodecs();
  const applied = await applyConvertOptions(
    document,
    { format: options.quad ? 'FBX' : 'GLB', quad: options.quad, face_limit: options.faceLimit ?? null },
    await codecs,
  );
  if (options.faceLimit !== undefined) appliedHere.push('face_limit');
  if (options.quad) appliedHere.push('quad');
  const preview = await previewFiles(document);
  let model: EngineOutputFile;
  if (options.quad) {
    const converted = await convertModel(document, { format: 'FBX', quadFaces: applied.quadFaces });
    model = { bytes: converted.bytes, extension: converted.extension, mimeType: converted.mimeType };
  } else {
    model = {
      bytes: await writeGlb(document, options.compressGeometry),
      extension: 'glb',
      mimeType: 'model/gltf-binary',
    };
    if (options.compressGeometry) appliedHere.push('compress=geometry');
  }
  const outputKey = !options.texture ? 'base_model' : options.pbr ? 'pbr_model' : 'model';
  return { result: { files: { [outputKey]: model, ...preview } }, appliedHere, faceCount: applied.faceCount };
}

/** texture_model: the painted model as `pbr_model` and `model` (PBR maps removed), or `model` alone when pbr=false. */
export async function finishTexturedModel(
  document: Document,
  options: { pbr: boolean; compressGeometry: boolean },
): Promise<{ result: EngineResult; appliedHere: string[]; faceCount: number }> {
  const appliedHere: string[] = [];
  const preview = await previewFiles(document);
  const files: Record<string, EngineOutputFile> = { ...preview };
  if (options.pbr) files.pbr_model = glbFile(await writeGlb(cloneDocument(document), options.compressGeometry));
  if (stripTextures(document, 'pbr-maps')) {
    await document.transform(prune({ propertyTypes: ['Texture'] }));
    if (!options.pbr) appliedHere.push('pbr=false');
  }
  files.model = glbFile(await writeGlb(document, options.compressGeometry));
  if (options.compressGeometry) appliedHere.push('compress=geometry');
  return { result: { files }, appliedHere, faceCount: sceneTriangleCount(document) };
}

function glbFile(bytes: Uint8Array): EngineOutputFile {
  return { bytes, extension: 'glb', mimeType: 'model/gltf-binary' };
}

/** Removes every texture (untextured request) or only the PBR maps (textured without PBR); true when any was there. */
function stripTextures(document: Document, what: 'all' | 'pbr-maps'): boolean {
  let removed = false;
  for (const material of document.getRoot().listMaterials()) {
    if (what === 'all' && material.getBaseColorTexture()) {
      material.setBaseColorTexture(null);
      removed = true;
    }
    if (
      material.getMetallicRoughnessTexture() ||
      material.getNormalTexture() ||
      material.getOcclusionTexture() ||
      (what === 'all' && material.getEmissiveTexture())
    ) {
      material.setMetallicRoughnessTexture(null).setNormalTexture(null).setOcclusionTexture(null);
      if (what === 'all') material.setEmissiveTexture(null);
      removed = true;
    }
  }
  return removed;
}

async function writeGlb(document: Document, compress: boolean): Promise<Uint8Array> {
  const io = await createGltfIO();
  if (!compress) return io.writeBinary(document);
  await MeshoptEncoder.ready;
  await document.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  return io.registerDependencies({ 'meshopt.encoder': MeshoptEncoder }).writeBinary(document);
}
