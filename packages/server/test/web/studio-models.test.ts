// Studio's gallery and model pages over HTTP: one-click next steps that chain to the source model, field limits
// that match the server's, refusals shown in the step's card (and gone on the next load), the top-up path when
// credits are short, other accounts kept out; and the planning of steps for rigged and converted models.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../src/tasks/task-record.ts';
import { animationsFor, LOW_POLY_FACE_LIMIT, planStudioActions } from '../../src/web/studio-actions.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

describe('Studio models over HTTP', () => {
  let harness: TestPlatform;
  let browser: WebClient;
  let importId: string;
  beforeAll(async () => {
    // a small trial, so the 40-credit segmentation is out of reach after a convert
    harness = await startTestPlatform({ environment: { POLYFORGE_STUDIO_TRIAL_CREDITS: '30' } });
    browser = new WebClient(harness.baseUrl);
    await browser.signUp(uniqueEmail('models'));
    await browser.get('/studio');
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await texturedCubeGlb())]), 'cube.glb');
    const uploaded = JSON.parse(
      (
        await browser.request('POST', '/studio/api/upload', {
          body: form,
          headers: { 'x-csrf-token': browser.csrfToken },
        })
      ).text,
    ).data;
    importId = JSON.parse(
      (
        await browser.postJson('/studio/api/tasks', {
          type: 'import_model',
          file: { type: uploaded.type, file_token: uploaded.file_token },
        })
      ).text,
    ).data.task_id;
    await harness.drainQueue();
  });
  afterAll(() => harness.close());

  const card = (page: string, type: string) =>
    new RegExp(
      `<form class="action-card" data-action="${type}"[\\s\\S]*?</form>|<div class="action-card action-card-off" data-action="${type}">[\\s\\S]*?</div>`,
    ).exec(page)?.[0] ?? '';

  it('rigs with the newest rig version, so the rig types the engine fits are all available', async () => {
    for (const rigType of ['biped', 'quadruped']) {
      const quote = await browser.postJson(`/studio/api/models/${importId}/quote-next`, {
        type: 'animate_rig',
        rig_type: rigType,
      });
      expect(JSON.parse(quote.text), rigType).toMatchObject({ code: 0, data: { credits: 25, available: true } });
    }
  });

  it('takes exactly the face limits the server takes', async () => {
    const quote = async (faceLimit: number) =>
      browser.postJson('/studio/api/quote', {
        type: 'highpoly_to_lowpoly',
        original_model_task_id: importId,
        face_limit: faceLimit,
      });
    expect((await quote(LOW_POLY_FACE_LIMIT.min - 1)).status).toBe(400);
    expect((await quote(LOW_POLY_FACE_LIMIT.min)).status).toBe(200);
    expect((await quote(LOW_POLY_FACE_LIMIT.max)).status).toBe(200);
    expect((await quote(LOW_POLY_FACE_LIMIT.max + 1)).status).toBe(400);
    const page = (await browser.get(`/studio/models/${importId}`)).text;
    expect(card(page, 'highpoly_to_lowpoly')).toContain(
      `min="${LOW_POLY_FACE_LIMIT.min}" max="${LOW_POLY_FACE_LIMIT.max}"`,
    );
  });

  it("makes each next step one form with this model's defaults, and a step the model cannot take applies to its source", async () => {
    const page = await browser.get(`/studio/models/${importId}`);
    expect(page.status).toBe(200);
    for (const type of [
      'convert_model',
      'highpoly_to_lowpoly',
      'mesh_segmentation',
      'texture_model',
      'animate_prerigcheck',
      'animate_rig',
    ]) {
      expect(card(page.text, type), type).toContain(`action="/studio/models/${importId}/next"`);
    }
    expect(card(page.text, 'convert_model')).toMatch(/<option value="OBJ" selected>/); // a still model: the format every tool opens
    expect(card(page.text, 'convert_model')).toContain('5 Studio credits.');
    expect(card(page.text, 'animate_retarget')).toContain('Needs a rigged model: rig this model first.');
    expect(card(page.text, 'mesh_segmentation')).toContain(
      'You have 30: <a href="/studio/credits">top up Studio credits</a>.',
    );

    // one click: post, then the new model's page (a refresh of it posts nothing)
    const converted = await browser.postForm(`/studio/models/${importId}/next`, {
      type: 'convert_model',
      format: 'OBJ',
      from: importId,
    });
    expect(converted.status).toBe(303);
    const convertId = /^\/studio\/models\/([0-9a-f-]{36})$/.exec(converted.location!)![1];
    const queued = await browser.get(converted.location!);
    expect(queued.text).toContain('data-testid="generation"');
    expect(queued.text).toContain('data-task-final="false"');
    await harness.drainQueue();

    // the OBJ has no 3D view here: the page shows the source, and every step but convert applies to the source
    const done = (await browser.get(converted.location!)).text;
    expect(done).toContain('showing the model it was made from');
    expect(done).toContain(`data-model-url="/dashboard/tasks/${importId}/download/`);
    expect(card(done, 'convert_model')).toContain(`action="/studio/models/${convertId}/next"`);
    for (const type of ['highpoly_to_lowpoly', 'animate_rig', 'texture_model']) {
      expect(card(done, type), type).toContain(`action="/studio/models/${importId}/next"`);
      expect(card(done, type), type).toContain('the model this one was made from');
    }
    expect(done).toMatch(/made from <a href="\/studio\/models\/[0-9a-f-]+">Imported GLB<\/a>/);
    expect((await browser.get(`/studio/models/${importId}`)).text).toContain('Made from this model');
    expect((await browser.get(`/studio?task=${convertId}`)).location).toBe(`/studio/models/${convertId}`);
  });

  it('shows a refused step in its own card, charges nothing, and forgets the error on the next load', async () => {
    const { accountId } = await harness.platform.db
      .selectFrom('tasks')
      .select('accountId')
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    const balance = () => harness.platform.ledger.balance(harness.platform.db, accountId, 'studio');
    const before = await balance();
    const tooFew = await browser.postForm(`/studio/models/${importId}/next`, {
      type: 'highpoly_to_lowpoly',
      face_limit: '50',
      from: importId,
    });
    expect(tooFew.status).toBe(400);
    expect(card(tooFew.text, 'highpoly_to_lowpoly')).toMatch(
      /role="alert" data-role="action-error">[^<]*face limit must be a whole number from 1000 to 20000/,
    );
    const broke = await browser.postForm(`/studio/models/${importId}/next`, {
      type: 'mesh_segmentation',
      from: importId,
    });
    expect(broke.status).toBe(403);
    expect(card(broke.text, 'mesh_segmentation')).toMatch(
      /data-role="action-error">[^<]*this task costs 40 credits and the studio wallet&#39;s balance is 25/,
    );
    expect(await balance()).toEqual(before);
    const again = (await browser.get(`/studio/models/${importId}`)).text;
    expect(again).not.toContain('face limit must be');
    expect(again).not.toContain('this task costs 40');
  });

  it('lists my Studio models in the gallery with thumbnails, searchable, and clamps a page past the end', async () => {
    const gallery = (await browser.get('/studio?page=99')).text;
    expect(gallery).toContain('2 models');
    expect(gallery).toContain(
      `href="/studio/models/${importId}"><img class="thumbnail" src="/dashboard/tasks/${importId}/thumbnail"`,
    );
    expect(gallery).toMatch(/Converted to OBJ/);
    expect((await browser.get('/studio?q=nothing-like-this')).text).toContain('No model matches this search.');
    const thumbnail = await fetch(`${harness.baseUrl}/dashboard/tasks/${importId}/thumbnail`, {
      headers: { cookie: `pf_session=${browser.cookies.get('pf_session')}` },
    });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect(thumbnail.headers.get('cache-control')).toBe('private, max-age=86400');
  });

  it('keeps other accounts out of my models, their steps and their thumbnails', async () => {
    const stranger = new WebClient(harness.baseUrl);
    await stranger.signUp(uniqueEmail('stranger'));
    expect((await stranger.get(`/studio/models/${importId}`)).status).toBe(404);
    expect((await stranger.get(`/dashboard/tasks/${importId}/thumbnail`)).status).toBe(404);
    await stranger.get('/studio');
    expect(
      (await stranger.postForm(`/studio/models/${importId}/next`, { type: 'convert_model', format: 'GLB' })).status,
    ).toBe(404);
    expect(
      (await stranger.postJson(`/studio/api/models/${importId}/quote-next`, { type: 'convert_model', format: 'GLB' }))
        .status,
    ).toBe(404);
    expect((await stranger.get('/studio')).text).toContain('0 models');
  });
});

