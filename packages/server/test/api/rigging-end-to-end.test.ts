// import → animate_prerigcheck → animate_rig → animate_retarget → convert_model, through the HTTP API: outputs
// validated by the Khronos validator and by assimp, credits as priced, failures refunded.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeIO, type Document } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boxDocument,
  humanFigureDocument,
  quadrupedAnimalDocument,
  skinnedSampleDocument,
} from '@polyforge/geometry/test/fixtures/build-creatures';
import { hasAssimp } from '@polyforge/geometry/test/fixtures/assimp-info';
import { toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

type Client = ReturnType<typeof apiClient>;

/** assimp's own counts of bones and animations in a file. */
function assimpCounts(bytes: Uint8Array, extension: string, scratch: string) {
  const path = join(scratch, `model-${Math.random().toString(36).slice(2)}.${extension}`);
  writeFileSync(path, bytes);
  const output = execFileSync('assimp', ['info', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const count = (label: string) => Number(new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(output)?.[1] ?? NaN);
  return { bones: count('Bones'), animations: count('Animations'), faces: count('Faces') };
}

describe('rigging and retargeting end to end over HTTP', () => {
  let platform: TestPlatform;
  let scratch: string;
  const glbs: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    platform = await startTestPlatform();
    scratch = mkdtempSync(join(tmpdir(), 'polyforge-rigging-'));
    const build = async (name: string, document: Promise<Document>) => (glbs[name] = await toGlb(await document));
    await Promise.all([
      build('human', humanFigureDocument('A', { edgeLength: 0.045 })),
      build('animal', quadrupedAnimalDocument({ edgeLength: 0.04 })),
      build('box', boxDocument()),
      build('sample', skinnedSampleDocument()),
    ]);
  });
  afterAll(async () => {
    // Now and then a client keep-alive connection is still open here without a request on it, and the server's
    // close would wait for its 60 s headers timeout; nothing is in flight, so it is closed outright.
    platform.platform.app.server.closeAllConnections();
    await platform.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function runToEnd(client: Client, body: unknown) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  async function imported(client: Client, name: string) {
    const upload = await client.upload(glbs[name], `${name}.glb`);
    const task = await runToEnd(client, {
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    expect(task.status).toBe('success');
    return task;
  }

  async function download(url: string): Promise<Uint8Array> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  }

  async function balance(client: Client): Promise<number> {
    return (await client.balance()).body.data.balance;
  }

  it('checks, rigs, animates and converts a human figure, charging each step as priced', async () => {
    const account = await platform.createAccount({ credits: 1000 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const source = await imported(client, 'human');

    const check = await runToEnd(client, { type: 'animate_prerigcheck', original_model_task_id: source.task_id });
    expect(check).toMatchObject({
      status: 'success',
      consumed_credit: 0,
      output: { riggable: true, rig_type: 'biped', topology: 'bip' },
    });
    expect(check.output.reasons).toEqual(expect.arrayContaining(['2 legs reach the ground']));
    expect(check.output.model).toBeUndefined();

    const rig = await runToEnd(client, { type: 'animate_rig', original_model_task_id: source.task_id });
    expect(rig).toMatchObject({
      status: 'success',
      consumed_credit: 25,
      output: { rig_type: 'biped', bone_count: 27 },
    });
    expect(new URL(rig.output.model).pathname).toMatch(/\/model\.glb$/);
    expect(new URL(rig.output.rendered_image).pathname).toMatch(/\/rendered_image\.webp$/);
    const riggedBytes = await download(rig.output.model);
    expect((await validateGlb(riggedBytes)).errors).toEqual([]);
    const rigged = await new NodeIO().readBinary(riggedBytes);
    expect(rigged.getRoot().listSkins()[0].listJoints()).toHaveLength(27);
    expect(rigged.getRoot().listTextures()).toHaveLength(1);

    const presets = ['preset:walk', 'preset:biped:wave_goodbye_01', 'preset:biped:jump'];
    const retarget = await runToEnd(client, {
      type: 'animate_retarget',
      original_model_task_id: rig.task_id,
      animations: presets,
    });
    expect(retarget).toMatchObject({ status: 'success', consumed_credit: 30, output: { animations: presets } });
    const animatedBytes = await download(retarget.output.model);
    expect((await validateGlb(animatedBytes)).errors).toEqual([]);
    const animated = await new NodeIO().readBinary(animatedBytes);
    expect(
      animated
        .getRoot()
        .listAnimations()
        .map((animation) => animation.getName()),
    ).toEqual(presets);
    expect(retarget.output.rendered_image).toBeTruthy();

    const converted = await runToEnd(client, {
      type: 'convert_model',
      format: 'FBX',
      original_model_task_id: retarget.task_id,
    });
    expect(converted).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect(new URL(converted.output.model).pathname).toMatch(/\/model\.fbx$/);
    if (hasAssimp) {
      const counts = assimpCounts(await download(converted.output.model), 'fbx', scratch);
      expect(counts.bones).toBe(27);
      expect(counts.animations).toBe(3);
    }
    expect(await balance(client)).toBe(1000 - 25 - 30 - 5);
  });

  it('rigs straight to FBX with Mixamo bone names, and animates that FBX rig', async () => {
    const account = await platform.createAccount({ credits: 500 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const source = await imported(client, 'human');
    const rig = await runToEnd(client, {
      type: 'animate_rig',
      original_model_task_id: source.task_id,
      out_format: 'fbx',
      spec: 'mixamo',
    });
    expect(rig).toMatchObject({ status: 'success', consumed_credit: 25, output: { spec: 'mixamo' } });
    expect(new URL(rig.output.model).pathname).toMatch(/\/model\.fbx$/);
    if (hasAssimp) expect(assimpCounts(await download(rig.output.model), 'fbx', scratch).bones).toBe(27);
    const retarget = await runToEnd(client, {
      type: 'animate_retarget',
      original_model_task_id: rig.task_id,
      animations: ['preset:idle', 'preset:biped:golf'],
      out_format: 'fbx',
    });
    expect(retarget).toMatchObject({ status: 'success', consumed_credit: 20, output: { rig_type: 'biped' } });
    if (hasAssimp)
      expect(assimpCounts(await download(retarget.output.model), 'fbx', scratch)).toMatchObject({
        bones: 27,
        animations: 2,
      });
    expect(await balance(client)).toBe(500 - 25 - 20);
  });

  it('refunds a preset the rig cannot play, and refuses what is not built before charging', async () => {
    const account = await platform.createAccount({ credits: 500 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const source = await imported(client, 'human');
    const rig = await runToEnd(client, { type: 'animate_rig', original_model_task_id: source.task_id });
    const wrong = await runToEnd(client, {
      type: 'animate_retarget',
      original_model_task_id: rig.task_id,
      animations: ['preset:idle', 'preset:quadruped:walk'],
    });
    expect(wrong).toMatchObject({ status: 'failed', error_code: 1004, consumed_credit: 0 });
    expect(wrong.error_msg).toMatch(/preset:quadruped:walk is for quadruped rigs/);
    for (const body of [
      {
        type: 'animate_rig',
        original_model_task_id: source.task_id,
        rig_type: 'hexapod',
        model_version: 'v2.5-20260210',
      },
      { type: 'animate_retarget', original_model_task_id: rig.task_id, animation: 'preset:idle', render_video: true },
    ]) {
      const refused = await client.createTask(body);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(2002);
    }
    const tooMany = await client.createTask({
      type: 'animate_retarget',
      original_model_task_id: rig.task_id,
      animations: ['preset:idle', 'preset:walk', 'preset:run', 'preset:jump', 'preset:turn', 'preset:fall'],
    });
    expect(tooMany.body.code).toBe(1004);
    const notARig = await client.createTask({
      type: 'animate_retarget',
      original_model_task_id: source.task_id,
      animation: 'preset:idle',
    });
    expect(notARig.body.code).toBe(2006);
    expect(await balance(client)).toBe(500 - 25);
  });

  it('rigs the four-legged animal as the quadruped the check found and walks it; a default rig stays biped', async () => {
    const account = await platform.createAccount({ credits: 500 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const source = await imported(client, 'animal');
    const check = await runToEnd(client, { type: 'animate_prerigcheck', original_model_task_id: source.task_id });
    expect(check.output).toMatchObject({
      riggable: true,
      rig_type: 'quadruped',
      topology: 'quad',
      limbs: { legs: 4, head: true, tail: true },
    });
    // check → rig with the rig_type it found, no model_version: the default model follows rig_type
    const rig = await runToEnd(client, {
      type: 'animate_rig',
      original_model_task_id: source.task_id,
      rig_type: check.output.rig_type,
    });
    expect(rig).toMatchObject({
      input: { rig_type: 'quadruped', model_version: 'v2.5-20260210' },
      output: { rig_type: 'quadruped' },
    });
    // a default request is a biped rig, as asked, never silently another type; the notes say what the shape is
    const biped = await runToEnd(client, { type: 'animate_rig', original_model_task_id: source.task_id });
    expect(biped).toMatchObject({
      input: { rig_type: 'biped', model_version: 'v1.0-20240301' },
      output: { rig_type: 'biped' },
    });
    expect(biped.output.notes.join(' ')).toMatch(/looks like a quadruped: send rig_type "quadruped"/);
    const walk = await runToEnd(client, {
      type: 'animate_retarget',
      original_model_task_id: rig.task_id,
      animation: 'preset:quadruped:walk',
      export_with_geometry: false,
      animate_in_place: true,
    });
    expect(walk).toMatchObject({ status: 'success', consumed_credit: 10 });
    const bytes = await download(walk.output.model);
    expect((await validateGlb(bytes)).errors).toEqual([]);
    const document = await new NodeIO().readBinary(bytes);
    expect(document.getRoot().listMeshes()).toHaveLength(0);
    expect(
      document
        .getRoot()
        .listAnimations()
        .map((animation) => animation.getName()),
    ).toEqual(['preset:quadruped:walk']);
  });

  it('says a box is not riggable, and re-rigs a sample asset that has its own skin', async () => {
    const account = await platform.createAccount({ credits: 500 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const box = await imported(client, 'box');
    const check = await runToEnd(client, { type: 'animate_prerigcheck', original_model_task_id: box.task_id });
    expect(check.output).toMatchObject({ riggable: false, rig_type: 'others' });
    // What the check rejects (and has no separate riggable character in it) is refused, with its reasons, free.
    const refused = await runToEnd(client, { type: 'animate_rig', original_model_task_id: box.task_id });
    expect(refused).toMatchObject({ status: 'failed', error_code: 2004, consumed_credit: 0 });
    expect(refused.error_msg).toMatch(/pre-rig check rejects this model/);
    const sample = await imported(client, 'sample');
    const rig = await runToEnd(client, { type: 'animate_rig', original_model_task_id: sample.task_id });
    expect(rig).toMatchObject({ status: 'success', output: { rig_type: 'biped' } });
    const retarget = await runToEnd(client, {
      type: 'animate_retarget',
      original_model_task_id: rig.task_id,
      animation: 'preset:biped:dance_01',
      out_format: 'fbx',
    });
    expect(retarget).toMatchObject({ status: 'success', consumed_credit: 10 });
    if (hasAssimp)
      expect(assimpCounts(await download(retarget.output.model), 'fbx', scratch)).toMatchObject({
        bones: 27,
        animations: 1,
      });
  });
});
