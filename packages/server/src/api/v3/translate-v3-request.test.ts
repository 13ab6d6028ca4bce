// translateV3Request: every /v3 creation body becomes a V2 request that parseTaskRequest accepts, with clear
// 1004/2002/2017 errors for what /v3 refuses.
import { describe, expect, it } from 'vitest';
import { parseTaskRequest } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';
import { translateV3Request, type V3InputResolver } from './translate-v3-request.ts';
import { findV3Operation, V3_OPERATIONS } from './v3-operations.ts';

const FILE_ID = '11111111-2222-4333-8444-555555555555';
const TOKEN = `file_${FILE_ID}`;
const TASK_ID = '0196f4ce-82a8-7ddb-970f-6a940e17c830';
const OUTPUT_FILE_ID = '99999999-8888-4777-8666-555555555555';

const resolver: V3InputResolver & { calls: string[] } = {
  calls: [],
  async taskOutputImage(taskId, view) {
    this.calls.push(`${taskId}:${view ?? ''}`);
    return OUTPUT_FILE_ID;
  },
};

async function translate(path: string, body: unknown) {
  const operation = findV3Operation(path);
  if (!operation) throw new Error(`no operation ${path}`);
  return translateV3Request(operation, body, resolver);
}

async function errorOf(path: string, body: unknown): Promise<DomainError> {
  const error = await translate(path, body).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** One valid V3 body per creation endpoint with a task type. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'generation/text-to-model': { prompt: 'a cat', model: 'v3.1-20260211' },
  'generation/image-to-model': { input: TOKEN, model: 'v3.0-20250812' },
  'generation/multiview-to-model': { inputs: [TOKEN, '', TOKEN, ''], model: 'v2.5-20250123' },
  'generation/text-to-image': { prompt: 'a cat', model: 'seedream_v4' },
  'generation/image-to-image': { prompt: 'make it blue', input: TOKEN, model: 'banana' },
  'generation/image-to-multiview': { input: TOKEN },
  'generation/edit-multiview': { input: TASK_ID, prompts: [{ view: 'front', prompt: 'a hat' }] },
  'models/import': { input: TOKEN },
  'models/refine': { input: TASK_ID },
  'models/texture': { input: TASK_ID, prompt: 'gold' },
  'models/stylize': { input: TASK_ID, style: 'lego' },
  'models/convert': { input: TASK_ID, format: 'obj' },
  'animations/rig-check': { input: TASK_ID },
  'animations/rig': { input: TASK_ID, model: 'v2.5-20260210', rig_type: 'quadruped' },
  'animations/retarget': { input: TASK_ID, animations: ['preset:walk'] },
  'mesh/segment': { input: TASK_ID },
  'mesh/complete': { input: TASK_ID },
  'mesh/decimate': { input: TASK_ID, face_limit: 5000 },
};

