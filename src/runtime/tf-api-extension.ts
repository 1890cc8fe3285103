/**
 * A part of the TensorFlow.js API that the cells' `tf` gets only once a cell uses it (the layers
 * API: `tf.sequential`, `tf.layers`, `tf.data`...), so that a page whose cells never use it never
 * downloads it. The session (cell-session.ts) asks each extension whether a cell needs it, loads it
 * before that cell runs, and from then on gives every cell a `tf` with its members added.
 */
import type { CompiledCell } from './compile-cell.ts';

/** What the running cell lets an extension's code do for it while it runs (model.fit's callbacks). */
export interface RunHooks {
  /** The cell's progress bar (see `progress()` in the cells). */
  progress(done: number, total: number): void;
  /** A point of the cell's chart (see `plot()` in the cells). */
  plot(series: string, x: number, y: number): void;
  /** True once the reader pressed Stop: long work ends at its next step, and the cell stops at its next `await`. */
  stopRequested(): boolean;
}

/** The hooks of the cell running now, or undefined between runs. */
export type CurrentRun = () => RunHooks | undefined;

export interface TfApiExtension {
  /** What the session bar says is loading ('layers'). */
  readonly name: string;
  /** Whether the cell's code needs this part of the API (read before it runs). */
  neededBy(cell: Pick<CompiledCell, 'tfMembers'>): boolean;
  /**
   * Loads it; the session calls it once, and again after a failure. Resolves to the members to add
   * to the cells' `tf`. `currentRun` gives the running cell's hooks whenever the extension needs them.
   */
  load(currentRun: CurrentRun): Promise<Record<string, unknown>>;
}
