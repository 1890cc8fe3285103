/**
 * The arithmetic and the output of the benchmark: medians of repeated runs, ratios between two
 * measurements taken in the same run, a JSON report and a Markdown table. Pure, unit-tested.
 */
export interface Measure {
  /** What was measured, in words. */
  name: string;
  /** One value per run. */
  samples: number[];
  /** `score`: a unitless figure with decimals (a layout-shift score). */
  unit: 'ms' | 's' | 'KB' | 'MB' | 'count' | 'ratio' | 'score';
  /** The goal, when the issue sets one: the median must not exceed it. */
  budget?: number;
  /** Or the median must reach it (scores). */
  minimum?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Ratios of paired samples (run i of the site against run i of the baseline), not of medians. */
export function pairedRatios(values: readonly number[], baseline: readonly number[]): number[] {
  if (values.length !== baseline.length) throw new Error(`cannot pair ${values.length} samples with ${baseline.length}`);
  return values.map((value, i) => value / (baseline[i] ?? Number.NaN));
}

export interface ReportRow {
  name: string;
  median: number;
  /** The lowest and highest run: how far one run may land from the median on this machine. */
  min: number;
  max: number;
  unit: Measure['unit'];
  runs: number;
  budget?: number;
  minimum?: number;
  withinBudget?: boolean;
}

export function summarise(measures: readonly Measure[]): ReportRow[] {
  return measures.map((measure) => {
    const value = median(measure.samples);
    return {
      name: measure.name,
      median: value,
      min: Math.min(...measure.samples),
      max: Math.max(...measure.samples),
      unit: measure.unit,
      runs: measure.samples.length,
      ...(measure.budget === undefined ? {} : { budget: measure.budget, withinBudget: value <= measure.budget }),
      ...(measure.minimum === undefined ? {} : { minimum: measure.minimum, withinBudget: value >= measure.minimum }),
    };
  });
}

function formatNumber(value: number, unit: Measure['unit']): string {
  if (unit === 'score') return value.toFixed(3);
  if (unit === 'count') return String(Math.round(value));
  return value.toFixed(unit === 'ratio' || unit === 's' || unit === 'MB' ? 2 : unit === 'KB' ? 1 : 0);
}

function formatUnit(unit: Measure['unit']): string {
  return unit === 'count' || unit === 'score' ? '' : ` ${unit === 'ratio' ? '×' : unit}`;
}

function formatValue(value: number, unit: Measure['unit']): string {
  return Number.isFinite(value) ? `${formatNumber(value, unit)}${formatUnit(unit)}` : 'n/a';
}

/** "0.95–1.13 ×"; empty for a single run. */
function formatRange(row: ReportRow): string {
  if (row.runs < 2 || !Number.isFinite(row.min) || !Number.isFinite(row.max)) return '';
  return `${formatNumber(row.min, row.unit)}–${formatNumber(row.max, row.unit)}${formatUnit(row.unit)}`;
}

export function markdownTable(rows: readonly ReportRow[]): string {
  const lines = ['| measure | median | lowest–highest run | budget | runs |', '| --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const mark = row.withinBudget ? '✓' : '✗';
    const budget =
      row.budget !== undefined
        ? `≤ ${formatValue(row.budget, row.unit)} ${mark}`
        : row.minimum !== undefined
          ? `≥ ${formatValue(row.minimum, row.unit)} ${mark}`
          : '';
    lines.push(`| ${row.name} | ${formatValue(row.median, row.unit)} | ${formatRange(row)} | ${budget} | ${row.runs} |`);
  }
  return lines.join('\n');
}
