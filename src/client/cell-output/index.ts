/**
 * What a cell shows of a running cell's output, one part per field of `OutputChunk` (the batcher's
 * FOLDS, src/runtime/output-batcher.ts, say which event fills which field). `ChunkRenderers` has
 * one entry per field: a new kind of output fails type-checking in live-cell.ts until it is shown.
 */
import type { OutputChunk } from '../../runtime/output-batcher.ts';

export { CellChart, type CellChartParts } from './cell-chart.ts';
export { PrintedLines } from './printed-lines.ts';
export { ProgressBar } from './progress-bar.ts';

type ChunkFields = Required<OutputChunk>;

export type ChunkRenderers = { [Field in keyof ChunkFields]: (value: ChunkFields[Field]) => void };

/** Shows each field present in `chunk` with its renderer. */
export function showChunk(chunk: OutputChunk, renderers: ChunkRenderers): void {
  if (chunk.lines.length > 0) renderers.lines(chunk.lines);
  for (const field of Object.keys(chunk) as Array<keyof ChunkFields>) {
    if (field === 'lines') continue;
    const value = chunk[field];
    if (value !== undefined) (renderers[field] as (value: ChunkFields[typeof field]) => void)(value);
  }
}
