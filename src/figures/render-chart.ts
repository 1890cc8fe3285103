/**
 * A small line chart as SVG markup (numbers and escaped labels only), for what cells `plot()`:
 * drawn live in the page as points arrive, and baked at build time from the same points.
 *
 * Cheap whatever a cell plots: bounds are found in one loop (never `Math.min(...points)`, which
 * overflows the stack past ~10^5 values), and each series is reduced to at most a few points per
 * pixel column (first, min, max, last), so a million points draw as about two thousand.
 */
import type { InterleavedSeries } from './chart-points.ts';

export type { InterleavedSeries } from './chart-points.ts';

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
/** Past this many points once runs are merged (x going back and forth), keep one min/max per column. */
const MAX_PATH_POINTS = 8 * PLOT_WIDTH;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function tick(value: number): string {
  return Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}

interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Points a log axis cannot show (y ≤ 0). */
  leftOut: number;
}

/** One pass over every point: the drawable range, and what a log axis leaves out. */
export function chartBounds(series: InterleavedSeries, logY = false): Bounds | undefined {
  let [xMin, xMax, yMin, yMax, leftOut] = [Infinity, -Infinity, Infinity, -Infinity, 0];
  for (const values of Object.values(series)) {
    for (let i = 0; i + 1 < values.length; i += 2) {
      const x = values[i] as number;
      const y = values[i + 1] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (logY && y <= 0) {
        leftOut++;
        continue;
      }
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  if (xMin > xMax) return leftOut > 0 ? { xMin: 0, xMax: 1, yMin: 1, yMax: 10, leftOut } : undefined;
  return { xMin, xMax, yMin, yMax, leftOut };
}

/**
 * The points of one series in screen coordinates, reduced per pixel column: consecutive points
 * that fall in the same column keep only the first, lowest, highest and last. Undrawable points
 * (NaN, ±Infinity, y ≤ 0 on a log axis) break the line. Returns the path's `d`.
 */
export function downsampledPath(
  values: ArrayLike<number>,
  toColumn: (x: number) => number,
  toScreenY: (y: number) => number,
  drawable: (y: number) => boolean,
): string {
  const out: number[] = [];
  const breaks = new Set<number>();
  let column = -1;
  let first = 0;
  let low = 0;
  let high = 0;
  let last = 0;
  let lowAt = 0;
  let highAt = 0;
  let open = false;
  const flush = (): void => {
    if (!open) return;
    const x = column;
    out.push(x, first);
    if (lowAt <= highAt) {
      if (low !== first) out.push(x, low);
      if (high !== low) out.push(x, high);
    } else {
      if (high !== first) out.push(x, high);
      if (low !== high) out.push(x, low);
    }
    if (last !== out[out.length - 1]) out.push(x, last);
    open = false;
  };
  for (let i = 0, n = 0; i + 1 < values.length; i += 2, n++) {
    const x = values[i] as number;
    const y = values[i + 1] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !drawable(y)) {
      flush();
      breaks.add(out.length);
      column = -1;
      continue;
    }
    const c = toColumn(x);
    const sy = toScreenY(y);
    if (open && c === column) {
      if (sy < low) [low, lowAt] = [sy, n];
      if (sy > high) [high, highAt] = [sy, n];
      last = sy;
      continue;
    }
    flush();
    [column, first, low, high, last, lowAt, highAt, open] = [c, sy, sy, sy, sy, n, n, true];
  }
  flush();
  if (out.length / 2 > MAX_PATH_POINTS) return envelopePath(values, toColumn, toScreenY, drawable);
  let d = '';
  let move = true;
  for (let i = 0; i < out.length; i += 2) {
    if (breaks.has(i)) move = true;
    d += `${move ? 'M' : 'L'}${(LEFT + (out[i] as number)).toFixed(1)} ${(out[i + 1] as number).toFixed(1)}`;
    move = false;
  }
  return d;
}

/** For points whose x goes back and forth: one vertical stroke per column, lowest to highest. */
function envelopePath(
  values: ArrayLike<number>,
  toColumn: (x: number) => number,
  toScreenY: (y: number) => number,
  drawable: (y: number) => boolean,
): string {
  const low = new Float64Array(PLOT_WIDTH + 1).fill(Infinity);
  const high = new Float64Array(PLOT_WIDTH + 1).fill(-Infinity);
  for (let i = 0; i + 1 < values.length; i += 2) {
    const x = values[i] as number;
    const y = values[i + 1] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !drawable(y)) continue;
    const c = toColumn(x);
    const sy = toScreenY(y);
    if (sy < (low[c] as number)) low[c] = sy;
    if (sy > (high[c] as number)) high[c] = sy;
  }
  let d = '';
  let move = true;
  for (let c = 0; c <= PLOT_WIDTH; c++) {
    const [l, h] = [low[c] as number, high[c] as number];
    if (l > h) {
      move = true;
      continue;
    }
    d += `${move ? 'M' : 'L'}${(LEFT + c).toFixed(1)} ${l.toFixed(1)}L${(LEFT + c).toFixed(1)} ${h.toFixed(1)}`;
    move = false;
  }
  return d;
}

