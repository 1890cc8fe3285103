import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, errorOf, outputOf, replaceCode, runCell, waitForState } from '../../scripts/support/reader.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  const context = await browser().newContext();
  page = await context.newPage();
  return () => context.close();
});

async function openDemo(locale = 'en'): Promise<void> {
  await page.goto(`${siteUrl}${locale}/demo/`);
  await cell(page, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
}

describe('live cells in the browser', () => {
  it.each(LOCALES)('serves the %s demo with its cells upgraded and a language switch', async (locale) => {
    await openDemo(locale);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.locator('[data-cell]').count()).toBe(3);
    expect(await page.locator('.language-switch a').count()).toBe(2);
    expect(await page.locator('[data-action="run-all"]').isVisible()).toBe(true);
  });

  it('runs a cell on the WebGL backend and prints the tensor under it', async () => {
    await openDemo();
    expect(await runCell(page, 'tensors')).toBe('done');
    await page.locator('[data-backend="webgl"]').waitFor();
    const output = await outputOf(page, 'tensors');
    expect(output).toContain('shape of a: [4, 2]');
    expect(output).toContain('tf.Tensor(\n[[1. 2.]\n [3. 4.]\n [5. 6.]\n [7. 8.]], shape=(4, 2), dtype=float32)');
    expect(await page.evaluate(() => document.querySelector('[data-session-notice]')?.hasAttribute('hidden'))).toBe(true);
  });

  it('runs the earlier cells first, so a later cell can use their variables', async () => {
    await openDemo();
    expect(await runCell(page, 'matmul')).toBe('done');
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('done');
    expect(await outputOf(page, 'matmul')).toContain('[[ 1.  2.  8.]\n [ 3.  4. 18.]');
  });

  it('says when WebGL draws without a graphics card, and then updates a running cell at most once a second', async () => {
    await openDemo();
    // About three seconds of a loop that reports its progress every 10 ms.
    await replaceCode(
      page,
      'tensors',
      'for (let i = 1; i <= 300; i++) {\n  await new Promise((r) => setTimeout(r, 10));\n  progress(i, 300);\n}',
    );
    await page.evaluate(() => {
      const text = document.querySelector('[data-cell="tensors"] [data-progress-text]');
      const seen: number[] = [];
      (window as unknown as { progressShownAt: number[] }).progressShownAt = seen;
      if (text)
        new MutationObserver(() => seen.push(performance.now())).observe(text, { childList: true, characterData: true, subtree: true });
    });
    expect(await runCell(page, 'tensors')).toBe('done');
    // SwiftShader here: the bar says so, in words and in its title.
    const indicator = page.locator('[data-backend-indicator]');
    expect(await indicator.getAttribute('data-backend')).toBe('webgl');
    expect(await indicator.getAttribute('data-renderer')).toBe('software');
    expect(await indicator.textContent()).toBe('WebGL (software)');
    expect(await indicator.getAttribute('title')).toContain('once a second');
    const shownAt = await page.evaluate(() => (window as unknown as { progressShownAt: number[] }).progressShownAt);
    // The last update comes with the run's end, whenever that is: the gaps before it are the pace
    // (their median, as a message can reach a busy page late and the next one on time).
    const gaps = shownAt.slice(1, -1).map((at, index) => at - (shownAt[index] ?? at));
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(gaps.toSorted((a, b) => a - b)[Math.floor(gaps.length / 2)]).toBeGreaterThan(900);
    expect(await cell(page, 'tensors').locator('[data-progress-text]').textContent()).toMatch(/\b300\b/);
  });

  it('runs edited code, and marks the later cells stale', async () => {
    await openDemo();
    await runCell(page, 'matmul');
    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint("edited");');
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('stale');
    expect(await cell(page, 'matmul').getAttribute('data-state')).toBe('stale');
    await page.keyboard.press('Shift+Enter');
    await waitForState(page, 'tensors', ['done']);
    expect(await outputOf(page, 'tensors')).toBe('edited');
    expect(await runCell(page, 'matmul')).toBe('done');
    expect(await outputOf(page, 'matmul')).toContain('[[1. 1. 5.]');
  });

  it('shows a syntax error inline with its line, and leaves the other cells alone', async () => {
    await openDemo();
    await runCell(page, 'tensors');
    await replaceCode(page, 'matmul', 'const ok = 1;\nconst broken = (;');
    expect(await runCell(page, 'matmul')).toBe('error');
    expect(await errorOf(page, 'matmul')).toMatch(/SyntaxError: .*\(line 2, column 17\)/);
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('done');
  });

  it('shows a runtime error inline with its line and an explanation', async () => {
    await openDemo();
    await replaceCode(page, 'tensors', 'const x = tf.zeros([1, 784]);\nconst W = tf.zeros([10, 784]);\ntf.matMul(x, W)');
    expect(await runCell(page, 'tensors')).toBe('error');
    const error = await errorOf(page, 'tensors');
    expect(error).toContain('line 3');
    expect(error).toContain('matMul');
    expect(error).toContain('number of columns');
  });

  it('stops while (true) {} within two seconds (one to reach an await, then the worker ends), and the next run works', async () => {
    await openDemo();
    await runCell(page, 'tensors');
    await replaceCode(page, 'matmul', 'while (true) {}');
    await cell(page, 'matmul').locator('[data-action="run"]').click();
    await waitForState(page, 'matmul', ['running']);
    const stoppedAt = Date.now();
    await cell(page, 'matmul').locator('[data-action="stop"]').click();
    // A loop that never awaits gets a second to reach an await, then its worker is ended.
    await waitForState(page, 'matmul', ['stale'], 2_000);
    expect(Date.now() - stoppedAt).toBeLessThan(2_000);
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('stale');
    expect(await outputOf(page, 'matmul')).toContain('Stopped');

    await cell(page, 'matmul').locator('[data-action="reset"]').click();
    expect(await runCell(page, 'matmul')).toBe('done');
    expect(await cell(page, 'tensors').getAttribute('data-state')).toBe('done');
  });

  it('keeps an edit across a reload, marked as modified, until Reset restores the original', async () => {
    await openDemo();
    await replaceCode(page, 'tensors', 'print("my version")');
    await page.reload();
    await cell(page, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
    expect(await cell(page, 'tensors').locator('[data-modified-mark]').isVisible()).toBe(true);
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('my version');

    await cell(page, 'tensors').locator('[data-action="reset"]').click();
    expect(await cell(page, 'tensors').locator('[data-modified-mark]').isVisible()).toBe(false);
    await page.reload();
    await cell(page, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toContain('shape of a: [4, 2]');
  });

  it('runs every cell with Run all and shows the learned value in the prose', async () => {
    await openDemo();
    await page.locator('[data-action="run-all"]').click();
    await waitForState(page, 'fit', ['done']);
    const printed = await outputOf(page, 'fit');
    expect(printed).toContain('step 100 : w = 3.0000');
    expect(await page.locator('[data-result="learnedW"]').textContent()).toBe('3');
  });
});
