/**
 * One notebook session: the shared scope, the built-ins a cell sees (`tf`, `print`, `console`...)
 * and the one-at-a-time execution of cells. Used by the browser worker and by Node tests alike.
 */
import {
  CellError,
  cellIdInStack,
  compileOrFail,
  createSessionScope,
  describeFailure,
  executeCell,
  type CellFailure,
  type SessionScope,
} from './execute-cell.ts';
import type { CompiledCell } from './compile-cell.ts';
import { disposeReplaced, reachableTensors } from './tensor-lifetimes.ts';
import { formatPrinted, formatValue } from './format-value.ts';
import { isTensorLike } from './format-tensor.ts';
import type { ResultValue } from './protocol.ts';
import type { OutputEvent } from './output-batcher.ts';

export type TfNamespace = typeof import('@tensorflow/tfjs-core');

export interface CellSessionOptions {
  tf: TfNamespace;
  /** Receives what a cell prints or reports (progress, chart points), tagged with its run. */
  onOutput: (runId: number, event: OutputEvent) => void;
  /** Extra globals for the cells. */
  globals?: Record<string, unknown>;
  /**
   * Globals that are expensive to make (e.g. `mnist`, which downloads the data set): each is
   * loaded once, before the first cell that mentions its name runs. A loader that fails makes
   * that cell fail with the loader's message; the next run tries again.
   */
  lazyGlobals?: Record<string, () => Promise<unknown>>;
}

export type RunOutcome = { ok: true; value?: string; results: Record<string, ResultValue> } | { ok: false; failure: CellFailure };

export class CellSession {
  readonly scope: SessionScope = createSessionScope();
  readonly #tf: TfNamespace;
  readonly #onOutput: CellSessionOptions['onOutput'];
  readonly #globals: Record<string, unknown>;
  readonly #lazyGlobals: Record<string, () => Promise<unknown>>;
  readonly #reported = new Map<string, unknown>();
  /** Each cell's latest compiled code, to position errors that surface after the cell returned. */
  readonly #compiled = new Map<string, CompiledCell>();
  #running: { cellId: string; fail: (failure: CellFailure) => void } | undefined;
  #lastCellId: string | undefined;
  /** Runs are chained so that two requests never interleave, even if a cell awaits. */
  #tail: Promise<unknown> = Promise.resolve();

  constructor(options: CellSessionOptions) {
    this.#tf = options.tf;
    this.#onOutput = options.onOutput;
    this.#globals = { ...options.globals };
    this.#lazyGlobals = options.lazyGlobals ?? {};
  }

