/**
 * Runs an article's cells in page order in Node, on the TensorFlow.js CPU backend, with the same
 * runtime and notebook rules the browser uses (Run all), and collects what each cell shows. The
 * build is the articles' integration test: a cell that throws fails it, naming the article, the
 * cell and the line.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../runtime/tf-extensions.ts';
import { CellSession, type LazyGlobal, type RunOutcome } from '../../runtime/cell-session.ts';
import type { CellFailure } from '../../runtime/execute-cell.ts';
import type { OutputEventOf, OutputKind } from '../../runtime/output-batcher.ts';
import type { ResultValue } from '../../runtime/protocol.ts';
import { LocalKernel, type NodeSource } from '../../runtime/notebook/local-kernel.ts';
import { Notebook } from '../../runtime/notebook/notebook.ts';
import type { ArticleRecord, CellRecord } from '../article/record.ts';
import { notebookNodes } from '../article/notebook-nodes.ts';
import type { TfApiExtension } from '../../runtime/tf-api-extension.ts';
import { layersExtension } from '../../runtime/layers/layers-extension.ts';
import { importLayersModules } from './layers-modules.ts';

export interface BakedCell {
  /** What the cell printed, then its last value, as the browser shows it. */
  output: string;
  /** Values of the shown variables this cell defined or changed, for <Result> and figures. */
  results: Record<string, ResultValue>;
  /** The chart the cell drew with plot(), if any: per series, interleaved [x0, y0, x1, y1, ...]. */
  plots?: Record<string, number[]>;
  /** Variables it changed without defining them (seen at run time): part of the page's graph. */
  writes?: string[];
  /** How long it ran at build time (CPU): tells cheap cells from expensive ones. */
  ms?: number;
}

export interface BakedArticle {
  backend: string;
  cells: Record<string, BakedCell>;
}

export class CellBuildError extends Error {
  constructor(article: string, file: string, cell: CellRecord, failure: CellFailure) {
    const fileLine = failure.line !== undefined ? cell.line + failure.line : cell.line;
    const where = failure.line !== undefined ? `, line ${failure.line}, column ${failure.column ?? 1} of the cell` : '';
    super(`Cell "${cell.id}" of ${article} (${file}:${fileLine}${where}) failed: ${failure.name}: ${failure.message}`);
    this.name = 'CellBuildError';
  }
}

export interface RunArticleOptions {
  article: string;
  file: string;
  record: Pick<ArticleRecord, 'cells' | 'components'>;
  /** Names of the top-level variables the prose shows. */
  resultNames: readonly string[];
  lazyGlobals?: Record<string, LazyGlobal | (() => Promise<unknown>)>;
  /** Parts of the API loaded when a cell uses them; by default the layers API, as in the browser. */
  extensions?: readonly TfApiExtension[];
}

export async function runArticle(options: RunArticleOptions): Promise<BakedArticle> {
  await tf.setBackend('cpu');
  const { record } = options;
  const outputs = new Map<number, string[]>();
  const plots = new Map<number, Record<string, number[]>>();
  // What the page shows of each kind of output, kept per run: the printed text and the charts.
  // A progress bar has nothing to show once the cell has finished.
  const gathers: { [K in OutputKind]: (runId: number, event: OutputEventOf<K>) => void } = {
    line: (runId, event) => {
      outputs.set(runId, [...(outputs.get(runId) ?? []), event.text]);
    },
    progress: () => {},
    point: (runId, event) => {
      const series = plots.get(runId) ?? {};
      (series[event.series] ??= []).push(event.x, event.y);
      plots.set(runId, series);
    },
  };
  const gather = <K extends OutputKind>(runId: number, event: OutputEventOf<K>): void =>
    (gathers[event.kind] as (runId: number, event: OutputEventOf<K>) => void)(runId, event);
  const session = new CellSession({
    tf,
    onOutput: (runId, event) => gather(runId, event),
    ...(options.lazyGlobals ? { lazyGlobals: options.lazyGlobals } : {}),
    extensions: options.extensions ?? [layersExtension(importLayersModules)],
  });
  const nodes = notebookNodes(record);
  const sources = new Map<string, NodeSource>();
  for (const cell of record.cells) sources.set(cell.id, { kind: 'cell', code: cell.code });
  for (const node of nodes)
    if (node.kind === 'control') sources.set(node.id, { kind: 'control', name: node.defines[0] ?? '', value: node.value });
  const runs = new Map<string, { runId: number; outcome: RunOutcome }>();
  const kernel = new LocalKernel(session, sources, options.resultNames, (run) => runs.set(run.id, run));
  const notebook = new Notebook(nodes, kernel, { changed: () => {} });
  const cells: Record<string, BakedCell> = {};
  try {
    await notebook.runAll();
    for (const cell of record.cells) {
      const run = runs.get(cell.id);
      if (!run) throw new Error(`Cell "${cell.id}" of ${options.article} (${options.file}:${cell.line}) did not run`);
      const { runId, outcome } = run;
      if (!outcome.ok) throw new CellBuildError(options.article, options.file, cell, outcome.failure);
      const lines = [...(outputs.get(runId) ?? []), ...(outcome.value === undefined ? [] : [outcome.value])];
      const plot = plots.get(runId);
      cells[cell.id] = {
        output: lines.join('\n'),
        results: outcome.results,
        ...(plot ? { plots: plot } : {}),
        ...(outcome.writes.length > 0 ? { writes: outcome.writes } : {}),
        ms: Math.round(outcome.durationMs),
      };
    }
  } finally {
    // The next article starts from a clean engine.
    session.dispose();
    tf.disposeVariables();
    for (const value of Object.values(session.scope)) {
      if (value instanceof tf.Tensor && !value.isDisposed) value.dispose();
    }
  }
  return { backend: 'cpu', cells };
}
