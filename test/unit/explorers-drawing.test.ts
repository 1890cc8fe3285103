import { describe, expect, it } from 'vitest';
import { centreOfMass, drawingToMnist, type Stroke } from '../../src/explorables/drawing.ts';

/** The image as 28 rows of 28 values, for readable expectations. */
function rows(image: Float32Array): number[][] {
  return Array.from({ length: 28 }, (_, row) => Array.from(image.subarray(row * 28, row * 28 + 28)));
}

const VERTICAL: Stroke[] = [
  [
    [0.5, 0.2],
    [0.5, 0.8],
  ],
];

describe('a drawing made MNIST-like', () => {
  it('turns a vertical stroke into a centred bar 20 pixels tall and 2.5 wide', () => {
    const image = drawingToMnist(VERTICAL);
    expect(image).toBeDefined();
    const grid = rows(image as Float32Array);
    // Away from its round ends, every row of the bar is the same: a quarter of pixels 12 and 15
    // covered, all of 13 and 14 (the ink spans 12.75 to 15.25).
    const middle = [...Array(12).fill(0), 0.25, 1, 1, 0.25, ...Array(12).fill(0)];
    for (let row = 6; row <= 21; row++) expect(grid[row]).toEqual(middle);
    // The ink spans rows 4 to 23: 20 pixels, the box MNIST's digits fit in.
    for (const row of [0, 1, 2, 3, 24, 25, 26, 27]) expect(grid[row]?.every((value) => value === 0)).toBe(true);
    for (const row of [4, 23]) expect(grid[row]?.some((value) => value > 0)).toBe(true);
    expect(centreOfMass(image as Float32Array)).toEqual([14, 14]);
  });

  it('keeps every grey level in [0, 1]', () => {
    const scribble: Stroke[] = [
      Array.from({ length: 200 }, (_, i): [number, number] => [0.5 + 0.3 * Math.cos(i / 7), 0.5 + 0.3 * Math.sin(i / 5)]),
    ];
    const image = drawingToMnist(scribble) as Float32Array;
    expect(Math.min(...image)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...image)).toBe(1);
  });

  it('gives the same image for a digit drawn small in a corner or large in the middle', () => {
    const seven = (scale: number, [dx, dy]: [number, number]): Stroke[] => [
      [
        [0.2, 0.2],
        [0.8, 0.2],
        [0.4, 0.9],
      ].map(([x, y]): [number, number] => [dx + (x ?? 0) * scale, dy + (y ?? 0) * scale]),
    ];
    const large = drawingToMnist(seven(1, [0, 0])) as Float32Array;
    const small = drawingToMnist(seven(0.3, [0.65, 0.02])) as Float32Array;
    for (let pixel = 0; pixel < 784; pixel++) expect(small[pixel]).toBeCloseTo(large[pixel] ?? NaN, 5);
  });

  it('centres the drawing on its centre of mass, as MNIST did', () => {
    // An "L": most of its ink is in the long upright, so its box's centre is not its centre of mass.
    const ell: Stroke[] = [
      [
        [0.3, 0.1],
        [0.3, 0.9],
        [0.6, 0.9],
      ],
    ];
    const [x, y] = centreOfMass(drawingToMnist(ell) as Float32Array);
    expect(Math.abs(x - 14)).toBeLessThan(0.25);
    expect(Math.abs(y - 14)).toBeLessThan(0.25);
  });

  it('draws a single tap as a dot in the middle', () => {
    const image = drawingToMnist([[[0.1, 0.9]]]) as Float32Array;
    const inked = [...image.keys()].filter((pixel) => (image[pixel] ?? 0) > 0);
    expect(inked.length).toBeGreaterThan(0);
    expect(inked.every((pixel) => Math.abs((pixel % 28) - 13.5) <= 2 && Math.abs(Math.floor(pixel / 28) - 13.5) <= 2)).toBe(true);
  });

  it('gives no image, and no error, for an empty pad', () => {
    expect(drawingToMnist([])).toBeUndefined();
    expect(drawingToMnist([[], []])).toBeUndefined();
    expect(drawingToMnist([[[Number.NaN, 0.5]]])).toBeUndefined();
  });
});
