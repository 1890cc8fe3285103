/**
 * Build-time outputs of an article's cells, computed once per build and cached on disk.
 *
 * `npm run build` runs each article's cells (see run-article.ts) unless the cache already holds
 * outputs for the same inputs (cache-key.ts); the three translations of an article share one
 * entry. `npm run dev` never runs cells: it shows cached outputs, if any.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { ArticleRecord } from '../article/record.ts';
import { shownNames } from '../article/shown-names.ts';
import type { ResultValue } from '../../runtime/protocol.ts';
import { MNIST_SEED } from '../../runtime/mnist-global.ts';
import type { BakeContext } from './bake-context.ts';
import { outputsCacheKey } from './cache-key.ts';
import { dataChecksum } from './data-checksum.ts';
import { runExclusive } from './exclusive.ts';
import type { BakedArticle, BakedCell, RunArticleOptions } from './run-article.ts';

/*
 * Nothing here imports TensorFlow.js: the dev server's module runner cannot load it, and dev never
 * runs cells. The runner is imported only when a build has to run an article.
 */
const tfVersion = (createRequire(import.meta.url)('@tensorflow/tfjs-core/package.json') as { version: string }).version;

/** The source folders whose code decides what a page shows: a change there re-bakes. */
export const BAKED_SOURCE_DIRS = ['src/runtime', 'src/mnist', 'src/figures', 'src/build/bake'];

export interface ArticleOutputs {
  backend: string;
  cells: Record<string, BakedCell>;
  /** The last value of each variable the prose shows, after all cells ran. */
  results: Record<string, ResultValue>;
}

export interface OutputsStoreOptions {
  context: BakeContext;
  /** Injected by tests; by default, runArticle with the build's MNIST. */
  run?: (options: RunArticleOptions) => Promise<BakedArticle>;
}

export interface OutputsStore {
  /** Undefined when there is nothing to show: in dev, before the article was ever built. */
  get(record: ArticleRecord): Promise<ArticleOutputs | undefined>;
}

async function runWithBuildData(root: string, options: RunArticleOptions): Promise<BakedArticle> {
  const [{ runArticle }, { bakeGlobals }] = await Promise.all([import('./run-article.ts'), import('./bake-globals.ts')]);
  return runArticle({ ...options, lazyGlobals: bakeGlobals(root) });
}

export function createOutputsStore(options: OutputsStoreOptions): OutputsStore {
  const { root, cacheDir, mayRun } = options.context;
  const run = options.run ?? ((runOptions: RunArticleOptions) => runWithBuildData(root, runOptions));
  // Translations share a key: the second asks while the first runs, and waits for the same run.
  const inFlight = new Map<string, Promise<BakedArticle>>();

  return {
    async get(record) {
      const resultNames = shownNames(record);
      const key = outputsCacheKey({
        cells: record.cells,
        shownNames: resultNames,
        components: record.components,
        tfVersion,
        dataChecksum: dataChecksum(root),
        seed: MNIST_SEED,
        sourceDirs: BAKED_SOURCE_DIRS.map((dir) => join(root, dir)),
      });
      const cacheFile = join(cacheDir, `${key}.json`);
      let baked = inFlight.get(key);
      if (!baked) {
        if (existsSync(cacheFile)) {
          baked = Promise.resolve(JSON.parse(readFileSync(cacheFile, 'utf8')) as BakedArticle);
        } else if (!mayRun) {
          return undefined;
        } else {
          baked = runExclusive(() => run({ article: record.article, file: record.file, record, resultNames })).then((result) => {
            mkdirSync(cacheDir, { recursive: true });
            writeFileSync(cacheFile, JSON.stringify(result));
            return result;
          });
        }
        // In dev the files change between requests: only a build keeps what it read.
        if (mayRun) inFlight.set(key, baked);
      }
      const result = await baked;
      return {
        ...result,
        results: Object.assign({}, ...record.cells.map((cell) => result.cells[cell.id]?.results ?? {})) as Record<string, ResultValue>,
      };
    },
  };
}

const stores = new Map<string, OutputsStore>();

/** The outputs of an article for this build: one store per bake context, shared by its pages. */
export function articleOutputs(record: ArticleRecord, context: BakeContext): Promise<ArticleOutputs | undefined> {
  const id = JSON.stringify(context);
  let store = stores.get(id);
  if (!store) {
    store = createOutputsStore({ context });
    stores.set(id, store);
  }
  return store.get(record);
}
