/**
 * The points a cell plotted, kept so that drawing them stays cheap however many there are.
 *
 * Per series: every point, as interleaved numbers [x0, y0, x1, y1, ...] in a growable
 * Float64Array (a chunk of a million points is one copy, not a million objects), and a summary
 * by x: a fixed number of buckets, each keeping its first, lowest, highest and last point. Points
 * are counted into the bounds and the summary ("digested") a block at a time, against a
 * deadline, so the page can spread a large chunk over several frames; a drawing then costs the
 * number of buckets, not of points. Small series are drawn point by point, in plotting order.
 */
export type InterleavedSeries = Record<string, ArrayLike<number>>;

const INITIAL_CAPACITY = 256;
/** Buckets per series: a little more than one per pixel column of a chart. */
export const SUMMARY_BUCKETS = 512;
/** Points digested between two looks at the clock. */
const DIGEST_BLOCK = 4096;

/** Where a series' points are, and where they can be drawn on a log axis (y > 0). */
export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** The smallest y > 0, for a log axis. */
  yMinPositive: number;
  /** Finite points with y ≤ 0: a log axis leaves them out. */
  nonPositive: number;
  /** Finite points. */
  count: number;
}

export function emptyBounds(): Bounds {
  return { xMin: Infinity, xMax: -Infinity, yMin: Infinity, yMax: -Infinity, yMinPositive: Infinity, nonPositive: 0, count: 0 };
}

export function mergeBounds(a: Bounds, b: Bounds): Bounds {
  return {
    xMin: Math.min(a.xMin, b.xMin),
    xMax: Math.max(a.xMax, b.xMax),
    yMin: Math.min(a.yMin, b.yMin),
    yMax: Math.max(a.yMax, b.yMax),
    yMinPositive: Math.min(a.yMinPositive, b.yMinPositive),
    nonPositive: a.nonPositive + b.nonPositive,
    count: a.count + b.count,
  };
}

/**
 * Buckets of equal width in x over [lo, lo + width × n). A point to the right doubles the width
 * by merging neighbours (cost: the number of buckets); a point to the left is rare (x going back)
 * and rebuilds from the points, over a range at least twice as wide, so it happens few times.
 * Each bucket keeps four points, by their index in the series: first, lowest, highest, last.
 */
class XSummary {
  readonly #n: number;
  #lo = 0;
  #width = 0;
  /** Per bucket: index of its first, lowest, highest and last point (-1: empty). */
  readonly #first: Int32Array;
  readonly #low: Int32Array;
  readonly #high: Int32Array;
  readonly #last: Int32Array;
  /** Per bucket: index of its lowest and highest point with y > 0, for a log axis. */
  readonly #lowPositive: Int32Array;
  readonly #highPositive: Int32Array;

  constructor(n: number) {
    this.#n = n;
    const empty = (): Int32Array => new Int32Array(n).fill(-1);
    [this.#first, this.#low, this.#high, this.#last, this.#lowPositive, this.#highPositive] = [
      empty(),
      empty(),
      empty(),
      empty(),
      empty(),
      empty(),
    ];
  }

