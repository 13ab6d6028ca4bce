import { describe, expect, it } from 'vitest';
import { fileReferencesOf, parseTaskRequest, promptTextsOf, sourceTaskOf, type TaskRequest } from './index.ts';

const TASK = '1ec04ced-4b87-44f6-a296-beee80777941';
const file = (n: number) => ({ type: 'jpg', file_token: `0b9f4c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1${n}` });

function parse(body: Record<string, unknown>): TaskRequest {
  const result = parseTaskRequest(body);
  if (!result.ok) throw new Error(result.message);
  return result.request;
}

describe('fileReferencesOf', () => {
  it.each([
    [
      'image_to_model file + style_image',
      { type: 'image_to_model', file: file(1), style_image: file(2) },
      [file(1), file(2)],
    ],
    [
      'multiview skips empty slots',
      { type: 'multiview_to_model', files: [file(1), {}, file(3), {}] },
      [file(1), file(3)],
    ],
    [
      'texture_prompt images then style_image',
      {
        type: 'texture_model',
        original_model_task_id: TASK,
        texture_prompt: { images: [file(1), {}, {}, file(4)], style_image: file(5) },
      },
      [file(1), file(4), file(5)],
    ],
    [
      'texture_prompt image',
      { type: 'texture_model', original_model_task_id: TASK, texture_prompt: { image: file(1) } },
      [file(1)],
    ],
    [
      'generate_image file then files',
      { type: 'generate_image', prompt: 'a', file: file(1), files: [file(2), file(3)] },
      [file(1), file(2), file(3)],
    ],
    [
      'segmentation ref_image',
      { type: 'mesh_segmentation', original_model_task_id: TASK, model_version: 'v2.0-20260430', ref_image: file(1) },
      [file(1)],
    ],
    ['text_to_model has none', { type: 'text_to_model', prompt: 'a' }, []],
  ])('%s', (_name, body, expected) => {
    expect(fileReferencesOf(parse(body))).toEqual(expected);
  });
});

describe('sourceTaskOf', () => {
  it.each([
    ['refine_model', { type: 'refine_model', draft_model_task_id: TASK }, 'draft_model_task_id', 'text_to_model'],
    [
      'texture_model',
      { type: 'texture_model', original_model_task_id: TASK },
      'original_model_task_id',
      'import_model',
    ],
    [
      'mesh_completion',
      { type: 'mesh_completion', original_model_task_id: TASK },
      'original_model_task_id',
      'mesh_segmentation',
    ],
    [
      'animate_retarget',
      { type: 'animate_retarget', original_model_task_id: TASK, animation: 'preset:idle' },
      'original_model_task_id',
      'animate_rig',
    ],
    [
      'convert_model re-convert',
      { type: 'convert_model', original_model_task_id: TASK, format: 'FBX' },
      'original_model_task_id',
      'convert_model',
    ],
    [
      'edit_multiview_image',
      { type: 'edit_multiview_image', original_task_id: TASK, prompts: [{ view: 'back', prompt: 'a' }] },
      'original_task_id',
      'generate_multiview_image',
    ],
    [
      'multiview_to_model from images',
      { type: 'multiview_to_model', original_task_id: TASK },
      'original_task_id',
      'edit_multiview_image',
    ],
  ])('%s', (_name, body, field, oneAllowedType) => {
    const source = sourceTaskOf(parse(body));
    expect(source).toMatchObject({ taskId: TASK, field });
    expect(source?.allowedTypes).toContain(oneAllowedType);
  });

  it('is undefined for tasks that start from scratch', () => {
    expect(sourceTaskOf(parse({ type: 'text_to_model', prompt: 'a' }))).toBeUndefined();
    expect(sourceTaskOf(parse({ type: 'multiview_to_model', files: [file(1), file(2), {}, {}] }))).toBeUndefined();
    expect(sourceTaskOf(parse({ type: 'import_model', file: file(1) }))).toBeUndefined();
  });

  it('does not let mesh_completion build on a generation task', () => {
    expect(sourceTaskOf(parse({ type: 'mesh_completion', original_model_task_id: TASK }))?.allowedTypes).not.toContain(
      'text_to_model',
    );
  });
});

describe('promptTextsOf', () => {
  it.each([
    [
      'prompt and negative_prompt',
      { type: 'text_to_model', prompt: 'a cat', negative_prompt: 'blurry' },
      ['a cat', 'blurry'],
    ],
    [
      'texture_prompt.text',
      { type: 'texture_model', original_model_task_id: TASK, texture_prompt: { text: 'rusty metal' } },
      ['rusty metal'],
    ],
    [
      'edit prompts',
      {
        type: 'edit_multiview_image',
        original_task_id: TASK,
        prompts: [
          { view: 'front', prompt: 'hat' },
          { view: 'back', prompt: 'cape' },
        ],
      },
      ['hat', 'cape'],
    ],
    ['generate_image prompt', { type: 'generate_image', prompt: 'a dog' }, ['a dog']],
    ['no text', { type: 'image_to_model', file: file(1) }, []],
  ])('%s', (_name, body, expected) => {
    expect(promptTextsOf(parse(body))).toEqual(expected);
  });
});
