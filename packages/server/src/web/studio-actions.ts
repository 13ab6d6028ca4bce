// Studio's next steps for a model (convert, low poly, segment, texture, rig check, rig, animate): which model each
// applies to, its defaults for that model, and the task request built from a form. A step that cannot take the
// model shown (a rig of an FBX made by a convert) applies to the nearest model it was made from that it can take,
// so chaining keeps every step one click away.
import { MODEL_VERSION_TABLES, RIG_TYPES, RIG_V2_PRESETS, SOURCE_TASK_RULES, type TaskType } from '@polyforge/protocol';
import { DomainError } from '../domain-error.ts';
import type { TaskRecord } from '../tasks/task-record.ts';
import { humanTaskType } from './format.ts';
import { viewableModelOf } from './studio-models.ts';

export const STUDIO_ACTION_TYPES = [
  'convert_model',
  'highpoly_to_lowpoly',
  'mesh_segmentation',
  'texture_model',
  'animate_prerigcheck',
  'animate_rig',
  'animate_retarget',
] as const;
export type StudioActionType = (typeof STUDIO_ACTION_TYPES)[number];

export const ACTION_LABELS: Record<StudioActionType, string> = {
  convert_model: 'Convert',
  highpoly_to_lowpoly: 'Low poly',
  mesh_segmentation: 'Segment into parts',
  texture_model: 'Texture',
  animate_prerigcheck: 'Check if riggable',
  animate_rig: 'Rig',
  animate_retarget: 'Animate',
};

/** The formats Studio offers to convert to (the API's list; a deployment that lacks one says so in the quote). */
export const CONVERT_CHOICES = ['GLB', 'GLTF', 'FBX', 'OBJ', 'STL', 'USDZ', '3MF'] as const;
/**
 * highpoly_to_lowpoly's face_limit range without quad, as the request schema checks it (protocol post-process.ts;
 * studio-actions.test.ts asserts that the server refuses one below and one above).
 */
export const LOW_POLY_FACE_LIMIT = { min: 1000, max: 20_000, default: 5000, step: 500 } as const;
export const TEXTURE_PROMPT_MAX_LENGTH = 1024;
/** Studio rigs with the newest rig version: the only ones that take rig types other than biped (and the presets offered are its set). */
export const STUDIO_RIG_MODEL_VERSION = MODEL_VERSION_TABLES.animate_rig.accepted.at(-1)!;

export function isStudioAction(value: unknown): value is StudioActionType {
  return typeof value === 'string' && (STUDIO_ACTION_TYPES as readonly string[]).includes(value);
}

/** Animation presets that fit a rig type (biped presets have no rig prefix: "preset:walk"). */
export function animationsFor(rigType: string): string[] {
  const fitting = RIG_V2_PRESETS.filter((preset) => {
    const parts = preset.split(':');
    return rigType === 'biped' ? parts.length === 2 : parts[1] === rigType;
  });
  return fitting.length > 0 ? fitting : RIG_V2_PRESETS.filter((preset) => preset.split(':').length === 2);
}

export interface StudioActionPlan {
  type: StudioActionType;
  /** the model the step applies to: this one, or the nearest it was made from that the step takes */
  target?: TaskRecord;
  /** why the step is not offered (no model in the chain fits) */
  unavailableReason?: string;
  /** the form's default values */
  defaults: Record<string, string>;
  /** for select fields: the choices */
  choices: Record<string, readonly string[]>;
}

/**
 * The steps for the model shown. `chain` is the model and what it was made from, nearest first; only finished
 * models are candidates. `derivedChecks` are rig checks made from models of the chain (their result picks the rig type).
 */
export function planStudioActions(
  chain: readonly TaskRecord[],
  derivedChecks: readonly TaskRecord[],
): StudioActionPlan[] {
  const finished = chain.filter((task) => task.status === 'success');
  return STUDIO_ACTION_TYPES.map((type) => {
    const allowed = SOURCE_TASK_RULES[type as TaskType]?.allowedTypes ?? [];
    const target = finished.find((task) => allowed.includes(task.type as TaskType));
    const plan: StudioActionPlan = { type, target, defaults: {}, choices: {} };
    if (!target) {
      plan.unavailableReason =
        type === 'animate_retarget'
          ? 'Needs a rigged model: rig this model first.'
          : `Works on models made by ${allowed.map((name) => humanTaskType(name)).join(', ')}.`;
      return plan;
    }
    if (type === 'convert_model') {
      const animated = chain.some((task) => task.type === 'animate_rig' || task.type === 'animate_retarget');
      const current = viewableModelOf(target)?.extension;
      // a rig or an animation goes to game engines as FBX; a still model to the format every tool opens
      plan.defaults.format = current === 'fbx' ? 'GLB' : animated ? 'FBX' : 'OBJ';
      plan.choices.format = CONVERT_CHOICES;
    } else if (type === 'highpoly_to_lowpoly') {
      plan.defaults.face_limit = String(LOW_POLY_FACE_LIMIT.default);
    } else if (type === 'animate_rig') {
      const check = derivedChecks.find(
        (task) =>
          task.status === 'success' &&
          task.result.riggable === true &&
          typeof task.result.rig_type === 'string' &&
          sourceOf(task) === target.id,
      );
      plan.defaults.rig_type = (check?.result.rig_type as string | undefined) ?? 'biped';
      plan.choices.rig_type = RIG_TYPES;
    } else if (type === 'animate_retarget') {
      const rigType =
        typeof target.result.rig_type === 'string'
          ? target.result.rig_type
          : typeof target.input.rig_type === 'string'
            ? target.input.rig_type
            : 'biped';
      const animations = animationsFor(rigType);
      plan.choices.animation = animations;
      plan.defaults.animation = animations.includes('preset:walk') ? 'preset:walk' : animations[0];
    } else if (type === 'texture_model') {
      plan.defaults.prompt = '';
    }
    return plan;
  });
}

function sourceOf(task: TaskRecord): string | undefined {
  const value = task.input.original_model_task_id;
  return typeof value === 'string' ? value : undefined;
}

/** The task request of a step from its form fields (the server's schema validates it again at create). */
export function studioActionRequest(
  type: string,
  sourceTaskId: string,
  fields: Record<string, string>,
): Record<string, unknown> {
  if (!isStudioAction(type))
    throw new DomainError('invalidParameter', `Studio's next steps are ${STUDIO_ACTION_TYPES.join(', ')}`);
  const request: Record<string, unknown> = { type, original_model_task_id: sourceTaskId };
  if (type === 'convert_model') request.format = fields.format || 'GLB';
  if (type === 'highpoly_to_lowpoly' && fields.face_limit) {
    const faceLimit = Number(fields.face_limit);
    if (!Number.isInteger(faceLimit) || faceLimit < LOW_POLY_FACE_LIMIT.min || faceLimit > LOW_POLY_FACE_LIMIT.max) {
      throw new DomainError(
        'invalidParameter',
        `face limit must be a whole number from ${LOW_POLY_FACE_LIMIT.min} to ${LOW_POLY_FACE_LIMIT.max}`,
      );
    }
    request.face_limit = faceLimit;
  }
  if (type === 'texture_model' && fields.prompt)
    request.texture_prompt = { text: fields.prompt.slice(0, TEXTURE_PROMPT_MAX_LENGTH) };
  if (type === 'animate_rig') {
    request.model_version = STUDIO_RIG_MODEL_VERSION;
    if (fields.rig_type) request.rig_type = fields.rig_type;
  }
  if (type === 'animate_retarget') request.animation = fields.animation || 'preset:walk';
  return request;
}
