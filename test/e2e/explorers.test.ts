/**
 * The explorers on WebGL, in the article where its text talks about them: test images through the
 * model, the drawing pad, W pixel by pixel.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { seriousInBothThemes } from '../support/axe.ts';
import { cell, outputOf, replaceCode, trainBriefly, waitForState, waitInPage } from '../../scripts/support/reader.ts';
import { parsePrintedTensor } from '../support/printed-tensor.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const PAGE = 'mnist-softmax/';
const TRAINING = 400_000;
const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function open(locale: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser().newContext(options);
  const page = await context.newPage();
  await page.goto(`${siteUrl}${locale}/${PAGE}`);
  await cell(page, 'train').locator('[data-action="run"]').waitFor({ state: 'visible' });
  return page;
}

/** Brings an explorer on screen, as a reader scrolling to it, and waits for its first live answer. */
async function reach(page: Page, kind: string, live = true): Promise<void> {
  const explorer = page.locator(`[data-explorer="${kind}"]`);
  await explorer.scrollIntoViewIfNeeded();
  await page.mouse.move(2, 2);
  if (live) await page.waitForSelector(`[data-explorer="${kind}"][data-live]`, { timeout: 180_000 });
  // The drawing pad takes strokes once its code has come (it then joins the Tab order): a stroke
  // drawn in the instant before would go to a plain picture.
  else if (kind === 'draw') await page.waitForSelector('[data-draw-pad][tabindex="0"]', { timeout: 60_000 });
}

async function attributes(page: Page, kind: string, names: readonly string[]): Promise<Record<string, string | null>> {
  const explorer = page.locator(`[data-explorer="${kind}"]`);
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await explorer.getAttribute(`data-${name}`)] as const)));
}

/** The first test image whose printed prediction (x) differs from its label (y). */
async function firstPrintedMistake(page: Page): Promise<{ index: number; label: number; prediction: number }> {
  const output = await outputOf(page, 'predictions');
  const predictions = parsePrintedTensor(output, 'x');
  const labels = parsePrintedTensor(output, 'y');
  const index = predictions.findIndex((prediction, i) => prediction !== labels[i]);
  expect(index).toBeGreaterThan(0);
  return { index, label: labels[index] ?? NaN, prediction: predictions[index] ?? NaN };
}

async function drawStroke(page: Page, points: ReadonlyArray<readonly [number, number]>): Promise<void> {
  const box = await page.locator('[data-draw-pad]').boundingBox();
  if (!box) throw new Error('no drawing pad');
  const [first, ...rest] = points.map(([x, y]) => [box.x + x * box.width, box.y + y * box.height] as const);
  if (!first) return;
  await page.mouse.move(...first);
  await page.mouse.down();
  for (const point of rest) await page.mouse.move(...point, { steps: 3 });
  await page.mouse.up();
}

describe.each(LOCALES)('the explorers in %s, on WebGL', (locale) => {
  it('show test image 0, a 7 read as a 7 by the article’s model, and find the mistake the cells print', async () => {
    const page = await open(locale);
    expect(await attributes(page, 'test-image', ['index', 'label', 'prediction', 'model'])).toEqual({
      index: '0',
      label: '7',
      prediction: '7',
      model: 'build',
    });
    await reach(page, 'test-image');
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');
    // The worker's answer, on WebGL, with the build's model.
    expect(await attributes(page, 'test-image', ['index', 'label', 'prediction', 'model'])).toEqual({
      index: '0',
      label: '7',
      prediction: '7',
      model: 'build',
    });
    expect(await page.locator('[data-explorer="test-image"] [data-row="7"]').getAttribute('data-predicted')).toBe('');

    // The predictions cell printed the first ten predictions with the same model at build time.
    const mistake = await firstPrintedMistake(page);
    await page.locator('[data-explorer="test-image"] [data-action="next-mistake"]').click();
    await page.waitForSelector('[data-explorer="test-image"]:not([data-index="0"])');
    expect(await attributes(page, 'test-image', ['index', 'label', 'prediction'])).toEqual({
      index: String(mistake.index),
      label: String(mistake.label),
      prediction: String(mistake.prediction),
    });
    expect(await page.locator('[data-explorer="test-image"] [data-explorer-verdict]').textContent()).toContain(String(mistake.label));
    await page.context().close();
  });

  it('read a digit drawn with the mouse, and forget it when the pad is cleared', async () => {
    const page = await open(locale);
    await reach(page, 'draw', false);
    await drawStroke(page, [
      [0.5, 0.15],
      [0.5, 0.5],
      [0.5, 0.85],
    ]);
    await page.waitForSelector('[data-explorer="draw"][data-strokes="1"][data-prediction]', { timeout: 180_000 });
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');
    const prediction = Number(await page.locator('[data-explorer="draw"]').getAttribute('data-prediction'));
    expect(prediction).toBeGreaterThanOrEqual(0);
    expect(prediction).toBeLessThanOrEqual(9);
    const bars = page.locator('[data-explorer="draw"] [data-value]');
    const percents = (await bars.allTextContents()).map((text) => Number.parseFloat(text.replace(',', '.')));
    expect(percents.every((percent) => Number.isFinite(percent))).toBe(true);
    expect(percents.reduce((sum, percent) => sum + percent, 0)).toBeGreaterThan(95);
    expect(await page.locator(`[data-explorer="draw"] [data-row="${prediction}"]`).getAttribute('data-predicted')).toBe('');
    // The image the model saw is drawn beside the pad: dark ink on white paper.
    const ink = await page.locator('[data-draw-preview]').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')?.getImageData(0, 0, 28, 28).data ?? [];
      return Array.from({ length: 784 }, (_, pixel) => data[pixel * 4] ?? 255).filter((value) => value < 128).length;
    });
    expect(ink).toBeGreaterThan(20);
    await page.locator('[data-explorer="draw"] [data-action="clear"]').click();
    await page.waitForSelector('[data-explorer="draw"][data-strokes="0"]:not([data-prediction])');
    await page.context().close();
  });
});

