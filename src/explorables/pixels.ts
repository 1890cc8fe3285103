/**
 * The geometry of an MNIST image as the model receives it: 28 × 28 pixels flattened row by row
 * into 784 values (pixel = row × 28 + column), and W [784, 10] holding one row of ten weights per
 * pixel. The article's pixel 380 is row 13, column 16.
 */
export const SIDE = 28;
export const PIXELS = SIDE * SIDE;
export const CLASSES = 10;

export function pixelIndex(row: number, column: number): number {
  if (!isInside(row) || !isInside(column)) throw new RangeError(`pixel (${row}, ${column}) is outside the ${SIDE} × ${SIDE} image`);
  return row * SIDE + column;
}

export function pixelPosition(pixel: number): { row: number; column: number } {
  if (!Number.isInteger(pixel) || pixel < 0 || pixel >= PIXELS) throw new RangeError(`pixel ${pixel} is outside 0..${PIXELS - 1}`);
  return { row: Math.floor(pixel / SIDE), column: pixel % SIDE };
}

/** The ten weights of one pixel: row `pixel` of a [784, 10] matrix given row-major. */
export function weightsRow(weights: ArrayLike<number>, pixel: number, classes = CLASSES): number[] {
  pixelPosition(pixel);
  if (weights.length !== PIXELS * classes) throw new RangeError(`expected ${PIXELS * classes} weights, got ${weights.length}`);
  return Array.from({ length: classes }, (_, digit) => weights[pixel * classes + digit] ?? 0);
}

/** One column of a [784, 10] matrix given row-major: the 784 weights of one digit, as an image. */
export function weightsColumn(weights: ArrayLike<number>, digit: number, classes = CLASSES): number[] {
  return Array.from({ length: PIXELS }, (_, pixel) => weights[pixel * classes + digit] ?? 0);
}

/** The pixel an arrow key leads to (Home and End: the row's ends); it stays put at the edges. */
export function movePixel(pixel: number, key: string): number {
  const { row, column } = pixelPosition(pixel);
  const clamp = (value: number): number => Math.min(SIDE - 1, Math.max(0, value));
  switch (key) {
    case 'ArrowUp':
      return pixelIndex(clamp(row - 1), column);
    case 'ArrowDown':
      return pixelIndex(clamp(row + 1), column);
    case 'ArrowLeft':
      return pixelIndex(row, clamp(column - 1));
    case 'ArrowRight':
      return pixelIndex(row, clamp(column + 1));
    case 'Home':
      return pixelIndex(row, 0);
    case 'End':
      return pixelIndex(row, SIDE - 1);
    default:
      return pixel;
  }
}

/** The pixel under a point of a picture of the image, from the point's position in [0, 1] × [0, 1]. */
export function pixelAt(x: number, y: number): number {
  const cell = (fraction: number): number => Math.min(SIDE - 1, Math.max(0, Math.floor(fraction * SIDE)));
  return pixelIndex(cell(y), cell(x));
}

function isInside(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < SIDE;
}
