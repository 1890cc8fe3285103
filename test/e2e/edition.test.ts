/**
 * The edition, as a reader meets it: where the article comes from, the author's links dated, the
 * article's numbers beside the reader's in one notation, Japanese set without synthetic italics or
 * stray spaces, and a translated section that says when the French has changed since.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser, useSharedPage } from '../support/use-browser.ts';
import { buildSiteCopy, copySite, removeSite } from '../support/site-fixture.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { translator, uiStrings } from '../../src/i18n/ui.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const browser = useBrowser();
const NNADL = 'http://nnadl-ja.github.io/nnadl_site_ja/chap3.html';
const OPTIMIZERS_2016 = 'https://www.tensorflow.org/versions/r0.7/api_docs/python/train.html#optimizers';
const OPTIMIZERS_NOW = 'https://www.tensorflow.org/api_docs/python/tf/keras/optimizers';

const longDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

describe.each(LOCALES)('the edition of mnist-softmax in %s', (locale: Locale) => {
  const strings = uiStrings(locale);
  // The first test opens a <details>, which none of the others looks at.
  const article = useSharedPage(browser, `${locale}/mnist-softmax/`);

  it('says where the article comes from, collapsed until the reader opens it, with its dates in the page’s language', async () => {
    const page = article();
    const about = page.locator('details[data-about-edition]');
    expect(await about.count()).toBe(1);
    expect(await about.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect((await about.locator('summary').textContent())?.trim()).toBe(strings['edition.about']);
    const published = about.locator('time[data-edition-date="published"]');
    expect(await published.getAttribute('datetime')).toBe('2016-03-06');
    expect(await published.textContent()).toBe(longDate('2016-03-06', locale));
    expect(await about.locator('time[data-edition-date="revised"]').count()).toBe(1);
    expect(await about.locator('p').first().isVisible()).toBe(false);

    await about.locator('summary').click();
    const text = await about.locator('.about-edition__body').innerText();
    expect(text).toContain('Qiita');
    expect(text).toContain('2016');
    expect(await about.locator('p').first().isVisible()).toBe(true);
  });

  it('restores the source’s two links, dated 2016, the gone one with today’s equivalent', async () => {
    const page = article();
    const links = page.locator('[data-source-link]');
    expect(await links.evaluateAll((spans) => spans.map((span) => span.getAttribute('data-source-link')))).toEqual([
      NNADL,
      OPTIMIZERS_2016,
    ]);
    expect(await links.evaluateAll((spans) => spans.map((span) => span.getAttribute('data-link-year')))).toEqual(['2016', '2016']);
    expect(await page.locator(`[data-source-link] > a[href="${NNADL}"]`).count()).toBe(1);
    const gone = page.locator('[data-source-link][data-link-gone]');
    expect(await gone.count()).toBe(1);
    expect(await gone.locator('[data-link-now]').getAttribute('href')).toBe(OPTIMIZERS_NOW);
    for (const mark of await page.locator('.source-link__mark').allTextContents()) expect(mark).toContain('2016');
  });

  it('puts the article’s numbers beside the reader’s in one notation, the page’s', async () => {
    const page = article();
    const format = (value: number, digits: number) =>
      new Intl.NumberFormat(locale, { minimumSignificantDigits: digits, maximumSignificantDigits: digits }).format(value);
    const accuracy = page.locator('[data-compare="accuracy"]');
    const reader = accuracy.locator('[data-result="accuracy"]');
    expect(await reader.getAttribute('data-significant')).toBe('4');
    expect(await accuracy.getAttribute('data-article-value')).toBe('0.9128');
    expect(await accuracy.locator('[data-article]').textContent()).toBe(format(0.9128, 4));
    // Both values in the same notation: the page's decimal separator, four significant digits.
    const readerText = (await reader.textContent()) ?? '';
    expect(readerText).toMatch(locale === 'fr' ? /^0,\d{4}$/ : /^0\.\d{4}$/);
    expect(await accuracy.locator('[data-difference]').textContent()).toMatch(/^[+-]?0[.,]\d{4}$/);
    expect(await page.locator('[data-compare="p7"] [data-article]').textContent()).toBe(format(0.996997833, 4));
    expect(await page.locator('[data-compare="cross_entropy_start"] [data-article]').textContent()).toBe(format(23026, 5));
  });

  it('marks the editors’ insertions, and outlines pixel 380 in a digit where it is dark and one where it is blank', async () => {
    const page = article();
    expect(await page.locator('[data-editor-insert]').count()).toBeGreaterThanOrEqual(4);
    for (const title of await page
      .locator('[data-editor-insert]')
      .evaluateAll((spans) => spans.map((span) => span.getAttribute('title')))) {
      expect(title).toBe(strings['edition.insert']);
    }
    const digits = page.locator('[data-figure="pixel"] [data-figure="mnist-digit"][data-highlight="380"]');
    expect(await digits.count()).toBe(2);
    const values = (await digits.evaluateAll((figures) => figures.map((figure) => figure.getAttribute('data-highlight-value')))).map(
      Number,
    );
    expect(values[0]).toBeGreaterThan(0.5);
    expect(values[1]).toBe(0);
    const mark = await digits.first().locator('.mnist-digit__mark').boundingBox();
    const image = await digits.first().locator('img').boundingBox();
    // Row 13, column 16 of 28: the outline sits just right of and below the image's centre.
    expect(((mark?.x ?? 0) - (image?.x ?? 0)) / (image?.width ?? 1)).toBeCloseTo(16 / 28, 1);
    expect(((mark?.y ?? 0) - (image?.y ?? 0)) / (image?.height ?? 1)).toBeCloseTo(13 / 28, 1);
  });
});

/** Japanese script: kana and kanji. */
const JAPANESE = '[\\u3040-\\u30ff\\u3400-\\u9fff]';

