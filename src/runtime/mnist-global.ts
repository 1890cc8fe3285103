/**
 * The `mnist` global of the cells: loaded once, the first time a cell mentions it, with the same
 * seed in the browser and at build time so that batches, and so results, match.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import type { LazyGlobal } from './cell-session.ts';
import { createMnist, loadMnistBytes, type AssetCache, type FetchFunction, type Mnist, type MnistProgress } from '../mnist/index.ts';

export const MNIST_SEED = 0;

export interface MnistGlobalOptions {
  tf: typeof tfCore;
  fetch: FetchFunction;
  /** The folder that holds manifest.json and the compressed files. */
  baseUrl: string | URL;
  cache?: AssetCache;
  onProgress?: (progress: MnistProgress) => void;
}

export async function loadMnistGlobal(options: MnistGlobalOptions): Promise<Mnist> {
  const bytes = await loadMnistBytes({
    fetch: options.fetch,
    baseUrl: options.baseUrl,
    cache: options.cache,
    onProgress: options.onProgress,
  });
  return createMnist(options.tf, bytes, { seed: MNIST_SEED });
}

/**
 * `mnist` as a lazily loaded global of the cells: loaded on first use, and rewound before every
 * cell that uses it, so that `nextBatch` gives a cell the same batches whichever cells ran before
 * (results depend on the code, not on the order of runs).
 */
export function mnistLazyGlobal(options: MnistGlobalOptions): LazyGlobal {
  return {
    load: () => loadMnistGlobal(options),
    beforeCell: (mnist) => (mnist as Mnist).rewind(),
  };
}
