/**
 * Messages between the page (main thread) and the session worker. Plain data only.
 *
 * They travel on a MessageChannel whose worker end the worker keeps in a closure: cell code runs in
 * the worker's global scope and can call `postMessage`, but it cannot reach this channel, so it
 * cannot fake a run's end or the session's death. The page sends the port in its first message.
 */
import type { CellFailure } from './execute-cell.ts';
import type { OutputChunk } from './output-batcher.ts';

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** A value shown in the prose by `data-result`: numbers stay numbers so the page can localise them. */
export type ResultValue =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  /** A tensor's values, for figures drawn from the session (weights, probabilities). */
  | { kind: 'tensor'; shape: number[]; values: number[] };

/** What TensorFlow.js holds after a run, for the session bar. */
export interface TensorMemory {
  numTensors: number;
  numBytes: number;
  /** WebGL only: bytes held in GPU textures. */
  numBytesInGPU?: number;
}

/** The notebook's bookkeeping for one run (see KernelStep in notebook/notebook.ts). */
export interface StepFields {
  runId: number;
  stamp: string;
  restore: Array<{ name: string; key: string }>;
  snapshot: string[];
  /** The variables the page shows: their new values come back with the end of the run. */
  shown: string[];
}

/** The first message, on the worker's global channel: the port everything else goes through. */
export interface ConnectMessage {
  type: 'connect';
  port: MessagePort;
  preferredBackend?: BackendName;
  /** TensorFlow.js flags from the page's `?tfjsflags=` (e.g. WEBGL_FORCE_F16_TEXTURES:true). */
  tfjsFlags?: string;
}

/**
 * A value an explorer's question reads (src/explorables/queries.ts): a session variable, from the
 * snapshot `key` when the session holds it (a view above a later change of `W` sees `W` as it was),
 * else its current value; or a slice of a float32 file the build wrote (the build's trained model,
 * before the reader has trained one). `offset` and `shape` count float32 values.
 */
export type QueryValue = { name: string; key?: string } | { name: string; asset: { url: string; offset: number; shape: number[] } };

export type ToWorker =
  | ({ type: 'run'; cellId: string; code: string } & StepFields)
  | ({ type: 'define'; name: string; value: unknown } & StepFields)
  /** Stop the running cell at its next `await`; the session and its variables stay. */
  | { type: 'interrupt' }
  /** Frees snapshots the notebook no longer needs (see Kernel.release); memory comes back. */
  | { type: 'release'; keys: string[] }
  /** Plays a named program of the worker's (an animated figure): frames are its own business. */
  | { type: 'figure'; runId: number; program: string }
  /** Asks an explorer program (src/explorables/queries.ts) a question, between cell runs; answered by `query-result`. */
  | { type: 'query'; runId: number; program: string; args: unknown; values: QueryValue[] }
  /**
   * While a cell runs, send the page these variables every `everySteps` steps the cell reports with
   * progress(), when the cell changed them (a training loop): the page redraws the views of them.
   */
  | { type: 'watch'; names: string[]; everySteps: number };

export interface RunEnd {
  runId: number;
  results: Record<string, ResultValue>;
  memory: TensorMemory;
  writes: string[];
  snapshots: string[];
  digests: Record<string, string>;
  durationMs: number;
  /** NaN or ±Infinity in what the cell printed or returned (see non-finite.ts). */
  nonFinite?: { nan: boolean; infinity: boolean; where: string[] };
}

export type FromWorker =
  /** softwareRendering: WebGL draws with the processor here (see drawing-pace.ts). */
  | { type: 'ready'; backend: BackendName; fallbackReason?: string; softwareRendering?: boolean }
  | { type: 'output'; runId: number; chunk: OutputChunk }
  | ({ type: 'done'; value?: string } & RunEnd)
  | ({ type: 'failed'; failure: CellFailure; interrupted?: boolean } & RunEnd)
  | { type: 'fatal'; message: string }
  /** The data set a cell needs is downloading (compressed bytes). */
  | { type: 'data-progress'; loadedBytes: number; totalBytes: number }
  | { type: 'data-ready' }
  /** Code a cell needs is downloading (the layers API, the first time a cell uses it), then ready or failed. */
  | { type: 'code-loading'; what: string }
  | { type: 'code-ready'; what: string }
  /** What TensorFlow.js holds now, after something other than a run freed tensors. */
  | { type: 'memory'; memory: TensorMemory }
  /** The WebGL context was lost: every number from now on could be wrong, so the page restarts the session. */
  | { type: 'gpu-lost' }
  /** A cell that had finished threw later (a timer, a callback, an unhandled rejection). */
  | { type: 'late-error'; cellId: string; failure: CellFailure }
  | { type: 'figure-frame'; runId: number; frame: unknown }
  | { type: 'figure-end'; runId: number; error?: string }
  | { type: 'query-result'; runId: number; result?: unknown; error?: string }
  /** A running cell's watched variables at one step (see `watch`). */
  | { type: 'watch-frame'; runId: number; step: number; total: number; values: Record<string, ResultValue> };
