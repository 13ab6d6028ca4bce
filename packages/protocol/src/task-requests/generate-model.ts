// text_to_model, image_to_model, multiview_to_model and refine_model (tripo-api.md §4.2–4.5).
import { z } from 'zod';
import {
  booleanField,
  enumField,
  expected,
  fileReferenceSchema,
  fourViewSlots,
  isFilledSlot,
  modelVersionField,
  seedField,
  taskIdField,
  textField,
} from './fields.ts';
import { MODEL_VERSIONS, MODEL_VERSION_TABLES, isP1ModelVersion } from './model-versions.ts';

export const MODEL_STYLES = [
  'person:person2cartoon',
  'animal:venom',
  'object:clay',
  'object:steampunk',
  'object:christmas',
  'object:barbie',
  'gold',
  'ancient_bronze',
] as const;

export const TEXTURE_QUALITIES = ['standard', 'detailed', 'extreme'] as const;

/** Options P1 models refuse outright, even when sent as false (intl behaviour, MIGR §3.1). */
export const P1_FORBIDDEN_OPTIONS = ['quad', 'smart_low_poly', 'generate_parts', 'geometry_quality'] as const;

/** face_limit when quad=true and the client gave none (V2 docs). */
export const QUAD_DEFAULT_FACE_LIMIT = 10_000;

const commonGenerationFields = {
  model_seed: seedField().optional(),
  texture_seed: seedField().optional(),
  face_limit: z.int(expected('an integer')).optional(),
  texture: booleanField().default(true),
  // default follows `texture` (see normaliseGeneration), so {texture:false} alone means untextured
  pbr: booleanField().optional(),
  texture_quality: enumField(TEXTURE_QUALITIES).default('standard'),
  geometry_quality: enumField(['standard', 'detailed']).optional(),
  auto_size: booleanField().default(false),
  quad: booleanField().optional(),
  compress: enumField(['geometry']).optional(),
  smart_low_poly: booleanField().optional(),
  generate_parts: booleanField().optional(),
  export_uv: booleanField().default(true),
  style: enumField(MODEL_STYLES).optional(),
  style_image: fileReferenceSchema.optional(),
  return_multiview: booleanField().optional(),
  render_sequence: booleanField().optional(),
  render_video: booleanField().optional(),
  check_printable: booleanField().optional(),
};

const imageInputFields = {
  texture_alignment: enumField(['original_image', 'geometry']).default('original_image'),
  orientation: enumField(['default', 'align_image']).default('default'),
  enable_image_autofix: booleanField().default(false),
  mode: z.string(expected('a string')).optional(),
};

interface GenerationOptions {
  model_version: string;
  face_limit?: number;
  texture: boolean;
  pbr?: boolean;
  geometry_quality?: 'standard' | 'detailed';
  quad?: boolean;
  smart_low_poly?: boolean;
  generate_parts?: boolean;
}

function faceLimitRange(options: GenerationOptions): [number, number] {
  if (isP1ModelVersion(options.model_version)) return [48, 20_000];
  if (options.smart_low_poly && options.quad) return [500, 10_000];
  if (options.smart_low_poly) return [1_000, 20_000];
  return [500, 500_000];
}

