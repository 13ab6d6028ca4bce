// The operator's reckoning: each provider call recorded with its task (provider, model, its task id, outcome,
// cost), and the per-day report of provider cost against credits earned, from `polyforge providers costs` and the
// admin page; /dashboard/models lists the deployment's model names with their prices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebAccounts } from '../../src/accounts/web-accounts.ts';
import { runCliProcess } from '../harness/run-cli-process.ts';
import { uniqueEmail, WebClient } from '../web/web-client.ts';
import { newClient, runTask, startProviderTestBed, uploadedImage, type ProviderTestBed } from './provider-test-kit.ts';

describe('provider cost against credits earned', () => {
  let bed: ProviderTestBed;
  beforeAll(async () => {
    bed = await startProviderTestBed({
      providers: ['fal', 'replicate'],
      prices: { provider_costs: { fal: { usd_per_task: 0.05 }, replicate: { usd_per_unit: 0.002 } } },
    });
    const client = await newClient(bed);
    const file = await uploadedImage(client);
    // one task served by fal, one that fails over from fal to Replicate (12.5 s of compute at $0.002)
    expect((await runTask(bed, client, { type: 'image_to_model', file, model_version: 'trellis' })).status).toBe(
      'success',
    );
    bed.fakes.fal.script({ task: 'failed' });
    expect((await runTask(bed, client, { type: 'image_to_model', file, model_version: 'trellis' })).status).toBe(
      'success',
    );
  });
  afterAll(() => bed.close());

  const today = new Date().toISOString().slice(0, 10);
  const expectedRows = [
    {
      day: today,
      provider: 'fal',
      tasks_served: 1,
      failed_calls: 1,
      skipped_calls: 0,
      provider_cost_usd: 0.05,
      calls_without_cost: 1,
      credits_earned: 30,
      credits_earned_usd: 0.3,
      margin_usd: 0.25,
    },
    {
      day: today,
      provider: 'replicate',
      tasks_served: 1,
      failed_calls: 0,
      skipped_calls: 0,
      provider_cost_usd: 0.03,
      calls_without_cost: 0,
      credits_earned: 30,
      credits_earned_usd: 0.3,
      margin_usd: 0.27,
    },
  ];

  it("records every call with the provider's task id", async () => {
    const calls = await bed.harness.platform.db.selectFrom('providerCalls').selectAll().orderBy('startedAt').execute();
    expect(calls.map((call) => [call.provider, call.providerModel, call.outcome, call.failureKind])).toEqual([
      ['fal', 'fal-ai/trellis', 'success', null],
      ['fal', 'fal-ai/trellis', 'failed', 'task_failed'],
      ['replicate', 'firtoz/trellis', 'success', null],
    ]);
    expect(calls.every((call) => typeof call.providerTaskId === 'string' && call.providerTaskId.length > 10)).toBe(
      true,
    );
  });

  it('`polyforge providers costs --json` reports cost against credits earned per day', async () => {
    const config = bed.harness.platform.config;
    const databaseUrl =
      config.database.kind === 'postgres' ? config.database.url : `sqlite:${config.database.filePath}`;
    const result = await runCliProcess(['providers', 'costs', '--days', '2', '--json'], {
      env: {
        ...process.env,
        POLYFORGE_DATA_DIR: bed.harness.dataDir,
        DATABASE_URL: databaseUrl,
        POLYFORGE_LOG_LEVEL: 'warn',
      },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').pop()!)).toEqual({ days: 2, rows: expectedRows });
  });

  it('shows the same report and the provider state on the admin page, and the prices to every account', async () => {
    const browser = new WebClient(bed.harness.baseUrl);
    const email = uniqueEmail('operator');
    await browser.signUp(email);
    expect((await browser.request('GET', '/dashboard/admin/provider-costs')).status).toBe(403);
    const webAccounts = new WebAccounts(bed.harness.platform.db, bed.harness.platform.onboarding);
    await webAccounts.setAdmin((await webAccounts.findAccount(email)).id, true);
    const page = await browser.request('GET', '/dashboard/admin/provider-costs');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-testid="cost-${today}-fal">$0.05<`);
    expect(page.text).toContain(`data-testid="cost-${today}-replicate">$0.03<`);
    expect(page.text).toMatch(/data-testid="provider-state-fal">ok</);
    expect((await browser.request('GET', '/dashboard/admin')).text).toContain('href="/dashboard/admin/provider-costs"');
    const models = await browser.request('GET', '/dashboard/models');
    expect(models.text).toContain('data-testid="price-trellis-image_to_model">30<');
    expect(models.text).toContain('data-testid="price-hunyuan3d-2.1-image_to_model">40<');
  });
});
