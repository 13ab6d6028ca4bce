// convert_model's geometry core: writes a Document in the requested output format. GLTF and GLB both give a
// .glb (a single self-contained file is what the platform stores); OBJ gives a .zip with model.obj, model.mtl
// and the textures when the model has materials, otherwise a plain .obj; STL gives binary STL; FBX gives
// binary FBX 7.4 with embedded textures; USDZ a textured USDZ package; 3MF a 3MF package (Z up, millimetres).
// `warnings` names what the format cannot carry of this model (conversion-warnings.ts).

import zlib from 'node:zlib';
import type { Document, Primitive } from '@gltf-transform/core';
import { write3mf } from '../formats/3mf/write-3mf.ts';
import { writeFbxDeflatingAhead } from '../formats/fbx/write-fbx.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { writeObjChunks, writeObjFiles } from '../formats/obj/write-obj.ts';
import { writeStl } from '../formats/stl/write-stl.ts';
import { writeUsdz } from '../formats/usdz/write-usdz.ts';
import { PiecewiseDeflater, writeZip, type ZipEntry } from '../formats/zip/write-zip.ts';
import { documentForFbxPreset, FBX_PRESETS, type FbxPreset } from '../formats/fbx/fbx-presets.ts';
import { rekeyMaterialMaps, type MaterialMaps } from '../formats/textures/split-material-maps.ts';
import { listConversionWarnings } from './conversion-warnings.ts';

/** Output formats implemented here (every format the spec lists, plus GLB). */
export const SUPPORTED_CONVERT_FORMATS = ['GLTF', 'GLB', 'OBJ', 'STL', 'FBX', 'USDZ', '3MF'] as const;
export type SupportedConvertFormat = (typeof SUPPORTED_CONVERT_FORMATS)[number];

export interface ConvertOptions {
  format: SupportedConvertFormat;
  /** File stem inside an OBJ zip: `<baseName>.obj`, `<baseName>.mtl`. */
  baseName?: string;
  /**
   * Per-primitive polygon faces (3 or 4 indices into the primitive's vertices, glTF winding, covering the
   * whole primitive) from the quad step. FBX, USDZ and OBJ write them; GLB, STL and 3MF keep triangles.
   */
  quadFaces?: Map<Primitive, number[][]>;
  /** FBX only: the target tool's axes and units */
  fbxPreset?: FbxPreset;
  /** OBJ and FBX: metallic, roughness and occlusion as separate images (apply-convert-options.ts makes them). */
  materialMaps?: MaterialMaps;
}

export const CONVERT_OPTIONS_DEFAULTS: Required<
  Omit<ConvertOptions, 'format' | 'quadFaces' | 'fbxPreset' | 'materialMaps'>
> = {
  baseName: 'model',
};

export interface ConvertedModel {
  bytes: Uint8Array;
  extension: 'glb' | 'obj' | 'zip' | 'stl' | 'fbx' | 'usdz' | '3mf';
  mimeType: string;
  warnings: string[];
}

export async function convertModel(document: Document, options: ConvertOptions): Promise<ConvertedModel> {
  const warnings = listConversionWarnings(document, options.format, options.materialMaps);
  const written = await writeFormat(document, options);
  return { ...written, warnings: [...warnings, ...(written.warnings ?? [])] };
}

async function writeFormat(
  document: Document,
  options: ConvertOptions,
): Promise<Omit<ConvertedModel, 'warnings'> & { warnings?: string[] }> {
  const resolved = { ...CONVERT_OPTIONS_DEFAULTS, ...options };
  switch (resolved.format) {
    case 'GLTF':
    case 'GLB':
      return { bytes: await writeGlb(document), extension: 'glb', mimeType: 'model/gltf-binary' };
    case 'OBJ':
      return objOutput(document, resolved.baseName, resolved.quadFaces, resolved.materialMaps);
    case 'STL':
      return { bytes: writeStl(document), extension: 'stl', mimeType: 'model/stl' };
    case 'FBX':
      // FBX has no registered media type; a generic binary type makes browsers download it.
      return fbxOutput(document, resolved.quadFaces, resolved.fbxPreset ?? 'blender', resolved.materialMaps);
    case 'USDZ':
      return {
        bytes: writeUsdz(document, { quadFaces: resolved.quadFaces }),
        extension: 'usdz',
        mimeType: 'model/vnd.usdz+zip',
      };
    case '3MF':
      return { bytes: write3mf(document), extension: '3mf', mimeType: 'model/3mf' };
    default:
      throw new Error(`convertModel: unsupported format ${String(resolved.format)}`);
  }
}

