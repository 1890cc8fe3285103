/** A diverging colour map: negative values blue, zero white, positive values red. */
export function divergingColor(value: number, maxAbs: number): [number, number, number] {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  const fade = Math.round(255 * (1 - Math.abs(t)));
  return t >= 0 ? [255, fade, fade] : [fade, fade, 255];
}

export function maxAbsOf(values: readonly number[]): number {
  let max = 0;
  for (const value of values) max = Math.max(max, Math.abs(value));
  return max;
}

/**
 * The same scale as colour plus opacity: the full colour of the sign, as opaque as the value is
 * large, so zero is transparent. Over white it gives exactly divergingColor; over a dark page the
 * figure keeps its dark background (dark mode) without a second picture.
 */
export function divergingRgba(value: number, maxAbs: number): [number, number, number, number] {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  const alpha = Math.round(255 * Math.abs(t));
  return t >= 0 ? [255, 0, 0, alpha] : [0, 0, 255, alpha];
}

/** RGBA bytes of one column of a [rows*cols, columns] matrix, as a rows x cols image. */
export function columnToRgba(
  values: readonly number[],
  columns: number,
  column: number,
  pixels: number,
  maxAbs: number,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) rgba.set(divergingRgba(values[i * columns + column] ?? 0, maxAbs), i * 4);
  return rgba;
}
