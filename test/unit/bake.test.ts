import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLiveCells } from '../../src/lib/article-source.ts';
import { outputsCacheKey } from '../../src/lib/bake/cache-key.ts';
import { CellBuildError, runArticle } from '../../src/lib/bake/run-article.ts';

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
      cells: extractLiveCells(fixture),
      resultNames: ['answer'],
    });
    expect(baked.backend).toBe('cpu');
    expect(baked.cells['first']).toEqual({ output: 'the answer is 42', results: { answer: { kind: 'number', value: 42 } } });
    expect(baked.cells['second']?.output).toBe('tf.Tensor([42.  1.], shape=(2,), dtype=float32)');
  });

  it('fails with the article, the cell id and the line in the MDX file when a cell throws', async () => {
    const broken = fixture.replace('tf.tensor1d([answer, 1])', 'const y = 1;\nundefinedThing.call()');
    const run = runArticle({
      article: 'en/fixture',
      file: 'content/articles/en/fixture.mdx',
      cells: extractLiveCells(broken),
      resultNames: [],
    });
    await expect(run).rejects.toThrow(CellBuildError);
    await expect(run).rejects.toThrow(
      'Cell "second" of en/fixture (content/articles/en/fixture.mdx:10, line 2, column 1 of the cell) failed: ReferenceError: undefinedThing is not defined',
    );
  });
});

describe('outputsCacheKey', () => {
  const base = { tfVersion: '4.22.0', dataChecksum: 'abc', seed: 0 };
  const cells = extractLiveCells(fixture);

  it('is shared by translations that differ only in comments', () => {
    const runtimeDir = runtimeDirWith('v1');
    const translated = extractLiveCells(fixture.replace('const answer', '// la réponse\nconst answer'));
    expect(outputsCacheKey({ ...base, cells: translated, runtimeDir })).toBe(outputsCacheKey({ ...base, cells, runtimeDir }));
  });

  it('changes with the code, the data, the TensorFlow.js version, the seed and the runtime', () => {
    const runtimeDir = runtimeDirWith('v1');
    const key = outputsCacheKey({ ...base, cells, runtimeDir });
    expect(outputsCacheKey({ ...base, cells: extractLiveCells(fixture.replace('6 * 7', '6 * 8')), runtimeDir })).not.toBe(key);
    expect(outputsCacheKey({ ...base, dataChecksum: 'def', cells, runtimeDir })).not.toBe(key);
    expect(outputsCacheKey({ ...base, tfVersion: '4.23.0', cells, runtimeDir })).not.toBe(key);
    expect(outputsCacheKey({ ...base, seed: 1, cells, runtimeDir })).not.toBe(key);
    expect(outputsCacheKey({ ...base, cells, runtimeDir: runtimeDirWith('v2') })).not.toBe(key);
  });
});
