import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { parseFenceMeta, remarkLiveCells } from '../../src/build/article/remark-live-cells.ts';
import { readArticleText } from '../../src/build/article/read-article.ts';
import { recordFromFrontmatter } from '../../src/build/article/record.ts';

function codeNode(lang: string, meta: string, value: string, line = 1) {
  return { type: 'code' as const, lang, meta, value, position: { start: { line, column: 1 }, end: { line, column: 1 } } };
}

function transform(...nodes: ReturnType<typeof codeNode>[]): Root {
  const tree: Root = { type: 'root', children: [{ type: 'blockquote', children: nodes }] };
  remarkLiveCells()(tree, { path: 'content/articles/fr/x.mdx', data: {} });
  return tree;
}

describe('parseFenceMeta', () => {
  it('reads the live flag and the id', () => {
    expect(parseFenceMeta('live id=softmax')).toEqual({ live: true, original: false, id: 'softmax' });
    expect(parseFenceMeta('original')).toEqual({ live: false, original: true });
    expect(parseFenceMeta(null)).toEqual({ live: false, original: false });
  });
});

describe('remarkLiveCells', () => {
  it('turns live fences into LiveCell elements, even nested, with the raw code', () => {
    const tree = transform(codeNode('js', 'live id=a', 'const x = 1;'));
    expect(JSON.stringify(tree)).toContain('"name":"LiveCell"');
    expect(JSON.stringify(tree)).toContain('{"type":"mdxJsxAttribute","name":"code","value":"const x = 1;"}');
  });

  it('turns original fences into OriginalCode and leaves other fences alone', () => {
    const tree = transform(codeNode('python', 'original', 'import tensorflow as tf'), codeNode('sh', '', 'npm test'));
    const text = JSON.stringify(tree);
    expect(text).toContain('"name":"OriginalCode"');
    expect(text).toContain('"type":"code","lang":"sh"');
  });

  it('fails the build on a duplicate id, naming the file and both lines', () => {
    expect(() => transform(codeNode('js', 'live id=a', '1', 3), codeNode('js', 'live id=a', '2', 9))).toThrow(
      'content/articles/fr/x.mdx:9: the cell id "a" is already used on line 3.',
    );
  });

  it('fails the build on a missing or malformed id, or a non-JavaScript live cell', () => {
    expect(() => transform(codeNode('js', 'live', '1'))).toThrow(/needs an id/);
    expect(() => transform(codeNode('js', 'live id=Soft_Max', '1'))).toThrow(/needs an id/);
    expect(() => transform(codeNode('python', 'live id=a', '1'))).toThrow(/must be JavaScript/);
  });

  it('records the cells, the originals and the components of the prose, nested ones included', () => {
    const mdx = [
      '---',
      "title: 'T'",
      '---',
      '',
      '> ```js live id=quoted',
      '> const q = 1;',
      '> ```',
      '',
      '<Aside>',
      '',
      'It is <Result name=\'q\' digits={2} />, see <LiveFigure kind="mnist-digit" index={0} grid />.',
      '',
      '</Aside>',
      '',
      '```python original',
      'q = 1',
      '```',
    ].join('\n');
    const record = readArticleText(mdx, 'content/articles/en/nested.mdx');
    expect(record.article).toBe('en/nested');
    expect(record.cells).toEqual([{ id: 'quoted', code: 'const q = 1;', line: 5 }]);
    expect(record.originals).toEqual([{ lang: 'python', code: 'q = 1', line: 15 }]);
    expect(record.components.map(({ name, props }) => ({ name, props }))).toEqual([
      { name: 'Aside', props: {} },
      { name: 'Result', props: { name: 'q', digits: 2 } },
      { name: 'LiveFigure', props: { kind: 'mnist-digit', index: 0, grid: true } },
    ]);
  });

  it('leaves its record where Astro hands it to the page', () => {
    const file = { path: 'content/articles/fr/x.mdx', data: { astro: { frontmatter: { title: 'T' } } } };
    remarkLiveCells()({ type: 'root', children: [codeNode('js', 'live id=a', '1')] }, file);
    expect(file.data.astro.frontmatter.title).toBe('T');
    expect(recordFromFrontmatter(file.data.astro.frontmatter)?.cells.map((cell) => cell.id)).toEqual(['a']);
  });
});
