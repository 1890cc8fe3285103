import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function importErrors(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: resolve(import.meta.dirname, '../..', file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the rooms of src/ (eslint.config.js)', () => {
  it.each([
    ['src/runtime/x.ts', '../client/live-cell.ts'],
    ['src/runtime/x.ts', '../figures/programs.ts'],
    ['src/runtime/deep/x.ts', '../../build/png.ts'],
    ['src/mnist/x.ts', '../runtime/protocol.ts'],
    ['src/figures/x.ts', '../worker/session-worker.ts'],
    ['src/client/x.ts', '../build/highlight.ts'],
    ['src/worker/x.ts', '../client/main.ts'],
    ['src/build/x.ts', '../worker/choose-backend.ts'],
    ['src/runtime/x.ts', 'node:fs'],
    ['src/client/x.ts', 'astro:content'],
    ['src/offline/x.ts', '../client/offline.ts'],
    ['src/offline/x.ts', 'node:fs'],
  ])('refuse an import that points up or sideways: %s importing %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toHaveLength(1);
  });

  it.each([
    ['src/runtime/x.ts', '../mnist/index.ts'],
    ['src/figures/x.ts', '../runtime/protocol.ts'],
    ['src/client/x.ts', '../runtime/notebook/notebook.ts'],
    ['src/build/bake/x.ts', '../../runtime/cell-session.ts'],
    ['src/build/x.ts', 'node:fs'],
    ['src/client/x.ts', '../offline/build-info.ts'],
    ['src/build/offline/x.ts', '../../offline/page-build.ts'],
  ])('allow an import that points down: %s importing %s', async (file, specifier) => {
    expect(await importErrors(file, specifier)).toEqual([]);
  });
});
