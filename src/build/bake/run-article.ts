/**
 * Runs an article's cells in page order in Node, on the TensorFlow.js CPU backend, with the same
 * runtime the browser uses, and collects what each cell shows. The build is the articles'
 * integration test: a cell that throws fails it, naming the article, the cell and the line.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../../runtime/tf-extensions.ts';
import { CellSession } from '../../runtime/cell-session.ts';
import type { CellFailure } from '../../runtime/execute-cell.ts';
import type { ResultValue } from '../../runtime/protocol.ts';
import type { CellRecord } from '../article/record.ts';

export interface BakedCell {
  /** What the cell printed, then its last value, as the browser shows it. */
  output: string;
  /** Values of the top-level variables after this cell, for <Result> in the prose. */
  results: Record<string, ResultValue>;
  /** The chart the cell drew with plot(), if any: per series, interleaved [x0, y0, x1, y1, ...]. */
  plots?: Record<string, number[]>;
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
  cells: readonly CellRecord[];
  /** Names of the top-level variables the prose shows. */
  resultNames: readonly string[];
  lazyGlobals?: Record<string, () => Promise<unknown>>;
}

export async function runArticle(options: RunArticleOptions): Promise<BakedArticle> {
  await tf.setBackend('cpu');
  const outputs = new Map<number, string[]>();
  const plots = new Map<number, Record<string, number[]>>();
  const session = new CellSession({
    tf,
    onOutput: (runId, event) => {
      if (event.kind === 'line') outputs.set(runId, [...(outputs.get(runId) ?? []), event.text]);
      if (event.kind === 'point') {
        const series = plots.get(runId) ?? {};
        (series[event.series] ??= []).push(event.x, event.y);
        plots.set(runId, series);
      }
    },
    ...(options.lazyGlobals ? { lazyGlobals: options.lazyGlobals } : {}),
  });
  const cells: Record<string, BakedCell> = {};
  try {
    for (const [index, cell] of options.cells.entries()) {
      const outcome = await session.run(index, cell.id, cell.code, options.resultNames);
      if (!outcome.ok) throw new CellBuildError(options.article, options.file, cell, outcome.failure);
      const lines = [...(outputs.get(index) ?? []), ...(outcome.value === undefined ? [] : [outcome.value])];
      const plot = plots.get(index);
      cells[cell.id] = { output: lines.join('\n'), results: outcome.results, ...(plot ? { plots: plot } : {}) };
    }
  } finally {
    // The next article starts from a clean engine.
    tf.disposeVariables();
    for (const value of Object.values(session.scope)) {
      if (value instanceof tf.Tensor && !value.isDisposed) value.dispose();
    }
  }
  return { backend: 'cpu', cells };
}
