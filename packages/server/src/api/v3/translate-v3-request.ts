// Turns a /v3 creation body into the V2-shaped task request that parseTaskRequest validates, so both surfaces
// share one task logic: `input`/`inputs` become file objects or source-task ids, `model` becomes model_version.
import { describeInput, isPlainObject, MULTIVIEW_VIEWS } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';
import { invalid, parseV3Input, type V2FileObject, type V3Input } from './v3-inputs.ts';
import { checkImageOptions, modelVersionFor, requestedModelOf, V3_IMAGE_ONLY_OPTIONS } from './v3-model-rules.ts';
import type { V3Operation } from './v3-operations.ts';

export type MultiviewView = (typeof MULTIVIEW_VIEWS)[number];

export interface V3InputResolver {
  /** The id of a file of this account holding an image output of an earlier task (a bare task UUID as input). */
  taskOutputImage(taskId: string, view?: MultiviewView): Promise<string>;
}

export async function translateV3Request(
  operation: V3Operation,
  body: unknown,
  resolver: V3InputResolver,
): Promise<Record<string, unknown>> {
  const endpoint = `/v3/${operation.path}`;
  if (operation.taskType === null)
    throw new DomainError('notAvailable', `${endpoint} is not available on this deployment; nothing was charged`);
  if (!isPlainObject(body))
    throw new DomainError('malformedRequest', `The request body must be a JSON object (got ${describeBody(body)})`);
  const { input, inputs, model, model_version: modelVersion, type, ...rest } = body;
  if (type !== undefined && type !== operation.taskType) {
    throw invalid(
      'type',
      `is decided by the endpoint: ${endpoint} creates ${operation.taskType} tasks (got ${describeInput(type)})`,
    );
  }
  const request: Record<string, unknown> = { type: operation.taskType, ...withoutNulls(rest) };

  const requestedModel = requestedModelOf(model, modelVersion);
  if (operation.model === 'text-to-image' || operation.model === 'image-to-image') {
    checkImageOptions(requestedModel, request);
    for (const option of V3_IMAGE_ONLY_OPTIONS) delete request[option];
  }
  const version = modelVersionFor(operation, requestedModel);
  if (version !== undefined) request.model_version = version;

  const context = { operation, endpoint, resolver };
  switch (operation.input) {
    case 'none':
      if (input !== undefined || inputs !== undefined)
        throw invalid(input !== undefined ? 'input' : 'inputs', `is not used by ${endpoint}`);
      break;
    case 'image': {
      rejectInputs(inputs, endpoint);
      const [field, value] = oneOf(['input', input], ['file', request.file]);
      request.file = await singleImage(context, field, value);
      break;
    }
    case 'images':
      await applyReferenceImages(context, input, inputs, request);
      break;
    case 'multiview':
      await applyMultiview(context, input, inputs, request);
      break;
    case 'model-file':
      rejectInputs(inputs, endpoint);
      request.file = uploadedModel(input, request.file);
      break;
    case 'task':
      rejectInputs(inputs, endpoint);
      applySourceTask(context, input, request);
      break;
  }
  if (operation.taskType === 'texture_model') applyTexturePromptFields(request);
  await convertNestedFiles(request, resolver);
  return request;
}

interface TranslationContext {
  operation: V3Operation;
  endpoint: string;
  resolver: V3InputResolver;
}

/** A file object for an image slot: tokens and URLs as they are, a task id → that task's image output. */
async function imageSlot(resolver: V3InputResolver, parsed: V3Input, view?: MultiviewView): Promise<V2FileObject> {
  if (parsed.kind === 'empty') return {};
  if (parsed.kind === 'file') return parsed.file;
  return { file_token: await resolver.taskOutputImage(parsed.taskId, view) };
}

async function singleImage(context: TranslationContext, field: string, value: unknown): Promise<V2FileObject> {
  if (value === undefined)
    throw invalid('input', `is required on ${context.endpoint}: a file_<uuid> token, an http(s) URL or a task id`);
  const slot = await imageSlot(context.resolver, parseV3Input(value, field));
  if (Object.keys(slot).length === 0) throw invalid(field, 'must not be empty');
  return slot;
}

async function applyReferenceImages(
  context: TranslationContext,
  input: unknown,
  inputs: unknown,
  request: Record<string, unknown>,
): Promise<void> {
  const [singleField, single] = oneOf(['input', input], ['file', request.file]);
  const [listField, list] = oneOf(['inputs', inputs], ['files', request.files]);
  delete request.file;
  delete request.files;
  if (single !== undefined) request.file = await singleImage(context, singleField, single);
  if (list !== undefined) {
    if (!Array.isArray(list))
      throw invalid(listField, `must be a list of file tokens, URLs or task ids (got ${describeInput(list)})`);
    request.files = await Promise.all(
      list.map(async (value, index) => {
        const slot = await imageSlot(context.resolver, parseV3Input(value, `${listField}[${index}]`));
        if (Object.keys(slot).length === 0) throw invalid(`${listField}[${index}]`, 'must not be empty');
        return slot;
      }),
    );
  }
}

