// The Blender add-on end to end: packaged by its build script, installed from the zip into Debian's headless
// Blender, driven against the real platform on loopback (workers on). One Blender process runs every step
// (blender_addon_check.py) and reports what it saw; the assertions are here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../packages/server/test/harness/start-test-platform.ts';
import { hasBlender, runBlenderCheck } from './run-blender-check.ts';

interface JobFacts {
  state: string;
  status: string;
  prices: Array<{ step: string; credits: number; balance: number }>;
  spent: number;
  task_ids: string[];
  statuses: string[];
  operator_seconds: number;
  scene?: Record<string, number>;
}

describe.skipIf(!hasBlender)('Blender add-on in headless Blender', () => {
  let platform: TestPlatform;
  let scratch: string;
  let results: { ok?: boolean; exception?: string; seconds: number; steps: Record<string, any> };
  let output = '';
  let blenderSeconds = 0;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: true });
    scratch = await mkdtemp(join(tmpdir(), 'polyforge-blender-test-'));
    const rich = await platform.createAccount({ credits: 500 });
    const broke = await platform.createAccount({ credits: 0 });
    const run = await runBlenderCheck<typeof results>({
      script: './blender_addon_check.py',
      scratch,
      config: {
        base_url: platform.baseUrl,
        api_key: rich.apiKey,
        broke_api_key: broke.apiKey,
        prompt: 'a humanoid robot',
      },
    });
    expect(run.exitCode, run.output.slice(-4000)).toBe(0);
    ({ results, output, seconds: blenderSeconds } = run);
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('runs every step in one Blender process, well within a minute', () => {
    expect(results.exception).toBeUndefined();
    expect(results.ok).toBe(true);
    expect(blenderSeconds).toBeLessThan(60);
  });

  it('installs from the zip, reads the balance and draws its panels with names this Blender knows', () => {
    expect(results.steps.install.module_file).toContain(join(scratch, 'scripts', 'addons', 'polyforge_blender'));
    expect(results.steps.balance).toMatchObject({ balance: 500, frozen: 0, panels: { panels: 4, problems: [] } });
  });

  it('generates from a prompt after showing its price, without blocking, and imports the textured model', () => {
    const generated: JobFacts = results.steps.generate;
    expect(generated).toMatchObject({
      state: 'done',
      prices: [{ step: 'Text to model', credits: 20, balance: 500 }],
      spent: 20,
    });
    expect(generated.operator_seconds).toBeLessThan(0.5);
    // Progress as the panel showed it while the task ran.
    expect(generated.statuses.some((status) => /^Text to model: (queued|running)/.test(status))).toBe(true);
    expect(generated.scene!.meshes).toBeGreaterThanOrEqual(1);
    expect(generated.scene!.materials).toBeGreaterThanOrEqual(1);
    expect(generated.scene!.textured_materials).toBeGreaterThanOrEqual(1);
  });

  it('animates the generated biped: rig check, rig and animation priced one by one, armature and action imported', () => {
    const animated: JobFacts & { actions: string[] } = results.steps.animate;
    expect(animated).toMatchObject({ state: 'done', spent: 35 });
    expect(animated.prices).toEqual([
      { step: 'Rig', credits: 25, balance: 480 },
      { step: 'Animate', credits: 10, balance: 455 },
    ]);
    expect(animated.task_ids).toHaveLength(3);
    expect(animated.status).toMatch(/rig type biped/);
    expect(animated.scene).toMatchObject({ armatures: 1, skinned_meshes: 1, animated_objects: 1 });
    expect(animated.scene!.bones).toBeGreaterThan(10);
    expect(animated.actions.some((name) => name.startsWith('preset:walk'))).toBe(true);
  });

  it('uploads pictures and prices them; a declined price spends nothing', () => {
    const { image, views, balance_after: balanceAfter } = results.steps.declined_pictures;
    for (const [job, step] of [
      [image, 'Image to model'],
      [views, 'Multiview to model'],
    ] as const) {
      expect(job, JSON.stringify(job)).toMatchObject({ state: 'cancelled', spent: 0, task_ids: [] });
      expect(job.prices).toEqual([{ step, credits: expect.any(Number), balance: 445 }]);
      expect(job.prices[0].credits).toBeGreaterThan(0);
    }
    expect(balanceAfter).toBe(445);
  });

  it('prices low poly, segment and texture on the generated object from their one-click buttons', () => {
    expect(results.steps.declined_actions).toMatchObject({
      LOW_POLY: [{ step: 'Low poly', credits: 30 }],
      SEGMENT: [{ step: 'Segment', credits: 40 }],
      TEXTURE: [{ step: 'Texture', credits: 10 }],
    });
  });

  it('sends a scene object up and converts it back', () => {
    expect(results.steps.send).toMatchObject({ state: 'done', prices: [], spent: 0 });
    expect(results.steps.send.cube_task).toEqual([results.steps.send.task_ids[0], 'import_model']);
    expect(results.steps.convert).toMatchObject({
      state: 'done',
      prices: [{ step: 'Convert to GLTF', credits: 5 }],
      spent: 5,
      triangles: 12,
    });
    expect(results.steps.convert.scene).toMatchObject({ objects: 1, meshes: 1 });
  });

  it('keeps the API key out of the .blend file, and the task ids in it', () => {
    expect(results.steps.blend_file).toMatchObject({ has_key: false, has_task_id: true });
  });

  it("installs a manifest that Python's tomllib (what Blender 4.2+ reads it with) parses, naming bl_info's version", () => {
    const { manifest, bl_info_version: blInfoVersion } = results.steps.manifest;
    expect(manifest).toMatchObject({
      id: 'polyforge_blender',
      version: blInfoVersion,
      type: 'add-on',
      blender_version_min: '4.2.0',
    });
    expect(Object.keys(manifest.permissions).sort()).toEqual(['files', 'network']);
  });

  it("respects Blender 4.2's online-access setting for remote deployments, never for loopback", () => {
    const rules = results.steps.online_access;
    expect(rules.blender_has_setting).toBe(false); // 3.4: the add-on reads (allowed, not forced) instead
    expect(rules.read_here).toEqual([true, false]);
    expect(rules.offline['https://polyforge.example.com']).toMatch(/Online access is off.*polyforge\.example\.com/);
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:9000', 'http://[::1]:8080'])
      expect(rules.offline[url]).toBeNull();
    expect(rules.forced_offline).toMatch(/--offline-mode/);
    expect(Object.values(rules.online)).toEqual([null, null, null, null]);
  });

  it("finds its preferences under an extension's module name (bl_ext.user_default.polyforge_blender) and works", () => {
    expect(results.steps.as_extension).toEqual({
      package: 'bl_ext.user_default.polyforge_blender',
      preferences_id: 'bl_ext.user_default.polyforge_blender',
      found_preferences: true,
      balance: 440,
      at_seconds: expect.any(Number),
    });
  });

  it("shows a bad key, no credits and no key as errors in Blender's report area, with the platform's message", () => {
    const badKey = results.steps.bad_key.message;
    expect(badKey.level).toBe('ERROR');
    expect(badKey.text).toMatch(/^Balance: Polyforge error 1002: Authentication failed/);
    const noCredits = results.steps.no_credits;
    expect(noCredits).toMatchObject({ state: 'failed', spent: 0, prices: [{ credits: 20, balance: 0 }] });
    expect(noCredits.message.text).toMatch(/Polyforge error 2010: You don't have enough credits/);
    expect(results.steps.no_key.error).toMatch(/Set the deployment URL and API key/);
    // Blender itself printed them as reports (headless Blender prints reports instead of drawing a status bar).
    expect(output).toContain(`Error: ${badKey.text}`);
    expect(output).toContain(`Error: ${noCredits.message.text}`);
  });
});