  /** Adds the points from index `from` (inclusive) to `to` (exclusive), skipping non-finite ones. */
  addRange(values: Float64Array, from: number, to: number): void {
    // Called for every point: one loop, no closures; doubling and rebuilding are rare.
    const n = this.#n;
    for (let index = from; index < to; index++) {
      const x = values[2 * index] as number;
      const y = values[2 * index + 1] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (this.#width === 0) {
        // First point: a width far below any step, doubled as soon as the points spread.
        this.#lo = x;
        this.#width = Math.max(Math.abs(x), 1) * 2 ** -40;
      }
      if (x < this.#lo) {
        this.#rebuild(values, index, x);
        continue;
      }
      while (x >= this.#lo + this.#width * n) this.#double(values);
      const b = Math.floor((x - this.#lo) / this.#width);
      this.#put(values, b >= n ? n - 1 : b, index);
    }
  }

  /** Visits the kept points in x order; `gap()` between buckets with an empty one between them. */
  visit(values: Float64Array, logY: boolean, point: (x: number, y: number) => void, gap: () => void): void {
    let previousEmpty = false;
    for (let b = 0; b < this.#n; b++) {
      const kept = logY
        ? [this.#first[b], this.#lowPositive[b], this.#highPositive[b], this.#last[b]]
        : [this.#first[b], this.#low[b], this.#high[b], this.#last[b]];
      const indices = [...new Set(kept.filter((i): i is number => i !== undefined && i >= 0))].sort((a, c) => a - c);
      const drawn = logY ? indices.filter((i) => (values[2 * i + 1] as number) > 0) : indices;
      if (drawn.length === 0) {
        previousEmpty = true;
        continue;
      }
      if (previousEmpty) gap();
      previousEmpty = false;
      for (const i of drawn) point(values[2 * i] as number, values[2 * i + 1] as number);
    }
  }

  #put(values: Float64Array, b: number, index: number): void {
    // Called for every point: no closures, typed arrays read once.
    const y = values[2 * index + 1] as number;
    const [first, low, high, lowPositive, highPositive] = [this.#first, this.#low, this.#high, this.#lowPositive, this.#highPositive];
    if ((first[b] as number) < 0) first[b] = index;
    this.#last[b] = index;
    const lowAt = low[b] as number;
    if (lowAt < 0 || y < (values[2 * lowAt + 1] as number)) low[b] = index;
    const highAt = high[b] as number;
    if (highAt < 0 || y > (values[2 * highAt + 1] as number)) high[b] = index;
    if (y > 0) {
      const lowPositiveAt = lowPositive[b] as number;
      if (lowPositiveAt < 0 || y < (values[2 * lowPositiveAt + 1] as number)) lowPositive[b] = index;
      const highPositiveAt = highPositive[b] as number;
      if (highPositiveAt < 0 || y > (values[2 * highPositiveAt + 1] as number)) highPositive[b] = index;
    }
  }

  /** Twice as wide: bucket i takes buckets 2i and 2i + 1. */
  #double(values: Float64Array): void {
    const yAt = (i: number): number => values[2 * i + 1] as number;
    const pick = (a: number, c: number, better: (ya: number, yc: number) => boolean): number =>
      a < 0 ? c : c < 0 ? a : better(yAt(a), yAt(c)) ? a : c;
    const half = this.#n / 2;
    for (let i = 0; i < half; i++) {
      const [a, c] = [2 * i, 2 * i + 1];
      const firstA = this.#first[a] as number;
      const lastC = this.#last[c] as number;
      this.#first[i] = firstA >= 0 ? firstA : (this.#first[c] as number);
      this.#last[i] = lastC >= 0 ? lastC : (this.#last[a] as number);
      this.#low[i] = pick(this.#low[a] as number, this.#low[c] as number, (ya, yc) => ya <= yc);
      this.#high[i] = pick(this.#high[a] as number, this.#high[c] as number, (ya, yc) => ya >= yc);
      this.#lowPositive[i] = pick(this.#lowPositive[a] as number, this.#lowPositive[c] as number, (ya, yc) => ya <= yc);
      this.#highPositive[i] = pick(this.#highPositive[a] as number, this.#highPositive[c] as number, (ya, yc) => ya >= yc);
    }
    for (const array of [this.#first, this.#low, this.#high, this.#last, this.#lowPositive, this.#highPositive]) array.fill(-1, half);
    this.#width *= 2;
  }

  /** A point left of the range: a new range, twice as wide at least, rebuilt from the points. */
  #rebuild(values: Float64Array, upTo: number, x: number): void {
    const hi = this.#lo + this.#width * this.#n;
    let width = this.#width * 2;
    while (hi - width * this.#n > x) width *= 2;
    this.#lo = hi - width * this.#n;
    this.#width = width;
    for (const array of [this.#first, this.#low, this.#high, this.#last, this.#lowPositive, this.#highPositive]) array.fill(-1);
    for (let i = 0; i <= upTo; i++) {
      const xi = values[2 * i] as number;
      const yi = values[2 * i + 1] as number;
      if (Number.isFinite(xi) && Number.isFinite(yi))
        this.#put(values, Math.min(this.#n - 1, Math.floor((xi - this.#lo) / this.#width)), i);
    }
  }
}

/** One series: its points and their summary. */
export class SeriesPoints {
  #values = new Float64Array(INITIAL_CAPACITY);
  #length = 0;
  /** Points (not numbers) already counted in the bounds and the summary. */
  #digested = 0;
  readonly bounds: Bounds = emptyBounds();
  readonly #summary = new XSummary(SUMMARY_BUCKETS);

  /**
   * Keeps chunks of points, in order; they are counted and summarised by `digest`. The buffer grows
   * once for all the chunks of a frame (one allocation, not one per chunk): a million points that
   * arrive in a few chunks are copied once.
   */
  append(...chunks: ReadonlyArray<ArrayLike<number>>): void {
    // An odd count would shift every later x into y: a dangling last number is dropped.
    const sizes = chunks.map((chunk) => chunk.length - (chunk.length % 2));
    this.#reserve(this.#length + sizes.reduce((sum, size) => sum + size, 0));
    chunks.forEach((chunk, index) => {
      const added = sizes[index] ?? 0;
      if (added === 0) return;
      this.#values.set(added === chunk.length ? chunk : Array.prototype.slice.call(chunk, 0, added), this.#length);
      this.#length += added;
    });
  }

  /** Whether every point kept is digested. */
  get digested(): boolean {
    return this.#digested === this.#length / 2;
  }

  /**
   * Counts the points kept since the last call into the bounds and the summary, until `deadline`
   * (a `now()` time): the page does this between frames, a little at a time, so that no task runs
   * long however many points arrive. Returns whether all are digested.
   */
  digest(deadline = Infinity, now: () => number = () => performance.now()): boolean {
    while (!this.digested) {
      this.#digestUpTo(Math.min(this.#length / 2, this.#digested + DIGEST_BLOCK));
      if (now() > deadline) break;
    }
    return this.digested;
  }

  #digestUpTo(end: number): void {
    const start = this.#digested;
    const values = this.#values;
    const bounds = this.bounds;
    let { xMin, xMax, yMin, yMax, yMinPositive, nonPositive, count } = bounds;
    for (let i = 2 * start; i < 2 * end; i += 2) {
      const x = values[i] as number;
      const y = values[i + 1] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
      if (y <= 0) nonPositive++;
      else if (y < yMinPositive) yMinPositive = y;
      count++;
    }
    Object.assign(bounds, { xMin, xMax, yMin, yMax, yMinPositive, nonPositive, count });
    this.#summary.addRange(values, start, end);
    this.#digested = end;
  }

  /** Number of points (finite or not). */
  get size(): number {
    return this.#length / 2;
  }

  /** Every point, interleaved (a view, not a copy). */
  get values(): Float64Array {
    return this.#values.subarray(0, this.#length);
  }

  /**
   * The digested points to draw, in order, with `gap()` where the line breaks: all of them when
   * there are few (in plotting order), else the summary's (in x order).
   */
  visit(logY: boolean, point: (x: number, y: number) => void, gap: () => void): void {
    if (this.#digested <= 4 * SUMMARY_BUCKETS) {
      const values = this.#values;
      for (let i = 0; i < 2 * this.#digested; i += 2) {
        const x = values[i] as number;
        const y = values[i + 1] as number;
        if (Number.isFinite(x) && Number.isFinite(y) && (!logY || y > 0)) point(x, y);
        else gap();
      }
      return;
    }
    this.#summary.visit(this.#values, logY, point, gap);
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

/** The points of every series a cell plotted, in the order the series first appeared. */
export class ChartPoints {
  readonly #series = new Map<string, SeriesPoints>();

  /** Keeps the chunks' points (each series' new points, interleaved), series by series. */
  append(...chunks: readonly InterleavedSeries[]): void {
    const bySeries = new Map<string, Array<ArrayLike<number>>>();
    for (const chunk of chunks) {
      for (const [name, values] of Object.entries(chunk)) {
        const list = bySeries.get(name);
        if (list) list.push(values);
        else bySeries.set(name, [values]);
      }
    }
    for (const [name, values] of bySeries) {
      let series = this.#series.get(name);
      if (!series) {
        series = new SeriesPoints();
        this.#series.set(name, series);
      }
      series.append(...values);
    }
  }

  get isEmpty(): boolean {
    return this.#series.size === 0;
  }

  /** Digests the points of every series until `deadline` (see SeriesPoints.digest). */
  digest(deadline = Infinity, now?: () => number): boolean {
    let done = true;
    for (const series of this.#series.values()) done = series.digest(deadline, now) && done;
    return done;
  }

  get series(): ReadonlyMap<string, SeriesPoints> {
    return this.#series;
  }

  bounds(): Bounds {
    let bounds = emptyBounds();
    for (const series of this.#series.values()) bounds = mergeBounds(bounds, series.bounds);
    return bounds;
  }

  clear(): void {
    this.#series.clear();
  }

  /** Every point of `series`, digested. */
  static from(series: InterleavedSeries): ChartPoints {
    const points = new ChartPoints();
    points.append(series);
    points.digest();
    return points;
  }
}
