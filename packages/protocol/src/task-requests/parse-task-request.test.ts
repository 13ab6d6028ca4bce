import { describe, expect, it } from 'vitest';
import { TASK_TYPES } from '../task-types.ts';
import { parseTaskRequest } from './index.ts';

const TOKEN = '0b9f4c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1e';
const TASK = '1ec04ced-4b87-44f6-a296-beee80777941';
const FILE = { type: 'jpg', file_token: TOKEN };

const H_GENERATION_DEFAULTS = {
  model_version: 'v2.5-20250123',
  texture: true,
  pbr: true,
  texture_quality: 'standard',
  geometry_quality: 'standard',
  auto_size: false,
  quad: false,
  smart_low_poly: false,
  generate_parts: false,
  export_uv: true,
};
const IMAGE_INPUT_DEFAULTS = {
  texture_alignment: 'original_image',
  orientation: 'default',
  enable_image_autofix: false,
};

const CONVERT_DEFAULTS = {
  quad: false,
  force_symmetry: false,
  face_limit: 10000,
  flatten_bottom: false,
  flatten_bottom_threshold: 0.01,
  texture_size: 4096,
  texture_format: 'JPEG',
  pivot_to_center_bottom: false,
  scale_factor: 1,
  with_animation: true,
  pack_uv: false,
  bake: true,
  export_vertex_colors: false,
  export_orientation: '+x',
  fbx_preset: 'blender',
  animate_in_place: false,
};