async function fbxOutput(
  document: Document,
  quadFaces: Map<Primitive, number[][]> | undefined,
  preset: FbxPreset,
  materialMaps?: MaterialMaps,
): Promise<ConvertedModel> {
  const framed = documentForFbxPreset(document, preset, quadFaces);
  const maps =
    materialMaps && framed.document !== document
      ? rekeyMaterialMaps(materialMaps, document, framed.document)
      : materialMaps;
  const bytes = await writeFbxDeflatingAhead(framed.document, {
    quadFaces: framed.quadFaces,
    axes: FBX_PRESETS[preset].axes,
    materialMaps: maps,
  });
  return { bytes, extension: 'fbx', mimeType: 'application/octet-stream', warnings: framed.warnings };
}

/** zlib level of the OBJ and MTL text: for a 100 MB OBJ, level 1 takes 0.3 s for 21 MB, level 3 0.6 s for 16 MB. */
const OBJ_TEXT_COMPRESSION_LEVEL = 2;
/**
 * Pieces of OBJ text handed to the zlib thread pool while the next piece is written. Small enough that a model of
 * a few MB of text is deflated on both cores and mostly while it is still being written (DamagedHelmet, 2 MB:
 * 27 ms against 38 ms for one 4 MB piece); each piece starts a fresh window: +0.7 % deflated size there.
 */
const OBJ_PIECE_BYTES = 512 * 1024;

async function objOutput(
  document: Document,
  baseName: string,
  quadFaces?: Map<Primitive, number[][]>,
  materialMaps?: MaterialMaps,
): Promise<Omit<ConvertedModel, 'warnings'>> {
  const mtlFileName = `${baseName}.mtl`;
  // Without any material the output is a plain .obj; with one, a zip whose OBJ is deflated as it is written.
  const hasMaterials = document
    .getRoot()
    .listMeshes()
    .some((mesh) => mesh.listPrimitives().some((primitive) => primitive.getMaterial()));
  if (!hasMaterials)
    return {
      bytes: writeObjFiles(document, { mtlFileName, quadFaces, materialMaps }).objBytes,
      extension: 'obj',
      mimeType: 'model/obj',
    };
  const deflater = new PiecewiseDeflater(OBJ_TEXT_COMPRESSION_LEVEL);
  const onChunk = (piece: Uint8Array) => deflater.add(piece);
  const { mtlText, textures } = writeObjChunks(document, {
    mtlFileName,
    quadFaces,
    materialMaps,
    chunkBytes: OBJ_PIECE_BYTES,
    onChunk,
  });
  const obj = await deflater.finish();
  // The materials belong to meshes outside the default scene: nothing to put in an MTL. Rare enough to inflate
  // the text back rather than keep every piece of it while it is written.
  if (!mtlText) return { bytes: zlib.inflateRawSync(obj.deflated), extension: 'obj', mimeType: 'model/obj' };
  const entries: ZipEntry[] = [
    { name: `${baseName}.obj`, ...obj },
    { name: mtlFileName, bytes: new TextEncoder().encode(mtlText), compressionLevel: OBJ_TEXT_COMPRESSION_LEVEL },
    // Images are already compressed; storing them saves time for no loss of size.
    ...textures.map((texture) => ({ name: texture.name, bytes: texture.bytes, compressionLevel: 0 })),
  ];
  return { bytes: await writeZip(entries), extension: 'zip', mimeType: 'application/zip' };
}