/** Powers of ten from `low` to `high`, thinned to at most `most` of them. */
function decades(low: number, high: number, most = 6): number[] {
  const from = Math.floor(Math.log10(low));
  const to = Math.ceil(Math.log10(high));
  const step = Math.max(1, Math.ceil((to - from) / (most - 1)));
  const ticks: number[] = [];
  for (let e = from; e <= to; e += step) ticks.push(10 ** e);
  return ticks;
}

export function renderLineChart(series: InterleavedSeries, options: ChartOptions): string {
  const logY = options.logY ?? false;
  const bounds = chartBounds(series, logY);
  if (!bounds) return '';
  const { xMin, xMax } = bounds;
  let yTicks: number[];
  let yToUnit: (y: number) => number;
  if (logY) {
    yTicks = decades(bounds.yMin, bounds.yMax);
    const [lo, hi] = [Math.log10(yTicks[0] ?? 1), Math.log10(yTicks[yTicks.length - 1] ?? 10)];
    yToUnit = (y) => (Math.log10(y) - lo) / (hi - lo || 1);
  } else {
    // The linear axis starts at 0 (or below), so a loss curve shows how far it fell.
    const yMin = Math.min(0, bounds.yMin);
    const yMax = bounds.yMax > yMin ? bounds.yMax : yMin + 1;
    yTicks = [yMin, yMax];
    yToUnit = (y) => (y - yMin) / (yMax - yMin || 1);
  }
  const toScreenY = (y: number): number => TOP + PLOT_HEIGHT * (1 - yToUnit(y));
  const toColumn = (x: number): number => Math.round((PLOT_WIDTH * (x - xMin)) / (xMax - xMin || 1));
  const drawable = logY ? (y: number) => y > 0 : () => true;

  const lines = Object.entries(series).map(([name, values], index) => {
    const colour = COLOURS[index % COLOURS.length];
    const path = downsampledPath(values, toColumn, toScreenY, drawable);
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/><text x="${WIDTH - RIGHT}" y="${TOP + 12 + 14 * index}" text-anchor="end" font-size="12" fill="${colour}">${escapeText(name)}</text>`;
  });
  const yTitle = options.yTitle ?? Object.keys(series).join(', ');
  const axes = [
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + PLOT_HEIGHT}" stroke="#9aa0a6"/>`,
    `<line x1="${LEFT}" y1="${TOP + PLOT_HEIGHT}" x2="${WIDTH - RIGHT}" y2="${TOP + PLOT_HEIGHT}" stroke="#9aa0a6"/>`,
    ...yTicks.map(
      (value) => `<text x="${LEFT - 6}" y="${(toScreenY(value) + 4).toFixed(1)}" text-anchor="end" font-size="11">${tick(value)}</text>`,
    ),
    `<text x="${LEFT}" y="${TOP + PLOT_HEIGHT + 16}" font-size="11">${tick(xMin)}</text>`,
    `<text x="${WIDTH - RIGHT}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="end" font-size="11">${tick(xMax)}</text>`,
    `<text x="${LEFT + PLOT_WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle" font-size="12" data-axis-title="x">${escapeText(options.xTitle)}</text>`,
    `<text transform="translate(14 ${TOP + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle" font-size="12" data-axis-title="y">${escapeText(yTitle)}</text>`,
  ];
  if (bounds.leftOut > 0 && options.leftOutNote) {
    axes.push(
      `<text x="${LEFT + 6}" y="${TOP + 12}" font-size="11" data-left-out="${bounds.leftOut}">${escapeText(options.leftOutNote(bounds.leftOut))}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeText(options.label)}" class="cell-chart" data-scale="${logY ? 'log' : 'linear'}">${axes.join('')}${lines.join('')}</svg>`;
}
