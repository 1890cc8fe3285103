import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { outputOf, trainBriefly, waitForState } from '../../scripts/support/reader.ts';
import { argMax, inlineNotation, printedTensor } from '../support/article.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../src/i18n/locales.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

/**
 * The translations share the French cells (the parity tests check it, and the build runs them once
 * for all three), so the article's own numbers need one full training, in French. The other
 * languages train briefly through the article's own control: what they can break is their own
 * page (the cells' wiring, the prose's values in the page's notation), not the model.
 */
describe.each(LOCALES)('the article in %s', (locale) => {
  const fullTraining = locale === DEFAULT_LOCALE;

  it(`runs every cell on WebGL and ${fullTraining ? 'reproduces the article’s results' : 'shows the results in the prose'}`, async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}${locale}/mnist-softmax/`);
    if (!fullTraining) await trainBriefly(page);
    await page.locator('[data-action="run-all"]').click();
    const lastCell = await page.locator('[data-cell]').last().getAttribute('data-cell');
    await waitForState(page, lastCell ?? '', ['done', 'error'], 300_000);

    expect(await page.locator('[data-cell][data-state="error"]').count()).toBe(0);
    expect(await page.locator('[data-cell]:not([data-state="done"])').count()).toBe(0);
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');

    const printedAccuracy = Number(/accuracy: ([\d.]+)/.exec(await outputOf(page, 'evaluate'))?.[1]);
    expect(printedAccuracy).toBeGreaterThan(fullTraining ? 0.9 : 0.8);
    expect(printedAccuracy).toBeLessThan(0.93);
    // The prose shows the printed value, in the page's language and in the notation its element asks for.
    const inline = page.locator('[data-result="accuracy"]').first();
    expect(await inline.textContent()).toBe(await inlineNotation(inline, printedAccuracy, locale));

    expect(argMax(await printedTensor(page, 'softmax', 'y'))).toBe(7);
    if (fullTraining) expect(await printedTensor(page, 'predictions', 'y')).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    // The training cell drew its cross-entropy curve and filled its progress bar.
    expect(await page.locator('[data-cell="train"] [data-chart] svg path').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-cell="train"] [data-progress] progress').getAttribute('value')).toBe('1');
    await context.close();
  });
});