  run(runId: number, cellId: string, code: string, resultNames: readonly string[] = []): Promise<RunOutcome> {
    return this.runExclusive(() => this.#runNow(runId, cellId, code, resultNames));
  }

  /** Runs other TensorFlow.js work (a figure's animation) between cells, never during one. */
  runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async #runNow(runId: number, cellId: string, code: string, resultNames: readonly string[]): Promise<RunOutcome> {
    // A block body: print() must return undefined, or a cell ending with print(...) would show a value.
    const print = (...values: unknown[]): void => {
      this.#onOutput(runId, { kind: 'line', text: values.map(formatPrinted).join(' ') });
    };
    const cellConsole = { log: print, info: print, warn: print, error: print, debug: print };
    /** progress(done, total): a progress bar under the cell, e.g. progress(step, 1000). */
    const progress = (done: number, total: number): void => {
      this.#onOutput(runId, { kind: 'progress', done: Number(done), total: Number(total) });
    };
    /** plot(series, x, y): adds a point to a line chart under the cell, e.g. plot('loss', step, value). */
    const plot = (series: string, x: number, y: number): void => {
      this.#onOutput(runId, { kind: 'point', series: String(series), x: Number(x), y: Number(y) });
    };
    const builtins = { tf: this.#tf, print, console: cellConsole, progress, plot };
    // An error thrown later by the cell's own timers or callbacks, or a promise it rejected and
    // never awaited, fails the run (see reportUncaught): a cell waiting on it would never end.
    const uncaught = new Promise<never>((_, reject) => {
      this.#running = { cellId, fail: (failure) => reject(new CellError(failure)) };
    });
    uncaught.catch(() => undefined);
    this.#lastCellId = cellId;
    let engineScope = false;
    try {
      const compiled = compileOrFail(code, cellId);
      this.#compiled.set(cellId, compiled);
      await this.#loadGlobalsFor(compiled.identifiers);
      const previous = new Map(compiled.declaredNames.map((name) => [name, this.scope[name]]));
      this.#tf.engine().startScope();
      engineScope = true;
      const result = await Promise.race([executeCell(compiled, cellId, this.scope, { ...builtins, ...this.#globals }), uncaught]);
      disposeReplaced(this.#tf, previous, this.scope);
      const value = result.hasValue ? formatValue(result.value) : undefined;
      return { ok: true, ...(value === undefined ? {} : { value }), results: this.#changedResults(resultNames) };
    } catch (error) {
      if (error instanceof CellError) return { ok: false, failure: error.failure };
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, failure: { name: 'InternalError', message } };
    } finally {
      // Frees the tensors the cell made and the session cannot reach (after printing its value).
      if (engineScope) this.#tf.engine().endScope(reachableTensors(this.#tf, Object.values(this.scope)));
      this.#running = undefined;
    }
  }

  /**
   * An error nobody caught (thrown in a timer or callback, or an unhandled rejection). It belongs
   * to the cell whose code is in its stack, else to the cell running, else to the last one that
   * ran. If that cell is running, its run fails; otherwise the failure is returned, for the page
   * to show under that cell.
   */
  reportUncaught(error: unknown): { cellId: string; failure: CellFailure } | undefined {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    const cellId = cellIdInStack(stack, this.#compiled.keys()) ?? this.#running?.cellId ?? this.#lastCellId;
    if (cellId === undefined) return undefined;
    const failure = describeFailure(error, this.#compiled.get(cellId));
    if (this.#running?.cellId === cellId) {
      this.#running.fail(failure);
      return undefined;
    }
    return { cellId, failure };
  }

  async #loadGlobalsFor(identifiers: ReadonlySet<string>): Promise<void> {
    for (const [name, load] of Object.entries(this.#lazyGlobals)) {
      if (!identifiers.has(name) || name in this.#globals) continue;
      try {
        this.#globals[name] = await load();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new CellError({ name: 'LoadError', message, hint: 'loadFailed' });
      }
    }
  }

  /**
   * The shown variables whose value changed since they were last reported. A tensor is read back
   * from the GPU, sent and redrawn only when it is a new tensor or a variable was assigned (both
   * give it new data), not after every cell.
   */
  #changedResults(names: readonly string[]): Record<string, ResultValue> {
    const changed = names.filter((name) => {
      const token = versionToken(this.scope[name]);
      if (this.#reported.get(name) === token) return false;
      this.#reported.set(name, token);
      return true;
    });
    return this.readResults(changed);
  }

  /** The current values of the named top-level variables, for `data-result` in the prose. */
  readResults(names: readonly string[]): Record<string, ResultValue> {
    const results: Record<string, ResultValue> = {};
    for (const name of names) {
      if (!(name in this.scope)) continue;
      const value = this.scope[name];
      if (value === undefined) continue;
      results[name] = toResultValue(value);
    }
    return results;
  }
}

/** What changes when a value changes: a tensor's data (new on tf.Variable#assign), else the value. */
function versionToken(value: unknown): unknown {
  return isTensorLike(value) ? (value as { dataId?: object }).dataId : value;
}

function toResultValue(value: unknown): ResultValue {
  if (typeof value === 'number') return { kind: 'number', value };
  if (isTensorLike(value) && value.dtype !== 'string' && !(value as { isDisposed?: boolean }).isDisposed) {
    const values = Array.from(value.dataSync() as ArrayLike<number>, Number);
    return value.shape.length === 0 ? { kind: 'number', value: values[0] ?? NaN } : { kind: 'tensor', shape: [...value.shape], values };
  }
  return { kind: 'text', value: typeof value === 'string' ? value : formatValue(value) };
}
