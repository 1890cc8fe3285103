import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleText } from '../../src/build/article/read-article.ts';
import { outputsCacheKey } from '../../src/build/bake/cache-key.ts';
import { CellBuildError, runArticle } from '../../src/build/bake/run-article.ts';

const fixture = [
  '# A fixture article',
  '',
  '```js live id=first',
  'const answer = 6 * 7;',
  'print("the answer is", answer);',
  '```',
  '',
  '```js live id=second',
  'tf.tensor1d([answer, 1])',
  '```',
  '',
].join('\n');

const recordOf = (mdx: string) => readArticleText(mdx, 'content/articles/en/fixture.mdx');
const extractLiveCells = (mdx: string) => recordOf(mdx).cells;

function runtimeDirWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'runtime-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'a.ts'), content);
  return dir;
}

describe('runArticle (build-time execution)', () => {
  it('runs the cells in order in Node and keeps what each one shows', async () => {
    const baked = await runArticle({
      article: 'en/fixture',
      file: 'fixture.mdx',
      record: recordOf(fixture),
      resultNames: ['answer'],
    });
    expect(baked.backend).toBe('cpu');
    expect(baked.cells['first']).toMatchObject({ output: 'the answer is 42', results: { answer: { kind: 'number', value: 42 } } });
    expect(baked.cells['second']?.output).toBe('tf.Tensor([42.  1.], shape=(2,), dtype=float32)');
  });

  it('fails with the article, the cell id and the line in the MDX file when a cell throws', async () => {
    const broken = fixture.replace('tf.tensor1d([answer, 1])', 'const y = 1;\nundefinedThing.call()');
    const run = runArticle({
      article: 'en/fixture',
      file: 'content/articles/en/fixture.mdx',
      record: recordOf(broken),
      resultNames: [],
    });
    await expect(run).rejects.toThrow(CellBuildError);
    await expect(run).rejects.toThrow(
      'Cell "second" of en/fixture (content/articles/en/fixture.mdx:10, line 2, column 1 of the cell) failed: ReferenceError: undefinedThing is not defined',
    );
  });
});

describe('outputsCacheKey', () => {
  const base = { tfVersion: '4.22.0', dataChecksum: 'abc', seed: 0, shownNames: ['answer'], components: [] };
  const cells = extractLiveCells(fixture);

  it('is shared by translations that differ only in comments', () => {
    const sourceDirs = [runtimeDirWith('v1')];
    const translated = extractLiveCells(fixture.replace('const answer', '// la réponse\nconst answer'));
    expect(outputsCacheKey({ ...base, cells: translated, sourceDirs })).toBe(outputsCacheKey({ ...base, cells, sourceDirs }));
  });

  it('changes with the code, the data, the TensorFlow.js version, the seed and the source that runs and bakes cells', () => {
    const sourceDirs = [runtimeDirWith('v1'), runtimeDirWith('bake v1')];
    const key = outputsCacheKey({ ...base, cells, sourceDirs });
    expect(outputsCacheKey({ ...base, cells: extractLiveCells(fixture.replace('6 * 7', '6 * 8')), sourceDirs })).not.toBe(key);
    expect(outputsCacheKey({ ...base, dataChecksum: 'def', cells, sourceDirs })).not.toBe(key);
    expect(outputsCacheKey({ ...base, tfVersion: '4.23.0', cells, sourceDirs })).not.toBe(key);
    expect(outputsCacheKey({ ...base, seed: 1, cells, sourceDirs })).not.toBe(key);
    expect(outputsCacheKey({ ...base, cells, sourceDirs: [sourceDirs[0] ?? '', runtimeDirWith('bake v2')] })).not.toBe(key);
  });

  it('changes when the prose shows another variable or a figure changes, though no cell changed', () => {
    const sourceDirs = [runtimeDirWith('v1')];
    const key = outputsCacheKey({ ...base, cells, sourceDirs });
    expect(outputsCacheKey({ ...base, cells, sourceDirs, shownNames: ['answer', 'other'] })).not.toBe(key);
    const figure = { name: 'LiveFigure', props: { kind: 'softmax-bars', source: 'y_0' } };
    const withFigure = outputsCacheKey({ ...base, cells, sourceDirs, components: [figure] });
    expect(withFigure).not.toBe(key);
    expect(
      outputsCacheKey({ ...base, cells, sourceDirs, components: [{ ...figure, props: { ...figure.props, source: 'y_1' } }] }),
    ).not.toBe(withFigure);
    // Prose decorations change nothing that is baked.
    expect(outputsCacheKey({ ...base, cells, sourceDirs, components: [{ name: 'EditorNote', props: { date: '2026-12' } }] })).toBe(key);
  });
});
