/** How a live value reads inside a sentence: numbers in the page's language, text as it is. */
import type { ResultValue } from './protocol.ts';

export function formatResult(result: ResultValue, locale: string, digits: number): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  switch (result.kind) {
    case 'number':
      return format.format(result.value);
    case 'text':
      return result.value;
    case 'tensor':
      return `[${result.values.map((value) => format.format(value)).join(', ')}]`;
  }
}
