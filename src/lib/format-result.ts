/** How a live value reads inside a sentence: numbers in the page's language, text as it is. */
import type { ResultValue } from '../runtime/protocol.ts';

export function formatResult(result: ResultValue, locale: string, digits: number): string {
  return result.kind === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(result.value) : result.value;
}
