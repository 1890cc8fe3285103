import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { remarkLiveCells } from '../../src/build/article/remark-live-cells.ts';
import { recordFromFrontmatter } from '../../src/build/article/record.ts';

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: Array<{ name: string; value: string }>;
  children?: Node[];
}

function transform(mdx: string): { tree: Root; file: VFile } {
  const file = new VFile({ path: 'content/articles/en/pairs.mdx', value: mdx, data: { astro: { frontmatter: {} } } });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkLiveCells);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}

/** The tree as nested names: elements by name, other nodes by type. */
function shape(node: Node): unknown {
  const label = node.name ?? node.type;
  const className = node.attributes?.find((attribute) => attribute.name === 'class')?.value;
  const name = className ? `${label}.${className}` : label;
  const children = (node.children ?? []).filter((child) => child.type !== 'text' || child.value?.trim());
  return children.length > 0 && !['LiveCell', 'OriginalCode'].includes(label) ? { [name]: children.map(shape) } : name;
}

const fence = (info: string, code: string) => ['```' + info, code, '```'].join('\n');

describe('grouping what reads as one unit', () => {
  it('makes the original post’s title, its Python and the live cell after it one pair', () => {
    const { tree } = transform(
      [
        '*The weights W*',
        fence('python original', 'W = tf.Variable(tf.zeros([784, 10]))'),
        fence('js live id=variables', 'const W = 1;'),
      ].join('\n\n'),
    );
    expect((tree.children as Node[]).map(shape)).toEqual([
      { CodePair: [{ 'figcaption.code-pair__caption': ['text'] }, 'OriginalCode', 'LiveCell'] },
    ]);
  });

  it('pairs an original without a title too, and leaves an original with prose before its cell alone', () => {
    const { tree } = transform(
      [
        fence('python original', 'a = 1'),
        fence('js live id=a', 'const a = 1;'),
        fence('python original', 'b = 2'),
        'Some prose.',
        fence('js live id=b', 'const b = 2;'),
      ].join('\n\n'),
    );
    expect((tree.children as Node[]).map(shape)).toEqual([
      { CodePair: ['OriginalCode', 'LiveCell'] },
      'OriginalCode',
      { paragraph: ['text'] },
      'LiveCell',
    ]);
  });

  it('gives a figure the italic paragraph after it as its one caption, but not a paragraph that says more', () => {
    const { tree } = transform(
      [
        '<LiveFigure kind="bias-plot" />',
        '*The bias shifts the curve.*',
        '<LiveFigure kind="flattened-one" />',
        '*A real “1”.* If you look closely…',
      ].join('\n\n'),
    );
    expect((tree.children as Node[]).map(shape)).toEqual([
      { 'figure.article-figure': ['LiveFigure', { 'figcaption.article-figure__caption': ['text'] }] },
      'LiveFigure',
      { paragraph: [{ emphasis: ['text'] }, 'text'] },
    ]);
  });

  it('keeps recording the cells, originals and components exactly as written', () => {
    const { file } = transform(
      [
        '*Title*',
        fence('python original', 'x = 1'),
        fence('js live id=x', 'const x = 1;'),
        '<LiveFigure kind="bias-plot" />',
        '*Caption*',
      ].join('\n\n'),
    );
    const record = recordFromFrontmatter((file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter);
    expect(record?.cells.map((cell) => cell.id)).toEqual(['x']);
    expect(record?.originals.map((original) => original.code)).toEqual(['x = 1']);
    expect(record?.components.map((component) => component.name)).toEqual(['LiveFigure']);
  });
});