describe('planning Studio next steps', () => {
  const task = (id: string, type: string, extra: Partial<TaskRecord> = {}): TaskRecord => ({
    id,
    accountId: 'a',
    type,
    status: 'success',
    input: {},
    outputFiles: {},
    result: {},
    progress: 100,
    costCredits: 0,
    consumedCredits: 0,
    errorCode: null,
    errorMessage: null,
    createdAt: 0,
    startedAt: 0,
    finishedAt: 0,
    cancelRequestedAt: null,
    startDeadlineAt: null,
    isTest: false,
    ...extra,
  });
  const planOf = (plans: ReturnType<typeof planStudioActions>, type: string) =>
    plans.find((plan) => plan.type === type)!;

  it('animates a rig with presets of its rig type, and converts a rig or an animation to FBX', () => {
    const model = task('m', 'text_to_model', {
      outputFiles: {
        pbr_model: { fileName: 'pbr_model.glb', blobKey: 'k', mimeType: 'model/gltf-binary', sizeBytes: 1 },
      },
    });
    const rig = task('r', 'animate_rig', {
      input: { original_model_task_id: 'm', rig_type: 'biped' },
      result: { rig_type: 'quadruped' },
    });
    const plans = planStudioActions([rig, model], []);
    expect(planOf(plans, 'animate_retarget')).toMatchObject({
      target: { id: 'r' },
      defaults: { animation: 'preset:quadruped:walk' },
    });
    expect(planOf(plans, 'animate_retarget').choices.animation).toEqual(['preset:quadruped:walk']);
    expect(planOf(plans, 'convert_model')).toMatchObject({ target: { id: 'r' }, defaults: { format: 'FBX' } });
    expect(planOf(plans, 'animate_rig').target?.id).toBe('m'); // a rig is rigged from the model, not from a rig
    expect(animationsFor('biped')).toContain('preset:walk');
    expect(animationsFor('biped')).not.toContain('preset:quadruped:walk');
  });

  it('starts a rig with the type a rig check found, and offers nothing on a model that is not finished', () => {
    const model = task('m', 'import_model');
    const check = task('c', 'animate_prerigcheck', {
      input: { original_model_task_id: 'm' },
      result: { riggable: true, rig_type: 'quadruped' },
    });
    expect(planOf(planStudioActions([model], [check]), 'animate_rig').defaults.rig_type).toBe('quadruped');
    // a check that found the model not riggable names no rig type worth starting from
    const unriggable = task('u', 'animate_prerigcheck', {
      input: { original_model_task_id: 'm' },
      result: { riggable: false, rig_type: 'aquatic' },
    });
    expect(planOf(planStudioActions([model], [unriggable]), 'animate_rig').defaults.rig_type).toBe('biped');
    const running = planStudioActions([task('x', 'text_to_model', { status: 'running' })], []);
    expect(running.every((plan) => plan.target === undefined)).toBe(true);
    const fbx = task('f', 'convert_model', {
      input: { original_model_task_id: 'm', format: 'FBX' },
      outputFiles: {
        model: { fileName: 'model.fbx', blobKey: 'k', mimeType: 'application/octet-stream', sizeBytes: 1 },
      },
    });
    expect(planOf(planStudioActions([fbx, model], []), 'convert_model').defaults.format).toBe('GLB');
  });
});
