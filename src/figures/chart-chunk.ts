/**
 * The points of a chunk, for one series, as interleaved numbers [x0, y0, x1, y1, ...]: the shape
 * charts keep them in (chart-points.ts). Small on purpose: the page loads it with the cells, and
 * the chart code only when a cell plots.
 */

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
