/** Reading the article's printed results back from the page, for the browser tests. */
import type { Page } from 'playwright-core';
import { outputOf } from '../../scripts/support/reader.ts';
import { parsePrintedTensor } from './printed-tensor.ts';

export { argMax } from './printed-tensor.ts';

/** The numbers inside the first `tf.Tensor([...])` that cell `cellId` printed after `label`. */
export async function printedTensor(page: Page, cellId: string, label: string): Promise<number[]> {
  return parsePrintedTensor(await outputOf(page, cellId), label);
}
