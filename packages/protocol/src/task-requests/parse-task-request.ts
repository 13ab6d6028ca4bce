// POST /v2/openapi/task body → a validated TaskRequest with every documented default filled in, or a typed error.
import { z } from 'zod';
import { TASK_TYPES, isDeprecatedTaskType, isTaskType, type TaskType } from '../task-types.ts';
import { describeInput, isPlainObject } from '../json-values.ts';
import { isTaskRequestError, type TaskRequestError } from './task-request-error.ts';
import { MODEL_VERSION_TABLES } from './model-versions.ts';
import { imageToModelSchema, multiviewToModelSchema, refineModelSchema, textToModelSchema } from './generate-model.ts';
import { stylizeModelSchema, textureModelSchema } from './texture-and-stylize.ts';
import {
  editMultiviewImageSchema,
  generateImageSchema,
  generateMultiviewImageSchema,
  textToImageSchema,
} from './image.ts';
import {
  convertModelSchema,
  highpolyToLowpolySchema,
  importModelSchema,
  meshCompletionSchema,
  meshSegmentationSchema,
} from './post-process.ts';
import { animatePrerigcheckSchema, animateRetargetSchema, animateRigSchema } from './animation.ts';

export const TASK_REQUEST_SCHEMAS = {
  text_to_model: textToModelSchema,
  image_to_model: imageToModelSchema,
  multiview_to_model: multiviewToModelSchema,
  refine_model: refineModelSchema,
  texture_model: textureModelSchema,
  stylize_model: stylizeModelSchema,
  text_to_image: textToImageSchema,
  generate_image: generateImageSchema,
  generate_multiview_image: generateMultiviewImageSchema,
  edit_multiview_image: editMultiviewImageSchema,
  import_model: importModelSchema,
  convert_model: convertModelSchema,
  mesh_segmentation: meshSegmentationSchema,
  mesh_completion: meshCompletionSchema,
  highpoly_to_lowpoly: highpolyToLowpolySchema,
  animate_prerigcheck: animatePrerigcheckSchema,
  animate_rig: animateRigSchema,
  animate_retarget: animateRetargetSchema,
} as const satisfies Record<TaskType, z.ZodType>;

type TaskRequestSchemas = typeof TASK_REQUEST_SCHEMAS;

/** A request of one task type, as the server stores it and echoes it in task.input. */
export type TaskRequestOf<T extends TaskType> = z.output<TaskRequestSchemas[T]>;

export type TaskRequest = { [T in TaskType]: TaskRequestOf<T> }[TaskType];

/** Deployment-specific model names the parser accepts besides the Tripo model versions. */
export interface ParseTaskRequestOptions {
  /**
   * Per task type, the model_version names this deployment publishes itself (an operator's provider models such
   * as "meshy-6"). Such a request is checked as if it named the type's first accepted Tripo version (same option rules)
   * and keeps its own name in model_version.
   */
  deploymentModelVersions?: Readonly<Partial<Record<TaskType, readonly string[]>>>;
}

export type ParseTaskRequestResult =
  { ok: true; request: TaskRequest } | { ok: false; error: TaskRequestError; message: string };

/** Issues quoted in an error message; the rest are summarised as "(and N more)". */
const MAX_REPORTED_ISSUES = 3;

export function parseTaskRequest(body: unknown, options: ParseTaskRequestOptions = {}): ParseTaskRequestResult {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      error: 'malformedRequest',
      message: `The request body must be a JSON object (got ${describeBody(body)})`,
    };
  }
  const type = body.type;
  if (isDeprecatedTaskType(type)) {
    return {
      ok: false,
      error: 'deprecatedTaskType',
      message: `type "${type}" is deprecated; use animate_prerigcheck, animate_rig and animate_retarget instead`,
    };
  }
  if (!isTaskType(type)) {
    const given = type === undefined ? 'type is required' : `type ${describeInput(type)} is not supported`;
    return { ok: false, error: 'unsupportedTaskType', message: `${given}; valid types: ${TASK_TYPES.join(', ')}` };
  }
  const aliased = applyAliases(type, body);
  const deploymentVersion = deploymentVersionOf(type, aliased.model_version, options);
  if (deploymentVersion !== undefined) aliased.model_version = deploymentVersion.standIn;
  const result = TASK_REQUEST_SCHEMAS[type].safeParse(aliased);
  if (result.success) {
    const request = withoutUndefinedFields(result.data) as TaskRequest & { model_version?: string };
    if (deploymentVersion !== undefined) request.model_version = deploymentVersion.name;
    return { ok: true, request };
  }
  return { ok: false, error: errorOf(result.error.issues), message: messageOf(type, result.error.issues) };
}

/** The deployment's own model name in the request, with the Tripo version whose option rules it follows. */
function deploymentVersionOf(
  type: TaskType,
  modelVersion: unknown,
  options: ParseTaskRequestOptions,
): { name: string; standIn: string } | undefined {
  const names = options.deploymentModelVersions?.[type];
  const table = (MODEL_VERSION_TABLES as Record<string, { accepted: readonly string[] }>)[type];
  if (!names || !table || typeof modelVersion !== 'string' || !names.includes(modelVersion)) return undefined;
  // the table's first version (for the generation types: the newest H-series one) lends its option rules
  return { name: modelVersion, standIn: table.accepted[0]! };
}

/**
 * Deprecated field names clients still send, mapped onto the current ones (the current name wins).
 * Top-level nulls count as omitted: serialisers that write `"face_limit": null` mean "not set".
 */
function applyAliases(type: TaskType, body: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
  const rename = (from: string, to: string, map: (value: unknown) => unknown = (value) => value) => {
    if (copy[from] !== undefined && copy[to] === undefined) copy[to] = map(copy[from]);
    delete copy[from];
  };
  rename('model', 'model_version');
  if (type === 'refine_model') rename('rough_model_task_id', 'draft_model_task_id');
  if (type === 'text_to_model') rename('text_seed', 'image_seed');
  if (type === 'image_to_model' || type === 'multiview_to_model') rename('image_autofix', 'enable_image_autofix');
  if (type === 'animate_rig') {
    rename('topology', 'rig_type', (value) => (value === 'bip' ? 'biped' : value === 'quad' ? 'quadruped' : value));
  }
  return copy;
}

function errorOf(issues: readonly z.core.$ZodIssue[]): TaskRequestError {
  for (const issue of issues) {
    const params = issue.code === 'custom' ? issue.params : undefined;
    if (params && isTaskRequestError(params.taskRequestError)) return params.taskRequestError;
  }
  return 'invalidParameter';
}

function messageOf(type: TaskType, issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => `${formatPath(issue.path)} ${issue.message}`);
  const more = issues.length > MAX_REPORTED_ISSUES ? ` (and ${issues.length - MAX_REPORTED_ISSUES} more)` : '';
  return `Invalid ${type} request: ${parts.join('; ')}${more}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'request';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/** Options a transform left unset (e.g. P1's forbidden options) are dropped so the echo holds no undefined keys. */
function withoutUndefinedFields<T extends object>(request: T): T {
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as T;
}

function describeBody(body: unknown): string {
  if (body === null) return 'null';
  if (Array.isArray(body)) return 'an array';
  return typeof body === 'object' ? 'a non-plain object' : `a ${typeof body}`;
}
