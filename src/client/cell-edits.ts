/**
 * The versions of one cell's code and the rules between them, without any DOM: the article's
 * original, the reader's saved edit (with the original it started from), code shown from a share
 * link (a layer, not saved), and the reader's earlier edit when shared or imported code replaced
 * it. The rule throughout: nothing the reader wrote is dropped without the reader's click.
 */
import type { EditStore, SavedEdit, StoredCell } from './edit-store.ts';

/** Where the cell's saved edit stands against today's original. */
export type EditStatus =
  /** No edit: the cell shows the article's code. */
  | 'original'
  /** An edit of today's original. */
  | 'edited'
  /** An edit of an older original: the article changed this cell since the reader edited it. */
  | 'conflict';

export function editStatus(saved: SavedEdit | undefined, original: string): EditStatus {
  if (!saved || saved.code === original) return 'original';
  return saved.base === original ? 'edited' : 'conflict';
}

/** What importing an edit does to a cell (see CellEdits.importEdit). */
export type ImportOutcome = 'unchanged' | 'applied' | 'conflict';

/** What the cell shows about its versions. */
export interface CellEditsView {
  code: string;
  status: EditStatus;
  /** Shared code is shown; the reader's own version is `ownCode`. */
  fromLink: boolean;
  /** The reader has an edit of their own (saved), hidden or not. */
  hasOwnEdit: boolean;
  /** A previous edit of the reader's is kept and can be brought back. */
  hasEarlier: boolean;
}

export class CellEdits {
  readonly #store: EditStore;
  readonly #cellId: string;
  readonly #original: string;
  #saved: StoredCell | undefined;
  #shared: { code: string; seen: boolean } | undefined;

  constructor(cellId: string, original: string, store: EditStore) {
    this.#cellId = cellId;
    this.#original = original;
    this.#store = store;
    this.#saved = store.load(cellId, original);
    if (this.#saved && this.#saved.code === original && !this.#saved.earlier) {
      // The article now reads exactly as the edit: nothing to keep apart.
      this.#write(undefined);
    }
  }

  get original(): string {
    return this.#original;
  }

  /** The code the cell shows and runs. */
  get code(): string {
    return this.#shared?.code ?? this.ownCode;
  }

  /** The reader's own version: their saved edit, or the article's code. */
  get ownCode(): string {
    return this.#saved?.code ?? this.#original;
  }

  /** The saved edit (with the original it started from), if any. */
  get saved(): SavedEdit | undefined {
    return this.#saved && { base: this.#saved.base, code: this.#saved.code };
  }

  view(): CellEditsView {
    return {
      code: this.code,
      status: editStatus(this.#saved, this.#original),
      fromLink: this.#shared !== undefined,
      hasOwnEdit: this.#saved !== undefined && this.#saved.code !== this.#original,
      hasEarlier: this.#saved?.earlier !== undefined,
    };
  }

  /** Shared code is shown but unsaved, and the reader has neither run, kept nor edited it. */
  get sharedNotYetSeen(): boolean {
    return this.#shared !== undefined && !this.#shared.seen;
  }

  /** The reader typed: the code becomes their saved edit. Editing shared code keeps it. */
  typed(code: string): void {
    if (this.#shared) {
      if (code === this.#shared.code) return;
      this.#adopt(code);
      return;
    }
    if (code === this.ownCode) return;
    // An edit keeps the original it started from: typing more does not settle a conflict.
    const base = this.#saved ? this.#saved.base : this.#original;
    this.#write(this.#withEarlier({ base, code }));
  }

  /** Code from a share link, shown over the reader's own version without saving it. */
  showShared(code: string): void {
    this.#shared = code === this.ownCode ? undefined : { code, seen: false };
  }

  /** The reader ran the shared code, or agreed to run it. */
  markSeen(): void {
    if (this.#shared) this.#shared.seen = true;
  }

  /** Saves the shared code as the reader's edit; their previous edit is kept as `earlier`. */
  keepShared(): void {
    if (this.#shared) this.#adopt(this.#shared.code);
  }

  /** Leaves the shared code: the reader's own version is shown again. */
  dropShared(): void {
    this.#shared = undefined;
  }

  /** Conflict: keep the edit, now counted as an edit of today's original. */
  keepMine(): void {
    if (this.#saved) this.#write({ ...this.#saved, base: this.#original });
  }

  /** Conflict: the article's code replaces the edit (the reader's click). */
  takeArticle(): void {
    this.#write(this.#withEarlier(undefined));
  }

  /** Swaps the current edit and the earlier one: nothing is lost, one more click swaps back. */
  swapEarlier(): void {
    const earlier = this.#saved?.earlier;
    if (!this.#saved || !earlier) return;
    const current = this.#saved.code === this.#original ? undefined : { base: this.#saved.base, code: this.#saved.code };
    this.#shared = undefined;
    this.#write(current ? { ...earlier, earlier: current } : earlier);
  }

  forgetEarlier(): void {
    if (this.#saved) this.#write({ base: this.#saved.base, code: this.#saved.code });
  }

  /** Reset: back to the article's code; everything saved for the cell goes (the reader's click). */
  reset(): void {
    this.#shared = undefined;
    this.#write(undefined);
  }

  /**
   * An edit read from an exported file. It becomes the saved edit, with the original it started
   * from (a conflict if that is not today's); a different edit of the reader's is kept as
   * `earlier`. Shared code on show is left for the reader's own version.
   */
  importEdit(edit: SavedEdit): ImportOutcome {
    this.#shared = undefined;
    if (edit.code === this.ownCode) return 'unchanged';
    if (edit.code === this.#original) return 'unchanged';
    this.#adopt(edit.code, edit.base);
    return editStatus(this.#saved, this.#original) === 'conflict' ? 'conflict' : 'applied';
  }

  /** Makes `code` the saved edit, keeping the reader's current own edit as `earlier`. */
  #adopt(code: string, base: string | null = this.#original): void {
    const own = this.#saved && this.#saved.code !== this.#original ? { base: this.#saved.base, code: this.#saved.code } : undefined;
    this.#shared = undefined;
    const earlier = own && own.code !== code ? own : this.#saved?.earlier;
    const next: StoredCell | undefined = code === this.#original && base === this.#original ? undefined : { base, code };
    if (!next) {
      this.#write(earlier ? { base: this.#original, code: this.#original, earlier } : undefined);
      return;
    }
    this.#write(earlier ? { ...next, earlier } : next);
  }

  /** Keeps the earlier edit, if any, alongside a new state of the cell. */
  #withEarlier(edit: SavedEdit | undefined): StoredCell | undefined {
    const earlier = this.#saved?.earlier;
    if (edit && edit.code === this.#original) edit = undefined;
    if (!edit) return earlier ? { base: this.#original, code: this.#original, earlier } : undefined;
    return earlier ? { ...edit, earlier } : edit;
  }

  #write(stored: StoredCell | undefined): void {
    this.#saved = stored;
    this.#store.save(this.#cellId, stored);
  }
}
