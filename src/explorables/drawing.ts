/**
 * A drawing made MNIST-like, the way the data set was made (LeCun et al.): the digit is scaled,
 * keeping its proportions, to fit a 20 × 20 box, anti-aliased into grey levels, then placed in the
 * 28 × 28 image so that its centre of mass is the image's centre.
 *
 * The strokes come as the reader drew them (points in [0, 1] × [0, 1] of the pad, y down). They are
 * drawn again here at a fixed ink width of MNIST's strokes, so a digit drawn small or large, thin
 * or thick, gives the model the same picture. Grey levels are the share of each pixel the ink
 * covers (4 × 4 samples per pixel).
 */
import { PIXELS, SIDE } from './pixels.ts';

export type Point = readonly [x: number, y: number];
export type Stroke = readonly Point[];

/** The digit's larger side, ink included, in pixels of the 28 × 28 image. */
export const DIGIT_BOX = 20;
/** Ink width in pixels of the 28 × 28 image: about that of MNIST's strokes. */
export const INK_WIDTH = 2.5;
const SAMPLES = 4;

/** The 784 grey levels in [0, 1] the model sees for this drawing; undefined when nothing is drawn. */
export function drawingToMnist(strokes: readonly Stroke[]): Float32Array | undefined {
  const lines = strokes.map((stroke) => stroke.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).filter((s) => s.length > 0);
  const points = lines.flat();
  if (points.length === 0) return undefined;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const extent = Math.max(maxX - minX, maxY - minY);
  // The centre line fills the box less the ink's width, so that the ink itself fills 20 pixels.
  const scale = extent > 0 ? (DIGIT_BOX - INK_WIDTH) / extent : 0;
  const centre: Point = [(minX + maxX) / 2, (minY + maxY) / 2];
  const place = (offset: Point) =>
    lines.map((line) => line.map(([x, y]): Point => [(x - centre[0]) * scale + offset[0], (y - centre[1]) * scale + offset[1]]));

  // First the box's centre at the image's centre, then shifted so the centre of mass is there.
  const first = renderInk(place([SIDE / 2, SIDE / 2]));
  const [massX, massY] = centreOfMass(first);
  return renderInk(place([SIDE - massX, SIDE - massY]));
}

/** The centre of mass of a 28 × 28 image, in pixels (the image's centre is (14, 14)). */
export function centreOfMass(image: ArrayLike<number>): [number, number] {
  let mass = 0;
  let x = 0;
  let y = 0;
  for (let pixel = 0; pixel < PIXELS; pixel++) {
    const value = image[pixel] ?? 0;
    mass += value;
    x += value * ((pixel % SIDE) + 0.5);
    y += value * (Math.floor(pixel / SIDE) + 0.5);
  }
  return mass > 0 ? [x / mass, y / mass] : [SIDE / 2, SIDE / 2];
}

/** Draws thick polylines (coordinates in pixels of the 28 × 28 image) as anti-aliased grey levels. */
function renderInk(lines: ReadonlyArray<readonly Point[]>): Float32Array {
  const grid = SIDE * SAMPLES;
  const covered = new Uint8Array(grid * grid);
  const radius = (INK_WIDTH / 2) * SAMPLES;
  const cover = (a: Point, b: Point): void =>
    coverSegment(covered, grid, [a[0] * SAMPLES, a[1] * SAMPLES], [b[0] * SAMPLES, b[1] * SAMPLES], radius);
  for (const line of lines) {
    // A single point is a dot; otherwise each pair of points is a segment with round ends.
    if (line.length === 1) cover(line[0] as Point, line[0] as Point);
    for (let index = 1; index < line.length; index++) cover(line[index - 1] as Point, line[index] as Point);
  }
  const image = new Float32Array(PIXELS);
  for (let sampleY = 0; sampleY < grid; sampleY++) {
    for (let sampleX = 0; sampleX < grid; sampleX++) {
      if (!covered[sampleY * grid + sampleX]) continue;
      const pixel = Math.floor(sampleY / SAMPLES) * SIDE + Math.floor(sampleX / SAMPLES);
      image[pixel] = (image[pixel] ?? 0) + 1 / (SAMPLES * SAMPLES);
    }
  }
  return image;
}

/** Marks the samples whose centre lies within `radius` of the segment a–b (a dot when a = b). */
function coverSegment(covered: Uint8Array, grid: number, a: Point, b: Point, radius: number): void {
  const [ax, ay] = a;
  const [dx, dy] = [b[0] - ax, b[1] - ay];
  const lengthSquared = dx * dx + dy * dy;
  const fromX = Math.max(0, Math.floor(Math.min(ax, b[0]) - radius));
  const toX = Math.min(grid - 1, Math.ceil(Math.max(ax, b[0]) + radius));
  const fromY = Math.max(0, Math.floor(Math.min(ay, b[1]) - radius));
  const toY = Math.min(grid - 1, Math.ceil(Math.max(ay, b[1]) + radius));
  const limit = radius * radius;
  for (let y = fromY; y <= toY; y++) {
    for (let x = fromX; x <= toX; x++) {
      const [px, py] = [x + 0.5 - ax, y + 0.5 - ay];
      const along = lengthSquared > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSquared)) : 0;
      const [ex, ey] = [px - along * dx, py - along * dy];
      if (ex * ex + ey * ey <= limit) covered[y * grid + x] = 1;
    }
  }
}
