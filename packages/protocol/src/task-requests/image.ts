// Image tasks: text_to_image, generate_image, generate_multiview_image, edit_multiview_image (tripo-api.md §4.7–4.9).
import { z } from 'zod';
import { describeInput } from '../json-values.ts';
import {
  booleanField,
  enumField,
  errorParams,
  expected,
  fileReferenceSchema,
  modelVersionField,
  taskIdField,
  textField,
} from './fields.ts';
import { MODEL_VERSION_TABLES } from './model-versions.ts';

/** How many reference images each generate_image model takes (file + files together); 0 = text only. */
export function maxReferenceImages(modelVersion: string): number {
  if (modelVersion === 'flux.1_dev' || modelVersion === 'z_image') return 0;
  if (modelVersion === 'flux.1_kontext_pro') return 4;
  return 10;
}

export const MULTIVIEW_VIEWS = ['front', 'left', 'back', 'right'] as const;

const toleratedTextToImageVersions: readonly string[] = MODEL_VERSION_TABLES.text_to_image.accepted;

export const textToImageSchema = z.object({
  type: z.literal('text_to_image'),
  prompt: textField(1024, { required: true }),
  negative_prompt: textField(255, { required: false }).optional(),
  style_image: fileReferenceSchema.optional(),
  // V2 tolerated 3D model versions here; they are echoed but change nothing
  model_version: z
    .string(expected('a model version string'))
    .superRefine((value, context) => {
      if (toleratedTextToImageVersions.includes(value)) return;
      context.addIssue({
        code: 'custom',
        input: value,
        message: `is not used by text_to_image; omit it (got ${describeInput(value)})`,
        params: errorParams('invalidModelVersion'),
      });
    })
    .optional(),
});

export const generateImageSchema = z
  .object({
    type: z.literal('generate_image'),
    model_version: modelVersionField(MODEL_VERSION_TABLES.generate_image),
    prompt: textField(1024, { required: true }).optional(),
    file: fileReferenceSchema.optional(),
    files: z.array(fileReferenceSchema, expected('a list of file objects')).optional(),
    template: z.string(expected('a template name')).min(1, expected('a template name')).optional(),
    t_pose: booleanField().default(false),
    sketch_to_render: booleanField().default(false),
  })
  .superRefine((request, context) => {
    const imageCount = (request.file ? 1 : 0) + (request.files?.length ?? 0);
    if (request.prompt === undefined && !(request.template !== undefined && imageCount > 0)) {
      context.addIssue({
        code: 'custom',
        path: ['prompt'],
        message: 'is required (it may only be left out when template and an image file are given)',
      });
    }
    const maxImages = maxReferenceImages(request.model_version);
    if (imageCount > maxImages) {
      context.addIssue({
        code: 'custom',
        path: [request.files ? 'files' : 'file'],
        message:
          maxImages === 0
            ? `cannot be used with model_version ${request.model_version}, which takes no image input`
            : `holds ${imageCount} images but model_version ${request.model_version} takes at most ${maxImages}`,
      });
    }
  });

export const generateMultiviewImageSchema = z.object({
  type: z.literal('generate_multiview_image'),
  file: fileReferenceSchema,
});

const viewPromptSchema = z.object(
  {
    view: enumField(MULTIVIEW_VIEWS),
    prompt: textField(1024, { required: true }),
  },
  expected('an object {"view": "front"|"left"|"back"|"right", "prompt": "..."}'),
);

export const editMultiviewImageSchema = z
  .object({
    type: z.literal('edit_multiview_image'),
    original_task_id: taskIdField(),
    prompts: z
      .array(viewPromptSchema, expected('a list of 1 to 4 {view, prompt} objects'))
      .min(1, expected('a list of 1 to 4 {view, prompt} objects'))
      .max(4, expected('a list of 1 to 4 {view, prompt} objects')),
  })
  .superRefine((request, context) => {
    const seen = new Set<string>();
    request.prompts.forEach((entry, index) => {
      if (seen.has(entry.view)) {
        context.addIssue({
          code: 'custom',
          path: ['prompts', index, 'view'],
          message: `repeats view "${entry.view}"; each view may be edited once`,
        });
      }
      seen.add(entry.view);
    });
  });
