/**
 * A persistent cache for the compressed assets, so a returning reader does
 * not download 8 MB again.
 */

/** Identifies one version of one asset. */
export interface AssetCacheKey {
  /** The asset's name, e.g. "train-images": one cache entry per name. */
  readonly name: string;
  /** SHA-256 of the compressed bytes: the version. */
  readonly sha256: string;
}

/**
 * Implementations may fail in any way (quota, storage disabled, private
 * browsing); the loader treats a failed get as a miss and ignores a failed
 * put. The loader also re-checks the SHA-256 of whatever get returns.
 */
export interface AssetCache {
  /** The bytes stored under key.name if they are version key.sha256, else undefined. */
  get(key: AssetCacheKey): Promise<ArrayBuffer | undefined>;
  /**
   * Stores the bytes for key.name, replacing any other version. Takes its copy of the bytes before
   * it returns (the loader does not wait for the write, and goes on using them).
   */
  put(key: AssetCacheKey, bytes: ArrayBuffer): Promise<void>;
}

/** The parts of the Cache API (window.caches / self.caches) used here. */
export interface CacheStorageLike {
  open(cacheName: string): Promise<CacheLike>;
}
export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

export interface CacheStorageAssetCacheOptions {
  /** Defaults to "tf-facile-mnist". */
  readonly cacheName?: string | undefined;
  /** Defaults to globalThis.caches (absent in Node and on insecure origins). */
  readonly caches?: CacheStorageLike | undefined;
}

const VERSION_HEADER = 'x-tf-facile-sha256';
/**
 * Cache API keys must be http(s) URLs, but they are never fetched. One URL
 * per asset name means putting a new version overwrites the old one, so
 * stale data sets do not pile up in the reader's storage.
 */
const KEY_ORIGIN = 'https://mnist-cache.tf-facile.invalid/';

/** An AssetCache on the browser Cache API; works in windows and workers. */
export function createCacheStorageAssetCache(options: CacheStorageAssetCacheOptions = {}): AssetCache {
  const cacheName = options.cacheName ?? 'tf-facile-mnist';
  const openCache = async (): Promise<CacheLike | undefined> => {
    const storage = options.caches ?? (globalThis as { caches?: CacheStorageLike }).caches;
    return storage === undefined ? undefined : await storage.open(cacheName);
  };
  const url = (key: AssetCacheKey): string => KEY_ORIGIN + encodeURIComponent(key.name);
  return {
    async get(key) {
      const cache = await openCache();
      const response = await cache?.match(url(key));
      if (response === undefined || response.headers.get(VERSION_HEADER) !== key.sha256) return undefined;
      return await response.arrayBuffer();
    },
    async put(key, bytes) {
      // The response copies the bytes now, before the first await (see AssetCache.put).
      const response = new Response(bytes, { headers: { 'content-type': 'application/octet-stream', [VERSION_HEADER]: key.sha256 } });
      const cache = await openCache();
      await cache?.put(url(key), response);
    },
  };
}

/** An AssetCache in memory: for tests, and for reloading within one page. */
export function createMemoryAssetCache(): AssetCache {
  const entries = new Map<string, { sha256: string; bytes: ArrayBuffer }>();
  return {
    get(key) {
      const entry = entries.get(key.name);
      return Promise.resolve(entry?.sha256 === key.sha256 ? entry.bytes.slice(0) : undefined);
    },
    put(key, bytes) {
      entries.set(key.name, { sha256: key.sha256, bytes: bytes.slice(0) });
      return Promise.resolve();
    },
  };
}
