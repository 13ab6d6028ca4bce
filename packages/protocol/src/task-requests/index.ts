// Public surface of the V2 task-request contract: parse, inspect, and the constants pricing and engines share.
export { parseTaskRequest, TASK_REQUEST_SCHEMAS } from './parse-task-request.ts';
export type {
  TaskRequest,
  TaskRequestOf,
  ParseTaskRequestResult,
  ParseTaskRequestOptions,
} from './parse-task-request.ts';
export type { TaskRequestError } from './task-request-error.ts';
export { TASK_REQUEST_ERRORS } from './task-request-error.ts';
export { fileReferencesOf, sourceTaskOf, promptTextsOf, SOURCE_TASK_RULES } from './request-accessors.ts';
export type { FileReference, SourceTaskRule } from './request-accessors.ts';
export {
  MODEL_VERSIONS,
  DEFAULT_MODEL_VERSION,
  MODEL_VERSION_TABLES,
  PREMIUM_IMAGE_MODEL_VERSIONS,
  isP1ModelVersion,
} from './model-versions.ts';
export type { ModelVersionTable } from './model-versions.ts';
export { MODEL_STYLES, TEXTURE_QUALITIES, P1_FORBIDDEN_OPTIONS, QUAD_DEFAULT_FACE_LIMIT } from './generate-model.ts';
export { STYLIZE_STYLES, MINECRAFT_DEFAULT_BLOCK_SIZE } from './texture-and-stylize.ts';
export { MULTIVIEW_VIEWS, maxReferenceImages } from './image.ts';
export {
  CONVERT_FORMATS,
  CONVERT_TEXTURE_FORMATS,
  CONVERT_MODEL_DEFAULTS,
  defaultTextureFormat,
} from './post-process.ts';
export type { ConvertFormat, ConvertTextureFormat } from './post-process.ts';
export { RIG_TYPES, MAX_RETARGET_ANIMATIONS, retargetAnimationsOf } from './animation.ts';
export { ANIMATION_PRESETS, RIG_V2_PRESETS, RIG_V1_BIPED_PRESETS } from './animation-presets.ts';
