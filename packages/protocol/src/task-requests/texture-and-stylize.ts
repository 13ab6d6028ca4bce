// texture_model and stylize_model: tasks that repaint or restyle an existing model (tripo-api.md §4.6, §4.15).
import { z } from 'zod';
import {
  booleanField,
  enumField,
  expected,
  fileReferenceSchema,
  fourViewSlots,
  integerBetween,
  isFilledSlot,
  modelVersionField,
  seedField,
  stringList,
  taskIdField,
  textField,
} from './fields.ts';
import { MODEL_VERSIONS, MODEL_VERSION_TABLES } from './model-versions.ts';
import { TEXTURE_QUALITIES } from './generate-model.ts';

const texturePromptSchema = z
  .object(
    {
      text: textField(1024, { required: true }).optional(),
      image: fileReferenceSchema.optional(),
      images: fourViewSlots().optional(),
      style_image: fileReferenceSchema.optional(),
    },
    expected('an object with one of text, image or images (and optionally style_image)'),
  )
  .superRefine((prompt, context) => {
    const given = (['text', 'image', 'images'] as const).filter((key) => prompt[key] !== undefined);
    if (given.length > 1) {
      context.addIssue({
        code: 'custom',
        path: [given[1]!],
        message: `cannot be combined with ${given[0]}; give only one of text, image or images`,
      });
    }
    if (prompt.images !== undefined && !prompt.images.some(isFilledSlot)) {
      context.addIssue({ code: 'custom', path: ['images'], message: 'must contain at least one image' });
    }
  });

export const textureModelSchema = z
  .object({
    type: z.literal('texture_model'),
    original_model_task_id: taskIdField(),
    texture_prompt: texturePromptSchema.optional(),
    model_version: modelVersionField(MODEL_VERSION_TABLES.texture_model),
    texture: booleanField().default(true),
    pbr: booleanField().optional(),
    texture_seed: seedField().optional(),
    model_seed: seedField().optional(),
    texture_alignment: enumField(['original_image', 'geometry']).default('original_image'),
    texture_quality: enumField(TEXTURE_QUALITIES).default('standard'),
    part_names: stringList('part name').optional(),
    compress: enumField(['geometry']).optional(),
    bake: booleanField().default(true),
    return_multiview: booleanField().optional(),
  })
  .transform((request) => {
    const pbr = request.pbr ?? request.texture;
    return { ...request, texture: request.texture || pbr, pbr };
  })
  .superRefine((request, context) => {
    if (request.texture || request.pbr) return;
    if (request.texture_quality === 'standard') {
      context.addIssue({
        code: 'custom',
        path: ['texture'],
        message:
          'cannot be false together with pbr=false while texture_quality=standard (nothing to do); enable texture or pbr',
      });
    } else if (request.model_version !== MODEL_VERSIONS.h30) {
      context.addIssue({
        code: 'custom',
        path: ['texture_quality'],
        message: `can only be "${request.texture_quality}" with texture=false and pbr=false (texture upscale) on model_version ${MODEL_VERSIONS.h30} (got ${request.model_version})`,
      });
    }
  });

export const STYLIZE_STYLES = ['lego', 'voxel', 'voronoi', 'minecraft', 'keyring', 'fridge_magnet', 'keycap'] as const;

export const MINECRAFT_DEFAULT_BLOCK_SIZE = 80;

export const stylizeModelSchema = z
  .object({
    type: z.literal('stylize_model'),
    original_model_task_id: taskIdField(),
    style: enumField(STYLIZE_STYLES),
    // only minecraft uses it; elsewhere it is validated and dropped
    block_size: integerBetween(32, 128).optional(),
    render_image: booleanField().optional(),
  })
  .transform((request) => ({
    ...request,
    block_size: request.style === 'minecraft' ? (request.block_size ?? MINECRAFT_DEFAULT_BLOCK_SIZE) : undefined,
  }));