function checkGenerationOptions(options: GenerationOptions, context: z.RefinementCtx): void {
  const isP1 = isP1ModelVersion(options.model_version);
  if (isP1) {
    for (const option of P1_FORBIDDEN_OPTIONS) {
      if (options[option] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [option],
          message: `is not supported by model_version ${options.model_version}; omit the field (even false is refused)`,
        });
      }
    }
  }
  const geometryCapable = options.model_version === MODEL_VERSIONS.h30 || options.model_version === MODEL_VERSIONS.h31;
  if (options.geometry_quality === 'detailed' && !geometryCapable && !isP1) {
    context.addIssue({
      code: 'custom',
      path: ['geometry_quality'],
      message: `can only be "detailed" with model_version ${MODEL_VERSIONS.h30} or newer (got ${options.model_version})`,
    });
  }
  if (options.generate_parts && (options.texture !== false || options.pbr === true)) {
    context.addIssue({
      code: 'custom',
      path: ['generate_parts'],
      message: 'can only be true with texture=false and pbr=false',
    });
  }
  if (options.generate_parts && options.quad) {
    context.addIssue({ code: 'custom', path: ['generate_parts'], message: 'cannot be true together with quad=true' });
  }
  if (options.face_limit !== undefined) {
    const [min, max] = faceLimitRange(options);
    if (options.face_limit < min || options.face_limit > max) {
      const condition = isP1 ? ` for ${options.model_version}` : options.smart_low_poly ? ' with smart_low_poly' : '';
      context.addIssue({
        code: 'custom',
        path: ['face_limit'],
        message: `must be an integer between ${min} and ${max}${condition} (got ${options.face_limit})`,
      });
    }
  }
}

/** Fills the defaults that depend on other fields; P1 keeps its forbidden options absent. */
function normaliseGeneration<T extends GenerationOptions>(request: T) {
  const isP1 = isP1ModelVersion(request.model_version);
  const pbr = request.pbr ?? request.texture;
  const quad = isP1 ? undefined : (request.quad ?? false);
  return {
    ...request,
    texture: request.texture || pbr,
    pbr,
    quad,
    smart_low_poly: isP1 ? undefined : (request.smart_low_poly ?? false),
    generate_parts: isP1 ? undefined : (request.generate_parts ?? false),
    geometry_quality: isP1 ? undefined : (request.geometry_quality ?? 'standard'),
    face_limit: request.face_limit ?? (quad ? QUAD_DEFAULT_FACE_LIMIT : undefined),
  };
}

export const textToModelSchema = z
  .object({
    type: z.literal('text_to_model'),
    prompt: textField(1024, { required: true }),
    negative_prompt: textField(255, { required: false }).optional(),
    model_version: modelVersionField(MODEL_VERSION_TABLES.text_to_model),
    image_seed: seedField().optional(),
    ...commonGenerationFields,
  })
  .superRefine(checkGenerationOptions)
  .transform(normaliseGeneration);

export const imageToModelSchema = z
  .object({
    type: z.literal('image_to_model'),
    file: fileReferenceSchema,
    model_version: modelVersionField(MODEL_VERSION_TABLES.image_to_model),
    ...commonGenerationFields,
    ...imageInputFields,
  })
  .superRefine(checkGenerationOptions)
  .transform(normaliseGeneration);

export const multiviewToModelSchema = z
  .object({
    type: z.literal('multiview_to_model'),
    files: fourViewSlots().optional(),
    original_task_id: taskIdField().optional(),
    model_version: modelVersionField(MODEL_VERSION_TABLES.multiview_to_model),
    orthographic_projection: booleanField().optional(),
    ...commonGenerationFields,
    ...imageInputFields,
  })
  .superRefine((request, context) => {
    checkGenerationOptions(request, context);
    if (request.files === undefined) {
      if (request.original_task_id === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['files'],
          message:
            'is required: 4 file objects [front, left, back, right] (or original_task_id of a multiview image task)',
        });
      }
      return;
    }
    // with original_task_id the given files only override views of that task
    if (request.original_task_id !== undefined) return;
    if (!isFilledSlot(request.files[0]!)) {
      context.addIssue({ code: 'custom', path: ['files', 0], message: 'must be the front view; it cannot be empty' });
    } else if (request.files.filter(isFilledSlot).length < 2) {
      context.addIssue({
        code: 'custom',
        path: ['files'],
        message: 'must contain at least 2 views (front and one more)',
      });
    }
  })
  .transform(normaliseGeneration);

export const refineModelSchema = z.object({
  type: z.literal('refine_model'),
  draft_model_task_id: taskIdField(),
});
