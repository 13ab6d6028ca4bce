// End to end in a real browser (Debian's Chromium through playwright-core): sign up, create a key, import a model
// in Studio and see it in the 3D viewer, buy Studio credits through Stripe (a local fake that sends the real signed
// webhook), run a paid Studio task, find it with its credits in history, and an admin lowers a concurrency limit
// that the API then enforces. Each page is screenshotted into test-artifacts/screenshots/ and checked for
// labels, keyboard reachability and layout on a phone-sized screen.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebAccounts } from '../../src/accounts/web-accounts.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { fakeStripeEnvironment, startFakeStripe, type FakeStripe } from './fake-stripe-server.ts';
import { uniqueEmail } from './web-client.ts';

const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test-artifacts/screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'a long browser passphrase';

describe('dashboard and Studio in a real browser', () => {
  let harness: TestPlatform;
  let stripe: FakeStripe;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const email = uniqueEmail('browser');
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
    stripe = await startFakeStripe();
    harness = await startTestPlatform({ environment: fakeStripeEnvironment(stripe) });
    stripe.webhookUrl = `${harness.baseUrl}/webhooks/stripe`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await stripe?.close();
  });

  const navigate = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  const shoot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  /** Every form control has a label, every button and link a name, every image an alt; one h1; lang set. */
  async function expectAccessibleBasics() {
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      const visible = (element: Element) => !(element as HTMLElement).closest('[hidden]') && (element as HTMLElement).getClientRects().length > 0;
      for (const control of document.querySelectorAll<HTMLInputElement>('input:not([type="hidden"]), select, textarea')) {
        if (!visible(control)) continue;
        const named = control.labels?.length || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
        if (!named) found.push(`unlabelled ${control.tagName.toLowerCase()}#${control.id || control.name}`);
      }
      for (const element of document.querySelectorAll('button, a[href]')) {
        if (visible(element) && !(element.textContent?.trim() || element.getAttribute('aria-label'))) found.push(`nameless ${element.outerHTML.slice(0, 60)}`);
      }
      for (const image of document.querySelectorAll('img')) if (!image.hasAttribute('alt')) found.push(`image without alt ${image.src}`);
      if (document.querySelectorAll('h1').length !== 1) found.push('not exactly one h1');
      if (!document.documentElement.lang) found.push('no lang on <html>');
      return found;
    });
    expect(problems).toEqual([]);
  }

  /** Tabs from the top of the page until `target` has focus; fails if it cannot be reached. */
  async function expectReachableByKeyboard(target: string, maxTabs = 40) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    for (let presses = 0; presses < maxTabs; presses += 1) {
      if (await page.evaluate((selector) => document.activeElement === document.querySelector(selector), target)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${target} is not reachable with the Tab key`);
  }

  async function waitForViewer(selector = '[data-testid="model-viewer"]') {
    await page.waitForFunction((viewer) => ['ready', 'error'].includes(document.querySelector<HTMLElement>(viewer)?.dataset.state ?? ''), selector, { timeout: 30_000 });
    expect(await page.getAttribute(selector, 'data-state')).toBe('ready');
    return Number(await page.getAttribute(selector, 'data-triangles'));
  }

  it('takes a new user from sign-up to a model in the 3D viewer, a purchase and the history', async () => {
    await page.goto(`${harness.baseUrl}/dashboard/signup`);
    await expectAccessibleBasics();
    await shoot('01-signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.textContent('[data-testid="new-api-key"]')).toMatch(/^tsk_/);
    await shoot('02-welcome');

    await navigate('API keys');
    await page.getByLabel('Name').fill('browser test');
    await page.getByRole('button', { name: 'Create key' }).click();
    const apiKey = (await page.textContent('[data-testid="new-api-key"]'))!.trim();
    expect(apiKey).toMatch(/^tsk_/);
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);
    await expectAccessibleBasics();
    await shoot('03-keys');
    expect((await apiClient(harness.baseUrl, apiKey).balance()).body.data).toEqual({ balance: 300, frozen: 0 });

    // Studio: import a GLB (free), watch it queue, then run, then appear in the viewer
    await navigate('Studio');
    await expectAccessibleBasics();
    // the radio group is one tab stop; arrow keys choose within it
    await expectReachableByKeyboard('input[name="start"]:checked');
    await shoot('04-studio-empty');
    for (let presses = 0; presses < 3 && !(await page.isChecked('#start-import_model')); presses += 1) await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#start-import_model')).toBe(true);
    await page.setInputFiles('#studio-model-file', { name: 'cube.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from(await texturedCubeGlb()) });
    await expect.poll(() => page.textContent('[data-role="create-price"]')).toBe('Free.');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => page.textContent('[data-role="current-status"]')).toMatch(/queued/);
    await shoot('05-studio-queued');
    await harness.drainQueue();
    expect(await waitForViewer()).toBe(12);
    const importTaskId = new URL(page.url()).searchParams.get('task')!;
    await shoot('06-studio-model');

    // a paid next step with an empty Studio wallet: a clear error, nothing charged
    await expect.poll(() => page.locator('form[data-action="convert_model"] [data-role="action-price"]').textContent()).toBe('Costs 5 Studio credits.');
    await page.locator('form[data-action="convert_model"] button').click();
    await expect.poll(() => page.locator('form[data-action="convert_model"] [data-role="action-price"]').textContent()).toContain("don't have enough credits");

    // buy Studio credits: Stripe's page (the fake) sends the signed webhook and returns to the success URL
    await page.getByRole('link', { name: 'Buy Studio credits' }).click();
    await page.getByLabel('Amount in US dollars').fill('1');
    await page.getByRole('button', { name: 'Buy Studio credits with Stripe' }).click();
    await page.waitForURL(/\/studio\/credits\?checkout=success/);
    expect(await page.textContent('[data-testid="balance"]')).toBe('100');
    await expectAccessibleBasics();
    await shoot('07-studio-credits');

    await page.goto(`${harness.baseUrl}/studio?task=${importTaskId}`);
    await waitForViewer();
    await page.selectOption('#convert-format', 'GLB');
    await expect.poll(() => page.locator('form[data-action="convert_model"] [data-role="action-price"]').textContent()).toBe('Costs 5 Studio credits.');
    await page.locator('form[data-action="convert_model"] button').click();
    await expect.poll(() => page.textContent('[data-role="current-title"]')).toBe('convert model');
    await harness.drainQueue();
    expect(await waitForViewer()).toBe(12);
    await expect.poll(() => page.textContent('[data-testid="studio-balance"]')).toBe('95');
    const convertTaskId = new URL(page.url()).searchParams.get('task')!;
    expect(convertTaskId).not.toBe(importTaskId);

    // history: both tasks, the Studio mark and the 5 credits; the task page with its own viewer
    await navigate('History');
    const convertRow = page.locator('tr', { has: page.locator(`a[href="/dashboard/tasks/${convertTaskId}"]`) });
    await expect.poll(() => convertRow.textContent()).toMatch(/convert model.*success.*5.*Studio/s);
    expect(await page.locator('[data-testid="usage-chart"]').count()).toBe(1);
    await expectAccessibleBasics();
    await shoot('08-history');
    await page.locator(`a[href="/dashboard/tasks/${convertTaskId}"]`).click();
    expect(await waitForViewer()).toBe(12);
    expect(await page.textContent('[data-testid="charged-credits"]')).toBe('5 credits');
    await expectAccessibleBasics();
    await shoot('09-task');

    await navigate('Billing');
    expect(await page.textContent('[data-testid="balance"]')).toBe('300');
    await shoot('10-billing');

    // on a phone-sized screen nothing runs off the side
    await page.setViewportSize({ width: 390, height: 844 });
    for (const pathName of ['/dashboard', '/studio', '/dashboard/history']) {
      await page.goto(harness.baseUrl + pathName);
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => !element.closest('.table-wrap') && element.getBoundingClientRect().right > window.innerWidth + 1)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
      );
      expect(overflowing, pathName).toEqual([]);
    }
    await shoot('11-history-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
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
    await expect.poll(() => page.textContent('.flash')).toContain('Concurrency limit saved');
    await expectAccessibleBasics();
    await shoot('12-admin-account');

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
    await expectAccessibleBasics();
    await shoot('13-login');
    await expectReachableByKeyboard('#email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${harness.baseUrl}/dashboard`);
    expect(await page.textContent('[data-testid="studio-balance"]')).toBe('95');
    expect(consoleErrors.filter((message) => !/status of 403|status of 401/.test(message))).toEqual([]);
  });
});
