import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutputsStore } from '../../src/lib/bake/baked-outputs.ts';
import { runArticle } from '../../src/lib/bake/run-article.ts';

/** A throwaway project: one article in two languages, and a copy of the runtime (part of the key). */
function fixtureProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'tf-facile-bake-'));
  cpSync(resolve(import.meta.dirname, '../../src/runtime'), join(root, 'src/runtime'), { recursive: true });
  for (const [locale, comment] of [
    ['en', '// the answer'],
    ['fr', '// la réponse'],
  ] as const) {
    mkdirSync(join(root, 'content/articles', locale), { recursive: true });
    writeFileSync(
      join(root, 'content/articles', locale, 'fixture.mdx'),
      `# Fixture\n\n\`\`\`js live id=answer\n${comment}\nconst answer = 6 * 7;\nprint(answer);\n\`\`\`\n\nIt is <Result name="answer" />.\n`,
    );
  }
  return root;
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
    const root = fixtureProject();
    const cacheDir = join(root, 'cache');
    const first = countingRunner();
    const build1 = createOutputsStore({ projectRoot: root, cacheDir, mayRun: true, run: first.run });
    const en = await build1.get('en/fixture');
    const fr = await build1.get('fr/fixture');
    expect(en?.cells['answer']?.output).toBe('42');
    expect(fr?.results['answer']).toEqual({ kind: 'number', value: 42 });
    expect(first.calls).toEqual(['en/fixture']);

    const second = countingRunner();
    const build2 = createOutputsStore({ projectRoot: root, cacheDir, mayRun: true, run: second.run });
    expect((await build2.get('fr/fixture'))?.cells['answer']?.output).toBe('42');
    expect(second.calls).toEqual([]);
  });

  it('never runs cells in dev: cached outputs or nothing', async () => {
    const root = fixtureProject();
    const dev = countingRunner();
    const store = createOutputsStore({ projectRoot: root, cacheDir: join(root, 'cache'), mayRun: false, run: dev.run });
    expect(await store.get('en/fixture')).toBeUndefined();
    expect(dev.calls).toEqual([]);
  });
});
