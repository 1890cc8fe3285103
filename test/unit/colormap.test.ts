import { describe, expect, it } from 'vitest';
import { columnToRgba, divergingColor, divergingRgba } from '../../src/figures/colormap.ts';

/** The colour a pixel shows over a background, as the browser composites it. */
const over = ([r, g, b, a]: number[], background: number) =>
  [r, g, b].map((channel) => Math.round(((channel ?? 0) * (a ?? 0) + background * (255 - (a ?? 0))) / 255));

describe('the heat maps’ colour scale', () => {
  it('over white paper is the red-white-blue scale, and over black keeps zero black (dark theme)', () => {
    for (const value of [-1, -0.5, -0.1, 0, 0.1, 0.5, 1]) {
      const rgba = divergingRgba(value, 1);
      over(rgba, 255).forEach((channel, i) => expect(Math.abs(channel - (divergingColor(value, 1)[i] ?? 0))).toBeLessThanOrEqual(1));
    }
    expect(over(divergingRgba(0, 1), 0)).toEqual([0, 0, 0]);
    expect(over(divergingRgba(1, 1), 0)).toEqual([255, 0, 0]);
    expect(over(divergingRgba(-1, 1), 0)).toEqual([0, 0, 255]);
  });

  it('draws one column of a [784, 10] matrix as a 28 x 28 RGBA image', () => {
    const values = Array.from({ length: 784 * 10 }, (_, i) => (i % 10 === 3 ? 0.5 : 0));
    const image = columnToRgba(values, 10, 3, 784, 0.5);
    expect(image.length).toBe(784 * 4);
    expect([...image.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    expect(columnToRgba(values, 10, 4, 784, 0.5)[3]).toBe(0);
  });
});
