import { describe, expect, it } from 'vitest';
import { parseTaskRequest, type TaskRequestError } from './index.ts';

const TOKEN = '0b9f4c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1e';
const TASK = '1ec04ced-4b87-44f6-a296-beee80777941';
const FILE = { type: 'jpg', file_token: TOKEN };

// [name, body, error, a fragment of the message]
const INVALID: [string, unknown, TaskRequestError, string][] = [
  ['array body', [], 'malformedRequest', 'JSON object'],
  ['null body', null, 'malformedRequest', 'JSON object'],
  ['string body', 'text_to_model', 'malformedRequest', 'JSON object'],
  ['missing type', { prompt: 'a' }, 'unsupportedTaskType', 'type is required; valid types: text_to_model'],
  [
    'unknown type',
    { type: 'render_video' },
    'unsupportedTaskType',
    'type "render_video" is not supported; valid types:',
  ],
  ['non-string type', { type: 3 }, 'unsupportedTaskType', 'type 3 is not supported'],
  ['deprecated animate_model', { type: 'animate_model' }, 'deprecatedTaskType', 'animate_model'],
  ['missing prompt', { type: 'text_to_model' }, 'invalidParameter', 'prompt is required'],
  ['blank prompt', { type: 'text_to_model', prompt: '  ' }, 'invalidParameter', 'prompt must be a non-empty string'],
  [
    'prompt too long',
    { type: 'text_to_model', prompt: 'a'.repeat(1025) },
    'invalidParameter',
    'at most 1024 characters',
  ],
  [
    'prompt with emoji',
    { type: 'text_to_model', prompt: 'a cat 🐱' },
    'invalidParameter',
    'prompt must not contain emoji',
  ],
  [
    'negative_prompt too long',
    { type: 'text_to_model', prompt: 'a', negative_prompt: 'n'.repeat(256) },
    'invalidParameter',
    'negative_prompt must be a string of at most 255',
  ],
  [
    'texture not boolean',
    { type: 'text_to_model', prompt: 'a', texture: 'yes' },
    'invalidParameter',
    'texture must be true or false (got "yes")',
  ],
  [
    'bad texture_quality',
    { type: 'text_to_model', prompt: 'a', texture_quality: 'ultra' },
    'invalidParameter',
    'texture_quality must be one of standard, detailed, extreme',
  ],
  [
    'face_limit not integer',
    { type: 'text_to_model', prompt: 'a', face_limit: 1.5 },
    'invalidParameter',
    'face_limit must be an integer (got 1.5)',
  ],
  [
    'face_limit out of smart low poly range',
    { type: 'text_to_model', prompt: 'a', smart_low_poly: true, face_limit: 50 },
    'invalidParameter',
    'face_limit must be an integer between 1000 and 20000 with smart_low_poly (got 50)',
  ],
  [
    'face_limit out of P1 range',
    { type: 'text_to_model', prompt: 'a', model_version: 'P1-20260311', face_limit: 47 },
    'invalidParameter',
    'between 48 and 20000',
  ],
  [
    'P1 with quad=false',
    { type: 'text_to_model', prompt: 'a', model_version: 'P1-20260311', quad: false },
    'invalidParameter',
    'quad is not supported by model_version P1-20260311',
  ],
  [
    'P1 with geometry_quality',
    { type: 'image_to_model', file: FILE, model_version: 'P1-20260311', geometry_quality: 'standard' },
    'invalidParameter',
    'geometry_quality is not supported',
  ],
  [
    'P1 with smart_low_poly',
    { type: 'text_to_model', prompt: 'a', model_version: 'P1-20260311', smart_low_poly: false },
    'invalidParameter',
    'smart_low_poly is not supported',
  ],
  [
    'P1 with generate_parts',
    { type: 'text_to_model', prompt: 'a', model_version: 'P1-20260311', generate_parts: false },
    'invalidParameter',
    'generate_parts is not supported',
  ],
  [
    'generate_parts with default texture',
    { type: 'text_to_model', prompt: 'a', generate_parts: true },
    'invalidParameter',
    'generate_parts can only be true with texture=false and pbr=false',
  ],
  [
    'generate_parts with pbr',
    { type: 'text_to_model', prompt: 'a', generate_parts: true, texture: false, pbr: true },
    'invalidParameter',
    'texture=false and pbr=false',
  ],
  [
    'generate_parts with quad',
    { type: 'text_to_model', prompt: 'a', generate_parts: true, texture: false, quad: true },
    'invalidParameter',
    'quad=true',
  ],
  [
    'detailed geometry on v2.5',
    { type: 'text_to_model', prompt: 'a', geometry_quality: 'detailed' },
    'invalidParameter',
    'geometry_quality can only be "detailed" with model_version v3.0',
  ],
  [
    'unknown model_version',
    { type: 'text_to_model', prompt: 'a', model_version: 'v9.9' },
    'invalidModelVersion',
    'model_version must be one of',
  ],
  [
    'retired v2.0',
    { type: 'image_to_model', file: FILE, model_version: 'v2.0-20240919' },
    'deprecatedVersion',
    'has been retired',
  ],
  [
    'retired Turbo',
    { type: 'text_to_model', prompt: 'a', model_version: 'Turbo-v1.0-20250506' },
    'deprecatedVersion',
    'retired',
  ],
  [
    'retired v1.4',
    { type: 'text_to_model', prompt: 'a', model_version: 'v1.4-20240625' },
    'deprecatedVersion',
    'retired',
  ],
  [
    'retired v1.3',
    { type: 'text_to_model', prompt: 'a', model_version: 'v1.3-20240522' },
    'deprecatedVersion',
    'retired',
  ],
  [
    'Turbo was never a multiview version',
    { type: 'multiview_to_model', files: [FILE, FILE, {}, {}], model_version: 'Turbo-v1.0-20250506' },
    'invalidModelVersion',
    'model_version',
  ],
  [
    'model_version not a string',
    { type: 'text_to_model', prompt: 'a', model_version: 25 },
    'invalidParameter',
    'model_version must be a model version string',
  ],
  [
    'retired smart low poly version',
    { type: 'highpoly_to_lowpoly', original_model_task_id: TASK, model_version: 'P-v1.0-20250506' },
    'deprecatedVersion',
    'retired',
  ],
  [
    'unknown generate_image model',
    { type: 'generate_image', prompt: 'a', model_version: 'dall_e' },
    'invalidModelVersion',
    'flux.1_kontext_pro',
  ],
  [
    'text_to_image with an unrelated model_version',
    { type: 'text_to_image', prompt: 'a', model_version: 'flux.1_dev' },
    'invalidModelVersion',
    'model_version',
  ],
  ['missing file', { type: 'image_to_model' }, 'invalidParameter', 'file is required'],
  [
    'empty file object',
    { type: 'image_to_model', file: {} },
    'invalidParameter',
    'file must have exactly one of file_token, url or object',
  ],
  [
    'two file sources',
    { type: 'image_to_model', file: { file_token: TOKEN, url: 'https://a/b.png' } },
    'invalidParameter',
    'exactly one of',
  ],
  [
    'file_token not a UUID',
    { type: 'image_to_model', file: { file_token: 'abc' } },
    'invalidParameter',
    'file.file_token must be an upload token (UUID) (got "abc")',
  ],
  [
    'url not http',
    { type: 'image_to_model', file: { url: 'ftp://a/b.png' } },
    'invalidParameter',
    'file.url must be an http(s) URL',
  ],
  [
    'object without key',
    { type: 'import_model', file: { object: { bucket: 'b' } } },
    'invalidParameter',
    'file.object.key is required',
  ],
  [
    'multiview with 3 files',
    { type: 'multiview_to_model', files: [FILE, FILE, FILE] },
    'invalidParameter',
    'files must be a list of exactly 4 file objects',
  ],
  [
    'multiview without front',
    { type: 'multiview_to_model', files: [{}, FILE, FILE, {}] },
    'invalidParameter',
    'files[0] must be the front view',
  ],
  [
    'multiview with one view',
    { type: 'multiview_to_model', files: [FILE, {}, {}, {}] },
    'invalidParameter',
    'at least 2 views',
  ],
  ['multiview without files', { type: 'multiview_to_model' }, 'invalidParameter', 'files is required'],
  [
    'multiview slot with two sources',
    { type: 'multiview_to_model', files: [FILE, { file_token: TOKEN, url: 'https://a' }, {}, {}] },
    'invalidParameter',
    'files[1] must have at most one',
  ],
  ['refine without draft', { type: 'refine_model' }, 'invalidParameter', 'draft_model_task_id is required'],
  [
    'texture_model nothing to do',
    { type: 'texture_model', original_model_task_id: TASK, texture: false, pbr: false },
    'invalidParameter',
    'texture cannot be false',
  ],
  [
    'texture_model upscale needs v3.0',
    { type: 'texture_model', original_model_task_id: TASK, texture: false, pbr: false, texture_quality: 'detailed' },
    'invalidParameter',
    'texture_quality can only be "detailed"',
  ],
  [
    'texture_prompt text and image together',
    { type: 'texture_model', original_model_task_id: TASK, texture_prompt: { text: 'wood', image: FILE } },
    'invalidParameter',
    'texture_prompt.image cannot be combined with text',
  ],
  [
    'texture_model retired version',
    { type: 'texture_model', original_model_task_id: TASK, model_version: 'v2.0-20240919' },
    'deprecatedVersion',
    'retired',
  ],
  [
    'stylize unknown style',
    { type: 'stylize_model', original_model_task_id: TASK, style: 'pixel' },
    'invalidParameter',
    'style must be one of lego',
  ],
  [
    'stylize block_size out of range',
    { type: 'stylize_model', original_model_task_id: TASK, style: 'minecraft', block_size: 16 },
    'invalidParameter',
    'block_size must be an integer between 32 and 128 (got 16)',
  ],
  ['generate_image without prompt', { type: 'generate_image', file: FILE }, 'invalidParameter', 'prompt is required'],
  [
    'generate_image image on flux.1_dev',
    { type: 'generate_image', prompt: 'a', model_version: 'flux.1_dev', file: FILE },
    'invalidParameter',
    'takes no image input',
  ],
  [
    'generate_image too many files',
    { type: 'generate_image', prompt: 'a', files: [FILE, FILE, FILE, FILE, FILE] },
    'invalidParameter',
    'at most 4',
  ],
  [
    'edit multiview without prompts',
    { type: 'edit_multiview_image', original_task_id: TASK, prompts: [] },
    'invalidParameter',
    'prompts must be a list of 1 to 4',
  ],
  [
    'edit multiview repeated view',
    {
      type: 'edit_multiview_image',
      original_task_id: TASK,
      prompts: [
        { view: 'front', prompt: 'a' },
        { view: 'front', prompt: 'b' },
      ],
    },
    'invalidParameter',
    'prompts[1].view repeats view "front"',
  ],
  [
    'edit multiview bad view',
    { type: 'edit_multiview_image', original_task_id: TASK, prompts: [{ view: 'top', prompt: 'a' }] },
    'invalidParameter',
    'prompts[0].view must be one of front, left, back, right',
  ],
  [
    'convert missing format',
    { type: 'convert_model', original_model_task_id: TASK },
    'invalidParameter',
    'format is required',
  ],
  [
    'convert unknown format',
    { type: 'convert_model', original_model_task_id: TASK, format: 'blend' },
    'invalidParameter',
    'format must be one of GLTF, GLB, USDZ, FBX, OBJ, STL, 3MF',
  ],
  [
    'convert unknown texture_format',
    { type: 'convert_model', original_model_task_id: TASK, format: 'GLB', texture_format: 'GIF' },
    'invalidParameter',
    'texture_format must be one of BMP',
  ],
  [
    'convert texture_size too big',
    { type: 'convert_model', original_model_task_id: TASK, format: 'GLB', texture_size: 8192 },
    'invalidParameter',
    'texture_size must be an integer between 128 and 4096',
  ],
  [
    'convert scale_factor zero',
    { type: 'convert_model', original_model_task_id: TASK, format: 'GLB', scale_factor: 0 },
    'invalidParameter',
    'scale_factor must be a number greater than 0',
  ],
  [
    'convert force_symmetry without quad',
    { type: 'convert_model', original_model_task_id: TASK, format: 'FBX', force_symmetry: true },
    'invalidParameter',
    'force_symmetry can only be true with quad=true',
  ],
  [
    'segmentation v2 option on v1',
    { type: 'mesh_segmentation', original_model_task_id: TASK, segmentation_granularity: 'simple' },
    'invalidParameter',
    'needs model_version v2.0-20260430',
  ],
  [
    'smart low poly face_limit',
    { type: 'highpoly_to_lowpoly', original_model_task_id: TASK, quad: true, face_limit: 15000 },
    'invalidParameter',
    'between 500 and 10000 with quad=true',
  ],
  [
    'rig quadruped on v1.0',
    { type: 'animate_rig', original_model_task_id: TASK, rig_type: 'quadruped', model_version: 'v1.0-20240301' },
    'invalidParameter',
    'rig_type "quadruped" needs model_version',
  ],
  [
    'rig bad out_format',
    { type: 'animate_rig', original_model_task_id: TASK, out_format: 'obj' },
    'invalidParameter',
    'out_format must be one of glb, fbx',
  ],
  [
    'retarget without animation',
    { type: 'animate_retarget', original_model_task_id: TASK },
    'invalidParameter',
    'animation is required',
  ],
  [
    'retarget with both fields',
    { type: 'animate_retarget', original_model_task_id: TASK, animation: 'preset:idle', animations: ['preset:walk'] },
    'invalidParameter',
    'animations cannot be combined with animation',
  ],
  [
    'retarget more than 5',
    {
      type: 'animate_retarget',
      original_model_task_id: TASK,
      animations: ['preset:idle', 'preset:walk', 'preset:run', 'preset:dive', 'preset:climb', 'preset:jump'],
    },
    'invalidParameter',
    'animations must be a list of at most 5',
  ],
  [
    'retarget unknown preset',
    { type: 'animate_retarget', original_model_task_id: TASK, animation: 'preset:moonwalk' },
    'invalidParameter',
    'animation must be a known animation preset',
  ],
  [
    'retarget repeated preset',
    { type: 'animate_retarget', original_model_task_id: TASK, animations: ['preset:idle', 'preset:idle'] },
    'invalidParameter',
    'animations[1] repeats',
  ],
  [
    'source task id wrong type',
    { type: 'animate_rig', original_model_task_id: 42 },
    'invalidParameter',
    'original_model_task_id must be a task id string (got 42)',
  ],
];

describe('parseTaskRequest: refusals', () => {
  it.each(INVALID)('%s', (_name, body, error, fragment) => {
    const result = parseTaskRequest(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(error);
    expect(result.message).toContain(fragment);
  });

  it('reports at most three issues and counts the rest', () => {
    const result = parseTaskRequest({
      type: 'text_to_model',
      prompt: 1,
      texture: 1,
      pbr: 1,
      auto_size: 1,
      export_uv: 1,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/\(and 2 more\)$/);
  });
});
