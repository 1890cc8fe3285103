/** Reading the article's printed results back from the page, for the browser tests. */
import type { Page } from 'playwright-core';
import { outputOf } from './cells.ts';

/** The numbers inside the first `tf.Tensor([...])` printed after `label`. */
export async function printedTensor(page: Page, cellId: string, label: string): Promise<number[]> {
  const output = await outputOf(page, cellId);
  const start = output.indexOf(`${label} tf.Tensor(`);
  if (start < 0) throw new Error(`cell ${cellId} printed no "${label} tf.Tensor(": ${output}`);
  // Skip the label, which may hold brackets of its own (`grad W[380]`).
  const body = output.slice(start + label.length, output.indexOf('shape=', start));
  return [...body.slice(body.indexOf('[')).matchAll(/-?\d+(?:\.\d*)?(?:e[-+]\d+)?/g)].map((m) => Number(m[0]));
}

export function argMax(values: readonly number[]): number {
  return values.indexOf(Math.max(...values));
}
