/**
 * How a live value reads inside a sentence: numbers in the page's language, text as it is.
 *
 * Two notations: a number of decimals (`<Result digits={4} />`, data-digits), or a number of
 * significant digits (`<Compare significant={4} />`, data-significant), which is how the reader's
 * value and the article's are put side by side in one notation whatever their size.
 */
import type { ResultValue } from './protocol.ts';

export interface ResultFormat {
  /** At most this many decimals (trailing zeros dropped). */
  digits?: number;
  /** Exactly this many significant digits (trailing zeros kept, so that two values line up). */
  significant?: number;
}

/** The default of `<Result>`: four decimals at most. */
export const DEFAULT_DIGITS = 4;

export function formatResult(result: ResultValue, locale: string, format: number | ResultFormat = {}): string {
  const numberFormat = numberFormatFor(locale, typeof format === 'number' ? { digits: format } : format);
  switch (result.kind) {
    case 'number':
      return numberFormat.format(result.value);
    case 'text':
      return result.value;
    case 'tensor':
      return `[${result.values.map((value) => numberFormat.format(value)).join(', ')}]`;
  }
}

/** A number in the page's language with the given notation, e.g. the article's value of a comparison. */
export function formatNumber(value: number, locale: string, format: ResultFormat): string {
  return numberFormatFor(locale, format).format(value);
}

/** Decimals a control's value keeps in its note: a fine step still reads in full. */
const CONTROL_DIGITS = 6;

/**
 * A control's value in its note, at build (Control.astro) and after a change (live-control.ts): a
 * number as the page's language writes it (0,01; 1 000), a select's text as it is.
 */
export function formatControlValue(value: number | string, locale: string): string {
  return typeof value === 'number' ? formatNumber(value, locale, { digits: CONTROL_DIGITS }) : value;
}

/**
 * The reader's value minus the article's, signed, with as many decimals as the article's value
 * shows at that precision: 0.9156 against 0.9128 at 4 significant digits reads "+0.0028".
 */
export function formatDifference(value: number, articleValue: number, locale: string, significant: number): string {
  const decimals = decimalsFor(articleValue, significant);
  // The difference of the two values as shown, so that it matches what the reader subtracts by eye.
  const shown = (number: number) => Number(number.toFixed(decimals));
  const difference = shown(shown(value) - shown(articleValue));
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'exceptZero',
  }).format(difference);
}

/**
 * The notation an element asks for through its data attributes (`data-significant`, else
 * `data-digits`), e.g. `formatResult(result, locale, resultFormatOf(element.dataset))`.
 */
export function resultFormatOf(dataset: Readonly<Record<string, string | undefined>>): ResultFormat {
  const significant = positiveInteger(dataset['significant']);
  if (significant !== undefined) return { significant };
  return { digits: positiveInteger(dataset['digits']) ?? DEFAULT_DIGITS };
}

function numberFormatFor(locale: string, format: ResultFormat): Intl.NumberFormat {
  if (format.significant !== undefined) {
    const significant = clamp(format.significant, 1, 21);
    return new Intl.NumberFormat(locale, { minimumSignificantDigits: significant, maximumSignificantDigits: significant });
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: clamp(format.digits ?? DEFAULT_DIGITS, 0, 20) });
}

/** How many decimals `value` shows with `significant` significant digits (0 for large values): 0.9128 at 4 shows 4. */
export function decimalsFor(value: number, significant: number): number {
  if (value === 0 || !Number.isFinite(value)) return Math.max(0, significant - 1);
  const magnitude = Math.floor(Math.log10(Math.abs(Number(value.toPrecision(significant)))));
  return clamp(significant - 1 - magnitude, 0, 20);
}

function positiveInteger(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
