/**
 * A small line chart as SVG markup (numbers and escaped labels only), for what cells `plot()`:
 * drawn live in the page as points arrive, and baked at build time from the same points.
 *
 * Cheap whatever a cell plots: it draws from ChartPoints (chart-points.ts), whose bounds are kept
 * as points arrive and whose large series are summarised per bucket of x (first, lowest, highest,
 * last point), so a million points draw as a few thousand and never spread into `Math.min(...)`.
 */
import { ChartPoints, emptyBounds, mergeBounds, type InterleavedSeries, type SeriesPoints } from './chart-points.ts';

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

/**
 * Series whose values are this many times apart share no axis: a loss summed over a batch (in the
 * hundreds) would flatten an accuracy (0 to 1) into the bottom line, so each gets a panel of its own.
 */
const SCALE_RATIO = 10;

/** Draws the points a cell plotted: a ChartPoints kept as they arrived, or interleaved numbers. */
export function renderLineChart(points: ChartPoints | InterleavedSeries, options: ChartOptions): string {
  const chart = points instanceof ChartPoints ? points : ChartPoints.from(points);
  const logY = options.logY ?? false;
  const bounds = chart.bounds();
  if (bounds.count === 0) return '';
  const drawable = logY ? bounds.count - bounds.nonPositive : bounds.count;
  const xRange: [number, number] = drawable > 0 ? [bounds.xMin, bounds.xMax] : [0, 1];
  const series = [...chart.series].map(([name, points], index) => ({ name, points, colour: COLOURS[index % COLOURS.length] ?? '' }));
  const panels = scaleGroups(series).map((group, index) => drawPanel(group, index * HEIGHT, xRange, options));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT * panels.length}" role="img" aria-label="${escapeText(options.label)}" class="cell-chart" data-scale="${logY ? 'log' : 'linear'}" data-panels="${panels.length}">${panels.join('')}</svg>`;
}

interface DrawnSeries {
  name: string;
  points: SeriesPoints;
  colour: string;
}

/** The series in groups of comparable size, in the order they were plotted (see SCALE_RATIO). */
function scaleGroups(series: readonly DrawnSeries[]): DrawnSeries[][] {
  const size = (item: DrawnSeries): number => {
    const { yMin, yMax, count } = item.points.bounds;
    return count > 0 ? Math.max(Math.abs(yMin), Math.abs(yMax)) : 0;
  };
  const groups: Array<{ size: number; members: DrawnSeries[] }> = [];
  for (const item of series) {
    const itemSize = size(item);
    const group = groups.find(
      (candidate) =>
        itemSize === 0 ||
        candidate.size === 0 ||
        (Number.isFinite(itemSize) && Math.max(itemSize, candidate.size) <= SCALE_RATIO * Math.min(itemSize, candidate.size)),
    );
    if (group) group.members.push(item);
    else groups.push({ size: itemSize, members: [item] });
  }
  return groups.map((group) => group.members);
}

/** One panel, `top` pixels down the SVG: its own y axis, the x axis shared by every panel. */
function drawPanel(series: readonly DrawnSeries[], top: number, [xMin, xMax]: [number, number], options: ChartOptions): string {
  const logY = options.logY ?? false;
  const bounds = series.reduce((merged, item) => mergeBounds(merged, item.points.bounds), emptyBounds());
  const drawable = logY ? bounds.count - bounds.nonPositive : bounds.count;
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
  const plotTop = top + TOP;
  const toX = (x: number): string => (LEFT + (PLOT_WIDTH * (x - xMin)) / (xMax - xMin || 1)).toFixed(1);
  const toY = (y: number): string => (plotTop + PLOT_HEIGHT * (1 - yToUnit(y))).toFixed(1);

  const lines = series.map(({ name, points, colour }, index) => {
    const parts: string[] = [];
    let move = true;
    points.visit(
      logY,
      (x, y) => {
        parts.push(`${move ? 'M' : 'L'}${toX(x)} ${toY(y)}`);
        move = false;
      },
      () => {
        move = true;
      },
    );
    return `<path d="${parts.join('')}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/><text x="${WIDTH - RIGHT}" y="${plotTop + 12 + 14 * index}" text-anchor="end" font-size="12" fill="${colour}">${escapeText(name)}</text>`;
  });
  const yTitle = options.yTitle ?? series.map((item) => item.name).join(', ');
  const bottom = plotTop + PLOT_HEIGHT;
  const axes = [
    `<line x1="${LEFT}" y1="${plotTop}" x2="${LEFT}" y2="${bottom}" stroke="#9aa0a6"/>`,
    `<line x1="${LEFT}" y1="${bottom}" x2="${WIDTH - RIGHT}" y2="${bottom}" stroke="#9aa0a6"/>`,
    ...yTicks.map(
      (value) => `<text x="${LEFT - 6}" y="${(Number(toY(value)) + 4).toFixed(1)}" text-anchor="end" font-size="11">${tick(value)}</text>`,
    ),
    `<text x="${LEFT}" y="${bottom + 16}" font-size="11">${tick(xMin)}</text>`,
    `<text x="${WIDTH - RIGHT}" y="${bottom + 16}" text-anchor="end" font-size="11">${tick(xMax)}</text>`,
    `<text x="${LEFT + PLOT_WIDTH / 2}" y="${top + HEIGHT - 6}" text-anchor="middle" font-size="12" data-axis-title="x">${escapeText(options.xTitle)}</text>`,
    `<text transform="translate(14 ${plotTop + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle" font-size="12" data-axis-title="y">${escapeText(yTitle)}</text>`,
  ];
  const leftOut = logY ? bounds.nonPositive : 0;
  if (leftOut > 0 && options.leftOutNote) {
    axes.push(
      `<text x="${LEFT + 6}" y="${plotTop + 12}" font-size="11" data-left-out="${leftOut}">${escapeText(options.leftOutNote(leftOut))}</text>`,
    );
  }
  return `${axes.join('')}${lines.join('')}`;
}