const MULTIVIEW_FORMS =
  'must be view-keyed objects [{"front": ...}, {"back": ...}], 4 positional values [front, left, back, right] ("" for a skipped view), or [{"task_id": ...}]';

async function applyMultiview(
  context: TranslationContext,
  input: unknown,
  inputs: unknown,
  request: Record<string, unknown>,
): Promise<void> {
  const [taskField, v2TaskId] = oneOf(
    ['original_task_id', request.original_task_id],
    ['original_model_task_id', request.original_model_task_id],
  );
  delete request.original_model_task_id;
  delete request.original_task_id;
  if (v2TaskId !== undefined)
    request.original_task_id = taskIdOf(parseV3Input(v2TaskId, taskField), taskField, context.endpoint);
  if (input !== undefined) {
    if (request.original_task_id !== undefined) throw invalid('input', `cannot be combined with ${taskField}`);
    const parsed = parseV3Input(input, 'input');
    if (parsed.kind !== 'task')
      throw invalid('input', `takes a multiview image task id on ${context.endpoint}; send the views in inputs`);
    request.original_task_id = parsed.taskId;
  }
  const [listField, list] = oneOf(['inputs', inputs], ['files', request.files]);
  delete request.files;
  if (list === undefined) {
    if (request.original_task_id === undefined)
      throw invalid('inputs', `is required on ${context.endpoint}: the views, front first`);
    return;
  }
  if (!Array.isArray(list) || list.length === 0) throw invalid(listField, MULTIVIEW_FORMS);
  const first = list[0];
  if (list.length === 1 && isPlainObject(first) && first.task_id !== undefined) {
    if (request.original_task_id !== undefined)
      throw invalid(listField, `cannot name a task when ${taskField} is given`);
    request.original_task_id = taskIdOf(parseV3Input(first, `${listField}[0]`), `${listField}[0]`, context.endpoint);
    return;
  }
  const slots = list.every(isViewKeyed)
    ? await viewKeyedSlots(context, list, listField)
    : await positionalSlots(context, list, listField);
  const filled = slots.filter((slot) => Object.keys(slot).length > 0).length;
  if (request.original_task_id === undefined) {
    if (Object.keys(slots[0]!).length === 0) throw invalid(listField, 'must include the front view');
    if (filled < 2) throw invalid(listField, 'must include at least 2 views (front and one more)');
  }
  request.files = slots;
}

function isViewKeyed(value: unknown): value is Record<MultiviewView, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => (MULTIVIEW_VIEWS as readonly string[]).includes(key));
}

async function viewKeyedSlots(
  context: TranslationContext,
  list: Record<string, unknown>[],
  field: string,
): Promise<V2FileObject[]> {
  const byView = new Map<MultiviewView, V2FileObject>();
  for (const [index, entry] of list.entries()) {
    for (const [view, value] of Object.entries(entry) as [MultiviewView, unknown][]) {
      if (byView.has(view)) throw invalid(`${field}[${index}].${view}`, `repeats the ${view} view`);
      byView.set(view, await imageSlot(context.resolver, parseV3Input(value, `${field}[${index}].${view}`), view));
    }
  }
  return MULTIVIEW_VIEWS.map((view) => byView.get(view) ?? {});
}

async function positionalSlots(context: TranslationContext, list: unknown[], field: string): Promise<V2FileObject[]> {
  if (list.length !== 4) throw invalid(field, `${MULTIVIEW_FORMS} (got ${list.length} values)`);
  return Promise.all(
    list.map((value, index) =>
      imageSlot(context.resolver, parseV3Input(value, `${field}[${index}]`), MULTIVIEW_VIEWS[index]),
    ),
  );
}

/** models/import takes the token (or STS object) of an uploaded model, nothing else (§6.1). */
function uploadedModel(input: unknown, v2File: unknown): V2FileObject {
  const [field, value] = oneOf(['input', input], ['file', v2File]);
  if (value === undefined)
    throw invalid(
      'input',
      'is required: the file_<uuid> token of an uploaded model (POST /v3/files or /v3/files/presign)',
    );
  const parsed = parseV3Input(value, field);
  if (parsed.kind === 'task') {
    throw invalid(
      field,
      `must be the file_<uuid> token of an uploaded model; ${parsed.taskId} reads as a task id on /v3 (a V2 image_token ${parsed.taskId} is file_${parsed.taskId} here)`,
    );
  }
  if (parsed.kind !== 'file' || (parsed.file.file_token === undefined && parsed.file.object === undefined)) {
    throw invalid(
      field,
      'must be the file_<uuid> token of an uploaded model (POST /v3/files or /v3/files/presign); URLs and task ids are not imported',
    );
  }
  return parsed.file;
}

