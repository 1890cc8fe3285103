/**
 * CONTRIBUTING.md's recipes "add a locale", "add an article" and "add a figure kind", followed to
 * the letter in a copy of the site: a fourth locale needs its line in the registry
 * (src/i18n/locales.ts) and its content, nothing else; a new French article needs its MDX file,
 * nothing else; a figure kind needs its component and one line in FIGURE_KINDS. The copy builds,
 * and readers get the pages, the language switch, the sitemap, French interface strings where the
 * new locale has none yet, the new article's cell run at build time and its figure drawn.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../support/use-browser.ts';
import { buildSiteCopy, copySite, removeSite } from '../support/site-fixture.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { translator } from '../../src/i18n/ui.ts';

const browser = useBrowser();
let fixture = '';
let server: StaticServer;

/** The recipe's one registry edit: the code and the name of the language. */
function addLocaleToRegistry(file: string): void {
  const source = readFileSync(file, 'utf8');
  const withLocale = source
    .replace(/export const LOCALES = \[([^\]]*)\] as const;/, (_line, list: string) => `export const LOCALES = [${list}, 'de'] as const;`)
    .replace(
      /export const LOCALE_NAMES: Record<Locale, string> = \{([^}]*)\};/,
      (_line, names: string) => `export const LOCALE_NAMES: Record<Locale, string> = {${names}, de: 'Deutsch' };`,
    );
  if (withLocale === source || !withLocale.includes("'de'] as const") || !withLocale.includes("de: 'Deutsch'"))
    throw new Error('src/i18n/locales.ts no longer matches the recipe in CONTRIBUTING.md');
  writeFileSync(file, withLocale);
}

/** The figure recipe's one registry edit: the component's import and its line in FIGURE_KINDS. */
function addFigureKindToRegistry(file: string): void {
  const source = readFileSync(file, 'utf8');
  const withKind = source
    .replace(
      "import BiasPlot from './BiasPlot.astro';",
      "import BiasPlot from './BiasPlot.astro';\nimport TensorShape from './TensorShape.astro';",
    )
    .replace(
      '} satisfies Record<string, FigureKind>;',
      "  'tensor-shape': { component: TensorShape, props: ({ index }) => ({ rows: index ?? 1 }) },\n} satisfies Record<string, FigureKind>;",
    );
  if (!withKind.includes('import TensorShape') || !withKind.includes("'tensor-shape'"))
    throw new Error('src/components/figures/figure-kinds.ts no longer matches the recipe in CONTRIBUTING.md');
  writeFileSync(file, withKind);
}

beforeAll(async () => {
  fixture = copySite('contributing-fixture');
  // Recipe "add a locale": the registry line, then the content.
  addLocaleToRegistry(join(fixture, 'src/i18n/locales.ts'));
  mkdirSync(join(fixture, 'content/articles/de'));
  const englishDemo = readFileSync(join(fixture, 'content/articles/en/demo.mdx'), 'utf8');
  writeFileSync(
    join(fixture, 'content/articles/de/demo.mdx'),
    englishDemo
      .replace(/^title: .*$/m, "title: 'Demo: lebendige Code-Zellen'")
      .replace(/^description: .*$/m, "description: 'Eine kurze Seite zum Ausprobieren.'"),
  );

  // Recipe "add a figure kind": a static component, and its line in the registry.
  writeFileSync(
    join(fixture, 'src/components/figures/TensorShape.astro'),
    [
      '---',
      'interface Props {',
      '  rows: number;',
      '}',
      'const { rows } = Astro.props;',
      '---',
      '',
      '<figure class="tensor-shape" data-figure="tensor-shape"><figcaption>[{rows}, 784]</figcaption></figure>',
      '',
    ].join('\n'),
  );
  addFigureKindToRegistry(join(fixture, 'src/components/figures/figure-kinds.ts'));

  // Recipe "add an article": one MDX file, French first.
  writeFileSync(
    join(fixture, 'content/articles/fr/bonjour.mdx'),
    [
      '---',
      "title: 'Bonjour'",
      "description: 'Un article d’une cellule.'",
      '---',
      '',
      'Une cellule, exécutée à la construction du site :',
      '',
      '```js live id=somme',
      'const total = tf.tensor1d([1, 2, 3]).sum().dataSync()[0];',
      'print("total :", total);',
      '```',
      '',
      'La somme vaut <Result name="total" digits={0} />.',
      '',
      '<LiveFigure kind="tensor-shape" index={100} />',
      '',
    ].join('\n'),
  );

  buildSiteCopy(fixture);
  server = await serveStatic(join(fixture, 'dist'));
});

afterAll(async () => {
  await server?.close();
  removeSite(fixture);
});

describe('CONTRIBUTING.md: add a locale', () => {
  it('publishes the new locale’s pages, in the switch and the sitemap, with French interface strings until translated', async () => {
    const page = await browser().newPage();
    await page.goto(`${server.url}de/demo/`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.title()).toContain('lebendige Code-Zellen');
    // The interface falls back to French, the site's reference language, key by key.
    await page.locator('[data-cell] [data-action="run"]').first().waitFor({ state: 'visible' });
    expect((await page.locator('[data-cell] [data-action="run"]').first().textContent())?.trim()).toBe(translator('fr')('cell.run'));
    await page.goto(`${server.url}en/demo/`);
    expect(await page.locator('a[hreflang="de"]').first().getAttribute('href')).toMatch(/\/de\/demo\/$/);
    const sitemap = await (await fetch(`${server.url}sitemap.xml`)).text();
    expect(sitemap).toContain('/de/demo/');
    await page.close();
  });
});

/** The new article as a reader without JavaScript gets it: what the build made, nothing more. */
async function readArticleWithoutScripts<T>(read: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser().newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}fr/bonjour/`);
    return await read(page);
  } finally {
    await context.close();
  }
}

describe('CONTRIBUTING.md: add an article', () => {
  it('publishes it with its cell run at build time and its value in the prose, before any script', async () => {
    await readArticleWithoutScripts(async (page) => {
      expect(await page.locator('[data-cell="somme"] [data-output]').textContent()).toBe('total : 6');
      expect((await page.locator('[data-result="total"]').textContent())?.trim()).toBe('6');
    });
  });
});

describe('CONTRIBUTING.md: add a figure kind', () => {
  it('draws the new kind where an article names it, with the props the registry line gives it', async () => {
    await readArticleWithoutScripts(async (page) => {
      expect(await page.locator('[data-figure="tensor-shape"] figcaption').textContent()).toBe('[100, 784]');
    });
  });
});
