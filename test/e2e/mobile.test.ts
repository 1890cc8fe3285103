import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, runCell } from '../../scripts/support/reader.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

describe('on a 390 px wide phone', () => {
  it('keeps wide tables scrolling inside themselves, and the session tools one tap away', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/mnist-softmax/`);
    for (const table of await page.locator('.article__body > table').all()) {
      const box = await table.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      expect(await table.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
    }
    // The bar stays compact: Run all, Stop all and the tools behind one button, then a line that
    // says what runs (on one row with the buttons, French and Japanese had no room left for it).
    const bar = await page.locator('.session-bar').boundingBox();
    expect(bar && bar.height <= 64).toBe(true);
    const runAll = await page.locator('[data-action="run-all"]').boundingBox();
    const activity = await page.locator('[data-activity]').boundingBox();
    expect(runAll && activity && activity.y >= runAll.y + runAll.height).toBe(true);
    expect(await page.locator('[data-action="share"]').isVisible()).toBe(false);
    await page.locator('[data-tools-toggle]').tap();
    expect(await page.locator('[data-tools-toggle]').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-action="share"]').isVisible()).toBe(true);
    expect((await page.locator('.session-bar').boundingBox())?.height).toBe(bar?.height);
    await context.close();
  });
});

describe('on a 360 px wide phone', () => {
  it.each(['en/mnist-softmax/', 'ja/mnist-softmax/', 'fr/demo/', '?stay'])('%s has no horizontal page scroll', async (path) => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await context.close();
  });

  it('lets the reader edit with the on-screen keyboard and run a cell', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/demo/`);
    await cell(page, 'tensors').locator('[data-code]').tap();
    await cell(page, 'tensors').locator('.cm-content').waitFor();
    await replaceCode(page, 'tensors', 'print("typed on a phone")');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('typed on a phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await context.close();
  });
});
