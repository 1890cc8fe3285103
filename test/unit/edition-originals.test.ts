/**
 * The author's Python, verbatim: every ```python original block of the articles has exactly the
 * code lines of one whole block of the source text (content/sources/), comments aside, in the
 * source's order, none split in two, none left out. Differences from runnable Python are explained
 * in notes, never fixed in the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { readArticle } from '../../src/build/article/read-article.ts';
import { pythonWithoutComments } from '../../src/build/article/code-text.ts';

const root = join(import.meta.dirname, '../..');
const sourceLines = readFileSync(join(root, 'content/sources/mnist-softmax.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trimEnd());

/** The source's lines that hold code once comments are gone, with their line index. */
const sourceCode = sourceLines.flatMap((text, line) => {
  const code = pythonWithoutComments(text);
  return code === '' ? [] : [{ code, line }];
});

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';
const isComment = (line: string | undefined) => line?.trim().startsWith('#') ?? false;

interface SourceSpan {
  /** First and last line of the block in the source, its comment-only lines included. */
  first: number;
  last: number;
}

/** Where `code` (lines without comments) sits in the source, searching from source line `from`. */
function findInSource(code: readonly string[], from: number): SourceSpan | undefined {
  for (let start = 0; start + code.length <= sourceCode.length; start++) {
    const first = sourceCode[start];
    if (!first || first.line < from) continue;
    if (!code.every((line, offset) => sourceCode[start + offset]?.code === line)) continue;
    let firstLine = first.line;
    let lastLine = sourceCode[start + code.length - 1]?.line ?? firstLine;
    while (isComment(sourceLines[firstLine - 1])) firstLine--;
    while (isComment(sourceLines[lastLine + 1])) lastLine++;
    return { first: firstLine, last: lastLine };
  }
  return undefined;
}

/** Source blocks, as the scrape left them: a block title, two blank lines, then the code. */
const titledSourceBlocks = sourceLines.flatMap((line, index) =>
  index >= 2 && !isBlank(line) && isBlank(sourceLines[index - 1]) && isBlank(sourceLines[index - 2]) ? [index] : [],
);

describe.each(LOCALES)('the Python blocks of mnist-softmax in %s', (locale) => {
  const originals = readArticle(join(root, 'content/articles', locale, 'mnist-softmax.mdx')).originals;

  it('are the source’s code blocks, line for line, in its order, none split', () => {
    expect(originals.length).toBeGreaterThan(0);
    let from = 0;
    const spans: SourceSpan[] = [];
    for (const original of originals) {
      const code = pythonWithoutComments(original.code).split('\n');
      const span = findInSource(code, from);
      expect(span, `line ${original.line}: not in the source, or not after the previous block:\n${code.join('\n')}`).toBeDefined();
      if (!span) return;
      // A whole block: blank lines around it (the scrape glued the 19/05/2016 addendum, "•", to one).
      expect(isBlank(sourceLines[span.first - 1]), `line ${original.line}: starts inside a source block`).toBe(true);
      const next = sourceLines[span.last + 1];
      expect(isBlank(next) || next?.trim().startsWith('•'), `line ${original.line}: stops inside a source block`).toBe(true);
      const previous = spans.at(-1);
      if (previous) {
        const between = sourceLines.slice(previous.last + 1, span.first);
        expect(between.every(isBlank), `line ${original.line}: one source block split in two`).toBe(false);
      }
      spans.push(span);
      from = span.last + 1;
    }
    // None left out: each titled block of the source is one of the article's.
    expect(titledSourceBlocks.filter((first) => !spans.some((span) => span.first === first))).toEqual([]);
  });

  it('keep the author’s names and notation, such as log-y and ==>, that would not run', () => {
    const code = originals.map((original) => original.code).join('\n');
    expect(code).toContain('log-y = tf.log(y)');
    expect(code).toContain('tf.reduce_sum(x) ==> 6\n');
    expect(code).toContain('------\ncross_entropy = -tf.reduce_sum(y_*tf.log(y))');
    expect(code).toContain('print "accuracy:", accuracy\naccuracy: 0.9128');
  });
});

describe('the source text', () => {
  it('is found by the block finder for a known block, and a block cut short is refused', () => {
    const forLoop = ['for i in range(1000):', ' batch_xs, batch_ys = mnist.train.next_batch(100)'];
    const span = findInSource(forLoop, 0);
    expect(span).toBeDefined();
    // The loop's block has a third line: stopping after two lines is not a whole block.
    expect(isBlank(sourceLines[(span?.last ?? 0) + 1])).toBe(false);
  });
});
