// Shared parts of the browser tests: Debian's Chromium through playwright-core (one browser per test file, a fresh
// profile each launch), axe-core injected into the page, page-weight accounting, the 390 px overflow check, and
// screenshots compared with stored baselines.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { expect } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Playwright adds --headless and a fresh temporary --user-data-dir itself; these keep the browser off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.resolve(HERE, '../../../../test-artifacts/screenshots');
const BASELINE_DIR = path.join(HERE, 'baselines');
const AXE_SOURCE = fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A context with a desktop viewport that records console errors and uncaught exceptions of its pages. */
export async function newBrowserContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, consoleErrors };
}

/** axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is now; fails listing every violation. */
export async function expectAxeClean(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Elements that run past the right edge of the screen (the page would scroll sideways); scroll regions may hold wide tables. */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const found = [...document.querySelectorAll('body *')]
      .filter(
        (element) =>
          !element.closest('.table-wrap, .code-block') && element.getBoundingClientRect().right > window.innerWidth + 1,
      )
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${String(element.className)} (${Math.round(element.getBoundingClientRect().right)} px)`,
      );
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      found.push(`document is ${document.documentElement.scrollWidth} px wide`);
    return found;
  });
  expect(overflowing, `${label} at ${await page.evaluate(() => window.innerWidth)} px`).toEqual([]);
}

export interface PageWeight {
  /** bytes on the wire (compressed bodies) by kind */
  documentBytes: number;
  scriptBytes: number;
  styleBytes: number;
  imageBytes: number;
  totalBytes: number;
  /** script URLs fetched, in order */
  scripts: string[];
}

/** Loads `url` in a fresh context (empty cache) and adds up what came over the wire until the page settled. */
export async function measurePageWeight(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
  settle: (page: Page) => Promise<unknown> = async () => undefined,
): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: DESKTOP, storageState });
  const page = await context.newPage();
  const finished: Promise<void>[] = [];
  const weight: PageWeight = {
    documentBytes: 0,
    scriptBytes: 0,
    styleBytes: 0,
    imageBytes: 0,
    totalBytes: 0,
    scripts: [],
  };
  page.on('requestfinished', (request) => {
    finished.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        const kind = request.resourceType();
        if (kind === 'document') weight.documentBytes += bytes;
        else if (kind === 'script') weight.scriptBytes += bytes;
        else if (kind === 'stylesheet') weight.styleBytes += bytes;
        else if (kind === 'image') weight.imageBytes += bytes;
        weight.totalBytes += bytes;
      }),
    );
    if (request.resourceType() === 'script') weight.scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(finished);
  await context.close();
  return weight;
}

/**
 * Compares a screenshot with its stored baseline. Both are scaled down to a third (fonts' antialiasing and
 * sub-pixel shifts average out) and compared with pixelmatch, ignoring antialiased pixels; 1% may
 * differ. With UPDATE_BASELINES=1 the baseline is (re)written instead. The full-size capture goes to test-artifacts.
 */
export async function expectMatchesBaseline(
  page: Page,
  name: string,
  options: { mask?: ReturnType<Page['locator']>[]; maxDifferentRatio?: number } = {},
): Promise<void> {
  const capture = await page.screenshot({ fullPage: false, mask: options.mask, animations: 'disabled', caret: 'hide' });
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  await fs.writeFile(path.join(SCREENSHOT_DIR, `${name}.png`), capture);
  const viewport = page.viewportSize()!;
  const width = Math.round(viewport.width / 3);
  const height = Math.round(viewport.height / 3);
  const small = await sharp(capture)
    .resize(width, height, { fit: 'fill' })
    .removeAlpha()
    .ensureAlpha()
    .raw()
    .toBuffer();
  const baselinePath = path.join(BASELINE_DIR, `${name}.png`);
  if (process.env.UPDATE_BASELINES === '1') {
    await fs.mkdir(BASELINE_DIR, { recursive: true });
    await sharp(small, { raw: { width, height, channels: 4 } })
      .png({ palette: true, colours: 64, compressionLevel: 9 })
      .toFile(baselinePath);
    return;
  }
  const baseline = await sharp(baselinePath).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect({ width: baseline.info.width, height: baseline.info.height }, `${name}: baseline size`).toEqual({
    width,
    height,
  });
  const difference = Buffer.alloc(width * height * 4);
  const different = pixelmatch(baseline.data, small, difference, width, height, { threshold: 0.2, includeAA: false });
  const ratio = different / (width * height);
  if (ratio > (options.maxDifferentRatio ?? 0.01)) {
    await sharp(difference, { raw: { width, height, channels: 4 } })
      .png()
      .toFile(path.join(SCREENSHOT_DIR, `${name}.diff.png`));
  }
  expect(
    ratio,
    `${name}: share of pixels that differ from baselines/${name}.png (diff in test-artifacts/screenshots)`,
  ).toBeLessThanOrEqual(options.maxDifferentRatio ?? 0.01);
}

/** Signs up through the form in the page; resolves on the welcome page. */
export async function signUpInPage(
  page: Page,
  baseUrl: string,
  email: string,
  password = 'a long browser passphrase',
): Promise<void> {
  await page.goto(`${baseUrl}/dashboard/signup`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForSelector('[data-testid="new-api-key"]');
}

/** Waits until the viewer on the page has drawn its model (or failed); returns its triangle count. */
export async function waitForViewer(page: Page, selector = '[data-testid="model-viewer"]'): Promise<number> {
  await page.waitForFunction(
    (viewer) => ['ready', 'error'].includes(document.querySelector<HTMLElement>(viewer)?.dataset.state ?? ''),
    selector,
    { timeout: 30_000 },
  );
  expect(await page.getAttribute(selector, 'data-state')).toBe('ready');
  return Number(await page.getAttribute(selector, 'data-triangles'));
}

/** Fires dragenter, dragover and drop of one file on `selector`, as a file dragged from the desktop would. */
export async function dropFile(
  page: Page,
  selector: string,
  file: { name: string; mimeType: string; bytes: Uint8Array },
): Promise<void> {
  await page.evaluate(
    ({ target, name, mimeType, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mimeType }));
      const element = document.querySelector(target)!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { target: selector, name: file.name, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') },
  );
}

/** expect.poll with room for a busy machine (vitest's default gives up after one second). */
export function poll<T>(read: () => T | Promise<T>, timeoutMs = 15_000) {
  return expect.poll(read, { timeout: timeoutMs, interval: 100 });
}
