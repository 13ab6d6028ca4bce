// Every dashboard and Studio page in a real browser: the keys page's post/redirect/get, copy and confirmation; the
// task page following a queued task live before anything heavy loads; each page at 390 px without sideways
// scrolling and axe-clean; page-weight budgets; and screenshots at 1440 and 390 px against stored baselines.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebAccounts } from '../../src/accounts/web-accounts.ts';
import { staticAssets } from '../../src/web/static-assets.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import {
  DESKTOP,
  expectAxeClean,
  expectMatchesBaseline,
  expectNoSidewaysScroll,
  launchBrowser,
  measurePageWeight,
  newBrowserContext,
  PHONE,
  poll,
  signUpInPage,
  waitForViewer,
} from './browser-harness.ts';

const KIB = 1024;

describe('dashboard pages in a real browser', () => {
  // a fixed clock: dates on the pages (and so the screenshots) are the same on every run
  const clock = new ManualClock(Date.UTC(2026, 11, 6, 9));
  let harness: TestPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  let accountId: string;
  let apiKey: string;
  let modelId: string;

  beforeAll(async () => {
    harness = await startTestPlatform({ clock });
    browser = await launchBrowser();
    ({ context, page, consoleErrors } = await newBrowserContext(browser));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.baseUrl });
    const email = 'pages@test.local';
    await signUpInPage(page, harness.baseUrl, email);
    apiKey = (await page.textContent('[data-testid="new-api-key"]'))!.trim();
    const webAccounts = new WebAccounts(harness.platform.db, harness.platform.onboarding);
    accountId = (await webAccounts.findAccount(email)).id;
    await webAccounts.setAdmin(accountId, true);
    // one Studio model, made as Studio makes it
    await page.goto(`${harness.baseUrl}/studio`);
    await page.getByLabel('Describe the model').fill('a small ceramic teapot');
    await page.waitForFunction(
      () => document.querySelector('[data-role="create-price"]')?.textContent === '20 Studio credits.',
      null,
      { timeout: 30_000 },
    );
    await page.getByRole('button', { name: 'Create model' }).click();
    await page.waitForURL(/\/studio\/models\//);
    modelId = page.url().split('/').at(-1)!;
    await harness.drainQueue();
    await waitForViewer(page);
    await (
      await staticAssets()
    ).compressed; // the weights below are brotli's
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const keyCount = async () => (await harness.platform.accounts.listApiKeys(accountId)).length;

  it('shows a new key once with a copy button; a refresh neither shows it again nor makes another; revoking asks first', async () => {
    await page.goto(`${harness.baseUrl}/dashboard/keys`);
    const before = await keyCount();
    await page.getByLabel('Name').fill('laptop');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.waitForURL(/\/dashboard\/keys\?created=/);
    const key = (await page.textContent('[data-testid="new-api-key"]'))!.trim();
    expect(key).toMatch(/^tsk_/);
    await page.getByRole('button', { name: 'Copy key' }).click();
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    expect(await page.textContent('[role="status"][data-copy-status-for="new-api-key"]')).toBe(
      'Copied to the clipboard.',
    );
    await expectAxeClean(page, 'keys with a new key');
    expect(await keyCount()).toBe(before + 1);

    await page.reload();
    expect(await page.locator('[data-testid="new-api-key"]').count()).toBe(0);
    expect(await page.textContent('.flash')).toContain('was shown once and cannot be shown again');
    expect(await keyCount()).toBe(before + 1);

    await page.getByRole('link', { name: /^Revoke key laptop/ }).click();
    await page.waitForURL(/\/revoke$/);
    await expectAxeClean(page, 'revoke confirmation');
    await page.getByRole('link', { name: 'Keep the key' }).click();
    expect((await apiClient(harness.baseUrl, key).balance()).status).toBe(200);
    await page.getByRole('link', { name: /^Revoke key laptop/ }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await page.waitForURL(/\?revoked=/);
    expect(await page.textContent('.flash')).toContain('“laptop” is revoked');
    await page.reload(); // nothing to repeat: the revoke was a POST answered with a redirect
    expect((await apiClient(harness.baseUrl, key).balance()).status).toBe(401);
  });

  it('follows a queued task live on its page, and loads the 3D viewer only when there is a model', async () => {
    const api = apiClient(harness.baseUrl, apiKey);
    const upload = await api.upload(await texturedCubeGlb(), 'cube.glb');
    const taskId = (
      await api.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    const requests: string[] = [];
    const record = (request: { url(): string }) => requests.push(new URL(request.url()).pathname);
    page.on('request', record);
    await page.goto(`${harness.baseUrl}/dashboard/tasks/${taskId}`);
    await page.waitForSelector('#task-summary[data-live="open"]');
    expect(requests.filter((path) => path.startsWith('/dashboard/assets/'))).toEqual([
      expect.stringMatching(/app-\w+\.css$/),
      expect.stringMatching(/task-page-\w+\.js$/),
    ]);
    expect(requests).toContain(`/dashboard/api/tasks/${taskId}/events`);
    expect(await page.textContent('[data-live="status"]')).toMatch(/^queued/);

    // a worker reports progress: the page shows it without a reload
    await harness.platform.db
      .updateTable('tasks')
      .set({ status: 'running', progress: 40 })
      .where('id', '=', taskId)
      .execute();
    await poll(() => page.textContent('[data-live="status"]')).toBe('running');
    expect(await page.textContent('[data-live="progress-text"]')).toBe('40%');
    await harness.platform.db
      .updateTable('tasks')
      .set({ status: 'queued', progress: 0 })
      .where('id', '=', taskId)
      .execute();
    requests.length = 0;
    await harness.drainQueue();
    expect(await waitForViewer(page)).toBe(12);
    page.off('request', record);
    expect(requests.some((path) => /\/dashboard\/assets\/chunk-\w+\.js$/.test(path))).toBe(true);
  });

  it('fits every page on a 390 px screen, and every page is axe-clean', async () => {
    const pages = [
      '/dashboard',
      '/dashboard/keys',
      '/dashboard/billing',
      '/studio/credits',
      '/dashboard/history',
      `/dashboard/tasks/${modelId}`,
      '/studio',
      `/studio/models/${modelId}`,
      '/dashboard/admin',
      `/dashboard/admin/accounts/${accountId}`,
    ];
    await page.setViewportSize(PHONE);
    try {
      for (const path of pages) {
        await page.goto(harness.baseUrl + path);
        if (path.includes('/models/') || path.includes('/tasks/')) await waitForViewer(page);
        await expectNoSidewaysScroll(page, path);
        await expectAxeClean(page, `${path} at 390 px`);
      }
      const visitor = await browser.newContext({ viewport: PHONE });
      const anonymous = await visitor.newPage();
      for (const path of ['/dashboard/login', '/dashboard/signup']) {
        await anonymous.goto(harness.baseUrl + path);
        await expectNoSidewaysScroll(anonymous, path);
        await expectAxeClean(anonymous, `${path} at 390 px`);
      }
      await visitor.close();
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });

  it('keeps each page within its weight budget (bytes over the wire, compressed, with an empty cache)', async () => {
    const state = await context.storageState();
    const budgets: { path: string; code: number; total: number; settle?: (page: Page) => Promise<unknown> }[] = [
      { path: '/dashboard', code: 20 * KIB, total: 40 * KIB },
      { path: '/dashboard/history', code: 25 * KIB, total: 50 * KIB },
      { path: '/studio', code: 25 * KIB, total: 50 * KIB },
      // the viewer: three.js in one lazy chunk, the loader, the model itself
      { path: `/studio/models/${modelId}`, code: 200 * KIB, total: 300 * KIB, settle: waitForViewer },
      { path: `/dashboard/tasks/${modelId}`, code: 200 * KIB, total: 300 * KIB, settle: waitForViewer },
    ];
    const figures: string[] = [];
    for (const budget of budgets) {
      const weight = await measurePageWeight(browser, state, harness.baseUrl + budget.path, budget.settle);
      const code = weight.documentBytes + weight.scriptBytes + weight.styleBytes;
      figures.push(
        `${budget.path.replace(/[0-9a-f-]{36}/, ':id')}: html+css+js ${(code / KIB).toFixed(1)} KiB, all ${(weight.totalBytes / KIB).toFixed(1)} KiB, ${weight.scripts.length} scripts`,
      );
      expect(code, `${budget.path}: HTML, CSS and scripts`).toBeLessThanOrEqual(budget.code);
      expect(weight.totalBytes, `${budget.path}: everything`).toBeLessThanOrEqual(budget.total);
    }
    const anonymous = await measurePageWeight(
      browser,
      { cookies: [], origins: [] },
      `${harness.baseUrl}/dashboard/login`,
    );
    figures.push(
      `/dashboard/login: all ${(anonymous.totalBytes / KIB).toFixed(1)} KiB, ${anonymous.scripts.length} scripts`,
    );
    expect(anonymous.scripts).toEqual([]);
    expect(anonymous.totalBytes).toBeLessThanOrEqual(10 * KIB);
    console.info(`page weights:\n${figures.join('\n')}`);
  });

  it('looks like its baselines at 1440 and 390 px', async () => {
    const visitor = await browser.newContext({ viewport: DESKTOP });
    const anonymous = await visitor.newPage();
    await anonymous.goto(`${harness.baseUrl}/dashboard/login`);
    await expectMatchesBaseline(anonymous, 'login-1440');
    await anonymous.setViewportSize(PHONE);
    await expectMatchesBaseline(anonymous, 'login-390');
    await visitor.close();

    // the e-mail is the same each run; the 3D view is masked (software rendering may differ between machines)
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(`${harness.baseUrl}/studio`);
      await poll(() => page.textContent('[data-role="create-price"]')).toBe('Describe a model to see its price.');
      await expectMatchesBaseline(page, `studio-${viewport.width}`);
      await page.goto(`${harness.baseUrl}/studio/models/${modelId}`);
      await waitForViewer(page);
      await expectMatchesBaseline(page, `model-${viewport.width}`, { mask: [page.locator('.viewer')] });
    }
    await page.setViewportSize(DESKTOP);
    expect(consoleErrors.filter((message) => !/status of 4\d\d/.test(message))).toEqual([]);
  });
});