describe.each(['ja/mnist-softmax/', 'ja/demo/'])('Japanese typography on %s', (path) => {
  const shared = useSharedPage(browser, path);
  it('has no synthetic italics: no Japanese text is set in an italic or oblique style', async () => {
    const page = shared();
    const { checked, slanted, emphasised } = await page.evaluate((japanese) => {
      const pattern = new RegExp(japanese);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const elements = new Set<Element>();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && pattern.test(node.textContent ?? '')) elements.add(node.parentElement);
      }
      const slantedText = [...elements]
        .filter((element) => getComputedStyle(element).fontStyle !== 'normal')
        .map((element) => `${element.tagName}: ${element.textContent?.slice(0, 40)}`);
      const emphasisedText = [...elements].filter((element) => element.closest('em, i')).length;
      return { checked: elements.size, slanted: slantedText, emphasised: emphasisedText };
    }, JAPANESE);
    expect(checked).toBeGreaterThan(10);
    if (path.includes('mnist-softmax')) expect(emphasised).toBeGreaterThan(0); // captions are <em>: the rule is really exercised
    expect(slanted).toEqual([]);
  });

  it('has no half-width space between Japanese and Latin text, nor after full-width punctuation, in the prose', async () => {
    const page = shared();
    const offenders = await page.evaluate((japanese) => {
      // Prose written in the MDX (cells, figures, explorers and the session bar are interface); quoted
      // titles 「…」 keep their own spelling; code is set as written.
      const skip =
        'code, pre, kbd, samp, math, .katex, [data-cell], [data-session], [data-figure], [data-explorer], live-figure, figure, .editor-insert__label';
      const blocks = [...document.querySelectorAll('article :is(p, li, td, th, h2, h3, summary)')].filter(
        (element) => !element.closest(skip),
      );
      // A block's own text: nested blocks (a list in a list item) are read on their own.
      const nested = 'p, ul, ol, li, blockquote, table, aside, div';
      const textOf = (element: Element): string =>
        [...element.childNodes]
          .map((node) => {
            if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
            if (!(node instanceof Element) || node.matches(nested)) return '';
            return node.matches(skip) ? (node.matches('.editor-insert__label') ? '' : '⟨c⟩') : textOf(node);
          })
          .join('');
      const bad = new RegExp(`${japanese} [^\\s]|[^\\s] ${japanese}|[？！。、：] `);
      return blocks
        .map((block) =>
          textOf(block)
            .replace(/\s*\n\s*/g, ' ')
            .replace(/「[^」]*」/g, '「」'),
        )
        .filter((text) => bad.test(text))
        .map((text) => text.slice(0, 80));
    }, JAPANESE);
    expect(offenders).toEqual([]);
  });

  it('lets the browser space Japanese from Latin letters and digits (text-autospace)', async () => {
    const page = shared();
    expect(
      await page
        .locator('article p')
        .first()
        .evaluate((element) => getComputedStyle(element).getPropertyValue('text-autospace')),
    ).toBe('normal');
  });
});

describe('a translation behind its French original', () => {
  // A copy of the site in which the French demo gained a sentence that the translations lack:
  // the build says which sections are behind, and the pages say so to readers.
  let fixture = '';
  let server: StaticServer;
  let buildOutput = '';

  beforeAll(async () => {
    fixture = copySite('edition-fixture');
    appendFileSync(
      join(fixture, 'content/articles/fr/demo.mdx'),
      '\nUne phrase ajoutée au texte français, que les traductions n’ont pas.\n',
    );
    // Behind sections are warnings here; under CI they would fail the build.
    buildOutput = buildSiteCopy(fixture);
    server = await serveStatic(join(fixture, 'dist'));
  });

  afterAll(async () => {
    await server?.close();
    removeSite(fixture);
  });

  it('is reported by the build, naming the file and the section', () => {
    expect(buildOutput).toMatch(/content\/articles\/en\/demo\.mdx:\d+: section "\(intro\)" is behind French section "\(intro\)"/);
    expect(buildOutput).toMatch(/content\/articles\/ja\/demo\.mdx:\d+: section "\(intro\)" is behind/);
  });

  it.each(['en', 'ja'] as const)('shows a notice in %s, in the page’s language, with a link to the French', async (locale) => {
    const page = await browser().newPage();
    await page.goto(`${server.url}${locale}/demo/`);
    const notice = page.locator('[data-translation-behind]');
    expect(await notice.count()).toBe(1);
    expect(await notice.isVisible()).toBe(true);
    const t = translator(locale);
    expect(await notice.textContent()).toBe(t('edition.behind', { link: t('edition.behindLink') }));
    const link = notice.locator('a[data-translation-source]');
    expect(await link.getAttribute('hreflang')).toBe('fr');
    await link.click();
    await page.waitForURL(`${server.url}fr/demo/`);
    expect(await page.locator('article').textContent()).toContain('que les traductions n’ont pas');
    expect(await page.locator('[data-translation-behind]').count()).toBe(0);
    await page.close();
  });
});
