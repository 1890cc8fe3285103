import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';

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
