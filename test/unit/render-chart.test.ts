import { describe, expect, it } from 'vitest';
import { renderLineChart } from '../../src/figures/render-chart.ts';
import { ChartPoints, SUMMARY_BUCKETS } from '../../src/figures/chart-points.ts';
import { asInterleaved } from '../../src/figures/chart-chunk.ts';

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
  it('draws a million points as at most four per bucket of x, keeping each bucket’s extremes', () => {
    const values = interleaved(1_000_000, (i) => (i === 500_000 ? 100 : Math.sin(i / 1000)));
    const svg = renderLineChart({ loss: values }, OPTIONS);
    const points = pathPoints(svg);
    expect(points.length).toBeLessThanOrEqual(4 * SUMMARY_BUCKETS);
    // The single spike reaches the top of the plot: the summary never hides an extreme.
    expect(Math.min(...points.map(([, y]) => y))).toBeCloseTo(12, 0);
    expect(points.every(([x], i) => i === 0 || x >= (points[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('draws a few points exactly, in the order they were plotted (a circle stays a circle)', () => {
    const circle = Array.from({ length: 9 }, (_, i) => [Math.cos((i * Math.PI) / 4), Math.sin((i * Math.PI) / 4)]).flat();
    const points = pathPoints(renderLineChart({ c: circle }, OPTIONS));
    expect(points).toHaveLength(9);
    expect(points[0]).toEqual(points[8]);
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

  it('puts series of comparable size on one axis (a mean loss and an accuracy)', () => {
    const svg = renderLineChart({ loss: [1, 2.3, 100, 0.3], acc: [1, 0.1, 100, 0.9] }, OPTIONS);
    expect(svg).toContain('data-panels="1"');
    expect(svg).toContain('viewBox="0 0 480 220"');
    expect(svg).toContain('data-axis-title="y">loss, acc</text>');
  });

  it('gives series far apart in size a panel each, over the same steps (a summed loss and an accuracy)', () => {
    const svg = renderLineChart({ loss: [1, 230, 1000, 30], acc: [1, 0.1, 1000, 0.9] }, { ...OPTIONS, logY: false });
    expect(svg).toContain('data-panels="2"');
    expect(svg).toContain('viewBox="0 0 480 440"');
    expect([...svg.matchAll(/data-axis-title="y">([^<]*)</g)].map((m) => m[1])).toEqual(['loss', 'acc']);
    // Each curve spans its own panel: the accuracy's highest point is at the top of the second one.
    const [lossStart, lossEnd] = pathPoints(svg, 0);
    const [accStart, accEnd] = pathPoints(svg, 1);
    expect(lossStart?.[1]).toBeCloseTo(12, 0);
    expect(lossEnd?.[1]).toBeGreaterThan(12);
    expect(accEnd?.[1]).toBeCloseTo(220 + 12, 0);
    expect(accStart?.[1]).toBeGreaterThan(accEnd?.[1] ?? Infinity);
    expect([lossStart?.[0], lossEnd?.[0]]).toEqual([accStart?.[0], accEnd?.[0]]);
  });

  it('escapes series names', () => {
    expect(renderLineChart({ '<script>': [0, 1, 1, 2] }, OPTIONS)).not.toContain('<script>');
  });

  it('draws nothing without points', () => {
    expect(renderLineChart({}, OPTIONS)).toBe('');
  });
});

describe('ChartPoints', () => {
  it('keeps the bounds as points arrive, past the size where Math.min(...points) throws', () => {
    const points = new ChartPoints();
    points.append({ a: interleaved(300_000, (i) => i - 5) });
    points.append({ b: [-3, 0.5, 1, NaN] });
    points.digest();
    expect(points.bounds()).toMatchObject({
      xMin: -3,
      xMax: 299_999,
      yMin: -5,
      yMax: 299_994,
      yMinPositive: 0.5,
      nonPositive: 6,
      count: 300_001,
    });
  });

  it('keeps its summary right when x goes back before the first point', () => {
    const points = new ChartPoints();
    points.append({ s: interleaved(5000, (i) => i) });
    points.append({ s: [-1000, -50] });
    points.digest();
    const svg = renderLineChart(points, OPTIONS);
    expect(svg).toContain('>-1.0e+3</text>');
    const drawn = pathPoints(svg);
    expect(drawn[0]).toEqual([66, Math.max(...drawn.map(([, y]) => y))]);
  });

  it('digests a large chunk a block at a time against a deadline, drawing what is digested so far', () => {
    const points = new ChartPoints();
    points.append({ s: interleaved(100_000, (i) => i) });
    let clock = 0;
    const rounds: number[] = [];
    while (!points.digest(clock + 1, () => (clock += 2))) rounds.push(points.bounds().count);
    expect(rounds.length).toBeGreaterThan(10);
    expect(rounds[0]).toBe(4096);
    expect(points.bounds().count).toBe(100_000);
  });

  it('accumulates chunks per series, pairs or interleaved numbers alike', () => {
    const points = new ChartPoints();
    points.append({ loss: asInterleaved([[1, 10]]) });
    points.append({ loss: asInterleaved(new Float64Array([2, 20, 3, 30])), acc: asInterleaved([0, 0.5]) });
    for (let i = 0; i < 1000; i++) points.append({ loss: [4 + i, 0] });
    const loss = points.series.get('loss');
    expect(Array.from(loss?.values.subarray(0, 6) ?? [])).toEqual([1, 10, 2, 20, 3, 30]);
    expect(loss?.size).toBe(1003);
    expect(Array.from(points.series.get('acc')?.values ?? [])).toEqual([0, 0.5]);
  });
});
