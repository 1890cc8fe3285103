/**
 * One notebook session: the shared scope, the built-ins a cell sees (`tf`, and builtins/index.ts)
 * and the one-at-a-time execution of cells. Used by the browser worker and by Node (tests, the
 * build) alike. Besides running code it is the notebook's kernel (notebook/notebook.ts): it tells
 * which variables a run changed without defining them, keeps copies of values that later cells
 * change, puts them back on request, and stops a running cell at its next `await`.
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
import { CHECKPOINT, type CompiledCell } from './compile-cell.ts';
import { disposeReplaced, reachableTensors } from './tensor-lifetimes.ts';
import { formatValue } from './format-value.ts';
import { CELL_BUILTINS, createBuiltins, plotBuiltin, progressBuiltin, type BuiltinContext, type CellBuiltin } from './builtins/index.ts';
import { isTensorLike } from './format-tensor.ts';
import type { ResultValue } from './protocol.ts';
import type { OutputEvent } from './output-batcher.ts';
import { sameVersion, versionOf, type Version } from './session/value-versions.ts';
import { SnapshotStore } from './session/snapshots.ts';
import { digestOf } from './session/value-digest.ts';
import { findNonFinite, type NonFiniteFound } from './non-finite.ts';
import { snapshotKey } from './notebook/stamps.ts';
import type { RunHooks, TfApiExtension } from './tf-api-extension.ts';

export type TfNamespace = typeof import('@tensorflow/tfjs-core');

/** A global that is expensive to make (e.g. `mnist`, which downloads the data set). */
export interface LazyGlobal {
  /** Loaded once, before the first cell that mentions the global's name runs. */
  load(): Promise<unknown>;
  /** Called before every cell that mentions it: e.g. `mnist` rewinds its batches, so that a cell's results do not depend on which cells ran before it. */
  beforeCell?(value: unknown): void;
}

export interface CellSessionOptions {
  tf: TfNamespace;
  /** Receives what a cell prints or reports (progress, chart points), tagged with its run. */
  onOutput: (runId: number, event: OutputEvent) => void;
  /** Extra globals for the cells. */
  globals?: Record<string, unknown>;
  /** A loader that fails makes the cell fail with the loader's message; the next run tries again. */
  lazyGlobals?: Record<string, LazyGlobal | (() => Promise<unknown>)>;
  /**
   * Parts of the TensorFlow.js API loaded the first time a cell needs them (the layers API, see
   * layers/layers-extension.ts); once loaded, every cell's `tf` has their members too. A loader that
   * fails makes the cell fail, and the next run tries again.
   */
  extensions?: readonly TfApiExtension[];
  /** The built-ins (`print`, `progress`...): CELL_BUILTINS unless given. */
  builtins?: readonly CellBuiltin[];
}

/** What the notebook asks of a run besides the code (see KernelStep in notebook/notebook.ts). */
export interface RunOptions {
  /** The variables the page shows: their new values come back with the outcome. */
  shown?: readonly string[];
  /** The stamp of this run: copies of its values are kept under `name@stamp`. */
  stamp?: string;
  restore?: ReadonlyArray<{ name: string; key: string }>;
  snapshot?: readonly string[];
}

interface RunBookkeeping {
  /** Names changed without being defined, seen at run time. */
  writes: string[];
  /** Digests of the values it defined or changed, where cheap to compute (see value-digest.ts). */
  digests: Record<string, string>;
  /** Snapshot keys now held. */
  snapshots: string[];
  durationMs: number;
  /** New values of shown variables this run defined or changed. */
  results: Record<string, ResultValue>;
  /** NaN or ±Infinity in what the cell printed or returned: `where` says which ('print', 'value'). */
  nonFinite?: NonFiniteFound & { where: string[] };
}

export type RunOutcome =
  ({ ok: true; value?: string } & RunBookkeeping) | ({ ok: false; failure: CellFailure; interrupted?: boolean } & RunBookkeeping);

