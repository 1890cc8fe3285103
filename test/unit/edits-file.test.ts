import { describe, expect, it } from 'vitest';
import { EditsFileError, editsFileName, formatEditsFile, parseEditsFile } from '../../src/client/edits-file.ts';

const WORDS = {
  title: 'My edits: Demo',
  intro: 'Written by tf-facile.',
  original: 'The article’s code this edit started from:',
  originalUnknown: 'Not recorded.',
  edit: 'My version:',
};
const KNOWN = new Set(['tensors', 'matmul', 'fit']);

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof EditsFileError) return error.problem;
    throw error;
  }
  throw new Error('expected an EditsFileError');
}

describe('the edits file', () => {
  it('is readable Markdown: one fenced block per edited cell with its id, after the original it started from', () => {
    const text = formatEditsFile(
      { article: 'demo', page: '/en/demo/', cells: { tensors: { base: 'const a = 1;', code: 'const a = 2;' } } },
      WORDS,
    );
    expect(text).toContain('# My edits: Demo');
    expect(text).toContain('article: demo');
    expect(text).toContain('```js original id=tensors\nconst a = 1;\n```');
    expect(text).toContain('```js edit id=tensors\nconst a = 2;\n```');
  });

  it('reads back exactly what it wrote, whatever the code holds (backticks, fences, blank lines)', () => {
    const cells = {
      tensors: { base: 'print(`a`);\n', code: 'const s = "```";\n\n````\nprint(s)' },
      matmul: { base: null, code: '' },
      fit: { base: 'line\r', code: 'article: other\n```js edit id=tensors\n# heading' },
    };
    const text = formatEditsFile({ article: 'demo', page: '/fr/demo/', cells }, WORDS);
    expect(parseEditsFile(text, 'demo', KNOWN)).toEqual({ article: 'demo', page: '/fr/demo/', cells });
  });

  it('accepts a file from the same article in another language (cell ids are the same)', () => {
    const text = formatEditsFile({ article: 'demo', page: '/ja/demo/', cells: { fit: { base: 'o', code: 'x' } } }, WORDS);
    expect(parseEditsFile(text, 'demo', KNOWN).cells['fit']).toEqual({ base: 'o', code: 'x' });
  });

  it('refuses, as a whole, files that are not ours, of another article, with unknown cells, damaged or empty', () => {
    const good = formatEditsFile({ article: 'demo', page: '/en/demo/', cells: { tensors: { base: 'o', code: 'x' } } }, WORDS);
    expect(problemOf(() => parseEditsFile('# Some notes\n```js\ncode\n```', 'demo', KNOWN))).toBe('notOurs');
    expect(problemOf(() => parseEditsFile(good, 'mnist-softmax', KNOWN))).toBe('otherArticle');
    expect(problemOf(() => parseEditsFile(good, 'demo', new Set(['matmul'])))).toBe('unknownCells');
    expect(problemOf(() => parseEditsFile(good.slice(0, good.lastIndexOf('```')), 'demo', KNOWN))).toBe('damaged');
    expect(problemOf(() => parseEditsFile(good.replace('edit id=tensors', 'edit id=matmul'), 'demo', KNOWN))).toBe('damaged');
    expect(problemOf(() => parseEditsFile(good.replace('article: demo\n', ''), 'demo', KNOWN))).toBe('damaged');
    expect(problemOf(() => parseEditsFile(good.split('## ')[0] ?? '', 'demo', KNOWN))).toBe('empty');
    expect(problemOf(() => parseEditsFile(`${good}${' '.repeat(2_000_001)}`, 'demo', KNOWN))).toBe('tooLarge');
  });

  it('names the download after the article', () => {
    expect(editsFileName('mnist-softmax')).toBe('tf-facile-mnist-softmax-edits.md');
  });
});

describe('the edits file saved again with Windows line ends', () => {
  it('still reads the same code', () => {
    const text = formatEditsFile({ article: 'demo', page: '/en/demo/', cells: { fit: { base: 'a\nb', code: 'c\nd' } } }, WORDS);
    expect(parseEditsFile(text.replace(/\n/g, '\r\n'), 'demo', KNOWN).cells['fit']).toEqual({ base: 'a\nb', code: 'c\nd' });
  });
});
