import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../src/runtime/tf-extensions.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { kmeans, nonlinearRegression, type FigureFrame, type KmeansFrame, type RegressionFrame } from '../../src/figures/programs.ts';
import { renderFrame } from '../../src/figures/render-svg.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('figure programs', () => {
  it('fit the regression curve to the points, frame after frame, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const frames: FigureFrame[] = [];
    const last = (await nonlinearRegression(tf, (frame) => frames.push(frame))) as RegressionFrame;
    expect(frames.length).toBeGreaterThan(10);
    const error = (frame: RegressionFrame) =>
      frame.points.reduce((sum, [x, y]) => {
        const nearest = frame.curve.reduce((best, point) => (Math.abs(point[0] - x) < Math.abs(best[0] - x) ? point : best));
        return sum + (nearest[1] - y) ** 2;
      }, 0) / frame.points.length;
    expect(error(last)).toBeLessThan(error(frames[0] as RegressionFrame) / 10);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('find the three groups with k-means', async () => {
    const last = (await kmeans(tf, () => {})) as KmeansFrame;
    // Each blob of 50 points ends up (almost whole) in a cluster of its own.
    const majorities = [0, 1, 2].map((blob) => {
      const members = last.assignments.slice(blob * 50, blob * 50 + 50);
      const counts = [0, 1, 2].map((cluster) => members.filter((c) => c === cluster).length);
      expect(Math.max(...counts)).toBeGreaterThanOrEqual(48);
      return counts.indexOf(Math.max(...counts));
    });
    expect(new Set(majorities).size).toBe(3);
  });

  it('draw frames as SVG made only of numbers and the escaped label', async () => {
    const frame = await kmeans(tf, () => {});
    const svg = renderFrame(frame, 'a "label" <b>');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('aria-label="a &quot;label&quot; &lt;b>"');
    expect(svg.match(/<circle/g)).toHaveLength(150);
  });
});
