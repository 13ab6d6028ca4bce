// Studio in a real browser: files dropped on the create panel (a model, an image, a file that is neither), the
// viewer's lighting presets, wireframe and animation playback, all of it by keyboard, and axe-clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlb, twoAnimationDocument } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import {
  dropFile,
  expectAxeClean,
  launchBrowser,
  newBrowserContext,
  poll,
  signUpInPage,
  waitForViewer,
} from './browser-harness.ts';
import { uniqueEmail } from './web-client.ts';

describe('Studio in a real browser', () => {
  let harness: TestPlatform;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    harness = await startTestPlatform();
    browser = await launchBrowser();
    ({ page, consoleErrors } = await newBrowserContext(browser));
    await signUpInPage(page, harness.baseUrl, uniqueEmail('studio'));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const price = () => page.textContent('[data-role="create-price"]');
  /** A hash of what the viewer's canvas shows now (it keeps its drawing buffer). */
  const canvasPicture = () =>
    page.evaluate(() => document.querySelector<HTMLCanvasElement>('.viewer canvas')!.toDataURL('image/png'));
  const settled = () => page.waitForTimeout(400); // damping and the next frame

  it('takes a file that is neither an image nor a model with a clear error, and a dropped model clears it', async () => {
    await page.goto(`${harness.baseUrl}/studio`);
    await dropFile(page, '.create-panel', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      bytes: new TextEncoder().encode('not a model'),
    });
    await poll(() => page.textContent('[data-role="create-error"]')).toContain('could not recognise "notes.txt"');
    expect(await page.isDisabled('[data-role="create-button"]')).toBe(true);

    await dropFile(page, '.create-panel', {
      name: 'dancer.glb',
      mimeType: 'model/gltf-binary',
      bytes: await toGlb(twoAnimationDocument()),
    });
    await poll(() => page.textContent('[data-role="file-name"]')).toBe('dancer.glb (GLB model) is ready.');
    expect(await page.isVisible('[data-role="create-error"]')).toBe(false);
    expect(await page.isChecked('#start-import_model')).toBe(true);
    await poll(price).toBe('Free.');
    await expectAxeClean(page, 'Studio with a dropped file');
    await page.getByRole('button', { name: 'Create model' }).click();
    await page.waitForURL(/\/studio\/models\//);
    await page.waitForSelector('#model-summary[data-live="open"]');
    await harness.drainQueue();
    expect(await waitForViewer(page)).toBe(4);
  });

  it("plays the model's animations: a clip to choose, pause, speed and a time slider, by keyboard", async () => {
    const controls = page.getByRole('group', { name: 'Animation playback' });
    expect(await controls.isVisible()).toBe(true);
    const clip = controls.getByLabel('Animation');
    expect(await clip.locator('option').allTextContents()).toEqual(['bend (1.0 s)', 'slide (2.0 s)']);
    const play = controls.getByRole('button', { name: 'Pause' });
    await play.focus();
    await page.keyboard.press('Enter');
    expect(await controls.getByRole('button', { name: 'Play' }).isVisible()).toBe(true);
    await clip.focus();
    await page.keyboard.press('ArrowDown'); // the second clip
    await poll(() => clip.inputValue()).toBe('1');
    const time = controls.getByLabel('Time');
    expect(await time.getAttribute('max')).toBe('2');
    await time.focus();
    await page.keyboard.press('End');
    await poll(() => time.getAttribute('aria-valuetext')).toBe('2.0 s of 2.0 s');
    await settled();
    const atEnd = await canvasPicture();
    await page.keyboard.press('Home');
    await poll(() => time.getAttribute('aria-valuetext')).toBe('0.0 s of 2.0 s');
    await settled();
    expect(await canvasPicture()).not.toBe(atEnd); // scrubbing moves the model
    await controls.getByLabel('Speed').selectOption('2');
    await controls.getByRole('button', { name: 'Play' }).click();
    expect(await controls.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    await controls.getByRole('button', { name: 'Pause' }).click();
  });

  it('changes the lighting, shows the wireframe and turns the model with the arrow keys', async () => {
    await settled();
    const before = await canvasPicture();
    await page.getByLabel('Lighting').selectOption('dramatic');
    await poll(() => page.getAttribute('[data-testid="model-viewer"]', 'data-lighting')).toBe('dramatic');
    await settled();
    const dramatic = await canvasPicture();
    expect(dramatic).not.toBe(before);

    const wireframe = page.getByRole('button', { name: 'Wireframe' });
    await wireframe.focus();
    await page.keyboard.press('Space');
    expect(await wireframe.getAttribute('aria-pressed')).toBe('true');
    await settled();
    const wired = await canvasPicture();
    expect(wired).not.toBe(dramatic);

    await page.focus('[data-testid="model-viewer"]');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await settled();
    expect(await canvasPicture()).not.toBe(wired);
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expectAxeClean(page, 'model page with animation controls');
  });

  it('switches to "Image" when an image is dropped on a prompt, and prices the model from it', async () => {
    await page.goto(`${harness.baseUrl}/studio`);
    expect(await page.isChecked('#start-text_to_model')).toBe(true);
    // a drawing of one object on a plain background (a flat colour has no object, and its quote is refused)
    await dropFile(page, '.create-panel', { name: 'table.png', mimeType: 'image/png', bytes: await drawingImage(128) });
    await poll(() => page.textContent('[data-role="file-name"]')).toBe('table.png (image) is ready.');
    expect(await page.isChecked('#start-image_to_model')).toBe(true);
    // the first image quote loads the image checks (seconds on a busy machine)
    await poll(price, 30_000).toMatch(/^\d+ Studio credits\.$/);
    // and back to a prompt, by keyboard: the start choice is one tab stop, arrows move within it
    await page.focus('#start-image_to_model');
    await page.keyboard.press('ArrowLeft');
    expect(await page.isChecked('#start-text_to_model')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('studio-prompt');
    await page.keyboard.type('a red fox');
    await poll(price).toBe('20 Studio credits.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Create model');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/studio\/models\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('a red fox');
    expect(consoleErrors.filter((message) => !/status of 4\d\d/.test(message))).toEqual([]);
  });
});
