import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { parseFenceMeta, remarkLiveCells } from '../../src/integrations/remark-live-cells.ts';

function codeNode(lang: string, meta: string, value: string, line = 1) {
  return { type: 'code' as const, lang, meta, value, position: { start: { line, column: 1 }, end: { line, column: 1 } } };
}

function transform(...nodes: ReturnType<typeof codeNode>[]): Root {
  const tree: Root = { type: 'root', children: [{ type: 'blockquote', children: nodes }] };
  remarkLiveCells()(tree, { path: 'content/articles/fr/x.mdx' });
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
});