describe('the explorers and the notebook', () => {
  it(
    'go stale when the training cell changes, follow the training every 50 steps, then show the reader’s model',
    async () => {
      const page = await open('en');
      await trainBriefly(page); // 100 steps: the explorers follow at steps 50 and 100
      // The code as the page shows it before the editor loads (an editor shows only the lines in view).
      const train = (await cell(page, 'train').locator('[data-code] pre').textContent()) ?? '';
      await reach(page, 'pixel');
      await reach(page, 'test-image');
      await replaceCode(page, 'train', `// trained again\n${train.trim()}`);
      for (const kind of ['test-image', 'draw', 'pixel']) {
        await page.waitForSelector(`[data-explorer="${kind}"][data-state="stale"]`);
      }
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        const explorer = document.querySelector('[data-explorer="test-image"]');
        const note = explorer?.querySelector('[data-explorer-model]');
        if (explorer && note)
          new MutationObserver(() => seen.push(`${explorer.getAttribute('data-model')} ${note.textContent}`)).observe(explorer, {
            attributes: true,
            subtree: true,
            characterData: true,
            childList: true,
          });
      });
      await cell(page, 'predictions').locator('[data-action="run"]').click();
      expect(await waitForState(page, 'predictions', ['done', 'error'], TRAINING), await outputOf(page, 'train')).toBe('done');
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.filter((line) => line.startsWith('training')).join('\n')).toMatch(/\b50 of 100\b/);
      await page.waitForSelector('[data-explorer="test-image"][data-model="session"]:not([data-state])');
      for (const kind of ['draw', 'pixel']) expect(await page.locator(`[data-explorer="${kind}"]`).getAttribute('data-state')).toBeNull();
      expect(await page.locator('[data-explorer="test-image"] [data-explorer-model]').textContent()).toContain('train');
      await page.waitForSelector('[data-explorer="test-image"][data-index="0"][data-prediction="7"]');

      // With the reader's model now, "next mistake" still lands where the cells print the first one.
      const mistake = await firstPrintedMistake(page);
      await page.locator('[data-explorer="test-image"] [data-action="next-mistake"]').click();
      await page.waitForSelector('[data-explorer="test-image"]:not([data-index="0"])');
      expect(await attributes(page, 'test-image', ['index', 'label', 'prediction'])).toEqual({
        index: String(mistake.index),
        label: String(mistake.label),
        prediction: String(mistake.prediction),
      });

      // A cell below them changes W (to zeros here): the explorers above keep the train cell's model,
      // which the worker reads from its snapshot.
      const rowBefore = await page.locator('[data-explorer="pixel"] [data-weight-row]').textContent();
      await replaceCode(page, 'train-step', 'W.assign(tf.zeros([784, 10]));');
      await cell(page, 'train-step').locator('[data-action="run"]').click();
      expect(await waitForState(page, 'train-step', ['done', 'error'])).toBe('done');
      await page.locator('[data-explorer="test-image"] [data-explorer-number]').fill('0');
      await page.locator('[data-explorer="test-image"] [data-explorer-number]').dispatchEvent('change');
      await page.waitForSelector('[data-explorer="test-image"][data-index="0"]');
      await page.locator('[data-explorer="test-image"] [data-action="next-image"]').click();
      await page.waitForSelector('[data-explorer="test-image"][data-index="1"]');
      // Image 1 is a 2; W = 0 would read every image as a 0 with ten equal probabilities.
      expect(await attributes(page, 'test-image', ['label', 'prediction'])).toEqual({ label: '2', prediction: '2' });
      expect(await page.locator('[data-explorer="pixel"] [data-weight-row]').textContent()).toBe(rowBefore);
      for (const kind of ['test-image', 'pixel'])
        expect(await page.locator(`[data-explorer="${kind}"]`).getAttribute('data-state')).toBeNull();
      await page.context().close();
    },
    TRAINING,
  );
});

