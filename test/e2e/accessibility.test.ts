import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { seriousInBothThemes, seriousViolations } from '../support/axe.ts';
import { cell, waitForState } from '../../scripts/support/reader.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

// Every page the build makes.
const PAGES = [
  '?stay',
  '404.html',
  ...LOCALES.flatMap((locale) => [`${locale}/`, `${locale}/demo/`, `${locale}/mnist-softmax/`, `${locale}/404/`]),
];

/** Every rule in the light theme, then the colour rules in the dark one, on the same page. */
async function violationsOf(path: string, prepare?: (page: Page) => Promise<void>): Promise<{ light: string[]; dark: string[] }> {
  // AxeBuilder needs a page from an explicit context.
  const context = await browser().newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${siteUrl}${path}`);
  await prepare?.(page);
  const violations = await seriousInBothThemes(page);
  await context.close();
  return violations;
}

describe('accessibility', () => {
  it.each(PAGES)('%s has no serious or critical axe violation, in the light theme or the dark one', async (path) => {
    expect(await violationsOf(path)).toEqual({ light: [], dark: [] });
  });

  it('would see a violation planted in a page: an unnamed button, and faint text in either theme, even off screen', async () => {
    const violations = await violationsOf('en/404/', async (page) => {
      await page.evaluate(() => {
        const main = document.querySelector('main') ?? document.body;
        main.append(document.createElement('button'));
        const faint = document.createElement('p');
        faint.textContent = 'Planted text, nearly invisible.';
        // About 1.4:1 on either paper (axe leaves an exact 1:1 for a human to review, not a violation).
        faint.style.color = 'light-dark(#d8d8d8, #333333)';
        // Far below the screen and skipped by the browser, as the article's prose is until read.
        faint.style.contentVisibility = 'auto';
        faint.style.marginTop = '300vh';
        main.append(faint);
      });
    });
    expect(violations.light.map((violation) => violation.split(':')[0])).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
    expect(violations.dark.map((violation) => violation.split(':')[0])).toEqual(['color-contrast']);
  });

  it('has none either once cells have run, with editors, an error and stale cells, light and dark', async () => {
    const violations = await violationsOf('en/demo/', async (page) => {
      await page.locator('[data-action="run-all"]').click();
      await waitForState(page, 'fit', ['done']);
      await cell(page, 'tensors').locator('[data-code]').click();
      await cell(page, 'tensors').locator('.cm-content').waitFor();
      // An edit (old output dimmed, later cells stale) and an error with its marked line.
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText('const a = tf.ones([4, 2]);\nundefinedName;');
      await cell(page, 'tensors').locator('[data-action="run"]').click();
      await waitForState(page, 'tensors', ['error']);
    });
    expect(violations).toEqual({ light: [], dark: [] });
  });

  it('has none on a phone, with the session tools open', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/mnist-softmax/`);
    await page.locator('[data-tools-toggle]').click();
    await page.locator('[data-tools] [data-action="share"]').waitFor();
    const violations = await seriousViolations(page);
    await context.close();
    expect(violations).toEqual([]);
  });

  it('lets a keyboard user run and stop a cell', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/demo/`);
    const run = cell(page, 'tensors').locator('[data-action="run"]');
    await run.waitFor({ state: 'visible' });
    await run.focus();
    await page.keyboard.press('Enter');
    await waitForState(page, 'tensors', ['done']);
    // Stop is disabled while nothing runs, so Tab from Run goes to Reset.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('reset');

    // Now a cell that never ends, edited and stopped with the keyboard alone.
    await page.keyboard.press('Tab'); // the code, after the buttons: the editor loads and takes the focus
    await cell(page, 'tensors').locator('.cm-content:focus').waitFor();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('while (true) {}');
    await page.keyboard.press('Shift+Enter');
    await waitForState(page, 'tensors', ['running']);
    await page.keyboard.press('Escape'); // leaves the editor for the Run button
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('stop');
    await page.keyboard.press('Enter');
    await waitForState(page, 'tensors', ['stale'], 2_000);
    await page.close();
  });

  it('lets a keyboard user reset a cell, run all, switch the theme and the language, with a visible focus', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}en/demo/`);
    const press = async (selector: string) => {
      await page.locator(selector).focus();
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle);
      expect(outline, `focus ring on ${selector}`).not.toBe('none');
      await page.keyboard.press('Enter');
    };
    await press('[data-action="run-all"]');
    await waitForState(page, 'fit', ['done']);
    await press('[data-cell="tensors"] [data-action="reset"]');
    expect(await cell(page, 'tensors').getAttribute('data-modified')).toBeNull();
    await press('[data-action="theme"]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await press('.language-switch a[hreflang="ja"]');
    await page.waitForURL(`${siteUrl}ja/demo/`);
    await page.close();
  });
});
