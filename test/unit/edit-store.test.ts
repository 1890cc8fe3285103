import { describe, expect, it } from 'vitest';
import { EditStore, fingerprint } from '../../src/client/edit-store.ts';

class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('quota', 'QuotaExceededError');
  }
}

class BrokenStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new Error('SecurityError');
  }
  override removeItem(): void {
    throw new Error('SecurityError');
  }
}

describe('EditStore', () => {
  it('gives back an edit saved from the same original', () => {
    const store = new EditStore('/en/demo/', new MemoryStorage());
    store.save('a', 'original', 'edited');
    expect(store.load('a', 'original')).toBe('edited');
  });

  it('keeps edits apart per page and per cell', () => {
    const storage = new MemoryStorage();
    new EditStore('/en/demo/', storage).save('a', 'o', 'en edit');
    expect(new EditStore('/fr/demo/', storage).load('a', 'o')).toBeUndefined();
    expect(new EditStore('/en/demo/', storage).load('b', 'o')).toBeUndefined();
  });

  it('drops an edit once the author changed the original code', () => {
    const storage = new MemoryStorage();
    const store = new EditStore('/p/', storage);
    store.save('a', 'version 1', 'my edit');
    expect(store.load('a', 'version 2')).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('forgets the edit when the code is back to the original', () => {
    const storage = new MemoryStorage();
    const store = new EditStore('/p/', storage);
    store.save('a', 'o', 'x');
    store.save('a', 'o', 'o');
    expect(storage.length).toBe(0);
  });

  it('ignores corrupt saved data', () => {
    const storage = new MemoryStorage();
    storage.setItem('tf-facile:edit:v1:/p/:a', '{not json');
    expect(new EditStore('/p/', storage).load('a', 'o')).toBeUndefined();
  });

  it('keeps working when storage is full, throws, or is missing', () => {
    expect(() => new EditStore('/p/', new FullStorage()).save('a', 'o', 'x')).not.toThrow();
    expect(new EditStore('/p/', new BrokenStorage()).load('a', 'o')).toBeUndefined();
    expect(new EditStore('/p/', undefined).load('a', 'o')).toBeUndefined();
  });

  it('fingerprints different code differently', () => {
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
    expect(fingerprint('same')).toBe(fingerprint('same'));
  });
});
