import { describe, expect, it } from 'vitest';
import { parseTaskRequest, type TaskRequest } from '@polyforge/protocol';
import { priceTask } from './pricing.ts';
import { DeploymentModelPrices } from './model-version-prices.ts';

const TASK = '1ec04ced-4b87-44f6-a296-beee80777941';
const FILE = { type: 'jpg', file_token: '0b9f4c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1e' };
const P1 = 'P1-20260311';
const H3 = 'v3.0-20250812';
const VIEWS = [FILE, FILE, {}, {}];
const UNTEXTURED = { texture: false, pbr: false };

function parse(body: Record<string, unknown>): TaskRequest {
  const result = parseTaskRequest(body);
  if (!result.ok) throw new Error(result.message);
  return result.request;
}

const text = (extra: Record<string, unknown> = {}) => ({ type: 'text_to_model', prompt: 'a cat', ...extra });
const image = (extra: Record<string, unknown> = {}) => ({ type: 'image_to_model', file: FILE, ...extra });
const multiview = (extra: Record<string, unknown> = {}) => ({ type: 'multiview_to_model', files: VIEWS, ...extra });
const convert = (extra: Record<string, unknown> = {}) => ({
  type: 'convert_model',
  original_model_task_id: TASK,
  format: 'GLB',
  ...extra,
});
const generateImage = (model_version: string) => ({ type: 'generate_image', prompt: 'a cat', model_version });
const retarget = (animations: string[]) => ({ type: 'animate_retarget', original_model_task_id: TASK, animations });

