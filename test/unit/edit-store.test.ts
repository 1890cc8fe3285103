import { describe, expect, it } from 'vitest';
import { EditStore, fingerprint } from '../../src/client/edit-store.ts';
import { BrokenStorage, FullStorage, MemoryStorage } from '../support/memory-storage.ts';

describe('EditStore', () => {
  it('gives back an edit with the original it started from', () => {
    const store = new EditStore('/en/demo/', new MemoryStorage());
    store.save('a', { base: 'original', code: 'edited' });
    expect(store.load('a', 'original')).toEqual({ base: 'original', code: 'edited' });
  });

  it('keeps edits apart per page and per cell', () => {
    const storage = new MemoryStorage();
    new EditStore('/en/demo/', storage).save('a', { base: 'o', code: 'en edit' });
    expect(new EditStore('/fr/demo/', storage).load('a', 'o')).toBeUndefined();
    expect(new EditStore('/en/demo/', storage).load('b', 'o')).toBeUndefined();
  });

  it('keeps an edit after the author changed the original, with the original it started from', () => {
    const store = new EditStore('/p/', new MemoryStorage());
    store.save('a', { base: 'version 1', code: 'my edit' });
    expect(store.load('a', 'version 2')).toEqual({ base: 'version 1', code: 'my edit' });
  });

  it('keeps the earlier edit saved alongside', () => {
    const store = new EditStore('/p/', new MemoryStorage());
    store.save('a', { base: 'o', code: 'kept shared code', earlier: { base: 'o', code: 'mine' } });
    expect(store.load('a', 'o')?.earlier).toEqual({ base: 'o', code: 'mine' });
  });

  it('forgets a cell when asked', () => {
    const storage = new MemoryStorage();
    const store = new EditStore('/p/', storage);
    store.save('a', { base: 'o', code: 'x' });
    store.save('a', undefined);
    expect(storage.length).toBe(0);
  });

  it('migrates an edit saved by version 1, even one whose original changed since', () => {
    const storage = new MemoryStorage();
    storage.setItem('tf-facile:edit:v1:/p/:same', JSON.stringify({ base: fingerprint('o'), code: 'edit of o' }));
    storage.setItem('tf-facile:edit:v1:/p/:changed', JSON.stringify({ base: fingerprint('old'), code: 'edit of old' }));
    const store = new EditStore('/p/', storage);
    expect(store.load('same', 'o')).toEqual({ base: 'o', code: 'edit of o' });
    expect(store.load('changed', 'new')).toEqual({ base: null, code: 'edit of old' });
    expect(storage.getItem('tf-facile:edit:v1:/p/:changed')).toBeNull();
    expect(new EditStore('/p/', storage).load('changed', 'new')).toEqual({ base: null, code: 'edit of old' });
  });

  it('ignores corrupt or foreign saved data', () => {
    const storage = new MemoryStorage();
    storage.setItem('tf-facile:edit:v2:/p/:a', '{not json');
    storage.setItem('tf-facile:edit:v2:/p/:b', JSON.stringify({ code: 42 }));
    storage.setItem('tf-facile:edit:v1:/p/:c', '{not json');
    const store = new EditStore('/p/', storage);
    expect(store.load('a', 'o')).toBeUndefined();
    expect(store.load('b', 'o')).toBeUndefined();
    expect(store.load('c', 'o')).toBeUndefined();
  });

  it('keeps working when storage is full, throws, or is missing', () => {
    expect(() => new EditStore('/p/', new FullStorage()).save('a', { base: 'o', code: 'x' })).not.toThrow();
    expect(new EditStore('/p/', new BrokenStorage()).load('a', 'o')).toBeUndefined();
    expect(() => new EditStore('/p/', new BrokenStorage()).save('a', undefined)).not.toThrow();
    expect(new EditStore('/p/', undefined).load('a', 'o')).toBeUndefined();
  });
});
