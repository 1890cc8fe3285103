/**
 * The line chart under a cell (what `plot(series, x, y)` draws). The chart code loads when a cell
 * first plots; points are digested a few milliseconds per frame and drawn once per frame, however
 * many chunks arrive: a million points take several frames, never one long task. The baked chart
 * (drawn at build time, both scales) is shown until a run replaces it, and again on Reset.
 */
import { asInterleaved } from '../../figures/chart-chunk.ts';
import type { ChartPoints, InterleavedSeries } from '../../figures/render-chart.ts';
import type { Translate } from '../ui-strings.ts';

type ChartModule = typeof import('../../figures/render-chart.ts');

/** Main-thread time a frame may spend counting a chart's new points (the goal: no task over 50 ms). */
const CHART_FRAME_BUDGET_MS = 4;

export interface CellChartParts {
  /** `[data-chart]`: where the SVG goes. */
  chart: HTMLElement;
  /** `[data-chart-scale]`: the log-scale option, shown with a chart. */
  scale: HTMLElement;
  /** `[data-chart-log]`: its checkbox. */
  logScale: HTMLInputElement;
}

export class CellChart {
  readonly #parts: CellChartParts;
  readonly #t: Translate;
  /** The baked chart, restored on Reset. */
  readonly #bakedSvg: string;
  #chart: { module: ChartModule; points: ChartPoints } | undefined;
  #loading: Promise<void> | undefined;
  /** Chunks that arrived before the chart code, or since the last frame. */
  #pending: InterleavedSeries[] = [];
  #frame: number | undefined;

  constructor(parts: CellChartParts, t: Translate) {
    this.#parts = parts;
    this.#t = t;
    this.#bakedSvg = parts.chart.innerHTML;
    parts.scale.hidden = this.#bakedSvg === '';
    parts.logScale.addEventListener('change', () => this.#showScale());
  }

  /** New points of each series, `[x0, y0, x1, y1, ...]`. */
  add(points: Record<string, Float64Array>): void {
    this.#pending.push(Object.fromEntries(Object.entries(points).map(([series, values]) => [series, asInterleaved(values)])));
    this.#schedule();
  }

  clear(): void {
    this.#parts.chart.replaceChildren();
    this.#parts.scale.hidden = true;
    this.#chart?.points.clear();
    this.#pending = [];
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  /** Back to the chart drawn at build time (Reset). */
  showBaked(): void {
    this.clear();
    this.#parts.chart.innerHTML = this.#bakedSvg;
    this.#parts.scale.hidden = this.#bakedSvg === '';
  }

  #schedule(): void {
    if (!this.#chart) {
      if (this.#loading) return;
      this.#loading = import('../../figures/render-chart.ts').then(
        (module) => {
          this.#chart = { module, points: new module.ChartPoints() };
          this.#schedule();
        },
        () => {
          // Not loaded (offline since the page loaded): the output goes on without a chart.
          this.#loading = undefined;
        },
      );
      return;
    }
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = undefined;
      const chart = this.#chart;
      if (!chart) return;
      chart.points.append(...this.#pending);
      this.#pending = [];
      const done = chart.points.digest(performance.now() + CHART_FRAME_BUDGET_MS);
      this.#draw();
      if (!done) this.#schedule();
    });
  }

  #draw(): void {
    const chart = this.#chart;
    if (!chart || chart.points.isEmpty) return;
    const container = this.#parts.chart;
    // The chart is built from numbers and escaped series names only (render-chart.ts).
    container.innerHTML = chart.module.renderLineChart(chart.points, {
      label: container.dataset['chartLabel'] ?? '',
      xTitle: this.#t('cellChart.xTitle'),
      logY: this.#parts.logScale.checked,
      leftOutNote: (count) => this.#t('cellChart.leftOut', { count }),
    });
    this.#parts.scale.hidden = false;
  }

  /** The log-scale checkbox: a baked chart carries both scales; a live one is redrawn. */
  #showScale(): void {
    this.#parts.chart.toggleAttribute('data-log', this.#parts.logScale.checked);
    if (this.#chart && !this.#chart.points.isEmpty) this.#draw();
  }
}
