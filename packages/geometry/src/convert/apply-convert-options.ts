// Runs convert_model's options over a Document, in the order that makes each one mean what the spec says:
// part selection, animation removal / in place, assemble_animation, face_limit (+ quad, + force_symmetry: the
// +X half is decimated and paired, then mirrored), scale, orientation, flatten_bottom (its threshold is in units
// after scaling), pivot_to_center_bottom (last geometric step, so the bottom centre ends up exactly at the
// origin), export_vertex_colors (sampled at the final vertices from the full-resolution textures), pack_uv (the
// atlas then obeys texture_size), then texture_size and texture_format. Also used by smart low poly.
//
// Defaults (see each module): face_limit and texture_size apply even when they are the parser's defaults
// (10000 triangles, 4096 px), as Tripo's V2 API does; texture_format (default JPEG, PNG for FBX) re-encodes the
// textures not already in that format (reencode-textures.ts). For OBJ and FBX, whose materials take one
// greyscale image per scalar input, the packed metallic-roughness and occlusion channels are split out first.

import type { Accessor, Document } from '@gltf-transform/core';
import { prune } from '@gltf-transform/functions';
import { CONVERT_MODEL_DEFAULTS, type ConvertFormat, type ConvertTextureFormat } from '@polyforge/protocol';
import type { MeshoptSimplifier as MeshoptSimplifierModule } from 'meshoptimizer';
import { animateInPlace } from './animate-in-place.ts';
import { assembleAnimations } from './assemble-animations.ts';
import { bakeVertexColors } from './bake-vertex-colors.ts';
import { encodeTexture, type Sharp } from '../formats/textures/encode-texture.ts';
import { reencodeMaterialMaps, splitMaterialMaps, type MaterialMaps } from '../formats/textures/split-material-maps.ts';
import { flattenBottom } from '../mesh/flatten-bottom.ts';
import { keepParts } from './keep-parts.ts';
import { listPrimitiveUses, sceneTriangleCount } from '../mesh/list-primitive-uses.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { packTextureAtlas } from './pack-texture-atlas.ts';
import { orientModel, type ExportOrientation } from '../mesh/orient-model.ts';
import { pivotToCenterBottom } from '../mesh/pivot-to-center-bottom.ts';
import { quadrangulate, type QuadFaces } from '../mesh/quadrangulate.ts';
import { reencodeTextures } from './reencode-textures.ts';
import { removeAnimation } from './remove-animation.ts';
import { resizeTextures } from './resize-textures.ts';
import { scaleModel } from '../mesh/scale-model.ts';
import { simplifyToFaceLimit } from '../mesh/simplify-to-face-limit.ts';
import { keepPositiveHalf, mirrorPositiveHalf } from '../mesh/symmetrize-mesh.ts';

/** The convert_model fields this module acts on (a parsed convert_model request fits); omitted = spec default. */
export interface ConvertOptionsRequest {
  format: ConvertFormat | string;
  quad?: boolean;
  /** Triangles, or polygons with quad=true. Omitted or undefined: 10000 (V2 default). null: no limit. */
  face_limit?: number | null;
  flatten_bottom?: boolean;
  flatten_bottom_threshold?: number;
  texture_size?: number;
  texture_format?: ConvertTextureFormat;
  pivot_to_center_bottom?: boolean;
  scale_factor?: number;
  with_animation?: boolean;
  export_orientation?: ExportOrientation;
  animate_in_place?: boolean;
  part_names?: string[];
  /** Only with quad=true (the protocol refuses it otherwise): mirror the +X half to −X. */
  force_symmetry?: boolean;
  pack_uv?: boolean;
  /** OBJ and GLTF/GLB only (the engine refuses other formats). */
  export_vertex_colors?: boolean;
  assemble_animation?: boolean;
}

export interface GeometryCodecs {
  simplifier: typeof MeshoptSimplifierModule;
  sharp: Sharp;
}