// [name, body, the echoed request with defaults filled in]
const VALID: [string, Record<string, unknown>, Record<string, unknown>][] = [
  [
    'text_to_model minimal',
    { type: 'text_to_model', prompt: 'a cat' },
    { type: 'text_to_model', prompt: 'a cat', ...H_GENERATION_DEFAULTS },
  ],
  [
    'image_to_model minimal',
    { type: 'image_to_model', file: FILE },
    { type: 'image_to_model', file: FILE, ...H_GENERATION_DEFAULTS, ...IMAGE_INPUT_DEFAULTS },
  ],
  [
    'multiview_to_model with {} slots',
    { type: 'multiview_to_model', files: [FILE, {}, { type: 'jpg' }, { url: 'https://example.com/r.png' }] },
    {
      type: 'multiview_to_model',
      files: [FILE, {}, {}, { url: 'https://example.com/r.png' }],
      ...H_GENERATION_DEFAULTS,
      ...IMAGE_INPUT_DEFAULTS,
    },
  ],
  [
    'multiview_to_model from a multiview image task',
    { type: 'multiview_to_model', original_task_id: TASK },
    { type: 'multiview_to_model', original_task_id: TASK, ...H_GENERATION_DEFAULTS, ...IMAGE_INPUT_DEFAULTS },
  ],
  [
    'refine_model',
    { type: 'refine_model', draft_model_task_id: TASK },
    { type: 'refine_model', draft_model_task_id: TASK },
  ],
  [
    'refine_model alias rough_model_task_id',
    { type: 'refine_model', rough_model_task_id: TASK },
    { type: 'refine_model', draft_model_task_id: TASK },
  ],
  [
    'texture_model minimal',
    { type: 'texture_model', original_model_task_id: TASK },
    {
      type: 'texture_model',
      original_model_task_id: TASK,
      model_version: 'v2.5-20250123',
      texture: true,
      pbr: true,
      texture_alignment: 'original_image',
      texture_quality: 'standard',
      bake: true,
    },
  ],
  [
    'stylize_model minecraft gets block_size 80',
    { type: 'stylize_model', original_model_task_id: TASK, style: 'minecraft' },
    { type: 'stylize_model', original_model_task_id: TASK, style: 'minecraft', block_size: 80 },
  ],
  [
    'stylize_model drops block_size for other styles',
    { type: 'stylize_model', original_model_task_id: TASK, style: 'lego', block_size: 64 },
    { type: 'stylize_model', original_model_task_id: TASK, style: 'lego' },
  ],
  ['text_to_image', { type: 'text_to_image', prompt: 'a cat' }, { type: 'text_to_image', prompt: 'a cat' }],
  [
    'generate_image minimal',
    { type: 'generate_image', prompt: 'a cat' },
    {
      type: 'generate_image',
      prompt: 'a cat',
      model_version: 'flux.1_kontext_pro',
      t_pose: false,
      sketch_to_render: false,
    },
  ],
  [
    'generate_image template + file without prompt',
    { type: 'generate_image', template: 't-pose', file: FILE },
    {
      type: 'generate_image',
      template: 't-pose',
      file: FILE,
      model_version: 'flux.1_kontext_pro',
      t_pose: false,
      sketch_to_render: false,
    },
  ],
  [
    'generate_multiview_image',
    { type: 'generate_multiview_image', file: FILE },
    { type: 'generate_multiview_image', file: FILE },
  ],
  [
    'edit_multiview_image',
    { type: 'edit_multiview_image', original_task_id: TASK, prompts: [{ view: 'left', prompt: 'red hat' }] },
    { type: 'edit_multiview_image', original_task_id: TASK, prompts: [{ view: 'left', prompt: 'red hat' }] },
  ],
  [
    'import_model with object, model_version ignored',
    { type: 'import_model', file: { object: { bucket: 'tripo-data', key: 'a/b.glb' } }, model_version: 'x' },
    { type: 'import_model', file: { object: { bucket: 'tripo-data', key: 'a/b.glb' } } },
  ],
  [
    'convert_model lower-case format, defaults',
    { type: 'convert_model', original_model_task_id: TASK, format: 'glb' },
    { type: 'convert_model', original_model_task_id: TASK, format: 'GLB', ...CONVERT_DEFAULTS },
  ],
  [
    'convert_model FBX defaults texture_format to PNG',
    { type: 'convert_model', original_model_task_id: TASK, format: 'Fbx' },
    { type: 'convert_model', original_model_task_id: TASK, format: 'FBX', ...CONVERT_DEFAULTS, texture_format: 'PNG' },
  ],
  [
    'mesh_segmentation',
    { type: 'mesh_segmentation', original_model_task_id: TASK },
    { type: 'mesh_segmentation', original_model_task_id: TASK, model_version: 'v1.0-20250506' },
  ],
  [
    'mesh_completion',
    { type: 'mesh_completion', original_model_task_id: TASK },
    { type: 'mesh_completion', original_model_task_id: TASK, model_version: 'v1.0-20250506' },
  ],
  [
    'highpoly_to_lowpoly',
    { type: 'highpoly_to_lowpoly', original_model_task_id: TASK },
    {
      type: 'highpoly_to_lowpoly',
      original_model_task_id: TASK,
      model_version: 'P-v2.0-20251225',
      quad: false,
      bake: true,
    },
  ],
  [
    'highpoly_to_lowpoly accepts the SDK version string',
    { type: 'highpoly_to_lowpoly', original_model_task_id: TASK, model_version: 'P-v2.0-20251226' },
    {
      type: 'highpoly_to_lowpoly',
      original_model_task_id: TASK,
      model_version: 'P-v2.0-20251226',
      quad: false,
      bake: true,
    },
  ],
  [
    'animate_prerigcheck',
    { type: 'animate_prerigcheck', original_model_task_id: TASK },
    { type: 'animate_prerigcheck', original_model_task_id: TASK },
  ],
  [
    'animate_rig',
    { type: 'animate_rig', original_model_task_id: TASK },
    {
      type: 'animate_rig',
      original_model_task_id: TASK,
      model_version: 'v1.0-20240301',
      out_format: 'glb',
      rig_type: 'biped',
      spec: 'tripo',
    },
  ],
  [
    'animate_rig for a quadruped, no model_version: the model that rigs quadrupeds',
    { type: 'animate_rig', original_model_task_id: TASK, rig_type: 'quadruped' },
    {
      type: 'animate_rig',
      original_model_task_id: TASK,
      model_version: 'v2.5-20260210',
      out_format: 'glb',
      rig_type: 'quadruped',
      spec: 'tripo',
    },
  ],
  [
    'animate_rig legacy topology alias',
    { type: 'animate_rig', original_model_task_id: TASK, model_version: 'v2.5-20260210', topology: 'quad' },
    {
      type: 'animate_rig',
      original_model_task_id: TASK,
      model_version: 'v2.5-20260210',
      out_format: 'glb',
      rig_type: 'quadruped',
      spec: 'tripo',
    },
  ],
  [
    'animate_retarget single animation',
    { type: 'animate_retarget', original_model_task_id: TASK, animation: 'preset:biped:wave_goodbye_02' },
    {
      type: 'animate_retarget',
      original_model_task_id: TASK,
      animation: 'preset:biped:wave_goodbye_02',
      out_format: 'glb',
      bake_animation: true,
      export_with_geometry: true,
      animate_in_place: false,
    },
  ],
];

