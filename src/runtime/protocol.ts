/** Messages between the page (main thread) and the session worker. Plain data only. */
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

export type ToWorker =
  | { type: 'start'; preferredBackend?: BackendName }
  | { type: 'run'; runId: number; cellId: string; code: string; resultNames: readonly string[] }
  /** Plays a named program of the worker's (an animated figure): frames are its own business. */
  | { type: 'figure'; runId: number; program: string };

export type FromWorker =
  | { type: 'ready'; backend: BackendName; fallbackReason?: string }
  | { type: 'output'; runId: number; chunk: OutputChunk }
  | { type: 'done'; runId: number; value?: string; results: Record<string, ResultValue>; memory: TensorMemory }
  | { type: 'failed'; runId: number; failure: CellFailure }
  | { type: 'fatal'; message: string }
  /** The data set a cell needs is downloading (compressed bytes). */
  | { type: 'data-progress'; loadedBytes: number; totalBytes: number }
  | { type: 'data-ready' }
  /** The WebGL context was lost: every number from now on could be wrong, so the page restarts the session. */
  | { type: 'gpu-lost' }
  /** A cell that had finished threw later (a timer, a callback, an unhandled rejection). */
  | { type: 'late-error'; cellId: string; failure: CellFailure }
  | { type: 'figure-frame'; runId: number; frame: unknown }
  | { type: 'figure-end'; runId: number; error?: string };
