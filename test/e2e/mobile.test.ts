import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, runCell } from '../../scripts/support/reader.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

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
