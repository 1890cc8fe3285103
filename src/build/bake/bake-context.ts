/**
 * What the build-time outputs need to know about the build that asks for them: where the project
 * is, where to cache, and whether cells may run (`astro build`) or not (`astro dev` shows cached
 * outputs only, so that it starts at once). The live-articles integration provides it to pages as
 * the virtual module `virtual:tf-facile/bake-context`.
 */
export interface BakeContext {
  /** The project root: holds src/ (part of the cache key) and public/data/mnist. */
  root: string;
  cacheDir: string;
  mayRun: boolean;
}

export const BAKE_CONTEXT_MODULE = 'virtual:tf-facile/bake-context';

/** Where a build keeps an article's outputs, inside Astro's cache folder (`config.cacheDir`). */
export const OUTPUTS_CACHE_FOLDER = 'tf-facile/outputs/';
