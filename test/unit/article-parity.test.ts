import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import {
  extractComponents,
  extractFences,
  extractLiveCells,
  javascriptWithoutComments,
  pythonWithoutComments,
} from '../../src/lib/article-source.ts';

const root = join(import.meta.dirname, '../../content/articles');
const read = (locale: string, file: string) => readFileSync(join(root, locale, file), 'utf8');
const files = [...new Set(LOCALES.flatMap((locale) => readdirSync(join(root, locale)).filter((name) => name.endsWith('.mdx'))))];

describe.each(files)('the translations of %s', (file) => {
  it('exist in every locale', () => {
    for (const locale of LOCALES) expect(() => read(locale, file), `${locale}/${file}`).not.toThrow();
  });

  it('have the same live cells, in the same order, with the same code apart from comments', () => {
    const [reference, ...others] = LOCALES.map((locale) =>
      extractLiveCells(read(locale, file)).map((cell) => ({ id: cell.id, code: javascriptWithoutComments(cell.code) })),
    );
    expect(reference?.length).toBeGreaterThan(0);
    for (const cells of others) expect(cells).toEqual(reference);
  });

  it('show the same original code apart from comments', () => {
    const originals = LOCALES.map((locale) =>
      extractFences(read(locale, file))
        .filter((fence) => /\boriginal\b/.test(fence.meta))
        .map((fence) => pythonWithoutComments(fence.code)),
    );
    for (const fences of originals) expect(fences).toEqual(originals[0]);
  });

  it('use the same figures, results and notes in the same order', () => {
    const components = LOCALES.map((locale) => extractComponents(read(locale, file)));
    for (const list of components) expect(list).toEqual(components[0]);
  });
});

describe('article source helpers', () => {
  it('strip comments but not code that looks like one', () => {
    expect(javascriptWithoutComments('const a = "//x"; // note\n/* block */\nprint(a)')).toBe('const a = "//x";\nprint(a)');
    expect(pythonWithoutComments("s = '#1'  # the first\n# only a comment\nprint(s)")).toBe("s = '#1'\nprint(s)");
  });

  it('list fences with their line and live cells with their id', () => {
    const mdx = 'Intro\n\n```js live id=a\nconst x = 1;\n```\n\n```python original\nx = 1\n```\n';
    expect(extractFences(mdx)).toEqual([
      { lang: 'js', meta: 'live id=a', code: 'const x = 1;', line: 3 },
      { lang: 'python', meta: 'original', code: 'x = 1', line: 7 },
    ]);
    expect(extractLiveCells(mdx)).toEqual([{ id: 'a', code: 'const x = 1;', line: 3 }]);
  });

  it('list components with their attributes, ignoring code', () => {
    expect(extractComponents('<Result name="acc" /> and <LiveFigure kind="kmeans" index={0} grid />\n```js\n<NotThis />\n```')).toEqual([
      'Result name="acc"',
      'LiveFigure kind="kmeans" index={0} grid',
    ]);
  });
});
