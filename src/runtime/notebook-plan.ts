/**
 * The order in which a page's cells run, and the state of each: the notebook rules, with no DOM.
 *
 * - Running a cell first runs the earlier cells that have not run, failed or are stale, in page order.
 * - Editing a cell marks it, and the later cells that had run, stale.
 * - A failing cell cancels whatever was queued after it (Run all stops there).
 * - A stop loses the session: every cell that had run needs a re-run.
 */
export const CELL_STATES = ['idle', 'queued', 'running', 'done', 'error', 'stale'] as const;
export type CellState = (typeof CELL_STATES)[number];

export type StateListener = (cellId: string, state: CellState) => void;

export class NotebookPlan {
  readonly #order: readonly string[];
  readonly #states = new Map<string, CellState>();
  /** Cells whose last run (if any) belongs to the current session. */
  readonly #ranInSession = new Set<string>();
  readonly #queue: string[] = [];
  /** Cells edited while they were running: their result no longer matches their code. */
  readonly #editedWhileRunning = new Set<string>();
  readonly #listener: StateListener;

  constructor(cellIds: readonly string[], listener: StateListener = () => {}) {
    const duplicates = cellIds.filter((id, index) => cellIds.indexOf(id) !== index);
    if (duplicates.length > 0) throw new Error(`Duplicate cell id: ${duplicates.join(', ')}`);
    this.#order = [...cellIds];
    this.#listener = listener;
    for (const id of cellIds) this.#states.set(id, 'idle');
  }

  get cellIds(): readonly string[] {
    return this.#order;
  }

  state(cellId: string): CellState {
    const state = this.#states.get(cellId);
    if (!state) throw new Error(`Unknown cell: ${cellId}`);
    return state;
  }

  /** The queued cells, in the order they will run. */
  get queue(): readonly string[] {
    return this.#queue;
  }

  /** Queues `cellId` and the earlier cells it depends on; returns what was added. */
  requestRun(cellId: string): string[] {
    const position = this.#indexOf(cellId);
    const added: string[] = [];
    for (const id of this.#order.slice(0, position)) {
      if (this.#needsRun(id)) added.push(id);
    }
    if (!this.#isPending(cellId)) added.push(cellId);
    for (const id of added) this.#set(id, 'queued');
    this.#queue.push(...added);
    return added;
  }

  /** Queues every cell from the top, re-running those already done. */
  requestRunAll(): string[] {
    const added = this.#order.filter((id) => !this.#isPending(id));
    for (const id of added) this.#set(id, 'queued');
    this.#queue.push(...added);
    this.#queue.sort((a, b) => this.#indexOf(a) - this.#indexOf(b));
    return added;
  }

  /** Takes the next queued cell and marks it running. */
  startNext(): string | undefined {
    const next = this.#queue.shift();
    if (next !== undefined) this.#set(next, 'running');
    return next;
  }

  /** Records the end of a run. A failure cancels the rest of the queue, which is returned. */
  finish(cellId: string, succeeded: boolean): string[] {
    this.#ranInSession.add(cellId);
    const outdated = this.#editedWhileRunning.delete(cellId);
    this.#set(cellId, succeeded ? (outdated ? 'stale' : 'done') : 'error');
    if (succeeded) return [];
    return this.#cancelQueue();
  }

  /** A cell that had finished failed afterwards (an error thrown by one of its timers). */
  failedLate(cellId: string): void {
    if (this.state(cellId) === 'done') this.#set(cellId, 'error');
  }

  /** The session was lost under a running cell (e.g. the GPU): it failed, and the rest is stale. */
  lostWhileRunning(): string | undefined {
    const running = this.#order.find((id) => this.state(id) === 'running');
    this.stopped();
    if (running !== undefined) this.#set(running, 'error');
    return running;
  }

  /** The reader changed the code of `cellId`. */
  edited(cellId: string): void {
    const position = this.#indexOf(cellId);
    for (const id of this.#order.slice(position)) {
      const state = this.state(id);
      if (state === 'done' || state === 'error') this.#set(id, 'stale');
      if (state === 'running') this.#editedWhileRunning.add(id);
    }
  }

  /** The session was stopped: its variables are gone. */
  stopped(): void {
    this.#cancelQueue();
    for (const id of this.#order) {
      const state = this.state(id);
      if (state === 'running' || state === 'done' || state === 'error') this.#set(id, 'stale');
    }
    this.#ranInSession.clear();
    this.#editedWhileRunning.clear();
  }

  #cancelQueue(): string[] {
    const cancelled = this.#queue.splice(0);
    for (const id of cancelled) this.#set(id, this.#ranBefore(id) ? 'stale' : 'idle');
    return cancelled;
  }

  #ranBefore(cellId: string): boolean {
    return this.#ranInSession.has(cellId);
  }

  #needsRun(cellId: string): boolean {
    const state = this.state(cellId);
    return state === 'idle' || state === 'stale' || state === 'error';
  }

  #isPending(cellId: string): boolean {
    const state = this.state(cellId);
    return state === 'queued' || state === 'running';
  }

  #indexOf(cellId: string): number {
    const index = this.#order.indexOf(cellId);
    if (index < 0) throw new Error(`Unknown cell: ${cellId}`);
    return index;
  }

  #set(cellId: string, state: CellState): void {
    if (this.#states.get(cellId) === state) return;
    this.#states.set(cellId, state);
    this.#listener(cellId, state);
  }
}
