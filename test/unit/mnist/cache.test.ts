import { describe, expect, it } from 'vitest';
import { createCacheStorageAssetCache, createMemoryAssetCache, type CacheLike, type CacheStorageLike } from '../../../src/mnist/cache.ts';

/** The Cache API as far as the cache uses it, in memory (Node has no `caches`). */
function fakeCacheStorage(): CacheStorageLike & { entries: Map<string, Response> } {
  const entries = new Map<string, Response>();
  const cache: CacheLike = {
    match: (request) => Promise.resolve(entries.get(request)?.clone()),
    put: async (request, response) => {
      entries.set(request, response);
      await Promise.resolve();
    },
  };
  return { entries, open: () => Promise.resolve(cache) };
}

const bytes = (...values: number[]): ArrayBuffer => Uint8Array.from(values).buffer;

describe('the Cache API asset cache', () => {
  it('returns what was stored for the same name and version', async () => {
    const cache = createCacheStorageAssetCache({ caches: fakeCacheStorage() });
    await cache.put({ name: 'train-labels', sha256: 'aa' }, bytes(1, 2, 3));
    expect(new Uint8Array((await cache.get({ name: 'train-labels', sha256: 'aa' })) ?? new ArrayBuffer(0))).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('misses for another version, and a new version replaces the old one', async () => {
    const storage = fakeCacheStorage();
    const cache = createCacheStorageAssetCache({ caches: storage });
    await cache.put({ name: 'train-labels', sha256: 'aa' }, bytes(1));
    expect(await cache.get({ name: 'train-labels', sha256: 'bb' })).toBeUndefined();
    await cache.put({ name: 'train-labels', sha256: 'bb' }, bytes(2));
    expect(storage.entries.size).toBe(1);
    expect(await cache.get({ name: 'train-labels', sha256: 'aa' })).toBeUndefined();
  });

  it('is a no-op where the Cache API does not exist', async () => {
    const cache = createCacheStorageAssetCache();
    await expect(cache.put({ name: 'x', sha256: 'aa' }, bytes(1))).resolves.toBeUndefined();
    await expect(cache.get({ name: 'x', sha256: 'aa' })).resolves.toBeUndefined();
  });
});

describe('the memory asset cache', () => {
  it('keeps one version per name and hands out copies', async () => {
    const cache = createMemoryAssetCache();
    const stored = bytes(5, 6);
    await cache.put({ name: 'a', sha256: '1' }, stored);
    new Uint8Array(stored)[0] = 0;
    expect(new Uint8Array((await cache.get({ name: 'a', sha256: '1' })) ?? new ArrayBuffer(0))).toEqual(Uint8Array.of(5, 6));
    expect(await cache.get({ name: 'a', sha256: '2' })).toBeUndefined();
  });
});
