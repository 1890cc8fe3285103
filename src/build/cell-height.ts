/**
 * The height a live cell will have once the browser draws it, estimated at build time. Cells are
 * skipped by the browser's rendering until they come near the screen (`content-visibility: auto`
 * in LiveCell.css) and take this height until then: a reader brought by a link below cells not
 * drawn yet is not pushed away when they are.
 *
 * A cell is its bar, its code, its output, its "uses / used by" line and its chart. Code and
 * output are monospace and wrap as wrapped-lines.ts counts; the dependency line is in the interface's
 * face, whose width per character this counts as a fitted number of columns. The columns of each
 * layout were fitted on the article as Chromium draws it (en, fr, ja; 390 px phone and 1280 px
 * screen): every cell within two lines of its drawn height, most exactly at it; the dependency
 * line's columns, every line at its drawn count but three beside an original on a phone (one under).
 */
import type { DependencyLine } from '../runtime/notebook/dependency-line.ts';
import { wrappedLineCount } from './wrapped-lines.ts';

export interface CellLayout {
  /** Characters per line of the code (after its line numbers) and of the output. */
  codeColumns: number;
  outputColumns: number;
  /** Characters per line of the dependency line, in the interface's face (fitted). */
  dependencyColumns: number;
  /** The width a chart is drawn at. */
  chartWidthPx: number;
}

/** The layouts LiveCell.css and CodePair.css choose between: a phone, a wide screen; alone or beside an original. */
export const CELL_LAYOUTS = {
  narrow: { codeColumns: 37, outputColumns: 38, dependencyColumns: 40, chartWidthPx: 308 },
  narrowPaired: { codeColumns: 35, outputColumns: 37, dependencyColumns: 41, chartWidthPx: 292 },
  wide: { codeColumns: 104, outputColumns: 104, dependencyColumns: 114, chartWidthPx: 512 },
  widePaired: { codeColumns: 59, outputColumns: 60, dependencyColumns: 57, chartWidthPx: 481 },
} as const satisfies Record<string, CellLayout>;

export type CellLayoutName = keyof typeof CELL_LAYOUTS;

/** The bar (label, state, buttons) and the cell's borders and paddings. */
const CHROME_PX = 70;
/** One line of code or output: --code-size (13 px) times --code-line (1.55). */
const CODE_LINE_PX = 13 * 1.55;
const CODE_PADDING_PX = 24;
const OUTPUT_PADDING_PX = 16;
/** One line of the dependency line (LiveCell.css): --step--1 (14 px) times 1.4. */
const DEPENDENCY_LINE_PX = 14 * 1.4;
/** Its paddings (--space-2xs above and below) and its top border. */
const DEPENDENCY_CHROME_PX = 2 * 4 + 1;
/** Under a chart: its margin and the "log scale" switch. */
const CHART_EXTRA_PX = 45;

export interface CellContent {
  code: string;
  /** The output the build printed under the cell, if any. */
  output?: string | undefined;
  /** The dependency line as the page shows it (dependencyText). */
  dependencies: string;
  /** Height over width of the chart the build drew (0: none). */
  chartRatio: number;
}

export function estimateCellHeight(content: CellContent, layout: CellLayout): number {
  const code = CODE_PADDING_PX + wrappedLineCount(content.code, layout.codeColumns) * CODE_LINE_PX;
  const output = content.output ? OUTPUT_PADDING_PX + wrappedLineCount(content.output, layout.outputColumns) * CODE_LINE_PX : 0;
  const dependencies = content.dependencies
    ? DEPENDENCY_CHROME_PX + wrappedLineCount(content.dependencies, layout.dependencyColumns) * DEPENDENCY_LINE_PX
    : 0;
  const chart = content.chartRatio > 0 ? layout.chartWidthPx * content.chartRatio + CHART_EXTRA_PX : 0;
  return Math.round(CHROME_PX + code + output + dependencies + chart);
}

/**
 * The style properties a cell carries: its estimated height in each layout
 * (`--cell-height-narrow`, `--cell-height-narrow-paired`, `--cell-height-wide`, `--cell-height-wide-paired`).
 */
export function cellHeightProperties(content: CellContent): string {
  return (Object.keys(CELL_LAYOUTS) as CellLayoutName[])
    .map((name) => {
      const property = `--cell-height-${name.replace(/[A-Z]/g, (capital) => `-${capital.toLowerCase()}`)}`;
      return `${property}: ${estimateCellHeight(content, CELL_LAYOUTS[name])}px`;
    })
    .join('; ');
}

/** The dependency line's text as DependencyLine.astro writes it, for estimateCellHeight. */
export function dependencyText(line: DependencyLine, words: { uses: string; usedBy: string }): string {
  const uses = line.uses.map(({ from, names }) => `${names.join('')} ← ${from}`).join(' · ');
  const usedBy = line.usedBy.join(', ');
  return [uses && `${words.uses} ${uses}`, usedBy && `${words.usedBy} ${usedBy}`].filter(Boolean).join(' — ');
}

/** Height over width of the first chart in SVG markup (its viewBox); 0 without one. */
export function chartRatio(svg: string): number {
  const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  return match ? Number(match[2]) / Number(match[1]) : 0;
}