// [row of pricing.txt or decided case, request body, expected credits]
const PRICE_TABLE: [string, Record<string, unknown>, number][] = [
  // image generation
  ['basic text to image', { type: 'text_to_image', prompt: 'a cat' }, 5],
  ['generate_image default model (flux.1_kontext_pro)', { type: 'generate_image', prompt: 'a cat' }, 5],
  ['generate_image flux.1_kontext_pro', generateImage('flux.1_kontext_pro'), 5],
  ['generate_image flux.1_dev', generateImage('flux.1_dev'), 5],
  ['generate_image polyforge_basic (the embedded model)', generateImage('polyforge_basic'), 5],
  ['generate_image gpt_4o', generateImage('gpt_4o'), 5],
  ['generate_image gemini_2.5_flash_image_preview', generateImage('gemini_2.5_flash_image_preview'), 5],
  ['generate_image gpt_image_1.5', generateImage('gpt_image_1.5'), 10],
  ['generate_image gpt_image_2', generateImage('gpt_image_2'), 10],
  ['generate_image midjourney', generateImage('midjourney'), 10],
  ['generate_image gemini_3_pro_image_preview', generateImage('gemini_3_pro_image_preview'), 10],
  ['generate_image gemini_3.1_flash_image_preview', generateImage('gemini_3.1_flash_image_preview'), 10],
  ['decided: generate_image z_image (unlisted) is basic', generateImage('z_image'), 5],
  ['generate multiview image', { type: 'generate_multiview_image', file: FILE }, 10],
  [
    'edit multiview image, 1 view',
    { type: 'edit_multiview_image', original_task_id: TASK, prompts: [{ view: 'front', prompt: 'a' }] },
    5,
  ],
  [
    'edit multiview image, 3 views',
    {
      type: 'edit_multiview_image',
      original_task_id: TASK,
      prompts: [
        { view: 'front', prompt: 'a' },
        { view: 'left', prompt: 'b' },
        { view: 'right', prompt: 'c' },
      ],
    },
    15,
  ],
  // 3D generation by family and texture
  ['image to model, H, no texture', image(UNTEXTURED), 20],
  ['image to model, H, texture (default)', image(), 30],
  ['image to model, P1, no texture', image({ model_version: P1, ...UNTEXTURED }), 40],
  ['image to model, P1, texture', image({ model_version: P1 }), 50],
  ['text to model, H, no texture', text(UNTEXTURED), 10],
  ['text to model, H, texture', text(), 20],
  ['text to model, P1, no texture', text({ model_version: P1, ...UNTEXTURED }), 30],
  ['text to model, P1, texture', text({ model_version: P1 }), 40],
  ['multiview to model, H, no texture', multiview(UNTEXTURED), 20],
  ['multiview to model, H, texture', multiview(), 30],
  ['multiview to model, P1, no texture', multiview({ model_version: P1, ...UNTEXTURED }), 40],
  ['multiview to model, P1, texture', multiview({ model_version: P1 }), 50],
  ['H3.1 is priced as H', text({ model_version: 'v3.1-20260211' }), 20],
  ['pbr=true alone counts as + texture', text({ texture: false, pbr: true }), 20],
  ['texture=true, pbr=false counts as + texture', text({ pbr: false }), 20],
  // H2/H3 additional parameters
  ['texture_quality=detailed +10', text({ texture_quality: 'detailed' }), 30],
  ['smart_low_poly=true +10', image({ smart_low_poly: true }), 40],
  ['quad=true +5', image({ quad: true }), 35],
  ['generate_parts=true +20 (untextured, as the parser requires)', image({ generate_parts: true, ...UNTEXTURED }), 40],
  ['all H options together', image({ texture_quality: 'detailed', smart_low_poly: true, quad: true }), 55],
  [
    'options explicitly false cost nothing',
    image({ smart_low_poly: false, quad: false, generate_parts: false, texture_quality: 'standard' }),
    30,
  ],
  [
    'decided: texture_quality=detailed without texture costs nothing',
    text({ ...UNTEXTURED, texture_quality: 'detailed' }),
    10,
  ],
  ['decided: texture_quality=extreme +20', text({ texture_quality: 'extreme' }), 40],
  ['decided: geometry_quality=detailed +20', text({ model_version: H3, geometry_quality: 'detailed' }), 40],
  ['decided: style +5', text({ style: 'object:clay' }), 25],
  [
    'decided: P1 texture_quality=detailed has no surcharge',
    image({ model_version: P1, texture_quality: 'detailed' }),
    50,
  ],
  // texture model
  ['texture model', { type: 'texture_model', original_model_task_id: TASK }, 10],
  [
    'texture model, texture_quality=detailed',
    { type: 'texture_model', original_model_task_id: TASK, texture_quality: 'detailed' },
    20,
  ],
  [
    'decided: texture model 4K upscale (detailed, untextured, v3.0)',
    {
      type: 'texture_model',
      original_model_task_id: TASK,
      model_version: H3,
      texture_quality: 'detailed',
      ...UNTEXTURED,
    },
    20,
  ],
  [
    'decided: texture model extreme',
    { type: 'texture_model', original_model_task_id: TASK, texture_quality: 'extreme' },
    30,
  ],
  // other post-process tasks
  ['mesh segmentation', { type: 'mesh_segmentation', original_model_task_id: TASK }, 40],
  [
    'mesh segmentation v2',
    { type: 'mesh_segmentation', original_model_task_id: TASK, model_version: 'v2.0-20260430' },
    40,
  ],
  ['mesh completion', { type: 'mesh_completion', original_model_task_id: TASK }, 50],
  ['smart low poly', { type: 'highpoly_to_lowpoly', original_model_task_id: TASK }, 30],
  [
    'smart low poly, quad',
    { type: 'highpoly_to_lowpoly', original_model_task_id: TASK, quad: true, face_limit: 5000 },
    30,
  ],
  ['pre rig check is free', { type: 'animate_prerigcheck', original_model_task_id: TASK }, 0],
  ['rig', { type: 'animate_rig', original_model_task_id: TASK }, 25],
  [
    'rig v2.5 quadruped',
    { type: 'animate_rig', original_model_task_id: TASK, model_version: 'v2.5-20260210', rig_type: 'quadruped' },
    25,
  ],
  ['retarget, one animation', { type: 'animate_retarget', original_model_task_id: TASK, animation: 'preset:idle' }, 10],
  ['retarget, animations list of 1', retarget(['preset:walk']), 10],
  ['retarget, 5 animations', retarget(['preset:idle', 'preset:walk', 'preset:run', 'preset:jump', 'preset:turn']), 50],
  // conversion
  ['conversion', convert(), 5],
  [
    'conversion, defaults sent explicitly',
    convert({
      quad: false,
      face_limit: 10000,
      texture_size: 4096,
      texture_format: 'jpeg',
      scale_factor: 1,
      flatten_bottom_threshold: 0.01,
    }),
    5,
  ],
  ['conversion to FBX with its own default texture_format PNG', convert({ format: 'FBX', texture_format: 'PNG' }), 5],
  [
    'conversion to FBX with JPEG textures is a non-default texture_format',
    convert({ format: 'FBX', texture_format: 'JPEG' }),
    10,
  ],
  ['conversion quad=true', convert({ format: 'FBX', quad: true }), 10],
  ['conversion face_limit', convert({ face_limit: 5000 }), 10],
  ['conversion flatten_bottom=true', convert({ flatten_bottom: true }), 10],
  ['conversion flatten_bottom_threshold', convert({ flatten_bottom_threshold: 0.05 }), 10],
  ['conversion texture_size', convert({ texture_size: 1024 }), 10],
  ['conversion texture_format', convert({ texture_format: 'PNG' }), 10],
  ['conversion pivot_to_center_bottom=true', convert({ pivot_to_center_bottom: true }), 10],
  ['conversion scale_factor', convert({ scale_factor: 2 }), 10],
  [
    'conversion surcharge counted once',
    convert({
      format: 'FBX',
      quad: true,
      face_limit: 5000,
      flatten_bottom: true,
      scale_factor: 0.5,
      texture_size: 2048,
    }),
    10,
  ],
  [
    'conversion: options outside the list are free',
    convert({ pack_uv: true, with_animation: false, bake: false, export_orientation: '-y', fbx_preset: 'mixamo' }),
    5,
  ],
  ['import model is free', { type: 'import_model', file: FILE }, 0],
  // decided rows pricing.txt does not list
  ['decided: refine model', { type: 'refine_model', draft_model_task_id: TASK }, 30],
  ['decided: stylize model', { type: 'stylize_model', original_model_task_id: TASK, style: 'lego' }, 20],
  [
    'decided: stylize model minecraft',
    { type: 'stylize_model', original_model_task_id: TASK, style: 'minecraft', block_size: 64 },
    20,
  ],
];

