/**
 * Keeps a session's memory flat when the reader runs cells again and again.
 *
 * - Tensors a cell creates and does not keep in a top-level variable (e.g. `print(tf.gather(W, 0))`)
 *   are freed when the cell ends: the cell runs inside an engine scope, like tf.tidy, which keeps
 *   only what the session can still reach. `tf.keep(t)` keeps anything else.
 * - Tensors, variables, optimizers and layers models (with their weights and optimizer) that a
 *   re-run replaces (`const W = tf.variable(...)` run again) are freed, unless another top-level
 *   variable still holds them.
 */
import type * as tfCore from '@tensorflow/tfjs-core';

type Tf = typeof tfCore;

const MAX_DEPTH = 4;

/** Every tensor reachable from `roots` through arrays, plain objects, Maps and Sets. */
export function reachableTensors(tf: Tf, roots: Iterable<unknown>): tfCore.Tensor[] {
  const found = new Set<tfCore.Tensor>();
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value)) return;
    if (value instanceof tf.Tensor) {
      if (!value.isDisposed) found.add(value);
      return;
    }
    seen.add(value);
    if (Array.isArray(value) || value instanceof Set) for (const item of value) visit(item, depth + 1);
    else if (value instanceof Map) for (const item of value.values()) visit(item, depth + 1);
    else if (isPlainObject(value)) for (const item of Object.values(value)) visit(item, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return [...found];
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Frees what re-declared names held before, unless still held by a top-level variable or by
 * `alsoHeld` (copies the session keeps of earlier values).
 */
export function disposeReplaced(
  tf: Tf,
  previous: ReadonlyMap<string, unknown>,
  scope: Record<string, unknown>,
  alsoHeld: readonly unknown[] = [],
): void {
  const stillHeld = new Set([...Object.values(scope), ...alsoHeld]);
  for (const [name, old] of previous) {
    // tf.Tensor and tf.Optimizer answer instanceof by looking at the value's members: objects only.
    if (typeof old !== 'object' || old === null || old === scope[name] || stillHeld.has(old)) continue;
    if (old instanceof tf.Tensor && !old.isDisposed) old.dispose();
    else if (old instanceof tf.Optimizer) old.dispose();
    else if (isLayersModel(old)) disposeModel(tf, old, stillHeld);
  }
}

interface LayersModelLike {
  dispose(): unknown;
  optimizer?: unknown;
}

/** A tf.LayersModel or tf.Sequential, known by its members: this file does not load the layers code. */
function isLayersModel(value: object): value is LayersModelLike {
  const candidate = value as { dispose?: unknown; getWeights?: unknown; layers?: unknown };
  return typeof candidate.dispose === 'function' && typeof candidate.getWeights === 'function' && Array.isArray(candidate.layers);
}

/** Its weights (TensorFlow.js counts the models a layer is part of), and the optimizer `compile` gave it. */
function disposeModel(tf: Tf, model: LayersModelLike, stillHeld: ReadonlySet<unknown>): void {
  const optimizer = model.optimizer;
  try {
    model.dispose();
  } catch {
    // Disposed already, by the reader.
  }
  if (optimizer instanceof tf.Optimizer && !stillHeld.has(optimizer)) optimizer.dispose();
}
