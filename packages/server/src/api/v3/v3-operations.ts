// The /v3 creation endpoints (tripo-api.md §6.1): which V2 task type each one creates, where its `input` goes,
// and how its `model` is read. Endpoints whose task type this platform does not have answer 2002.
import type { TaskType } from '@polyforge/protocol';

export type V3InputMode =
  /** no file input (text prompts) */
  | 'none'
  /** `input` → `file` (one image) */
  | 'image'
  /** `input` → `file`, `inputs` → `files` (reference images) */
  | 'images'
  /** `inputs` (views) → `files`, or a multiview image task → `original_task_id` */
  | 'multiview'
  /** `input` → `file` (an uploaded model; file tokens only) */
  | 'model-file'
  /** `input` → the task id field named by sourceField */
  | 'task';

export type V3ModelRule =
  /** `model` required (400/1004 when missing), 3D generation versions */
  | 'generation'
  /** default flips to v3.0-20250812 on /v3 */
  | 'texture'
  /** v2.0-20250506 is refused on /v3 */
  | 'rig'
  /** `v2.0` / `v1.0`, legacy `P-...` names accepted */
  | 'decimate'
  /** V3 image model names, validated; text_to_image has no model choice on the V2 schema */
  | 'text-to-image'
  /** V3 image model names mapped to their V2 generate_image names */
  | 'image-to-image'
  /** passed on as model_version */
  | 'pass-through';

export interface V3Operation {
  /** path under /v3 */
  path: string;
  /** null: a V3-only operation this platform has no task type for (answers 2002, charges nothing) */
  taskType: TaskType | null;
  input: V3InputMode;
  sourceField?: 'original_model_task_id' | 'draft_model_task_id' | 'original_task_id';
  model: V3ModelRule;
}

export const V3_OPERATIONS: readonly V3Operation[] = [
  { path: 'generation/text-to-model', taskType: 'text_to_model', input: 'none', model: 'generation' },
  { path: 'generation/image-to-model', taskType: 'image_to_model', input: 'image', model: 'generation' },
  { path: 'generation/multiview-to-model', taskType: 'multiview_to_model', input: 'multiview', model: 'generation' },
  { path: 'generation/image-to-splat', taskType: null, input: 'image', model: 'pass-through' },
  { path: 'generation/text-to-image', taskType: 'text_to_image', input: 'none', model: 'text-to-image' },
  { path: 'generation/image-to-image', taskType: 'generate_image', input: 'images', model: 'image-to-image' },
  {
    path: 'generation/image-to-multiview',
    taskType: 'generate_multiview_image',
    input: 'image',
    model: 'pass-through',
  },
  {
    path: 'generation/edit-multiview',
    taskType: 'edit_multiview_image',
    input: 'task',
    sourceField: 'original_task_id',
    model: 'pass-through',
  },
  { path: 'models/import', taskType: 'import_model', input: 'model-file', model: 'pass-through' },
  {
    path: 'models/refine',
    taskType: 'refine_model',
    input: 'task',
    sourceField: 'draft_model_task_id',
    model: 'pass-through',
  },
  {
    path: 'models/texture',
    taskType: 'texture_model',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'texture',
  },
  {
    path: 'models/stylize',
    taskType: 'stylize_model',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'pass-through',
  },
  {
    path: 'models/convert',
    taskType: 'convert_model',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'pass-through',
  },
  {
    path: 'animations/rig-check',
    taskType: 'animate_prerigcheck',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'pass-through',
  },
  {
    path: 'animations/rig',
    taskType: 'animate_rig',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'rig',
  },
  {
    path: 'animations/retarget',
    taskType: 'animate_retarget',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'pass-through',
  },
  {
    path: 'mesh/segment',
    taskType: 'mesh_segmentation',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'pass-through',
  },
  { path: 'mesh/smartsegment', taskType: null, input: 'none', model: 'pass-through' },
  {
    path: 'mesh/complete',
    taskType: 'mesh_completion',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'pass-through',
  },
  {
    path: 'mesh/decimate',
    taskType: 'highpoly_to_lowpoly',
    input: 'task',
    sourceField: 'original_model_task_id',
    model: 'decimate',
  },
];

/** 3D generation versions /v3 accepts (§6.3); P2 is a preview this platform has no engine or price for. */
export const V3_GENERATION_MODELS = ['v3.1-20260211', 'v3.0-20250812', 'v2.5-20250123', 'P1-20260311'] as const;
export const V3_UNAVAILABLE_GENERATION_MODELS = ['P2-20260801'] as const;

export const V3_TEXTURE_DEFAULT_MODEL = 'v3.0-20250812';
export const V3_REFUSED_RIG_MODEL = 'v2.0-20250506';

/** /v3/mesh/decimate version names and the V2 highpoly_to_lowpoly names they stand for. */
export const V3_DECIMATE_MODELS: Record<string, string> = {
  'v2.0': 'P-v2.0-20251225',
  'v1.0': 'P-v1.0-20250506',
};
export const V3_DECIMATE_DEFAULT_MODEL = 'v2.0';

/**
 * V3 image model names (§6.3) and their V2 generate_image names; null: no V2 counterpart, so no engine here.
 * text-to-image accepts every name (the V2 text_to_image schema has no model choice).
 */
export const V3_IMAGE_MODELS: Record<string, string | null> = {
  seedream_v4: null,
  seedream_v5: null,
  banana: 'gemini_2.5_flash_image_preview',
  banana_pro: 'gemini_3_pro_image_preview',
  banana2: 'gemini_3.1_flash_image_preview',
  chat_image_1: 'gpt_4o',
  'chat_image_1.5': 'gpt_image_1.5',
  chat_image_2: 'gpt_image_2',
  'chat_image_2.5_flare': null,
  'chat_image_2.5_sunburst': null,
};

export function findV3Operation(path: string): V3Operation | undefined {
  return V3_OPERATIONS.find((operation) => operation.path === path);
}
