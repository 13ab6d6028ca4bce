// Studio's own free trial: the operator's amount and expiry, granted to the Studio wallet at sign-up, enough to
// make a first model with no operator action; shown on the pages, spent before it expires, and off at 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studioTrialGrant } from '../../src/billing/studio-trial.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

const DAY_MS = 24 * 3600 * 1000;

describe('Studio free trial', () => {
  const clock = new ManualClock(Date.UTC(2026, 11, 6, 9));
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({
      clock,
      environment: { POLYFORGE_STUDIO_TRIAL_CREDITS: '120', POLYFORGE_STUDIO_TRIAL_DAYS: '3' },
    });
  });
  afterAll(() => harness.close());

  const balances = async (accountId: string) => ({
    api: await harness.platform.ledger.balance(harness.platform.db, accountId, 'api'),
    studio: await harness.platform.ledger.balance(harness.platform.db, accountId, 'studio'),
  });
  const accountIdOf = async (email: string) =>
    (await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow())
      .id;

  it('gives a new account the operator-set Studio trial, says so, and a first model needs nobody else', async () => {
    const browser = new WebClient(harness.baseUrl);
    expect((await browser.get('/dashboard/signup')).text).toContain(
      '<strong>120 free Studio credits</strong> for 3 days',
    );
    const email = uniqueEmail('trial');
    const { response } = await browser.signUp(email);
    expect(response.text).toContain('Make your first model');
    expect(response.text).toMatch(/<a class="button" href="\/studio">Open Studio<\/a>/);
    const accountId = await accountIdOf(email);
    expect(await balances(accountId)).toEqual({
      api: { balance: 300, frozen: 0 },
      studio: { balance: 120, frozen: 0 },
    });
    const studioGrants = await harness.platform.ledger.listGrants(harness.platform.db, accountId, 'studio');
    expect(studioGrants).toMatchObject([
      { source: 'trial', creditsGranted: 120, expiresAt: clock.nowMs() + 3 * DAY_MS },
    ]);

    const overview = await browser.get('/dashboard');
    expect(overview.text).toMatch(
      /data-testid="studio-trial">Free trial: 120 of 120 credits left,\s*ends 2026-12-09 09:00 UTC \(in 3 days\)/,
    );
    expect(overview.text).toMatch(
      /data-testid="api-trial">Free trial: 300 of 300 credits left,\s*ends 2026-12-20 09:00 UTC \(in 14 days\)/,
    );
    expect((await browser.get('/studio')).text).toContain('Free trial: 120 of 120 credits left');

    // the first model, as Studio's page makes it: quote, create, run
    const quote = await browser.postJson('/studio/api/quote', {
      type: 'text_to_model',
      prompt: 'a small wooden chair',
    });
    expect(JSON.parse(quote.text).data).toMatchObject({ credits: 20, available: true });
    const created = await browser.postJson('/studio/api/tasks', {
      type: 'text_to_model',
      prompt: 'a small wooden chair',
    });
    expect(created.status).toBe(200);
    const taskId = JSON.parse(created.text).data.task_id;
    await harness.drainQueue();
    const model = await browser.get(`/studio/models/${taskId}`);
    expect(model.status).toBe(200);
    expect(model.text).toContain('data-testid="model-viewer"');
    expect(await balances(accountId)).toEqual({
      api: { balance: 300, frozen: 0 },
      studio: { balance: 100, frozen: 0 },
    });
    expect((await browser.get('/studio')).text).toContain('Free trial: 100 of 120 credits left');
  });

  it('lets the trial lapse after its days: the credits are gone, the pages say so and point to the top-up', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('lapsed');
    await browser.signUp(email);
    clock.advanceSeconds(3 * 24 * 3600 + 1);
    expect((await balances(await accountIdOf(email))).studio).toEqual({ balance: 0, frozen: 0 });
    expect((await browser.get('/dashboard')).text).toMatch(
      /data-testid="studio-trial">Your free trial ended 2026-12-\d\d \d\d:\d\d UTC/,
    );
    const studio = await browser.get('/studio');
    expect(studio.text).toContain('href="/studio/credits">Top up Studio credits</a>');
    const refused = await browser.postJson('/studio/api/tasks', {
      type: 'text_to_model',
      prompt: 'a small wooden chair',
    });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({
      code: 2010,
      message: expect.stringContaining("studio wallet's balance is 0"),
    });
    expect((await browser.get('/studio/credits')).text).toContain('Free trial');
  });

  it('is off when the operator sets 0 credits, and bad settings fail at boot naming the setting', async () => {
    const off = await startTestPlatform({ environment: { POLYFORGE_STUDIO_TRIAL_CREDITS: '0' } });
    try {
      const browser = new WebClient(off.baseUrl);
      expect((await browser.get('/dashboard/signup')).text).not.toContain('Studio credits');
      const email = uniqueEmail('no-trial');
      const { response } = await browser.signUp(email);
      expect(response.text).not.toContain('Make your first model');
      const accountId = (
        await off.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
      ).id;
      expect(await off.platform.ledger.listGrants(off.platform.db, accountId, 'studio')).toEqual([]);
    } finally {
      await off.close();
    }
    expect(() => loadConfig({ POLYFORGE_STUDIO_TRIAL_CREDITS: '-5' })).toThrow(/POLYFORGE_STUDIO_TRIAL_CREDITS/);
    expect(() => loadConfig({ POLYFORGE_STUDIO_TRIAL_DAYS: '0' })).toThrow(/POLYFORGE_STUDIO_TRIAL_DAYS/);
    expect(loadConfig({}).dashboard.studioTrial).toEqual({ credits: 300, days: 14 });
    expect(studioTrialGrant({ credits: 0, days: 14 }, 'account', 0)).toBeUndefined();
    expect(studioTrialGrant({ credits: 50, days: 1 }, 'account', 1000)).toMatchObject({
      wallet: 'studio',
      source: 'trial',
      credits: 50,
      expiresAt: 1000 + DAY_MS,
    });
  });
});
