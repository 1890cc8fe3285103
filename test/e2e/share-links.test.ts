import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, runCell, waitInPage } from '../../scripts/support/reader.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

describe('share links', () => {
  it('carry the edited cells, load them marked as from a link, and never run them by themselves', async () => {
    const author = await browser().newContext();
    const page = await author.newPage();
    await page.goto(`${siteUrl}en/demo/`);
    await cell(page, 'tensors').locator('[data-action="run"]').waitFor({ state: 'visible' });
    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint("shared code ran");');
    await page.locator('[data-action="share"]').click();
    await waitInPage(page, () => document.querySelector('[data-action="share"]')?.hasAttribute('data-share-url'));
    const url = (await page.locator('[data-action="share"]').getAttribute('data-share-url')) ?? '';
    expect(url).toMatch(/\/en\/demo\/#share=[\w-]+$/);
    await author.close();

    const reader = await browser().newContext();
    const readerPage = await reader.newPage();
    let workerStarted = false;
    readerPage.on('worker', () => (workerStarted = true));
    await readerPage.goto(url);
    await cell(readerPage, 'tensors').locator('[data-from-link-mark]').waitFor({ state: 'visible' });
    expect(await readerPage.locator('[data-session-notice]').textContent()).toContain('Nothing runs until you press Run');
    // Not run: out of date (its build-time output is of the article's code), and never run by itself.
    expect(await cell(readerPage, 'tensors').getAttribute('data-state')).toBe('stale');
    expect(await outputOf(readerPage, 'tensors')).not.toContain('shared code ran');
    expect(workerStarted).toBe(false);

    expect(await runCell(readerPage, 'tensors')).toBe('done');
    expect(await outputOf(readerPage, 'tensors')).toBe('shared code ran');
    await reader.close();
  });

  it('ignores a malformed link with a notice, and shows the original code', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/demo/#share=not-a-real-link`);
    await page.locator('[data-session-notice]:not([hidden])').waitFor();
    expect(await page.locator('[data-session-notice]').textContent()).toContain('could not be read');
    expect(await cell(page, 'tensors').locator('[data-from-link-mark]').isHidden()).toBe(true);
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toContain('shape of a: [4, 2]');
    await page.close();
  });
});
