/**
 * Keeps the reader's edits of each cell across reloads, in localStorage.
 *
 * An edit is saved with the original code it started from (`base`), so that when the author
 * changes the cell the page can say so and show the three versions, instead of dropping the edit
 * (see cell-edits.ts). Storage that is full, disabled or corrupt never breaks the page: edits then
 * simply last for the visit.
 */
const PREFIX = 'tf-facile:edit:v2:';
/** Version 1 saved a fingerprint of the original, not the original: read once, then rewritten. */
const PREFIX_V1 = 'tf-facile:edit:v1:';

export interface SavedEdit {
  /** The article's code this edit started from; null when unknown (an edit saved by version 1). */
  base: string | null;
  code: string;
}

export interface StoredCell extends SavedEdit {
  /** The reader's previous edit, kept when shared or imported code replaced it. */
  earlier?: SavedEdit;
}

export class EditStore {
  readonly #pageKey: string;
  readonly #storage: Storage | undefined;

  constructor(pageKey: string, storage: Storage | undefined = safeLocalStorage()) {
    this.#pageKey = pageKey;
    this.#storage = storage;
  }

  /** What is saved for a cell, whatever original it started from; `original` migrates old saves. */
  load(cellId: string, original: string): StoredCell | undefined {
    const key = this.#key(PREFIX, cellId);
    try {
      const raw = this.#storage?.getItem(key);
      if (raw != null) return parseStoredCell(raw);
    } catch {
      // Unreadable storage: nothing saved, as far as this visit can tell.
      return undefined;
    }
    return this.#migrateV1(cellId, original);
  }

  /** Saves a cell's state; `undefined` forgets it. */
  save(cellId: string, stored: StoredCell | undefined): void {
    if (!stored) {
      this.clear(cellId);
      return;
    }
    try {
      this.#storage?.setItem(this.#key(PREFIX, cellId), JSON.stringify(stored));
    } catch {
      // Quota exceeded or storage disabled: the edit stays in the editor for this visit.
    }
  }

  clear(cellId: string): void {
    this.#forget(this.#key(PREFIX, cellId));
  }

  #migrateV1(cellId: string, original: string): StoredCell | undefined {
    const key = this.#key(PREFIX_V1, cellId);
    let raw: string | null | undefined;
    try {
      raw = this.#storage?.getItem(key);
    } catch {
      return undefined;
    }
    if (raw == null) return undefined;
    let migrated: StoredCell | undefined;
    try {
      const saved = JSON.parse(raw) as { base?: unknown; code?: unknown };
      if (typeof saved.code === 'string') {
        // The fingerprint tells whether the edit started from today's original; if not, which
        // original it was is lost, but the edit itself is kept.
        migrated = { base: saved.base === fingerprint(original) ? original : null, code: saved.code };
      }
    } catch {
      // Corrupt: nothing to migrate.
    }
    if (migrated) this.save(cellId, migrated);
    this.#forget(key);
    return migrated;
  }

  #forget(key: string): void {
    try {
      this.#storage?.removeItem(key);
    } catch {
      // Nothing more we can do; the next save overwrites it.
    }
  }

  #key(prefix: string, cellId: string): string {
    return `${prefix}${this.#pageKey}:${cellId}`;
  }
}

/** A stored cell, or undefined when the text is not one (corrupt or foreign data). */
export function parseStoredCell(raw: string): StoredCell | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const edit = asSavedEdit(parsed);
  if (!edit) return undefined;
  const earlier = asSavedEdit((parsed as { earlier?: unknown }).earlier);
  return earlier ? { ...edit, earlier } : edit;
}

function asSavedEdit(value: unknown): SavedEdit | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { base, code } = value as { base?: unknown; code?: unknown };
  if (typeof code !== 'string' || (base !== null && typeof base !== 'string')) return undefined;
  return { base, code };
}

/** FNV-1a, 32 bits: how version 1 recorded the original; not a security measure. */
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
