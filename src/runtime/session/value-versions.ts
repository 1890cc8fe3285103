/**
 * Telling, at run time, that a cell changed a variable it did not define: an optimizer step on `W`,
 * `v.assign(...)`, a `push` into an array. Before and after each run, every top-level variable gets
 * a version: cheap tokens that change when its contents change.
 *
 * - A tf.Variable's data changes identity on every assign (TensorFlow.js swaps its dataId).
 * - Arrays and plain objects: their entries, one level deep (primitives by value, objects by identity).
 * - Any object: the tf.Variables it holds, a few levels deep (a model's weights, an optimizer's slots).
 *
 * Not seen (README, "What the notebook does not see"): a change deeper than one level inside plain
 * data, or to a class instance's plain fields (e.g. `optimizer.learningRate = 0.5`).
 */
import type * as tfCore from '@tensorflow/tfjs-core';

type Tf = typeof tfCore;

const MAX_ENTRIES = 10_000;
const MAX_DEPTH = 4;
const MAX_VISITS = 2_000;

export type Version = readonly unknown[];

export function versionOf(tf: Tf, value: unknown): Version {
  if (typeof value !== 'object' || value === null) return [value];
  if (value instanceof tf.Variable) return [value, value.isDisposed, (value as unknown as { dataId: object }).dataId];
  if (value instanceof tf.Tensor) return [value, value.isDisposed];
  const tokens: unknown[] = [value];
  if (Array.isArray(value)) {
    tokens.push(value.length);
    const step = Math.max(1, Math.ceil(value.length / MAX_ENTRIES));
    for (let index = 0; index < value.length; index += step) tokens.push(value[index]);
  } else if (isPlainObject(value)) {
    for (const [key, entry] of Object.entries(value).slice(0, MAX_ENTRIES)) tokens.push(key, entry);
  } else if (value instanceof Map || value instanceof Set) {
    tokens.push(value.size);
  }
  for (const variable of variablesIn(tf, value)) tokens.push((variable as unknown as { dataId: object }).dataId);
  return tokens;
}

export function sameVersion(a: Version, b: Version): boolean {
  return a.length === b.length && a.every((token, index) => Object.is(token, b[index]));
}

/** The tf.Variables held by a value, a few levels deep (arrays, objects, Maps, class instances). */
export function variablesIn(tf: Tf, root: unknown): tfCore.Variable[] {
  const found = new Set<tfCore.Variable>();
  const seen = new Set<object>();
  let visits = 0;
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value) || visits++ > MAX_VISITS) return;
    seen.add(value);
    if (value instanceof tf.Variable) {
      if (!value.isDisposed) found.add(value);
      return;
    }
    if (value instanceof tf.Tensor || ArrayBuffer.isView(value)) return;
    const children =
      value instanceof Map ? [...value.values()] : value instanceof Set ? [...value] : Array.isArray(value) ? value : Object.values(value);
    for (const child of children.slice(0, 1_000)) visit(child, depth + 1);
  };
  visit(root, 0);
  return [...found];
}

export function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
