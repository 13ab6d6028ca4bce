// The add-on in Blender with a window (Xvfb, where installed): Blender's own timer loop runs the jobs, the sidebar
// draws without errors, and a platform error lands in Blender's report list (what the status bar and Info show).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../packages/server/test/harness/start-test-platform.ts';
import { hasBlender, hasXvfb, runBlenderCheck, type BlenderCheckRun } from './run-blender-check.ts';

interface UiResults {
  exception?: string;
  pump_registered: boolean;
  timer_registered_at_end: boolean;
  reports_after_bad_key: string;
  reports_final: string;
  prices: Array<{ step: string; credits: number; balance: number }>;
  statuses: string[];
  job: { state: string; status: string };
  imported: number;
}

describe.skipIf(!hasBlender || !hasXvfb)('Blender add-on with a window (Xvfb)', () => {
  let platform: TestPlatform;
  let scratch: string;
  let run: BlenderCheckRun<UiResults>;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: true });
    scratch = await mkdtemp(join(tmpdir(), 'polyforge-blender-ui-test-'));
    const account = await platform.createAccount({ credits: 100 });
    run = await runBlenderCheck<UiResults>({
      script: './blender_ui_check.py',
      scratch,
      withWindow: true,
      config: { base_url: platform.baseUrl, api_key: account.apiKey, prompt: 'a wooden chair' },
    });
  }, 180_000);
  afterAll(async () => {
    await platform?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("runs jobs from its own timer, draws its panels and shows errors in Blender's report list", () => {
    expect(run.results.exception, run.output.slice(-4000)).toBeUndefined();
    expect(run.output).not.toMatch(/Traceback/);
    expect(run.results.pump_registered).toBe(true);
    expect(run.results.reports_after_bad_key).toMatch(/^Balance: Polyforge error 1002: Authentication failed/m);
    expect(run.results.prices).toEqual([{ step: 'Text to model', credits: 20, balance: 100 }]);
    expect(run.results.job.state).toBe('done');
    expect(run.results.imported).toBeGreaterThanOrEqual(1);
    expect(run.results.reports_final).toMatch(
      /^Text to model: imported 1 object, \d+ materials? from task [0-9a-f-]+ \(20 credits\)$/m,
    );
    // With nothing left to do, the add-on's timer has unregistered itself.
    expect(run.results.timer_registered_at_end).toBe(false);
  });
});
