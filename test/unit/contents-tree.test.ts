import { describe, expect, it } from 'vitest';
import { contentsTree } from '../../src/components/contents-tree.ts';

const heading = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase().replace(/\W+/g, '-') });

describe('the table of contents', () => {
  it('nests each section’s subsections under it, so sections keep their own numbers', () => {
    const { sections, numberedInText } = contentsTree([
      heading(2, '3: Hello, World!'),
      heading(3, 'Rank'),
      heading(3, 'Shape'),
      heading(2, '4: Processing'),
      heading(4, 'ignored'),
      heading(3, 'Weights'),
    ]);
    expect(sections.map((section) => [section.text, section.subsections.map((sub) => sub.text)])).toEqual([
      ['3: Hello, World!', ['Rank', 'Shape']],
      ['4: Processing', ['Weights']],
    ]);
    expect(numberedInText).toBe(true);
  });

  it('numbers the list itself only when no heading carries a number', () => {
    expect(contentsTree([heading(2, 'Intro'), heading(2, 'Next')]).numberedInText).toBe(false);
    // The article's numbered sections, then its unnumbered appendix.
    expect(contentsTree([heading(2, '6: Next time'), heading(2, 'Appendix: TensorFlow 2')]).numberedInText).toBe(true);
    expect(contentsTree([heading(2, '１：はじめに'), heading(2, '２：つぎ')]).numberedInText).toBe(true);
    expect(contentsTree([]).numberedInText).toBe(false);
  });
});