describe('priceTask', () => {
  it.each(PRICE_TABLE)('%s → %i credits', (_name, body, credits) => {
    const price = priceTask(parse(body));
    expect(price.costCredits).toBe(credits);
    expect(price.lines.reduce((sum, line) => sum + line.credits, 0)).toBe(credits);
    for (const line of price.lines) expect(Number.isInteger(line.credits)).toBe(true);
  });

  it('itemises the base price and each surcharge', () => {
    expect(priceTask(parse(image({ texture_quality: 'detailed', quad: true }))).lines).toEqual([
      { item: 'image to model (H-series, textured)', credits: 30 },
      { item: 'texture_quality=detailed', credits: 10 },
      { item: 'quad=true', credits: 5 },
    ]);
  });

  it('names the options behind a complex conversion', () => {
    expect(priceTask(parse(convert({ face_limit: 5000, scale_factor: 2 }))).lines).toEqual([
      { item: 'conversion to GLB', credits: 5 },
      { item: 'complex conversion (face_limit, scale_factor)', credits: 5 },
    ]);
  });
});

describe("priceTask: the deployment's own model names", () => {
  const prices = new DeploymentModelPrices({ 'meshy-6': { text_to_model: { textured: 45, untextured: 35 } } });
  const parse = (body: Record<string, unknown>) => {
    const parsed = parseTaskRequest(body, { deploymentModelVersions: prices.namesByTaskType() });
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.request;
  };

  it('prices the name from the price file, textured or not, plus the surcharges of options applied here', () => {
    expect(
      priceTask(parse({ type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6' }), prices).costCredits,
    ).toBe(45);
    expect(
      priceTask(parse({ type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6', texture: false }), prices)
        .costCredits,
    ).toBe(35);
    expect(
      priceTask(
        parse({ type: 'text_to_model', prompt: 'a lamp', model_version: 'meshy-6', quad: true, smart_low_poly: true }),
        prices,
      ).lines,
    ).toEqual([
      { item: 'text to model (meshy-6, textured)', credits: 45 },
      { item: 'smart_low_poly=true', credits: 10 },
      { item: 'quad=true', credits: 5 },
    ]);
    // a Tripo version keeps its own price
    expect(
      priceTask(parse({ type: 'text_to_model', prompt: 'a lamp', model_version: 'v3.1-20260211' }), prices).costCredits,
    ).toBe(20);
  });
});
