/**
 * Finds NaN and ±Infinity in what a cell shows (a printed value, its last value, a tensor, a value
 * the prose quotes), so the page can say so in the cell with one line of explanation instead of
 * presenting `nan` as a result. Pure: tensors are duck-typed, and a large tensor is checked on its
 * own device (one value read back) when tfjs's chained ops are there.
 */
import { isTensorLike, MAX_VALUES_TO_PRINT, type TensorLike } from './format-tensor.ts';
import type { ResultValue } from './protocol.ts';

export interface NonFiniteFound {
  nan: boolean;
  infinity: boolean;
}

/** Which explanation fits: the cross entropy's `log(0)`, another NaN, or an overflow. */
export type NonFiniteHint = 'logOfZero' | 'nan' | 'overflow';

/** Tensors up to this size are read and scanned; larger ones are checked on their device. */
const READ_LIMIT = 65_536;
const MAX_DEPTH = 3;
const MAX_ITEMS = 10_000;

/** What a value holds, looking into tensors, arrays, typed arrays, Maps, Sets and plain objects. */
export function findNonFinite(value: unknown): NonFiniteFound | undefined {
  const found: NonFiniteFound = { nan: false, infinity: false };
  visit(value, found, 0, new Set());
  return found.nan || found.infinity ? found : undefined;
}

/** The same for the values the prose shows, by variable name. */
export function findNonFiniteResults(results: Readonly<Record<string, ResultValue>>): Record<string, NonFiniteFound> {
  const found: Record<string, NonFiniteFound> = {};
  for (const [name, result] of Object.entries(results)) {
    const numbers = result.kind === 'number' ? [result.value] : result.kind === 'tensor' ? result.values : [];
    const report = scanNumbers(numbers);
    if (report) found[name] = report;
  }
  return found;
}

/** The explanation for what was found, from the cell's code: a `log(` makes log(0) the likely cause. */
export function nonFiniteHint(found: NonFiniteFound, code: string): NonFiniteHint {
  // tf.log(...), x.log(), tf.log1p(...); console.log prints, it takes no logarithm.
  if (/\blog(?:1p)?\s*\(/.test(code.replace(/\bconsole\.log\b/g, ''))) return 'logOfZero';
  return found.nan ? 'nan' : 'overflow';
}

function visit(value: unknown, found: NonFiniteFound, depth: number, seen: Set<object>): void {
  if (typeof value === 'number') {
    note(value, found);
    return;
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value)) return;
  seen.add(value);
  if (isTensorLike(value)) {
    const report = tensorNonFinite(value);
    if (report) Object.assign(found, { nan: found.nan || report.nan, infinity: found.infinity || report.infinity });
    return;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof Float32Array || value instanceof Float64Array) {
      const report = scanNumbers(value);
      if (report) Object.assign(found, { nan: found.nan || report.nan, infinity: found.infinity || report.infinity });
    }
    return;
  }
  const items =
    value instanceof Map ? value.values() : value instanceof Set ? value.values() : Array.isArray(value) ? value.values() : undefined;
  if (items) {
    let count = 0;
    for (const item of items) {
      if (count++ >= MAX_ITEMS) break;
      visit(item, found, depth + 1, seen);
    }
    return;
  }
  if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    for (const key of Object.keys(value).slice(0, MAX_ITEMS)) visit((value as Record<string, unknown>)[key], found, depth + 1, seen);
  }
}

interface ChainedChecks {
  isNaN(): Disposable & { any(): Disposable & TensorLike };
  isInf(): Disposable & { any(): Disposable & TensorLike };
}
type Disposable = { dispose(): void };

/** NaN or ±Infinity in a float tensor; undefined if none, or if it is too large to check here. */
export function tensorNonFinite(tensor: TensorLike): NonFiniteFound | undefined {
  if (!tensor.dtype.startsWith('float') || (tensor as { isDisposed?: boolean }).isDisposed) return undefined;
  const size = tensor.shape.reduce((a, b) => a * b, 1);
  const chained = tensor as Partial<ChainedChecks>;
  if (size > READ_LIMIT && typeof chained.isNaN === 'function' && typeof chained.isInf === 'function') {
    const anyOf = (check: () => Disposable & { any(): Disposable & TensorLike }): boolean => {
      const mask = check();
      const any = mask.any();
      try {
        return Boolean(any.dataSync()[0]);
      } finally {
        mask.dispose();
        any.dispose();
      }
    };
    try {
      const report = { nan: anyOf(() => (chained as ChainedChecks).isNaN()), infinity: anyOf(() => (chained as ChainedChecks).isInf()) };
      return report.nan || report.infinity ? report : undefined;
    } catch {
      // Too large for the device (tf.zeros([1e9]) exists lazily, as a shape and a constant): the
      // check says nothing rather than fail a cell that ran.
      return undefined;
    }
  }
  if (size > MAX_VALUES_TO_PRINT) return undefined;
  return scanNumbers(tensor.dataSync() as ArrayLike<number>);
}

function scanNumbers(values: ArrayLike<number>): NonFiniteFound | undefined {
  const found: NonFiniteFound = { nan: false, infinity: false };
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isFinite(value)) continue;
    note(value, found);
    if (found.nan && found.infinity) break;
  }
  return found.nan || found.infinity ? found : undefined;
}

function note(value: number, found: NonFiniteFound): void {
  if (Number.isNaN(value)) found.nan = true;
  else if (!Number.isFinite(value)) found.infinity = true;
}
