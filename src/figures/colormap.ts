/** A diverging colour map: negative values blue, zero white, positive values red. */
export function divergingColor(value: number, maxAbs: number): [number, number, number] {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  const fade = Math.round(255 * (1 - Math.abs(t)));
  return t >= 0 ? [255, fade, fade] : [fade, fade, 255];
}

/** RGB bytes of one column of a [rows*cols, columns] matrix, as a rows x cols image. */
export function columnToRgb(values: readonly number[], columns: number, column: number, pixels: number, maxAbs: number): Uint8Array {
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) rgb.set(divergingColor(values[i * columns + column] ?? 0, maxAbs), i * 3);
  return rgb;
}

export function maxAbsOf(values: readonly number[]): number {
  let max = 0;
  for (const value of values) max = Math.max(max, Math.abs(value));
  return max;
}
