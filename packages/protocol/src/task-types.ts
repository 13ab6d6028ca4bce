// The V2 task `type` strings (tripo-api.md §4): the closed set the server accepts, plus the retired ones.

export const TASK_TYPES = [
  'text_to_model',
  'image_to_model',
  'multiview_to_model',
  'refine_model',
  'texture_model',
  'stylize_model',
  'text_to_image',
  'generate_image',
  'generate_multiview_image',
  'edit_multiview_image',
  'import_model',
  'convert_model',
  'mesh_segmentation',
  'mesh_completion',
  'highpoly_to_lowpoly',
  'animate_prerigcheck',
  'animate_rig',
  'animate_retarget',
] as const;

export type TaskType = (typeof TASK_TYPES)[number];

/** Types the V2 API once had and now answers with error 2016 "Deprecated task type". */
export const DEPRECATED_TASK_TYPES = ['animate_model'] as const;

export type DeprecatedTaskType = (typeof DEPRECATED_TASK_TYPES)[number];

export function isTaskType(value: unknown): value is TaskType {
  return typeof value === 'string' && (TASK_TYPES as readonly string[]).includes(value);
}

export function isDeprecatedTaskType(value: unknown): value is DeprecatedTaskType {
  return typeof value === 'string' && (DEPRECATED_TASK_TYPES as readonly string[]).includes(value);
}