describe('the explorers for every reader', () => {
  it('have no serious or critical axe violation once open and used, light and dark', async () => {
    const page = await open('en', { colorScheme: 'light' });
    await reach(page, 'pixel');
    await reach(page, 'test-image');
    await reach(page, 'draw', false);
    await drawStroke(page, [
      [0.3, 0.2],
      [0.7, 0.2],
      [0.4, 0.85],
    ]);
    await page.waitForSelector('[data-explorer="draw"][data-strokes="1"]', { timeout: 180_000 });
    expect(await seriousInBothThemes(page, '[data-explorer]')).toEqual({ light: [], dark: [] });
    await page.context().close();
  });

  it('work from the keyboard alone', async () => {
    const page = await open('en');
    // Test images: the number box, the buttons, the slider's arrows.
    const number = page.locator('[data-explorer="test-image"] [data-explorer-number]');
    await reach(page, 'test-image');
    await number.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-explorer="test-image"][data-index="8"]');
    await page.keyboard.press('Tab'); // from the number box to the first button
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('next-image');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-explorer="test-image"][data-index="9"]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('next-mistake');
    await page.keyboard.press('Enter');
    await waitInPage(page, () => Number(document.querySelector('[data-explorer="test-image"]')?.getAttribute('data-index')) > 9);
    const found = await attributes(page, 'test-image', ['label', 'prediction']);
    expect(found['label']).not.toBe(found['prediction']);

    // The weights: the arrows move the picked pixel, and its row of W follows.
    await reach(page, 'pixel');
    const maps = page.locator('[data-explorer="pixel"] [data-pixel-picker]');
    expect(await maps.getAttribute('tabindex')).toBe('0');
    await maps.focus();
    expect(await page.locator('[data-explorer="pixel"]').getAttribute('data-pixel')).toBe('380');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-explorer="pixel"]').getAttribute('data-pixel')).toBe('409');
    expect(await page.locator('[data-explorer="pixel"] [data-weight-row-caption]').textContent()).toContain('W[409]');
    expect(await page.locator('[data-explorer="pixel"] [data-weight-row] dd').first().textContent()).toMatch(/^-?\d\.\d{4}$/);

    // The pad: Space puts the pen down, the arrows draw, Space lifts it; Delete clears.
    await reach(page, 'draw', false);
    const pad = page.locator('[data-draw-pad]');
    expect(await pad.getAttribute('tabindex')).toBe('0');
    await pad.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-explorer="draw"][data-strokes="1"][data-prediction]', { timeout: 180_000 });
    await page.keyboard.press('Delete');
    await page.waitForSelector('[data-explorer="draw"][data-strokes="0"]:not([data-prediction])');
    await page.context().close();
  });

  it('show the build’s state without JavaScript', async () => {
    const page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(`${siteUrl}en/${PAGE}`);
    const testImage = page.locator('[data-explorer="test-image"]');
    expect(await testImage.getAttribute('data-prediction')).toBe('7');
    expect(await testImage.locator('[data-explorer-verdict]').textContent()).toMatch(/^The model reads a 7 \(\d+(\.\d)?%\): right\.$/);
    expect(await testImage.locator('[data-explorer-mistakes]').textContent()).toMatch(/misreads \d+ of the 10,000 test images/);
    expect(await testImage.locator('[data-row="7"] [data-value]').textContent()).toMatch(/%$/);
    expect(await page.locator('[data-explorer="pixel"] [data-weight-row-caption]').textContent()).toContain('W[380]');
    expect(await page.locator('[data-explorer="pixel"] [data-weight-row] dd').first().textContent()).toMatch(/^-?\d\.\d{4}$/);
    expect(await page.locator('[data-explorer="draw"] noscript').count()).toBe(1);
    await page.close();
  });

  it('fit a 360 px screen and keep still for readers who ask for less motion', async () => {
    const context = await browser().newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${siteUrl}ja/${PAGE}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const transition = await page
      .locator('[data-explorer="test-image"] [data-bar="7"]')
      .evaluate((bar) => getComputedStyle(bar).transitionDuration);
    expect(transition).toBe('0s');
    await context.close();
  });
});
