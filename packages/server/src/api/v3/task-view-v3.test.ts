// presentTaskV3: V2 statuses folded into V3's five, output keys renamed, times and credits in V3 form.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.ts';
import { DownloadSigner } from '../../files/download-signer.ts';
import type { TaskRecord } from '../../tasks/task-record.ts';
import { presentTaskV3, v3OutputOf } from './task-view-v3.ts';

const signer = new DownloadSigner('secret', new ManualClock(Date.UTC(2026, 3, 28, 12)), 60);

function task(overrides: Partial<TaskRecord>): TaskRecord {
  return {
    id: '0196f4ce-82a8-7ddb-970f-6a940e17c830',
    accountId: 'account',
    type: 'text_to_model',
    status: 'success',
    input: { prompt: 'a cat' },
    outputFiles: {},
    result: {},
    progress: 40,
    costCredits: 30,
    consumedCredits: 30,
    errorCode: null,
    errorMessage: null,
    createdAt: Date.UTC(2026, 3, 28, 12, 0, 0, 250),
    startedAt: null,
    finishedAt: Date.UTC(2026, 3, 28, 12, 1, 30),
    cancelRequestedAt: null,
    startDeadlineAt: null,
    isTest: false,
    ...overrides,
  };
}

const file = (fileName: string) => ({ fileName, blobKey: `tasks/t/${fileName}`, mimeType: 'x', sizeBytes: 1 });

describe('presentTaskV3', () => {
  it('writes the recorded example: ISO times to the second, progress 100 on success, credits as a number', () => {
    const view = presentTaskV3(
      task({ outputFiles: { pbr_model: file('pbr_model.glb'), rendered_image: file('rendered_image.webp') } }),
      signer,
      'https://api.test',
    );
    expect(view).toMatchObject({
      status: 'success',
      progress: 100,
      credits_consumed: 30,
      created_at: '2026-04-28T12:00:00Z',
      completed_at: '2026-04-28T12:01:30Z',
    });
    expect(view.output.model_url).toMatch(
      /^https:\/\/api\.test\/v2\/openapi\/downloads\/.+\/pbr_model\.glb\?expires=\d+&signature=/,
    );
    expect(view.output.rendered_image_url).toMatch(/rendered_image\.webp\?/);
    expect(view).not.toHaveProperty('error_code');
    expect(presentTaskV3(task({ status: 'running', finishedAt: null }), signer, '').completed_at).toBeNull();
  });

  it.each([
    ['banned', null, 2008],
    ['expired', 2018, 2018],
    ['failed', 1001, 1001],
  ] as const)('shows %s as failed with error_code %s → %s', (status, storedCode, shownCode) => {
    const view = presentTaskV3(
      task({ status, errorCode: storedCode, errorMessage: null, consumedCredits: 0 }),
      signer,
      '',
    );
    expect(view).toMatchObject({
      status: 'failed',
      error_code: shownCode,
      error_message: expect.any(String),
      credits_consumed: 0,
    });
  });

  it('keeps cancelled as it is', () => {
    expect(presentTaskV3(task({ status: 'cancelled' }), signer, '').status).toBe('cancelled');
  });
});

describe('v3OutputOf', () => {
  it('picks model_url as pbr_model > model > base_model', () => {
    expect(v3OutputOf({}, { base_model: 'b', model: 'm', pbr_model: 'p' }).model_url).toBe('p');
    expect(v3OutputOf({}, { base_model: 'b', model: 'm' }).model_url).toBe('m');
    expect(v3OutputOf({}, { base_model: 'b' })).toEqual({ model_url: 'b' });
  });

  it("keeps the generator's summary out of output, and lists a retarget's model in model_urls", () => {
    const view = presentTaskV3(
      task({
        type: 'text_to_image',
        result: { generation: { subject: 'cat', model_seed: 3 } },
        outputFiles: { generated_image: file('generated_image.png') },
      }),
      signer,
      'https://api.test',
    );
    expect(view.output).not.toHaveProperty('generation');
    expect(view.generation).toEqual({ subject: 'cat', model_seed: 3 });
    const retarget = v3OutputOf(
      { animations: ['preset:walk'], rig_type: 'biped' },
      { model: 'https://api.test/m.glb' },
      'animate_retarget',
    );
    expect(retarget).toMatchObject({
      model_url: 'https://api.test/m.glb',
      model_urls: ['https://api.test/m.glb'],
      animations: ['preset:walk'],
    });
    expect(v3OutputOf({}, { model: 'm' }, 'animate_rig')).not.toHaveProperty('model_urls');
  });

  it('renames images and views, and keeps non-file results', () => {
    expect(v3OutputOf({}, { generated_image: 'g' })).toEqual({ generated_image_url: 'g' });
    expect(
      v3OutputOf({}, { 'generate_multiview_image.front_view_url': 'f', 'generate_multiview_image.back_view_url': 'k' }),
    ).toEqual({
      front_view_url: 'f',
      back_view_url: 'k',
      generate_multiview_image: { front_view_url: 'f', back_view_url: 'k' },
    });
    expect(v3OutputOf({ riggable: false, rig_type: 'quadruped' }, {})).toEqual({
      riggable: false,
      rig_type: 'quadruped',
    });
    expect(v3OutputOf({}, { rendered_video: 'v' })).toEqual({ rendered_video_url: 'v' });
  });
});
