/**
 * Build-time outputs of an article's cells, computed once per build and cached on disk.
 *
 * `npm run build` runs each article's cells (see run-article.ts) unless the cache already holds
 * outputs for the same code, data, TensorFlow.js version and runtime; the three translations of
 * an article share one entry. `npm run dev` never runs cells: it shows cached outputs, if any.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { version_core as tfVersion } from '@tensorflow/tfjs-core';
import { extractComponents, extractLiveCells } from '../article-source.ts';
import { shownVariables } from '../../figures/sources.ts';
import { outputsCacheKey } from './cache-key.ts';
import { runExclusive } from './exclusive.ts';
import { runArticle, type BakedArticle, type BakedCell } from './run-article.ts';
import { bakeGlobals, BAKE_SEED, dataChecksum } from './bake-globals.ts';
import type { ResultValue } from '../../runtime/protocol.ts';

const projectRoot = process.cwd();
const cacheDir = join(projectRoot, 'node_modules/.cache/tf-facile/outputs');
const inFlight = new Map<string, Promise<BakedArticle>>();

export interface ArticleOutputs {
  backend: string;
  cells: Record<string, BakedCell>;
  /** The last value of each variable the prose shows, after all cells ran. */
  results: Record<string, ResultValue>;
}

/** Undefined when there is nothing to show: in dev, before the article was ever built. */
export async function getArticleOutputs(article: string): Promise<ArticleOutputs | undefined> {
  const file = join(projectRoot, 'content/articles', `${article}.mdx`);
  const source = readFileSync(file, 'utf8');
  const cells = extractLiveCells(source);
  const resultNames = shownVariables(extractComponents(source));
  const key = outputsCacheKey({
    cells,
    tfVersion,
    dataChecksum: dataChecksum(projectRoot),
    seed: BAKE_SEED,
    runtimeDir: join(projectRoot, 'src/runtime'),
  });
  const cacheFile = join(cacheDir, `${key}.json`);

  let baked = inFlight.get(key);
  if (!baked) {
    if (existsSync(cacheFile)) {
      baked = Promise.resolve(JSON.parse(readFileSync(cacheFile, 'utf8')) as BakedArticle);
    } else if (import.meta.env.DEV) {
      return undefined;
    } else {
      baked = runExclusive(() =>
        runArticle({ article, file: relative(projectRoot, file), cells, resultNames, lazyGlobals: bakeGlobals(projectRoot) }),
      ).then((result) => {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(cacheFile, JSON.stringify(result));
        return result;
      });
    }
    inFlight.set(key, baked);
  }
  const result = await baked;
  return {
    ...result,
    results: Object.assign({}, ...cells.map((cell) => result.cells[cell.id]?.results ?? {})) as Record<string, ResultValue>,
  };
}
