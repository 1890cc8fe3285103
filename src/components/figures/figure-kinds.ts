/**
 * The figure kinds an article can show with <LiveFigure kind="…" />, one line each: the component
 * that draws it and the props it gets from the figure's. Adding a kind is one component file and
 * one line here (CONTRIBUTING.md, "Add a figure kind").
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import MnistDigit from './MnistDigit.astro';
import FlattenedVector from './FlattenedVector.astro';
import AnimatedFigure from './AnimatedFigure.astro';
import WeightsHeatmaps from './WeightsHeatmaps.astro';
import SoftmaxBars from './SoftmaxBars.astro';
import MatmulDiagram from './MatmulDiagram.astro';
import BiasPlot from './BiasPlot.astro';

/** What an article may write on a <LiveFigure />. */
export interface FigureProps {
  /** mnist-digit: the test image to draw. */
  index?: number | undefined;
  /** mnist-digit: also show each pixel's value. */
  grid?: boolean | undefined;
  /** Figures of a session variable: the variable they draw, e.g. source="W". */
  source?: string | undefined;
  /** Set by the remark plugin for figures of session variables: their node in the page's notebook. */
  node?: string | undefined;
}

interface FigureKind {
  component: AstroComponentFactory;
  /** The component's props, from the figure's. */
  props: (figure: FigureProps) => Record<string, unknown>;
  /** It draws a session variable, named by `source` (then also listed in src/build/article/shown-names.ts). */
  needsSource?: true;
}

export const FIGURE_KINDS = {
  'mnist-digit': { component: MnistDigit, props: ({ index, grid }) => ({ index: index ?? 0, grid: grid ?? false }) },
  'flattened-one': { component: FlattenedVector, props: () => ({ digit: 1 }) },
  'nonlinear-regression': { component: AnimatedFigure, props: () => ({ program: 'nonlinear-regression' }) },
  kmeans: { component: AnimatedFigure, props: () => ({ program: 'kmeans' }) },
  'weights-heatmaps': { component: WeightsHeatmaps, props: ({ source, node }) => ({ source, node }), needsSource: true },
  'softmax-bars': { component: SoftmaxBars, props: ({ source, node }) => ({ source, node }), needsSource: true },
  'matmul-diagram': { component: MatmulDiagram, props: () => ({}) },
  'bias-plot': { component: BiasPlot, props: () => ({}) },
} satisfies Record<string, FigureKind>;

export type FigureKindName = keyof typeof FIGURE_KINDS;

/** The kind's component and its props; a clear error for an unknown kind or a missing source. */
export function figureOf(kind: string, figure: FigureProps): { component: AstroComponentFactory; props: Record<string, unknown> } {
  if (!Object.hasOwn(FIGURE_KINDS, kind)) {
    throw new Error(`LiveFigure: unknown kind "${kind}" (known: ${Object.keys(FIGURE_KINDS).join(', ')})`);
  }
  const entry: FigureKind = FIGURE_KINDS[kind as FigureKindName];
  if (entry.needsSource && !figure.source) throw new Error(`LiveFigure kind="${kind}" needs source="<the session variable it shows>"`);
  return { component: entry.component, props: entry.props(figure) };
}
