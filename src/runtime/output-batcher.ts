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

export type OutputKind = OutputEvent['kind'];
export type OutputEventOf<K extends OutputKind> = Extract<OutputEvent, { kind: K }>;

/**
 * One entry per kind of event: a new kind of output fails type-checking here, and in the bake's
 * `gathers` (run-article.ts), until it says how it travels. A new field of OutputChunk then fails
 * it in the cell's renderers (`ChunkRenderers`, src/client/cell-output/) until the page shows it.
 */
type Folds = { [K in OutputKind]: (pending: PendingChunk, event: OutputEventOf<K>) => void };

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

/** A chunk being gathered: chart points as plain arrays until it is sent. */
interface PendingChunk {
  chunk: OutputChunk;
  points: Record<string, number[]>;
}

/** How each kind of event joins the chunk: lines add up, progress keeps the latest, points add up per series. */
const FOLDS: Folds = {
  line: ({ chunk }, event) => {
    chunk.lines.push(event.text);
  },
  progress: ({ chunk }, event) => {
    chunk.progress = { done: event.done, total: event.total };
  },
  point: ({ points }, event) => {
    (points[event.series] ??= []).push(event.x, event.y);
  },
};

function fold<K extends OutputKind>(pending: PendingChunk, event: OutputEventOf<K>): void {
  (FOLDS[event.kind] as (pending: PendingChunk, event: OutputEventOf<K>) => void)(pending, event);
}

export class OutputBatcher {
  readonly #flushOutput: FlushOutput;
  #intervalMs: number;
  readonly #now: () => number;
  #runId: number | undefined;
  #pending: PendingChunk = { chunk: { lines: [] }, points: {} };
  #hasPending = false;
  #lastFlush = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(flushOutput: FlushOutput, intervalMs = 100, now: () => number = () => Date.now()) {
    this.#flushOutput = flushOutput;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** The least time between two messages; the worker sets it once it knows its renderer (drawing-pace.ts). */
  set intervalMs(intervalMs: number) {
    this.#intervalMs = intervalMs;
  }

  add(runId: number, event: OutputEvent): void {
    if (this.#runId !== undefined && this.#runId !== runId) this.flush();
    this.#runId = runId;
    this.#hasPending = true;
    fold(this.#pending, event);
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
    if (this.#runId === undefined || !this.#hasPending) return;
    const { chunk, points } = this.#pending;
    const series = Object.entries(points);
    if (series.length > 0) chunk.points = Object.fromEntries(series.map(([name, values]) => [name, Float64Array.from(values)]));
    this.#pending = { chunk: { lines: [] }, points: {} };
    this.#hasPending = false;
    this.#lastFlush = this.#now();
    this.#flushOutput(this.#runId, chunk);
  }
}
