/**
 * Running a cell first runs the earlier cells that need it; with a share link open, some of them
 * may show code the reader has never run. This guard asks first, on the cell being run, listing
 * those cells: run the link's code, or the reader's own (their edit, or the article's), or cancel.
 *
 * Hook for the page session: call `confirmRun(cellId)` (or `confirmRunAll()`) before queuing
 * runs, and queue them only if it resolves true. `sharedCellsNotYetSeen(ids)` answers without
 * asking.
 */
import type { CellHost, LiveCellElement } from './live-cell.ts';

export class SharedRunGuard {
  readonly #cells: readonly LiveCellElement[];

  constructor(cells: readonly LiveCellElement[]) {
    this.#cells = cells;
  }

  /** The cells among `cellIds` that show shared code the reader has not run, kept or edited. */
  sharedCellsNotYetSeen(cellIds: readonly string[]): string[] {
    const wanted = new Set(cellIds);
    return this.#cells.filter((cell) => wanted.has(cell.cellId) && cell.sharedNotYetSeen).map((cell) => cell.cellId);
  }

  /**
   * Before running `cellId`: pressing Run on a cell is looking at its own code, so only the
   * earlier cells are asked about. Resolves false if the reader cancelled.
   */
  async confirmRun(cellId: string): Promise<boolean> {
    const index = this.#cells.findIndex((cell) => cell.cellId === cellId);
    const target = this.#cells[index];
    if (!target) return true;
    target.markSharedSeen();
    return this.#confirm(
      target,
      this.#cells.slice(0, index).map((cell) => cell.cellId),
    );
  }

  /** Before Run all: asks on the first cell showing unseen shared code, about all of them. */
  async confirmRunAll(): Promise<boolean> {
    const first = this.#cells.find((cell) => cell.sharedNotYetSeen);
    if (!first) return true;
    return this.#confirm(
      first,
      this.#cells.map((cell) => cell.cellId),
    );
  }

  async #confirm(asker: LiveCellElement, candidates: readonly string[]): Promise<boolean> {
    const unseen = this.sharedCellsNotYetSeen(candidates);
    if (unseen.length === 0) return true;
    const cells = this.#cells.filter((cell) => unseen.includes(cell.cellId));
    const choice = await asker.askAboutSharedCells(
      unseen,
      cells.some((cell) => cell.hasOwnEdit),
    );
    if (choice === 'cancel') return false;
    for (const cell of cells) {
      if (choice === 'run-shared') cell.markSharedSeen();
      else cell.dropSharedCode();
    }
    return true;
  }
}

/** A cell host whose runs go through the guard first (until the page session calls it itself). */
export function guardedHost(host: CellHost, guard: SharedRunGuard): CellHost {
  return {
    run: (cellId) => {
      void guard.confirmRun(cellId).then((go) => {
        if (go) host.run(cellId);
      });
    },
    stop: () => host.stop(),
    edited: (cellId) => host.edited(cellId),
  };
}

/**
 * Run all goes through the guard too: a click on the session bar's Run all is caught on its way
 * to the button (capture phase) while shared code is unseen, and Run all follows the reader's
 * answer. (Until the page session asks the guard itself.)
 */
export function guardRunAll(
  controls: HTMLElement | null,
  guard: SharedRunGuard,
  cells: readonly LiveCellElement[],
  runAll: () => void,
): void {
  controls?.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target?.closest('[data-action="run-all"]')) return;
      if (guard.sharedCellsNotYetSeen(cells.map((cell) => cell.cellId)).length === 0) return;
      event.stopPropagation();
      void guard.confirmRunAll().then((go) => {
        if (go) runAll();
      });
    },
    { capture: true },
  );
}