/** Thrown at a cell's next `await` (or print) after the reader pressed Stop. */
export class Interrupted extends Error {
  constructor() {
    super('stopped by the reader');
    this.name = 'Stopped';
  }
}

export class CellSession {
  readonly scope: SessionScope = createSessionScope();
  readonly #tf: TfNamespace;
  readonly #onOutput: CellSessionOptions['onOutput'];
  readonly #globals: Record<string, unknown>;
  readonly #lazyGlobals: Record<string, LazyGlobal>;
  readonly #extensions: readonly TfApiExtension[];
  readonly #builtins: readonly CellBuiltin[];
  readonly #loadedExtensions = new Set<TfApiExtension>();
  /** The cells' `tf`: TensorFlow.js core, plus the members of the extensions loaded so far. */
  #cellTf: object;
  /** What the running cell lets extensions do (report progress, see Stop); undefined between runs. */
  #runHooks: RunHooks | undefined;
  readonly #snapshots: SnapshotStore;
  /** Each cell's latest compiled code, to position errors that surface after the cell returned. */
  readonly #compiled = new Map<string, CompiledCell>();
  #running: { cellId: string; fail: (failure: CellFailure) => void } | undefined;
  #interruptRequested = false;
  #lastCellId: string | undefined;
  /** Runs are chained so that two requests never interleave, even if a cell awaits. */
  #tail: Promise<unknown> = Promise.resolve();
  /** When the last cell or control run ended (-Infinity before the first). */
  #lastRunEnd = -Infinity;

