import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { outputOf, waitForState } from '../../scripts/support/reader.ts';
import { argMax, printedTensor } from '../support/article.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

describe.each(LOCALES)('the article in %s', (locale) => {
  it('runs every cell on WebGL and reproduces the article’s results', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}${locale}/mnist-softmax/`);
    await page.locator('[data-action="run-all"]').click();
    const lastCell = await page.locator('[data-cell]').last().getAttribute('data-cell');
    await waitForState(page, lastCell ?? '', ['done', 'error'], 300_000);

    expect(await page.locator('[data-cell][data-state="error"]').count()).toBe(0);
    expect(await page.locator('[data-cell]:not([data-state="done"])').count()).toBe(0);
    expect(await page.locator('[data-backend-indicator]').getAttribute('data-backend')).toBe('webgl');

    const printedAccuracy = Number(/accuracy: ([\d.]+)/.exec(await outputOf(page, 'evaluate'))?.[1]);
    expect(printedAccuracy).toBeGreaterThan(0.9);
    expect(printedAccuracy).toBeLessThan(0.93);
    const inlineAccuracy = await page.locator('[data-result="accuracy"]').first().textContent();
    expect(inlineAccuracy).toBe(new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(printedAccuracy));

    expect(argMax(await printedTensor(page, 'softmax', 'y'))).toBe(7);
    expect(await printedTensor(page, 'predictions', 'y')).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    // The training cell drew its cross-entropy curve and filled its progress bar.
    expect(await page.locator('[data-cell="train"] [data-chart] svg path').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-cell="train"] [data-progress] progress').getAttribute('value')).toBe('1');
    await context.close();
  });
});
