// fbx_preset: the axis and unit conventions of the tool an FBX is meant for. The scene is transformed into that
// frame and the FBX GlobalSettings declare it, so each importer shows the model upright at its real size.
//   blender: Y up, metres declared (Blender's FBX importer converts to its Z-up scene itself)
//   3dsmax:  Z up, centimetres (3ds Max's system units and world up axis)
//   mixamo:  Y up, centimetres (what Mixamo's uploader expects of a character), template skeletons renamed to
//            Mixamo's bone names (mixamo-bone-names.ts)
import type { Document, Primitive } from '@gltf-transform/core';
import { cloneDocument } from '@gltf-transform/functions';
import { transformSceneRoots } from '../../mesh/transform-scene-roots.ts';
import { applyMixamoBoneNames } from './mixamo-bone-names.ts';

export interface FbxAxes {
  upAxis: number;
  upAxisSign: number;
  frontAxis: number;
  frontAxisSign: number;
  coordAxis: number;
  coordAxisSign: number;
  /** centimetres per file unit */
  unitScaleFactor: number;
}

export const FBX_PRESET_NAMES = ['blender', '3dsmax', 'mixamo'] as const;
export type FbxPreset = (typeof FBX_PRESET_NAMES)[number];

const Y_UP_METRES: FbxAxes = {
  upAxis: 1,
  upAxisSign: 1,
  frontAxis: 2,
  frontAxisSign: 1,
  coordAxis: 0,
  coordAxisSign: 1,
  unitScaleFactor: 100,
};

export const FBX_PRESETS: Record<FbxPreset, { axes: FbxAxes; metresToFileUnits: number; yUpToZUp: boolean }> = {
  blender: { axes: Y_UP_METRES, metresToFileUnits: 1, yUpToZUp: false },
  '3dsmax': {
    axes: {
      upAxis: 2,
      upAxisSign: 1,
      frontAxis: 1,
      frontAxisSign: -1,
      coordAxis: 0,
      coordAxisSign: 1,
      unitScaleFactor: 1,
    },
    metresToFileUnits: 100,
    yUpToZUp: true,
  },
  mixamo: { axes: { ...Y_UP_METRES, unitScaleFactor: 1 }, metresToFileUnits: 100, yUpToZUp: false },
};

/** +90° about X takes glTF's +Y up to +Z up (and its +Z front to −Y, matching FrontAxis 1 with sign −1). */
const Y_UP_TO_Z_UP: [number, number, number, number] = [Math.SQRT1_2, 0, 0, Math.SQRT1_2];

/**
 * A copy of the document in the preset's frame (the input is left as it is: the preview renders it), with the
 * quad faces re-keyed to the copy's primitives.
 */
export function documentForFbxPreset(
  document: Document,
  preset: FbxPreset,
  quadFaces?: Map<Primitive, number[][]>,
): { document: Document; quadFaces?: Map<Primitive, number[][]>; warnings: string[] } {
  const settings = FBX_PRESETS[preset];
  if (settings.metresToFileUnits === 1 && !settings.yUpToZUp) return { document, quadFaces, warnings: [] };
  const copy = cloneDocument(document);
  transformSceneRoots(copy, {
    scale: settings.metresToFileUnits,
    rotation: settings.yUpToZUp ? Y_UP_TO_Z_UP : undefined,
  });
  const warnings: string[] = [];
  if (preset === 'mixamo' && applyMixamoBoneNames(copy).unrecognisedSkins > 0) {
    warnings.push(
      'fbx_preset mixamo: the skeleton is not a humanoid or quadruped rig with known bone names, so its bone names are kept',
    );
  }
  if (!quadFaces) return { document: copy, warnings };
  const originals = document
    .getRoot()
    .listMeshes()
    .flatMap((mesh) => mesh.listPrimitives());
  const copies = copy
    .getRoot()
    .listMeshes()
    .flatMap((mesh) => mesh.listPrimitives());
  const rekeyed = new Map<Primitive, number[][]>();
  originals.forEach((primitive, index) => {
    const faces = quadFaces.get(primitive);
    if (faces) rekeyed.set(copies[index], faces);
  });
  return { document: copy, quadFaces: rekeyed, warnings };
}
