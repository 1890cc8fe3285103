import { describe, expect, it } from 'vitest';
import { chartBounds, renderLineChart } from '../../src/figures/render-chart.ts';
import { asInterleaved, ChartPoints } from '../../src/figures/chart-points.ts';

const OPTIONS = { label: 'Chart drawn by cell fit', xTitle: 'step', leftOutNote: (count: number) => `${count} values ≤ 0 not shown` };

/** The points of the path of series `index`, as [x, y] pairs. */
function pathPoints(svg: string, index = 0): Array<[number, number]> {
  const d = [...svg.matchAll(/<path d="([^"]*)"/g)][index]?.[1] ?? '';
  return [...d.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function interleaved(count: number, y: (i: number) => number): Float64Array {
  const values = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) [values[2 * i], values[2 * i + 1]] = [i, y(i)];
  return values;
}

describe('renderLineChart', () => {
  it('draws a million points as at most a few per pixel column, keeping each column’s extremes', () => {
    const values = interleaved(1_000_000, (i) => (i === 500_000 ? 100 : Math.sin(i / 1000)));
    const svg = renderLineChart({ loss: values }, OPTIONS);
    const points = pathPoints(svg);
    expect(points.length).toBeLessThan(4 * 480);
    const top = Math.min(...points.map(([, y]) => y));
    // The single spike reaches the top of the plot: downsampling never hides an extreme.
    expect(top).toBeCloseTo(12, 0);
  });

  it('finds the bounds in one loop, even past the size where Math.min(...points) throws', () => {
    expect(chartBounds({ a: interleaved(300_000, (i) => i - 5) })).toMatchObject({ xMin: 0, xMax: 299_999, yMin: -5, yMax: 299_994 });
  });

  it('titles the axes: x with the values’ name, y with the series’ name', () => {
    const svg = renderLineChart({ cross_entropy: [1, 230, 2, 120] }, OPTIONS);
    expect(svg).toContain('data-axis-title="x">step</text>');
    expect(svg).toContain('data-axis-title="y">cross_entropy</text>');
    expect(svg).toContain('aria-label="Chart drawn by cell fit"');
  });

  it('draws y on a log scale with decades as ticks, leaving out values ≤ 0 and saying how many', () => {
    const svg = renderLineChart({ loss: [1, 1000, 2, 10, 3, 0.1, 4, 0, 5, -2] }, { ...OPTIONS, logY: true });
    expect(svg).toContain('data-scale="log"');
    for (const tick of ['0.1', '1', '10', '100', '1.0e+3']) expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain('data-left-out="2">2 values ≤ 0 not shown</text>');
    expect(pathPoints(svg)).toHaveLength(3);
  });

  it('breaks the line at NaN and Infinity instead of drawing through them', () => {
    const svg = renderLineChart({ loss: [0, 1, 1, Number.NaN, 2, 2, 3, Infinity, 4, 3] }, OPTIONS);
    const d = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(3);
  });

  it('escapes series names', () => {
    expect(renderLineChart({ '<script>': [0, 1, 1, 2] }, OPTIONS)).not.toContain('<script>');
  });

  it('draws nothing without points', () => {
    expect(renderLineChart({}, OPTIONS)).toBe('');
  });
});

describe('ChartPoints', () => {
  it('accumulates chunks per series in a growable buffer, pairs or interleaved numbers alike', () => {
    const points = new ChartPoints();
    points.append({ loss: asInterleaved([[1, 10]]) });
    points.append({ loss: asInterleaved(new Float64Array([2, 20, 3, 30])), acc: asInterleaved([0, 0.5]) });
    for (let i = 0; i < 1000; i++) points.append({ loss: [4 + i, 0] });
    const snapshot = points.snapshot();
    expect(Array.from(snapshot['loss']?.subarray(0, 6) ?? [])).toEqual([1, 10, 2, 20, 3, 30]);
    expect(snapshot['loss']).toHaveLength(2 * 1003);
    expect(Array.from(snapshot['acc'] ?? [])).toEqual([0, 0.5]);
  });
});
