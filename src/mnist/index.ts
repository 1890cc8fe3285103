/**
 * MNIST for the article: load the compressed assets, then wrap them in the
 * `mnist` object. No DOM or Node APIs: runs in a Web Worker and in Node 22.
 *
 *   const bytes = await loadMnistBytes({ fetch, baseUrl, cache: createCacheStorageAssetCache() });
 *   const mnist = createMnist(tf, bytes, { seed: 0 });
 *   const [xs, ys] = mnist.train.nextBatch(100);
 *
 * See README.md in this folder.
 */
export {
  loadMnistBytes,
  loadMnistTestBytes,
  type LoadMnistOptions,
  type MnistBytes,
  type MnistProgress,
  type MnistSplitBytes,
} from './load.ts';
export { createMnist, createMnistTestSet, type CreateMnistOptions, type Mnist } from './mnist.ts';
export { NUM_CLASSES, type DataSet, type TfCore } from './dataset.ts';
export {
  createCacheStorageAssetCache,
  createMemoryAssetCache,
  type AssetCache,
  type AssetCacheKey,
  type CacheStorageAssetCacheOptions,
} from './cache.ts';
export type { FetchFunction } from './download.ts';
export { MnistError } from './errors.ts';
export { createRandom, type Random } from './random.ts';
