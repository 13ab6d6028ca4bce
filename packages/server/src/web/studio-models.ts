// Studio's view of an account's tasks as models: which task types make one, a title for each, the chain a model
// was made from (ancestors) and what was made from it (derived), and which output the 3D viewer shows.
import type { TaskRecord } from '../tasks/task-record.ts';
import { taskFromRow } from '../tasks/task-record.ts';
import type { Database } from '../db/database-schema.ts';
import { humanTaskType } from './format.ts';
import { promptOf } from './task-history.ts';
import { sourceTaskIdOf } from './task-previews.ts';

/** Task types whose result is a 3D model (the gallery lists these; a rig check or an image is not a model). */
export const MODEL_TASK_TYPES = [
  'text_to_model',
  'image_to_model',
  'multiview_to_model',
  'import_model',
  'refine_model',
  'texture_model',
  'stylize_model',
  'convert_model',
  'mesh_segmentation',
  'mesh_completion',
  'highpoly_to_lowpoly',
  'animate_rig',
  'animate_retarget',
] as const;

const MODEL_OUTPUT_KEYS = ['pbr_model', 'model', 'base_model'] as const;
export const VIEWABLE_EXTENSIONS = new Set(['glb', 'gltf', 'stl', 'fbx']);
/** How far back the chain of source models is followed. */
const MAX_ANCESTORS = 8;
const MAX_DERIVED = 24;

/** The output the viewer shows: the first model output in a format three.js loads here, if any. */
export function viewableModelOf(
  task: Pick<TaskRecord, 'outputFiles'>,
): { outputKey: string; extension: string } | undefined {
  for (const outputKey of MODEL_OUTPUT_KEYS) {
    const file = task.outputFiles[outputKey];
    const extension = file?.fileName.split('.').pop()?.toLowerCase();
    if (file && extension && VIEWABLE_EXTENSIONS.has(extension)) return { outputKey, extension };
  }
  return undefined;
}

/** A short human title: the prompt, or what the step did ("Converted to FBX", "Rigged (biped)"). */
export function modelTitle(type: string, input: Record<string, unknown>): string {
  const prompt = promptOf(input);
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  switch (type) {
    case 'text_to_model':
      return prompt ?? 'Model from a prompt';
    case 'image_to_model':
      return 'Model from an image';
    case 'multiview_to_model':
      return 'Model from several views';
    case 'import_model':
      return `Imported ${text((input.file as Record<string, unknown> | undefined)?.type).toUpperCase() || 'model'}`.trim();
    case 'convert_model':
      return `Converted to ${text(input.format).toUpperCase()}`;
    case 'highpoly_to_lowpoly':
      return input.face_limit ? `Low-poly, ${text(input.face_limit)} faces` : 'Low-poly';
    case 'mesh_segmentation':
      return 'Split into parts';
    case 'mesh_completion':
      return 'Completed parts';
    case 'texture_model':
      return prompt ? `Textured: ${prompt}` : 'Re-textured';
    case 'animate_prerigcheck':
      return 'Rig check';
    case 'animate_rig':
      return `Rigged${input.rig_type ? ` (${text(input.rig_type)})` : ''}`;
    case 'animate_retarget': {
      const animation =
        text(input.animation) || (Array.isArray(input.animations) ? input.animations.map(text).join(', ') : '');
      return `Animated${animation ? `: ${animation.replace(/preset:/g, '').replaceAll('_', ' ')}` : ''}`;
    }
    default:
      return prompt ?? humanTaskType(type);
  }
}

/** One of the account's tasks with its wallet; another account's task reads as not found (undefined). */
export async function loadOwnTask(
  db: Database,
  accountId: string,
  taskId: string,
): Promise<{ task: TaskRecord; wallet: string } | undefined> {
  const row = await db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', taskId.toLowerCase())
    .where('accountId', '=', accountId)
    .executeTakeFirst();
  return row ? { task: taskFromRow(row), wallet: row.wallet ?? 'api' } : undefined;
}

/** The tasks this one was made from, nearest first (its source, the source's source, ...). */
export async function ancestorsOf(db: Database, accountId: string, task: TaskRecord): Promise<TaskRecord[]> {
  const ancestors: TaskRecord[] = [];
  const seen = new Set([task.id]);
  let sourceId = sourceTaskIdOf(task.type, task.input);
  while (sourceId && !seen.has(sourceId) && ancestors.length < MAX_ANCESTORS) {
    seen.add(sourceId);
    const source = await loadOwnTask(db, accountId, sourceId);
    if (!source) break;
    ancestors.push(source.task);
    sourceId = sourceTaskIdOf(source.task.type, source.task.input);
  }
  return ancestors;
}

/** Tasks made directly from this one, newest first. */
export async function derivedFrom(db: Database, accountId: string, taskId: string): Promise<TaskRecord[]> {
  // The source id sits in the stored request JSON; the match is confirmed on the parsed request below.
  const rows = await db
    .selectFrom('tasks')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('inputJson', 'like', `%${taskId}%`)
    .where('id', '!=', taskId)
    .orderBy('createdAt', 'desc')
    .limit(MAX_DERIVED * 2)
    .execute();
  return rows
    .map(taskFromRow)
    .filter((candidate) => sourceTaskIdOf(candidate.type, candidate.input) === taskId)
    .slice(0, MAX_DERIVED);
}