describe('translateV3Request', () => {
  it('has a valid example for every endpoint with a task type, and each translates into a V2 request the core accepts', async () => {
    const withType = V3_OPERATIONS.filter((operation) => operation.taskType !== null).map(
      (operation) => operation.path,
    );
    expect(Object.keys(VALID_BODIES).sort()).toEqual(withType.sort());
    for (const [path, body] of Object.entries(VALID_BODIES)) {
      const translated = await translate(path, body);
      const parsed = parseTaskRequest(translated);
      expect(parsed, `${path}: ${JSON.stringify(translated)}`).toMatchObject({
        ok: true,
        request: { type: findV3Operation(path)!.taskType },
      });
    }
  });

  it('maps inputs onto the V2 fields: file tokens, URLs, source tasks', async () => {
    expect(await translate('generation/image-to-model', { input: TOKEN, model: 'v3.1-20260211' })).toMatchObject({
      type: 'image_to_model',
      file: { file_token: FILE_ID },
      model_version: 'v3.1-20260211',
    });
    expect(
      await translate('generation/image-to-model', {
        input: { type: 'png', url: 'https://example.com/a.png' },
        model: 'v3.1-20260211',
      }),
    ).toMatchObject({ file: { type: 'png', url: 'https://example.com/a.png' } });
    expect(
      await translate('generation/image-to-model', {
        input: 'https://example.com/a.png',
        model_version: 'v3.1-20260211',
      }),
    ).toMatchObject({ file: { url: 'https://example.com/a.png' } });
    expect(await translate('models/convert', { input: TASK_ID.toUpperCase(), format: 'STL' })).toMatchObject({
      type: 'convert_model',
      original_model_task_id: TASK_ID,
    });
    expect(await translate('models/convert', { original_model_task_id: TASK_ID, format: 'STL' })).toMatchObject({
      original_model_task_id: TASK_ID,
    });
    expect(await translate('models/refine', { input: { task_id: TASK_ID } })).toMatchObject({
      draft_model_task_id: TASK_ID,
    });
    expect(
      await translate('generation/image-to-model', {
        file: { type: 'jpg', file_token: TOKEN },
        model: 'v3.1-20260211',
      }),
    ).toMatchObject({ file: { type: 'jpg', file_token: FILE_ID } });
  });

  it('reads a bare task id given as an image input as that task output', async () => {
    resolver.calls.length = 0;
    expect(await translate('generation/image-to-model', { input: TASK_ID, model: 'v3.1-20260211' })).toMatchObject({
      file: { file_token: OUTPUT_FILE_ID },
    });
    const multiview = await translate('generation/multiview-to-model', {
      inputs: [{ front: TASK_ID }, { back: TOKEN }],
      model: 'v3.1-20260211',
    });
    expect(multiview.files).toEqual([{ file_token: OUTPUT_FILE_ID }, {}, { file_token: FILE_ID }, {}]);
    expect(resolver.calls).toEqual([`${TASK_ID}:`, `${TASK_ID}:front`]);
  });

  it('accepts multiview inputs in all three forms', async () => {
    const base = { model: 'v3.1-20260211' };
    const viewKeyed = await translate('generation/multiview-to-model', {
      ...base,
      inputs: [{ right: TOKEN }, { front: TOKEN }],
    });
    expect(viewKeyed.files).toEqual([{ file_token: FILE_ID }, {}, {}, { file_token: FILE_ID }]);
    const positional = await translate('generation/multiview-to-model', {
      ...base,
      inputs: [TOKEN, TOKEN, '', { file_token: TOKEN }],
    });
    expect(positional.files).toEqual([{ file_token: FILE_ID }, { file_token: FILE_ID }, {}, { file_token: FILE_ID }]);
    const fromTask = await translate('generation/multiview-to-model', { ...base, inputs: [{ task_id: TASK_ID }] });
    expect(fromTask).toMatchObject({ original_task_id: TASK_ID });
    expect(fromTask.files).toBeUndefined();
    expect(
      (await errorOf('generation/multiview-to-model', { ...base, inputs: [{ back: TOKEN }, { left: TOKEN }] })).message,
    ).toMatch(/front view/);
    expect((await errorOf('generation/multiview-to-model', { ...base, inputs: [{ front: TOKEN }] })).message).toMatch(
      /at least 2 views/,
    );
    expect((await errorOf('generation/multiview-to-model', { ...base, inputs: [TOKEN, TOKEN] })).message).toMatch(
      /view-keyed objects/,
    );
    expect(
      (await errorOf('generation/multiview-to-model', { ...base, inputs: [{ front: TOKEN }, { front: TOKEN }] }))
        .message,
    ).toMatch(/repeats the front view/);
  });

  it('requires model on 3D generation and reads model_version as its alias', async () => {
    const missing = await errorOf('generation/text-to-model', { prompt: 'a cat' });
    expect(missing).toMatchObject({
      errorName: 'invalidParameter',
      message: expect.stringMatching(/^model is required/),
    });
    expect(
      await translate('generation/text-to-model', { prompt: 'a cat', model_version: 'P1-20260311' }),
    ).toMatchObject({ model_version: 'P1-20260311' });
    expect(
      (
        await errorOf('generation/text-to-model', {
          prompt: 'a cat',
          model: 'v3.1-20260211',
          model_version: 'v2.5-20250123',
        })
      ).message,
    ).toMatch(/disagree/);
    expect(await errorOf('generation/text-to-model', { prompt: 'a cat', model: 'P2-20260801' })).toMatchObject({
      errorName: 'notAvailable',
    });
  });

  it('applies the /v3 model rules of texture, rig, decimate and the image models', async () => {
    expect(await translate('models/texture', { input: TASK_ID })).toMatchObject({ model_version: 'v3.0-20250812' });
    expect(await translate('models/texture', { input: TASK_ID, prompt: 'gold', style_image: TOKEN })).toMatchObject({
      texture_prompt: { text: 'gold', style_image: { file_token: FILE_ID } },
    });
    // the official JS SDK's spelling
    const textTexture = await translate('models/texture', { input: TASK_ID, text_prompt: 'rust' });
    expect(textTexture).toMatchObject({ texture_prompt: { text: 'rust' } });
    expect(textTexture).not.toHaveProperty('text_prompt');
    const imageTexture = await translate('models/texture', {
      input: TASK_ID,
      image_prompt: 'https://example.com/a.png',
      style_image: TOKEN,
    });
    expect(imageTexture).toMatchObject({
      texture_prompt: { image: { url: 'https://example.com/a.png' }, style_image: { file_token: FILE_ID } },
    });
    for (const body of [textTexture, imageTexture]) expect(parseTaskRequest(body).ok).toBe(true);
    expect(await errorOf('animations/rig', { input: TASK_ID, model: 'v2.0-20250506' })).toMatchObject({
      errorName: 'invalidModelVersion',
    });
    expect(await translate('mesh/decimate', { input: TASK_ID })).toMatchObject({ model_version: 'P-v2.0-20251225' });
    expect(await translate('mesh/decimate', { input: TASK_ID, model: 'P-v2.0-20251226' })).toMatchObject({
      model_version: 'P-v2.0-20251226',
    });
    expect(await errorOf('mesh/decimate', { input: TASK_ID, model: 'v9' })).toMatchObject({
      errorName: 'invalidModelVersion',
    });
    expect(
      await translate('generation/image-to-image', {
        prompt: 'x',
        input: TOKEN,
        model: 'chat_image_2',
        quality: 'high',
      }),
    ).toMatchObject({ model_version: 'gpt_image_2' });
    expect(
      await errorOf('generation/image-to-image', { prompt: 'x', input: TOKEN, model: 'seedream_v5' }),
    ).toMatchObject({ errorName: 'notAvailable' });
    expect(
      (await errorOf('generation/text-to-image', { prompt: 'x', model: 'banana', quality: 'high' })).message,
    ).toMatch(/quality is only accepted with chat_image_2/);
    expect(await errorOf('generation/text-to-image', { prompt: 'x', model: 'flux' })).toMatchObject({
      errorName: 'invalidModelVersion',
    });
  });

  it('reads {file_token: "<uuid>"} as a task id, as the official JS SDK 0.1 wraps every input string', async () => {
    resolver.calls = [];
    expect(
      await translate('generation/image-to-model', { input: { file_token: TASK_ID }, model: 'v3.1-20260211' }),
    ).toMatchObject({ file: { file_token: OUTPUT_FILE_ID } });
    expect(resolver.calls).toEqual([`${TASK_ID}:`]);
    expect(
      await translate('generation/edit-multiview', {
        input: { file_token: TASK_ID },
        prompts: [{ view: 'front', prompt: 'a hat' }],
      }),
    ).toMatchObject({ original_task_id: TASK_ID });
    expect(await translate('animations/rig', { input: { file_token: TASK_ID.toUpperCase() } })).toMatchObject({
      original_model_task_id: TASK_ID,
    });
    const multiview = await translate('generation/multiview-to-model', {
      model: 'v3.0-20250812',
      inputs: [{ file_token: TOKEN }, '', { file_token: TASK_ID }, ''],
    });
    expect(multiview.files).toEqual([{ file_token: FILE_ID }, {}, { file_token: OUTPUT_FILE_ID }, {}]);
    expect(resolver.calls).toEqual([`${TASK_ID}:`, `${TASK_ID}:back`]);
    expect(await translate('generation/image-to-image', { prompt: 'x', input: { file_token: TASK_ID } })).toMatchObject(
      { file: { file_token: OUTPUT_FILE_ID } },
    );
  });

  it('refuses what /v3 does not take, with a message naming the field', async () => {
    const cases: [string, unknown, RegExp][] = [
      [
        'generation/image-to-model',
        { input: 'data:image/png;base64,AAAA', model: 'v3.1-20260211' },
        /^input cannot be a data: URI/,
      ],
      ['generation/image-to-model', { input: { data: 'AAAA' }, model: 'v3.1-20260211' }, /base64/],
      [
        'generation/image-to-model',
        { input: { file_token: 'abc' }, model: 'v3.1-20260211' },
        /file_token must be a file_<uuid> token from POST \/v3\/files or a task id/,
      ],
      ['generation/image-to-model', { input: 'task_abc123', model: 'v3.1-20260211' }, /bare UUIDs/],
      ['generation/image-to-model', { model: 'v3.1-20260211' }, /^input is required/],
      [
        'generation/image-to-model',
        { input: TOKEN, file: { file_token: TOKEN }, model: 'v3.1-20260211' },
        /cannot be combined with file/,
      ],
      ['models/import', { input: 'https://example.com/model.glb' }, /URLs and task ids are not imported/],
      ['models/convert', { input: TOKEN, format: 'OBJ' }, /must be a task id/],
      [
        'models/convert',
        { input: TASK_ID, original_model_task_id: '0196f4ce-82a8-7ddb-970f-000000000000', format: 'OBJ' },
        /different tasks/,
      ],
      [
        'generation/text-to-model',
        { prompt: 'a cat', model: 'v3.1-20260211', type: 'image_to_model' },
        /creates text_to_model tasks/,
      ],
      ['generation/text-to-model', { prompt: 'a cat', model: 'v3.1-20260211', input: TOKEN }, /not used by/],
    ];
    for (const [path, body, message] of cases) {
      const error = await errorOf(path, body);
      expect(error.errorName, `${path} ${JSON.stringify(body)}`).toBe('invalidParameter');
      expect(error.message).toMatch(message);
    }
    expect(await errorOf('generation/text-to-model', [1, 2])).toMatchObject({ errorName: 'malformedRequest' });
  });

  it('answers the V3-only operations with 2002 whatever the body', async () => {
    expect(await errorOf('generation/image-to-splat', { input: TOKEN })).toMatchObject({ errorName: 'notAvailable' });
    expect(await errorOf('mesh/smartsegment', 'not even an object')).toMatchObject({ errorName: 'notAvailable' });
  });
});
