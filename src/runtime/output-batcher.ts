/**
 * Groups the lines a cell prints into few messages. A training loop that prints every step would
 * otherwise flood the page with one message per line; a cell that never yields (a synchronous
 * loop) still gets its lines out, because flushing happens when a line arrives, not on a timer only.
 */
export type FlushLines = (runId: number, text: string) => void;

export class OutputBatcher {
  readonly #flushLines: FlushLines;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #runId: number | undefined;
  #lines: string[] = [];
  #lastFlush = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(flushLines: FlushLines, intervalMs = 100, now: () => number = () => Date.now()) {
    this.#flushLines = flushLines;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  add(runId: number, line: string): void {
    if (this.#runId !== undefined && this.#runId !== runId) this.flush();
    this.#runId = runId;
    this.#lines.push(line);
    if (this.#now() - this.#lastFlush >= this.#intervalMs) {
      this.flush();
    } else {
      this.#timer ??= setTimeout(() => this.flush(), this.#intervalMs);
    }
  }

  /** Sends whatever is pending; call it before reporting the end of a run. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#runId === undefined || this.#lines.length === 0) return;
    const text = this.#lines.join('\n');
    this.#lines = [];
    this.#lastFlush = this.#now();
    this.#flushLines(this.#runId, text);
  }
}
