import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

describe('the site', () => {
  it.each([
    ['ja-JP', 'ja'],
    ['en-US', 'en'],
    ['de-DE', 'fr'],
  ])('sends a reader whose browser prefers %s to /%s/', async (browserLocale, expected) => {
    const context = await browser().newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.waitForURL(`${siteUrl}${expected}/`);
    await context.close();
  });

  it('keeps the language list at /?stay, with a link per language', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}?stay`);
    expect(await page.locator('a[hreflang]').evaluateAll((links) => links.map((link) => link.getAttribute('hreflang')))).toEqual([
      'fr',
      'en',
      'ja',
    ]);
    await page.close();
  });

  it('links each article to its translations', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}fr/mnist-softmax/`);
    const alternates = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('hreflang')));
    expect(alternates.sort()).toEqual(['en', 'fr', 'ja']);
    await page.locator('.language-switch a[hreflang="ja"]').click();
    await page.waitForURL(`${siteUrl}ja/mnist-softmax/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.close();
  });
});

describe('reading comfort', () => {
  it('gives each article a table of contents whose links reach the sections', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}ja/mnist-softmax/`);
    const links = page.locator('nav.toc a');
    expect(await links.count()).toBeGreaterThanOrEqual(6);
    for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))) {
      expect(await page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`).count(), href).toBe(1);
    }
    await page.close();
  });
});

describe('dark mode', () => {
  const background = (page: import('playwright-core').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('follows the system preference without JavaScript', async () => {
    const context = await browser().newContext({ colorScheme: 'dark', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/mnist-softmax/`);
    expect(await background(page)).toBe('rgb(18, 20, 24)');
    await context.close();
  });

  it('has a toggle that is remembered across a reload and switches the code and the editor', async () => {
    const context = await browser().newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/demo/`);
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await page.locator('[data-action="theme"]').click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    // Named for what it does: the page is dark now, so it offers the light theme.
    expect(await page.locator('[data-action="theme"]').evaluate((button) => (button as HTMLElement).innerText)).toContain(
      'Switch to light theme',
    );
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background(page)).toBe('rgb(18, 20, 24)');
    const codeColour = await page.evaluate(() => getComputedStyle(document.querySelector('.shiki span span') ?? document.body).color);
    expect(codeColour).not.toBe('rgb(0, 0, 0)');
    await page.locator('[data-cell="tensors"] [data-code]').click();
    await page.locator('[data-cell="tensors"] .cm-editor').waitFor();
    const editorBackground = await page.evaluate(
      () => getComputedStyle(document.querySelector('.cm-editor') ?? document.body).backgroundColor,
    );
    expect(editorBackground).not.toBe('rgb(255, 255, 255)');
    await context.close();
  });
});

describe('formulas', () => {
  it.each(LOCALES)('are MathML rendered at build time in the %s article, without JavaScript', async (locale) => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}${locale}/mnist-softmax/`);
    expect(await page.locator('article math').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('article math annotation').first().textContent()).toBe('y = xa + b');
    await context.close();
  });
});
