/**
 * A small line chart as SVG markup (numbers and escaped labels only), for what cells `plot()`:
 * drawn live in the page as points arrive, and baked at build time from the same points.
 *
 * Cheap whatever a cell plots: it draws from ChartPoints (chart-points.ts), whose bounds are kept
 * as points arrive and whose large series are summarised per bucket of x (first, lowest, highest,
 * last point), so a million points draw as a few thousand and never spread into `Math.min(...)`.
 */
import { ChartPoints, type InterleavedSeries } from './chart-points.ts';

export { ChartPoints, type InterleavedSeries } from './chart-points.ts';

export interface ChartOptions {
  /** The chart's accessible name. */
  label: string;
  /** Title of the x axis: what the x values are (e.g. "step"). */
  xTitle: string;
  /** Title of the y axis; by default the series' names. */
  yTitle?: string;
  /** A logarithmic y axis; values ≤ 0 cannot be drawn on it and are left out (and counted). */
  logY?: boolean;
  /** The note shown when the log scale leaves values out, e.g. `${count} values ≤ 0 not shown`. */
  leftOutNote?: (count: number) => string;
}

const [WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM] = [480, 220, 66, 12, 12, 44];
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const COLOURS = ['#d93025', '#0b57d0', '#188038', '#8a5a00'];

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function tick(value: number): string {
  return Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}

/** Powers of ten from `low` to `high`, thinned to at most `most` of them. */
function decades(low: number, high: number, most = 6): number[] {
  const from = Math.floor(Math.log10(low));
  const to = Math.max(from + 1, Math.ceil(Math.log10(high)));
  const step = Math.max(1, Math.ceil((to - from) / (most - 1)));
  const ticks: number[] = [];
  for (let e = from; e <= to; e += step) ticks.push(10 ** e);
  return ticks;
}

/** Draws the points a cell plotted: a ChartPoints kept as they arrived, or interleaved numbers. */
export function renderLineChart(points: ChartPoints | InterleavedSeries, options: ChartOptions): string {
  const chart = points instanceof ChartPoints ? points : ChartPoints.from(points);
  const logY = options.logY ?? false;
  const bounds = chart.bounds();
  const drawable = logY ? bounds.count - bounds.nonPositive : bounds.count;
  if (bounds.count === 0) return '';
  const [xMin, xMax] = drawable > 0 ? [bounds.xMin, bounds.xMax] : [0, 1];
  let yTicks: number[];
  let yToUnit: (y: number) => number;
  if (logY) {
    yTicks = drawable > 0 ? decades(bounds.yMinPositive, bounds.yMax) : [1, 10];
    const [lo, hi] = [Math.log10(yTicks[0] ?? 1), Math.log10(yTicks[yTicks.length - 1] ?? 10)];
    yToUnit = (y) => (Math.log10(y) - lo) / (hi - lo || 1);
  } else {
    // The linear axis starts at 0 (or below), so a loss curve shows how far it fell.
    const yMin = Math.min(0, bounds.yMin);
    const yMax = bounds.yMax > yMin ? bounds.yMax : yMin + 1;
    yTicks = [yMin, yMax];
    yToUnit = (y) => (y - yMin) / (yMax - yMin || 1);
  }
  const toX = (x: number): string => (LEFT + (PLOT_WIDTH * (x - xMin)) / (xMax - xMin || 1)).toFixed(1);
  const toY = (y: number): string => (TOP + PLOT_HEIGHT * (1 - yToUnit(y))).toFixed(1);

  const names = [...chart.series.keys()];
  const lines = [...chart.series.values()].map((series, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const parts: string[] = [];
    let move = true;
    series.visit(
      logY,
      (x, y) => {
        parts.push(`${move ? 'M' : 'L'}${toX(x)} ${toY(y)}`);
        move = false;
      },
      () => {
        move = true;
      },
    );
    return `<path d="${parts.join('')}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/><text x="${WIDTH - RIGHT}" y="${TOP + 12 + 14 * index}" text-anchor="end" font-size="12" fill="${colour}">${escapeText(names[index] ?? '')}</text>`;
  });
  const yTitle = options.yTitle ?? names.join(', ');
  const axes = [
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + PLOT_HEIGHT}" stroke="#9aa0a6"/>`,
    `<line x1="${LEFT}" y1="${TOP + PLOT_HEIGHT}" x2="${WIDTH - RIGHT}" y2="${TOP + PLOT_HEIGHT}" stroke="#9aa0a6"/>`,
    ...yTicks.map(
      (value) => `<text x="${LEFT - 6}" y="${(Number(toY(value)) + 4).toFixed(1)}" text-anchor="end" font-size="11">${tick(value)}</text>`,
    ),
    `<text x="${LEFT}" y="${TOP + PLOT_HEIGHT + 16}" font-size="11">${tick(xMin)}</text>`,
    `<text x="${WIDTH - RIGHT}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="end" font-size="11">${tick(xMax)}</text>`,
    `<text x="${LEFT + PLOT_WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle" font-size="12" data-axis-title="x">${escapeText(options.xTitle)}</text>`,
    `<text transform="translate(14 ${TOP + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle" font-size="12" data-axis-title="y">${escapeText(yTitle)}</text>`,
  ];
  const leftOut = logY ? bounds.nonPositive : 0;
  if (leftOut > 0 && options.leftOutNote) {
    axes.push(
      `<text x="${LEFT + 6}" y="${TOP + 12}" font-size="11" data-left-out="${leftOut}">${escapeText(options.leftOutNote(leftOut))}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeText(options.label)}" class="cell-chart" data-scale="${logY ? 'log' : 'linear'}">${axes.join('')}${lines.join('')}</svg>`;
}