export interface AppliedConvertOptions {
  /** With quad=true: faces of 3 or 4 vertex indices per primitive (see quadrangulate.ts), for OBJ/FBX writers. */
  quadFaces?: QuadFaces;
  triangleCountBefore: number;
  /** Triangles the scene draws afterwards (instances counted). */
  triangleCount: number;
  /** Faces the scene draws afterwards: polygons with quad=true, else triangles (instances counted). */
  faceCount: number;
  /** The texture format written, when textures were re-encoded. */
  textureFormat?: ConvertTextureFormat;
  /** OBJ and FBX: metallic, roughness and occlusion as separate images, for the writers. */
  materialMaps?: MaterialMaps;
  /** What the options could not do as asked (a texture kept as PNG, ...), for the task output. */
  warnings: string[];
}

/** Output formats whose materials take separate greyscale metallic / roughness / occlusion images. */
const SPLIT_MAP_FORMATS = new Set(['OBJ', 'FBX']);

/** Where quad faces stop at ~1.6 triangles per polygon, the first decimation aims at this many triangles per allowed face. */
const QUAD_TRIANGLES_PER_FACE = 1.6;
const QUAD_ATTEMPTS = 4;

export async function loadGeometryCodecs(): Promise<GeometryCodecs> {
  const [{ MeshoptSimplifier }, sharp] = await Promise.all([import('meshoptimizer'), import('sharp')]);
  await MeshoptSimplifier.ready;
  return { simplifier: MeshoptSimplifier, sharp: sharp.default };
}

export async function applyConvertOptions(
  document: Document,
  request: ConvertOptionsRequest,
  codecs?: GeometryCodecs,
): Promise<AppliedConvertOptions> {
  const { simplifier, sharp } = codecs ?? (await loadGeometryCodecs());
  const defaults = CONVERT_MODEL_DEFAULTS;
  const format = request.format.toUpperCase();
  const faceLimit = request.face_limit === undefined ? defaults.face_limit : request.face_limit;
  const triangleCountBefore = sceneTriangleCount(document);

  if (request.part_names && request.part_names.length > 0) {
    const { unmatched } = keepParts(document, request.part_names);
    if (unmatched.length === request.part_names.length) {
      throw new ModelInputError(`None of part_names (${request.part_names.join(', ')}) names a part of this model.`);
    }
  }
  const warnings: string[] = [];
  if (!(request.with_animation ?? defaults.with_animation)) removeAnimation(document);
  else if (
    (request.animate_in_place ?? defaults.animate_in_place) &&
    animateInPlace(document) === 0 &&
    document.getRoot().listAnimations().length > 0
  ) {
    warnings.push(
      'animate_in_place: no clip moves its root horizontally from start to end; the animations already play in place',
    );
  }
  if (request.assemble_animation) assembleAnimations(document);

  let quadFaces: QuadFaces | undefined;
  if ((request.quad ?? defaults.quad) && (request.force_symmetry ?? defaults.force_symmetry)) {
    const plane = keepPositiveHalf(document);
    quadFaces = limitQuadFaces(document, faceLimit === null ? null : Math.floor(faceLimit / 2), simplifier);
    quadFaces = mirrorPositiveHalf(document, plane, quadFaces);
  } else if (request.quad ?? defaults.quad) {
    quadFaces = limitQuadFaces(document, faceLimit, simplifier);
  } else if (faceLimit !== null) {
    simplifyToFaceLimit(document, { faceLimit, simplifier });
  }

  scaleModel(document, request.scale_factor ?? defaults.scale_factor);
  orientModel(document, request.export_orientation ?? defaults.export_orientation);
  if (request.flatten_bottom ?? defaults.flatten_bottom) {
    flattenBottom(document, { threshold: request.flatten_bottom_threshold ?? defaults.flatten_bottom_threshold });
  }
  if (request.pivot_to_center_bottom ?? defaults.pivot_to_center_bottom) pivotToCenterBottom(document);

  if (request.export_vertex_colors ?? defaults.export_vertex_colors) {
    await bakeVertexColors(document, { sharp, keepBaseColorTexture: format === 'OBJ' });
  }
  const textureSize = request.texture_size ?? defaults.texture_size;
  if (request.pack_uv ?? defaults.pack_uv) await packTextureAtlas(document, { maxSize: textureSize, sharp });
  await resizeTextures(document, { maxSize: textureSize, sharp });
  await document.transform(
    prune({ keepLeaves: true, keepAttributes: true, keepIndices: true, keepSolidTextures: true, keepExtras: true }),
  );
  const materialMaps = SPLIT_MAP_FORMATS.has(format) ? await splitMaterialMaps(document, sharp) : undefined;
  let textureFormat: ConvertTextureFormat | undefined;
  if (request.texture_format) {
    const reencoded = await reencodeTextures(document, {
      textureFormat: request.texture_format,
      outputFormat: format,
      sharp,
    });
    warnings.push(...reencoded.warnings);
    if (reencoded.count > 0) textureFormat = reencoded.format;
    const mapFormat = reencoded.format;
    const hasMapImages = materialMaps && [...materialMaps.values()].some((images) => Object.keys(images).length > 0);
    if (materialMaps && hasMapImages && mapFormat && mapFormat !== 'PNG') {
      await reencodeMaterialMaps(materialMaps, async (image) => {
        const encoded = await encodeTexture(image.bytes, mapFormat, { sharp, colorSpace: 'linear' });
        return { stem: image.stem, extension: encoded.extension, mimeType: encoded.mimeType, bytes: encoded.bytes };
      });
      textureFormat ??= mapFormat;
    }
  }

  // Flatten may have copied instanced primitives; they share their index accessor with the original, and so their faces.
  const finalQuadFaces = quadFaces && remapQuadFaces(document, quadFaces);
  const triangleCount = sceneTriangleCount(document);
  return {
    quadFaces: finalQuadFaces,
    triangleCountBefore,
    triangleCount,
    faceCount: finalQuadFaces ? scenePolygonCount(document, finalQuadFaces) : triangleCount,
    textureFormat,
    materialMaps,
    warnings,
  };
}

