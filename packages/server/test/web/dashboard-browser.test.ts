// A new user end to end in a real browser (Debian's Chromium through playwright-core): sign up, go to Studio and
// make a first model with nobody's help, chain next steps on it, top up Studio credits through Stripe (a local fake
// that sends the real signed webhook), find the models in the history, and an admin lowers a concurrency limit that
// the API enforces. Every page is checked with axe-core on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebAccounts } from '../../src/accounts/web-accounts.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { expectAxeClean, launchBrowser, newBrowserContext, poll, waitForViewer } from './browser-harness.ts';
import { fakeStripeEnvironment, startFakeStripe, type FakeStripe } from './fake-stripe-server.ts';
import { uniqueEmail } from './web-client.ts';

const PASSWORD = 'a long browser passphrase';

describe('a new user in a real browser', () => {
  let harness: TestPlatform;
  let stripe: FakeStripe;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  let firstModelUrl: string;
  const email = uniqueEmail('browser');

  beforeAll(async () => {
    stripe = await startFakeStripe();
    harness = await startTestPlatform({ environment: fakeStripeEnvironment(stripe) });
    stripe.webhookUrl = `${harness.baseUrl}/webhooks/stripe`;
    browser = await launchBrowser();
    ({ context, page, consoleErrors } = await newBrowserContext(browser));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.baseUrl });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await stripe?.close();
  });

  const navigate = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  const studioBalance = () => page.textContent('[data-testid="studio-balance"]');
  const card = (type: string) => page.locator(`.action-card[data-action="${type}"]`);

  it('signs up, opens Studio from the welcome page and makes a first model with nobody else involved', async () => {
    await page.goto(`${harness.baseUrl}/dashboard/signup`);
    await expectAxeClean(page, 'sign-up');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    const apiKey = (await page.textContent('[data-testid="new-api-key"]'))!.trim();
    expect(apiKey).toMatch(/^tsk_/);
    await page.getByRole('button', { name: 'Copy key' }).click();
    await poll(() => page.textContent('[data-copy-status-for="welcome-api-key"]')).toBe('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
    await expectAxeClean(page, 'welcome');

    await page.getByRole('link', { name: 'Open Studio' }).click();
    await page.waitForURL(`${harness.baseUrl}/studio`);
    expect(await studioBalance()).toBe('300');
    expect(await page.textContent('[data-testid="studio-trial"]')).toMatch(/Free trial: 300 of 300 credits left/);
    await expectAxeClean(page, 'Studio, empty');
    await page.getByLabel('Describe the model').fill('a small ceramic teapot');
    await poll(() => page.textContent('[data-role="create-price"]')).toBe('20 Studio credits.');
    await page.getByRole('button', { name: 'Create model' }).click();
    await page.waitForURL(/\/studio\/models\/[0-9a-f-]{36}$/);
    firstModelUrl = page.url();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('a small ceramic teapot');
    await page.waitForSelector('#model-summary[data-live="open"]');
    expect(await page.textContent('[data-live="status"]')).toMatch(/queued/);
    await expectAxeClean(page, 'model in the queue');

    // the worker runs it; the page, subscribed, reloads by itself into the finished model
    await harness.drainQueue();
    expect(await waitForViewer(page)).toBeGreaterThan(100);
    expect(await studioBalance()).toBe('280');
    expect(await page.getAttribute('a.button[download]', 'href')).toMatch(/\/download\/pbr_model$/);
    await expectAxeClean(page, 'finished model');
  });

  it("chains next steps: a convert, then a low-poly of its source, with the server's limits and no stale errors", async () => {
    expect(await card('convert_model').locator('select').inputValue()).toBe('OBJ');
    await poll(() => card('convert_model').locator('[data-role="action-price"]').textContent()).toBe(
      '5 Studio credits.',
    );
    await card('convert_model').getByRole('button', { name: 'Convert' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/studio/models/') && url.href !== firstModelUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Converted to OBJ');
    await harness.drainQueue();
    await page.waitForSelector('text=showing the model it was made from');
    await waitForViewer(page);
    expect(await studioBalance()).toBe('275');

    // the OBJ cannot be simplified itself: the step applies to the teapot, one click away
    const lowPoly = card('highpoly_to_lowpoly');
    expect(await lowPoly.textContent()).toContain('Applies to a small ceramic teapot');
    const faces = lowPoly.getByLabel('Face limit');
    expect([await faces.getAttribute('min'), await faces.getAttribute('max')]).toEqual(['1000', '20000']);
    await faces.fill('500');
    await poll(() => lowPoly.locator('[data-role="action-price"]').textContent()).toBe('Choose 1000 to 20000 faces.');
    expect(await lowPoly.getByRole('button').isDisabled()).toBe(true);
    await faces.fill('2000');
    await poll(() => lowPoly.locator('[data-role="action-price"]').textContent()).toBe('30 Studio credits.');

    // a refused option shows its error in its own card, and the next change clears it
    const texture = card('texture_model');
    await texture.getByLabel('Describe the look (optional)').fill('fucking ugly bronze');
    await poll(() => texture.locator('[data-role="action-error"]').isVisible()).toBe(true);
    await texture.getByLabel('Describe the look (optional)').fill('weathered bronze');
    await poll(() => texture.locator('[data-role="action-error"]').isVisible()).toBe(false);
    await poll(() => texture.locator('[data-role="action-price"]').textContent()).toBe('10 Studio credits.');

    await lowPoly.getByRole('button', { name: 'Low poly' }).click();
    await page.waitForURL(/\/studio\/models\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Low-poly, 2000 faces');
    await harness.drainQueue();
    expect(await waitForViewer(page)).toBeLessThanOrEqual(2000);
    expect(await studioBalance()).toBe('245');
    expect(await page.locator('.breadcrumbs').textContent()).toContain('made from a small ceramic teapot');
  });

  it('tops up Studio credits through Stripe from Studio', async () => {
    await navigate('Studio');
    await page.getByRole('link', { name: 'Top up Studio credits' }).click();
    await page.getByLabel('Amount in US dollars').fill('1');
    await page.getByRole('button', { name: 'Buy Studio credits with Stripe' }).click();
    await page.waitForURL(/\/studio\/credits\?checkout=success/);
    expect(await page.textContent('[data-testid="balance"]')).toBe('345');
    await expectAxeClean(page, 'Studio credits');
    await navigate('Studio');
    expect(await studioBalance()).toBe('345');
    const cards = page.locator('[data-testid="gallery"] .gallery-card');
    expect(await cards.count()).toBe(3);
    // every model has a thumbnail (the OBJ convert shows its source's), loaded at twice its 128 px for sharp screens
    await poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('.gallery-card img.thumbnail')].map(
          (image) => image.complete && image.naturalWidth,
        ),
      ),
    ).toEqual([256, 256, 256]);
    await expectAxeClean(page, 'Studio gallery');
  });

  it('finds the models in the history by their prompt, with thumbnails, and opens one with its viewer', async () => {
    await navigate('History');
    await page.getByLabel('Search prompts or task id').fill('teapot');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=teapot/);
    expect(await page.textContent('[data-testid="task-count"]')).toBe('1 task, page 1 of 1');
    const row = page.locator('.task-table tbody tr').first();
    expect(await row.textContent()).toMatch(/text to model\s*a small ceramic teapot\s*success\s*20/);
    expect(await row.locator('img.thumbnail').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(256);
    await expectAxeClean(page, 'history');
    await row.getByRole('link').click();
    expect(await waitForViewer(page)).toBeGreaterThan(100);
    expect(await page.textContent('[data-testid="charged-credits"]')).toBe('20 credits');
    await expectAxeClean(page, 'task page');
    await navigate('Billing');
    expect(await page.textContent('[data-testid="balance"]')).toBe('300');
  });

  it('lets an admin lower a concurrency limit that the API enforces at once', async () => {
    const webAccounts = new WebAccounts(harness.platform.db, harness.platform.onboarding);
    await webAccounts.setAdmin((await webAccounts.findAccount(email)).id, true);
    const customer = await harness.createAccount({ credits: 100 });
    const customerEmail = (await harness.platform.accounts.getAccount(customer.accountId)).email;
    const api = apiClient(harness.baseUrl, customer.apiKey);
    const upload = await api.upload(await texturedCubeGlb(), 'cube.glb');
    const body = { type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } };
    expect((await api.createTask(body)).status).toBe(200); // stays queued: no worker runs here

    await page.goto(`${harness.baseUrl}/dashboard/admin`);
    await page.getByLabel('Email contains').fill(customerEmail);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: `Manage ${customerEmail}` }).click();
    await page.getByLabel('Tasks queued or running at once').fill('1');
    await page.getByRole('button', { name: 'Save limit' }).click();
    await poll(() => page.textContent('.flash')).toContain('Concurrency limit saved');
    await expectAxeClean(page, 'admin account');

    const refused = await api.createTask(body);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe(2000);
    await harness.drainQueue();
    expect((await api.createTask(body)).status).toBe(200);
    await harness.drainQueue();
  });

  it('logs out, and logs back in with the keyboard alone', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/dashboard\/login\?signed_out=1/);
    await expectAxeClean(page, 'log-in');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    for (
      let presses = 0;
      presses < 10 && !(await page.evaluate(() => document.activeElement?.id === 'email'));
      presses += 1
    )
      await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${harness.baseUrl}/dashboard`);
    expect(await page.textContent('[data-testid="studio-balance"]')).toBe('345');
    expect(consoleErrors.filter((message) => !/status of 40[013]/.test(message))).toEqual([]);
  });
});
