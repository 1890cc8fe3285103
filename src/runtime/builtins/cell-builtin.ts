/**
 * What a built-in is: a name the cells use (`print`, `progress`...) and a function that makes its
 * value for one run, given what the run lets it do. The list of built-ins is `CELL_BUILTINS`
 * (index.ts); CONTRIBUTING.md has the recipe for adding one.
 */
import type { OutputEvent } from '../output-batcher.ts';

/** What a built-in may do for the cell that is running. */
export interface BuiltinContext {
  /** Shows something under the cell: a printed line, the progress bar, a chart point. */
  emit(event: OutputEvent): void;
  /** Throws if the reader pressed Stop: a loop that reports ends at its next report. */
  checkInterrupt(): void;
  /** A NaN or ±Infinity in a value the cell shows is said in the cell; `where` names the built-in. */
  noteNonFinite(value: unknown, where: string): void;
}

export interface CellBuiltin<Value = unknown> {
  /** The name the cells use; it shadows nothing of the cell's own (a cell's variable wins). */
  readonly name: string;
  /** Makes the built-in for one run. */
  create(context: BuiltinContext): Value;
}