  constructor(options: CellSessionOptions) {
    this.#tf = options.tf;
    this.#onOutput = options.onOutput;
    this.#globals = { ...options.globals };
    this.#lazyGlobals = Object.fromEntries(
      Object.entries(options.lazyGlobals ?? {}).map(([name, global]) => [name, typeof global === 'function' ? { load: global } : global]),
    );
    this.#snapshots = new SnapshotStore(options.tf);
    this.#extensions = options.extensions ?? [];
    this.#builtins = options.builtins ?? CELL_BUILTINS;
    this.#cellTf = options.tf;
  }

  run(runId: number, cellId: string, code: string, options: RunOptions | readonly string[] = {}): Promise<RunOutcome> {
    const runOptions = Array.isArray(options) ? { shown: options } : (options as RunOptions);
    return this.runExclusive(() => this.#runNow(runId, cellId, code, runOptions).finally(() => (this.#lastRunEnd = now())));
  }

  /** A control's value becomes the variable `name` (a control is a node of the notebook too). */
  define(name: string, value: unknown, options: RunOptions = {}): Promise<RunOutcome> {
    return this.runExclusive(async () => {
      const started = now();
      this.#restore(options.restore ?? []);
      this.scope[name] = value;
      const bookkeeping = this.#afterRun([name], [], options, started);
      return { ok: true, ...bookkeeping };
    });
  }

  /** Stops the running cell at its next `await` or print; the session and its variables stay. */
  interrupt(): void {
    if (this.#running) this.#interruptRequested = true;
  }

  get isRunning(): boolean {
    return this.#running !== undefined;
  }

  /** Runs other TensorFlow.js work (a figure's animation) between cells, never during one. */
  runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs work that can wait (an explorer's question) between cells, once no cell has run for
   * `quietMs`: a Run's cells come one after another, each sent when the previous one ends, and the
   * work would otherwise slip in between them and delay the cells the reader asked for.
   */
  async runWhenQuiet<T>(task: () => Promise<T>, quietMs: number): Promise<T> {
    for (;;) {
      const tail = this.#tail;
      await tail;
      const wait = this.#lastRunEnd + quietMs - now();
      // Nothing queued meanwhile and quiet long enough: take the next turn (synchronously, no gap).
      if (wait <= 0 && tail === this.#tail) return this.runExclusive(task);
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
    }
  }

  async #runNow(runId: number, cellId: string, code: string, options: RunOptions): Promise<RunOutcome> {
    const started = now();
    const checkInterrupt = (): void => {
      if (this.#interruptRequested) throw new Interrupted();
    };
    // A NaN or Infinity in what the cell shows is said in the cell, never presented as a result.
    const nonFinite: NonFiniteFound & { where: string[] } = { nan: false, infinity: false, where: [] };
    const noteNonFinite = (value: unknown, where: string): void => {
      const found = findNonFinite(value);
      if (!found) return;
      nonFinite.nan ||= found.nan;
      nonFinite.infinity ||= found.infinity;
      if (!nonFinite.where.includes(where)) nonFinite.where.push(where);
    };
    const context: BuiltinContext = {
      emit: (event) => this.#onOutput(runId, event),
      checkInterrupt,
      noteNonFinite,
    };
    const checkpoint = async (value: unknown): Promise<unknown> => {
      const settled = await value;
      checkInterrupt();
      return settled;
    };
    const builtins = { ...createBuiltins(this.#builtins, context), [CHECKPOINT]: checkpoint };
    // An error thrown later by the cell's own timers or callbacks, or a promise it rejected and
    // never awaited, fails the run (see reportUncaught): a cell waiting on it would never end.
    const uncaught = new Promise<never>((_, reject) => {
      this.#running = { cellId, fail: (failure) => reject(new CellError(failure)) };
    });
    uncaught.catch(() => undefined);
    this.#interruptRequested = false;
    this.#lastCellId = cellId;
    this.#runHooks = {
      progress: progressBuiltin.create(context),
      plot: plotBuiltin.create(context),
      stopRequested: () => this.#interruptRequested,
    };
    let engineScope = false;
    let declared: readonly string[] = [];
    let before = new Map<string, Version>();
    let outcome: { ok: true; value?: string } | { ok: false; failure: CellFailure; interrupted?: boolean };
    try {
      const compiled = compileOrFail(code, cellId);
      declared = compiled.declaredNames;
      this.#compiled.set(cellId, compiled);
      await this.#loadGlobalsFor(compiled.identifiers);
      await this.#loadExtensionsFor(compiled);
      this.#restore(options.restore ?? []);
      before = this.#versions();
      const previous = new Map(compiled.declaredNames.map((name) => [name, this.scope[name]]));
      this.#tf.engine().startScope();
      engineScope = true;
      const cellBuiltins = { tf: this.#cellTf, ...builtins, ...this.#globals };
      const result = await Promise.race([executeCell(compiled, cellId, this.scope, cellBuiltins), uncaught]);
      disposeReplaced(this.#tf, previous, this.scope, this.#snapshots.heldValues());
      if (result.hasValue) noteNonFinite(result.value, 'value');
      const value = result.hasValue ? formatValue(result.value) : undefined;
      outcome = { ok: true, ...(value === undefined ? {} : { value }) };
    } catch (error) {
      if (error instanceof CellError && error.failure.name === 'Stopped')
        outcome = { ok: false, failure: error.failure, interrupted: true };
      else if (error instanceof CellError) outcome = { ok: false, failure: error.failure };
      else outcome = { ok: false, failure: { name: 'InternalError', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      // Frees the tensors the cell made and the session cannot reach (after printing its value).
      if (engineScope)
        this.#tf.engine().endScope(reachableTensors(this.#tf, [...Object.values(this.scope), ...this.#snapshots.heldValues()]));
      this.#running = undefined;
      this.#runHooks = undefined;
      this.#interruptRequested = false;
    }
    const writes = before.size > 0 ? this.#changedSince(before, declared) : [];
    // A failed run's values are not shown: the page keeps what it showed, marked out of date.
    const shown = outcome.ok ? options : { ...options, shown: [] };
    return { ...outcome, ...this.#afterRun(declared, writes, shown, started), ...(nonFinite.where.length > 0 ? { nonFinite } : {}) };
  }

  /** Snapshots, results and timing after a run or a control's change. */
  #afterRun(declared: readonly string[], writes: string[], options: RunOptions, started: number): RunBookkeeping {
    const snapshots: string[] = [];
    if (options.stamp !== undefined) {
      // Changed values are always kept: the notebook may need the state before the next change.
      for (const name of new Set([...(options.snapshot ?? []), ...writes])) {
        if (!(name in this.scope)) continue;
        const key = snapshotKey(name, options.stamp);
        if (this.#snapshots.take(key, this.scope[name])) snapshots.push(key);
      }
    }
    const outputs = new Set([...declared, ...writes]);
    const results = this.readResults((options.shown ?? []).filter((name) => outputs.has(name)));
    const digests: Record<string, string> = {};
    if (options.stamp !== undefined) {
      for (const name of outputs) {
        const digest = name in this.scope ? digestOf(this.#tf, this.scope[name]) : undefined;
        if (digest !== undefined) digests[name] = digest;
      }
    }
    return { writes, digests, snapshots, durationMs: now() - started, results };
  }

  #restore(restores: ReadonlyArray<{ name: string; key: string }>): void {
    for (const { name, key } of restores) this.scope[name] = this.#snapshots.restore(key);
  }

  #versions(): Map<string, Version> {
    return new Map(Object.keys(this.scope).map((name) => [name, versionOf(this.#tf, this.scope[name])]));
  }

  /** Variables the run changed that it does not declare itself. */
  #changedSince(before: ReadonlyMap<string, Version>, declared: readonly string[]): string[] {
    return [...before]
      .filter(([name, version]) => !declared.includes(name) && !sameVersion(version, versionOf(this.#tf, this.scope[name])))
      .map(([name]) => name);
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
    for (const [name, global] of Object.entries(this.#lazyGlobals)) {
      if (!identifiers.has(name)) continue;
      if (!(name in this.#globals)) {
        try {
          this.#globals[name] = await global.load();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new CellError({ name: 'LoadError', message, hint: 'loadFailed' });
        }
      }
      global.beforeCell?.(this.#globals[name]);
    }
  }

  /** Loads the parts of the API the cell needs and the session does not have yet. */
  async #loadExtensionsFor(cell: CompiledCell): Promise<void> {
    for (const extension of this.#extensions) {
      if (this.#loadedExtensions.has(extension) || !extension.neededBy(cell)) continue;
      let members: Record<string, unknown>;
      try {
        members = await extension.load(() => this.#runHooks);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new CellError({ name: 'LoadError', message: `TensorFlow.js ${extension.name}: ${message}`, hint: 'codeLoadFailed' });
      }
      this.#loadedExtensions.add(extension);
      // A new object, frozen like the module namespace it extends: cells read `tf`, never change it.
      this.#cellTf = Object.freeze(Object.assign(Object.create(null) as object, this.#cellTf, members));
    }
  }

  /**
   * A variable's value for a reader outside the cells (an explorer): as the snapshot `key` holds
   * it if the session keeps that copy, else its current value. Changes nothing.
   */
  peek(name: string, key?: string): unknown {
    if (key !== undefined && this.#snapshots.has(key)) return this.#snapshots.peek(key);
    return this.scope[name];
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

  /** Frees the copies the notebook no longer needs. */
  releaseSnapshots(keys: readonly string[]): void {
    for (const key of keys) this.#snapshots.release(key);
  }

  /** Frees every copy the session keeps (the page's session ends). */
  dispose(): void {
    this.#snapshots.clear();
  }
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

function toResultValue(value: unknown): ResultValue {
  if (typeof value === 'number') return { kind: 'number', value };
  if (isTensorLike(value) && value.dtype !== 'string' && !(value as { isDisposed?: boolean }).isDisposed) {
    const values = Array.from(value.dataSync() as ArrayLike<number>, Number);
    return value.shape.length === 0 ? { kind: 'number', value: values[0] ?? NaN } : { kind: 'tensor', shape: [...value.shape], values };
  }
  return { kind: 'text', value: typeof value === 'string' ? value : formatValue(value) };
}