describe('parseTaskRequest: valid bodies get their defaults', () => {
  it.each(VALID)('%s', (_name, body, expected) => {
    const result = parseTaskRequest(body);
    expect(result).toStrictEqual({ ok: true, request: expected });
  });

  it('covers every task type', () => {
    const covered = new Set(VALID.map(([, body]) => body.type));
    expect([...TASK_TYPES].filter((type) => !covered.has(type))).toEqual([]);
  });
});

describe('parseTaskRequest: normalisation', () => {
  const parse = (body: Record<string, unknown>) => {
    const result = parseTaskRequest(body);
    if (!result.ok) throw new Error(result.message);
    return result.request as Record<string, unknown>;
  };

  it('pbr=true forces texture=true', () => {
    expect(parse({ type: 'text_to_model', prompt: 'a', texture: false, pbr: true })).toMatchObject({
      texture: true,
      pbr: true,
    });
  });
  it('texture=false alone also turns pbr off', () => {
    expect(parse({ type: 'text_to_model', prompt: 'a', texture: false })).toMatchObject({ texture: false, pbr: false });
  });
  it('quad=true without face_limit gets face_limit 10000', () => {
    expect(parse({ type: 'image_to_model', file: FILE, quad: true })).toMatchObject({ quad: true, face_limit: 10000 });
  });
  it('P1 leaves quad, smart_low_poly, generate_parts and geometry_quality out of the echo', () => {
    const request = parse({ type: 'text_to_model', prompt: 'a', model_version: 'P1-20260311', face_limit: 48 });
    expect(request).toMatchObject({ model_version: 'P1-20260311', face_limit: 48 });
    for (const key of ['quad', 'smart_low_poly', 'generate_parts', 'geometry_quality'])
      expect(request).not.toHaveProperty(key);
  });
  it('strips unknown and generic V2 fields', () => {
    const request = parse({
      type: 'text_to_image',
      prompt: 'a',
      priority: 2,
      enable_audit: true,
      parameters: {},
      foo: 1,
    });
    expect(request).toStrictEqual({ type: 'text_to_image', prompt: 'a' });
  });
  it('maps the deprecated `model` alias and `default` onto model_version', () => {
    expect(parse({ type: 'text_to_model', prompt: 'a', model: 'v3.0-20250812' })).toMatchObject({
      model_version: 'v3.0-20250812',
    });
    expect(parse({ type: 'text_to_model', prompt: 'a', model_version: 'default' })).toMatchObject({
      model_version: 'v2.5-20250123',
    });
  });
  it('generate_parts with texture and pbr off is accepted', () => {
    expect(
      parse({ type: 'text_to_model', prompt: 'a', generate_parts: true, texture: false, pbr: false }),
    ).toMatchObject({
      generate_parts: true,
      texture: false,
      pbr: false,
    });
  });
  it('treats top-level nulls as omitted', () => {
    expect(
      parse({ type: 'text_to_model', prompt: 'a', negative_prompt: null, face_limit: null, texture: null }),
    ).toMatchObject({ texture: true });
  });
  it('texture_format is case-insensitive', () => {
    expect(
      parse({ type: 'convert_model', original_model_task_id: TASK, format: 'obj', texture_format: 'open_exr' }),
    ).toMatchObject({
      format: 'OBJ',
      texture_format: 'OPEN_EXR',
    });
  });
});

describe("parseTaskRequest: the deployment's own model names", () => {
  const options = { deploymentModelVersions: { text_to_model: ['meshy-6'], image_to_model: ['trellis'] } };

  it('accepts a published name for its task type, checked like the newest H-series version, and keeps the name', () => {
    const parsed = parseTaskRequest(
      { type: 'text_to_model', prompt: 'a lamp', model: 'meshy-6', face_limit: 800 },
      options,
    );
    expect(parsed).toMatchObject({
      ok: true,
      request: { model_version: 'meshy-6', face_limit: 800, texture: true, pbr: true, quad: false },
    });
  });

  it('refuses it for another task type, or without the option, as any unknown version', () => {
    expect(
      parseTaskRequest(
        {
          type: 'image_to_model',
          file: { type: 'png', file_token: '3c1a1f5e-2d2b-4a4f-9b5e-4c1e2f3a4b5c' },
          model_version: 'meshy-6',
        },
        options,
      ),
    ).toMatchObject({ ok: false, error: 'invalidModelVersion' });
    expect(parseTaskRequest({ type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6' })).toMatchObject({
      ok: false,
      error: 'invalidModelVersion',
    });
  });

  it('still applies the option rules (face_limit range)', () => {
    expect(
      parseTaskRequest({ type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6', face_limit: 10 }, options),
    ).toMatchObject({ ok: false, error: 'invalidParameter' });
  });
});
