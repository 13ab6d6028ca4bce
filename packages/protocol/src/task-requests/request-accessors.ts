// Read-only views over a parsed TaskRequest: its files, the task it builds on, and its user-written text.
import type { TaskType } from '../task-types.ts';
import type { TaskRequest } from './parse-task-request.ts';

export interface FileReference {
  type?: string;
  file_token?: string;
  url?: string;
  object?: { bucket: string; key: string };
}

export interface SourceTaskRule {
  field: 'original_model_task_id' | 'draft_model_task_id' | 'original_task_id';
  allowedTypes: readonly TaskType[];
}

const GENERATION_TYPES = ['text_to_model', 'image_to_model', 'multiview_to_model'] as const;
const RIGGABLE_SOURCE_TYPES = [
  ...GENERATION_TYPES,
  'texture_model',
  'refine_model',
  'import_model',
  'highpoly_to_lowpoly',
] as const;

/** Which task each chaining type builds on and which source types it accepts (error 2006 otherwise); tripo-api.md §4. */
export const SOURCE_TASK_RULES: Partial<Record<TaskType, SourceTaskRule>> = {
  refine_model: { field: 'draft_model_task_id', allowedTypes: GENERATION_TYPES },
  // the segmentation types too: texture_model's part_names names parts of a mesh_segmentation result (§4.6)
  texture_model: {
    field: 'original_model_task_id',
    allowedTypes: [...GENERATION_TYPES, 'texture_model', 'import_model', 'mesh_segmentation', 'mesh_completion'],
  },
  stylize_model: {
    field: 'original_model_task_id',
    allowedTypes: [
      ...GENERATION_TYPES,
      'texture_model',
      'refine_model',
      'import_model',
      'animate_rig',
      'animate_retarget',
    ],
  },
  convert_model: {
    field: 'original_model_task_id',
    allowedTypes: [
      ...GENERATION_TYPES,
      'texture_model',
      'refine_model',
      'import_model',
      'animate_rig',
      'animate_retarget',
      'convert_model',
    ],
  },
  mesh_segmentation: {
    field: 'original_model_task_id',
    allowedTypes: [...GENERATION_TYPES, 'texture_model', 'refine_model', 'import_model', 'highpoly_to_lowpoly'],
  },
  mesh_completion: { field: 'original_model_task_id', allowedTypes: ['mesh_segmentation'] },
  highpoly_to_lowpoly: {
    field: 'original_model_task_id',
    allowedTypes: [
      ...GENERATION_TYPES,
      'texture_model',
      'refine_model',
      'import_model',
      'mesh_segmentation',
      'mesh_completion',
    ],
  },
  animate_prerigcheck: { field: 'original_model_task_id', allowedTypes: RIGGABLE_SOURCE_TYPES },
  animate_rig: { field: 'original_model_task_id', allowedTypes: RIGGABLE_SOURCE_TYPES },
  animate_retarget: { field: 'original_model_task_id', allowedTypes: ['animate_rig'] },
  edit_multiview_image: { field: 'original_task_id', allowedTypes: ['generate_multiview_image'] },
  // optional there: multiview_to_model normally takes files
  multiview_to_model: { field: 'original_task_id', allowedTypes: ['generate_multiview_image', 'edit_multiview_image'] },
};

/** The task id this request builds on and which source task types it accepts (for error 2006), or undefined. */
export function sourceTaskOf(
  request: TaskRequest,
): { taskId: string; field: string; allowedTypes: readonly TaskType[] } | undefined {
  const rule = SOURCE_TASK_RULES[request.type];
  if (rule === undefined) return undefined;
  const taskId = (request as Record<string, unknown>)[rule.field];
  return typeof taskId === 'string' ? { taskId, field: rule.field, allowedTypes: rule.allowedTypes } : undefined;
}

/** Fields that hold file objects, in the order they are reported. */
const FILE_FIELDS = ['file', 'files', 'texture_prompt', 'style_image', 'ref_image'] as const;

/** Every non-empty file object in the request, in order (file, files[], texture_prompt.image/images/style_image, style_image, ...). */
export function fileReferencesOf(request: TaskRequest): FileReference[] {
  const fields = request as Record<string, unknown>;
  const references: FileReference[] = [];
  for (const field of FILE_FIELDS) {
    const value = fields[field];
    if (field === 'texture_prompt' && isRecord(value)) {
      collect(value.image, references);
      collect(value.images, references);
      collect(value.style_image, references);
    } else {
      collect(value, references);
    }
  }
  return references;
}

function collect(value: unknown, into: FileReference[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (
    isRecord(value) &&
    (value.file_token !== undefined || value.url !== undefined || value.object !== undefined)
  ) {
    into.push(value as FileReference);
  }
}

/** All user-written text (prompt, negative_prompt, texture_prompt.text, prompts[].prompt) for the content-safety check. */
export function promptTextsOf(request: TaskRequest): string[] {
  const fields = request as Record<string, unknown>;
  const texts: unknown[] = [fields.prompt, fields.negative_prompt];
  if (isRecord(fields.texture_prompt)) texts.push(fields.texture_prompt.text);
  if (Array.isArray(fields.prompts)) {
    for (const entry of fields.prompts) if (isRecord(entry)) texts.push(entry.prompt);
  }
  return texts.filter((text): text is string => typeof text === 'string' && text.length > 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
