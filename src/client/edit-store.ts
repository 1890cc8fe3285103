/**
 * Keeps the reader's edits of each cell across reloads, in localStorage.
 *
 * An edit is saved with a fingerprint of the original code it started from: when the author
 * changes that cell, the old edit no longer applies and is dropped. Storage that is full,
 * disabled or corrupt never breaks the page: edits then simply last for the visit.
 */
const PREFIX = 'tf-facile:edit:v1:';

interface SavedEdit {
  base: string;
  code: string;
}

export class EditStore {
  readonly #pageKey: string;
  readonly #storage: Storage | undefined;

  constructor(pageKey: string, storage: Storage | undefined = safeLocalStorage()) {
    this.#pageKey = pageKey;
    this.#storage = storage;
  }

  /** The saved code for a cell, if it was edited from this very original. */
  load(cellId: string, original: string): string | undefined {
    const key = this.#key(cellId);
    try {
      const raw = this.#storage?.getItem(key);
      if (raw == null) return undefined;
      const saved = JSON.parse(raw) as Partial<SavedEdit>;
      if (saved.base === fingerprint(original) && typeof saved.code === 'string') return saved.code;
      this.#storage?.removeItem(key);
    } catch {
      this.#forget(key);
    }
    return undefined;
  }

  save(cellId: string, original: string, code: string): void {
    if (code === original) {
      this.clear(cellId);
      return;
    }
    const saved: SavedEdit = { base: fingerprint(original), code };
    try {
      this.#storage?.setItem(this.#key(cellId), JSON.stringify(saved));
    } catch {
      // Quota exceeded or storage disabled: the edit stays in the editor for this visit.
    }
  }

  clear(cellId: string): void {
    this.#forget(this.#key(cellId));
  }

  #forget(key: string): void {
    try {
      this.#storage?.removeItem(key);
    } catch {
      // Nothing more we can do; the next save overwrites it.
    }
  }

  #key(cellId: string): string {
    return `${PREFIX}${this.#pageKey}:${cellId}`;
  }
}

/** FNV-1a, 32 bits: enough to notice that an original changed; not a security measure. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
