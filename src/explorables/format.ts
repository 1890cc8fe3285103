/** Numbers as the explorers say them, in the page's language (the build and the page alike). */
import { topDigits } from './model.ts';

export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** An accuracy as a percentage with two decimals: 0.9128 gives 91.28 %. */
export function formatAccuracy(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A weight with four decimals and its sign. */
export function formatWeight(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4, signDisplay: 'negative' }).format(value);
}

/** The `count` most probable digits in words: "7 (99.7%), 3 (0.2%) and 9 (0.1%)". */
export function formatTopDigits(probabilities: readonly number[], locale: string, count = 3): string {
  const open = locale === 'ja' ? '（' : ' (';
  const close = locale === 'ja' ? '）' : ')';
  const items = topDigits(probabilities, count).map(
    ({ digit, probability }) => `${digit}${open}${formatPercent(probability, locale)}${close}`,
  );
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
