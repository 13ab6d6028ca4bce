// What image_to_model and multiview_to_model make of their options, and how their model is written:
//
// - face_limit: a triangle budget (polygons with quad); unset, 30000 triangles (smart_low_poly: 5000, the
//   low end of its range; decided). The level-set surface is decimated to it before texturing.
// - quad: quad-dominant faces (mesh/quadrangulate.ts) and FBX output, as the spec says; face_limit counts
//   polygons (the parser fills 10000 when it is unset).
// - smart_low_poly: the low budget above with quadric decimation, which keeps the silhouette; the mesh stays
//   closed.
// - texture / pbr: texture=false gives the untextured `model`; pbr=true gives `pbr_model` with a
//   metallic-roughness material (metallic 0, roughness 0.55); a textured non-PBR model is fully rough.
//   The colour comes from the images either way; no metal or roughness map is estimated from a photo.
// - texture_quality: the largest side of each view's cell in the atlas: standard 1024, detailed 2048,
//   extreme 4096 (never above what the input images hold).
// - geometry_quality=detailed: a finer level-set grid (160 cells across instead of 100).
// - compress="geometry": EXT_meshopt_compression (meshoptimizer's encoder through glTF-Transform).
// - generate_parts: the mesh is split into parts by geometry/segmentation (untextured, as the spec requires);
//   each part is its own node and mesh, named part_1, part_2, ...
import { NodeIO, type Document } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { cloneDocument, meshopt, reorder } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import type sharpModule from 'sharp';
import { applyConvertOptions, loadGeometryCodecs, type GeometryCodecs } from '../convert/apply-convert-options.ts';
import { convertModel } from '../convert/convert-model.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import type { TriangleMesh } from '../multiview/level-set-mesh.ts';
import type { TexturedMesh } from '../multiview/project-view-textures.ts';
import { reconstructedModelDocument } from '../multiview/reconstructed-model-document.ts';
import { partsDocument } from './parts-document.ts';

export interface GenerationOptionsRequest {
  texture: boolean;
  pbr?: boolean;
  quad?: boolean;
  face_limit?: number;
  smart_low_poly?: boolean;
  generate_parts?: boolean;
  texture_quality: 'standard' | 'detailed' | 'extreme';
  geometry_quality?: 'standard' | 'detailed';
  compress?: 'geometry';
}

export const GENERATION_DEFAULTS = {
  maxTriangles: 30_000,
  smartLowPolyMaxTriangles: 5_000,
  quadFaceLimit: 10_000,
  gridResolution: 100,
  detailedGridResolution: 160,
  textureCellPixels: { standard: 1024, detailed: 2048, extreme: 4096 },
  pbrRoughness: 0.55,
} as const;

/** Triangles per allowed polygon the quad pass starts from (as apply-convert-options.ts does). */
const QUAD_TRIANGLES_PER_FACE = 1.6;

export interface GenerationSettings {
  textured: boolean;
  textureCellPixels: number;
  maxTriangles: number;
  gridResolution: number;
}

export function generationSettings(request: GenerationOptionsRequest): GenerationSettings {
  const faceLimit =
    request.face_limit ??
    (request.quad
      ? GENERATION_DEFAULTS.quadFaceLimit
      : request.smart_low_poly
        ? GENERATION_DEFAULTS.smartLowPolyMaxTriangles
        : GENERATION_DEFAULTS.maxTriangles);
  return {
    textured: request.texture && !request.generate_parts,
    textureCellPixels: GENERATION_DEFAULTS.textureCellPixels[request.texture_quality],
    maxTriangles: request.quad ? Math.round(faceLimit * QUAD_TRIANGLES_PER_FACE) : faceLimit,
    gridResolution:
      request.geometry_quality === 'detailed'
        ? GENERATION_DEFAULTS.detailedGridResolution
        : GENERATION_DEFAULTS.gridResolution,
  };
}

export interface GeneratedModel {
  /** the Document as written (for the preview render) */
  document: Document;
  outputKey: 'model' | 'pbr_model';
  bytes: Uint8Array;
  extension: string;
  mimeType: string;
  faceCount: number;
}

let codecs: Promise<GeometryCodecs> | undefined;

export async function writeGeneratedModel(
  mesh: TexturedMesh | TriangleMesh,
  request: GenerationOptionsRequest,
  sharp: typeof sharpModule,
): Promise<GeneratedModel> {
  const pbr = Boolean(request.pbr) && request.texture;
  const material = { metallic: 0, roughness: pbr ? GENERATION_DEFAULTS.pbrRoughness : 1 };
  const document = request.generate_parts
    ? await partsDocument(mesh, { material })
    : await reconstructedModelDocument(mesh, { name: 'model', material, sharp });
  const outputKey = pbr ? 'pbr_model' : 'model';
  if (request.quad) {
    codecs ??= loadGeometryCodecs();
    const applied = await applyConvertOptions(
      document,
      { format: 'FBX', quad: true, face_limit: request.face_limit ?? GENERATION_DEFAULTS.quadFaceLimit },
      await codecs,
    );
    const converted = await convertModel(document, { format: 'FBX', quadFaces: applied.quadFaces });
    return {
      document,
      outputKey,
      bytes: converted.bytes,
      extension: converted.extension,
      mimeType: converted.mimeType,
      faceCount: applied.faceCount,
    };
  }
  const faceCount = mesh.indices.length / 3;
  const bytes = request.compress === 'geometry' ? await writeMeshoptGlb(document) : await writeGlb(document);
  return { document, outputKey, bytes, extension: 'glb', mimeType: 'model/gltf-binary', faceCount };
}

/** A GLB with EXT_meshopt_compression: meshoptimizer's encoder through glTF-Transform's meshopt(). */
async function writeMeshoptGlb(document: Document): Promise<Uint8Array> {
  await MeshoptEncoder.ready;
  await MeshoptDecoder.ready;
  const compressed = cloneDocument(document);
  await compressed.transform(
    reorder({ encoder: MeshoptEncoder }),
    meshopt({ encoder: MeshoptEncoder, level: 'medium' }),
  );
  const io = new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder, 'meshopt.encoder': MeshoptEncoder });
  return io.writeBinary(compressed);
}

/** Options of the generation schemas that the built-in reconstruction cannot honour (refused with 2002, no charge). */
const UNSERVED_OPTIONS = [
  ['style', 'style presets need a generative texture model'],
  ['style_image', 'style transfer from an image needs a generative texture model'],
  ['auto_size', 'real-world size cannot be measured from the images'],
  ['render_video', 'video rendering is not built'],
  ['render_sequence', 'image-sequence rendering is not built'],
  ['return_multiview', 'multiview renders of the result are not built (use generate_multiview_image)'],
  ['check_printable', 'the printability check is not built'],
] as const;

export function unservedGenerationOption(request: Record<string, unknown>, taskType: string): string | undefined {
  for (const [option, why] of UNSERVED_OPTIONS) {
    const value = request[option];
    if (value !== undefined && value !== false)
      return `${taskType} option ${option} is not available on this deployment: ${why}`;
  }
  return undefined;
}
