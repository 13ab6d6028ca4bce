// Model post-processing: import_model, convert_model, mesh_segmentation, mesh_completion, highpoly_to_lowpoly (§4.10–4.13, §4.16).
import { z } from 'zod';
import {
  booleanField,
  enumField,
  expected,
  fileReferenceSchema,
  integerBetween,
  modelVersionField,
  numberAbove,
  stringList,
  taskIdField,
} from './fields.ts';
import { MODEL_VERSION_TABLES } from './model-versions.ts';

// model_version is ignored on import (and stripped from the echo)
export const importModelSchema = z.object({
  type: z.literal('import_model'),
  file: fileReferenceSchema,
});

export const CONVERT_FORMATS = ['GLTF', 'GLB', 'USDZ', 'FBX', 'OBJ', 'STL', '3MF'] as const;
/** export_vertex_colors is a parameter of these formats only (tripo-api.md §4.13: "OBJ/GLTF only"). */
const VERTEX_COLOR_FORMATS = ['OBJ', 'GLTF', 'GLB'] as const;
export type ConvertFormat = (typeof CONVERT_FORMATS)[number];

export const CONVERT_TEXTURE_FORMATS = [
  'BMP',
  'DPX',
  'HDR',
  'JPEG',
  'OPEN_EXR',
  'PNG',
  'TARGA',
  'TIFF',
  'WEBP',
] as const;
export type ConvertTextureFormat = (typeof CONVERT_TEXTURE_FORMATS)[number];

/**
 * Defaults applied to omitted convert_model options (V2 docs; the Python SDK omits exactly these values).
 * texture_size: 4096 because every source version still accepted is ≥ v2.0. texture_format: see defaultTextureFormat.
 */
export const CONVERT_MODEL_DEFAULTS = {
  quad: false,
  force_symmetry: false,
  face_limit: 10_000,
  flatten_bottom: false,
  flatten_bottom_threshold: 0.01,
  texture_size: 4096,
  pivot_to_center_bottom: false,
  scale_factor: 1,
  with_animation: true,
  pack_uv: false,
  bake: true,
  export_vertex_colors: false,
  export_orientation: '+x',
  fbx_preset: 'blender',
  animate_in_place: false,
} as const;

export function defaultTextureFormat(format: ConvertFormat): ConvertTextureFormat {
  return format === 'FBX' ? 'PNG' : 'JPEG';
}

const upperCaseEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string(expected(`one of ${values.join(', ')}`))
    .transform((value) => value.toUpperCase())
    .pipe(enumField(values));

const defaults = CONVERT_MODEL_DEFAULTS;

export const convertModelSchema = z
  .object({
    type: z.literal('convert_model'),
    original_model_task_id: taskIdField(),
    format: upperCaseEnum(CONVERT_FORMATS),
    quad: booleanField().default(defaults.quad),
    force_symmetry: booleanField().default(defaults.force_symmetry),
    face_limit: integerBetween(48, 1_000_000).default(defaults.face_limit),
    flatten_bottom: booleanField().default(defaults.flatten_bottom),
    flatten_bottom_threshold: numberAbove(0).default(defaults.flatten_bottom_threshold),
    texture_size: integerBetween(128, 4096).default(defaults.texture_size),
    texture_format: upperCaseEnum(CONVERT_TEXTURE_FORMATS).optional(),
    pivot_to_center_bottom: booleanField().default(defaults.pivot_to_center_bottom),
    scale_factor: numberAbove(0).default(defaults.scale_factor),
    with_animation: booleanField().default(defaults.with_animation),
    pack_uv: booleanField().default(defaults.pack_uv),
    bake: booleanField().default(defaults.bake),
    part_names: stringList('part name').optional(),
    export_vertex_colors: booleanField().default(defaults.export_vertex_colors),
    export_orientation: enumField(['+x', '-x', '+y', '-y']).default(defaults.export_orientation),
    fbx_preset: enumField(['blender', '3dsmax', 'mixamo']).default(defaults.fbx_preset),
    animate_in_place: booleanField().default(defaults.animate_in_place),
    assemble_animation: booleanField().optional(),
  })
  .superRefine((request, context) => {
    if (request.force_symmetry && !request.quad) {
      context.addIssue({ code: 'custom', path: ['force_symmetry'], message: 'can only be true with quad=true' });
    }
    if (request.export_vertex_colors && !(VERTEX_COLOR_FORMATS as readonly string[]).includes(request.format)) {
      context.addIssue({
        code: 'custom',
        path: ['export_vertex_colors'],
        message: `can only be true with format OBJ or GLTF (GLB), not ${request.format}`,
      });
    }
  })
  .transform((request) => ({
    ...request,
    texture_format: request.texture_format ?? defaultTextureFormat(request.format),
  }));

const segmentationV2Options = ['segmentation_granularity', 'split_by_connectivity', 'ref_image'] as const;

export const meshSegmentationSchema = z
  .object({
    type: z.literal('mesh_segmentation'),
    original_model_task_id: taskIdField(),
    model_version: modelVersionField(MODEL_VERSION_TABLES.mesh_segmentation),
    segmentation_granularity: enumField(['simple', 'balanced', 'detailed']).optional(),
    split_by_connectivity: booleanField().optional(),
    ref_image: fileReferenceSchema.optional(),
  })
  .superRefine((request, context) => {
    if (request.model_version === 'v2.0-20260430') return;
    for (const option of segmentationV2Options) {
      if (request[option] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [option],
          message: `needs model_version v2.0-20260430 (got ${request.model_version})`,
        });
      }
    }
  });

export const meshCompletionSchema = z.object({
  type: z.literal('mesh_completion'),
  original_model_task_id: taskIdField(),
  model_version: modelVersionField(MODEL_VERSION_TABLES.mesh_completion),
  part_names: stringList('part name').optional(),
  completion_mode: enumField(['ai_completion', 'quick_cap']).optional(),
});

export const highpolyToLowpolySchema = z
  .object({
    type: z.literal('highpoly_to_lowpoly'),
    original_model_task_id: taskIdField(),
    model_version: modelVersionField(MODEL_VERSION_TABLES.highpoly_to_lowpoly),
    quad: booleanField().default(false),
    part_names: stringList('part name').optional(),
    face_limit: z.int(expected('an integer')).optional(),
    bake: booleanField().default(true),
  })
  .superRefine((request, context) => {
    if (request.face_limit === undefined) return;
    const [min, max] = request.quad ? [500, 10_000] : [1_000, 20_000];
    if (request.face_limit < min || request.face_limit > max) {
      context.addIssue({
        code: 'custom',
        path: ['face_limit'],
        message: `must be an integer between ${min} and ${max}${request.quad ? ' with quad=true' : ''} (got ${request.face_limit})`,
      });
    }
  });
