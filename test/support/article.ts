/** Reading the article's printed results back from the page, for the browser tests. */
import type { Locator, Page } from 'playwright-core';
import { formatNumber, resultFormatOf } from '../../src/runtime/format-result.ts';
import { outputOf } from '../../scripts/support/reader.ts';
import { parsePrintedTensor } from './printed-tensor.ts';

export { argMax } from './printed-tensor.ts';

/** The numbers inside the first `tf.Tensor([...])` that cell `cellId` printed after `label`. */
export async function printedTensor(page: Page, cellId: string, label: string): Promise<number[]> {
  return parsePrintedTensor(await outputOf(page, cellId), label);
}

/**
 * How `value` should read in the inline value `inline`: in the page's language, in the notation
 * the element asks for (`data-digits`, or `data-significant` in a comparison, trailing zeros kept).
 */
export async function inlineNotation(inline: Locator, value: number, locale: string): Promise<string> {
  const dataset = await inline.evaluate((element: HTMLElement) => ({ ...element.dataset }));
  return formatNumber(value, locale, resultFormatOf(dataset));
}
