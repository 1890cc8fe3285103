import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleText } from '../../src/build/article/read-article.ts';
import type { ArticleRecord } from '../../src/build/article/record.ts';
import { BAKED_SOURCE_DIRS, createOutputsStore } from '../../src/build/bake/outputs-store.ts';
import { runArticle } from '../../src/build/bake/run-article.ts';

/** A throwaway project: one article in two languages, and a copy of the code that is part of the key. */
function fixtureProject(): { root: string; records: Record<'en' | 'fr', ArticleRecord> } {
  const root = mkdtempSync(join(tmpdir(), 'tf-facile-bake-'));
  for (const dir of BAKED_SOURCE_DIRS) cpSync(resolve(import.meta.dirname, '../..', dir), join(root, dir), { recursive: true });
  const record = (locale: 'en' | 'fr', comment: string): ArticleRecord => {
    const path = join(root, 'content/articles', locale, 'fixture.mdx');
    const text = `# Fixture\n\n\`\`\`js live id=answer\n${comment}\nconst answer = 6 * 7;\nprint(answer);\n\`\`\`\n\nIt is <Result name="answer" />.\n`;
    mkdirSync(join(root, 'content/articles', locale), { recursive: true });
    writeFileSync(path, text);
    return readArticleText(text, path);
  };
  return { root, records: { en: record('en', '// the answer'), fr: record('fr', '// la réponse') } };
}

function countingRunner() {
  const calls: string[] = [];
  const run: typeof runArticle = (options) => {
    calls.push(options.article);
    return runArticle(options);
  };
  return { calls, run };
}

describe('build-time outputs store', () => {
  it('runs an article once for all its translations, and a second build reuses the cache', async () => {
    const { root, records } = fixtureProject();
    const cacheDir = join(root, 'cache');
    const first = countingRunner();
    const build1 = createOutputsStore({ context: { root, cacheDir, mayRun: true }, run: first.run });
    const en = await build1.get(records.en);
    const fr = await build1.get(records.fr);
    expect(en?.cells['answer']?.output).toBe('42');
    expect(fr?.results['answer']).toEqual({ kind: 'number', value: 42 });
    expect(first.calls).toEqual(['en/fixture']);

    const second = countingRunner();
    const build2 = createOutputsStore({ context: { root, cacheDir, mayRun: true }, run: second.run });
    expect((await build2.get(records.fr))?.cells['answer']?.output).toBe('42');
    expect(second.calls).toEqual([]);
  });

  it('bakes again when the prose shows a new variable, though no cell changed', async () => {
    const { root, records } = fixtureProject();
    const cacheDir = join(root, 'cache');
    const runner = countingRunner();
    const store = createOutputsStore({ context: { root, cacheDir, mayRun: true }, run: runner.run });
    await store.get(records.en);
    const withMore: ArticleRecord = {
      ...records.en,
      components: [...records.en.components, { name: 'Result', props: { name: 'answer2' }, line: 9 }],
    };
    await store.get(withMore);
    expect(runner.calls).toEqual(['en/fixture', 'en/fixture']);
  });

  it('never runs cells in dev: cached outputs or nothing', async () => {
    const { root, records } = fixtureProject();
    const dev = countingRunner();
    const store = createOutputsStore({ context: { root, cacheDir: join(root, 'cache'), mayRun: false }, run: dev.run });
    expect(await store.get(records.en)).toBeUndefined();
    expect(dev.calls).toEqual([]);
  });
});
