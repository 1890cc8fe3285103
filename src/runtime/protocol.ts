/** Messages between the page (main thread) and the session worker. Plain data only. */
import type { CellFailure } from './execute-cell.ts';

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** A value shown in the prose by `data-result`: numbers stay numbers so the page can localise them. */
export type ResultValue = { kind: 'number'; value: number } | { kind: 'text'; value: string };

export type ToWorker =
  | { type: 'start'; preferredBackend?: BackendName }
  | { type: 'run'; runId: number; cellId: string; code: string; resultNames: readonly string[] };

export type FromWorker =
  | { type: 'ready'; backend: BackendName; fallbackReason?: string }
  | { type: 'output'; runId: number; text: string }
  | { type: 'done'; runId: number; value?: string; results: Record<string, ResultValue> }
  | { type: 'failed'; runId: number; failure: CellFailure }
  | { type: 'fatal'; message: string };
