import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { cell, outputOf, replaceCode, runCell } from '../../scripts/support/reader.ts';
import { argMax, printedTensor } from '../support/article.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

describe('outputs computed at build time', () => {
  it('are in the page for readers without JavaScript, with the inline result', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/demo/`);
    expect(await outputOf(page, 'tensors')).toContain('shape of a: [4, 2]');
    expect(await outputOf(page, 'matmul')).toContain('[[ 1.  2.  8.]');
    expect(await outputOf(page, 'fit')).toContain('step 100 : w = 3.0000');
    expect(await cell(page, 'fit').locator('[data-output]').getAttribute('data-baked')).toBe('cpu');
    expect(await cell(page, 'fit').locator('[data-baked-label]').textContent()).toMatch(/^computed at build · .+ · CPU$/);
    expect(await page.locator('[data-result="learnedW"]').textContent()).toBe('3');
    await context.close();
  });

  it.each(LOCALES)('show every cell of the %s article, its accuracy and y[0] without JavaScript', async (locale) => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${locale}/mnist-softmax/`);
    const outputs = await page.locator('[data-cell] [data-output]').allTextContents();
    expect(outputs.length).toBeGreaterThan(10);
    for (const output of outputs) expect(output.trim()).not.toBe('');
    // Every cell and inline value the page renders was baked (the bake reads the page's own record).
    expect(await page.locator('[data-cell] [data-output][data-baked]').count()).toBe(await page.locator('[data-cell]').count());
    expect(await page.locator('[data-result][data-baked]').count()).toBe(await page.locator('[data-result]').count());
    const accuracy = /accuracy: ([\d.]+)/.exec(await outputOf(page, 'evaluate'))?.[1];
    expect(Number(accuracy)).toBeGreaterThan(0.9);
    expect(await page.locator('[data-result="accuracy"]').first().textContent()).toBe(
      new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(Number(accuracy)),
    );
    expect(argMax(await printedTensor(page, 'softmax', 'y'))).toBe(7);
    expect(await page.locator('[data-result="p7"]').textContent()).toMatch(/^0[.,]99\d*$/);
    await context.close();
  });

  it('are replaced by a live run and come back with Reset', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/demo/`);
    await replaceCode(page, 'tensors', 'const a = tf.ones([4, 2]);\nprint("live")');
    expect(await runCell(page, 'tensors')).toBe('done');
    expect(await outputOf(page, 'tensors')).toBe('live');
    expect(await cell(page, 'tensors').locator('[data-baked-label]').isVisible()).toBe(false);
    expect(await cell(page, 'tensors').locator('[data-output]').getAttribute('data-baked')).toBeNull();

    await cell(page, 'tensors').locator('[data-action="reset"]').click();
    expect(await outputOf(page, 'tensors')).toContain('shape of a: [4, 2]');
    expect(await cell(page, 'tensors').locator('[data-baked-label]').isVisible()).toBe(true);
    await context.close();
  });
});