function applySourceTask(context: TranslationContext, input: unknown, request: Record<string, unknown>): void {
  const sourceField = context.operation.sourceField!;
  const v2Value = request[sourceField];
  if (input === undefined && v2Value === undefined)
    throw invalid('input', `is required on ${context.endpoint}: the id of the task to build on`);
  const fromInput = input === undefined ? undefined : taskIdOf(parseV3Input(input, 'input'), 'input', context.endpoint);
  const fromV2 =
    v2Value === undefined ? undefined : taskIdOf(parseV3Input(v2Value, sourceField), sourceField, context.endpoint);
  if (fromInput !== undefined && fromV2 !== undefined && fromInput !== fromV2)
    throw invalid('input', `and ${sourceField} name different tasks; send one of them`);
  request[sourceField] = fromInput ?? fromV2;
}

function taskIdOf(parsed: V3Input, field: string, endpoint: string): string {
  if (parsed.kind !== 'task') throw invalid(field, `must be a task id (a UUID) on ${endpoint}`);
  return parsed.taskId;
}

/**
 * /v3/models/texture may carry its prompt at the top level (the official JS SDK sends text_prompt, image_prompt,
 * style_image); `prompt` is read as text_prompt. They become the V2 texture_prompt object.
 */
function applyTexturePromptFields(request: Record<string, unknown>): void {
  const [textField, text] = oneOf(['text_prompt', request.text_prompt], ['prompt', request.prompt]);
  const { image_prompt: imagePrompt, style_image: styleImage } = request;
  if (text === undefined && imagePrompt === undefined && styleImage === undefined) return;
  if (request.texture_prompt !== undefined)
    throw invalid('texture_prompt', `cannot be combined with ${textField}, image_prompt or style_image; send one form`);
  const texturePrompt: Record<string, unknown> = {};
  if (text !== undefined) texturePrompt.text = text;
  if (imagePrompt !== undefined) texturePrompt.image = imagePrompt;
  if (styleImage !== undefined) texturePrompt.style_image = styleImage;
  for (const field of ['text_prompt', 'prompt', 'image_prompt', 'style_image']) delete request[field];
  request.texture_prompt = texturePrompt;
}

/** File fields inside the body (style_image, ref_image, texture_prompt.*) accept the V3 input forms too. */
async function convertNestedFiles(request: Record<string, unknown>, resolver: V3InputResolver): Promise<void> {
  const convert = async (container: Record<string, unknown>, key: string, path: string) => {
    if (container[key] === undefined) return;
    const slot = await imageSlot(resolver, parseV3Input(container[key], path));
    if (Object.keys(slot).length === 0) delete container[key];
    else container[key] = slot;
  };
  await convert(request, 'style_image', 'style_image');
  await convert(request, 'ref_image', 'ref_image');
  const texturePrompt = request.texture_prompt;
  if (!isPlainObject(texturePrompt)) return;
  const copy: Record<string, unknown> = { ...texturePrompt };
  await convert(copy, 'image', 'texture_prompt.image');
  await convert(copy, 'style_image', 'texture_prompt.style_image');
  if (Array.isArray(copy.images)) {
    copy.images = await Promise.all(
      copy.images.map((value, index) =>
        imageSlot(resolver, parseV3Input(value, `texture_prompt.images[${index}]`), MULTIVIEW_VIEWS[index]),
      ),
    );
  }
  request.texture_prompt = copy;
}

function rejectInputs(inputs: unknown, endpoint: string): void {
  if (inputs !== undefined) throw invalid('inputs', `is not used by ${endpoint}; send one input`);
}

/** The V3 name or its V2 equivalent, not both. */
function oneOf(v3: [string, unknown], v2: [string, unknown]): [string, unknown] {
  if (v3[1] !== undefined && v2[1] !== undefined)
    throw invalid(v3[0], `cannot be combined with ${v2[0]}; send one of them`);
  return v3[1] !== undefined ? v3 : v2;
}

function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}

function describeBody(body: unknown): string {
  if (body === undefined) return 'no body';
  if (body === null) return 'null';
  if (Array.isArray(body)) return 'an array';
  return `a ${typeof body}`;
}
