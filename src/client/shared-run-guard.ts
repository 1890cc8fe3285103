/**
 * Running a cell first runs the cells it needs; with a share link open, some of them may show code
 * the reader has never run. This guard asks first, on the cell being run, listing those cells: run
 * the link's code, or the reader's own (their edit, or the article's), or cancel. The page session
 * calls `confirmRun` (or `confirmRunAll`) before it queues runs, and queues them only on true.
 */
import type { LiveCellElement } from './live-cell.ts';

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
   * Before running `cellId`, which will also run `willRun` (the cells it needs): pressing Run on a
   * cell is looking at its own code, so only the others are asked about. False if the reader cancelled.
   */
  async confirmRun(cellId: string, willRun: readonly string[]): Promise<boolean> {
    const target = this.#cells.find((cell) => cell.cellId === cellId);
    if (!target) return true;
    target.markSharedSeen();
    return this.#confirm(
      target,
      willRun.filter((id) => id !== cellId),
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
