/**
 * The points a cell plotted so far, per series, as interleaved numbers [x0, y0, x1, y1, ...] in a
 * growable Float64Array: appending a chunk of a million points is a copy, not a million objects.
 */
export type InterleavedSeries = Record<string, ArrayLike<number>>;

const INITIAL_CAPACITY = 256;

class GrowableSeries {
  #values = new Float64Array(INITIAL_CAPACITY);
  #length = 0;

  append(interleaved: ArrayLike<number>): void {
    // An odd count would shift every later x into y: drop a dangling last number.
    const count = interleaved.length - (interleaved.length % 2);
    if (count === 0) return;
    this.#reserve(this.#length + count);
    this.#values.set(count === interleaved.length ? interleaved : Array.prototype.slice.call(interleaved, 0, count), this.#length);
    this.#length += count;
  }

  view(): Float64Array {
    return this.#values.subarray(0, this.#length);
  }

  #reserve(needed: number): void {
    if (needed <= this.#values.length) return;
    let capacity = this.#values.length;
    while (capacity < needed) capacity *= 2;
    const grown = new Float64Array(capacity);
    grown.set(this.#values.subarray(0, this.#length));
    this.#values = grown;
  }
}

export class ChartPoints {
  readonly #series = new Map<string, GrowableSeries>();

  /** Adds a chunk: each series' new points, interleaved. */
  append(chunk: InterleavedSeries): void {
    for (const [name, values] of Object.entries(chunk)) {
      let series = this.#series.get(name);
      if (!series) {
        series = new GrowableSeries();
        this.#series.set(name, series);
      }
      series.append(values);
    }
  }

  get isEmpty(): boolean {
    return this.#series.size === 0;
  }

  /** Every point so far, by series in the order they first appeared (views, not copies). */
  snapshot(): Record<string, Float64Array> {
    return Object.fromEntries([...this.#series].map(([name, series]) => [name, series.view()]));
  }

  clear(): void {
    this.#series.clear();
  }
}

/** Pairs [[x, y], ...] (the worker's chunks until they carry typed arrays) as interleaved numbers. */
export function interleavePairs(pairs: ReadonlyArray<readonly [number, number]>): Float64Array {
  const values = new Float64Array(pairs.length * 2);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i];
    if (!pair) continue;
    values[2 * i] = pair[0];
    values[2 * i + 1] = pair[1];
  }
  return values;
}

/** A chunk's points for one series, whichever shape the worker sent: interleaved numbers or pairs. */
export function asInterleaved(points: ArrayLike<number> | ReadonlyArray<readonly [number, number]>): ArrayLike<number> {
  const first: unknown = points[0];
  return Array.isArray(first) ? interleavePairs(points as ReadonlyArray<readonly [number, number]>) : (points as ArrayLike<number>);
}
