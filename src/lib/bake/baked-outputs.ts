/**
 * Build-time outputs of an article's cells, computed once per build and cached on disk.
 *
 * `npm run build` runs each article's cells (see run-article.ts) unless the cache already holds
 * outputs for the same code, data, TensorFlow.js version and runtime; the three translations of
 * an article share one entry. `npm run dev` never runs cells: it shows cached outputs, if any.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { extractComponents, extractLiveCells } from '../article-source.ts';
import { shownVariables } from '../../figures/sources.ts';
import { outputsCacheKey } from './cache-key.ts';
import { RUN_CELLS_ENV } from '../../integrations/cell-outputs.ts';
import { runExclusive } from './exclusive.ts';
import type { BakedArticle, BakedCell, RunArticleOptions } from './run-article.ts';
import { dataChecksum } from './data-checksum.ts';
import { MNIST_SEED } from '../../runtime/mnist-global.ts';

/*
 * Nothing here imports TensorFlow.js: the dev server's module runner cannot load it, and dev never
 * runs cells. The runner is imported only when a build has to run an article.
 */
const tfVersion = (createRequire(import.meta.url)('@tensorflow/tfjs-core/package.json') as { version: string }).version;
import type { ResultValue } from '../../runtime/protocol.ts';

export interface ArticleOutputs {
  backend: string;
  cells: Record<string, BakedCell>;
  /** The last value of each variable the prose shows, after all cells ran. */
  results: Record<string, ResultValue>;
}

export interface OutputsStoreOptions {
  /** Holds content/articles, src/runtime and public/data. */
  projectRoot: string;
  cacheDir: string;
  /** False in dev: show cached outputs only, never make the reader wait for training. */
  mayRun: boolean;
  /** Injected by tests; by default, runArticle with the build's MNIST. */
  run?: (options: RunArticleOptions) => Promise<BakedArticle>;
}

async function runWithBuildData(projectRoot: string, options: RunArticleOptions): Promise<BakedArticle> {
  const [{ runArticle }, { bakeGlobals }] = await Promise.all([import('./run-article.ts'), import('./bake-globals.ts')]);
  return runArticle({ ...options, lazyGlobals: bakeGlobals(projectRoot) });
}

export interface OutputsStore {
  /** Undefined when there is nothing to show: in dev, before the article was ever built. */
  get(article: string): Promise<ArticleOutputs | undefined>;
}

export function createOutputsStore(options: OutputsStoreOptions): OutputsStore {
  const { projectRoot, cacheDir, mayRun } = options;
  const run = options.run ?? ((runOptions: RunArticleOptions) => runWithBuildData(projectRoot, runOptions));
  const inFlight = new Map<string, Promise<BakedArticle>>();
  // Every cell, inline result and figure of a page asks for its article's outputs: during a build
  // (files do not change) read, parse and hash each article once. The dev server reads them again
  // on each request, so that a new build's outputs show without a restart.
  const byArticle = new Map<string, Promise<ArticleOutputs | undefined>>();

  async function load(article: string): Promise<ArticleOutputs | undefined> {
    const file = join(projectRoot, 'content/articles', `${article}.mdx`);
    const source = readFileSync(file, 'utf8');
    const cells = extractLiveCells(source);
    const resultNames = shownVariables(extractComponents(source));
    const key = outputsCacheKey({
      cells,
      tfVersion,
      dataChecksum: dataChecksum(projectRoot),
      seed: MNIST_SEED,
      runtimeDir: join(projectRoot, 'src/runtime'),
    });
    const cacheFile = join(cacheDir, `${key}.json`);

    let baked = inFlight.get(key);
    if (!baked) {
      if (existsSync(cacheFile)) {
        baked = Promise.resolve(JSON.parse(readFileSync(cacheFile, 'utf8')) as BakedArticle);
      } else if (!mayRun) {
        return undefined;
      } else {
        baked = runExclusive(() => run({ article, file: relative(projectRoot, file), cells, resultNames })).then((result) => {
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

  return {
    get(article) {
      if (!mayRun) return load(article);
      let outputs = byArticle.get(article);
      if (!outputs) {
        outputs = load(article);
        byArticle.set(article, outputs);
      }
      return outputs;
    },
  };
}

// Astro runs the build from the project root; the cell-outputs integration says whether it builds.
const store = createOutputsStore({
  projectRoot: process.cwd(),
  cacheDir: join(process.cwd(), 'node_modules/.cache/tf-facile/outputs'),
  mayRun: process.env[RUN_CELLS_ENV] === '1',
});

export function getArticleOutputs(article: string): Promise<ArticleOutputs | undefined> {
  return store.get(article);
}

/** The build-time value of a variable that the prose or a figure shows, if any. */
export async function bakedVariable(article: string | undefined, name: string): Promise<ResultValue | undefined> {
  return article ? (await getArticleOutputs(article))?.results[name] : undefined;
}
