import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { outputOf, runCell } from '../../scripts/support/reader.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { buildSite, PROJECT_ROOT } from '../../scripts/support/build-site.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const outDir = resolve(PROJECT_ROOT, 'dist-sub-path');
const browser = useBrowser();
let server: StaticServer;

beforeAll(async () => {
  // The same site built for https://example.org/tf-facile/, served by a plain static server under that path.
  buildSite({ outDir, basePath: '/tf-facile/', siteUrl: 'https://example.org' });
  server = await serveStatic(outDir, '/tf-facile/');
});

afterAll(async () => {
  await server.close();
});

describe('a site deployed under a sub-path', () => {
  it('runs a cell with MNIST, the worker and every asset under that path, with no failed request', async () => {
    const page = await browser().newPage();
    const failures: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
    await page.goto(`${server.url}en/mnist-softmax/`);
    expect(await runCell(page, 'inputs')).toBe('done');
    expect(await outputOf(page, 'inputs')).toBe('x: [10000, 784] y_: [10000, 10]');
    await page.locator('.language-switch a[hreflang="fr"]').click();
    await page.waitForURL(`${server.url}fr/mnist-softmax/`);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('writes absolute canonical and sitemap URLs under that path, for all three locales', () => {
    const sitemap = readFileSync(resolve(outDir, 'sitemap.xml'), 'utf8');
    for (const locale of LOCALES) expect(sitemap).toContain(`<loc>https://example.org/tf-facile/${locale}/mnist-softmax/</loc>`);
    const article = readFileSync(resolve(outDir, 'ja/mnist-softmax/index.html'), 'utf8');
    expect(article).toContain('<link rel="canonical" href="https://example.org/tf-facile/ja/mnist-softmax/">');
    expect(readFileSync(resolve(outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/tf-facile/sitemap.xml');
  });
});

describe('the main build', () => {
  it('has a sitemap listing the three locales with hreflang alternates', async () => {
    const sitemap = await (await fetch(`${inject('siteUrl')}sitemap.xml`)).text();
    for (const locale of LOCALES) expect(sitemap).toContain(`hreflang="${locale}"`);
  });
});
