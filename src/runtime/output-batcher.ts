/**
 * Groups what a cell reports (printed lines, progress, chart points) into few messages. A training
 * loop that prints every step would otherwise flood the page with one message per line; a cell
 * that never yields (a synchronous loop) still gets its output out, because flushing happens when
 * an event arrives, not on a timer only.
 */
export type OutputEvent =
  | { kind: 'line'; text: string }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'point'; series: string; x: number; y: number };

/**
 * What the page receives at once: the lines, the latest progress, and the new chart points of each
 * series as one interleaved `[x0, y0, x1, y1, ...]` array (cheap to send and to receive, unlike
 * arrays of pairs: a cell may plot a million points).
 */
export interface OutputChunk {
  lines: string[];
  progress?: { done: number; total: number };
  points?: Record<string, Float64Array>;
}

/** The buffers of a chunk's points, to transfer rather than copy them to the page. */
export function transferablesOf(chunk: OutputChunk): ArrayBuffer[] {
  return Object.values(chunk.points ?? {}).map((points) => points.buffer as ArrayBuffer);
}

export type FlushOutput = (runId: number, chunk: OutputChunk) => void;

export class OutputBatcher {
  readonly #flushOutput: FlushOutput;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #runId: number | undefined;
  #chunk: OutputChunk = { lines: [] };
  #points: Record<string, number[]> = {};
  #pending = false;
  #lastFlush = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(flushOutput: FlushOutput, intervalMs = 100, now: () => number = () => Date.now()) {
    this.#flushOutput = flushOutput;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  add(runId: number, event: OutputEvent): void {
    if (this.#runId !== undefined && this.#runId !== runId) this.flush();
    this.#runId = runId;
    this.#pending = true;
    if (event.kind === 'line') this.#chunk.lines.push(event.text);
    else if (event.kind === 'progress') this.#chunk.progress = { done: event.done, total: event.total };
    else (this.#points[event.series] ??= []).push(event.x, event.y);
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
    if (this.#runId === undefined || !this.#pending) return;
    const chunk = this.#chunk;
    const series = Object.entries(this.#points);
    if (series.length > 0) chunk.points = Object.fromEntries(series.map(([name, points]) => [name, Float64Array.from(points)]));
    this.#chunk = { lines: [] };
    this.#points = {};
    this.#pending = false;
    this.#lastFlush = this.#now();
    this.#flushOutput(this.#runId, chunk);
  }
}
