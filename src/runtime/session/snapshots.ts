/**
 * Copies of variables' values that the notebook can put back: when a cell below changes `W` (a
 * training step), a cell above that needs `W` as it was gets it back from here instead of training
 * again. A copy holds the value itself (primitives, functions, immutable tensors), a shallow copy of
 * arrays and plain objects, and a clone of every tf.Variable inside, put back with `assign` so that
 * the variable stays the same object for the functions that use it.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import { isPlainObject, variablesIn } from './value-versions.ts';

type Tf = typeof tfCore;

interface Snapshot {
  value: unknown;
  entries?: unknown[] | Array<[string, unknown]>;
  variables: Array<[tfCore.Variable, tfCore.Tensor]>;
}

export class SnapshotStore {
  readonly #tf: Tf;
  readonly #snapshots = new Map<string, Snapshot>();

  constructor(tf: Tf) {
    this.#tf = tf;
  }

  /** Keeps a copy of `value` under `key`; false when the value cannot be copied. */
  take(key: string, value: unknown): boolean {
    const tf = this.#tf;
    this.release(key);
    if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return false;
    if (value instanceof tf.Tensor && !(value instanceof tf.Variable) && value.isDisposed) return false;
    const variables = tf.tidy(() =>
      variablesIn(tf, value).map((variable) => [variable, tf.keep(variable.clone())] as [tfCore.Variable, tfCore.Tensor]),
    );
    const snapshot: Snapshot = { value, variables };
    if (Array.isArray(value)) snapshot.entries = [...value];
    else if (typeof value === 'object' && value !== null && !(value instanceof tf.Tensor) && isPlainObject(value))
      snapshot.entries = Object.entries(value);
    this.#snapshots.set(key, snapshot);
    return true;
  }

  has(key: string): boolean {
    return this.#snapshots.has(key);
  }

  /** The value as it was when copied. Throws if a variable it held has been disposed since. */
  restore(key: string): unknown {
    const snapshot = this.#snapshots.get(key);
    if (!snapshot) throw new Error(`no copy of ${key.slice(0, key.indexOf('@'))} to put back`);
    for (const [variable] of snapshot.variables) {
      if (variable.isDisposed) throw new Error(`${key.slice(0, key.indexOf('@'))} was disposed: it cannot be put back`);
    }
    const { value, entries } = snapshot;
    if (Array.isArray(value) && entries) value.splice(0, value.length, ...entries);
    else if (entries && typeof value === 'object' && value !== null) {
      const target = value as Record<string, unknown>;
      for (const name of Object.keys(target)) Reflect.deleteProperty(target, name);
      Object.assign(target, Object.fromEntries(entries as Array<[string, unknown]>));
    }
    for (const [variable, copy] of snapshot.variables) variable.assign(copy);
    return value;
  }

  /**
   * The value as it was when copied, without putting it back: a tf.Variable's copy, or the value
   * itself when it held no variable (explorers read `W@stamp` while `W` has moved on).
   */
  peek(key: string): unknown {
    const snapshot = this.#snapshots.get(key);
    if (!snapshot) return undefined;
    const copy = snapshot.variables.find(([variable]) => variable === snapshot.value)?.[1];
    if (copy) return copy;
    return snapshot.variables.length === 0 && !snapshot.entries ? snapshot.value : undefined;
  }

  release(key: string): void {
    const snapshot = this.#snapshots.get(key);
    if (!snapshot) return;
    for (const [, copy] of snapshot.variables) copy.dispose();
    this.#snapshots.delete(key);
  }

  /** Values the copies hold: they must outlive the cells that made them (see tensor-lifetimes.ts). */
  heldValues(): unknown[] {
    return [...this.#snapshots.values()].flatMap((snapshot) => [snapshot.value, ...(snapshot.entries ?? [])]);
  }

  clear(): void {
    for (const key of [...this.#snapshots.keys()]) this.release(key);
  }
}
