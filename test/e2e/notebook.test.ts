/**
 * The dependency-aware notebook on the real article, on WebGL: Run brings one cell up to date and
 * nothing else, results do not depend on the order of clicks, stale means exactly the dependents.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowser, useFreshPage } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, runCell, trainBriefly, waitForState, waitInPage } from '../../scripts/support/reader.ts';

const browser = useBrowser();
const freshPage = useFreshPage(browser, 'en/mnist-softmax/');
let page: Page;
beforeEach(() => {
  page = freshPage();
});

const TRAINING = 180_000;

async function accuracyPrinted(): Promise<number> {
  return Number(/accuracy: ([\d.]+)/.exec(await outputOf(page, 'evaluate'))?.[1]);
}

async function stateOf(id: string): Promise<string | null> {
  return cell(page, id).getAttribute('data-state');
}

describe('the notebook on the article', () => {
  it('runs only what the accuracy needs from a cold page, on WebGL', async () => {
    await trainBriefly(page); // what runs does not depend on how long the model trains
    await cell(page, 'evaluate').locator('[data-action="run"]').click();
    await waitForState(page, 'evaluate', ['done'], TRAINING);
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');
    for (const needed of ['inputs', 'variables', 'train', 'softmax']) expect(await stateOf(needed)).toBe('done');
    // Not run: the cells that do not need the training stay as the build left them; those that read
    // the trained model are out of date since the control changed, and wait for their Run button.
    for (const independent of ['rank-shape', 'load-data', 'next-batch', 'matmul-demo']) {
      expect(await stateOf(independent), independent).toBe('idle');
    }
    for (const downstream of ['weight-rows', 'bias', 'predictions', 'train-step']) {
      expect(await stateOf(downstream), downstream).toBe('stale');
    }
    const accuracy = await accuracyPrinted();
    expect(accuracy).toBeGreaterThan(0.8); // 100 steps; the article test checks the 1,000-step model
    expect(accuracy).toBeLessThan(0.93);
    // The accuracy in the prose is this session's now, and not out of date.
    expect(await page.locator('[data-result="accuracy"]').first().getAttribute('data-state')).toBeNull();
  });

  it('gives the same accuracy when the training cell runs twice', async () => {
    await trainBriefly(page);
    expect(await runCell(page, 'evaluate')).toBe('done');
    const first = await accuracyPrinted();
    await cell(page, 'train').locator('[data-action="run"]').click();
    await waitForState(page, 'train', ['running']);
    await waitForState(page, 'train', ['done'], TRAINING);
    expect(await outputOf(page, 'train')).toMatch(/^step 1: cross_entropy = 230\.26$/m);
    expect(await runCell(page, 'evaluate')).toBe('done');
    expect(await accuracyPrinted()).toBe(first);
  });

  it('lets a broken cell block only the cells that depend on it', async () => {
    await replaceCode(page, 'rank-shape', 'const t = tf.tensor([[1, 2], [3');
    expect(await runCell(page, 'rank-shape')).toBe('error');
    expect(await runCell(page, 'load-data')).toBe('done');
    expect(await stateOf('rank-shape')).toBe('error');
  });

  it('marks the inline values and the weight figures stale when the training cell changes, until it runs again', async () => {
    await trainBriefly(page);
    expect(await runCell(page, 'weight-rows')).toBe('done');
    expect(await runCell(page, 'evaluate')).toBe('done');
    const accuracy = page.locator('[data-result="accuracy"]').first();
    const weights = page.locator('[data-figure="weights-heatmaps"]');
    expect(await accuracy.getAttribute('data-state')).toBeNull();
    expect(await weights.getAttribute('data-state')).toBeNull();

    const train = await cell(page, 'train').locator('[data-code]').textContent();
    await replaceCode(page, 'train', `// one more comment\n${(train ?? '').trim()}`);
    expect(await stateOf('train')).toBe('stale');
    expect(await stateOf('evaluate')).toBe('stale');
    expect(await stateOf('rank-shape')).not.toBe('stale');
    await waitInPage(page, () => document.querySelector('[data-result="accuracy"]')?.getAttribute('data-state') === 'stale');
    expect(await weights.getAttribute('data-state')).toBe('stale');

    expect(await runCell(page, 'evaluate')).toBe('done');
    expect(await accuracy.getAttribute('data-state')).toBeNull();
    expect(await runCell(page, 'weight-rows')).toBe('done');
    expect(await weights.getAttribute('data-state')).toBeNull();
  });
});

describe('Stop during training', () => {
  it('keeps the session and its variables, says the run stopped, and leaves no figure blank', async () => {
    // 300 steps: Stop lands at step 60 or so, with time to spare, past the figures' update at step 50.
    await trainBriefly(page, 300);
    await cell(page, 'train').locator('[data-action="run"]').click();
    await waitForState(page, 'train', ['running'], TRAINING);
    // Some steps in: the weights have moved from zero.
    await waitInPage(
      page,
      () => Number(document.querySelector('[data-cell="train"] [data-progress] progress')?.getAttribute('value') ?? 0) >= 0.2,
      undefined,
      TRAINING,
    );
    await page.locator('[data-action="stop-all"]').click();
    await waitInPage(
      page,
      () => !['running', 'queued'].includes(document.querySelector('[data-cell="train"]')?.getAttribute('data-state') ?? ''),
    );
    expect(await outputOf(page, 'train')).toContain('Stopped. The session keeps its variables');
    // Interrupted at an await, not ended: the same WebGL session, still holding W and b.
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');
    expect(await page.locator('[data-session-notice]').isHidden()).toBe(true);
    expect(Number(await page.locator('[data-memory]').getAttribute('data-tensors'))).toBeGreaterThan(0);
    // The heat maps followed the training (canvases drawn from W every N steps): none is blank.
    const inked = await page.locator('[data-figure="weights-heatmaps"] [data-digit]').evaluateAll((slots) =>
      slots.map((slot) => {
        if (slot instanceof HTMLImageElement) return slot.src.length > 200;
        const pixels = (slot as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 28, 28).data ?? [];
        return Array.from(pixels).some((value, index) => index % 4 === 3 && value > 0);
      }),
    );
    expect(inked).toEqual(Array.from({ length: 10 }, () => true));
    // A later cell that reads W runs: the notebook brings the training up to date first.
    await cell(page, 'weight-rows').locator('[data-action="run"]').click();
    expect(await waitForState(page, 'weight-rows', ['done', 'error'], TRAINING)).toBe('done');
    expect(await outputOf(page, 'weight-rows')).toContain('W[380]');
  });
});

describe('controls bound to variables', () => {
  it('re-run their cheap dependents when the reader changes them, from the keyboard', async () => {
    const demo = await browser().newPage();
    await demo.goto(`${inject('siteUrl')}en/demo/`);
    const control = demo.locator('[data-control="rate"]');
    // A real, labelled input: the slider is named by its <label>, the number box by aria-label.
    await control.locator('input[type="range"]:not([disabled])').waitFor();
    expect(await demo.getByLabel('Learning rate').first().getAttribute('type')).toBe('range');
    expect(await control.locator('input[type="number"]').getAttribute('aria-label')).toBe('Learning rate');
    expect(await runCell(demo, 'fit')).toBe('done');
    const before = await outputOf(demo, 'fit');
    expect(before).toContain('step 100 : w = 3.0000');

    await control.locator('input[type="number"]').focus();
    await demo.keyboard.press('ControlOrMeta+A');
    await demo.keyboard.type('0.001');
    // The note says the value changed (it is a polite live region), and the cell runs by itself.
    expect(await control.locator('[data-control-note]').getAttribute('aria-live')).toBe('polite');
    await waitInPage(demo, () => document.querySelector('[data-control="rate"] [data-control-note]')?.textContent?.includes('0.001'));
    await waitInPage(demo, () =>
      /step 100 : w = (?!3\.0000)/.test(document.querySelector('[data-cell="fit"] [data-output]')?.textContent ?? ''),
    );
    await waitForState(demo, 'fit', ['done']);
    expect(await demo.locator('[data-result="learnedW"]').textContent()).not.toBe('3');
    await demo.close();
  });

  it('leave an expensive dependent waiting for its Run button', async () => {
    const rate = page.locator('[data-control="learning_rate"] input[type="number"]');
    await rate.waitFor();
    await page.locator('[data-control="learning_rate"] input[type="number"]:not([disabled])').waitFor();
    await rate.fill('0.02');
    await waitInPage(page, () => document.querySelector('[data-cell="train"] [data-action="run"]')?.hasAttribute('data-waiting'));
    // Seen, not only in its title: a ring around the button, which other Run buttons do not have.
    const ring = (id: string) =>
      page.locator(`[data-cell="${id}"] [data-action="run"]`).evaluate((button) => getComputedStyle(button).boxShadow);
    expect(await ring('train')).not.toBe('none');
    expect(await ring('rank-shape')).toBe('none');
    expect(await stateOf('train')).toBe('stale');
    expect(await stateOf('evaluate')).toBe('stale');
    expect(await stateOf('rank-shape')).toBe('idle');
  });
});