/**
 * quad=true: face_limit counts polygons. Decimate to ~1.6 triangles per allowed polygon, pair, and while the
 * pairing leaves too many polygons, decimate the result further in proportion; the last attempt decimates to
 * face_limit triangles, which can never give more than face_limit polygons.
 */
function limitQuadFaces(
  document: Document,
  faceLimit: number | null,
  simplifier: typeof MeshoptSimplifierModule,
): QuadFaces {
  if (faceLimit === null) return quadrangulate(document);
  let triangleTarget = Math.round(faceLimit * QUAD_TRIANGLES_PER_FACE);
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= QUAD_ATTEMPTS || triangleTarget <= faceLimit;
    simplifyToFaceLimit(document, { faceLimit: last ? faceLimit : triangleTarget, simplifier });
    const faces = quadrangulate(document);
    const polygons = scenePolygonCount(document, faces);
    if (polygons <= faceLimit || last) return faces;
    triangleTarget = Math.max(faceLimit, Math.floor(sceneTriangleCount(document) * (faceLimit / polygons) * 0.98));
  }
}

function scenePolygonCount(document: Document, faces: QuadFaces): number {
  let count = 0;
  for (const { primitive, instanceCount, triangleCount } of listPrimitiveUses(document)) {
    count += (faces.get(primitive)?.length ?? triangleCount) * instanceCount;
  }
  return count;
}

/** Re-keys faces by the primitives now in the Document, matching them through their index accessor. */
function remapQuadFaces(document: Document, faces: QuadFaces): QuadFaces {
  const byIndices = new Map<Accessor, number[][]>();
  for (const [primitive, list] of faces) {
    const indices = primitive.getIndices();
    if (indices) byIndices.set(indices, list);
  }
  const result: QuadFaces = new Map();
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const list =
        faces.get(primitive) ?? (primitive.getIndices() ? byIndices.get(primitive.getIndices()!) : undefined);
      if (list) result.set(primitive, list);
    }
  }
  return result;
}
