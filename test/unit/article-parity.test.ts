import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { javascriptWithoutComments, pythonWithoutComments } from '../../src/build/article/code-text.ts';
import { readArticle } from '../../src/build/article/read-article.ts';

const root = join(import.meta.dirname, '../../content/articles');
const files = [...new Set(LOCALES.flatMap((locale) => readdirSync(join(root, locale)).filter((name) => name.endsWith('.mdx'))))];

describe.each(files)('the translations of %s', (file) => {
  const records = LOCALES.map((locale) => readArticle(join(root, locale, file)));

  it('exist in every locale', () => {
    expect(records.map((record) => record.article)).toEqual(LOCALES.map((locale) => `${locale}/${file.replace(/\.mdx$/, '')}`));
  });

  it('have the same live cells, in the same order, with the same code apart from comments', () => {
    const [reference, ...others] = records.map((record) =>
      record.cells.map((cell) => ({ id: cell.id, code: javascriptWithoutComments(cell.code) })),
    );
    expect(reference?.length).toBeGreaterThan(0);
    for (const cells of others) expect(cells).toEqual(reference);
  });

  it('show the same original code apart from comments', () => {
    const originals = records.map((record) => record.originals.map((original) => pythonWithoutComments(original.code)));
    for (const fences of originals) expect(fences).toEqual(originals[0]);
  });

  it('use the same figures, results and notes in the same order, with the same props (labels aside)', () => {
    // A control's label is text for the reader, in the page's language; every other prop must match.
    const withoutLabels = (props: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(props).filter(([name]) => name !== 'label'));
    const components = records.map((record) => record.components.map(({ name, props }) => ({ name, props: withoutLabels(props) })));
    for (const list of components) expect(list).toEqual(components[0]);
  });
});

describe('code compared across translations', () => {
  it('leaves out comments but not code that looks like one', () => {
    expect(javascriptWithoutComments('const a = "//x"; // note\n/* block */\nprint(a)')).toBe('const a = "//x";\nprint(a)');
    expect(pythonWithoutComments("s = '#1'  # the first\n# only a comment\nprint(s)")).toBe("s = '#1'\nprint(s)");
  });
});
